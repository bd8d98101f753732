// "Bản chụp số liệu của kỳ": export the 2021-H1 snapshot from the exchange page, record
// one more class in the ledger, then open the snapshot read-only ("chế độ kiểm tra"):
// the banner says which snapshot and who signed it, Kế hoạch mở lớp shows the snapshot's
// 260 classes (not the ledger's 261), writes are disabled and refused by the API;
// "Đóng bản chụp" brings the ledger back. A file that is not a snapshot is refused.

import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoHarness, openArea, screenshot, text } from './harness';

const h = demoHarness('2021-H1');

interface SnapshotState {
  period: string;
  cutoff: string;
  fingerprint: string;
  events: number;
}
interface AsOfState {
  historical: boolean;
  events: number;
  snapshot: SnapshotState | null;
}

/** A service call that must be refused: its HTTP status and body. */
async function refused(service: string, method: string, ...args: unknown[]) {
  const token = new URL(h.pageUrl).searchParams.get('token') ?? '';
  const res = await fetch(`${h.baseUrl}/api/${service}/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Socai-Token': token },
    body: JSON.stringify(args),
  });
  return { status: res.status, body: (await res.json()) as { error: string; code: string } };
}

const newClass = (name: string) => ({
  class_id: '',
  school_id: 'sonla',
  class_type: 'tc-llct-hc',
  name,
  students: 40,
  start_date: '2021-04-01',
  end_date: '2021-06-30',
  mode: 'tap_trung',
  partner: '',
});

describe('Bản chụp số liệu against socai serve', () => {
  let file = '';
  let events = 0;
  let fingerprint = '';

  beforeAll(() => {
    file = path.join(h.tmp, 'ban-chup-2021-H1.socai');
  });

  it('exports the 2021-H1 snapshot from the exchange page', async () => {
    const p = h.page;
    await p.goto(h.pageUrl);
    await openArea(p, 'exchange', 'exchange-page');
    const section = p.getByTestId('exchange-snapshot');
    await section.waitFor();
    await p.getByTestId('snapshot-path').fill(file);
    await p.getByTestId('snapshot-export').click();
    await p.getByTestId('snapshot-result').waitFor({ timeout: 60_000 });
    expect(await text(p.getByTestId('snapshot-result-path'))).toBe(file);
    events = (await h.api<{ events: number }>('LedgerService', 'Info')).events;
    expect(await text(p.getByTestId('snapshot-result-events'))).toBe(events.toLocaleString('de-DE'));
    fingerprint = await text(p.getByTestId('snapshot-result-fingerprint'));
    expect(fingerprint).toMatch(/^[0-9A-F]{4}(-[0-9A-F]{4}){4}$/);
    await screenshot(p, 'ban-chup-xuat.png');
  });

  it('opens it read-only after the ledger moved on: the snapshot’s 260 classes, writes disabled', async () => {
    const p = h.page;
    // the ledger moves on after the snapshot: 261 classes
    await h.api('ClassPlanService', 'OpenClass', newClass('Lớp mở sau bản chụp'), { reason: '', source: '' });
    expect(await p.getByTestId('snapshot-open-path').inputValue()).toBe(file);
    await p.getByTestId('snapshot-open').click();

    const title = p.getByTestId('snapshot-banner-title');
    await title.waitFor({ timeout: 60_000 });
    const banner = await text(title);
    expect(banner).toContain('Chế độ kiểm tra — bản chụp kỳ 6 tháng đầu năm 2021 của toàn cụm');
    expect(banner).toContain(fingerprint);
    expect(await text(p.getByTestId('snapshot-key-status'))).toContain('đối chiếu dấu vân tay');
    expect(await text(p.getByTestId('asof-tag'))).toBe('Chế độ kiểm tra');
    expect(await p.getByTestId('asof-banner').count()).toBe(0);
    const st = await h.api<AsOfState>('LedgerService', 'AsOfState');
    expect(st.snapshot?.period).toBe('2021-H1');
    expect(st.events).toBe(events);

    // at the snapshot's end there is no "Về hiện tại": the snapshot is all there is;
    // at an earlier moment of it the way back is to its end
    expect(await p.getByTestId('asof-now').count()).toBe(0);
    const earlier = new Date(Date.parse(st.snapshot?.cutoff ?? '') - 1000).toISOString();
    await h.api('LedgerService', 'SetAsOf', earlier);
    await p.reload();
    const back = p.getByTestId('asof-now');
    await expect.poll(() => text(back), { timeout: 30_000 }).toBe('Về cuối bản chụp');
    await back.click();
    await back.waitFor({ state: 'detached', timeout: 30_000 });
    expect(await text(p.getByTestId('asof-tag'))).toBe('Chế độ kiểm tra');

    await openArea(p, 'classPlans', 'classplans-page');
    await expect.poll(() => text(p.getByTestId('cp-executed-classes')), { timeout: 30_000 }).toBe('260/323');
    for (const id of ['btn-openClass', 'btn-planClass', 'btn-assignTarget']) {
      expect(await p.getByTestId(id).isDisabled()).toBe(true);
    }
    await p.getByTestId('snapshot-banner').waitFor();
    await screenshot(p, 'ban-chup-che-do-kiem-tra.png');

    const write = await refused('ClassPlanService', 'OpenClass', newClass('Lớp ghi lén'), { reason: '', source: '' });
    expect([write.status, write.body.code]).toEqual([422, 'read_only']);
    expect(write.body.error).toContain('chế độ kiểm tra: bản chụp số liệu kỳ 2021-H1 chỉ đọc');

    // the audit tools work on the snapshot: its chains, its events
    const rep = await h.api<{ ok: boolean; checked: number }>('LedgerService', 'Verify');
    expect([rep.ok, rep.checked]).toEqual([true, events]);
  });

  it('"Đóng bản chụp" brings the ledger back, writable, with its 261 classes', async () => {
    const p = h.page;
    await p.getByTestId('snapshot-close').click();
    await p.getByTestId('snapshot-banner').waitFor({ state: 'detached' });
    await expect.poll(() => text(p.getByTestId('cp-executed-classes')), { timeout: 30_000 }).toBe('261/323');
    expect(await p.getByTestId('btn-openClass').isDisabled()).toBe(false);
    expect(await p.getByTestId('app-header').getAttribute('data-historical')).toBe('false');
  });

  it('refuses to open a file that is not a snapshot, and stays on the ledger', async () => {
    const p = h.page;
    await openArea(p, 'exchange', 'exchange-page');
    await p.getByTestId('snapshot-open-path').fill(h.db);
    await p.getByTestId('snapshot-open').click();
    await expect
      .poll(() => text(p.locator('.ant-message-notice-content').last()), { timeout: 30_000 })
      .toContain('không phải tệp socai');
    expect(await p.getByTestId('snapshot-banner').count()).toBe(0);
    const st = await h.api<AsOfState>('LedgerService', 'AsOfState');
    expect([st.historical, st.snapshot]).toEqual([false, null]);
  });
});
