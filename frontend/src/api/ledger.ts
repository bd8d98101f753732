// LedgerService (Go: app.LedgerService): the event store as a whole.
// The interfaces mirror the Go JSON exactly (snake_case field names).

import { call } from './bridge';
import type { SnapshotState } from './exchange_snapshot';

const SERVICE = 'LedgerService';

/** The head (last event) of one installation's hash chain. */
export interface ChainHead {
  origin: string;
  origin_seq: number;
  seq: number;
  /** SHA-256, hex. */
  hash: string;
  /** RFC 3339, UTC. */
  recorded_at: string;
  /** True when the origin is this installation. */
  local: boolean;
}

export interface LedgerInfo {
  db_path: string;
  /** This installation's origin id. */
  origin: string;
  app_version: string;
  events: number;
  streams: number;
  heads: ChainHead[];
  /** The latest business date up to today ("" for an empty ledger). */
  last_occurred_on: string;
}

/** Known values of Problem.kind; the Go side may add more. */
export type ProblemKind =
  | 'altered'
  | 'removed'
  | 'reordered'
  | 'inserted'
  | 'broken_link'
  | 'fork'
  | 'triggers_missing'
  | 'digest_mismatch'
  | 'undecodable';

export interface Problem {
  seq: number;
  origin: string;
  origin_seq: number;
  kind: ProblemKind | (string & {});
  message: string;
}

export interface VerifyReport {
  ok: boolean;
  checked: number;
  origins: number;
  heads: ChainHead[];
  problems: Problem[];
  /** The first problem in chain order, null when ok. */
  first: Problem | null;
  /** RFC 3339, UTC. */
  verified_at: string;
}

/** The moment the ledger is shown at (Go: app.AsOfState). */
export interface AsOfState {
  /** True in a view of the past: every page answers as of as_of, nothing can be recorded. */
  historical: boolean;
  /** RFC 3339, UTC; "" for now. */
  as_of: string;
  /** Events the view holds: those recorded by as_of, or all of them now. */
  events: number;
  /** The period snapshot shown instead of the ledger ("chế độ kiểm tra"), if any. */
  snapshot?: SnapshotState | null;
}

export const LedgerService = {
  Info: (): Promise<LedgerInfo> => call<LedgerInfo>(SERVICE, 'Info'),
  Verify: (): Promise<VerifyReport> => call<VerifyReport>(SERVICE, 'Verify'),
  /** True when the ledger has no event yet (first start). */
  IsEmpty: (): Promise<boolean> => call<boolean>(SERVICE, 'IsEmpty'),
  /** Records the demo cluster (miền núi biên giới phía Bắc). */
  LoadDemo: (): Promise<unknown> => call<unknown>(SERVICE, 'LoadDemo'),
  /** Shows the ledger as of a record time: RFC 3339, or "YYYY-MM-DD" (the end of that
   * day in Vietnam); "" for now. A future or unreadable moment is refused (invalid). */
  SetAsOf: (asOf: string): Promise<AsOfState> => call<AsOfState>(SERVICE, 'SetAsOf', asOf),
  /** The moment the ledger is shown at. */
  AsOfState: (): Promise<AsOfState> => call<AsOfState>(SERVICE, 'AsOfState'),
};
