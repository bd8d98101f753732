package app_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"socai/app"
	"socai/events"
)

// The demo goes only into an empty ledger; a second load is refused and
// appends nothing.
func TestLoadDemoTwice(t *testing.T) {
	a := openApp(t)
	empty, err := a.Ledger.IsEmpty()
	if err != nil || !empty {
		t.Fatalf("IsEmpty on a new ledger = %v, %v", empty, err)
	}
	res, err := a.Ledger.LoadDemo()
	if err != nil {
		t.Fatal(err)
	}
	n := eventCount(t, a)
	if int64(res.Events) != n || res.FirstSeq != 1 || res.LastSeq != n {
		t.Errorf("result %+v, ledger has %d events", res, n)
	}
	if res.ClusterID != app.DemoClusterID || res.Schools != 8 || res.Websites != 8 || res.Bulletins == 0 ||
		res.Classes == 0 || res.Enrollments == 0 || res.Topics == 0 || res.Awards == 0 || res.Deadlines != 7 {
		t.Errorf("result %+v", res)
	}
	if empty, err := a.Ledger.IsEmpty(); err != nil || empty {
		t.Fatalf("IsEmpty after the demo = %v, %v", empty, err)
	}

	_, err = a.LoadDemo(ctx)
	if code := events.ErrorCode(err); code != app.EAlreadyExists {
		t.Fatalf("second LoadDemo: %v (code %q), want %s", err, code, app.EAlreadyExists)
	}
	var e *events.Error
	if !errors.As(err, &e) || !strings.HasPrefix(e.Message, "sổ cái đã có dữ liệu") {
		t.Errorf("refusal message: %v", err)
	}
	if got := eventCount(t, a); got != n {
		t.Errorf("second LoadDemo appended: %d events, was %d", got, n)
	}
}

// A ledger with anything in it, even one event, is not empty.
func TestLoadDemoRefusesNonEmptyLedger(t *testing.T) {
	a := openApp(t)
	importLines(t, a, baseCluster[0])
	if _, err := a.LoadDemo(ctx); events.ErrorCode(err) != app.EAlreadyExists {
		t.Fatalf("LoadDemo into a ledger with one event: %v", err)
	}
	if n := eventCount(t, a); n != 1 {
		t.Errorf("%d events, want 1", n)
	}
}

