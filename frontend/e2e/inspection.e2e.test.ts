// Kiểm tra chéo in the browser: on the demo ledger, open an inspection of the
// cluster for 2021-H1, take the figures of report 51-BC/CTĐ, see the totals
// khớp and the class-type breakdown chênh lệch, record a finding, conclude, and
// export the biên bản (the downloaded file is read back and checked).

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  SCREENSHOT_DIR,
  demoHarness,
  eventCount,
  fieldError,
  loadArea,
  pickOption,
  screenshot,
  text,
} from './harness';

const CLUSTER = 'Cụm thi đua các trường chính trị khu vực miền núi biên giới phía Bắc';
const ID = 'kt-mnbgpb-2021-H1';

const h = demoHarness('2021-H1');

describe('Kiểm tra chéo against socai serve', () => {
  const row = (key: string) => h.page.locator(`[data-testid="cmp-${key}"]`);
  const check = (key: string) => h.page.locator(`[data-testid="chk-${key}"]`);

  it('opens an inspection of the cluster for 2021-H1', async () => {
    const p = await loadArea(h, 'inspections', 'audit-page');
    await p.getByRole('tab', { name: 'Kiểm tra chéo' }).click();
    await p.getByTestId('audit-inspection').waitFor();
    expect(await text(p.getByTestId('inspection-list'))).toContain('Chưa có cuộc kiểm tra chéo nào');

    const before = await eventCount(h);
    await p.getByTestId('inspection-open').click();
    await p.getByTestId('openInspection-form').waitFor();
    await pickOption(p, p.locator('#openInspection_inspected'), CLUSTER);
    expect(await text(p.locator('.ant-select', { has: p.locator('#openInspection_period') }))).toContain(
      '6 tháng đầu năm 2021',
    );
    await p.locator('#openInspection_inspector').fill('Nguyễn Văn An');
    await p.locator('#openInspection_members').fill('Lò Thị Hoa');
    await p.locator('#openInspection_members').press('Enter');
    await p.getByTestId('openInspection-submit').click();
    await p.getByTestId('openInspection-form').waitFor({ state: 'detached' });
    await expect.poll(() => text(p.getByTestId('inspection-title'))).toBe(ID);
    expect(await text(p.getByTestId('inspection-inspected'))).toBe(CLUSTER);
    expect(await text(p.getByTestId('inspection-status'))).toBe('Đang kiểm tra');
    expect(await text(p.getByTestId('inspection-source'))).toBe('Chưa nhập số liệu báo cáo');
    expect(await eventCount(h)).toBe(before + 1);
  });

  it('refuses to open the same inspection twice, and records nothing', async () => {
    const p = h.page;
    const before = await eventCount(h);
    await p.getByTestId('inspection-open').click();
    await p.getByTestId('openInspection-form').waitFor();
    await pickOption(p, p.locator('#openInspection_inspected'), CLUSTER);
    await p.locator('#openInspection_inspector').fill('Nguyễn Văn An');
    await p.getByTestId('openInspection-submit').click();
    await expect.poll(() => text(fieldError(p, 'openInspection_inspection_id'))).toContain('đã được mở');
    await p.getByTestId('openInspection-cancel').click();
    await p.getByTestId('openInspection-form').waitFor({ state: 'detached' });
    expect(await eventCount(h)).toBe(before);
  });

  it('takes the figures of 51-BC/CTĐ: totals khớp, the class-type breakdown chênh lệch', async () => {
    const p = h.page;
    await p.getByTestId('inspection-take').click();
    await p.getByTestId('takeFigures-form').waitFor();
    expect(await text(p.locator('.ant-select', { has: p.locator('#takeFigures_report_id') }))).toContain(
      '51-BC/CTĐ, ngày 12/08/2021',
    );
    await p.getByTestId('takeFigures-submit').click();
    await p.getByTestId('takeFigures-form').waitFor({ state: 'detached' });
    await expect.poll(() => text(p.getByTestId('inspection-source'))).toBe('Lấy từ báo cáo 51-BC/CTĐ');

    for (const [key, reported] of [
      ['classplans.executed.classes', '260'],
      ['classplans.executed.students', '16.182'],
      ['classplans.carried.students', '9.852'],
      ['classplans.new.classes', '113'],
      ['stafftraining.total', '86'],
      ['research.active.total', '83'],
    ] as const) {
      await expect.poll(() => row(key).getAttribute('data-status')).toBe('khop');
      const cells = (await row(key).locator('td').allTextContents()).map((s) => s.trim());
      expect(cells.slice(2, 6)).toEqual([reported, reported, '0', 'Khớp']);
    }
    expect(await row('classplans.type.tc-llct-hc.new.classes').getAttribute('data-status')).toBe('chenh_lech');
    expect(await text(row('classplans.type.tc-llct-hc.new.classes'))).toContain('Chênh lệch');
    expect(await row('classplans.type.qtan.new.students').getAttribute('data-status')).toBe('khop');

    const cells = (await check('classplans.type.*.new.classes').locator('td').allTextContents()).map((s) => s.trim());
    expect(cells.slice(0, 5)).toEqual(['Mở mới (lớp) – cộng theo loại lớp', '113', '169', '+56', 'Chênh lệch']);
    expect(await check('classplans.type.*.new.students').getAttribute('data-status')).toBe('chenh_lech');
    expect(await check('classplans.carried+new.students').getAttribute('data-status')).toBe('khop');
    expect(await text(p.getByTestId('sum-checks'))).toBe('2');
    await screenshot(p, 'kiem-tra-cheo.png');
  });

  it('records a finding from a row', async () => {
    const p = h.page;
    await p.getByTestId('finding-from-classplans.type.tc-llct-hc.new.classes').click();
    await p.getByTestId('finding-form').waitFor();
    expect(await text(p.getByTestId('finding-subject'))).toBe('Trung cấp lý luận chính trị - hành chính: mở mới (lớp)');
    expect(await text(p.locator('.ant-select', { has: p.locator('#finding_status') }))).toBe('Chênh lệch');
    expect(await p.locator('#finding_reported').inputValue()).toBe('69');
    await p.locator('#finding_comment').fill('Báo cáo cộng cả các lớp khai giảng sau 30/6');
    await p.getByTestId('finding-submit').click();
    await p.getByTestId('finding-form').waitFor({ state: 'detached' });
    const findings = p.getByTestId('inspection-findings');
    await expect.poll(() => text(findings)).toContain('Báo cáo cộng cả các lớp khai giảng sau 30/6');
    expect(await text(findings)).toContain('Trung cấp lý luận chính trị - hành chính: mở mới (lớp)');
  });

  it('concludes: nothing more can be recorded', async () => {
    const p = h.page;
    await p.getByTestId('inspection-close').click();
    await p.getByTestId('closeInspection-form').waitFor();
    await p.locator('#closeInspection_conclusion').fill('Tổng số khớp sổ cái; cơ cấu theo loại lớp phải lập lại.');
    await p.getByTestId('closeInspection-submit').click();
    await p.getByTestId('closeInspection-form').waitFor({ state: 'detached' });
    await expect.poll(() => text(p.getByTestId('inspection-status'))).toBe('Đã kết luận');
    expect(await text(p.getByTestId('inspection-conclusion'))).toBe('Tổng số khớp sổ cái; cơ cấu theo loại lớp phải lập lại.');
    for (const b of ['inspection-take', 'inspection-enter', 'inspection-finding', 'inspection-close']) {
      expect(await p.getByTestId(b).isDisabled()).toBe(true);
    }
    await screenshot(p, 'kiem-tra-cheo-ket-luan.png');
  });

  it('exports the biên bản with the digest of the ledger compared', async () => {
    const p = h.page;
    const compared = await h.api<{ digests: { short: string; full: string }[]; frozen: boolean }>(
      'InspectionService',
      'Compare',
      ID,
    );
    expect(compared.frozen).toBe(true);
    expect(compared.digests).toHaveLength(1);
    expect(await text(p.getByTestId('inspection-digests'))).toContain(compared.digests[0]!.short);

    const [download] = await Promise.all([p.waitForEvent('download'), p.getByTestId('inspection-export-html').click()]);
    expect(download.suggestedFilename()).toBe(`bien-ban-kiem-tra-cheo-${ID}.html`);
    const file = path.join(h.tmp, download.suggestedFilename());
    await download.saveAs(file);
    const html = readFileSync(file, 'utf8');

    // read the file as a browser does
    const doc = await h.context.newPage();
    await doc.setContent(html);
    const cells = async (selector: string) =>
      (await doc.locator(selector).locator('td').allTextContents()).map((s) => s.trim());
    expect(await text(doc.locator('h1'))).toBe('BIÊN BẢN KIỂM TRA CHÉO');
    expect((await cells('tr[data-key="classplans.executed.students"]')).slice(3)).toEqual(['16.182', '16.182', '0', 'Khớp']);
    expect((await cells('tr[data-key="classplans.type.*.new.classes"]')).slice(2)).toEqual(['113', '169', '+56', 'Chênh lệch']);
    expect(await doc.locator('[data-full]').getAttribute('data-full')).toBe(compared.digests[0]!.full);
    expect(await text(doc.locator('#conclusion'))).toBe('Tổng số khớp sổ cái; cơ cấu theo loại lớp phải lập lại.');
    expect(await text(doc.locator('#findings'))).toContain('Báo cáo cộng cả các lớp khai giảng sau 30/6');
    expect(await doc.evaluate(() => getComputedStyle(document.body).fontFamily)).toContain('Times New Roman');
    await doc.setViewportSize({ width: 900, height: 1200 });
    await doc.screenshot({ path: path.join(SCREENSHOT_DIR, 'bien-ban-kiem-tra-cheo.png'), fullPage: true });
    await doc.close();

    const [json] = await Promise.all([p.waitForEvent('download'), p.getByTestId('inspection-export-json').click()]);
    const jsonFile = path.join(h.tmp, json.suggestedFilename());
    await json.saveAs(jsonFile);
    const report = JSON.parse(readFileSync(jsonFile, 'utf8')) as {
      inspection: { inspection_id: string; status: string };
      digests: { full: string }[];
      findings: { note: string }[];
      made_at: string;
    };
    expect(report.inspection).toMatchObject({ inspection_id: ID, status: 'closed' });
    expect(report.digests[0]!.full).toBe(compared.digests[0]!.full);
    expect(report.findings.map((f) => f.note)).toEqual(['Báo cáo cộng cả các lớp khai giảng sau 30/6']);
    expect(Number.isNaN(Date.parse(report.made_at))).toBe(false);
    expect(h.pageErrors).toEqual([]);
  });

  it('types the figures of a school paper report', async () => {
    const p = h.page;
    await p.getByTestId('inspection-open').click();
    await p.getByTestId('openInspection-form').waitFor();
    await pickOption(p, p.locator('#openInspection_inspected'), 'Trường Chính trị tỉnh Sơn La');
    await p.locator('#openInspection_inspector').fill('Lê Văn Bình');
    await p.getByTestId('openInspection-submit').click();
    await p.getByTestId('openInspection-form').waitFor({ state: 'detached' });
    await expect.poll(() => text(p.getByTestId('inspection-title'))).toBe('kt-sonla-2021-H1');

    const ledger = await h.api<{ figures: { key: string; computed: number | null }[] }>(
      'InspectionService',
      'Compare',
      'kt-sonla-2021-H1',
    );
    const computed = (key: string) => ledger.figures.find((f) => f.key === key)?.computed ?? NaN;
    await p.getByTestId('inspection-enter').click();
    await p.getByTestId('enterFigures-form').waitFor();
    await pickOption(p, p.locator('#enterFigures_rows_0_key'), 'Thực hiện (lớp)');
    await p.locator('#enterFigures_rows_0_value').fill(String(computed('classplans.executed.classes')));
    await p.getByRole('button', { name: 'Thêm số liệu' }).click();
    await pickOption(p, p.locator('#enterFigures_rows_1_key'), 'Thực hiện (học viên)');
    await p.locator('#enterFigures_rows_1_value').fill(String(computed('classplans.executed.students') + 5));
    await p.locator('#enterFigures_source').fill('45-BC/TCT');
    await p.getByTestId('enterFigures-submit').click();
    await p.getByTestId('enterFigures-form').waitFor({ state: 'detached' });
    await expect.poll(() => text(p.getByTestId('inspection-source'))).toBe('Đoàn kiểm tra nhập theo 45-BC/TCT');
    expect(await row('classplans.executed.classes').getAttribute('data-status')).toBe('khop');
    expect(await row('classplans.executed.students').getAttribute('data-status')).toBe('chenh_lech');
    expect((await row('classplans.executed.students').locator('td').allTextContents())[4]?.trim()).toBe('+5');
    expect(await text(p.getByTestId('sum-reported'))).toBe('2');
    expect(h.pageErrors).toEqual([]);
  });
});
