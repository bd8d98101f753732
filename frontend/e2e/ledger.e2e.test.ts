// End to end: the real socai binary (env SOCAI_BIN), a fresh database, two imported
// events, `socai serve` and Debian's chromium driven by playwright-core.
//
//   SOCAI_BIN=/path/to/socai npm run e2e
//
// Writes screenshots to $SOCAI_SCREENSHOTS (make screenshots: docs/screenshots), else to build/screenshots.

import { describe, expect, it } from 'vitest';
import { SQLITE3, execFileP, importEvents, screenshot, setupHarness } from './harness';

const EVENTS = [
  {
    type: 'ClusterFormed',
    stream: 'cluster-mnbg',
    occurred_on: '2021-01-01',
    data: {
      cluster_id: 'mnbg',
      name: 'Cụm thi đua các trường chính trị khu vực miền núi biên giới phía Bắc',
      region: 'Miền núi biên giới phía Bắc',
    },
    meta: { actor: 'e2e' },
  },
  {
    type: 'SchoolRegistered',
    stream: 'school-sonla',
    occurred_on: '2021-01-01',
    data: {
      school_id: 'sonla',
      name: 'Trường Chính trị tỉnh Sơn La',
      province: 'Sơn La',
      cluster_id: 'mnbg',
    },
    meta: { actor: 'e2e' },
  },
];

const h = setupHarness({
  seed: async (socai, tmp) => {
    await socai('init');
    await importEvents(socai, tmp, EVENTS);
  },
});

describe('Sổ cái in the browser against socai serve', () => {
  it('refuses API requests without the token', async () => {
    const res = await fetch(`${h.baseUrl}/api/LedgerService/Info`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '[]',
    });
    expect([401, 403]).toContain(res.status);

    const wrong = await fetch(`${h.baseUrl}/api/LedgerService/Info`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Socai-Token': 'not-the-token' },
      body: '[]',
    });
    expect([401, 403]).toContain(wrong.status);
  });

  it('shows the ledger, verifies it and takes the screenshot', async () => {
    const p = h.page;
    await p.goto(h.pageUrl);
    await expect.poll(() => p.title()).toBe('socai – Sổ cái Cụm thi đua');
    // the app opens on "Tổng quan"; the ledger is one click away
    await p.getByTestId('overview-page').waitFor({ timeout: 30_000 });
    await p.getByTestId('nav-ledger').click();
    await p.getByTestId('event-count').waitFor({ timeout: 30_000 });
    expect((await p.getByTestId('event-count').textContent())?.trim()).toBe('2');
    expect((await p.getByTestId('stream-count').textContent())?.trim()).toBe('2');
    expect((await p.getByTestId('db-path').textContent()) ?? '').toContain('t.db');
    expect(await p.getByTestId('head-local-tag').count()).toBe(1);
    expect(await p.getByTestId('head-local-tag').first().textContent()).toBe('Máy này');

    // every area of the menu can be opened, the inspectors' one included
    const inspections = p.getByTestId('nav-inspections');
    expect(await inspections.getAttribute('aria-disabled')).not.toBe('true');

    await p.getByTestId('verify-button').click();
    const result = p.getByTestId('verify-result');
    await result.waitFor({ timeout: 30_000 });
    expect(await result.getAttribute('data-ok')).toBe('true');
    expect(await result.textContent()).toContain(
      'Toàn vẹn: đã kiểm tra 2 sự kiện, không phát hiện sửa đổi',
    );

    await screenshot(p, 'so-cai.png');

    // a reload keeps working: the token is kept in sessionStorage
    await p.goto(`${h.baseUrl}/`);
    await p.getByTestId('overview-page').waitFor({ timeout: 30_000 });
    await p.getByTestId('nav-ledger').click();
    await p.getByTestId('event-count').waitFor({ timeout: 30_000 });
    expect((await p.getByTestId('event-count').textContent())?.trim()).toBe('2');

    expect(h.pageErrors).toEqual([]);
  });

  it('shows what an edit made outside the application breaks', async () => {
    const p = h.page;
    // What someone with the file and a SQLite tool could do: drop the append-only
    // trigger and rewrite the school's name in the second event.
    await execFileP(SQLITE3, [
      h.db,
      'DROP TRIGGER events_no_update; ' +
        "UPDATE events SET data = replace(data, 'Sơn La', 'Lai Châu') WHERE seq = 2;",
    ]);

    await p.getByTestId('verify-button').click();
    const result = p.locator('[data-testid="verify-result"][data-ok="false"]');
    await result.waitFor({ timeout: 30_000 });
    const problems = p.getByTestId('verify-problems');
    await problems.waitFor();
    const text = (await problems.textContent()) ?? '';
    expect(text).toContain('Nội dung bị sửa');
    expect(text).toContain('Mất cơ chế chỉ-ghi-thêm');

    await screenshot(p, 'so-cai-bi-sua.png');
  });
});
