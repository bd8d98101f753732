// InspectionService (Go: app.InspectionService): cross-inspection (kiểm tra
// chéo) of a school or cluster for a period — the figures it reported beside
// the ledger's, the report checked against itself, findings, a conclusion and
// the biên bản (docs/inspection.md).

import { call } from './bridge';
import type { ISODate, Note, Period, Result } from './types';

const SERVICE = 'InspectionService';

/** A compared figure: khớp, chênh lệch, not reported, or not computed by the ledger.
 * For a consistency check "thieu" means only some parts are stated. */
export type CompareStatus = 'khop' | 'chenh_lech' | 'thieu' | 'khong_tinh';
export type FindingStatus = 'khop' | 'chenh_lech' | 'thieu_minh_chung';
export const FINDING_STATUSES: readonly FindingStatus[] = ['khop', 'chenh_lech', 'thieu_minh_chung'];

/** The head of one origin's chain (Go: events.ChainRef). */
export interface ChainRef {
  origin: string;
  origin_seq: number;
  hash: string;
}

/** Go: projections.Inspection. */
export interface Inspection {
  inspection_id: string;
  inspector: string;
  inspected: string;
  inspected_name: string;
  period: string;
  members: string[] | null;
  opened_on: ISODate;
  /** The figures the inspected party reported (the last entry). */
  figures: Record<string, number> | null;
  report_id: string;
  figures_source: string;
  figures_on: ISODate;
  status: 'open' | 'closed' | (string & {});
  status_name: string;
  conclusion: string;
  closed_on: ISODate;
  /** The chain heads compared with at the close. */
  heads: ChainRef[] | null;
  findings: number;
}

/** Go: projections.Finding. */
export interface Finding {
  seq: number;
  subject: string;
  label: string;
  reported: number | null;
  verified: number | null;
  status: FindingStatus | (string & {});
  status_name: string;
  note: string;
  recorded_on: ISODate;
  actor: string;
}

/** Go: app.InspectionDetail. */
export interface InspectionDetail {
  inspection: Inspection;
  findings: Finding[] | null;
}

/** Go: projections.ComparedFigure; difference = reported − computed. */
export interface ComparedFigure {
  key: string;
  label: string;
  unit: string;
  reported: number | null;
  computed: number | null;
  difference: number | null;
  status: CompareStatus | (string & {});
  status_name: string;
}

/** Go: projections.ConsistencyCheck; difference = sum − total. */
export interface ConsistencyCheck {
  key: string;
  label: string;
  unit: string;
  total_key: string;
  total: number;
  parts: string[] | null;
  sum: number;
  difference: number;
  complete: boolean;
  status: CompareStatus | (string & {});
  status_name: string;
}

/** Go: projections.CompareSummary. */
export interface CompareSummary {
  reported: number;
  khop: number;
  chenh_lech: number;
  thieu: number;
  khong_tinh: number;
  checks: number;
  checks_khop: number;
  checks_chenh_lech: number;
  checks_thieu: number;
}

/** A chain head as printed: the short code and the full form (Go: app.DigestCode). */
export interface DigestCode {
  short: string;
  full: string;
}

/** Go: app.Comparison. */
export interface Comparison {
  inspection: Inspection;
  period: Period;
  figures: ComparedFigure[] | null;
  consistency: ConsistencyCheck[] | null;
  summary: CompareSummary;
  heads: ChainRef[] | null;
  digests: DigestCode[] | null;
  /** Closed: compared with the ledger as it stood at the close. */
  frozen: boolean;
}

/** A report sent whose figures an inspection can take (Go: projections.SubmittedReport). */
export interface SubmittedReport {
  report_id: string;
  author: string;
  author_name: string;
  kind: string;
  period: string;
  doc_no: string;
  submitted_on: ISODate;
  digest: string;
  figures: Record<string, number> | null;
}

/** An exported report (Go: app.ReportFile). */
export interface ReportFile {
  name: string;
  mime: string;
  content: string;
}

export type ReportFormat = 'html' | 'json';

/** Go: events.InspectionOpened. */
export interface InspectionOpened {
  inspection_id: string;
  inspector: string;
  inspected: string;
  period: string;
  members: string[];
}

/** Go: events.InspectionFiguresEntered. */
export interface InspectionFiguresEntered {
  inspection_id: string;
  report_id: string;
  source: string;
  figures: Record<string, number>;
}

/** Go: events.InspectionFindingRecorded. */
export interface InspectionFindingRecorded {
  inspection_id: string;
  subject: string;
  reported: number | null;
  verified: number | null;
  status: FindingStatus;
  note: string;
}

/** Go: events.InspectionClosed; the service fills in the heads. */
export interface InspectionClosed {
  inspection_id: string;
  conclusion: string;
  heads: ChainRef[] | null;
}

export const InspectionService = {
  Open: (input: InspectionOpened, on: ISODate, note: Note) => call<Result>(SERVICE, 'Open', input, on, note),
  EnterFigures: (input: InspectionFiguresEntered, on: ISODate, note: Note) =>
    call<Result>(SERVICE, 'EnterFigures', input, on, note),
  TakeFromReport: (inspectionId: string, reportId: string, on: ISODate, note: Note) =>
    call<Result>(SERVICE, 'TakeFromReport', inspectionId, reportId, on, note),
  RecordFinding: (input: InspectionFindingRecorded, on: ISODate, note: Note) =>
    call<Result>(SERVICE, 'RecordFinding', input, on, note),
  Close: (input: InspectionClosed, on: ISODate, note: Note) => call<Result>(SERVICE, 'Close', input, on, note),
  List: () => call<Inspection[] | null>(SERVICE, 'List'),
  Get: (id: string) => call<InspectionDetail>(SERVICE, 'Get', id),
  Compare: (id: string) => call<Comparison>(SERVICE, 'Compare', id),
  Reports: (inspected: string, period: string) => call<SubmittedReport[] | null>(SERVICE, 'Reports', inspected, period),
  ReportFile: (id: string, format: ReportFormat) => call<ReportFile>(SERVICE, 'ReportFile', id, format),
  /** In the window: the native save dialog; the path saved to, "" if cancelled. */
  SaveReport: (id: string, format: ReportFormat) => call<string>(SERVICE, 'SaveReport', id, format),
};
