// ExportService (Go: app.ExportService): the report as DOCX, the figures as
// XLSX, CSV and JSON. The interfaces mirror the Go JSON exactly.

import { call } from './bridge';
import type { ReportFile } from './inspection';

export const EXPORT_SERVICE = 'ExportService';

/** The kinds of DOCX report: sơ kết 6 tháng (period 2021-H1/H2), tổng kết năm (2021). */
export type DocxKind = 'so-ket' | 'tong-ket';

/** What to report (Go: app.DocxRequest); school "" is the whole cluster, as_of "" now. */
export interface DocxRequest {
  kind: DocxKind;
  period: string;
  school: string;
  as_of: string;
}

export const ExportDocx = {
  /** The DOCX as base64 content (the HTTP harness and the browser). */
  DocxFile: (req: DocxRequest) => call<ReportFile>(EXPORT_SERVICE, 'DocxFile', req),
  /** Saves the DOCX with the native dialog (the window); "" when cancelled. */
  SaveDocx: (req: DocxRequest) => call<string>(EXPORT_SERVICE, 'SaveDocx', req),
};

/** Downloads a file whose content is base64 (the browser harness). */
export function downloadBase64(f: ReportFile): void {
  const bytes = Uint8Array.from(atob(f.content), (ch) => ch.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: f.mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = f.name;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
