// Kế hoạch mở lớp and Tổng quan: record a class through "Mở lớp" and see the
// figures change; a refused form shows the message at its field and records nothing.

import { describe, expect, it } from 'vitest';
import {
  eventCount,
  fieldError,
  importEvents,
  openArea,
  pickOption,
  screenshot,
  setupHarness,
  text,
  typeDate,
} from './harness';
import { H1_2021, SMALL_CLUSTER } from './fixtures';

const h = setupHarness({
  seed: async (socai, tmp) => {
    await socai('init');
    await importEvents(socai, tmp, SMALL_CLUSTER);
  },
  localStorage: H1_2021,
});

describe('Kế hoạch mở lớp against socai serve', () => {
  it('opens on the dashboard with the class-plan figures of 2021-H1', async () => {
    const p = h.page;
    await p.goto(h.pageUrl);
    await p.getByTestId('overview-page').waitFor({ timeout: 30_000 });
    await expect.poll(() => text(p.getByTestId('ov-executed-classes'))).toBe('4/95');
    expect(await text(p.getByTestId('ov-executed-students'))).toBe('1.337/5.600');
    expect(await text(p.getByTestId('ov-executed-students-sub'))).toBe('đạt 23,9% chỉ tiêu');
    expect(await text(p.getByTestId('ov-carried'))).toBe('1 lớp');
    expect(await text(p.getByTestId('ov-carried-sub'))).toBe('62 học viên');
    expect(await text(p.getByTestId('ov-new'))).toBe('3 lớp');
    expect(await text(p.getByTestId('ov-new-sub'))).toBe('1.275 học viên');
    // the chart is drawn (SVG renderer): one bar per school and series
    await p.locator('[data-testid="chart-classes"] svg').waitFor();
  });

  it('records a class through "Mở lớp" and the figures follow', async () => {
    const p = h.page;
    await openArea(p, 'classPlans', 'classplans-page');
    await expect.poll(() => text(p.getByTestId('cp-executed-classes'))).toBe('4/95');
    const before = await eventCount(h);

    await p.getByTestId('btn-openClass').click();
    await p.getByTestId('openClass-form').waitFor();
    await pickOption(p, p.locator('#openClass_school_id'), 'Trường Chính trị tỉnh Lai Châu');
    await pickOption(p, p.locator('#openClass_class_type'), 'Bồi dưỡng ngạch chuyên viên');
    await p.locator('#openClass_name').fill('BD chuyên viên khóa 2/2021 – Than Uyên');
    await p.locator('#openClass_students').fill('1200');
    await typeDate(p, 'openClass_start_date', '15/03/2021');
    await typeDate(p, 'openClass_end_date', '30/06/2021');
    await p.locator('#openClass_note_source').fill('Quyết định 15-QĐ/TCT');
    await screenshot(p, 'ke-hoach-mo-lop-mo-lop.png');
    await p.getByTestId('openClass-submit').click();

    await p.getByTestId('openClass-form').waitFor({ state: 'detached' });
    await expect.poll(() => text(p.getByTestId('cp-executed-classes'))).toBe('5/95');
    expect(await text(p.getByTestId('cp-executed-students'))).toBe('2.537/5.600');
    expect(await text(p.getByTestId('cp-new'))).toBe('4 lớp');
    expect(await text(p.getByTestId('cp-new-sub'))).toBe('2.475 học viên');
    expect(await eventCount(h)).toBe(before + 1);
    const row = p.locator('[data-testid="classes-table"] tr', { hasText: 'BD chuyên viên khóa 2/2021 – Than Uyên' });
    await row.waitFor();
    expect(await text(row)).toContain('15/03/2021');
    expect(await text(row)).toContain('1.200');
    // the school's row of the figures
    const laichau = p.locator('[data-testid="cp-by-school"] tr', { hasText: 'Trường Chính trị tỉnh Lai Châu' });
    expect(await text(laichau)).toContain('1.270');

    await screenshot(p, 'ke-hoach-mo-lop.png');

    // the dashboard says the same
    await openArea(p, 'overview', 'overview-page');
    await expect.poll(() => text(p.getByTestId('ov-executed-classes'))).toBe('5/95');
    expect(await text(p.getByTestId('ov-executed-students'))).toBe('2.537/5.600');
    await screenshot(p, 'tong-quan-ke-hoach-mo-lop.png');
  });

  it('changes the enrollment of a class from its row', async () => {
    const p = h.page;
    await openArea(p, 'classPlans', 'classplans-page');
    await p.getByTestId('class-actions-db-tc-2021').click();
    await p.locator('[data-testid="class-action-enrollment"]:visible').click();
    await p.getByTestId('changeEnrollment-form').waitFor();
    await p.locator('#changeEnrollment_students').fill('1100');
    await typeDate(p, 'changeEnrollment_on', '01/06/2021');
    await p.getByTestId('changeEnrollment-submit').click();
    await p.getByTestId('changeEnrollment-form').waitFor({ state: 'detached' });
    await expect.poll(() => text(p.getByTestId('cp-executed-students'))).toBe('2.517/5.600');
  });

  it('opens a planned class, completes one and cancels one from their rows', async () => {
    const p = h.page;
    const rowOf = (name: string) => p.locator('[data-testid="classes-table"] tr.ant-table-row', { hasText: name });

    // the class planned for 2021-H2 opens on 05/07/2021
    await p.getByTestId('class-actions-db-cv-h2').click();
    await p.locator('[data-testid="class-action-open"]:visible').click();
    await p.getByTestId('openClass-form').waitFor();
    await p.locator('#openClass_name').fill('BD chuyên viên khóa 3/2021 – Mường Chà');
    await typeDate(p, 'openClass_start_date', '05/07/2021');
    await p.getByTestId('openClass-submit').click();
    await p.getByTestId('openClass-form').waitFor({ state: 'detached' });
    await p.getByTestId('only-period').click(); // every class, not only those of 2021-H1
    await expect.poll(() => text(rowOf('BD chuyên viên khóa 3/2021 – Mường Chà'))).toContain('Đang học');

    // BD chuyên viên khóa 1/2021 ends on 30/04/2021 with 83 graduates
    await p.getByTestId('class-actions-sl-cv-2021').click();
    await p.locator('[data-testid="class-action-complete"]:visible').click();
    await p.getByTestId('completeClass-form').waitFor();
    await typeDate(p, 'completeClass_end_date', '30/04/2021');
    await p.locator('#completeClass_graduates').fill('83');
    await p.getByTestId('completeClass-submit').click();
    await p.getByTestId('completeClass-form').waitFor({ state: 'detached' });
    await expect.poll(() => text(rowOf('BD chuyên viên khóa 1/2021'))).toContain('Đã kết thúc');

    // a cancelled class counts in no period: Điện Biên's 1.100 students leave 2021-H1
    await p.getByTestId('class-actions-db-tc-2021').click();
    await p.locator('[data-testid="class-action-cancel"]:visible').click();
    await p.getByTestId('cancelClass-form').waitFor();
    await p.locator('#cancelClass_reason').fill('Không đủ học viên');
    await p.getByTestId('cancelClass-submit').click();
    await p.getByTestId('cancelClass-form').waitFor({ state: 'detached' });
    await expect.poll(() => text(p.getByTestId('cp-executed-classes'))).toBe('4/95');
    expect(await text(p.getByTestId('cp-executed-students'))).toBe('1.417/5.600');
    await p.getByTestId('only-period').click();
  });

  it('shows a refusal at its field and records nothing', async () => {
    const p = h.page;
    const before = await eventCount(h);

    await p.getByTestId('btn-openClass').click();
    await p.getByTestId('openClass-form').waitFor();
    await pickOption(p, p.locator('#openClass_school_id'), 'Trường Chính trị tỉnh Sơn La');
    await pickOption(p, p.locator('#openClass_class_type'), 'Trung cấp LLCT-HC');
    await p.locator('#openClass_name').fill('TC LLCT-HC K46');
    await p.locator('#openClass_students').fill('50');
    await typeDate(p, 'openClass_start_date', '01/04/2021');
    await typeDate(p, 'openClass_end_date', '01/03/2021');
    await p.getByTestId('openClass-submit').click();

    const endError = fieldError(p, 'openClass_end_date');
    await endError.waitFor({ timeout: 30_000 });
    expect(await text(endError)).toBe('không được trước ngày khai giảng (01/03/2021 trước 01/04/2021)');
    expect(await p.getByTestId('openClass-alert').count()).toBe(0);
    await screenshot(p, 'ke-hoach-mo-lop-tu-choi.png');

    // negative students: refused at "Số học viên"
    await typeDate(p, 'openClass_end_date', '30/09/2021');
    await p.locator('#openClass_students').fill('-5');
    await p.getByTestId('openClass-submit').click();
    const studentsError = fieldError(p, 'openClass_students');
    await studentsError.waitFor({ timeout: 30_000 });
    expect(await text(studentsError)).toContain('không được âm');

    await p.getByTestId('openClass-cancel').click();
    expect(await eventCount(h)).toBe(before);
    expect(await text(p.getByTestId('cp-executed-classes'))).toBe('4/95');
    expect(h.pageErrors).toEqual([]);
  });
});
