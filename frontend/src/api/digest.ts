// DigestService (Go: app.DigestService): the digest a report carries (the chain
// heads of its data, as short codes and a QR code) and its verification.

import { call } from './bridge';
import type { DigestCodes } from './close';
import type { ChainHead, VerifyReport } from './ledger';

const SERVICE = 'DigestService';

/** Go: app.DigestInfo. */
export interface DigestInfo extends DigestCodes {
  /** What the QR code says: "socai:digest:" and the full digests. */
  text: string;
  heads: ChainHead[];
  /** The record-time cutoff, "" for now. */
  as_of: string;
  /** A data: URL of the QR code (PNG), "" for an empty ledger. */
  qr_png: string;
}

/** One checked code (Go: app.DigestFound). */
export interface DigestFound {
  code: string;
  origin: string;
  origin_seq: number;
  found: boolean;
  seq: number;
  hash: string;
  recorded_at: string;
  /** Events recorded after it. */
  later: number;
}

/** Go: app.DigestCheck. */
export interface DigestCheck {
  /** The whole ledger verifies and every code is in its history. */
  ok: boolean;
  /** The history up to the codes is unchanged. */
  intact: boolean;
  verdict: string;
  detail: string;
  digests: DigestFound[];
  report: VerifyReport;
}

export const DigestService = {
  /** asOf: "" for now, else RFC 3339 or a date. */
  Current: (asOf: string): Promise<DigestInfo> => call<DigestInfo>(SERVICE, 'Current', asOf),
  Verify: (code: string): Promise<DigestCheck> => call<DigestCheck>(SERVICE, 'Verify', code),
};
