package events_test

import (
	"context"
	"errors"
	"testing"

	"socai/events"
)

// importCase imports, into a fresh lead, the 2.000 records of another
// installation as they pass through alter (which may change or drop them,
// or fail), and tells whether the reading had stopped when Import returned.
func importCase(t *testing.T, ctx context.Context, alter func(i int, r *events.Record) (keep bool, err error),
	progress func(done int64)) (*events.Store, events.ImportResult, error, bool) {
	t.Helper()
	school := openTemp(t)
	fill(t, school, 2000)
	lead := openTemp(t)
	stopped := false
	res, err := lead.Import(ctx, func(fn func(events.Record) error) error {
		defer func() { stopped = true }()
		i := 0
		return school.EachOfOrigin(ctx, school.Origin(), 0, func(r events.Record) error {
			i++
			keep, err := alter(i, &r)
			if err != nil || !keep {
				return err
			}
			return fn(r)
		})
	}, events.ImportLog{Signer: school.Origin()}, progress)
	return lead, res, err, stopped
}

func ledgerSize(t *testing.T, s *events.Store) int {
	t.Helper()
	var n int
	if err := s.DB().QueryRow(`SELECT COUNT(*) FROM events`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// Import reads ahead of its inserts; whatever stops it (a bad record read
// ahead, a record that does not continue the ledger while the reader is
// batches ahead, an error of the reader at the very end, a cancel), the
// reader has stopped when Import returns, and nothing is imported.
func TestImportStopsWholly(t *testing.T) {
	errLate := errors.New("digest does not match")
	cases := []struct {
		name     string
		alter    func(i int, r *events.Record) (bool, error)
		cancelAt int64 // cancel from the progress callback once this many are handled
		code     string
		err      error
	}{
		{name: "all", alter: func(int, *events.Record) (bool, error) { return true, nil }},
		{name: "altered payload read ahead", code: events.EBROKENCHAIN, alter: func(i int, r *events.Record) (bool, error) {
			if i == 1500 {
				r.Data = []byte(`{"class_id":"class-0","students":1}`)
			}
			return true, nil
		}},
		{name: "gap at the start, reader ahead", code: events.EGAP, alter: func(i int, r *events.Record) (bool, error) {
			return i != 1, nil
		}},
		{name: "the reader fails after the last record", err: errLate, alter: func(i int, r *events.Record) (bool, error) {
			if i == 2000 {
				return true, errLate
			}
			return true, nil
		}},
		{name: "cancelled", err: context.Canceled, cancelAt: 512, alter: func(int, *events.Record) (bool, error) { return true, nil }},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ctx, cancel := context.WithCancel(ctx)
			defer cancel()
			progress := func(done int64) {
				if c.cancelAt > 0 && done >= c.cancelAt {
					cancel()
				}
			}
			lead, res, err, stopped := importCase(t, ctx, c.alter, progress)
			if !stopped {
				t.Error("Import returned while the reader was still going")
			}
			ok := c.code == "" && c.err == nil
			switch {
			case ok && (err != nil || res.Imported != 2000):
				t.Fatalf("import: %+v %v", res, err)
			case c.code != "" && events.ErrorCode(err) != c.code:
				t.Fatalf("want %s, got %v", c.code, err)
			case c.err != nil && !errors.Is(err, c.err):
				t.Fatalf("want %v, got %v", c.err, err)
			}
			want := 0
			if ok {
				want = 2000
			}
			if n := ledgerSize(t, lead); n != want {
				t.Errorf("%d events at the lead, want %d", n, want)
			}
		})
	}
}
