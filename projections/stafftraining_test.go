package projections_test

import (
	"encoding/json"
	"path/filepath"
	"testing"

	"socai/events"
	"socai/projections"
)

// areaLedger is a store with every projection attached; events are appended
// raw, without the app's validation, to test the projections alone.
type areaLedger struct {
	t *testing.T
	s *events.Store
	r *projections.Runner
}

func openAreaLedger(t *testing.T) *areaLedger {
	t.Helper()
	s, err := events.Open(filepath.Join(t.TempDir(), "socai.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	r, err := projections.Attach(ctx, s, nil, projections.All()...)
	if err != nil {
		t.Fatal(err)
	}
	l := &areaLedger{t: t, s: s, r: r}
	l.add("cluster-mnbgpb", "2021-01-01", events.ClusterFormed{ClusterID: "mnbgpb", Name: "Cụm miền núi biên giới phía Bắc"})
	l.add("school-sonla", "2021-01-01", events.SchoolRegistered{SchoolID: "sonla", Name: "Trường Chính trị tỉnh Sơn La",
		Province: "Sơn La", ClusterID: "mnbgpb"})
	l.add("school-laichau", "2021-01-01", events.SchoolRegistered{SchoolID: "laichau", Name: "Trường Chính trị tỉnh Lai Châu",
		Province: "Lai Châu", ClusterID: "mnbgpb"})
	return l
}

func (l *areaLedger) add(stream string, on events.Date, p events.Payload) events.Record {
	l.t.Helper()
	recs, err := l.s.Append(ctx, stream, events.AnyVersion, events.Event{OccurredOn: on, Data: p,
		Meta: events.Meta{Actor: "tester"}})
	if err != nil {
		l.t.Fatal(err)
	}
	return recs[0]
}

func (l *areaLedger) retract(rec events.Record, on events.Date) {
	l.t.Helper()
	l.add(rec.Stream, on, events.EventRetracted{EventID: rec.ID, Reason: "nhập nhầm"})
}

func (l *areaLedger) period(s string) projections.Period {
	l.t.Helper()
	p, err := projections.ParsePeriod(s)
	if err != nil {
		l.t.Fatal(err)
	}
	return p
}

func (l *areaLedger) staff(period, school string) projections.StaffTrainingReport {
	l.t.Helper()
	rep, err := projections.StaffTrainingFigures(ctx, l.s.DB(), l.period(period), school)
	if err != nil {
		l.t.Fatal(err)
	}
	return rep
}

// asJSON is a report as the UI receives it.
func asJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func programCounts(rep projections.StaffTrainingReport) map[string]int64 {
	out := map[string]int64{}
	for _, pc := range rep.ByProgram {
		if pc.Count != 0 {
			out[pc.Program] = pc.Count
		}
	}
	return out
}

func sameCounts(a, b map[string]int64) bool {
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

func started(id, staff, school, program string, start events.Date) events.StaffTrainingStarted {
	return events.StaffTrainingStarted{EnrollmentID: id, StaffID: staff, SchoolID: school, Program: program,
		Institution: "Học viện Chính trị quốc gia Hồ Chí Minh", StartDate: start}
}

// An enrolment counts one lượt in every period it overlaps: started on or
// before the end, not completed or withdrawn before the start.
func TestStaffTrainingCountingRule(t *testing.T) {
	l := openAreaLedger(t)
	l.add("staff-a", "2021-01-01", events.StaffMemberRecorded{StaffID: "a", SchoolID: "sonla", FullName: "Lò Văn A", Unit: "Khoa Lý luận"})
	l.add("staff-b", "2021-01-01", events.StaffMemberRecorded{StaffID: "b", SchoolID: "laichau", FullName: "Tòng Thị B"})

	// Three periods: 2021-H1, 2021-H2, 2022-H1.
	l.add("enrollment-long", "2021-03-01", started("long", "a", "sonla", events.ProgramCaoHoc, "2021-03-01"))
	longDone := l.add("enrollment-long", "2022-02-10", events.StaffTrainingCompleted{EnrollmentID: "long", EndDate: "2022-02-10", Result: "Giỏi"})
	// Finished on the first day of 2021-H2: counts in it.
	l.add("enrollment-edge", "2020-09-01", started("edge", "a", "sonla", events.ProgramBDChuyenMon, "2020-09-01"))
	l.add("enrollment-edge", "2021-07-01", events.StaffTrainingCompleted{EnrollmentID: "edge", EndDate: "2021-07-01"})
	// Withdrawn the day before 2021-H2: not in it.
	l.add("enrollment-quit", "2021-01-10", started("quit", "b", "laichau", events.ProgramVanBang2, "2021-01-10"))
	l.add("enrollment-quit", "2021-06-30", events.StaffTrainingWithdrawn{EnrollmentID: "quit", Reason: "chuyển công tác"})
	// Started on the last day of 2021-H1 / on the first day of 2021-H2.
	l.add("enrollment-jun30", "2021-06-30", started("jun30", "b", "laichau", events.ProgramTCLLCT, "2021-06-30"))
	lateStart := l.add("enrollment-jul01", "2021-07-01", started("jul01", "b", "laichau", events.ProgramCCLLCT, "2021-07-01"))
	// Planned for 2021-H2.
	l.add("school-sonla-2021", "2021-06-15", events.StaffTrainingPlanned{SchoolID: "sonla", Program: events.ProgramVanBang2, Count: 3, Period: "2021-H2"})

	h1 := l.staff("2021-H1", "")
	if want := map[string]int64{"cao_hoc": 1, "bd_chuyen_mon": 1, "van_bang_2": 1, "tc_llct": 1}; !sameCounts(programCounts(h1), want) || h1.Total != 4 {
		t.Errorf("2021-H1: total %d %v, want 4 %v", h1.Total, programCounts(h1), want)
	}
	if h1.Started != 3 || h1.Completed != 0 || h1.Withdrawn != 1 || h1.Planned != 0 {
		t.Errorf("2021-H1: started %d completed %d withdrawn %d planned %d", h1.Started, h1.Completed, h1.Withdrawn, h1.Planned)
	}
	h2 := l.staff("2021-H2", "")
	if want := map[string]int64{"cao_hoc": 1, "bd_chuyen_mon": 1, "tc_llct": 1, "cc_llct": 1}; !sameCounts(programCounts(h2), want) || h2.Total != 4 {
		t.Errorf("2021-H2: total %d %v, want 4 %v", h2.Total, programCounts(h2), want)
	}
	if h2.Started != 1 || h2.Completed != 1 || h2.Withdrawn != 0 || h2.Planned != 3 {
		t.Errorf("2021-H2: started %d completed %d withdrawn %d planned %d", h2.Started, h2.Completed, h2.Withdrawn, h2.Planned)
	}
	if h2.ByProgram[1].Program != events.ProgramVanBang2 || h2.ByProgram[1].Planned != 3 || h2.ByProgram[1].Name != "Văn bằng 2" {
		t.Errorf("2021-H2 van_bang_2: %+v", h2.ByProgram[1])
	}
	y22 := l.staff("2022-H1", "")
	if want := map[string]int64{"cao_hoc": 1, "tc_llct": 1, "cc_llct": 1}; !sameCounts(programCounts(y22), want) {
		t.Errorf("2022-H1: %v, want %v", programCounts(y22), want)
	}
	// The long enrolment counts once in the year, not once per half.
	y21 := l.staff("2021", "")
	if y21.Total != 5 || programCounts(y21)["cao_hoc"] != 1 || y21.Planned != 3 {
		t.Errorf("2021: total %d %v planned %d, want 5 lượt, one cao học", y21.Total, programCounts(y21), y21.Planned)
	}
	// Programme order and names, every programme present.
	if len(y21.ByProgram) != len(events.Programs) {
		t.Fatalf("by_program has %d rows", len(y21.ByProgram))
	}
	for i, pc := range y21.ByProgram {
		if pc.Program != events.Programs[i] || pc.Name != projections.ProgramNames[pc.Program] || pc.Name == "" {
			t.Errorf("by_program[%d] = %+v", i, pc)
		}
	}
	// By school, every school of the cluster, by name.
	if len(y21.BySchool) != 2 || y21.BySchool[0].SchoolID != "laichau" || y21.BySchool[0].Total != 3 ||
		y21.BySchool[1].Total != 2 || y21.BySchool[1].ByProgram["cao_hoc"] != 1 || y21.BySchool[1].ByProgram["nghien_cuu_sinh"] != 0 {
		t.Errorf("by_school = %+v", y21.BySchool)
	}
	one := l.staff("2021-H1", "sonla")
	if one.Total != 2 || len(one.BySchool) != 1 || one.School != "sonla" {
		t.Errorf("sonla 2021-H1: %+v", one)
	}
	// A custom range inside H1, after the withdrawal.
	if r := l.staff("2021-06-30..2021-06-30", ""); r.Total != 4 {
		t.Errorf("30/06/2021: %d lượt, want 4", r.Total)
	}
	if r := l.staff("2021-07-01..2021-07-01", ""); r.Total != 4 || r.Completed != 1 {
		t.Errorf("01/07/2021: %d lượt, %d completed", r.Total, r.Completed)
	}

	// Retracting the completion leaves the long enrolment ongoing; retracting
	// a start removes the enrolment.
	l.retract(longDone, "2022-03-01")
	l.retract(lateStart, "2022-03-01")
	if r := l.staff("2022-H2", ""); r.Total != 2 || programCounts(r)["cao_hoc"] != 1 || programCounts(r)["cc_llct"] != 0 {
		t.Errorf("2022-H2 after retractions: %d %v", r.Total, programCounts(r))
	}
	if r := l.staff("2021-H2", ""); r.Total != 3 || r.Started != 0 {
		t.Errorf("2021-H2 after retractions: total %d started %d", r.Total, r.Started)
	}
	var before []string
	for _, p := range []string{"2021-H1", "2021-H2", "2021", "2022-H1", "2022-H2"} {
		before = append(before, asJSON(t, l.staff(p, "")))
	}
	if err := l.r.Rebuild(ctx, nil, "stafftraining"); err != nil {
		t.Fatal(err)
	}
	for i, p := range []string{"2021-H1", "2021-H2", "2021", "2022-H1", "2022-H2"} {
		if got := asJSON(t, l.staff(p, "")); got != before[i] {
			t.Errorf("%s after rebuild:\n%s\nbefore:\n%s", p, got, before[i])
		}
	}

	list, err := projections.Enrollments(ctx, l.s.DB(), "")
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 4 || list[0].EnrollmentID != "jun30" || list[0].FullName != "Tòng Thị B" || list[0].ProgramName != "Trung cấp LLCT-HC" {
		t.Errorf("enrollments = %+v", list)
	}
	byID := map[string]projections.EnrollmentInfo{}
	for _, e := range list {
		byID[e.EnrollmentID] = e
	}
	if e := byID["quit"]; e.Status != projections.EnrollmentWithdrawn || e.EndDate != "2021-06-30" || e.Reason != "chuyển công tác" {
		t.Errorf("withdrawn enrolment: %+v", e)
	}
	if e := byID["long"]; e.Status != projections.EnrollmentOngoing || e.EndDate != "" {
		t.Errorf("long enrolment after its completion was retracted: %+v", e)
	}
	staff, err := projections.Staff(ctx, l.s.DB(), "sonla")
	if err != nil {
		t.Fatal(err)
	}
	if len(staff) != 1 || staff[0].FullName != "Lò Văn A" || staff[0].Enrollments != 2 || staff[0].Ongoing != 1 {
		t.Errorf("staff = %+v", staff)
	}
}

// The JSON the UI and `socai report --json` get.
func TestStaffTrainingJSONShape(t *testing.T) {
	l := openAreaLedger(t)
	raw := asJSON(t, l.staff("2021-H1", ""))
	var m map[string]any
	if err := json.Unmarshal([]byte(raw), &m); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"period", "school", "total", "by_program", "by_school", "started", "completed"} {
		if _, ok := m[k]; !ok {
			t.Errorf("key %q missing from %s", k, raw)
		}
	}
	row := m["by_program"].([]any)[0].(map[string]any)
	for _, k := range []string{"program", "name", "count"} {
		if _, ok := row[k]; !ok {
			t.Errorf("by_program key %q missing", k)
		}
	}
	school := m["by_school"].([]any)[0].(map[string]any)
	for _, k := range []string{"school_id", "name", "total", "by_program"} {
		if _, ok := school[k]; !ok {
			t.Errorf("by_school key %q missing", k)
		}
	}
}
