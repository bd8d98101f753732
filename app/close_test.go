package app_test

import (
	"fmt"
	"math"
	"slices"
	"testing"
	"time"

	"socai/app"
	"socai/events"
	"socai/projections"
)

// closeCmd adapts a close to the refusal table.
func closeCmd(a *app.App, in app.CloseInput) func() (app.Result, error) {
	return func() (app.Result, error) {
		cl, err := a.Closing.Close(in)
		return app.Result{EventID: cl.EventID, Seq: cl.Seq, Stream: cl.Stream}, err
	}
}

// closeLine is a PeriodClosed import line with the ledger's current heads.
func closeLine(t *testing.T, a *app.App, stream, period, scope string) string {
	t.Helper()
	heads, err := a.Store.Heads(ctx)
	if err != nil {
		t.Fatal(err)
	}
	refs := ""
	for i, h := range heads {
		if i > 0 {
			refs += ","
		}
		refs += fmt.Sprintf(`{"origin":%q,"origin_seq":%d,"hash":%q}`, h.Origin, h.OriginSeq, h.Hash)
	}
	return fmt.Sprintf(`{"type":"PeriodClosed","stream":%q,"occurred_on":"2021-08-10","data":{"period":%q,"scope":%q,"heads":[%s]},"meta":{}}`,
		stream, period, scope, refs)
}

