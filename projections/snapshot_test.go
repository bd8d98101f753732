package projections_test

import (
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"

	"socai/events"
	"socai/projections"
	"socai/projections/projtest"
)

// snapLedger is a ledger written through the store (no projections
// attached: snapshots and views read only the events), with a clock of
// record times the test moves by hand.
type snapLedger struct {
	t     *testing.T
	path  string
	s     *events.Store
	clock time.Time
}

var hour0 = time.Date(2021, 3, 1, 1, 0, 0, 0, time.UTC)

func newSnapLedger(t *testing.T) *snapLedger {
	t.Helper()
	l := &snapLedger{t: t, path: filepath.Join(t.TempDir(), "socai.db"), clock: hour0}
	s, err := events.Open(l.path)
	if err != nil {
		t.Fatal(err)
	}
	s.Now = func() time.Time { return l.clock }
	l.s = s
	t.Cleanup(func() { s.Close() })
	return l
}

// at moves the clock to hour h of the test.
func (l *snapLedger) at(h int) *snapLedger {
	l.clock = hour0.Add(time.Duration(h) * time.Hour)
	return l
}

func (l *snapLedger) append(stream string, p events.Payload) events.Record {
	l.t.Helper()
	recs, err := l.s.Append(ctx, stream, events.AnyVersion, events.Event{OccurredOn: "2021-03-01",
		Meta: events.Meta{Actor: "tester"}, Data: p})
	if err != nil {
		l.t.Fatal(err)
	}
	return recs[0]
}

// open records a class opened with n students.
func (l *snapLedger) open(id string, n int64) events.Record {
	return l.append("class-"+id, events.ClassOpened{ClassID: id, SchoolID: "sonla", ClassType: "tc", Name: "Lớp " + id,
		Students: n, StartDate: "2021-03-01", Mode: events.ModeTapTrung})
}

// classes records n classes, one event each, at the current hour.
func (l *snapLedger) classes(prefix string, n int) {
	for i := 0; i < n; i++ {
		l.open(fmt.Sprintf("%s%d", prefix, i), int64(20+i))
	}
}

func (l *snapLedger) ensure(pol projections.SnapshotPolicy, projs ...projections.Projection) projections.SnapshotReport {
	l.t.Helper()
	if projs == nil {
		projs = projections.All()
	}
	rep, err := projections.EnsureSnapshots(ctx, l.path, pol, projs...)
	if err != nil {
		l.t.Fatal(err)
	}
	return rep
}

// view opens the view of c and checks that it holds the same rows as the
// full replay; it returns the seq of the snapshot it started from.
func (l *snapLedger) view(c projections.Cutoff) int64 {
	l.t.Helper()
	fast, err := projections.OpenView(ctx, l.path, c, projections.All()...)
	if err != nil {
		l.t.Fatal(err)
	}
	defer fast.Close()
	full := c
	full.NoSnapshots = true
	slow, err := projections.OpenView(ctx, l.path, full, projections.All()...)
	if err != nil {
		l.t.Fatal(err)
	}
	defer slow.Close()
	got, want := projtest.Dump(l.t, fast.DB()), projtest.Dump(l.t, slow.DB())
	if !reflect.DeepEqual(got, want) {
		l.t.Errorf("%+v from snapshot %d differs from the full replay:\n%v\n%v", c, fast.Snapshot(), got, want)
	}
	return fast.Snapshot()
}

// students is the enrolment of a class in the view of c.
func (l *snapLedger) students(c projections.Cutoff, id string) int64 {
	l.t.Helper()
	v, err := projections.OpenView(ctx, l.path, c, projections.All()...)
	if err != nil {
		l.t.Fatal(err)
	}
	defer v.Close()
	var n int64
	err = v.DB().QueryRow(`SELECT students FROM proj_class_students WHERE class_id = ? ORDER BY seq DESC LIMIT 1`, id).Scan(&n)
	if err != nil && err != sql.ErrNoRows {
		l.t.Fatal(err)
	}
	return n
}

func (l *snapLedger) files() []string {
	l.t.Helper()
	entries, _ := os.ReadDir(projections.SnapshotDir(l.path))
	var out []string
	for _, e := range entries {
		out = append(out, e.Name())
	}
	sort.Strings(out)
	return out
}

