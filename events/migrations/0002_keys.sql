-- The installation's Ed25519 key pair: one row, written once, never exported.
-- It signs the files this installation writes (bundles, snapshots).
CREATE TABLE installation_key (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    public_key  TEXT NOT NULL,
    private_key TEXT NOT NULL,
    created_at  TEXT NOT NULL
);

CREATE TRIGGER installation_key_no_update BEFORE UPDATE ON installation_key
BEGIN
    SELECT RAISE(ABORT, 'socai: the installation key never changes');
END;

CREATE TRIGGER installation_key_no_delete BEFORE DELETE ON installation_key
BEGIN
    SELECT RAISE(ABORT, 'socai: the installation key is never deleted');
END;

-- Bundles imported here: the local import time is kept apart from the
-- events, which keep their origin's record time. One import is one
-- transaction, so its events hold the seqs first_seq..last_seq.
CREATE TABLE imports (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    imported_at   TEXT    NOT NULL,
    file_sha256   TEXT    NOT NULL,
    signer_origin TEXT    NOT NULL,
    fingerprint   TEXT    NOT NULL,
    first_seq     INTEGER NOT NULL,
    last_seq      INTEGER NOT NULL,
    events        INTEGER NOT NULL
);

CREATE TRIGGER imports_no_update BEFORE UPDATE ON imports
BEGIN
    SELECT RAISE(ABORT, 'socai: the import log is append-only');
END;
