// CloseService (Go: app.CloseService): the chốt số liệu of a period and the
// amendments after close (điều chỉnh sau chốt). Field names mirror the Go JSON.

import { call } from './bridge';
import type { ChainHead } from './ledger';
import type { ISODate, Period } from './types';

const SERVICE = 'CloseService';

/** The close form (Go: app.CloseInput); scope "" is the ledger's only cluster. */
export interface CloseInput {
  period: string;
  scope: string;
  reason: string;
  source: string;
}

/** Chain heads written as codes (Go: app.DigestCodes). */
export interface DigestCodes {
  /** Short codes ORIGIN8:SEQ:HASH12, to print and read out. */
  codes: string[];
  /** The same, in full: ORIGIN:SEQ:HASH. */
  full: string[];
}

/** The head of one chain named by a close (Go: events.ChainRef). */
export type ChainRef = Pick<ChainHead, 'origin' | 'origin_seq' | 'hash'>;

/** One recorded close (Go: app.PeriodClose). */
export interface PeriodClose {
  event_id: string;
  seq: number;
  stream: string;
  period: Period;
  scope: string;
  scope_kind: 'school' | 'cluster' | (string & {});
  scope_name: string;
  /** Record time of the close, RFC 3339 UTC. */
  closed_at: string;
  occurred_on: ISODate;
  actor: string;
  reason: string;
  source: string;
  heads: ChainRef[];
  digest: DigestCodes;
}

/** Go: projections.Figure. */
export interface Figure {
  key: string;
  label: string;
  value: number;
  unit: string;
}

/** A closed figure that differs now (Go: app.FigureChange); null: did not exist. */
export interface FigureChange {
  key: string;
  label: string;
  unit: string;
  at_close: number | null;
  now: number | null;
}

/** One figure before and after an amendment (Go: app.FigureDelta). */
export interface FigureDelta {
  key: string;
  label: string;
  unit: string;
  before: number | null;
  after: number | null;
}

/** An event recorded after the close that changed its figures (Go: app.Amendment). */
export interface Amendment {
  seq: number;
  id: string;
  type: string;
  stream: string;
  occurred_on: ISODate;
  recorded_at: string;
  actor: string;
  reason: string;
  source: string;
  data: unknown;
  retracts: { seq: number; id: string; type: string } | null;
  changes: FigureDelta[];
}

/** Go: app.AmendmentReport. */
export interface AmendmentReport {
  close: PeriodClose;
  /** The close's record time, heads and digest, repeated. */
  closed_at: string;
  heads: ChainRef[];
  digest: DigestCodes;
  figures_at_close: Figure[];
  figures_now: Figure[];
  changed: FigureChange[];
  events: Amendment[];
  /** Events recorded after the close that could change figures. */
  later: number;
  /** Views of the past the search built. */
  views: number;
}

/** Go: app.CloseStatus: what a report page flags. */
export interface CloseStatus {
  closed: PeriodClose | null;
  changed: FigureChange[];
}

export const CloseService = {
  Close: (input: CloseInput): Promise<PeriodClose> => call<PeriodClose>(SERVICE, 'Close', input),
  Closes: (): Promise<PeriodClose[]> => call<PeriodClose[]>(SERVICE, 'Closes'),
  Amendments: (period: string, scope: string): Promise<AmendmentReport> =>
    call<AmendmentReport>(SERVICE, 'Amendments', period, scope),
  Status: (period: string, scope: string): Promise<CloseStatus> =>
    call<CloseStatus>(SERVICE, 'Status', period, scope),
};
