package projections

import (
	"context"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"socai/events"
)

// A cutoff's values are formatted or quoted by us, never spliced raw: a
// view takes no parameters.
func TestCutoffWhereQuotes(t *testing.T) {
	at := time.Date(2021, 8, 10, 16, 59, 59, 0, time.FixedZone("ICT", 7*3600))
	c := Cutoff{At: at, Seq: 42, Heads: []events.ChainRef{{Origin: "a'b", OriginSeq: 7}, {Origin: "x' OR '1'='1", OriginSeq: 1}}}
	want := `1 AND recorded_at <= '2021-08-10T09:59:59.000000000Z' AND (0 OR (origin = 'a''b' AND origin_seq <= 7)` +
		` OR (origin = 'x'' OR ''1''=''1' AND origin_seq <= 1)) AND seq <= 42`
	if got := c.where(); got != want {
		t.Errorf("where:\n%s\nwant\n%s", got, want)
	}
	if got := (Cutoff{}).where(); got != "1" {
		t.Errorf("the zero cutoff: %s", got)
	}
	if got := (Cutoff{Heads: []events.ChainRef{}}).where(); got != "1 AND (0)" {
		t.Errorf("no heads keep nothing: %s", got)
	}

	// On a ledger: the quoted origin is an origin that does not exist.
	path := filepath.Join(t.TempDir(), "socai.db")
	s, err := events.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.Append(context.Background(), "class-k1", events.NoStream, events.Event{OccurredOn: "2021-03-01",
		Meta: events.Meta{Actor: "tester"}, Data: events.ClassEnrollmentChanged{ClassID: "k1", Students: 3}}); err != nil {
		t.Fatal(err)
	}
	v, err := OpenView(context.Background(), path, Cutoff{Heads: []events.ChainRef{{Origin: "x' OR '1'='1", OriginSeq: 1}}}, All()...)
	if err != nil {
		t.Fatal(err)
	}
	defer v.Close()
	var n int
	if err := v.DB().QueryRow(`SELECT COUNT(*) FROM events`).Scan(&n); err != nil || n != 0 {
		t.Errorf("the view keeps %d events (%v), want 0", n, err)
	}
}

// The delta after a snapshot finds the events of the changed streams
// through the stream index, never by scanning the events or every event of
// a type (the retractions, few, are read by type).
func TestDeltaUsesTheStreamIndex(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "socai.db")
	s, err := events.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	a, err := newView(ctx, path, Cutoff{At: time.Now()})
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	if _, err := a.db.Exec(deltaDDL); err != nil {
		t.Fatal(err)
	}
	for _, p := range All() {
		tx, _ := a.db.Begin()
		if err := create(tx, p); err != nil {
			t.Fatal(err)
		}
		tx.Commit()
		stmts := p.Recompute()
		for _, table := range p.Tables() {
			stmts = append(stmts, `DELETE FROM main.`+table+` WHERE stream IN (SELECT stream FROM temp.recompute_streams)`)
		}
		for i, q := range stmts {
			rows, err := a.db.Query(`EXPLAIN QUERY PLAN ` + expandDelta(q))
			if err != nil {
				t.Fatalf("%s statement %d: %v", p.Name(), i, err)
			}
			var plan []string
			for rows.Next() {
				var id, parent, unused int
				var detail string
				if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
					t.Fatal(err)
				}
				plan = append(plan, detail)
			}
			rows.Close()
			// Every read of the events goes by the stream index, by rowid
			// (the joins on seq), or, for the list of retracted events, by type.
			for j, d := range plan {
				retracted := j > 0 && strings.HasPrefix(plan[j-1], "LIST SUBQUERY") &&
					d == "SEARCH src.events USING INDEX events_type (type=?)"
				scan := strings.HasPrefix(d, "SCAN ") && d != "SCAN k"
				if scan || strings.Contains(d, "src.events") && !retracted && !strings.Contains(d, "(stream=?)") &&
					!strings.Contains(d, "INTEGER PRIMARY KEY") {
					t.Errorf("%s statement %d: %s\n%s", p.Name(), i, d, strings.Join(plan, "\n"))
				}
			}
		}
	}
}

// The ranges a record-time view reads after its snapshot leave out those
// of later snapshots recorded entirely after it, and only those.
func TestScanRanges(t *testing.T) {
	h := func(n int) string { return events.FormatRecordedAt(time.Date(2021, 3, 1, n, 0, 0, 0, time.UTC)) }
	at := Cutoff{At: time.Date(2021, 3, 1, 5, 0, 0, 0, time.UTC)}
	later := []SnapshotInfo{
		{Seq: 30, From: 20, FirstRecordedAt: h(6)},
		{Seq: 40, From: 30, FirstRecordedAt: h(4)}, // an import recorded earlier
		{Seq: 50, From: 40, FirstRecordedAt: h(7)},
		{Seq: 45, From: 0, FirstRecordedAt: h(1)},  // built from the start: nothing to skip
		{Seq: 60, From: 50, FirstRecordedAt: h(5)}, // at the cutoff: kept
		{Seq: 70, From: 60, FirstRecordedAt: h(8)},
	}
	for _, c := range []struct {
		name string
		s    int64
		cut  Cutoff
		want []seqRange
	}{
		{"record time", 20, at, []seqRange{{30, 40}, {50, 60}, {70, everything}}},
		{"inside a skipped range", 25, at, []seqRange{{30, 40}, {50, 60}, {70, everything}}},
		{"record time and seq", 20, Cutoff{At: at.At, Seq: 55}, []seqRange{{30, 40}, {50, 55}}},
		{"seq within a skipped range", 20, Cutoff{At: at.At, Seq: 65}, []seqRange{{30, 40}, {50, 60}}},
		{"seq only", 20, Cutoff{Seq: 65}, []seqRange{{20, 65}}},
		{"no later snapshot", 70, at, []seqRange{{70, everything}}},
		{"heads", 20, Cutoff{Heads: []events.ChainRef{}}, []seqRange{{20, everything}}},
	} {
		if got := scanRanges(c.s, c.cut, later); !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s: %v, want %v", c.name, got, c.want)
		}
	}
}
