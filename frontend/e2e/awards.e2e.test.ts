// Thi đua – Khen thưởng: the 2023 targets of Công văn 3552-CV/HVCTQG and each
// school's figures against them; a title awarded moves a figure; a decision
// dated outside the year is refused at its field.

import { describe, expect, it } from 'vitest';
import {
  demoHarness,
  eventCount,
  fieldError,
  loadArea,
  pickOption,
  pickOptions,
  screenshot,
  text,
  typeDate,
} from './harness';

const h = demoHarness('2023');

describe('Thi đua – Khen thưởng against socai serve', () => {
  it('shows the 2023 targets and every school against them', async () => {
    const p = await loadArea(h, 'awards', 'awards-page');
    const targets = p.getByTestId('aw-targets');
    await targets.waitFor({ timeout: 30_000 });
    expect(await text(targets)).toContain('≥ 80%');
    expect(await text(targets)).toContain('10% – 15%');
    expect(await text(targets)).toContain('Học viện Chính trị quốc gia Hồ Chí Minh');
    const caobang = p.locator('[data-testid="aw-checks"] tr', { hasText: 'Cao Bằng' });
    await caobang.waitFor();
    expect(await text(caobang)).toContain('✗ 76,6%');
    await p.getByTestId('titles-table').locator('tbody tr.ant-table-row').first().waitFor();
    await screenshot(p, 'thi-dua-khen-thuong.png');
  });

  it('refuses a decision dated outside the year, then records the title', async () => {
    const p = h.page;
    const before = await eventCount(h);
    const caobangRow = () => text(p.locator('[data-testid="aw-checks"] tr', { hasText: 'Cao Bằng' }));
    await p.getByTestId('btn-awardTitle').click();
    await p.getByTestId('awardTitle-form').waitFor();
    await pickOption(p, p.locator('#awardTitle_school_id'), 'Trường Chính trị Hoàng Đình Giong tỉnh Cao Bằng');
    await p.locator('#awardTitle_recipient').fill('Hoàng Thị Kiểm Thử');
    await pickOption(p, p.locator('#awardTitle_title'), 'Lao động tiên tiến');
    await p.locator('#awardTitle_decision_no').fill('125/QĐ-TCT');
    await typeDate(p, 'awardTitle_decision_date', '20/12/2021');
    await p.getByTestId('awardTitle-submit').click();
    const err = fieldError(p, 'awardTitle_decision_date');
    await err.waitFor({ timeout: 30_000 });
    expect(await text(err)).toContain('20/12/2021');
    expect(await eventCount(h)).toBe(before);
    await screenshot(p, 'thi-dua-khen-thuong-tu-choi.png');

    await typeDate(p, 'awardTitle_decision_date', '20/12/2023');
    await p.getByTestId('awardTitle-submit').click();
    await p.getByTestId('awardTitle-form').waitFor({ state: 'detached' });
    // 37 of 47 Lao động tiên tiến: 78,7%, still below 80%
    await expect.poll(caobangRow).toContain('✗ 78,7%');
    expect(await eventCount(h)).toBe(before + 1);
    expect(h.pageErrors).toEqual([]);
  });

  it('defines a scoring criterion and records a score; points above the maximum are refused', async () => {
    const p = h.page;
    await p.getByTestId('btn-awards-more').click();
    await p.locator('[data-testid="more-criterion"]:visible').click();
    await p.getByTestId('defineCriterion-form').waitFor();
    await p.locator('#defineCriterion_criterion_id').fill('1');
    await p.locator('#defineCriterion_title').fill('Công tác đào tạo, bồi dưỡng cán bộ');
    await p.locator('#defineCriterion_max_points').fill('20');
    await p.getByTestId('defineCriterion-submit').click();
    await p.getByTestId('defineCriterion-form').waitFor({ state: 'detached' });
    await p.getByTestId('aw-scores').waitFor({ timeout: 30_000 });

    await p.getByTestId('btn-awards-more').click();
    await p.locator('[data-testid="more-score"]:visible').click();
    await p.getByTestId('recordScore-form').waitFor();
    await pickOption(p, p.locator('#recordScore_school_id'), 'Trường Chính trị Hoàng Văn Thụ tỉnh Lạng Sơn');
    await pickOption(p, p.locator('#recordScore_criterion_id'), 'Công tác đào tạo, bồi dưỡng cán bộ');
    await p.locator('#recordScore_points').fill('25');
    await p.getByTestId('recordScore-submit').click();
    const err = fieldError(p, 'recordScore_points');
    await err.waitFor({ timeout: 30_000 });
    expect(await text(err)).toContain('vượt điểm tối đa');

    await p.locator('#recordScore_points').fill('18,5');
    await p.getByTestId('recordScore-submit').click();
    await p.getByTestId('recordScore-form').waitFor({ state: 'detached' });
    const langson = p.locator('[data-testid="aw-scores"] tr.ant-table-row', { hasText: 'Lạng Sơn' });
    await expect.poll(() => text(langson)).toContain('18,5');
    await screenshot(p, 'thi-dua-khen-thuong-cham-diem.png');
    expect(h.pageErrors).toEqual([]);
  });

  it('launches a movement, registers a school to it and proposes an award; rank 0 is refused', async () => {
    const p = h.page;
    const more = async (key: string, form: string) => {
      await p.getByTestId('btn-awards-more').click();
      await p.locator(`[data-testid="more-${key}"]:visible`).click();
      await p.getByTestId(`${form}-form`).waitFor();
    };
    const submitted = async (form: string) => {
      await p.getByTestId(`${form}-submit`).click();
      await p.getByTestId(`${form}-form`).waitFor({ state: 'detached', timeout: 30_000 });
    };
    const theme = 'Thi đua đổi mới, sáng tạo trong giảng dạy và nghiên cứu khoa học';
    const before = await eventCount(h);

    await more('movement', 'launchMovement');
    expect(await p.locator('#launchMovement_year').inputValue()).toBe('2023');
    await p.locator('#launchMovement_theme').fill(theme);
    await p.locator('#launchMovement_movement_id').fill('mnbgpb-2023-doi-moi');
    await submitted('launchMovement');
    expect(await eventCount(h)).toBe(before + 1);
    if ((await p.getByTestId('aw-movements-error').count()) === 0) {
      await expect.poll(() => text(p.getByTestId('movements-table'))).toContain(theme);
    }

    await more('register', 'registerEmulation');
    await pickOption(p, p.locator('#registerEmulation_school_id'), 'Trường Chính trị Hoàng Đình Giong tỉnh Cao Bằng');
    const movement = p.locator('#registerEmulation_movement_id');
    if ((await movement.getAttribute('role')) === 'combobox') await pickOption(p, movement, theme);
    else await movement.fill('mnbgpb-2023-doi-moi');
    await pickOptions(p, p.locator('#registerEmulation_titles'), ['Tập thể lao động xuất sắc', 'Cờ thi đua']);
    await submitted('registerEmulation');
    expect(await eventCount(h)).toBe(before + 2);

    await more('proposal', 'proposeAward');
    await pickOption(p, p.locator('#proposeAward_school_id'), 'Trường Chính trị Hoàng Văn Thụ tỉnh Lạng Sơn');
    await p.locator('#proposeAward_award').fill('Cờ thi đua của Học viện Chính trị quốc gia Hồ Chí Minh');
    await p.locator('#proposeAward_rank').fill('0');
    await p.getByTestId('proposeAward-submit').click();
    const err = fieldError(p, 'proposeAward_rank');
    await err.waitFor({ timeout: 30_000 });
    expect(await text(err)).toBe('thứ hạng bắt đầu từ 1');
    expect(await eventCount(h)).toBe(before + 2);

    await p.locator('#proposeAward_rank').fill('1');
    await submitted('proposeAward');
    const row = p.locator('[data-testid="proposals-table"] tr.ant-table-row', { hasText: 'Lạng Sơn' });
    await expect.poll(() => text(row)).toContain('Cờ thi đua của Học viện Chính trị quốc gia Hồ Chí Minh');
    expect(await eventCount(h)).toBe(before + 3);
    await p.getByTestId('aw-movements').scrollIntoViewIfNeeded();
    await screenshot(p, 'thi-dua-phong-trao-de-nghi.png');
    expect(h.pageErrors).toEqual([]);
  });
});
