// Pure helpers of the "Kiểm tra chéo" tab: suggested ids, tag colours, what a
// finding about a compared row starts with, and the download of a report.

import type { ComparedFigure, ConsistencyCheck, FindingStatus, ReportFile } from '../api/inspection';
import { plainLetters } from '../utils/ids';

/** An id for a new inspection: "kt-<party>-<period>", in the characters an id may hold. */
export function suggestInspectionId(inspected: string, period: string): string {
  return plainLetters(`kt-${inspected}-${period}`)
    .replace(/[^A-Za-z0-9._:-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
}

/** Tag colours: khớp green, chênh lệch red, thiếu minh chứng / sổ cái không tính orange. */
export const STATUS_COLORS: Record<string, string> = {
  khop: 'success',
  chenh_lech: 'error',
  thieu: 'default',
  khong_tinh: 'warning',
  thieu_minh_chung: 'warning',
};

/** What a finding about a compared figure or a consistency check starts with. */
export interface FindingPreset {
  subject: string;
  label: string;
  reported: number | null;
  verified: number | null;
  status: FindingStatus | undefined;
}

function findingStatus(s: string): FindingStatus | undefined {
  return s === 'khop' || s === 'chenh_lech' ? s : undefined;
}

export function presetFromFigure(f: ComparedFigure): FindingPreset {
  return { subject: f.key, label: f.label, reported: f.reported, verified: f.computed, status: findingStatus(f.status) };
}

export function presetFromCheck(k: ConsistencyCheck): FindingPreset {
  return { subject: k.key, label: k.label, reported: k.total, verified: k.sum, status: findingStatus(k.status) };
}

/** Offers a report file as a download in the browser. */
export function downloadReport(f: ReportFile): void {
  const url = URL.createObjectURL(new Blob([f.content], { type: f.mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = f.name;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
