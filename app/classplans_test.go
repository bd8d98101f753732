package app_test

import (
	"strings"
	"testing"

	"socai/app"
	"socai/events"
	"socai/projections"
)

func figures(t *testing.T, a *app.App, period, school string) projections.ClassPlanReport {
	t.Helper()
	rep, err := a.ClassPlans.Figures(period, school)
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

func counts(r projections.ClassPlanRow) [3]projections.Count {
	return [3]projections.Count{r.Carried, r.New, r.Executed}
}

func c(classes, students int64) projections.Count {
	return projections.Count{Classes: classes, Students: students}
}

// The counting rules of DESIGN.md at their edges.
func TestClassPlanCountingEdges(t *testing.T) {
	a := openApp(t)
	importLines(t, a, baseCluster...)
	cp := a.ClassPlans
	note := app.Note{Source: "test"}
	must := func(_ app.Result, err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(cp.AssignTarget(events.TrainingTargetAssigned{SchoolID: "sonla", Year: 2021, Classes: 10, Students: 500}, "2021-01-05", note))
	must(cp.OpenClass(open("jun30", "sonla", "tc", 40, "2021-06-30"), note)) // new in H1
	must(cp.OpenClass(open("jul01", "sonla", "tc", 30, "2021-07-01"), note)) // new in H2, nothing in H1
	must(cp.OpenClass(open("old", "sonla", "cv", 50, "2020-10-01"), note))   // carried into H1
	must(cp.CompleteClass(events.ClassCompleted{ClassID: "old", EndDate: "2021-01-01", Graduates: 49}, note))
	must(cp.OpenClass(open("gone", "laichau", "tc", 20, "2020-11-01"), note)) // carried, then cancelled
	must(cp.CancelClass(events.ClassCancelled{ClassID: "gone", Reason: "không đủ học viên"}, "2021-03-01", note))
	must(cp.OpenClass(open("grow", "laichau", "cv", 25, "2021-02-01"), note))
	must(cp.ChangeEnrollment(events.ClassEnrollmentChanged{ClassID: "grow", Students: 28}, "2021-06-30", note))
	must(cp.ChangeEnrollment(events.ClassEnrollmentChanged{ClassID: "grow", Students: 31}, "2021-07-01", note))
	must(cp.OpenClass(open("prev", "sonla", "cv", 60, "2020-03-01"), note)) // finished before 2021
	must(cp.CompleteClass(events.ClassCompleted{ClassID: "prev", EndDate: "2020-12-31", Graduates: 60}, note))

	h1 := figures(t, a, "2021-H1", "")
	// carried: old (completed ON s still counts); new: jun30 and grow (28 students as of 30/06).
	want := [3]projections.Count{c(1, 50), c(2, 68), c(3, 118)}
	if got := counts(h1.Total); got != want {
		t.Errorf("2021-H1 = %+v, want %+v", got, want)
	}
	if h1.Total.Completed != c(1, 50) {
		t.Errorf("completed in H1 = %+v", h1.Total.Completed)
	}
	if h1.Total.Target == nil || *h1.Total.Target != c(10, 500) || *h1.Total.PctClasses != 30 {
		t.Errorf("target = %+v pct %v", h1.Total.Target, h1.Total.PctClasses)
	}
	h2 := figures(t, a, "2021-H2", "")
	// carried into H2: jun30 and grow (31 students as of 31/12); new: jul01.
	if got := counts(h2.Total); got != [3]projections.Count{c(2, 71), c(1, 30), c(3, 101)} {
		t.Errorf("2021-H2 = %+v", got)
	}
	year := figures(t, a, "2021", "")
	if got := counts(year.Total); got != [3]projections.Count{c(1, 50), c(3, 101), c(4, 151)} {
		t.Errorf("2021 = %+v", got)
	}
	custom := figures(t, a, "2021-06-30..2021-07-01", "")
	// grow counts 31: its change of 01/07 is on or before the end of this range.
	if got := counts(custom.Total); got != [3]projections.Count{c(1, 31), c(2, 70), c(3, 101)} {
		t.Errorf("custom range = %+v", got)
	}
	if got := counts(figures(t, a, "2020", "laichau").Total); got != [3]projections.Count{} {
		t.Errorf("a cancelled class counts in no period, even before its cancellation: %+v", got)
	}
	ls := figures(t, a, "2021-H1", "laichau")
	if len(ls.BySchool) != 1 || ls.Total.Executed != c(1, 28) || ls.Total.Target != nil {
		t.Errorf("one school: %+v", ls.Total)
	}
	byType := map[string]projections.Count{}
	for _, r := range h1.ByType {
		byType[r.Key] = r.Executed
	}
	if byType["tc"] != c(1, 40) || byType["cv"] != c(2, 78) {
		t.Errorf("by type = %v", byType)
	}
	for _, g := range h1.ByGroup {
		if g.Key == "dao_tao" && g.Executed != c(1, 40) || g.Key == "boi_duong" && g.Executed != c(2, 78) {
			t.Errorf("group %s = %+v", g.Key, g.Executed)
		}
	}

	// A retracted enrolment change stops counting; history keeps both.
	recs, _ := a.Store.ReadStream(ctx, "class-grow")
	_, err := a.Record(ctx, app.Cmd{Stream: "class-grow", Expected: events.AnyVersion, Event: events.Event{
		OccurredOn: "2021-07-15", Meta: events.Meta{Reason: "nhập nhầm"},
		Data: events.EventRetracted{EventID: recs[1].ID, Reason: "nhập nhầm sĩ số"}}})
	if err != nil {
		t.Fatal(err)
	}
	if got := figures(t, a, "2021-H1", "laichau").Total.Executed; got != c(1, 25) {
		t.Errorf("after retracting the change of 30/06: %+v, want 1/25", got)
	}
	before := figures(t, a, "2021", "")
	if err := a.Projections.Rebuild(ctx, nil); err != nil {
		t.Fatal(err)
	}
	if after := figures(t, a, "2021", ""); counts(after.Total) != counts(before.Total) {
		t.Errorf("rebuild changed the figures: %+v vs %+v", counts(after.Total), counts(before.Total))
	}
}

func TestRetractingAnOpeningRemovesTheClass(t *testing.T) {
	a := openApp(t)
	importLines(t, a, baseCluster...)
	res, err := a.ClassPlans.OpenClass(open("k1", "sonla", "tc", 40, "2021-03-01"), app.Note{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := a.Record(ctx, app.Cmd{Stream: "class-k1", Expected: events.AnyVersion, Event: events.Event{
		OccurredOn: "2021-03-02", Data: events.EventRetracted{EventID: res.EventID, Reason: "trùng lớp"}}}); err != nil {
		t.Fatal(err)
	}
	if got := figures(t, a, "2021", "").Total.Executed; got != (projections.Count{}) {
		t.Errorf("retracted class still counts: %+v", got)
	}
	// The right event can follow: the class is opened again, correctly.
	if _, err := a.ClassPlans.OpenClass(open("k1", "sonla", "tc", 45, "2021-03-01"), app.Note{}); err != nil {
		t.Fatalf("reopening after the retraction: %v", err)
	}
	if got := figures(t, a, "2021", "").Total.Executed; got != c(1, 45) {
		t.Errorf("after the replacement: %+v", got)
	}
}

// The roll of a finished class is still its history: a change dated while
// it ran may be recorded, or corrected, after it ended; one dated after its
// end may not.
func TestEnrollmentOfAFinishedClass(t *testing.T) {
	a := openApp(t)
	importLines(t, a, baseCluster...)
	if _, err := a.ClassPlans.OpenClass(open("k1", "sonla", "tc", 40, "2021-03-01"), app.Note{}); err != nil {
		t.Fatal(err)
	}
	wrong, err := recordVia(a, "class-k1", "2021-04-01", events.ClassEnrollmentChanged{ClassID: "k1", Students: 38})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := recordVia(a, "class-k1", "2021-05-31", events.ClassCompleted{ClassID: "k1", EndDate: "2021-05-31", Graduates: 37}); err != nil {
		t.Fatal(err)
	}
	if _, err := a.History.Correct(app.CorrectionInput{EventID: wrong.EventID, Reason: "nhập nhầm sĩ số",
		Replacement: []byte(`{"class_id":"k1","students":37}`)}); err != nil {
		t.Fatalf("correcting the roll of a finished class: %v", err)
	}
	if got := figures(t, a, "2021-H1", "").Total.Executed; got != c(1, 37) {
		t.Errorf("after the correction: %+v", got)
	}
	before := eventCount(t, a)
	if _, err := recordVia(a, "class-k1", "2021-06-15", events.ClassEnrollmentChanged{ClassID: "k1", Students: 30}); err == nil ||
		!strings.Contains(err.Error(), "đã kết thúc") {
		t.Errorf("a change dated after the end: %v", err)
	}
	if eventCount(t, a) != before {
		t.Error("a refused change was recorded")
	}
}
