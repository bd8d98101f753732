package app_test

import (
	"database/sql"
	"encoding/json"
	"fmt"
	"math/rand"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/google/uuid"

	"socai/app"
	"socai/events"
	"socai/projections"
	"socai/projections/projtest"
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

// For random command sequences recorded over days, with snapshots taken
// along the way (small Every and Keep, period closes, events of another
// origin imported with earlier record times), and random moments T: the
// projections as of T equal a rebuild from only the events recorded at or
// before T, retractions included, and the snapshot-assisted answer equals
// the full replay; so do views cut at a random seq or at the chain heads
// of a random seq.
func TestAsOfEqualsRebuildOfWhatWasRecorded(t *testing.T) {
	for seed := int64(1); seed <= 6; seed++ {
		t.Run(fmt.Sprint("seed ", seed), func(t *testing.T) {
			r := rand.New(rand.NewSource(seed))
			a := openApp(t)
			a.SnapshotPolicy = projections.SnapshotPolicy{Every: int64(4 + r.Intn(8)), Keep: 2 + r.Intn(4)}
			clock := time.Date(2021, 1, 1, 1, 0, 0, 0, time.UTC)
			a.Store.Now = func() time.Time {
				clock = clock.Add(time.Duration(1+r.Intn(48)) * time.Hour) // a day or two between commands
				return clock
			}
			importLines(t, a, baseCluster...)
			foreign := &foreignChain{origin: fmt.Sprintf("0190f000-0000-7000-8000-%012d", seed), prev: events.GenesisHash}
			for chunk := 0; chunk < 6; chunk++ {
				randomCommands(t, a, r, 10)
				switch r.Intn(3) {
				case 0: // a period close, its heads those of the ledger
					closePeriod(t, a, fmt.Sprintf("%d-H%d", 2020+chunk/2, 1+chunk%2))
				case 1: // a bundle of another school, recorded earlier than now
					foreign.importClasses(t, a, r, clock.Add(-time.Duration(r.Intn(24*20))*time.Hour))
				}
				if _, err := a.EnsureSnapshots(ctx); err != nil {
					t.Fatal(err)
				}
			}
			randomCommands(t, a, r, 5) // a tail after the last snapshot
			first, _ := a.Store.Read(ctx, events.Filter{Limit: 1})
			span := clock.Sub(mustTime(t, first[0].RecordedAt))
			total := eventCount(t, a)
			cuts, assisted := 0, 0
			compare := func(what string, got, exp map[string][]string) {
				t.Helper()
				for table := range exp {
					if !reflect.DeepEqual(got[table], exp[table]) {
						t.Errorf("%s, %s differs:\ngot  %v\nwant %v", what, table, got[table], exp[table])
					}
				}
			}
			for i := 0; i < 6; i++ {
				at := mustTime(t, first[0].RecordedAt).Add(time.Duration(r.Int63n(int64(span))))
				then, err := a.AsOf(ctx, at)
				if err != nil {
					t.Fatal(err)
				}
				want := copyRecordedBy(t, a, events.FormatRecordedAt(at))
				if n := eventCount(t, want); n > 0 && n < total {
					cuts++
				}
				exp := projtest.Dump(t, want.DB())
				compare(fmt.Sprintf("as of %s (the view of the App)", at), projtest.Dump(t, then.DB()), exp)
				then.Close()
				assisted += viewsAgree(t, a, projections.Cutoff{At: at}, exp)

				seq := 1 + r.Int63n(total)
				assisted += viewsAgree(t, a, projections.Cutoff{Seq: seq}, nil)
				assisted += viewsAgree(t, a, projections.Cutoff{Heads: headsAt(t, a, seq)}, nil)
			}
			if cuts == 0 {
				t.Error("no moment fell inside the history: the test compared nothing")
			}
			if assisted == 0 {
				t.Error("no view started from a snapshot: the test compared nothing")
			}
		})
	}
}

// viewsAgree opens the view of c with and without snapshots and checks that
// they hold the same rows, and those of want if given; it returns 1 if the
// first started from a snapshot.
func viewsAgree(t *testing.T, a *app.App, c projections.Cutoff, want map[string][]string) int {
	t.Helper()
	fast, err := projections.OpenView(ctx, a.Store.Path(), c, projections.All()...)
	if err != nil {
		t.Fatal(err)
	}
	defer fast.Close()
	full := c
	full.NoSnapshots = true
	slow, err := projections.OpenView(ctx, a.Store.Path(), full, projections.All()...)
	if err != nil {
		t.Fatal(err)
	}
	defer slow.Close()
	if slow.Snapshot() != 0 {
		t.Errorf("%+v: NoSnapshots started from snapshot %d", c, slow.Snapshot())
	}
	got, exp := projtest.Dump(t, fast.DB()), projtest.Dump(t, slow.DB())
	if want != nil && !reflect.DeepEqual(exp, want) {
		t.Errorf("%+v: the full replay differs from the rebuild of the events recorded by then", c)
	}
	for table := range exp {
		if !reflect.DeepEqual(got[table], exp[table]) {
			t.Errorf("%+v from snapshot %d, %s differs:\nsnapshot %v\nreplay   %v", c, fast.Snapshot(), table, got[table], exp[table])
		}
	}
	if fast.Snapshot() > 0 {
		return 1
	}
	return 0
}

// headsAt are the chain heads among the events up to seq: a close's cut.
func headsAt(t *testing.T, a *app.App, seq int64) []events.ChainRef {
	t.Helper()
	recs, err := a.Store.Read(ctx, events.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	last := map[string]events.Record{}
	for _, r := range recs {
		if r.Seq <= seq && r.OriginSeq > last[r.Origin].OriginSeq {
			last[r.Origin] = r
		}
	}
	heads := []events.ChainRef{}
	for _, r := range last {
		heads = append(heads, events.ChainRef{Origin: r.Origin, OriginSeq: r.OriginSeq, Hash: r.Hash})
	}
	return heads
}

// closePeriod appends a PeriodClosed with the ledger's heads straight to the
// store: the snapshots react to its type, whatever validates it.
func closePeriod(t *testing.T, a *app.App, period string) {
	t.Helper()
	heads, err := a.Store.Heads(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var refs []events.ChainRef
	for _, h := range heads {
		refs = append(refs, events.ChainRef{Origin: h.Origin, OriginSeq: h.OriginSeq, Hash: h.Hash})
	}
	if _, err := a.Store.Append(ctx, "cluster-mnbgpb-"+period[:4], events.AnyVersion, events.Event{
		OccurredOn: "2021-08-12", Meta: events.Meta{Actor: "tester"},
		Data: events.PeriodClosed{Period: period, Scope: "mnbgpb", Heads: refs}}); err != nil {
		t.Fatal(err)
	}
}

// foreignChain writes events of another origin as an import of its bundle
// would: appended now (a later seq), recorded by their origin earlier.
type foreignChain struct {
	origin string
	seq    int64
	prev   string
	n      int
}

func (f *foreignChain) importClasses(t *testing.T, a *app.App, r *rand.Rand, at time.Time) {
	t.Helper()
	var last int64
	if err := a.Store.DB().QueryRow(`SELECT COALESCE(MAX(seq), 0) FROM events`).Scan(&last); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 1+r.Intn(4); i++ {
		f.n++
		f.seq++
		id := fmt.Sprintf("f%d", f.n)
		data, _ := json.Marshal(open(id, "laichau", "tc", int64(10+r.Intn(50)), events.Date(fmt.Sprintf("2021-%02d-10", 1+r.Intn(12)))))
		rec := events.Record{Seq: last + int64(i) + 1, ID: uuid.Must(uuid.NewV7()).String(), Origin: f.origin, OriginSeq: f.seq,
			Stream: "class-" + id, Version: 1, Type: "ClassOpened", SchemaVersion: 1, OccurredOn: "2021-01-10",
			RecordedAt: events.FormatRecordedAt(at.Add(time.Duration(i) * time.Second)), Data: data,
			Meta: []byte(`{"actor":"trường bạn"}`), PrevHash: f.prev}
		rec.Hash = rec.ComputeHash()
		f.prev = rec.Hash
		insertRecord(t, a.Store.DB(), rec)
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
