// Hạn nộp & Báo cáo: the 2023 calendar of Công văn 3552-CV/HVCTQG; recording
// the cluster's report moves its deadline from "Quá hạn" to "Nộp muộn".

import { describe, expect, it } from 'vitest';
import { demoHarness, eventCount, loadArea, pickOption, screenshot, text, typeDate } from './harness';

const h = demoHarness('2023');

describe('Hạn nộp & Báo cáo against socai serve', () => {
  it('lists the seven deadlines of 2023', async () => {
    const p = await loadArea(h, 'deadlines', 'deadlines-page');
    const rows = p.locator('[data-testid="deadlines-table"] tbody tr.ant-table-row');
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBe(7);
    const dates = await rows.locator('td:first-child').allTextContents();
    expect(dates.map((d) => d.trim())).toEqual([
      '05/03/2023',
      '15/03/2023',
      '30/07/2023',
      '10/08/2023',
      '05/11/2023',
      '10/11/2023',
      '30/11/2023',
    ]);
    await screenshot(p, 'han-nop-bao-cao.png');
  });

  it('records the cluster report sent late', async () => {
    const p = h.page;
    const before = await eventCount(h);
    const soket = p.locator('[data-testid="deadlines-table"] tr', { hasText: '30/07/2023' });
    expect(await text(soket)).toContain('Quá hạn');
    await soket.getByRole('button').click();
    await p.getByTestId('row-action-report').click();
    await p.getByTestId('submitReport-form').waitFor();
    await pickOption(p, p.locator('#submitReport_author'), 'Cụm thi đua các trường chính trị khu vực miền núi biên giới phía Bắc');
    await p.locator('#submitReport_doc_no').fill('52-BC/CTĐ');
    await typeDate(p, 'submitReport_submitted_on', '02/08/2023');
    await p.getByTestId('submitReport-submit').click();
    await p.getByTestId('submitReport-form').waitFor({ state: 'detached' });
    await expect.poll(() => text(soket)).toContain('Nộp muộn');
    expect(await text(soket)).toContain('52-BC/CTĐ, 02/08/2023');
    expect(await eventCount(h)).toBe(before + 1);
    expect(h.pageErrors).toEqual([]);
  });
});
