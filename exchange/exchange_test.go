package exchange_test

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"socai/events"
	"socai/exchange"
)

var ctx = context.Background()

// ledger makes a store with n ClusterFormed events in n streams.
func ledger(t *testing.T, n int) *events.Store {
	t.Helper()
	st, err := events.Open(filepath.Join(t.TempDir(), "ledger.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	add(t, st, 0, n)
	return st
}

func add(t *testing.T, st *events.Store, from, n int) {
	t.Helper()
	for i := from; i < from+n; i++ {
		_, err := st.Append(ctx, fmt.Sprintf("cluster-c%d", i), events.NoStream, events.Event{OccurredOn: "2021-01-05",
			Data: events.ClusterFormed{ClusterID: fmt.Sprintf("c%d", i), Name: "Cụm", Region: "Bắc"}, Meta: events.Meta{Actor: "test"}})
		if err != nil {
			t.Fatal(err)
		}
	}
}

// write writes the store's own events after since as a bundle.
func write(t *testing.T, st *events.Store, since int64) (string, exchange.Manifest) {
	t.Helper()
	key, err := st.SigningKey(ctx)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "b.socai")
	m, err := exchange.Write(ctx, path, exchange.Manifest{Format: exchange.FormatBundle, ClusterID: "c0", SchoolID: "s",
		Creator: st.Origin(), Since: &since},
		func(fn func(events.Record) error) error { return st.EachOfOrigin(ctx, st.Origin(), since, fn) }, key)
	if err != nil {
		t.Fatal(err)
	}
	return path, m
}

func TestWriteOpenRoundTrip(t *testing.T) {
	st := ledger(t, 30)
	path, m := write(t, st, 0)
	f, err := exchange.Open(ctx, path, exchange.OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if f.Manifest.Events != 30 || m.Events != 30 || len(f.Manifest.Heads) != 1 || f.Manifest.Heads[0].OriginSeq != 30 {
		t.Fatalf("manifest %+v", f.Manifest)
	}
	pub, _ := st.PublicKey(ctx)
	if err := f.SignedBy(pub); err != nil {
		t.Fatal(err)
	}
	if f.Manifest.Fingerprint != events.Fingerprint(pub) || len(f.SHA256) != 64 {
		t.Fatalf("fingerprint %s sha %s", f.Manifest.Fingerprint, f.SHA256)
	}
	// The file is a ledger to events: Verify works on it.
	ro, err := events.OpenReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	rep, err := ro.Verify(ctx, events.VerifyOptions{})
	if err != nil || !rep.OK || rep.Checked != 30 || ro.Origin() != st.Origin() {
		t.Fatalf("verify %+v %v", rep, err)
	}
}

func TestSinceStartsMidChain(t *testing.T) {
	st := ledger(t, 10)
	path, m := write(t, st, 7)
	if m.Events != 3 || len(m.Starts) != 1 || m.Starts[0].OriginSeq != 7 {
		t.Fatalf("manifest %+v", m)
	}
	f, err := exchange.Open(ctx, path, exchange.OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	f.Close()
}

func TestSignerMustBeRegistered(t *testing.T) {
	school := ledger(t, 3)
	lead := ledger(t, 1)
	path, _ := write(t, school, 0)
	f, err := exchange.Open(ctx, path, exchange.OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := exchange.Signer(ctx, lead, f); events.ErrorCode(err) != exchange.EUNKNOWNSIGNER {
		t.Fatalf("unknown signer: %v", err)
	}
	other, _ := lead.PublicKey(ctx) // the lead registers a wrong key for the school
	if _, err := lead.Append(ctx, "key-"+school.Origin(), events.NoStream, events.Event{OccurredOn: "2021-01-05",
		Data: events.KeyRegistered{Origin: school.Origin(), SchoolID: "s", PublicKey: events.EncodeKey(other),
			Fingerprint: events.Fingerprint(other)}, Meta: events.Meta{Actor: "test"}}); err != nil {
		t.Fatal(err)
	}
	if _, err := exchange.Signer(ctx, lead, f); events.ErrorCode(err) != exchange.EWRONGSIGNER {
		t.Fatalf("wrong signer: %v", err)
	}
}

// refused opens a file expecting the given error code.
func refused(t *testing.T, path, code string, opt exchange.OpenOptions) {
	t.Helper()
	f, err := exchange.Open(ctx, path, opt)
	if err == nil {
		f.Close()
		t.Fatalf("%s: opened", code)
	}
	if events.ErrorCode(err) != code {
		t.Fatalf("want %s, got %s: %v", code, events.ErrorCode(err), err)
	}
	t.Log(err)
}

func copyFile(t *testing.T, src string) string {
	t.Helper()
	b, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	dst := filepath.Join(t.TempDir(), "copy.socai")
	if err := os.WriteFile(dst, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return dst
}

// rewrite changes a copy of a socai file with SQL, as a forger would.
func rewrite(t *testing.T, src string, stmts ...string) string {
	t.Helper()
	dst := copyFile(t, src)
	db, err := sql.Open("sqlite3", dst)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, s := range stmts {
		if _, err := db.Exec(s); err != nil {
			t.Fatal(s, err)
		}
	}
	return dst
}

func TestOpenRefusals(t *testing.T) {
	st := ledger(t, 200)
	good, _ := write(t, st, 0)
	dir := t.TempDir()

	t.Run("missing", func(t *testing.T) { refused(t, filepath.Join(dir, "none"), exchange.ENOTFILE, exchange.OpenOptions{}) })
	t.Run("directory", func(t *testing.T) { refused(t, dir, exchange.ENOTFILE, exchange.OpenOptions{}) })
	t.Run("empty", func(t *testing.T) {
		p := filepath.Join(dir, "empty.socai")
		os.WriteFile(p, nil, 0o644)
		refused(t, p, exchange.ENOTSQLITE, exchange.OpenOptions{})
	})
	t.Run("png", func(t *testing.T) {
		p := filepath.Join(dir, "x.png")
		os.WriteFile(p, append([]byte("\x89PNG\r\n\x1a\n"), make([]byte, 200)...), 0o644)
		refused(t, p, exchange.ENOTSQLITE, exchange.OpenOptions{})
	})
	t.Run("plain sqlite", func(t *testing.T) { refused(t, st.Path(), exchange.ENOTSOCAI, exchange.OpenOptions{}) })
	t.Run("too big", func(t *testing.T) {
		p := filepath.Join(dir, "big.socai")
		f, _ := os.Create(p)
		f.Close()
		if err := os.Truncate(p, 600<<20); err != nil { // sparse: nothing is written
			t.Fatal(err)
		}
		refused(t, p, exchange.ETOOBIG, exchange.OpenOptions{})
	})
	t.Run("truncated", func(t *testing.T) {
		b, _ := os.ReadFile(good)
		p := filepath.Join(dir, "cut.socai")
		os.WriteFile(p, b[:len(b)/2], 0o644)
		refused(t, p, exchange.ECORRUPT, exchange.OpenOptions{})
	})
	t.Run("future format", func(t *testing.T) {
		refused(t, rewrite(t, good, "PRAGMA user_version = 99"), exchange.EFUTUREFORMAT, exchange.OpenOptions{})
	})
	t.Run("no manifest", func(t *testing.T) {
		refused(t, rewrite(t, good, "DROP TABLE manifest"), exchange.ENOMANIFEST, exchange.OpenOptions{})
	})
	t.Run("unparsable manifest", func(t *testing.T) {
		refused(t, rewrite(t, good, "DROP TABLE manifest",
			"CREATE TABLE manifest (id INTEGER PRIMARY KEY, json TEXT, signature TEXT)",
			"INSERT INTO manifest VALUES (1, '{not json', 'x')"), exchange.EBADMANIFEST, exchange.OpenOptions{})
	})
	t.Run("no signature", func(t *testing.T) {
		refused(t, rewrite(t, good, "DROP TABLE manifest",
			"CREATE TABLE manifest (id INTEGER PRIMARY KEY, json TEXT, signature TEXT)",
			"ATTACH '"+good+"' AS g", "INSERT INTO manifest SELECT id, json, '' FROM g.manifest"), exchange.ENOSIGNATURE, exchange.OpenOptions{})
	})
	t.Run("manifest edited", func(t *testing.T) {
		refused(t, rewrite(t, good, "DROP TABLE manifest",
			"CREATE TABLE manifest (id INTEGER PRIMARY KEY, json TEXT, signature TEXT)",
			"ATTACH '"+good+"' AS g", "INSERT INTO manifest SELECT id, replace(json, '\"school_id\":\"s\"', '\"school_id\":\"t\"'), signature FROM g.manifest"),
			exchange.EBADSIGNATURE, exchange.OpenOptions{})
	})
	t.Run("event removed", func(t *testing.T) {
		refused(t, rewrite(t, good, "DROP TRIGGER events_no_delete", "DELETE FROM events WHERE seq = 200"), exchange.EDIGEST, exchange.OpenOptions{})
	})
	t.Run("event edited", func(t *testing.T) {
		refused(t, rewrite(t, good, "DROP TRIGGER events_no_update",
			`UPDATE events SET data = replace(data, 'Cụm', 'Cụm X') WHERE seq = 100`), exchange.EBROKENCHAIN, exchange.OpenOptions{})
	})
	t.Run("unknown type", func(t *testing.T) {
		refused(t, rewrite(t, good, "DROP TRIGGER events_no_update",
			`UPDATE events SET type = 'ClusterDissolved' WHERE seq = 100`), events.EUNKNOWNTYPE, exchange.OpenOptions{})
	})
	t.Run("future schema", func(t *testing.T) {
		refused(t, rewrite(t, good, "DROP TRIGGER events_no_update",
			`UPDATE events SET schema_version = 7 WHERE seq = 100`), events.EFUTURESCHEMA, exchange.OpenOptions{})
	})
	t.Run("bytes corrupted in the middle", func(t *testing.T) {
		b, _ := os.ReadFile(good)
		for i := len(b) / 2; i < len(b)/2+64; i++ {
			b[i] ^= 0x5a
		}
		p := filepath.Join(dir, "bad.socai")
		os.WriteFile(p, b, 0o644)
		f, err := exchange.Open(ctx, p, exchange.OpenOptions{})
		if err == nil {
			f.Close()
			t.Fatal("opened")
		}
		t.Log(events.ErrorCode(err), err)
	})
}
