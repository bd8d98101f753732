package app_test

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"socai/app"
	"socai/events"
	"socai/projections"
)

// The manifest's figures: the cluster first, then every school, each with
// the figures of its area reports; the reference figure is there.
func TestPeriodFiguresOfTheDemo(t *testing.T) {
	a := openApp(t)
	if _, err := a.LoadDemo(ctx); err != nil {
		t.Fatal(err)
	}
	p, _ := projections.ParsePeriod("2021-H1")
	scopes, err := app.PeriodFigures(ctx, a.DB(), p, "")
	if err != nil {
		t.Fatal(err)
	}
	if len(scopes) != 9 || scopes[0].Scope != "" {
		t.Fatalf("%d scopes, first %q: want the cluster then 8 schools", len(scopes), scopes[0].Scope)
	}
	if got := projections.FigureMap(scopes[0].Figures)["classplans.executed.classes"]; got != 260 {
		t.Errorf("cluster executed classes = %v, want 260", got)
	}
	var sum float64
	for _, s := range scopes[1:] {
		sum += projections.FigureMap(s.Figures)["classplans.executed.classes"]
	}
	if sum != 260 {
		t.Errorf("schools' executed classes add up to %v, want 260", sum)
	}
	one, err := app.PeriodFigures(ctx, a.DB(), p, scopes[3].Scope)
	if err != nil || len(one) != 1 || one[0].Scope != scopes[3].Scope {
		t.Fatalf("one school: %+v, %v", one, err)
	}

	// The figures repeat themselves; a changed one, a missing key and a
	// missing school are each named.
	if mm, n := app.CompareFigures(scopes, scopes); len(mm) != 0 || n == 0 {
		t.Fatalf("compare with itself: %d mismatches of %d", len(mm), n)
	}
	recomputed, _ := app.PeriodFigures(ctx, a.DB(), p, "")
	recomputed[0].Figures[0].Value++
	recomputed[0].Figures = recomputed[0].Figures[:len(recomputed[0].Figures)-1]
	lastKey := scopes[0].Figures[len(scopes[0].Figures)-1].Key
	recomputed = append(recomputed[:1], recomputed[2:]...)
	mm, _ := app.CompareFigures(scopes, recomputed)
	if len(mm) != 2+len(scopes[1].Figures) {
		t.Fatalf("%d mismatches, want %d: %+v", len(mm), 2+len(scopes[1].Figures), mm[:2])
	}
	if mm[0].Key != scopes[0].Figures[0].Key || mm[0].Recomputed == nil || *mm[0].Recomputed != mm[0].Stated+1 {
		t.Errorf("changed figure: %+v", mm[0])
	}
	if mm[1].Key != lastKey || mm[1].Recomputed != nil {
		t.Errorf("missing figure: %+v", mm[1])
	}
	if mm[2].Scope != scopes[1].Scope || mm[2].Recomputed != nil {
		t.Errorf("missing school: %+v", mm[2])
	}
}

// The window opens a snapshot read-only: every query reads it, every
// command is refused with the reason, the ledger page and the chain check
// describe the file; the as-of picker works inside it; closing it brings
// the ledger back, writable.
func TestOpenSnapshotInTheWindow(t *testing.T) {
	src := openApp(t)
	if _, err := src.LoadDemo(ctx); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "2021-H1.socai")
	res, err := src.Export.SaveSnapshot("2021-H1", "", "", path)
	if err != nil {
		t.Fatal(err)
	}

	a := openApp(t) // an inspector's ledger, with one class of its own
	importLines(t, a, baseCluster...)
	importLines(t, a, `{"type":"ClassOpened","stream":"class-x","occurred_on":"2021-03-01","data":{"class_id":"x","school_id":"sonla","class_type":"tc","name":"Lớp x","students":10,"start_date":"2021-03-01","mode":"tap_trung"},"meta":{}}`)
	own := eventCount(t, a)

	st, err := a.Ledger.OpenSnapshot(path)
	if err != nil {
		t.Fatal(err)
	}
	if st.Snapshot == nil || !st.Historical || st.Events != res.Events || st.Snapshot.Period != "2021-H1" ||
		st.Snapshot.Fingerprint != res.Fingerprint || st.Snapshot.KeyStatus != app.KeyUnknown {
		t.Fatalf("state %+v %+v", st, st.Snapshot)
	}
	p, _ := projections.ParsePeriod("2021-H1")
	cp, err := projections.ClassPlanFigures(ctx, a.DB(), p, "")
	if err != nil || cp.Total.Executed.Classes != 260 {
		t.Fatalf("class plans in the snapshot: %v, %v", cp.Total.Executed, err)
	}
	_, err = a.Record(ctx, app.Cmd{Stream: "class-y", Event: events.Event{OccurredOn: "2021-03-01",
		Data: open("y", "sonla", "tc", 5, "2021-03-01")}})
	var e *events.Error
	if events.ErrorCode(err) != events.EREADONLY || !errors.As(err, &e) || !strings.HasPrefix(e.Message, "chế độ kiểm tra: bản chụp") {
		t.Fatalf("a command in a snapshot: %v", err)
	}
	if _, err := a.Export.SaveSnapshot("2021-H1", "", "", filepath.Join(t.TempDir(), "x.socai")); events.ErrorCode(err) != events.EREADONLY {
		t.Errorf("export from inside a snapshot: %v", err)
	}
	info, err := a.Ledger.Info()
	if err != nil || info.DBPath != path || info.Events != res.Events || info.Origin != src.Store.Origin() {
		t.Errorf("ledger info in a snapshot: %+v, %v", info, err)
	}
	if rep, err := a.Ledger.Verify(); err != nil || !rep.OK || rep.Checked != res.Events {
		t.Errorf("chain check in a snapshot: %+v, %v", rep, err)
	}
	// the picker inside the snapshot: before the demo there was nothing
	if st, err := a.Ledger.SetAsOf("2000-01-01"); err != nil || st.Events != 0 || st.Snapshot == nil {
		t.Errorf("as of 2000 in the snapshot: %+v, %v", st, err)
	}
	if st, err := a.Ledger.SetAsOf(""); err != nil || st.Events != res.Events || st.Snapshot == nil {
		t.Errorf("back to the whole snapshot: %+v, %v", st, err)
	}

	st, err = a.Ledger.CloseSnapshot()
	if err != nil || st.Snapshot != nil || st.Historical || st.Events != own {
		t.Fatalf("after closing: %+v, %v", st, err)
	}
	if _, err := a.Record(ctx, app.Cmd{Stream: "class-y", Event: events.Event{OccurredOn: "2021-03-01",
		Data: open("y", "sonla", "tc", 5, "2021-03-01")}}); err != nil {
		t.Fatalf("a command after closing: %v", err)
	}

	// a file that is not a snapshot is refused and changes nothing
	if _, err := a.Ledger.OpenSnapshot(a.Store.Path()); events.ErrorCode(err) != "not_socai" {
		t.Errorf("opening a ledger as a snapshot: %v", err)
	}
	if st, _ := a.Ledger.AsOfState(); st.Snapshot != nil || st.Historical {
		t.Errorf("a refused open changed the state: %+v", st)
	}
}
