// Nghiên cứu khoa học & Bản tin: the demo's 83 topics, 9 bulletins with 175
// articles from 7 schools and 8/8 websites of 2021-H1; a new bulletin counts.

import { describe, expect, it } from 'vitest';
import {
  demoHarness,
  eventCount,
  fieldError,
  loadArea,
  pickOption,
  screenshot,
  text,
  typeDate,
} from './harness';

const h = demoHarness('2021-H1');

describe('Nghiên cứu khoa học & Bản tin against socai serve', () => {
  it('shows the research figures of 2021-H1', async () => {
    const p = await loadArea(h, 'research', 'research-page');
    await expect.poll(() => text(p.getByTestId('rs-active'))).toBe('83');
    expect(await text(p.getByTestId('rs-active-sub'))).toBe('Cấp Bộ/tỉnh 4 · Cấp cơ sở 64 · Cấp khoa/phòng 15');
    expect(await text(p.getByTestId('rs-bulletins'))).toBe('9 số');
    expect(await text(p.getByTestId('rs-bulletins-sub'))).toBe('175 bài, 7 trường');
    expect(await text(p.getByTestId('rs-websites'))).toBe('8/8 trường');
    expect(await text(p.getByTestId('rs-by-level-total'))).toBe('83');
    await p.getByPlaceholder('Tìm theo tên, chủ nhiệm').fill('Xín Mần');
    const hagiang = p.locator('[data-testid="topics-table"] tr', {
      hasText: 'Phát triển sinh kế bền vững cho người dân huyện Xín Mần',
    });
    await hagiang.waitFor();
    expect(await text(hagiang)).toContain('Đã nghiệm thu');
    await screenshot(p, 'nghien-cuu-khoa-hoc.png');
  });

  it('records a bulletin issue; a negative article count is refused at its field', async () => {
    const p = h.page;
    const before = await eventCount(h);
    await p.getByTestId('btn-issueBulletin').click();
    await p.getByTestId('issueBulletin-form').waitFor();
    await pickOption(p, p.locator('#issueBulletin_school_id'), 'Trường Chính trị tỉnh Lai Châu');
    await p.locator('#issueBulletin_issue_no').fill('02/2021');
    await typeDate(p, 'issueBulletin_date', '15/06/2021');
    await p.locator('#issueBulletin_articles').fill('-3');
    await p.getByTestId('issueBulletin-submit').click();
    const err = fieldError(p, 'issueBulletin_articles');
    await err.waitFor({ timeout: 30_000 });
    expect(await text(err)).toContain('không được âm');
    expect(await eventCount(h)).toBe(before);

    await p.locator('#issueBulletin_articles').fill('21');
    await p.getByTestId('issueBulletin-submit').click();
    await p.getByTestId('issueBulletin-form').waitFor({ state: 'detached' });
    await expect.poll(() => text(p.getByTestId('rs-bulletins'))).toBe('10 số');
    expect(await text(p.getByTestId('rs-bulletins-sub'))).toBe('196 bài, 8 trường');
    expect(await eventCount(h)).toBe(before + 1);
    expect(h.pageErrors).toEqual([]);
  });
});
