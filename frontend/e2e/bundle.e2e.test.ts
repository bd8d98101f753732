// Gói dữ liệu in the browser, between two real ledgers: the lead (the page,
// demo cluster) and a school made with the real binary (it imports the lead's
// bundle, registers its key, records classes and exports its own bundle). At
// the lead: the bundle is refused while the school's key is unknown, the key
// is added through the form (a wrong fingerprint refused at its field), the
// bundle comes in with its progress and summary, again changes nothing, and a
// truncated copy is refused with its reason and changes nothing.

import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  SOCAI_BIN,
  eventCount,
  execFileP,
  fieldError,
  loadArea,
  screenshot,
  setupHarness,
  text,
} from './harness';

interface KeyJSON {
  origin: string;
  public_key: string;
  fingerprint: string;
}

let schoolKey: KeyJSON;
let leadKey: KeyJSON;
let schoolEvents = 0;
let bundle = '';
let truncated = '';

async function school(db: string, ...args: string[]): Promise<string> {
  return (await execFileP(SOCAI_BIN, ['--db', db, ...args], { timeout: 120_000 })).stdout;
}

const CLASSES = [1, 2, 3].map(
  (k) =>
    `{"type":"ClassOpened","stream":"class-lc-goi-${k}","occurred_on":"2021-03-0${k}","data":{"class_id":"lc-goi-${k}","school_id":"laichau","class_type":"tc-llct-hc","name":"Lớp gói ${k}","students":${40 + k},"start_date":"2021-03-0${k}","mode":"tap_trung"},"meta":{}}`,
);

const h = setupHarness({
  seed: async (socai, tmp) => {
    await socai('demo');
    await socai('key', 'register', '--school', 'sonla');
    leadKey = JSON.parse(await socai('key', 'show', '--json')) as KeyJSON;
    const leadFile = path.join(tmp, 'cum.socai');
    await socai('bundle', 'export', '--out', leadFile);

    const db = path.join(tmp, 'laichau.db');
    await school(db, 'init');
    await school(db, 'key', 'add', '--school', 'sonla', '--origin', leadKey.origin, '--public-key', leadKey.public_key, '--fingerprint', leadKey.fingerprint);
    await school(db, 'bundle', 'import', leadFile);
    await school(db, 'key', 'register', '--school', 'laichau');
    const jsonl = path.join(tmp, 'lop.jsonl');
    writeFileSync(jsonl, CLASSES.join('\n') + '\n', 'utf8');
    await school(db, 'import', jsonl);
    schoolKey = JSON.parse(await school(db, 'key', 'show', '--json')) as KeyJSON;
    bundle = path.join(tmp, 'goi-laichau.socai');
    schoolEvents = (JSON.parse(await school(db, 'bundle', 'export', '--out', bundle, '--json')) as { events: number }).events;
    const bytes = readFileSync(bundle);
    truncated = path.join(tmp, 'goi-laichau-hong.socai');
    writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length / 2)));
  },
});

