// Thi đua – Khen thưởng: the 2023 targets of Công văn 3552-CV/HVCTQG and each
// school's figures against them; a title awarded moves a figure; a decision
// dated outside the year is refused at its field.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  eventCount,
  fieldError,
  filtersFor,
  openArea,
  pickOption,
  screenshot,
  seedDemo,
  startHarness,
  text,
  typeDate,
  type Harness,
} from './harness';

let h: Harness;

describe('Thi đua – Khen thưởng against socai serve', () => {
  beforeAll(async () => {
    h = await startHarness({ seed: seedDemo, localStorage: filtersFor('2023') });
  });

  afterAll(async () => {
    await h?.close();
  });

  it('shows the 2023 targets and every school against them', async () => {
    const p = h.page;
    await p.goto(h.pageUrl);
    await p.getByTestId('overview-page').waitFor({ timeout: 30_000 });
    await openArea(p, 'awards', 'awards-page');
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
});
