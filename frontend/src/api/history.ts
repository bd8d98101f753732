// HistoryService (Go: app.HistoryService): an entity's history with the state
// before and after each event, the global event log page by page, and
// corrections (EventRetracted plus the right event). Field names mirror the Go JSON.

import { call } from './bridge';
import type { ISODate, Result } from './types';

const SERVICE = 'HistoryService';

export type Clock = 'occurred' | 'recorded';

/** Go: app.HistoryFilter. Empty fields do not filter. */
export interface HistoryFilter {
  /** meta.actor, exact. */
  actor: string;
  type: string;
  /** YYYY-MM-DD, inclusive, on `clock`. */
  from: ISODate;
  to: ISODate;
  clock: Clock | '';
  school: string;
  /** RFC 3339 or a date: only the events recorded by then. */
  as_of: string;
}

export const NO_FILTER: HistoryFilter = { actor: '', type: '', from: '', to: '', clock: '', school: '', as_of: '' };

/** Go: app.LogEntry. */
export interface LogEntry {
  seq: number;
  id: string;
  type: string;
  type_label: string;
  stream: string;
  version: number;
  occurred_on: ISODate;
  /** RFC 3339, UTC. */
  recorded_at: string;
  actor: string;
  reason: string;
  source: string;
  correlation_id: string;
  origin: string;
  origin_seq: number;
  hash: string;
  data: Record<string, unknown>;
  retracted: boolean;
}

/** Go: app.LogQuery. Keyset paging by seq: `before` the page after one
 * (older), `after` the page before one (newer); `skip` jumps further. */
export interface LogQuery extends HistoryFilter {
  before: number;
  after: number;
  skip: number;
  limit: number;
  /** Skip the count (total is then -1). */
  no_total: boolean;
}

/** Go: app.LogPage. Events newest first. */
export interface LogPage {
  events: LogEntry[];
  total: number;
  has_newer: boolean;
  has_older: boolean;
}

/** A state value: a number, a string, a list, or null when absent. */
export type StateValue = string | number | boolean | null | StateValue[] | { [k: string]: StateValue };

/** Go: app.FieldChange: one line of a diff. */
export interface FieldChange {
  field: string;
  label: string;
  before: StateValue;
  after: StateValue;
}

/** Go: app.LinkedEvent. */
export interface LinkedEvent {
  event_id: string;
  seq: number;
  type: string;
  type_label: string;
  recorded_at: string;
  actor: string;
  reason: string;
}

/** Go: app.HistoryEvent. */
export interface HistoryEvent extends LogEntry {
  before: Record<string, StateValue>;
  after: Record<string, StateValue>;
  changes: FieldChange[];
  retracted_by: LinkedEvent | null;
  retracts: LinkedEvent | null;
  replaces: LinkedEvent | null;
  replaced_by: LinkedEvent | null;
}

/** Go: app.EntityHistory. Events oldest first. */
export interface EntityHistory {
  entity: string;
  kind: string;
  name: string;
  streams: string[];
  state: Record<string, StateValue>;
  events: HistoryEvent[];
  total: number;
}

/** Go: app.EntityMatch. */
export interface EntityMatch {
  entity: string;
  kind: string;
  name: string;
}

/** Go: app.CorrectionInput. replacement null only withdraws the event (hủy). */
export interface CorrectionInput {
  event_id: string;
  reason: string;
  source: string;
  replacement: Record<string, unknown> | null;
  /** The replacement's business date; "" keeps the event's. */
  occurred_on: ISODate;
}

/** Go: app.CorrectionResult. */
export interface CorrectionResult {
  retraction: Result;
  replacement: Result | null;
}

export const HistoryService = {
  /** entity: a stream ("class-sonla-20-tc-01") or an id ("sonla-20-tc-01", "sonla"). */
  Entity: (entity: string, filter: HistoryFilter) => call<EntityHistory>(SERVICE, 'Entity', entity, filter),
  Log: (query: LogQuery) => call<LogPage>(SERVICE, 'Log', query),
  Search: (text: string, limit: number) => call<EntityMatch[] | null>(SERVICE, 'Search', text, limit),
  Correct: (input: CorrectionInput) => call<CorrectionResult>(SERVICE, 'Correct', input),
};