var every10 = projections.SnapshotPolicy{Every: 10, Keep: 100}

// A view starts from the snapshot with the largest seq all of whose events
// the cutoff keeps: by record time, by seq, by chain heads.
func TestViewChoosesTheNearestUsableSnapshot(t *testing.T) {
	l := newSnapLedger(t)
	for h := 1; h <= 5; h++ { // 10 events an hour: seq 10h-9 … 10h recorded at hour h
		l.at(h).classes(fmt.Sprintf("h%d-", h), 10)
	}
	l.at(6).classes("h6-", 3)
	rep := l.ensure(every10)
	if len(rep.Created) != 5 || rep.Head != 53 {
		t.Fatalf("created %d snapshots of head %d, want 5 of 53: %+v", len(rep.Created), rep.Head, rep)
	}
	if again := l.ensure(every10); len(again.Created) != 0 || len(again.Snapshots) != 5 {
		t.Errorf("a second ensure made %d more, lists %d", len(again.Created), len(again.Snapshots))
	}
	heads, err := l.s.Heads(ctx)
	if err != nil {
		t.Fatal(err)
	}
	origin := heads[0].Origin
	for _, c := range []struct {
		cut  projections.Cutoff
		want int64
	}{
		{projections.Cutoff{}, 50},
		{projections.Cutoff{At: hour0.Add(3 * time.Hour)}, 30},
		{projections.Cutoff{At: hour0.Add(3*time.Hour - time.Second)}, 20},
		{projections.Cutoff{At: hour0.Add(30 * time.Minute)}, 0},
		{projections.Cutoff{Seq: 40}, 40},
		{projections.Cutoff{Seq: 39}, 30},
		{projections.Cutoff{Seq: 9}, 0},
		{projections.Cutoff{Heads: []events.ChainRef{{Origin: origin, OriginSeq: 25}}}, 20},
		{projections.Cutoff{Heads: []events.ChainRef{{Origin: "khác", OriginSeq: 25}}}, 0},
		{projections.Cutoff{At: hour0.Add(5 * time.Hour), Seq: 35}, 30},
	} {
		if got := l.view(c.cut); got != c.want {
			t.Errorf("%+v started from snapshot %d, want %d", c.cut, got, c.want)
		}
	}
	if got := l.view(projections.Cutoff{NoSnapshots: true}); got != 0 {
		t.Errorf("NoSnapshots started from snapshot %d", got)
	}
}

// The events after a snapshot are recomputed with their whole streams:
// enrolment changes, and retractions of events the snapshot holds, in the
// same stream or (not validated, but a rebuild honours it) in another.
func TestDeltaRecomputesStreamsWithRetractions(t *testing.T) {
	l := newSnapLedger(t)
	l.at(1)
	a := l.open("a", 30)
	b := l.open("b", 40)
	c := l.open("c", 50)
	l.classes("x", 7) // seq 10
	l.ensure(every10)

	l.at(2)
	l.append("class-a", events.ClassEnrollmentChanged{ClassID: "a", Students: 33})
	l.append("class-b", events.EventRetracted{EventID: b.ID, Reason: "nhập trùng"})
	l.append("class-x0", events.EventRetracted{EventID: a.ID, Reason: "nhập nhầm luồng"})
	l.append("class-x1", events.EventRetracted{EventID: c.ID, Reason: "nhập nhầm luồng"}) // class-c has no event after 10
	for _, c := range []projections.Cutoff{{}, {Seq: 11}, {Seq: 12}, {At: hour0.Add(90 * time.Minute)}} {
		if got := l.view(c); got != 10 {
			t.Errorf("%+v started from snapshot %d, want 10", c, got)
		}
	}
	if n := l.students(projections.Cutoff{Seq: 11}, "a"); n != 33 {
		t.Errorf("class a has %d students after the change, want 33", n)
	}
	if n := l.students(projections.Cutoff{Seq: 12}, "b"); n != 0 {
		t.Errorf("class b, retracted, still has %d students", n)
	}
	if n := l.students(projections.Cutoff{}, "a"); n != 33 { // its opening retracted from another stream: the change stays
		t.Errorf("class a has %d students, want 33", n)
	}
	if n := l.students(projections.Cutoff{}, "c"); n != 0 {
		t.Errorf("class c, retracted from another stream, still has %d students", n)
	}
	// A snapshot built across the retractions holds the same as a replay.
	l.at(3).classes("y", 7) // seq 20
	if rep := l.ensure(every10); len(rep.Created) != 1 || rep.Created[0].Seq != 20 {
		t.Fatalf("created %+v", rep.Created)
	}
	if got := l.view(projections.Cutoff{}); got != 20 {
		t.Errorf("started from snapshot %d, want 20", got)
	}
}

