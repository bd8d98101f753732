package projections_test

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"reflect"
	"testing"

	"socai/events"
	"socai/projections"
	"socai/projections/projtest"
)

var ctx = context.Background()

func appendN(t *testing.T, s *events.Store, from, n int) {
	t.Helper()
	for i := from; i < from+n; i++ {
		stream := fmt.Sprintf("class-%d", i%4)
		_, err := s.Append(ctx, stream, events.AnyVersion, events.Event{
			OccurredOn: events.Date(fmt.Sprintf("2021-%02d-15", 1+i%12)),
			Meta:       events.Meta{Actor: "tester"},
			Data:       events.ClassEnrollmentChanged{ClassID: stream, Students: int64(30 + i)}})
		if err != nil {
			t.Fatal(err)
		}
	}
}

func dump(t *testing.T, db *sql.DB) [][]any {
	t.Helper()
	rows, err := db.Query(`SELECT stream, class_id, on_date, seq, students FROM proj_class_students ORDER BY seq`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out [][]any
	for rows.Next() {
		row := make([]any, 5)
		ptrs := make([]any, 5)
		for i := range row {
			ptrs[i] = &row[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		out = append(out, row)
	}
	return out
}

func TestInlineEqualsRebuild(t *testing.T) {
	path := filepath.Join(t.TempDir(), "socai.db")
	s, err := events.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	r, err := projections.Attach(ctx, s, nil, projections.All()...)
	if err != nil {
		t.Fatal(err)
	}
	appendN(t, s, 0, 25)
	inline := dump(t, s.DB())
	if len(inline) != 25 {
		t.Fatalf("%d enrolment rows, want 25", len(inline))
	}
	var calls []int64
	if err := r.Rebuild(ctx, func(name string, done, total int64) {
		if name == "classplans" {
			calls = append(calls, done, total)
		}
	}); err != nil {
		t.Fatal(err)
	}
	if got := dump(t, s.DB()); !reflect.DeepEqual(got, inline) {
		t.Errorf("rebuild differs from inline:\n%v\n%v", got, inline)
	}
	if len(calls) != 2 || calls[0] != 25 || calls[1] != 25 {
		t.Errorf("progress = %v", calls)
	}
	if err := r.Rebuild(ctx, nil, "nope"); events.ErrorCode(err) != events.ENOTFOUND {
		t.Errorf("unknown projection: %v", err)
	}
}

// Events appended while no runner was attached (an older program, a raw
// bundle import) are caught up on the next open.
func TestCatchUpOnAttach(t *testing.T) {
	path := filepath.Join(t.TempDir(), "socai.db")
	s, _ := events.Open(path)
	defer s.Close()
	if _, err := projections.Attach(ctx, s, nil, projections.All()...); err != nil {
		t.Fatal(err)
	}
	appendN(t, s, 0, 5)
	plain, _ := events.Open(path) // no projections attached
	appendN(t, plain, 5, 7)
	plain.Close()

	s2, _ := events.Open(path)
	defer s2.Close()
	var rebuilt bool
	if _, err := projections.Attach(ctx, s2, func(string, int64, int64) { rebuilt = true }, projections.All()...); err != nil {
		t.Fatal(err)
	}
	if rebuilt {
		t.Error("catch-up must not rebuild from zero")
	}
	if got := dump(t, s2.DB()); len(got) != 12 {
		t.Errorf("%d enrolment rows after the catch-up, want 12", len(got))
	}
}

// bumped is ClassPlans with a new code version.
type bumped struct{ projections.ClassPlans }

func (bumped) Version() int { return projections.ClassPlans{}.Version() + 1 }

func TestVersionChangeRebuilds(t *testing.T) {
	path := filepath.Join(t.TempDir(), "socai.db")
	s, _ := events.Open(path)
	projections.Attach(ctx, s, nil, projections.All()...)
	appendN(t, s, 0, 6)
	before := dump(t, s.DB())
	s.Close()

	s2, _ := events.Open(path)
	defer s2.Close()
	var progress []string
	if _, err := projections.Attach(ctx, s2, func(name string, done, total int64) {
		progress = append(progress, fmt.Sprintf("%s %d/%d", name, done, total))
	}, bumped{}); err != nil {
		t.Fatal(err)
	}
	if len(progress) != 1 || progress[0] != "classplans 6/6" {
		t.Errorf("progress = %v", progress)
	}
	if got := dump(t, s2.DB()); !reflect.DeepEqual(got, before) {
		t.Errorf("rebuilt tables differ")
	}
	var v int
	s2.DB().QueryRow(`SELECT version FROM projection_checkpoints WHERE name = 'classplans'`).Scan(&v)
	if v != (projections.ClassPlans{}).Version()+1 {
		t.Errorf("checkpoint version = %d", v)
	}
}

// An import touching many streams recomputes them set-based, or rebuilds
// when it brings most of the ledger, or one stream at a time when they are
// few; each must leave exactly what a rebuild does, retractions included.
func TestImportEqualsRebuild(t *testing.T) {
	dir := t.TempDir()
	lead, err := events.Open(filepath.Join(dir, "lead.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer lead.Close()
	r, err := projections.Attach(ctx, lead, nil, projections.All()...)
	if err != nil {
		t.Fatal(err)
	}
	appendN(t, lead, 0, 100)
	school, err := events.Open(filepath.Join(dir, "school.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer school.Close()
	var imported int64 // origin_seq of the school's last event at the lead
	step := func(streams, each int, retract bool) {
		t.Helper()
		var first string
		for i := range streams {
			stream := fmt.Sprintf("class-s%d-%d", streams, i)
			for j := range each {
				recs, err := school.Append(ctx, stream, events.AnyVersion, events.Event{OccurredOn: "2021-05-15",
					Meta: events.Meta{Actor: "tester"}, Data: events.ClassEnrollmentChanged{ClassID: stream, Students: int64(10 + i + j)}})
				if err != nil {
					t.Fatal(err)
				}
				if first == "" {
					first = recs[0].ID
				}
			}
		}
		if retract {
			if _, err := school.Append(ctx, fmt.Sprintf("class-s%d-0", streams), events.AnyVersion, events.Event{OccurredOn: "2021-05-16",
				Meta: events.Meta{Actor: "tester"}, Data: events.EventRetracted{EventID: first, Reason: "nhập sai"}}); err != nil {
				t.Fatal(err)
			}
		}
		res, err := lead.Import(ctx, func(fn func(events.Record) error) error {
			return school.EachOfOrigin(ctx, school.Origin(), imported, fn)
		}, events.ImportLog{Signer: school.Origin()}, nil)
		if err != nil {
			t.Fatal(err)
		}
		imported += res.Imported
		inline := projtest.Dump(t, lead.DB())
		if err := r.Rebuild(ctx, nil); err != nil {
			t.Fatal(err)
		}
		if got := projtest.Dump(t, lead.DB()); !reflect.DeepEqual(got, inline) {
			t.Errorf("%d streams × %d: inline differs from rebuild:\n%v\n%v", streams, each, inline, got)
		}
	}
	step(40, 1, true) // 41 of 141 events: set-based
	step(60, 5, true) // 301 of 442: most of the ledger, rebuilt
	step(3, 2, false) // few: one stream at a time
	if n := len(projtest.Dump(t, lead.DB())["proj_class_students"]); n != 100+39+299+6 {
		t.Errorf("%d enrolment rows, want every one not retracted", n)
	}
}