describe('Gói dữ liệu and khóa ký against socai serve', () => {
  const importFile = async (file: string) => {
    const p = h.page;
    const status = p.getByTestId('bundle-status');
    const run = (await status.count()) > 0 ? Number(await status.getAttribute('data-run')) : 0;
    await p.getByTestId('bundle-file').setInputFiles(file);
    // this import's result, not the last one's
    await expect
      .poll(async () => `${await status.getAttribute('data-run')} ${await status.getAttribute('data-phase')}`, { timeout: 60_000 })
      .toMatch(new RegExp(`^${run + 1} (done|refused|cancelled)$`));
    return (await status.getAttribute('data-phase')) ?? '';
  };

  it('shows this installation’s fingerprint in groups and its registered key', async () => {
    const p = await loadArea(h, 'exchange', 'exchange-page');
    await p.getByTestId('key-fingerprint').waitFor();
    expect(await text(p.getByTestId('key-fingerprint'))).toBe(leadKey.fingerprint.replace(/-/g, ''));
    expect(await p.getByTestId('key-fingerprint').locator('span').count()).toBe(5);
    expect(await text(p.getByTestId('key-public'))).toBe(leadKey.public_key);
    expect(await text(p.getByTestId('key-registered'))).toContain('sonla');
    expect(schoolEvents).toBe(CLASSES.length + 2); // the classes, the school's own key and the lead's it added
  });

  it('refuses the school’s bundle while its key is not registered here, and imports nothing', async () => {
    const before = await eventCount(h);
    expect(await importFile(bundle)).toBe('refused');
    const refused = h.page.getByTestId('bundle-refused');
    expect(await refused.getAttribute('data-code')).toBe('unknown_signer');
    expect(await text(refused)).toContain('chưa được đăng ký khóa');
    expect(await eventCount(h)).toBe(before);
  });

  it('adds the school’s key through the form: a wrong fingerprint is refused at its field', async () => {
    const p = h.page;
    const before = await eventCount(h);
    await p.getByTestId('key-add').click();
    await p.getByTestId('keyadd-form').waitFor();
    await p.locator('#keyadd_school_id').fill('laichau');
    await p.locator('#keyadd_origin').fill(schoolKey.origin);
    await p.locator('#keyadd_public_key').fill(schoolKey.public_key);
    await p.locator('#keyadd_fingerprint').fill('AAAA-BBBB-CCCC-DDDD-EEEE');
    await p.getByTestId('keyadd-submit').click();
    await expect.poll(() => text(fieldError(p, 'keyadd_fingerprint'))).toContain('không khớp khóa công khai');
    expect(await eventCount(h)).toBe(before);

    await p.locator('#keyadd_fingerprint').fill(schoolKey.fingerprint.toLowerCase());
    await p.getByTestId('keyadd-submit').click();
    await p.getByTestId('keyadd-form').waitFor({ state: 'detached' });
    expect(await eventCount(h)).toBe(before + 1);
    await expect.poll(() => text(p.getByTestId('key-list'))).toContain(schoolKey.fingerprint);
    expect(await text(p.getByTestId('key-list'))).toContain('laichau');
  });

  it('imports the bundle: the progress finishes and the summary says how many, from whom', async () => {
    const p = h.page;
    const before = await eventCount(h);
    expect(await importFile(bundle)).toBe('done');
    const bar = p.getByTestId('bundle-progress');
    expect(await bar.getAttribute('class')).toContain('ant-progress-status-success');
    expect(await bar.getAttribute('aria-valuenow')).toBe('100');
    const done = await text(p.getByTestId('bundle-done'));
    expect(done).toContain(`Đã nhập ${schoolEvents} sự kiện mới`);
    const from = await text(p.getByTestId('bundle-from'));
    expect(from).toContain('Lai Châu');
    expect(from).toContain(schoolKey.origin);
    expect(from).toContain(schoolKey.fingerprint);
    expect(await eventCount(h)).toBe(before + schoolEvents);
    await screenshot(p, 'exchange-bundle.png');
  });

  it('imports it again: nothing new, no error', async () => {
    const p = h.page;
    const before = await eventCount(h);
    expect(await importFile(bundle)).toBe('done');
    expect(await text(p.getByTestId('bundle-done'))).toContain('Đã nhập 0 sự kiện mới');
    expect(await text(p.getByTestId('bundle-done'))).toContain('mọi sự kiện của gói đã có');
    expect(await eventCount(h)).toBe(before);
  });

  it('refuses a truncated copy with its reason and changes nothing', async () => {
    const p = h.page;
    const before = await eventCount(h);
    expect(await importFile(truncated)).toBe('refused');
    const refused = p.getByTestId('bundle-refused');
    expect(await refused.getAttribute('data-code')).toBe('corrupt');
    expect(await text(refused)).toContain('Không nhập gói goi-laichau-hong.socai');
    expect(await eventCount(h)).toBe(before);
    await screenshot(p, 'exchange-bundle-refused.png');
  });

  it('exports this installation’s own events as a bundle the browser downloads', async () => {
    const p = h.page;
    const download = p.waitForEvent('download');
    await p.getByTestId('bundle-export').click();
    const d = await download;
    expect(d.suggestedFilename()).toMatch(/^goi-.*\.socai$/);
    const saved = path.join(h.tmp, d.suggestedFilename());
    await d.saveAs(saved);
    expect(readFileSync(saved).subarray(0, 15).toString()).toBe('SQLite format 3');
    await expect.poll(() => text(p.getByTestId('bundle-exported'))).toMatch(/Đã xuất [\d.]+ sự kiện vào goi-/);
    // the school reads it back: its own signer check passes once it knows the lead
    const out = await school(path.join(h.tmp, 'laichau.db'), 'bundle', 'import', saved, '--json');
    expect((JSON.parse(out) as { refused: boolean }).refused).toBe(false);
    await screenshot(p, 'exchange-keys.png');
  });
});
