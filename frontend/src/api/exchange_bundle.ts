// BundleService and KeyService (Go: app.BundleService in app/bundle.go,
// app.KeyService in app/keys.go):
// signed bundles of events between installations, and the signing keys they
// are checked with (docs/exchange.md). The interfaces mirror the Go JSON exactly.

import { call } from './bridge';
import type { Note, Result } from './types';

const BUNDLE = 'BundleService';
const KEYS = 'KeyService';

/** What an export wrote (Go: app.BundleExport). */
export interface BundleExport {
  path: string;
  name: string;
  events: number;
  since: number;
  /** Pass it as since next time. */
  cursor: number;
  cluster_id: string;
  school_id: string;
  fingerprint: string;
  /** The file in base64 (BundleContent only). */
  content?: string;
}

/** The result of an import (Go: app.ImportSummary). */
export interface ImportSummary {
  file: string;
  file_sha256: string;
  /** The signer's origin. */
  signer: string;
  school_id: string;
  school_name: string;
  fingerprint: string;
  cluster_id: string;
  /** In the file. */
  events: number;
  imported: number;
  /** Already here. */
  skipped: number;
  refused: boolean;
  code?: string;
  reason?: string;
}

/** Go: app.Phase* constants. */
export type ImportPhase = 'checking' | 'importing' | 'done' | 'refused' | 'cancelled' | '';

/** Where a long import stands (Go: app.ImportProgress). */
export interface ImportProgress {
  phase: ImportPhase;
  done: number;
  total: number;
}

/** The background import (Go: app.ImportStatus); summary is null while it runs. */
export interface ImportStatus {
  running: boolean;
  progress: ImportProgress;
  summary: ImportSummary | null;
}

/** One row of the import log (Go: app.ImportRecord). */
export interface ImportRecord {
  imported_at: string;
  file_sha256: string;
  signer: string;
  fingerprint: string;
  first_seq: number;
  last_seq: number;
  events: number;
}

export const BundleService = {
  /** Exports and saves with the native dialog (the window); path "" when cancelled. */
  SaveBundle: (since: number) => call<BundleExport>(BUNDLE, 'SaveBundle', since),
  /** Exports and returns the file as base64 (the browser). */
  BundleContent: (since: number) => call<BundleExport>(BUNDLE, 'BundleContent', since),
  /** Native open dialog, then the background import (the window). */
  ChooseAndImport: () => call<ImportStatus>(BUNDLE, 'ChooseAndImport'),
  /** Sends the file (base64) and starts the background import (the browser). */
  UploadAndImport: (name: string, content: string) => call<ImportStatus>(BUNDLE, 'UploadAndImport', name, content),
  ImportStatus: () => call<ImportStatus>(BUNDLE, 'ImportStatus'),
  /** Stops the import: its transaction is rolled back, nothing is imported. */
  CancelImport: () => call<ImportStatus>(BUNDLE, 'CancelImport'),
  ImportLog: () => call<ImportRecord[]>(BUNDLE, 'ImportLog'),
};

/** This installation's public key (Go: app.KeyInfo). */
export interface KeyInfo {
  origin: string;
  public_key: string;
  fingerprint: string;
  /** The school this installation registered its key for, "" if not yet. */
  school_id: string;
}

/** Another installation's key, compared by phone (Go: app.KeyInput, Note embedded). */
export interface KeyInput extends Note {
  school_id: string;
  origin: string;
  public_key: string;
  fingerprint: string;
}

/** A KeyRegistered of the ledger (Go: events.RegisteredKey). */
export interface RegisteredKey {
  origin: string;
  school_id: string;
  public_key: string;
  fingerprint: string;
  /** The installation that recorded it. */
  by: string;
  /** Recorded here: a person here compared the fingerprint, or it is our own key. */
  trusted: boolean;
  recorded_at: string;
}

export const KeyService = {
  Mine: () => call<KeyInfo>(KEYS, 'Mine'),
  RegisterMine: (schoolId: string, note: Note) => call<Result>(KEYS, 'RegisterMine', schoolId, note),
  AddSchoolKey: (input: KeyInput) => call<Result>(KEYS, 'AddSchoolKey', input),
  Registered: () => call<RegisteredKey[]>(KEYS, 'Registered'),
};

/** Reads a File as base64 (without the data: prefix). */
export function fileBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onerror = () => reject(r.error ?? new Error('FileReader'));
    r.onload = () => {
      const s = String(r.result);
      resolve(s.slice(s.indexOf(',') + 1));
    };
    r.readAsDataURL(file);
  });
}

/** Splits a fingerprint into its groups of four, to read by phone. */
export function fingerprintGroups(fp: string): string[] {
  const clean = fp.replace(/[^0-9a-z]/gi, '').toUpperCase();
  return clean.match(/.{1,4}/g) ?? [];
}

/** Calls cb with each "bundle:progress" of the background import, inside the
 * desktop window only (a browser polls ImportStatus instead). */
export function onBundleProgress(cb: (p: ImportProgress) => void): () => void {
  const on = typeof window !== 'undefined' ? window.runtime?.EventsOn : undefined;
  if (!on) return () => {};
  return on('bundle:progress', (p) => cb(p as ImportProgress));
}