func TestCloseRefusals(t *testing.T) {
	empty := openApp(t)
	if st, err := empty.Closing.Status("2021-H1", ""); err != nil || st.Closed != nil {
		t.Errorf("status of an empty ledger: %+v %v", st, err)
	}
	expectRefusals(t, empty, []refusal{
		{"no cluster to close", closeCmd(empty, app.CloseInput{Period: "2021-H1"}), app.EUnknownScope, "data.scope"},
	})

	a := openApp(t)
	importLines(t, a, baseCluster...)
	cl, err := a.Closing.Close(app.CloseInput{Period: "2021-H1", Reason: "chốt số liệu sơ kết", Source: "51-BC/CTĐ"})
	if err != nil {
		t.Fatal(err)
	}
	heads, _ := a.Store.Heads(ctx)
	if cl.Scope != "mnbgpb" || cl.ScopeKind != app.ScopeCluster || cl.Stream != "cluster-mnbgpb-2021" ||
		cl.Period.To != "2021-06-30" || cl.Reason != "chốt số liệu sơ kết" || cl.Actor != "tester" || cl.ScopeName == "" {
		t.Errorf("close: %+v", cl)
	}
	// The heads are those just before the close: the close itself is the head now.
	if len(cl.Heads) != 1 || cl.Heads[0].OriginSeq != heads[0].OriginSeq-1 || heads[0].Seq != cl.Seq {
		t.Errorf("close heads %+v, ledger heads now %+v", cl.Heads, heads)
	}
	if len(cl.Digest.Codes) != 1 || len(cl.Digest.Full) != 1 || len(cl.Digest.Codes[0]) >= len(cl.Digest.Full[0]) {
		t.Errorf("close digest %+v", cl.Digest)
	}

	then, err := a.AsOf(ctx, time.Now().Add(time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	defer then.Close()
	otherCluster := `{"type":"ClusterFormed","stream":"cluster-tb","occurred_on":"2021-01-01","data":{"cluster_id":"tb","name":"Cụm Tây Bắc","region":"Tây Bắc"},"meta":{}}`

	expectRefusals(t, a, []refusal{
		{"bad period", closeCmd(a, app.CloseInput{Period: "2021-H3"}), events.EINVALID, "data.period"},
		{"impossible range", closeCmd(a, app.CloseInput{Period: "2021-02-30..2021-03-01"}), events.EINVALID, "data.period"},
		{"unknown scope", closeCmd(a, app.CloseInput{Period: "2021-H1", Scope: "hanoi"}), app.EUnknownScope, "data.scope"},
		{"twice", closeCmd(a, app.CloseInput{Period: "2021-H1"}), app.EAlreadyClosed, "data.period"},
		{"twice, the same range written out", closeCmd(a, app.CloseInput{Period: "2021-01-01..2021-06-30", Scope: "mnbgpb"}), app.EAlreadyClosed, "data.period"},
		{"in a view of the past", closeCmd(then, app.CloseInput{Period: "2021-H2"}), events.EREADONLY, ""},
		{"wrong stream via import", importCmd(a, closeLine(t, a, "school-sonla-2021", "2021-H2", "mnbgpb")), app.EWrongStream, "stream"},
		{"a year stream of another year", importCmd(a, closeLine(t, a, "cluster-mnbgpb-2020", "2021-H2", "mnbgpb")), app.EWrongStream, "stream"},
		{"unknown scope via import", importCmd(a, closeLine(t, a, "school-hanoi-2021", "2021-H2", "hanoi")), app.EUnknownScope, "data.scope"},
		{"stale heads via import", importCmd(a, otherCluster, closeLine(t, a, "cluster-mnbgpb-2021", "2021-H2", "mnbgpb")), events.EINVALID, "data.heads"},
		{"twice via import", importCmd(a, closeLine(t, a, "cluster-mnbgpb-2021", "2021-H1", "mnbgpb")), app.EAlreadyClosed, "data.period"},
	})

	// A school's own close, imported with the right heads, is accepted; then
	// two clusters make the scope required.
	importLines(t, a, closeLine(t, a, "school-sonla-2021", "2021-H1", "sonla"))
	importLines(t, a, otherCluster)
	expectRefusals(t, a, []refusal{
		{"two clusters, no scope", closeCmd(a, app.CloseInput{Period: "2021-H2"}), events.EINVALID, "data.scope"},
	})
	closes, err := a.Closing.Closes()
	if err != nil || len(closes) != 2 || closes[1].Scope != "sonla" || closes[1].ScopeKind != app.ScopeSchool {
		t.Fatalf("closes: %+v %v", closes, err)
	}
	if _, err := a.Closing.Amendments("2021-H2", "mnbgpb"); events.ErrorCode(err) != app.ENotClosed {
		t.Errorf("amendments of a period not closed: %v", err)
	}
}

func importCmd(a *app.App, lines ...string) func() (app.Result, error) {
	return func() (app.Result, error) {
		_, err := a.Import(ctx, stringsReader(lines...))
		return app.Result{}, err
	}
}

// The reference case closed on 10/08/2021: corrections recorded in
// September are amendments after close, named exactly, among unrelated
// later events of the second half-year; the figures at close stay those
// of report 51-BC/CTĐ.
func TestAmendmentsAfterClose(t *testing.T) {
	a := openApp(t)
	clock := time.Date(2021, 8, 1, 2, 0, 0, 0, time.UTC)
	a.Store.Now = func() time.Time { return clock }
	if _, err := a.LoadDemo(ctx); err != nil {
		t.Fatal(err)
	}
	clock = time.Date(2021, 8, 10, 3, 0, 0, 0, time.UTC) // 10:00 in Vietnam
	cl, err := a.Closing.Close(app.CloseInput{Period: "2021-H1", Reason: "chốt số liệu báo cáo sơ kết", Source: "51-BC/CTĐ"})
	if err != nil {
		t.Fatal(err)
	}
	if cl.ClosedAt != events.FormatRecordedAt(clock) || cl.OccurredOn != "2021-08-10" {
		t.Errorf("closed at %s on %s", cl.ClosedAt, cl.OccurredOn)
	}
	am, err := a.Closing.Amendments("2021-H1", "")
	if err != nil {
		t.Fatal(err)
	}
	if len(am.Events) != 0 || len(am.Changed) != 0 || am.Later != 0 || am.Views != 0 {
		t.Errorf("right after the close: %d amendments, %d later events, %d views", len(am.Events), am.Later, am.Views)
	}
	if st, err := a.Closing.Status("2021-H1", ""); err != nil || st.Closed == nil || st.Closed.EventID != cl.EventID || len(st.Changed) != 0 {
		t.Errorf("status right after the close: %+v %v", st, err)
	}
	if st, err := a.Closing.Status("2021-H2", ""); err != nil || st.Closed != nil {
		t.Errorf("2021-H2 is not closed: %+v %v", st, err)
	}

	// September: corrections of the first half-year, among events of the second.
	clock = time.Date(2021, 9, 15, 3, 0, 0, 0, time.UTC)
	// Three classes of the first half-year: A was entered by mistake, B with
	// the wrong number of students, and C's one enrolment change is wrong.
	classes, err := a.ClassPlans.Classes("")
	if err != nil {
		t.Fatal(err)
	}
	var picked []projections.ClassInfo
	var changed events.Record
	for _, c := range classes {
		if c.StartDate < "2021-01-01" || c.StartDate > "2021-06-30" || c.Status == projections.ClassCancelledStatus {
			continue
		}
		recs, _ := a.Store.ReadStream(ctx, "class-"+c.ClassID)
		var changes []events.Record
		for _, r := range recs {
			if r.Type == "ClassEnrollmentChanged" {
				changes = append(changes, r)
			}
		}
		switch {
		case len(changes) == 0 && len(picked) < 2:
			picked = append(picked, c)
		case len(changes) == 1 && changes[0].OccurredOn <= "2021-06-30" && changed.ID == "":
			changed = changes[0]
		}
	}
	if len(picked) < 2 || changed.ID == "" {
		t.Fatal("the demo has too few classes of the first half-year to correct")
	}
	classType := picked[0].ClassType
	var unrelated []int64
	h2 := func(i int) {
		t.Helper()
		var r app.Result
		var err error
		if i%2 == 0 {
			r, err = a.ClassPlans.OpenClass(open(fmt.Sprintf("h2-%02d", i), "sonla", classType, int64(30+i), "2021-09-06"), app.Note{})
		} else {
			r, err = a.Research.IssueBulletin(events.BulletinIssued{SchoolID: "sonla", IssueNo: fmt.Sprintf("T9-%02d", i),
				Date: "2021-09-20", Articles: 12}, app.Note{})
		}
		if err != nil {
			t.Fatal(err)
		}
		unrelated = append(unrelated, r.Seq)
	}
	retract := func(r events.Record, reason string) int64 {
		t.Helper()
		recs, err := a.Record(ctx, app.Cmd{Stream: r.Stream, Expected: events.AnyVersion, Event: events.Event{
			OccurredOn: "2021-09-15", Meta: events.Meta{Reason: reason, Source: "kiểm tra chéo"},
			Data: events.EventRetracted{EventID: r.ID, Reason: reason}}})
		if err != nil {
			t.Fatal(err)
		}
		return recs[0].Seq
	}
	opening := func(c projections.ClassInfo) (events.Record, events.ClassOpened) {
		t.Helper()
		recs, _ := a.Store.ReadStream(ctx, "class-"+c.ClassID)
		var e events.ClassOpened
		if err := events.Vocabulary.DecodeInto(recs[0], &e); err != nil || recs[0].Type != "ClassOpened" {
			t.Fatalf("opening of %s: %v", c.ClassID, err)
		}
		return recs[0], e
	}
	for i := 0; i < 20; i++ {
		h2(i)
	}
	var corrections []int64
	openA, _ := opening(picked[0])
	corrections = append(corrections, retract(openA, "lớp nhập trùng"))
	for i := 20; i < 35; i++ {
		h2(i)
	}
	openB, right := opening(picked[1])
	corrections = append(corrections, retract(openB, "sai sĩ số khai giảng"))
	right.Students += 5
	r, err := a.ClassPlans.OpenClass(right, app.Note{Reason: "sĩ số đúng theo quyết định triệu tập"})
	if err != nil {
		t.Fatal(err)
	}
	corrections = append(corrections, r.Seq)
	h2(35)
	corrections = append(corrections, retract(changed, "thay đổi sĩ số ghi nhầm lớp"))
	for i := 36; i < 50; i++ {
		h2(i)
	}

	am, err = a.Closing.Amendments("2021-H1", "mnbgpb")
	if err != nil {
		t.Fatal(err)
	}
	var got []int64
	for _, e := range am.Events {
		got = append(got, e.Seq)
		if len(e.Changes) == 0 || e.Actor == "" || e.RecordedAt != events.FormatRecordedAt(clock) {
			t.Errorf("amendment %d: %+v", e.Seq, e)
		}
	}
	if !slices.Equal(got, corrections) {
		t.Errorf("amendments after close are seq %v, want exactly the corrections %v (unrelated: %v)", got, corrections, unrelated)
	}
	if len(am.Events) == 0 || am.Events[0].Retracts == nil || am.Events[0].Retracts.ID != openA.ID || am.Events[0].Retracts.Type != "ClassOpened" {
		t.Errorf("the first amendment retracts %+v", am.Events[0].Retracts)
	}
	if am.Later != len(unrelated)+len(corrections) {
		t.Errorf("later events: %d, want %d", am.Later, len(unrelated)+len(corrections))
	}
	// One view at close, then at most two per level of the bisection for each amendment.
	if limit := 1 + 2*len(corrections)*int(math.Ceil(math.Log2(float64(am.Later)))); am.Views > limit {
		t.Errorf("%d views for %d amendments among %d later events: more than %d", am.Views, len(corrections), am.Later, limit)
	}
	t.Logf("%d amendments among %d later events found with %d views", len(am.Events), am.Later, am.Views)

	atClose, now := projections.FigureMap(am.FiguresAtClose), projections.FigureMap(am.FiguresNow)
	for key, want := range map[string]float64{
		"classplans.executed.classes": 260, "classplans.executed.students": 16182,
		"classplans.new.classes": 113, "classplans.new.students": 6330, "classplans.carried.classes": 147,
		"stafftraining.total": 86, "research.active.total": 83, "research.bulletins.issues": 9,
	} {
		if atClose[key] != want {
			t.Errorf("at close %s = %v, want %v", key, atClose[key], want)
		}
	}
	if now["classplans.executed.classes"] != 259 || now["classplans.new.classes"] != 112 || now["research.bulletins.issues"] != 9 {
		t.Errorf("now: executed %v, new %v, bulletins %v", now["classplans.executed.classes"], now["classplans.new.classes"],
			now["research.bulletins.issues"])
	}
	if st, err := a.Closing.Status("2021-H1", ""); err != nil || st.Closed == nil || len(st.Changed) != len(am.Changed) {
		t.Errorf("status after the corrections: %d figures changed, amendments say %d (%v)", len(st.Changed), len(am.Changed), err)
	}
	changedKeys := map[string]app.FigureChange{}
	for _, c := range am.Changed {
		changedKeys[c.Key] = c
		if c.AtClose != nil && c.Now != nil && *c.AtClose == *c.Now {
			t.Errorf("%s listed as changed but equal", c.Key)
		}
	}
	if c, ok := changedKeys["classplans.executed.classes"]; !ok || *c.AtClose != 260 || *c.Now != 259 {
		t.Errorf("changed figures: %+v", am.Changed)
	}
	if _, ok := changedKeys["research.bulletins.issues"]; ok {
		t.Error("H2 bulletins changed a closed H1 figure")
	}

	// The report as of the close, or of any day before the corrections, is the reference report.
	at, _ := projections.ParseAsOf("2021-08-10")
	then, err := a.AsOf(ctx, at)
	if err != nil {
		t.Fatal(err)
	}
	defer then.Close()
	checkReference(t, then)
	before, err := a.AsOf(ctx, time.Date(2021, 8, 31, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	defer before.Close()
	if am, err := before.Closing.Amendments("2021-H1", ""); err != nil || len(am.Events) != 0 {
		t.Errorf("as of 31/08/2021 there was no amendment yet: %d, %v", len(am.Events), err)
	}
	if _, err := then.Closing.Amendments("2021-H1", ""); err != nil {
		t.Errorf("as of the day of the close: %v", err)
	}
	early, err := a.AsOf(ctx, time.Date(2021, 8, 5, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	defer early.Close()
	if _, err := early.Closing.Amendments("2021-H1", ""); events.ErrorCode(err) != app.ENotClosed {
		t.Errorf("as of 05/08/2021, before the close: %v", err)
	}
}
