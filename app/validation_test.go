package app_test

import (
	"testing"

	"socai/app"
	"socai/events"
)

// Every validation rule of the organisation and class-plan areas refuses
// with its code and field, and the ledger is unchanged.
func TestClassPlanValidation(t *testing.T) {
	a := openApp(t)
	importLines(t, a, baseCluster...)
	cp, org := a.ClassPlans, a.Org
	n := app.Note{}
	ok := func(_ app.Result, err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	ok(cp.OpenClass(open("k1", "sonla", "tc", 40, "2021-03-01"), n))
	ok(cp.OpenClass(open("done", "sonla", "tc", 40, "2021-01-04"), n))
	ok(cp.CompleteClass(events.ClassCompleted{ClassID: "done", EndDate: "2021-05-30", Graduates: 40}, n))
	ok(cp.OpenClass(open("off", "sonla", "tc", 40, "2021-01-04"), n))
	ok(cp.CancelClass(events.ClassCancelled{ClassID: "off", Reason: "thiếu học viên"}, "2021-01-10", n))
	ok(cp.PlanClass(events.ClassPlanned{ClassID: "plan", SchoolID: "sonla", ClassType: "tc", Students: 40, Period: "2021-H2"}, "2021-05-01", n))

	bad := open("k2", "sonla", "tc", 40, "2021-03-01")
	cases := []refusal{
		{"school unknown", func() (app.Result, error) { e := bad; e.SchoolID = "hanoi"; return cp.OpenClass(e, n) }, app.EUnknownSchool, "data.school_id"},
		{"class type not in the catalogue", func() (app.Result, error) { e := bad; e.ClassType = "xyz"; return cp.OpenClass(e, n) }, app.EUnknownClassType, "data.class_type"},
		{"negative students", func() (app.Result, error) { e := bad; e.Students = -1; return cp.OpenClass(e, n) }, events.EINVALID, "data.students"},
		{"not a real date", func() (app.Result, error) { e := bad; e.StartDate = "2021-02-29"; return cp.OpenClass(e, n) }, events.EINVALID, "data.start_date"},
		{"ends before it starts", func() (app.Result, error) { e := bad; e.EndDate = "2021-02-01"; return cp.OpenClass(e, n) }, events.EINVALID, "data.end_date"},
		{"unknown mode", func() (app.Result, error) { e := bad; e.Mode = "hybrid"; return cp.OpenClass(e, n) }, events.EINVALID, "data.mode"},
		{"opened twice", func() (app.Result, error) { return cp.OpenClass(open("k1", "sonla", "tc", 40, "2021-03-01"), n) }, app.EAlreadyExists, "data.class_id"},
		{"planned class opened by another school", func() (app.Result, error) {
			return cp.OpenClass(open("plan", "laichau", "tc", 40, "2021-07-05"), n)
		}, events.EINVALID, "data.school_id"},
		{"completed before it opened", func() (app.Result, error) {
			return cp.CompleteClass(events.ClassCompleted{ClassID: "k1", EndDate: "2021-02-28", Graduates: 40}, n)
		}, app.EDateOrder, "data.end_date"},
		{"unknown class", func() (app.Result, error) {
			return cp.CompleteClass(events.ClassCompleted{ClassID: "nope", EndDate: "2021-06-30"}, n)
		}, app.EUnknownClass, "data.class_id"},
		{"completed twice", func() (app.Result, error) {
			return cp.CompleteClass(events.ClassCompleted{ClassID: "done", EndDate: "2021-06-30"}, n)
		}, app.EInvalidState, "data.class_id"},
		{"enrolment of a cancelled class", func() (app.Result, error) {
			return cp.ChangeEnrollment(events.ClassEnrollmentChanged{ClassID: "off", Students: 30}, "2021-02-01", n)
		}, app.EInvalidState, "data.class_id"},
		{"enrolment change before the start", func() (app.Result, error) {
			return cp.ChangeEnrollment(events.ClassEnrollmentChanged{ClassID: "k1", Students: 30}, "2021-02-01", n)
		}, app.EDateOrder, "occurred_on"},
		{"mode of a completed class", func() (app.Result, error) {
			return cp.ChangeMode(events.ClassModeChanged{ClassID: "done", Mode: events.ModeTrucTuyen, Reason: "Covid-19"}, "2021-06-01", n)
		}, app.EInvalidState, "data.class_id"},
		{"cancel a completed class", func() (app.Result, error) {
			return cp.CancelClass(events.ClassCancelled{ClassID: "done", Reason: "x"}, "2021-06-01", n)
		}, app.EInvalidState, "data.class_id"},
		{"cancel without a reason", func() (app.Result, error) {
			return cp.CancelClass(events.ClassCancelled{ClassID: "k1"}, "2021-06-01", n)
		}, events.EINVALID, "data.reason"},
		{"plan with a bad period", func() (app.Result, error) {
			return cp.PlanClass(events.ClassPlanned{SchoolID: "sonla", ClassType: "tc", Students: 40, Period: "2021-H3"}, "2021-05-01", n)
		}, events.EINVALID, "data.period"},
		{"target of an unknown school", func() (app.Result, error) {
			return cp.AssignTarget(events.TrainingTargetAssigned{SchoolID: "hanoi", Year: 2021, Classes: 1}, "2021-01-05", n)
		}, app.EUnknownSchool, "data.school_id"},
		{"target with negative classes", func() (app.Result, error) {
			return cp.AssignTarget(events.TrainingTargetAssigned{SchoolID: "sonla", Year: 2021, Classes: -3}, "2021-01-05", n)
		}, events.EINVALID, "data.classes"},
		{"school of an unknown cluster", func() (app.Result, error) {
			return org.RegisterSchool(events.SchoolRegistered{SchoolID: "x", Name: "X", Province: "X", ClusterID: "dbscl"}, "2021-01-01", n)
		}, app.EUnknownCluster, "data.cluster_id"},
		{"roles naming an unknown school", func() (app.Result, error) {
			return org.AssignRoles(events.ClusterRolesAssigned{ClusterID: "mnbgpb", Year: 2021, Lead: "sonla", Deputies: []string{"hanoi"}}, "2021-02-25", n)
		}, app.EUnknownSchool, "data.deputies[0]"},
		{"bad class-type group", func() (app.Result, error) {
			return org.DefineClassType(events.ClassTypeDefined{ClassType: "x", Name: "X", Group: "khac"}, "2021-01-01", n)
		}, events.EINVALID, "data.group"},
	}
	expectRefusals(t, a, cases)
}

// An import file cannot file an event under another entity's stream, and
// later lines see the earlier ones.
func TestImportValidatesLikeTheForms(t *testing.T) {
	a := openApp(t)
	importLines(t, a, baseCluster...)
	before := eventCount(t, a)
	_, err := a.Import(ctx, stringsReader(
		`{"type":"ClassOpened","stream":"class-k9","occurred_on":"2021-03-01","data":{"class_id":"k9","school_id":"sonla","class_type":"tc","name":"K9","students":40,"start_date":"2021-03-01","mode":"tap_trung"},"meta":{}}`,
		`{"type":"ClassCompleted","stream":"school-sonla","occurred_on":"2021-06-01","data":{"class_id":"k9","end_date":"2021-06-01","graduates":40},"meta":{}}`))
	var ie *app.ImportError
	if !asImportError(err, &ie) || ie.Problems[0].Line != 2 || ie.Problems[0].Code != app.EWrongStream {
		t.Fatalf("err = %v", err)
	}
	if eventCount(t, a) != before {
		t.Error("a refused file appended events")
	}
	if _, err := a.Import(ctx, stringsReader(
		`{"type":"ClassOpened","stream":"class-k9","occurred_on":"2021-03-01","data":{"class_id":"k9","school_id":"sonla","class_type":"tc","name":"K9","students":40,"start_date":"2021-03-01","mode":"tap_trung"},"meta":{}}`,
		`{"type":"ClassCompleted","stream":"class-k9","occurred_on":"2021-06-01","data":{"class_id":"k9","end_date":"2021-06-01","graduates":40},"meta":{}}`)); err != nil {
		t.Fatalf("a class opened and completed in one file: %v", err)
	}
}
