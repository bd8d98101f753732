// DeadlineService (Go: app.DeadlineService): the deadlines of the Học viện's
// calendar, the reports sent, and where each deadline stands.

import { call } from './bridge';
import type { ISODate, Note, Result } from './types';

const SERVICE = 'DeadlineService';

export type DeadlineKind =
  | 'ke_hoach_thi_dua'
  | 'ke_hoach_cum'
  | 'so_ket'
  | 'gui_hoc_vien'
  | 'tong_ket_truong'
  | 'tong_ket_cum'
  | 'ho_so_khen';

/** In calendar order (Go: projections.DeadlineKinds). */
export const DEADLINE_KINDS: readonly DeadlineKind[] = [
  'ke_hoach_thi_dua',
  'ke_hoach_cum',
  'so_ket',
  'gui_hoc_vien',
  'tong_ket_truong',
  'tong_ket_cum',
  'ho_so_khen',
];

export type DeadlineStatusCode = 'da_nop' | 'nop_muon' | 'qua_han' | 'sap_den' | 'chua_den';

/** Go: events.DeadlineSet; applies_to is "all", a school id or a cluster id. */
export interface DeadlineSet {
  deadline_id: string;
  year: number;
  kind: DeadlineKind | (string & {});
  due_date: ISODate;
  applies_to: string;
}

/** Go: events.ReportSubmitted; author is the school or cluster id that sent it. */
export interface ReportSubmitted {
  report_id: string;
  author: string;
  kind: DeadlineKind | (string & {});
  period: string;
  doc_no: string;
  submitted_on: ISODate;
  figures: Record<string, number> | null;
  digest: string;
}

/** A deadline and where it stands today (Go: projections.DeadlineStatus). */
export interface DeadlineStatus {
  deadline_id: string;
  year: number;
  kind: DeadlineKind | (string & {});
  kind_name: string;
  due_date: ISODate;
  applies_to: string;
  applies_to_name: string;
  status: DeadlineStatusCode | (string & {});
  status_name: string;
  days_left: number;
  expected: number;
  submitted: number;
  late: number;
  missing: string[] | null;
  submitted_on: ISODate;
  report_id: string;
  doc_no: string;
}

export const DeadlineService = {
  SetDeadline: (input: DeadlineSet, on: ISODate, note: Note) => call<Result>(SERVICE, 'SetDeadline', input, on, note),
  SubmitReport: (input: ReportSubmitted, note: Note) => call<Result>(SERVICE, 'SubmitReport', input, note),
  List: (year: number, school: string) => call<DeadlineStatus[] | null>(SERVICE, 'List', year, school),
  Next: (n: number) => call<DeadlineStatus[] | null>(SERVICE, 'Next', n),
  StandardCalendar: (year: number, clusterId: string) =>
    call<Result[] | null>(SERVICE, 'StandardCalendar', year, clusterId),
};
