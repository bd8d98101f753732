// Viên chức đi học: the demo's 86 lượt of 2021-H1 by program; a new study counts
// one more; a refusal shows at its field.

import { describe, expect, it } from 'vitest';
import {
  demoHarness,
  eventCount,
  fieldError,
  loadArea,
  pickFirstOption,
  pickOption,
  screenshot,
  text,
  typeDate,
} from './harness';

const h = demoHarness('2021-H1');

describe('Viên chức đi học against socai serve', () => {
  it('shows the 86 lượt of 2021-H1 by program and school', async () => {
    const p = await loadArea(h, 'staffTraining', 'stafftraining-page');
    await expect.poll(() => text(p.getByTestId('st-total'))).toBe('86 lượt');
    const byProgram = p.getByTestId('st-by-program');
    const row = (name: string) => text(byProgram.locator('tr', { hasText: name }).first());
    expect(await row('Cao học')).toContain('12');
    expect(await row('Văn bằng 2')).toContain('11');
    expect(await row('Hoàn chỉnh Cao cấp LLCT-HC')).toContain('12');
    expect(await row('Bồi dưỡng chuyên môn, nghiệp vụ')).toContain('39');
    expect(await text(p.getByTestId('st-by-program-total'))).toBe('86');
    const langson = p.locator('[data-testid="st-by-school"] tr', { hasText: 'Lạng Sơn' });
    expect(await text(langson)).toMatch(/16$/);
    await p.getByTestId('enrollments-table').locator('tbody tr.ant-table-row').first().waitFor();
    await screenshot(p, 'vien-chuc-di-hoc.png');
  });

  it('records a staff member sent to study', async () => {
    const p = h.page;
    const before = await eventCount(h);
    await p.getByTestId('btn-startTraining').click();
    await p.getByTestId('startTraining-form').waitFor();
    await pickOption(p, p.locator('#startTraining_school_id'), 'Trường Chính trị tỉnh Sơn La');
    await pickFirstOption(p, p.locator('#startTraining_staff_id'));
    await pickOption(p, p.locator('#startTraining_program'), 'Cao học');
    await p.locator('#startTraining_institution').fill('Học viện Chính trị khu vực I');
    await typeDate(p, 'startTraining_start_date', '01/03/2021');
    await typeDate(p, 'startTraining_expected_end', '01/02/2021');
    await p.getByTestId('startTraining-submit').click();
    // refused at "Ngày dự kiến kết thúc": before the start
    const err = fieldError(p, 'startTraining_expected_end');
    await err.waitFor({ timeout: 30_000 });
    expect(await text(err)).toBe('không được trước ngày bắt đầu học (01/02/2021 trước 01/03/2021)');
    expect(await eventCount(h)).toBe(before);
    await screenshot(p, 'vien-chuc-di-hoc-tu-choi.png');

    await typeDate(p, 'startTraining_expected_end', '30/09/2022');
    await p.getByTestId('startTraining-submit').click();
    await p.getByTestId('startTraining-form').waitFor({ state: 'detached' });
    await expect.poll(() => text(p.getByTestId('st-total'))).toBe('87 lượt');
    expect(await text(p.getByTestId('st-started'))).not.toBe('');
    expect(await eventCount(h)).toBe(before + 1);
    expect(h.pageErrors).toEqual([]);
  });
});
