package exchange

import (
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"database/sql"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"time"

	"socai/events"
)

// Records hands the events to write, in order, to fn (a Store.Each or
// Store.EachOfOrigin closure). Their Seq is ignored: the file numbers them.
type Records func(fn func(events.Record) error) error

const manifestSchema = `CREATE TABLE manifest (
    id        INTEGER PRIMARY KEY CHECK (id = 1),
    json      TEXT NOT NULL,
    signature TEXT NOT NULL
);`

// Write writes a socai file at path: the records, and m completed with what
// is computed from them and from key, signed by key. It writes a temporary
// file next to path and renames it: path is either the old file or the
// whole new one. It returns the manifest as signed.
func Write(ctx context.Context, path string, m Manifest, recs Records, key ed25519.PrivateKey) (Manifest, error) {
	if m.Format != FormatBundle && m.Format != FormatSnapshot {
		return m, fmt.Errorf("định dạng tệp không hợp lệ: %q", m.Format)
	}
	if len(key) != ed25519.PrivateKeySize {
		return m, fmt.Errorf("thiếu khóa ký")
	}
	var rnd [6]byte
	rand.Read(rnd[:])
	tmp := filepath.Join(filepath.Dir(path), "."+filepath.Base(path)+".tmp-"+hex.EncodeToString(rnd[:]))
	m, err := write(ctx, tmp, m, recs, key)
	if err == nil {
		err = syncFile(tmp)
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		os.Remove(tmp)
		return m, err
	}
	return m, nil
}

func write(ctx context.Context, tmp string, m Manifest, recs Records, key ed25519.PrivateKey) (Manifest, error) {
	q := url.Values{}
	q.Set("_journal_mode", "OFF") // a fresh temporary file: a crash leaves only the temporary file
	q.Set("_synchronous", "OFF")  // synced once, whole, before the rename
	db, err := sql.Open("sqlite3", "file:"+(&url.URL{Path: tmp}).EscapedPath()+"?"+q.Encode())
	if err != nil {
		return m, err
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	// secure_delete: no stale copy of a moved cell stays in page slack, so
	// every byte of data in the file is a byte that is read and checked.
	if _, err := db.ExecContext(ctx, fmt.Sprintf("PRAGMA page_size = 4096; PRAGMA secure_delete = ON; PRAGMA application_id = %d; PRAGMA user_version = %d;",
		AppID, FormatVersion)); err != nil {
		return m, err
	}
	if _, err := db.ExecContext(ctx, events.EventsSchema()+"\n"+manifestSchema); err != nil {
		return m, err
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return m, err
	}
	defer tx.Rollback()
	if m.CreatedAt == "" {
		m.CreatedAt = events.FormatRecordedAt(time.Now())
	}
	if _, err := tx.Exec(`INSERT INTO installation (id, origin, created_at) VALUES (1, ?, ?)`, m.Creator, m.CreatedAt); err != nil {
		return m, err
	}
	ins, err := tx.Prepare(`INSERT INTO events (id, origin, origin_seq, stream, version, type, schema_version,
		occurred_on, recorded_at, data, meta, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)`)
	if err != nil {
		return m, err
	}
	defer ins.Close()
	d := newDigester()
	err = recs(func(r events.Record) error {
		if d.n%1024 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		d.add(&r)
		_, err := ins.Exec(r.ID, r.Origin, r.OriginSeq, r.Stream, r.Version, r.Type, r.SchemaVersion,
			r.OccurredOn, r.RecordedAt, string(r.Data), string(r.Meta), r.PrevHash, r.Hash)
		return err
	})
	if err != nil {
		return m, err
	}
	pub := key.Public().(ed25519.PublicKey)
	m.FormatVersion = FormatVersion
	m.PublicKey = events.EncodeKey(pub)
	m.Fingerprint = events.Fingerprint(pub)
	m.Heads = sortedRefs(d.heads)
	m.Starts = sortedRefs(d.starts)
	m.Events = d.n
	m.EventsDigest = d.sum()
	body, err := json.Marshal(m)
	if err != nil {
		return m, err
	}
	sig := ed25519.Sign(key, body)
	if _, err := tx.Exec(`INSERT INTO manifest (id, json, signature) VALUES (1, ?, ?)`,
		string(body), base64.StdEncoding.EncodeToString(sig)); err != nil {
		return m, err
	}
	if err := tx.Commit(); err != nil {
		return m, err
	}
	return m, db.Close()
}

func syncFile(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
