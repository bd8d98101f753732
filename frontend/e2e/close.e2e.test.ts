// Chốt số liệu and mã xác thực: close 2021-H1 of the demo cluster from the audit
// page, record a late class of the first half-year (and an unrelated bulletin of
// the second), see the amendment after close with the figures at close and now; the
// report page carries its digest and marks; the digest tab verifies that code,
// before and after the history before it was altered outside the application.

import { describe, expect, it } from 'vitest';
import {
  SQLITE3,
  demoHarness,
  execFileP,
  fieldError,
  openArea,
  pickOption,
  screenshot,
  text,
} from './harness';
import { formatInt } from '../src/utils/format';

const h = demoHarness('2021-H1');

interface Result {
  seq: number;
}

const openAuditTab = async (name: string) => {
  const p = h.page;
  await openArea(p, 'inspections', 'audit-page');
  await p.getByRole('tab', { name }).click();
};

describe('Chốt số liệu and mã xác thực against socai serve', () => {
  it('closes 2021-H1 from the audit page, after asking for confirmation', async () => {
    const p = h.page;
    await p.goto(h.pageUrl);
    await p.getByTestId('overview-page').waitFor({ timeout: 30_000 });
    await openAuditTab('Chốt số liệu');
    await p.getByTestId('audit-close').waitFor();
    expect(await text(p.getByTestId('closes-table'))).toContain('Chưa chốt số liệu kỳ nào');

    await p.getByTestId('close-button').click();
    await p.getByTestId('close-form').waitFor();
    await pickOption(p, p.locator('#close_period'), '6 tháng đầu năm 2021');
    await p.locator('#close_note_reason').fill('Chốt số liệu báo cáo sơ kết 6 tháng đầu năm 2021');
    await p.locator('#close_note_source').fill('51-BC/CTĐ');
    // the only cluster is the default scope; without the acknowledgement nothing is recorded
    await p.getByTestId('close-submit').click();
    await expect.poll(() => fieldError(p, 'close_confirm').count()).toBe(1);
    await screenshot(p, 'chot-so-lieu-xac-nhan.png');
    await p.getByTestId('close-confirm').check();
    await p.getByTestId('close-submit').click();
    await p.getByTestId('close-form').waitFor({ state: 'detached' });

    const table = p.getByTestId('closes-table');
    await expect.poll(() => text(table)).toContain('6 tháng đầu năm 2021');
    expect(await text(table)).toContain('Cụm thi đua các trường chính trị khu vực miền núi biên giới phía Bắc');
    expect(await text(table)).toContain('51-BC/CTĐ');
    const summary = p.getByTestId('amendments-summary');
    await expect.poll(() => text(summary), { timeout: 30_000 }).toContain('Không có điều chỉnh sau chốt');

    // a second close of the same period is refused and records nothing
    const closes = await h.api<unknown[]>('CloseService', 'Closes');
    expect(closes.length).toBe(1);
    await p.getByTestId('close-button').click();
    await pickOption(p, p.locator('#close_period'), '6 tháng đầu năm 2021');
    await p.getByTestId('close-confirm').check();
    await p.getByTestId('close-submit').click();
    await expect.poll(() => text(fieldError(p, 'close_period'))).toContain('đã được chốt');
    await p.getByTestId('close-cancel').click();
    expect((await h.api<unknown[]>('CloseService', 'Closes')).length).toBe(1);
  });

  it('lists a late class of the first half-year as an amendment after close', async () => {
    const p = h.page;
    const late = await h.api<Result>(
      'ClassPlanService',
      'OpenClass',
      {
        class_id: 'sonla-2021-bo-sung',
        school_id: 'sonla',
        class_type: 'bd-cv',
        name: 'Lớp bồi dưỡng ngạch chuyên viên (ghi bổ sung)',
        students: 45,
        start_date: '2021-05-17',
        end_date: '2021-07-16',
        mode: 'tap_trung',
        partner: '',
      },
      { reason: 'Bổ sung lớp bị sót khi lập báo cáo', source: 'kiểm tra chéo' },
    );
    await h.api('ResearchService', 'IssueBulletin', { school_id: 'sonla', issue_no: '09/2021', date: '2021-09-20', articles: 14 }, {
      reason: '',
      source: '',
    });

    // the tabs are mounted afresh: the amendments are computed again
    await p.getByRole('tab', { name: 'Lịch sử đối tượng' }).click();
    await p.getByRole('tab', { name: 'Chốt số liệu' }).click();
    const box = p.locator('[data-testid="amendments"][data-amended="true"]');
    await box.waitFor({ timeout: 30_000 });
    expect(await text(p.getByTestId('amendments-summary'))).toContain('Điều chỉnh sau chốt: 1 sự kiện thay đổi');
    const events = p.getByTestId('amendment-events').locator('tbody tr.ant-table-row');
    expect(await events.count()).toBe(1);
    const row = await text(events.first());
    expect(row).toContain(formatInt(late.seq)); // 1.763
    expect(row).toContain('ClassOpened');
    expect(row).toContain('Bổ sung lớp bị sót khi lập báo cáo');
    expect(row).toContain('260 → 261');

    const executed = p
      .getByTestId('amendment-figures')
      .locator('tbody tr[data-changed="true"]', { hasText: /^Kế hoạch mở lớpTổng cộng: thực hiện \(lớp\)/ });
    expect(await executed.count()).toBe(1);
    const cells = executed.first().locator('td');
    expect(await text(cells.nth(2))).toBe('260');
    expect(await text(cells.nth(3))).toBe('261');
    expect(await text(cells.nth(4))).toBe('+1');
    await screenshot(p, 'dieu-chinh-sau-chot.png');
  });

  it('marks the report page and carries its digest with a QR code', async () => {
    const p = h.page;
    await openArea(p, 'classPlans', 'classplans-page');
    await p.getByTestId('close-flag').waitFor({ timeout: 30_000 });
    expect(await text(p.getByTestId('close-flag'))).toContain('Đã chốt số liệu');
    await p.getByTestId('amended-flag').waitFor({ timeout: 30_000 });
    expect(await text(p.getByTestId('amended-flag'))).toMatch(/^Điều chỉnh sau chốt: \d+ số liệu$/);

    const info = await h.api<{ heads: { origin: string; origin_seq: number; hash: string }[] }>('LedgerService', 'Info');
    const head = info.heads[0]!;
    const code = `${head.origin.slice(0, 8)}:${head.origin_seq}:${head.hash.slice(0, 12)}`;
    await expect.poll(() => text(p.getByTestId('digest-badge-code'))).toBe(code);
    await p.getByTestId('digest-qr-button').click();
    const img = p.getByTestId('digest-qr').locator('img');
    await img.waitFor();
    expect(await img.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    expect(await img.evaluate((el) => (el as HTMLImageElement).naturalWidth)).toBe(256);
    await screenshot(p, 'ma-xac-thuc-bao-cao.png');
    await p.keyboard.press('Escape');

    // the mark opens the amendments
    await p.getByTestId('amended-flag').click();
    await p.locator('[data-testid="amendments"][data-amended="true"]').waitFor({ timeout: 30_000 });
  });

  it('verifies the digest shown on the report page, then sees the history before it altered', async () => {
    const p = h.page;
    await openArea(p, 'classPlans', 'classplans-page');
    const code = await text(p.getByTestId('digest-badge-code'));
    expect(code).toMatch(/^[0-9a-f]{8}:\d+:[0-9a-f]{12}$/);

    // an event recorded after the report does not change the answer
    await h.api('ResearchService', 'IssueBulletin', { school_id: 'sonla', issue_no: '10/2021', date: '2021-10-20', articles: 9 }, {
      reason: '',
      source: '',
    });

    await openAuditTab('Mã xác thực');
    await p.getByTestId('digest-input').fill('abc');
    await p.getByTestId('digest-check').click();
    await expect.poll(() => text(fieldError(p, 'digest_code'))).toContain('ORIGIN:SEQ:HASH');

    await p.getByTestId('digest-input').fill(code);
    await p.getByTestId('digest-check').click();
    const verdict = p.getByTestId('digest-verdict');
    await verdict.waitFor({ timeout: 30_000 });
    expect(await verdict.getAttribute('data-intact')).toBe('true');
    expect(await verdict.getAttribute('data-ok')).toBe('true');
    expect(await text(verdict)).toContain('Sổ cái còn nguyên lịch sử đến mã này');
    expect(await text(verdict)).toContain('1 sự kiện được ghi sau mã');
    expect(await text(p.getByTestId('digest-codes'))).toContain('Có');
    await screenshot(p, 'ma-xac-thuc-kiem-tra.png');

    // someone with the file and an SQLite tool changes the students of an early class
    await execFileP(SQLITE3, [
      h.db,
      'DROP TRIGGER events_no_update; ' +
        "UPDATE events SET data = replace(data, '\"students\":', '\"students\":1') WHERE seq = (SELECT MIN(seq) FROM events WHERE type = 'ClassOpened');",
    ]);
    await p.getByTestId('digest-check').click();
    const broken = p.locator('[data-testid="digest-verdict"][data-intact="false"]');
    await broken.waitFor({ timeout: 30_000 });
    expect(await text(broken)).toContain('Lịch sử trước mã này đã bị thay đổi');
    expect(await text(p.getByTestId('verify-problems'))).toContain('Nội dung bị sửa');
    await screenshot(p, 'ma-xac-thuc-bi-sua.png');
    expect(h.pageErrors).toEqual([]);
  });
});
