// Tổng quan: the first start offers the demo cluster; its figures are the reference
// report's (51-BC/CTĐ, 2021-H1); the period and school selectors change them.

import { describe, expect, it } from 'vitest';
import { choosePeriod, chooseSchool, screenshot, setupHarness, text } from './harness';

const h = setupHarness(); // an empty ledger: socai init

describe('Tổng quan against socai serve', () => {
  it('offers the demo data on an empty ledger and loads it', async () => {
    const p = h.page;
    await p.goto(h.pageUrl);
    const prompt = p.getByTestId('demo-prompt');
    await prompt.waitFor({ timeout: 30_000 });
    expect(await text(p.getByTestId('demo-load'))).toBe('Nạp dữ liệu mẫu Cụm thi đua miền núi biên giới phía Bắc');
    expect(await text(p.getByTestId('demo-empty'))).toBe('Bắt đầu với sổ cái trống');
    await screenshot(p, 'lan-dau-mo.png');

    await p.getByTestId('demo-load').click();
    await prompt.waitFor({ state: 'hidden', timeout: 60_000 });
    // the demo describes the first half of 2021: the app switches to it
    await expect.poll(() => text(p.getByTestId('ov-executed-classes')), { timeout: 30_000 }).toBe('260/323');
    expect(await text(p.getByTestId('ov-executed-students'))).toBe('16.182/20.399');
    expect(await text(p.getByTestId('ov-executed-classes-sub'))).toBe('đạt 80,5% chỉ tiêu');
    expect(await text(p.getByTestId('ov-carried'))).toBe('147 lớp');
    expect(await text(p.getByTestId('ov-carried-sub'))).toBe('9.852 học viên');
    expect(await text(p.getByTestId('ov-new'))).toBe('113 lớp');
    expect(await text(p.getByTestId('ov-new-sub'))).toBe('6.330 học viên');

    await expect.poll(() => text(p.getByTestId('ov-staff-total'))).toBe('86 lượt');
    expect(await text(p.getByTestId('ov-staff-cao_hoc'))).toBe('12');
    expect(await text(p.getByTestId('ov-staff-bd_chuyen_mon'))).toBe('39');
    expect(await text(p.getByTestId('ov-rs-active'))).toBe('83');
    expect(await text(p.getByTestId('ov-rs-active-sub'))).toBe('Cấp Bộ/tỉnh 4 · Cấp cơ sở 64 · Cấp khoa/phòng 15');
    expect(await text(p.getByTestId('ov-rs-bulletins'))).toBe('9 số');
    expect(await text(p.getByTestId('ov-rs-bulletins-sub'))).toBe('175 bài, 7 trường');
    expect(await text(p.getByTestId('ov-rs-websites'))).toBe('8/8 trường');
    await p.locator('[data-testid="chart-classes"] svg').waitFor();
    await p.locator('[data-testid="chart-students"] svg').waitFor();
    await screenshot(p, 'tong-quan.png');
  });

  it('shows the emulation targets and deadlines of 2023', async () => {
    const p = h.page;
    await choosePeriod(p, 'Năm 2023');
    const checks = p.getByTestId('ov-award-checks');
    await checks.waitFor({ timeout: 30_000 });
    // Lạng Sơn meets all 8 targets; Cao Bằng misses Lao động tiên tiến (76,6% < 80%)
    const langson = p.locator('[data-testid="ov-award-checks"] tr', { hasText: 'Lạng Sơn' });
    expect(await text(langson)).toContain('✓ 86%');
    const caobang = p.locator('[data-testid="ov-award-checks"] tr', { hasText: 'Cao Bằng' });
    expect(await text(caobang)).toContain('✗ 76,6%');
    const deadlines = p.locator('[data-testid="ov-deadlines-table"] tbody tr.ant-table-row');
    await expect.poll(() => deadlines.count()).toBe(7);
    expect(await text(deadlines.first())).toContain('05/03/2023');
    await screenshot(p, 'tong-quan-2023.png');
  });

  it('narrows to one school', async () => {
    const p = h.page;
    await choosePeriod(p, '6 tháng đầu năm 2021');
    await chooseSchool(p, 'Trường Đào tạo cán bộ Nguyễn Văn Cừ tỉnh Quảng Ninh');
    await expect.poll(() => text(p.getByTestId('ov-executed-classes'))).toBe('107/118');
    expect(await text(p.getByTestId('ov-executed-students'))).toBe('6.118/7.460');
    await chooseSchool(p, 'Toàn cụm thi đua');
    await expect.poll(() => text(p.getByTestId('ov-executed-classes'))).toBe('260/323');
  });

  it('takes a custom date range', async () => {
    const p = h.page;
    await choosePeriod(p, 'Khoảng thời gian tùy chọn…');
    // the range starts as the half-year that was chosen: same figures
    const range = p.getByTestId('period-range');
    await range.waitFor();
    const inputs = range.locator('input');
    expect(await inputs.nth(0).inputValue()).toBe('01/01/2021');
    expect(await inputs.nth(1).inputValue()).toBe('30/06/2021');
    expect(await text(p.getByTestId('ov-executed-classes'))).toBe('260/323');
    await inputs.nth(0).click();
    await inputs.nth(0).fill('01/03/2021');
    await inputs.nth(0).press('Enter');
    await inputs.nth(1).fill('31/05/2021');
    await inputs.nth(1).press('Enter');
    await expect.poll(() => text(p.getByTestId('overview-page').locator('.ant-card').first())).toContain(
      '01/03/2021 – 31/05/2021',
    );
    // classes opened in June or completed before March leave; the target stays 2021's
    await expect.poll(() => text(p.getByTestId('ov-executed-classes'))).not.toBe('260/323');
    expect(await text(p.getByTestId('ov-executed-classes'))).toMatch(/^\d+\/323$/);
    await choosePeriod(p, '6 tháng đầu năm 2021');
    await expect.poll(() => text(p.getByTestId('ov-executed-classes'))).toBe('260/323');
    expect(h.pageErrors).toEqual([]);
  });
});
