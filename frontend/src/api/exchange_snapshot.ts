// The period snapshot (.socai, Go: app/snapshot_file*.go): made by ExportService,
// opened read-only ("chế độ kiểm tra") by LedgerService. The interfaces mirror the
// Go JSON exactly.

import { call } from './bridge';
import { EXPORT_SERVICE } from './exchange_export';
import type { AsOfState, ChainHead } from './ledger';

const LEDGER_SERVICE = 'LedgerService';

/** What a snapshot export wrote (Go: app.SnapshotResult). */
export interface SnapshotResult {
  /** The file written; "" when the user cancelled the save dialog. */
  path: string;
  period: string;
  /** The school it was made for, "" for the cluster. */
  school: string;
  /** The record-time moment its events stop at, RFC 3339 UTC. */
  cutoff: string;
  events: number;
  heads: ChainHead[];
  /** How many figures the manifest states (every scope together). */
  figures: number;
  /** The signer's key, to compare by phone. */
  fingerprint: string;
  bytes: number;
}

/** The snapshot the window shows in "chế độ kiểm tra" (Go: app.SnapshotState). */
export interface SnapshotState {
  path: string;
  period: string;
  school: string;
  scope_name: string;
  cutoff: string;
  creator: string;
  origin: string;
  app_version: string;
  created_at: string;
  fingerprint: string;
  /** What this ledger knows of the signer's key: "khop" (the key it registered for that
   * installation), "khac" (another key was registered: a forgery or a new key),
   * "chua_dang_ky" (no KeyRegistered for it here: compare the fingerprint by phone). */
  key_status: 'khop' | 'khac' | 'chua_dang_ky' | (string & {});
  events: number;
}

export const SnapshotApi = {
  /** In the window: asks where to save with the native dialog and writes the snapshot. */
  Save: (period: string, asOf: string, school: string): Promise<SnapshotResult> =>
    call<SnapshotResult>(EXPORT_SERVICE, 'Snapshot', period, asOf, school),
  /** Writes the snapshot to path (the browser harness has no dialog). */
  SaveTo: (period: string, asOf: string, school: string, path: string): Promise<SnapshotResult> =>
    call<SnapshotResult>(EXPORT_SERVICE, 'SaveSnapshot', period, asOf, school, path),
  /** Opens a snapshot read-only; path "" asks with the native open dialog (window only). */
  Open: (path: string): Promise<AsOfState> => call<AsOfState>(LEDGER_SERVICE, 'OpenSnapshot', path),
  /** Back to the ledger, now. */
  Close: (): Promise<AsOfState> => call<AsOfState>(LEDGER_SERVICE, 'CloseSnapshot'),
};