// Events of another origin, imported after the snapshot but recorded by
// their origin before it, are in the views that keep them.
func TestImportedEventsRecordedEarlier(t *testing.T) {
	l := newSnapLedger(t)
	for h := 1; h <= 3; h++ {
		l.at(h).classes(fmt.Sprintf("h%d-", h), 10)
	}
	l.ensure(every10) // 10, 20, 30
	local := l.s.Origin()
	foreign := "0190f000-0000-7000-8000-000000000001"
	prev := events.GenesisHash
	for i := 1; i <= 3; i++ { // seq 31–33, recorded at hour 1½
		rec := events.Record{Seq: int64(30 + i), ID: fmt.Sprintf("0190f000-0000-7000-8000-1000000000%02d", i), Origin: foreign,
			OriginSeq: int64(i), Stream: fmt.Sprintf("class-f%d", i), Version: 1, Type: "ClassOpened", SchemaVersion: 1,
			OccurredOn: "2021-03-01", RecordedAt: events.FormatRecordedAt(hour0.Add(90 * time.Minute)),
			Data: []byte(fmt.Sprintf(`{"class_id":"f%d","school_id":"laichau","class_type":"tc","name":"Lớp f","students":25,"start_date":"2021-03-01","end_date":"","mode":"tap_trung"}`, i)),
			Meta: []byte(`{"actor":"trường bạn"}`), PrevHash: prev}
		rec.Hash = rec.ComputeHash()
		prev = rec.Hash
		if _, err := l.s.DB().Exec(`INSERT INTO events (seq, id, origin, origin_seq, stream, version, type, schema_version,
			occurred_on, recorded_at, data, meta, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
			rec.Seq, rec.ID, rec.Origin, rec.OriginSeq, rec.Stream, rec.Version, rec.Type, rec.SchemaVersion, rec.OccurredOn,
			rec.RecordedAt, string(rec.Data), string(rec.Meta), rec.PrevHash, rec.Hash); err != nil {
			t.Fatal(err)
		}
	}
	l.at(4).classes("h4-", 7) // seq 40
	l.ensure(every10)
	at2 := projections.Cutoff{At: hour0.Add(2 * time.Hour)}
	if got := l.view(at2); got != 20 {
		t.Errorf("as of hour 2 started from snapshot %d, want 20", got)
	}
	if n := l.students(at2, "f2"); n != 25 {
		t.Errorf("as of hour 2 the imported class has %d students, want 25", n)
	}
	if n := l.students(projections.Cutoff{At: hour0.Add(80 * time.Minute)}, "f2"); n != 0 {
		t.Errorf("before it was recorded the imported class has %d students", n)
	}
	// A close's heads name the origins it saw: a snapshot holding events of
	// an origin the heads leave out is not used.
	localOnly := projections.Cutoff{Heads: []events.ChainRef{{Origin: local, OriginSeq: 37}}}
	if got := l.view(localOnly); got != 30 {
		t.Errorf("the local heads started from snapshot %d, want 30", got)
	}
	if n := l.students(localOnly, "f1"); n != 0 {
		t.Errorf("a heads cut without the foreign origin has its class (%d students)", n)
	}
	both := projections.Cutoff{Heads: []events.ChainRef{{Origin: local, OriginSeq: 37}, {Origin: foreign, OriginSeq: 3}}}
	if got := l.view(both); got != 40 {
		t.Errorf("both heads started from snapshot %d, want 40", got)
	}
}

// A snapshot that no longer matches the ledger (the event at S altered,
// another ledger in its place) or the projections (a new version), or that
// cannot be read, is not used and is removed; ensure makes it again.
func TestStaleSnapshotsAreIgnoredAndRemoved(t *testing.T) {
	t.Run("event at S altered", func(t *testing.T) {
		l := newSnapLedger(t)
		l.at(1).classes("a", 25)
		l.ensure(every10)
		if _, err := l.s.DB().Exec(`DROP TRIGGER events_no_update`); err != nil {
			t.Fatal(err)
		}
		if _, err := l.s.DB().Exec(`UPDATE events SET data = json_set(data, '$.students', 99), hash = 'sửa' WHERE seq = 20`); err != nil {
			t.Fatal(err)
		}
		if got := l.view(projections.Cutoff{}); got != 10 {
			t.Errorf("started from snapshot %d, want 10 (20 is stale)", got)
		}
		if n := l.students(projections.Cutoff{}, "a19"); n != 99 {
			t.Errorf("the altered event reads %d students, want 99 as in a replay", n)
		}
		if files := l.files(); !reflect.DeepEqual(files, []string{"10.db"}) {
			t.Errorf("files %v, want the stale one removed", files)
		}
	})
	t.Run("another ledger in its place", func(t *testing.T) {
		l := newSnapLedger(t)
		l.at(1).classes("a", 20)
		l.ensure(every10)
		other := newSnapLedger(t)
		other.at(1).classes("b", 25)
		l.s.Close()
		other.s.Close()
		for _, suffix := range []string{"", "-wal", "-shm"} {
			os.Remove(l.path + suffix)
			if data, err := os.ReadFile(other.path + suffix); err == nil {
				os.WriteFile(l.path+suffix, data, 0o644)
			}
		}
		if got := l.view(projections.Cutoff{}); got != 0 {
			t.Errorf("started from snapshot %d of another ledger", got)
		}
		if files := l.files(); len(files) != 0 {
			t.Errorf("stale files stay: %v", files)
		}
	})
	t.Run("projection version changed", func(t *testing.T) {
		l := newSnapLedger(t)
		l.at(1).classes("a", 20)
		l.ensure(every10)
		projs := []projections.Projection{bumped{}}
		v, err := projections.OpenView(ctx, l.path, projections.Cutoff{}, projs...)
		if err != nil {
			t.Fatal(err)
		}
		v.Close()
		if v.Snapshot() != 0 || len(l.files()) != 0 {
			t.Errorf("a new version used snapshot %d; files %v", v.Snapshot(), l.files())
		}
		rep := l.ensure(every10, projs...)
		if len(rep.Created) != 2 || rep.Created[0].Projections["classplans"] != (bumped{}).Version() {
			t.Errorf("ensure with the new version made %+v", rep.Created)
		}
		// Another projection set is not stale for a view that does not ask
		// for it: a view of ClassPlans alone uses no snapshot of bumped, and keeps it.
		v, err = projections.OpenView(ctx, l.path, projections.Cutoff{}, projections.Organisation{})
		if err != nil {
			t.Fatal(err)
		}
		v.Close()
		if v.Snapshot() != 0 || len(l.files()) != 2 {
			t.Errorf("a view without the snapshot's projections used %d; files %v", v.Snapshot(), l.files())
		}
	})
	t.Run("unreadable file", func(t *testing.T) {
		l := newSnapLedger(t)
		l.at(1).classes("a", 20)
		l.ensure(every10)
		garbage := filepath.Join(projections.SnapshotDir(l.path), "20.db")
		if err := os.WriteFile(garbage, []byte("không phải SQLite"), 0o644); err != nil {
			t.Fatal(err)
		}
		if got := l.view(projections.Cutoff{}); got != 10 {
			t.Errorf("started from snapshot %d, want 10", got)
		}
		if files := l.files(); !reflect.DeepEqual(files, []string{"10.db"}) {
			t.Errorf("files %v", files)
		}
		if rep := l.ensure(every10); len(rep.Created) != 1 || rep.Created[0].Seq != 20 {
			t.Errorf("ensure did not make 20 again: %+v", rep.Created)
		}
	})
}

// Every period close gets a snapshot at the last seq its heads hold, kept
// while regular ones rotate; the view of the close starts from it.
func TestPeriodCloseSnapshotsAndRetention(t *testing.T) {
	l := newSnapLedger(t)
	l.at(1).classes("a", 13)
	heads, _ := l.s.Heads(ctx)
	refs := []events.ChainRef{{Origin: heads[0].Origin, OriginSeq: heads[0].OriginSeq, Hash: heads[0].Hash}}
	closed := l.append("cluster-mnbgpb-2021", events.PeriodClosed{Period: "2021-H1", Scope: "mnbgpb", Heads: refs})
	l.at(2).classes("b", 36) // seq 50
	pol := projections.SnapshotPolicy{Every: 10, Keep: 2}
	rep := l.ensure(pol)
	want := []string{"13-close-14.db", "40.db", "50.db"}
	if files := l.files(); !reflect.DeepEqual(files, want) {
		t.Fatalf("files %v, want %v", files, want)
	}
	var close projections.SnapshotInfo
	for _, s := range rep.Snapshots {
		if s.Kind == projections.SnapshotPeriodClose {
			close = s
		}
	}
	if close.Seq != 13 || close.CloseSeq != closed.Seq || close.Period != "2021-H1" || close.Scope != "mnbgpb" {
		t.Errorf("close snapshot %+v", close)
	}
	if got := l.view(projections.Cutoff{Heads: refs}); got != 13 {
		t.Errorf("the view of the close started from %d, want 13", got)
	}
	l.at(3).classes("c", 20) // seq 70
	rep = l.ensure(pol)
	want = []string{"13-close-14.db", "60.db", "70.db"}
	if files := l.files(); !reflect.DeepEqual(files, want) {
		t.Errorf("files %v, want %v", files, want)
	}
	if len(rep.Removed) != 2 || !strings.Contains(rep.Removed[0].Problem, "chỉ giữ 2") {
		t.Errorf("removed %+v", rep.Removed)
	}
	if got := l.view(projections.Cutoff{Seq: 55}); got != 13 {
		t.Errorf("seq 55 started from %d, want the close's 13", got)
	}
}

// A folder that cannot be made means no snapshots, and no error; views
// replay everything. (A read-only ledger: cli/snapshot_test.go.)
func TestUnwritableSnapshotFolder(t *testing.T) {
	l := newSnapLedger(t)
	l.at(1).classes("a", 25)
	if err := os.WriteFile(projections.SnapshotDir(l.path), []byte("một tệp chắn chỗ"), 0o644); err != nil {
		t.Fatal(err)
	}
	rep, err := projections.EnsureSnapshots(ctx, l.path, every10, projections.All()...)
	if err != nil || rep.Disabled == "" || len(rep.Created) != 0 {
		t.Fatalf("ensure: %v %+v", err, rep)
	}
	if got := l.view(projections.Cutoff{}); got != 0 {
		t.Errorf("started from snapshot %d", got)
	}
	if _, err := projections.EnsureSnapshots(ctx, filepath.Join(t.TempDir(), "không-có.db"), every10); events.ErrorCode(err) != events.ENOTFOUND {
		t.Errorf("a ledger that does not exist: %v", err)
	}
	if _, err := projections.EnsureSnapshots(ctx, l.path, projections.SnapshotPolicy{}); events.ErrorCode(err) != events.EINVALID {
		t.Errorf("a policy of every 0 events: %v", err)
	}
}

// The files of a build that was killed are removed once old; a fresh one
// may be another process's build under way.
func TestStaleTemporaryFilesRemoved(t *testing.T) {
	l := newSnapLedger(t)
	l.at(1).classes("a", 10)
	dir := projections.SnapshotDir(l.path)
	os.MkdirAll(dir, 0o755)
	old, fresh := filepath.Join(dir, ".10.db-1.tmp"), filepath.Join(dir, ".10.db-2.tmp")
	os.WriteFile(old, []byte("x"), 0o644)
	os.WriteFile(fresh, []byte("x"), 0o644)
	os.Chtimes(old, time.Now().Add(-2*time.Hour), time.Now().Add(-2*time.Hour))
	l.ensure(every10)
	if want := []string{".10.db-2.tmp", "10.db"}; !reflect.DeepEqual(l.files(), want) {
		t.Errorf("files %v, want %v", l.files(), want)
	}
}
