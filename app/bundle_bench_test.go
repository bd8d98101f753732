package app_test

import (
	"database/sql"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"testing"
	"time"

	"socai/app"
	"socai/events"
)

// BenchmarkBundle100k exports the ~100k events of the bench ledger as a
// bundle (/export) and imports it into a fresh ledger (/import), beside
// their limits measured in the same run: a plain copy of the bundle file
// (/copy, the cost of moving the bytes) and a plain batched INSERT of the
// same rows into a bare table with the ledger's own events schema and
// indexes, no triggers (/insert). Each reports the best of 3 rounds; setup
// (a fresh ledger with the exporter's key registered) is not timed.
// Goals (scripts/bench-summary.sh): export ≤ 2× insert, import ≤ 3× insert.
func BenchmarkBundle100k(b *testing.B) {
	path := buildBenchLedger(b)
	src, err := app.Open(path, nil)
	if err != nil {
		b.Fatal(err)
	}
	defer src.Close()
	key, err := src.InstallationKey(ctx) // makes the key pair before any timing
	if err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir()
	bundle := filepath.Join(dir, "ref.socai")
	x, err := src.ExportBundle(ctx, 0, bundle)
	if err != nil {
		b.Fatal(err)
	}
	if x.Events < benchEvents {
		b.Fatalf("bundle holds %d events, want ≥ %d", x.Events, benchEvents)
	}
	rows := benchRowsOf(b, src)
	schema := benchEventsSchema(b, src)
	n := 0
	fresh := func() string {
		n++
		return filepath.Join(dir, fmt.Sprintf("r%d", n))
	}
	best := func(b *testing.B, round func() time.Duration) {
		min := time.Duration(1 << 62)
		for i := 0; i < b.N; i++ {
			for range 3 {
				min = minDur(min, round())
			}
		}
		b.ReportMetric(float64(x.Events)/min.Seconds(), "events/s")
		b.ReportMetric(float64(min.Microseconds())/1000, "best-ms")
		b.ReportMetric(0, "ns/op")
	}

	b.Run("export", func(b *testing.B) {
		best(b, func() time.Duration {
			out := fresh() + ".socai"
			t0 := time.Now()
			if _, err := src.ExportBundle(ctx, 0, out); err != nil {
				b.Fatal(err)
			}
			d := time.Since(t0)
			os.Remove(out)
			return d
		})
	})
	b.Run("copy", func(b *testing.B) {
		best(b, func() time.Duration {
			out := fresh() + ".socai"
			t0 := time.Now()
			benchCopy(b, bundle, out)
			d := time.Since(t0)
			os.Remove(out)
			return d
		})
	})
	b.Run("import", func(b *testing.B) {
		best(b, func() time.Duration {
			dst, err := app.Open(fresh()+".db", nil)
			if err != nil {
				b.Fatal(err)
			}
			defer dst.Close()
			if _, err := dst.AddKey(ctx, app.KeyInput{SchoolID: "sonla", Origin: key.Origin, PublicKey: key.PublicKey, Fingerprint: key.Fingerprint}); err != nil {
				b.Fatal(err)
			}
			t0 := time.Now()
			sum, err := dst.ImportBundle(ctx, bundle, nil)
			d := time.Since(t0)
			if err != nil || sum.Imported != x.Events {
				b.Fatalf("import: %+v %v", sum, err)
			}
			return d
		})
	})
	b.Run("insert", func(b *testing.B) {
		best(b, func() time.Duration {
			db := benchBareDB(b, fresh()+".db", schema)
			defer db.Close()
			t0 := time.Now()
			benchInsert(b, db, rows)
			return time.Since(t0)
		})
	})
}

func minDur(a, b time.Duration) time.Duration {
	if a < b {
		return a
	}
	return b
}

// benchRowsOf reads the 13 stored columns of every event, as bound.
func benchRowsOf(b *testing.B, a *app.App) [][]any {
	b.Helper()
	recs, err := a.Store.Read(ctx, events.Filter{})
	if err != nil {
		b.Fatal(err)
	}
	out := make([][]any, len(recs))
	for i, r := range recs {
		out[i] = []any{r.ID, r.Origin, r.OriginSeq, r.Stream, r.Version, r.Type, int64(r.SchemaVersion),
			r.OccurredOn, r.RecordedAt, string(r.Data), string(r.Meta), r.PrevHash, r.Hash}
	}
	return out
}

// benchEventsSchema is the ledger's own events table and its indexes,
// without the append-only triggers: the cheapest honest table for the rows.
func benchEventsSchema(b *testing.B, a *app.App) []string {
	b.Helper()
	rs, err := a.DB().Query(`SELECT sql FROM sqlite_master WHERE tbl_name = 'events' AND type IN ('table', 'index') AND sql IS NOT NULL ORDER BY type DESC`)
	if err != nil {
		b.Fatal(err)
	}
	defer rs.Close()
	var out []string
	for rs.Next() {
		var s string
		if err := rs.Scan(&s); err != nil {
			b.Fatal(err)
		}
		out = append(out, s)
	}
	return out
}

// benchBareDB opens a bare database with the store's connection settings.
func benchBareDB(b *testing.B, path string, schema []string) *sql.DB {
	b.Helper()
	q := url.Values{}
	q.Set("_journal_mode", "WAL")
	q.Set("_synchronous", "FULL")
	q.Set("_txlock", "immediate")
	db, err := sql.Open("sqlite3", "file:"+(&url.URL{Path: path}).EscapedPath()+"?"+q.Encode())
	if err != nil {
		b.Fatal(err)
	}
	for _, s := range schema {
		if _, err := db.Exec(s); err != nil {
			b.Fatal(err)
		}
	}
	return db
}

// benchInsert inserts rows in transactions of 1000.
func benchInsert(b *testing.B, db *sql.DB, rows [][]any) {
	b.Helper()
	for start := 0; start < len(rows); start += 1000 {
		tx, err := db.Begin()
		if err != nil {
			b.Fatal(err)
		}
		st, err := tx.Prepare(`INSERT INTO events (id, origin, origin_seq, stream, version, type, schema_version,
			occurred_on, recorded_at, data, meta, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)`)
		if err != nil {
			b.Fatal(err)
		}
		for _, r := range rows[start:min(start+1000, len(rows))] {
			if _, err := st.Exec(r...); err != nil {
				b.Fatal(err)
			}
		}
		st.Close()
		if err := tx.Commit(); err != nil {
			b.Fatal(err)
		}
	}
}

// benchCopy copies a file and syncs it, as a file manager would.
func benchCopy(b *testing.B, from, to string) {
	b.Helper()
	in, err := os.Open(from)
	if err != nil {
		b.Fatal(err)
	}
	defer in.Close()
	out, err := os.Create(to)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		b.Fatal(err)
	}
	if err := out.Sync(); err != nil {
		b.Fatal(err)
	}
	if err := out.Close(); err != nil {
		b.Fatal(err)
	}
}
