// Trao đổi dữ liệu → Số liệu: the figures of 2021-H1 of the demo cluster as an
// XLSX downloaded from the page (in the window it goes through the native save
// dialog), then as CSV through the same service, whose figures are those of
// report 51-BC/CTĐ. The cells of the XLSX are checked in Go (app and cli tests
// read it back with excelize); here: that it is the file the service made.
// Last, the báo cáo sơ kết as DOCX, downloaded the same way (its text and
// tables are read back in app/export_docx_test.go).

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoHarness, loadArea, pickOption, screenshot, text } from './harness';

const h = demoHarness('2021-H1');

interface FiguresFile {
  name: string;
  mime: string;
  base64: string;
  size: number;
  as_of: string;
  digest: { codes: string[]; full: string[] };
}

describe('Số liệu XLSX, CSV, JSON against socai serve', () => {
  it('downloads the XLSX of 2021-H1 from the exchange page, with its digest', async () => {
    const p = await loadArea(h, 'exchange', 'exchange-page');
    const section = p.getByTestId('exchange-figures');
    await section.getByTestId('figures-export').waitFor();

    const [download] = await Promise.all([p.waitForEvent('download'), section.getByTestId('figures-export').click()]);
    expect(download.suggestedFilename()).toBe('so-lieu-2021-H1-cum.xlsx');
    const file = path.join(h.tmp, download.suggestedFilename());
    await download.saveAs(file);
    const bytes = readFileSync(file);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK'); // an OOXML zip

    const result = section.getByTestId('figures-result');
    await expect.poll(() => text(result)).toContain('so-lieu-2021-H1-cum.xlsx');
    const digest = await text(section.getByTestId('figures-digest'));
    expect(digest).toMatch(/^[0-9a-f]{8}:\d+:[0-9a-f]{12}/);
    // the same file as the service makes for the same request, same digest
    const again = await h.api<FiguresFile>('ExportService', 'FiguresFile', 'xlsx', '2021-H1', '', '');
    expect(again.digest.codes.join('; ')).toBe(digest);
    expect(await text(result)).toContain(again.size.toLocaleString('de-DE')); // 24.990 byte
    await screenshot(p, 'trao-doi-so-lieu.png');
  });

  it('gives the reference figures as CSV for one school or the cluster, and refuses bad input', async () => {
    const p = h.page;
    const section = p.getByTestId('exchange-figures');
    await section.getByTestId('figures-format').getByText('CSV (UTF-8)').click();
    await pickOption(p, section.getByTestId('figures-school'), 'Trường Chính trị tỉnh Sơn La');
    const [download] = await Promise.all([p.waitForEvent('download'), section.getByTestId('figures-export').click()]);
    expect(download.suggestedFilename()).toBe('so-lieu-2021-H1-sonla.csv');

    const f = await h.api<FiguresFile>('ExportService', 'FiguresFile', 'csv', '2021-H1', '', '');
    const csv = Buffer.from(f.base64, 'base64').toString('utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff); // BOM: Excel reads the diacritics right
    const values = new Map<string, string>();
    for (const line of csv.slice(1).split('\r\n').slice(1)) {
      const key = line.slice(0, line.indexOf(','));
      // label may be quoted; the value is the third field counted from the end's fixed five
      const fields = line.split(',');
      if (key) values.set(key, fields[fields.length - 6] ?? '');
    }
    expect(values.get('classplans.executed.classes')).toBe('260');
    expect(values.get('classplans.executed.students')).toBe('16182');
    expect(values.get('stafftraining.total')).toBe('86');
    expect(values.get('research.bulletins.articles')).toBe('175');

    await expect(h.api('ExportService', 'FiguresFile', 'xlsx', '2021-H3', '', '')).rejects.toThrow(/không hợp lệ/);
    await expect(h.api('ExportService', 'FiguresFile', 'pdf', '2021-H1', '', '')).rejects.toThrow(/định dạng/);
    expect(h.pageErrors).toEqual([]);
  });

  it('downloads the báo cáo sơ kết of the cluster as DOCX, and refuses a year for a half-year report', async () => {
    const p = h.page;
    const section = p.getByTestId('exchange-report');
    await section.getByTestId('docx-year').fill('2021');
    await section.getByTestId('docx-half').getByText('6 tháng đầu năm').click();
    const [download] = await Promise.all([p.waitForEvent('download'), section.getByTestId('docx-export').click()]);
    expect(download.suggestedFilename()).toBe('so-ket-cum-2021-H1.docx');
    const file = path.join(h.tmp, download.suggestedFilename());
    await download.saveAs(file);
    const bytes = readFileSync(file);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK'); // an OOXML zip…
    expect(bytes.includes(Buffer.from('word/document.xml'))).toBe(true); // …of a Word document
    expect(bytes.length).toBeGreaterThan(5000);
    await expect.poll(() => text(p.locator('.ant-message'))).toContain('Đã tải báo cáo so-ket-cum-2021-H1.docx');

    // the service refuses a period that does not fit the kind, with the reason
    await expect(
      h.api('ExportService', 'DocxFile', { kind: 'so-ket', period: '2021', school: '', as_of: '' }),
    ).rejects.toThrow(/cần kỳ nửa năm/);
    expect(h.pageErrors).toEqual([]);
  });
});
