// ExportService (Go: app.ExportService): the report as DOCX, the figures as
// XLSX, CSV and JSON. The interfaces mirror the Go JSON exactly.

import { call } from './bridge';
import type { DigestCodes } from './close';
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

// --- the figures as XLSX, CSV, JSON (Go: app/export_xlsx.go) ---

/** The formats of a figures file (Go: app.FiguresFormats). */
export const FIGURES_FORMATS = ['xlsx', 'csv', 'json'] as const;
export type FiguresFormat = (typeof FIGURES_FORMATS)[number];

/** A figures file made for the browser (Go: app.FiguresFile); the content is base64. */
export interface FiguresFile {
  name: string;
  mime: string;
  base64: string;
  size: number;
  /** The record-time moment of the figures, RFC 3339 UTC. */
  as_of: string;
  digest: DigestCodes;
}

/** The figures of `period` for `school` ("" the cluster) as of `asOf` ("" now, or the
 * moment the window shows; "YYYY-MM-DD" is the end of that day). */
export const FiguresExport = {
  /** The file itself, for the browser (no save dialog over HTTP). */
  FiguresFile: (format: FiguresFormat, period: string, school: string, asOf: string) =>
    call<FiguresFile>(EXPORT_SERVICE, 'FiguresFile', format, period, school, asOf),
  /** In the window: the native save dialog; the path, or "" when cancelled. */
  SaveFigures: (format: FiguresFormat, period: string, school: string, asOf: string) =>
    call<string>(EXPORT_SERVICE, 'SaveFigures', format, period, school, asOf),
};

/** Offers a file whose content is base64 as a download (the browser harness). */
export function downloadBase64(name: string, mime: string, base64: string): void {
  const bytes = Uint8Array.from(atob(base64), (ch) => ch.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