// The demo's hash chain verifies, and every event names its document.
func TestDemoVerifies(t *testing.T) {
	a := openApp(t)
	if _, err := a.LoadDemo(ctx); err != nil {
		t.Fatal(err)
	}
	rep, err := a.Store.Verify(ctx, events.VerifyOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if !rep.OK || rep.Checked != eventCount(t, a) || len(rep.Problems) != 0 {
		t.Fatalf("verify: ok=%v checked=%d problems=%v", rep.OK, rep.Checked, rep.Problems)
	}
	sources := map[string]int{}
	err = a.Store.Each(ctx, events.Filter{}, func(r events.Record) error {
		m, err := r.DecodeMeta()
		if err != nil {
			return err
		}
		sources[m.Source]++
		if m.CorrelationID != "demo-mnbgpb" {
			t.Errorf("seq %d: correlation id %q", r.Seq, m.CorrelationID)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for src, n := range sources {
		switch src {
		case app.DemoSourceReport, app.DemoSourceRoles, app.DemoSourceLetter, app.DemoSourceIllustrative:
		default:
			t.Errorf("%d events with meta.source %q", n, src)
		}
	}
	for _, src := range []string{app.DemoSourceReport, app.DemoSourceRoles, app.DemoSourceLetter, app.DemoSourceIllustrative} {
		if sources[src] == 0 {
			t.Errorf("no event from %s", src)
		}
	}
}

// Two loads make the same events: same streams, types, dates, data and
// metadata, in the same order (only ids and record times differ).
func TestDemoDeterministic(t *testing.T) {
	dump := func() []string {
		a := openApp(t)
		if _, err := a.LoadDemo(ctx); err != nil {
			t.Fatal(err)
		}
		var out []string
		err := a.Store.Each(ctx, events.Filter{}, func(r events.Record) error {
			b, err := json.Marshal([]any{r.Stream, r.Version, r.Type, r.OccurredOn, r.Data, r.Meta})
			out = append(out, string(b))
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	first, second := dump(), dump()
	if len(first) != len(second) {
		t.Fatalf("%d events, then %d", len(first), len(second))
	}
	for i := range first {
		if first[i] != second[i] {
			t.Fatalf("event %d differs:\n%s\n%s", i+1, first[i], second[i])
		}
	}
}

// The demo exercises the counting rules at their edges, not only the totals:
// carried classes completed in 2021-H1, enrolment changes before and after
// 30/06, cancelled classes, a class moved online for Covid-19, classes of
// 2021-H2, enrolments and topics that ended before 2021.
func TestDemoHasTheEdges(t *testing.T) {
	a := openApp(t)
	if _, err := a.LoadDemo(ctx); err != nil {
		t.Fatal(err)
	}
	q := a.Store.DB()
	for _, c := range []struct {
		what  string
		query string
	}{
		{"carried classes completed in 2021-H1", `SELECT COUNT(*) FROM proj_classes
			WHERE start_date < '2021-01-01' AND completed_on BETWEEN '2021-01-01' AND '2021-06-30'`},
		{"classes completed in 2020 (not carried)", `SELECT COUNT(*) FROM proj_classes WHERE completed_on < '2021-01-01'`},
		{"classes opened then cancelled", `SELECT COUNT(*) FROM proj_classes WHERE status = 'cancelled' AND start_date IS NOT NULL`},
		{"classes opened in 2021-H2", `SELECT COUNT(*) FROM proj_classes WHERE start_date > '2021-06-30' AND status != 'cancelled'`},
		{"enrolment changes of counted classes before 30/06/2021", `SELECT COUNT(*) FROM events
			WHERE type = 'ClassEnrollmentChanged' AND occurred_on BETWEEN '2021-01-01' AND '2021-06-30'`},
		{"enrolment changes after 30/06/2021", `SELECT COUNT(*) FROM events
			WHERE type = 'ClassEnrollmentChanged' AND occurred_on > '2021-06-30'`},
		{"classes moved online for Covid-19", `SELECT COUNT(*) FROM events WHERE type = 'ClassModeChanged'
			AND json_extract(data, '$.mode') = 'truc_tuyen' AND json_extract(data, '$.reason') LIKE '%Covid-19%'`},
		{"enrolments ended before 2021", `SELECT COUNT(*) FROM proj_enrollments WHERE end_date < '2021-01-01'`},
		{"enrolments starting in 2021-H2", `SELECT COUNT(*) FROM proj_enrollments WHERE start_date > '2021-06-30'`},
		{"topics ended before 2021", `SELECT COUNT(*) FROM proj_topics
			WHERE accepted_on < '2021-01-01' OR cancelled_on < '2021-01-01'`},
	} {
		var n int
		if err := q.QueryRowContext(ctx, c.query).Scan(&n); err != nil {
			t.Fatalf("%s: %v", c.what, err)
		}
		if n == 0 {
			t.Errorf("the demo has no %s", c.what)
		}
	}
}

// The demo's 2023 calendar has the ids of DeadlineService.StandardCalendar:
// recording the standard calendar again sets the same seven deadlines.
func TestDemoCalendarIsTheStandardOne(t *testing.T) {
	a := openApp(t)
	if _, err := a.LoadDemo(ctx); err != nil {
		t.Fatal(err)
	}
	before, err := a.Deadlines.List(2023, "")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := a.Deadlines.StandardCalendar(2023, app.DemoClusterID); err != nil {
		t.Fatal(err)
	}
	after, err := a.Deadlines.List(2023, "")
	if err != nil {
		t.Fatal(err)
	}
	if len(before) != 7 || len(after) != 7 {
		t.Fatalf("deadlines of 2023: %d in the demo, %d after StandardCalendar", len(before), len(after))
	}
	for i := range before {
		if before[i].DeadlineID != after[i].DeadlineID || before[i].DueDate != after[i].DueDate {
			t.Errorf("deadline %d: %s %s, then %s %s", i, before[i].DeadlineID, before[i].DueDate,
				after[i].DeadlineID, after[i].DueDate)
		}
	}
}
