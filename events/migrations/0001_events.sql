-- The event store of the contract in DESIGN.md. seq is local; everything else is hashed.
CREATE TABLE events (
    seq            INTEGER PRIMARY KEY AUTOINCREMENT,
    id             TEXT    NOT NULL UNIQUE,
    origin         TEXT    NOT NULL,
    origin_seq     INTEGER NOT NULL CHECK (origin_seq > 0),
    stream         TEXT    NOT NULL,
    version        INTEGER NOT NULL CHECK (version > 0),
    type           TEXT    NOT NULL,
    schema_version INTEGER NOT NULL CHECK (schema_version > 0),
    occurred_on    TEXT    NOT NULL,
    recorded_at    TEXT    NOT NULL,
    data           TEXT    NOT NULL,
    meta           TEXT    NOT NULL,
    prev_hash      TEXT    NOT NULL,
    hash           TEXT    NOT NULL,
    UNIQUE (stream, version),
    UNIQUE (origin, origin_seq)
);

CREATE INDEX events_type ON events (type);

-- Append-only, enforced by SQLite itself, whoever writes to the file.
CREATE TRIGGER events_no_update BEFORE UPDATE ON events
BEGIN
    SELECT RAISE(ABORT, 'socai: events are append-only (UPDATE refused)');
END;

CREATE TRIGGER events_no_delete BEFORE DELETE ON events
BEGIN
    SELECT RAISE(ABORT, 'socai: events are append-only (DELETE refused)');
END;

-- The identity of this installation: one row, written once.
CREATE TABLE installation (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    origin     TEXT NOT NULL,
    created_at TEXT NOT NULL
);

CREATE TRIGGER installation_no_update BEFORE UPDATE ON installation
BEGIN
    SELECT RAISE(ABORT, 'socai: the installation identity never changes');
END;
