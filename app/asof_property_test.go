package app_test

import (
	"database/sql"
	"fmt"
	"math/rand"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"socai/app"
	"socai/events"
)

// copyRecordedBy writes into a fresh ledger file the events of a recorded at
// or before cutoff, row for row, and opens it: its projections are then
// rebuilt from those events only, by the runner, on a file.
func copyRecordedBy(t *testing.T, a *app.App, cutoff string) *app.App {
	t.Helper()
	path := filepath.Join(t.TempDir(), "cut.db")
	st, err := events.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	recs, err := a.Store.Read(ctx, events.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range recs {
		if r.RecordedAt <= cutoff {
			insertRecord(t, st.DB(), r)
		}
	}
	st.Close()
	b, err := app.Open(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { b.Close() })
	return b
}

func insertRecord(t *testing.T, db *sql.DB, r events.Record) {
	t.Helper()
	if _, err := db.Exec(`INSERT INTO events (seq, id, origin, origin_seq, stream, version, type, schema_version,
		occurred_on, recorded_at, data, meta, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
		r.Seq, r.ID, r.Origin, r.OriginSeq, r.Stream, r.Version, r.Type, r.SchemaVersion, r.OccurredOn,
		r.RecordedAt, string(r.Data), string(r.Meta), r.PrevHash, r.Hash); err != nil {
		t.Fatal(err)
	}
}

// For random command sequences recorded over days, and random moments T,
// the projections as of T equal a rebuild from only the events recorded at
// or before T, retractions included.
func TestAsOfEqualsRebuildOfWhatWasRecorded(t *testing.T) {
	for seed := int64(1); seed <= 6; seed++ {
		t.Run(fmt.Sprint("seed ", seed), func(t *testing.T) {
			r := rand.New(rand.NewSource(seed))
			a := openApp(t)
			clock := time.Date(2021, 1, 1, 1, 0, 0, 0, time.UTC)
			a.Store.Now = func() time.Time {
				clock = clock.Add(time.Duration(1+r.Intn(48)) * time.Hour) // a day or two between commands
				return clock
			}
			importLines(t, a, baseCluster...)
			randomCommands(t, a, r, 60)
			first, _ := a.Store.Read(ctx, events.Filter{Limit: 1})
			span := clock.Sub(mustTime(t, first[0].RecordedAt))
			total := eventCount(t, a)
			cuts := 0
			for i := 0; i < 4; i++ {
				at := mustTime(t, first[0].RecordedAt).Add(time.Duration(r.Int63n(int64(span))))
				then, err := a.AsOf(ctx, at)
				if err != nil {
					t.Fatal(err)
				}
				want := copyRecordedBy(t, a, events.FormatRecordedAt(at))
				if n := eventCount(t, want); n > 0 && n < total {
					cuts++
				}
				got, exp := dumpProjections(t, then.DB()), dumpProjections(t, want.DB())
				if !reflect.DeepEqual(got, exp) {
					for table := range exp {
						if !reflect.DeepEqual(got[table], exp[table]) {
							t.Errorf("as of %s, %s differs:\nas-of   %v\nrebuilt %v", at, table, got[table], exp[table])
						}
					}
				}
				then.Close()
			}
			if cuts == 0 {
				t.Error("no moment fell inside the history: the test compared nothing")
			}
		})
	}
}

func mustTime(t *testing.T, s string) time.Time {
	t.Helper()
	v, err := events.ParseRecordedAt(s)
	if err != nil {
		t.Fatal(err)
	}
	return v
}
