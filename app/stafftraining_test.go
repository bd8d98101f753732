package app_test

import (
	"encoding/json"
	"testing"

	"socai/app"
	"socai/events"
	"socai/projections"
)

// recordVia appends one event to a stream of the caller's choosing through
// app.Record (validation included), as an import line or a script would.
func recordVia(a *app.App, stream string, on events.Date, p events.Payload) (app.Result, error) {
	recs, err := a.Record(ctx, app.Cmd{Stream: stream, Expected: events.AnyVersion,
		Event: events.Event{OccurredOn: on, Data: p}})
	if err != nil {
		return app.Result{}, err
	}
	return app.Result{EventID: recs[0].ID, Seq: recs[0].Seq, Stream: recs[0].Stream, Version: recs[0].Version}, nil
}

// retractVia retracts an event in its own stream.
func retractVia(t *testing.T, a *app.App, res app.Result, on events.Date) {
	t.Helper()
	if _, err := recordVia(a, res.Stream, on, events.EventRetracted{EventID: res.EventID, Reason: "nhập nhầm"}); err != nil {
		t.Fatal(err)
	}
}

func staffFigures(t *testing.T, a *app.App, period, school string) projections.StaffTrainingReport {
	t.Helper()
	rep, err := a.Staff.Figures(period, school)
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

// lượt by programme, the programmes that have any.
func staffByProgram(rep projections.StaffTrainingReport) map[string]int64 {
	out := map[string]int64{}
	for _, pc := range rep.ByProgram {
		if pc.Count != 0 {
			out[pc.Program] = pc.Count
		}
	}
	return out
}

func sameInts(a, b map[string]int64) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

func jsonOf(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func mustResult(t *testing.T) func(app.Result, error) app.Result {
	return func(r app.Result, err error) app.Result {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
}

func training(id, staff, school, program string, start events.Date) events.StaffTrainingStarted {
	return events.StaffTrainingStarted{EnrollmentID: id, StaffID: staff, SchoolID: school, Program: program,
		Institution: "Học viện Chính trị quốc gia Hồ Chí Minh", StartDate: start}
}

// The counting rule of DESIGN.md through the service, at its edges; a
// retraction stops an event counting, and a rebuild gives the same figures.
func TestStaffTrainingCountingEdges(t *testing.T) {
	a := openApp(t)
	importLines(t, a, baseCluster...)
	st, n, must := a.Staff, app.Note{Source: "51-BC/CTĐ"}, mustResult(t)
	staff := must(st.RecordStaff(events.StaffMemberRecorded{SchoolID: "sonla", FullName: "Lò Thị Thúy Hà", Unit: "Ban Giám hiệu"}, "2021-01-01", n))
	if staff.ID == "" || staff.Stream != "staff-"+staff.ID {
		t.Fatalf("RecordStaff made no id: %+v", staff)
	}
	must(st.RecordStaff(events.StaffMemberRecorded{StaffID: "b", SchoolID: "laichau", FullName: "Tòng Văn B"}, "2021-01-01", n))

	long := must(st.StartTraining(training("", staff.ID, "sonla", events.ProgramCaoHoc, "2021-03-01"), n))
	if long.Stream != "enrollment-"+long.ID {
		t.Fatalf("StartTraining: %+v", long)
	}
	done := must(st.CompleteTraining(events.StaffTrainingCompleted{EnrollmentID: long.ID, EndDate: "2022-03-31", Result: "Giỏi"}, n))
	must(st.StartTraining(training("edge", staff.ID, "sonla", events.ProgramBDChuyenMon, "2021-05-04"), n))
	must(st.CompleteTraining(events.StaffTrainingCompleted{EnrollmentID: "edge", EndDate: "2021-07-01"}, n))
	must(st.StartTraining(training("quit", "b", "laichau", events.ProgramVanBang2, "2021-02-01"), n))
	must(st.WithdrawTraining(events.StaffTrainingWithdrawn{EnrollmentID: "quit", Reason: "chuyển công tác"}, "2021-06-30", n))
	plan := must(st.PlanTraining(events.StaffTrainingPlanned{SchoolID: "laichau", Program: events.ProgramTCLLCT, Count: 6, Period: "2021-H2"}, "2021-06-15", n))
	if plan.Stream != "school-laichau-2021" {
		t.Errorf("plan went to %s", plan.Stream)
	}

	for _, c := range []struct {
		period string
		want   map[string]int64
	}{
		{"2021-H1", map[string]int64{"cao_hoc": 1, "bd_chuyen_mon": 1, "van_bang_2": 1}},
		{"2021-H2", map[string]int64{"cao_hoc": 1, "bd_chuyen_mon": 1}}, // finished on 01/07 counts; withdrawn 30/06 does not
		{"2022-H1", map[string]int64{"cao_hoc": 1}},
		{"2022-H2", map[string]int64{}},
		{"2021", map[string]int64{"cao_hoc": 1, "bd_chuyen_mon": 1, "van_bang_2": 1}}, // once in the year
	} {
		if got := staffByProgram(staffFigures(t, a, c.period, "")); !sameInts(got, c.want) {
			t.Errorf("%s: %v, want %v", c.period, got, c.want)
		}
	}
	if h2 := staffFigures(t, a, "2021-H2", ""); h2.Completed != 1 || h2.Started != 0 || h2.Planned != 6 {
		t.Errorf("2021-H2: completed %d started %d planned %d", h2.Completed, h2.Started, h2.Planned)
	}

	retractVia(t, a, done, "2022-04-01")
	if got := staffByProgram(staffFigures(t, a, "2022-H2", "")); !sameInts(got, map[string]int64{"cao_hoc": 1}) {
		t.Errorf("2022-H2 after the completion was retracted: %v", got)
	}
	retractVia(t, a, long, "2022-04-01")
	if r := staffFigures(t, a, "2021", ""); r.Total != 2 || staffByProgram(r)["cao_hoc"] != 0 {
		t.Errorf("2021 after the start was retracted: %d %v", r.Total, staffByProgram(r))
	}
	periods := []string{"2021-H1", "2021-H2", "2021", "2022-H1"}
	sameAfterRebuild(t, a, periods, func(p string) any { return staffFigures(t, a, p, "") })
	list, err := st.Enrollments("sonla")
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 1 || list[0].EnrollmentID != "edge" || list[0].FullName != "Lò Thị Thúy Hà" {
		t.Errorf("enrollments = %+v", list)
	}
	people, err := st.Staff("")
	if err != nil {
		t.Fatal(err)
	}
	if len(people) != 2 {
		t.Errorf("staff = %+v", people)
	}
}

// Every validation rule of staff training refuses with its code and field,
// and the ledger is unchanged.
func TestStaffTrainingValidation(t *testing.T) {
	a := openApp(t)
	importLines(t, a, baseCluster...)
	st, n, must := a.Staff, app.Note{}, mustResult(t)
	must(st.RecordStaff(events.StaffMemberRecorded{StaffID: "a", SchoolID: "sonla", FullName: "Lò Văn A"}, "2021-01-01", n))
	must(st.RecordStaff(events.StaffMemberRecorded{StaffID: "b", SchoolID: "laichau", FullName: "Tòng Văn B"}, "2021-01-01", n))
	must(st.StartTraining(training("e1", "a", "sonla", events.ProgramCaoHoc, "2021-03-01"), n))
	must(st.StartTraining(training("done", "a", "sonla", events.ProgramTCLLCT, "2021-01-04"), n))
	must(st.CompleteTraining(events.StaffTrainingCompleted{EnrollmentID: "done", EndDate: "2021-05-30"}, n))
	must(st.StartTraining(training("quit", "a", "sonla", events.ProgramVanBang2, "2021-01-04"), n))
	must(st.WithdrawTraining(events.StaffTrainingWithdrawn{EnrollmentID: "quit", Reason: "ốm"}, "2021-02-01", n))
	// A staff member may be recorded again in the same school (new unit or position).
	must(st.RecordStaff(events.StaffMemberRecorded{StaffID: "a", SchoolID: "sonla", FullName: "Lò Văn A", Position: "Trưởng khoa"}, "2021-06-01", n))

	good := training("e2", "a", "sonla", events.ProgramCCLLCT, "2021-04-01")
	cases := []refusal{
		{"staff in another entity's stream", func() (app.Result, error) {
			return recordVia(a, "school-sonla", "2021-01-01", events.StaffMemberRecorded{StaffID: "c", SchoolID: "sonla", FullName: "C"})
		}, app.EWrongStream, "stream"},
		{"staff of an unknown school", func() (app.Result, error) {
			return st.RecordStaff(events.StaffMemberRecorded{StaffID: "c", SchoolID: "hanoi", FullName: "C"}, "2021-01-01", n)
		}, app.EUnknownSchool, "data.school_id"},
		{"staff without a name", func() (app.Result, error) {
			return st.RecordStaff(events.StaffMemberRecorded{StaffID: "c", SchoolID: "sonla"}, "2021-01-01", n)
		}, events.EINVALID, "data.full_name"},
		{"staff moved to another school", func() (app.Result, error) {
			return st.RecordStaff(events.StaffMemberRecorded{StaffID: "a", SchoolID: "laichau", FullName: "Lò Văn A"}, "2021-07-01", n)
		}, events.EINVALID, "data.school_id"},
		{"enrolment in another enrolment's stream", func() (app.Result, error) {
			return recordVia(a, "enrollment-e1", "2021-04-01", good)
		}, app.EWrongStream, "stream"},
		{"enrolment of an unknown school", func() (app.Result, error) { e := good; e.SchoolID = "hanoi"; return st.StartTraining(e, n) },
			app.EUnknownSchool, "data.school_id"},
		{"enrolment of an unknown staff member", func() (app.Result, error) { e := good; e.StaffID = "zz"; return st.StartTraining(e, n) },
			app.EUnknownStaff, "data.staff_id"},
		{"staff member of another school", func() (app.Result, error) { e := good; e.StaffID = "b"; return st.StartTraining(e, n) },
			events.EINVALID, "data.staff_id"},
		{"unknown programme", func() (app.Result, error) { e := good; e.Program = "tien_si"; return st.StartTraining(e, n) },
			events.EINVALID, "data.program"},
		{"expected end before the start", func() (app.Result, error) { e := good; e.ExpectedEnd = "2021-03-01"; return st.StartTraining(e, n) },
			events.EINVALID, "data.expected_end"},
		{"not a real start date", func() (app.Result, error) { e := good; e.StartDate = "2021-02-30"; return st.StartTraining(e, n) },
			events.EINVALID, "data.start_date"},
		{"business date is not the start date", func() (app.Result, error) { return recordVia(a, "enrollment-e2", "2021-04-02", good) },
			app.EDateOrder, "occurred_on"},
		{"started twice", func() (app.Result, error) {
			return st.StartTraining(training("e1", "a", "sonla", events.ProgramCaoHoc, "2021-03-01"), n)
		}, app.EAlreadyExists, "data.enrollment_id"},
		{"completion in another stream", func() (app.Result, error) {
			return recordVia(a, "enrollment-done", "2021-06-01", events.StaffTrainingCompleted{EnrollmentID: "e1", EndDate: "2021-06-01"})
		}, app.EWrongStream, "stream"},
		{"completion of an unknown enrolment", func() (app.Result, error) {
			return st.CompleteTraining(events.StaffTrainingCompleted{EnrollmentID: "nope", EndDate: "2021-06-01"}, n)
		}, app.EUnknownEnrollment, "data.enrollment_id"},
		{"completed twice", func() (app.Result, error) {
			return st.CompleteTraining(events.StaffTrainingCompleted{EnrollmentID: "done", EndDate: "2021-06-01"}, n)
		}, app.EInvalidState, "data.enrollment_id"},
		{"completion after a withdrawal", func() (app.Result, error) {
			return st.CompleteTraining(events.StaffTrainingCompleted{EnrollmentID: "quit", EndDate: "2021-06-01"}, n)
		}, app.EInvalidState, "data.enrollment_id"},
		{"completed before it started", func() (app.Result, error) {
			return st.CompleteTraining(events.StaffTrainingCompleted{EnrollmentID: "e1", EndDate: "2021-02-28"}, n)
		}, app.EDateOrder, "data.end_date"},
		{"completion without an end date", func() (app.Result, error) {
			return st.CompleteTraining(events.StaffTrainingCompleted{EnrollmentID: "e1"}, n)
		}, events.EINVALID, "data.end_date"},
		{"withdrawal of an unknown enrolment", func() (app.Result, error) {
			return st.WithdrawTraining(events.StaffTrainingWithdrawn{EnrollmentID: "nope", Reason: "x"}, "2021-06-01", n)
		}, app.EUnknownEnrollment, "data.enrollment_id"},
		{"withdrawal of a completed enrolment", func() (app.Result, error) {
			return st.WithdrawTraining(events.StaffTrainingWithdrawn{EnrollmentID: "done", Reason: "x"}, "2021-06-01", n)
		}, app.EInvalidState, "data.enrollment_id"},
		{"withdrawn before it started", func() (app.Result, error) {
			return st.WithdrawTraining(events.StaffTrainingWithdrawn{EnrollmentID: "e1", Reason: "x"}, "2021-02-28", n)
		}, app.EDateOrder, "occurred_on"},
		{"withdrawal without a reason", func() (app.Result, error) {
			return st.WithdrawTraining(events.StaffTrainingWithdrawn{EnrollmentID: "e1"}, "2021-06-01", n)
		}, events.EINVALID, "data.reason"},
		{"withdrawal in another stream", func() (app.Result, error) {
			return recordVia(a, "staff-a", "2021-06-01", events.StaffTrainingWithdrawn{EnrollmentID: "e1", Reason: "x"})
		}, app.EWrongStream, "stream"},
		{"plan with a bad period", func() (app.Result, error) {
			return st.PlanTraining(events.StaffTrainingPlanned{SchoolID: "sonla", Program: events.ProgramCaoHoc, Count: 1, Period: "2021-H3"}, "2021-06-01", n)
		}, events.EINVALID, "data.period"},
		{"plan with a bad period, imported", func() (app.Result, error) {
			return recordVia(a, "school-sonla-2021", "2021-06-01", events.StaffTrainingPlanned{SchoolID: "sonla", Program: events.ProgramCaoHoc, Count: 1, Period: "H2"})
		}, events.EINVALID, "data.period"},
		{"plan in another year's stream", func() (app.Result, error) {
			return recordVia(a, "school-sonla-2022", "2021-06-01", events.StaffTrainingPlanned{SchoolID: "sonla", Program: events.ProgramCaoHoc, Count: 1, Period: "2021-H2"})
		}, app.EWrongStream, "stream"},
		{"plan of an unknown school", func() (app.Result, error) {
			return st.PlanTraining(events.StaffTrainingPlanned{SchoolID: "hanoi", Program: events.ProgramCaoHoc, Count: 1, Period: "2021-H2"}, "2021-06-01", n)
		}, app.EUnknownSchool, "data.school_id"},
		{"plan with a negative count", func() (app.Result, error) {
			return st.PlanTraining(events.StaffTrainingPlanned{SchoolID: "sonla", Program: events.ProgramCaoHoc, Count: -1, Period: "2021-H2"}, "2021-06-01", n)
		}, events.EINVALID, "data.count"},
		{"plan of an unknown programme", func() (app.Result, error) {
			return st.PlanTraining(events.StaffTrainingPlanned{SchoolID: "sonla", Program: "x", Count: 1, Period: "2021-H2"}, "2021-06-01", n)
		}, events.EINVALID, "data.program"},
	}
	expectRefusals(t, a, cases)
}

// An import file goes through the same validation: a line that breaks a
// rule refuses the whole file, naming the line; later lines see earlier ones.
func TestStaffTrainingImportValidates(t *testing.T) {
	a := openApp(t)
	importLines(t, a, baseCluster...)
	before := eventCount(t, a)
	staffLine := `{"type":"StaffMemberRecorded","stream":"staff-a","occurred_on":"2021-01-01","data":{"staff_id":"a","school_id":"sonla","full_name":"Lò Văn A","unit":"Khoa Xây dựng Đảng","position":"Giảng viên"},"meta":{}}`
	startLine := `{"type":"StaffTrainingStarted","stream":"enrollment-e1","occurred_on":"2021-03-01","data":{"enrollment_id":"e1","staff_id":"a","school_id":"sonla","program":"cao_hoc","institution":"Học viện Báo chí và Tuyên truyền","start_date":"2021-03-01","expected_end":"2023-03-01"},"meta":{"source":"51-BC/CTĐ"}}`
	for _, bad := range []struct {
		lines       []string
		line        int
		code, field string
	}{
		{[]string{startLine}, 1, app.EUnknownStaff, "data.staff_id"},
		{[]string{staffLine, startLine, startLine}, 3, app.EAlreadyExists, "data.enrollment_id"}, // started twice in one file
		{[]string{staffLine, startLine,
			`{"type":"StaffTrainingCompleted","stream":"enrollment-e1","occurred_on":"2021-02-01","data":{"enrollment_id":"e1","end_date":"2021-02-01"},"meta":{}}`},
			3, app.EDateOrder, "data.end_date"},
		{[]string{staffLine,
			`{"type":"StaffTrainingWithdrawn","stream":"enrollment-e9","occurred_on":"2021-02-01","data":{"enrollment_id":"e9","reason":"x"},"meta":{}}`},
			2, app.EUnknownEnrollment, "data.enrollment_id"},
		{[]string{`{"type":"StaffTrainingPlanned","stream":"school-sonla-2022","occurred_on":"2021-06-01","data":{"school_id":"sonla","program":"tc_llct","count":2,"period":"2021-H2"},"meta":{}}`},
			1, app.EWrongStream, "stream"},
	} {
		_, err := a.Import(ctx, stringsReader(bad.lines...))
		var ie *app.ImportError
		if !asImportError(err, &ie) || ie.Problems[0].Line != bad.line || ie.Problems[0].Code != bad.code || ie.Problems[0].Field != bad.field {
			t.Errorf("import %d lines: %v, want line %d %s %s", len(bad.lines), err, bad.line, bad.code, bad.field)
		}
		if eventCount(t, a) != before {
			t.Fatal("a refused file appended events")
		}
	}
	importLines(t, a, staffLine, startLine,
		`{"type":"StaffTrainingCompleted","stream":"enrollment-e1","occurred_on":"2021-07-01","data":{"enrollment_id":"e1","end_date":"2021-07-01","result":"Giỏi"},"meta":{}}`,
		`{"type":"StaffTrainingPlanned","stream":"school-sonla-2021","occurred_on":"2021-06-01","data":{"school_id":"sonla","program":"tc_llct","count":2,"period":"2021-H2"},"meta":{}}`)
	if h2 := staffFigures(t, a, "2021-H2", "sonla"); h2.Total != 1 || h2.Completed != 1 || h2.Planned != 2 {
		t.Errorf("imported 2021-H2: %+v", h2)
	}
}
