// ExportService (Go: app.ExportService): the report as DOCX, the figures as
// XLSX, CSV and JSON. The interfaces mirror the Go JSON exactly.

import { call } from './bridge';
import type { DigestCodes } from './close';

export const EXPORT_SERVICE = 'ExportService';

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

/** Offers a base64 file as a download in the browser. */
export function downloadBase64(f: Pick<FiguresFile, 'name' | 'mime' | 'base64'>): void {
  const bin = atob(f.base64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
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
