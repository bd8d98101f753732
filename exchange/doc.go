// Package exchange reads and writes socai files: the signed SQLite
// containers that carry events between installations (bundles, format
// "socai-bundle") and a period's data to inspectors (snapshots,
// "socai-snapshot"). It sits between events and app and imports events only.
//
// A socai file is a SQLite database with PRAGMA application_id = AppID and
// user_version = FormatVersion, holding
//   - the ledger's events table (same schema, same triggers, seq 1..n in file
//     order) and its installation table (origin = the creator), so that
//     events.OpenReadOnly and Store.Verify work on it;
//   - a manifest table with one row: the manifest JSON exactly as signed and
//     its Ed25519 signature (base64) by the creator's installation key.
//
// API:
//   - Write(ctx, path, manifest, records, key) writes a file atomically
//     (temporary file, then rename) and fills the manifest's computed fields
//     (heads, starts, events, events_digest, public_key, fingerprint).
//   - Open(ctx, path, OpenOptions) checks, in order: a regular file, its size
//     (DefaultMaxSize), SQLite at all, socai's application_id, not truncated,
//     format_version not from the future, PRAGMA quick_check, the manifest
//     present and readable, the signature present and valid for the
//     manifest's own public key and fingerprint, then every event: its type
//     and schema version known, its hash recomputed, its chain linked
//     (events.ChainChecker), the count, events_digest and heads as signed.
//     Each refusal is an *events.Error with its own code (E* below) and a
//     Vietnamese message.
//   - File.SignedBy(pub) and Signer(ctx, store, file) check that the signer
//     is the key this ledger registered for the creator (KeyRegistered
//     recorded here): otherwise EUNKNOWNSIGNER or EWRONGSIGNER.
//   - File.Each(ctx, fn) reads the events in file order; File.Close.
package exchange
