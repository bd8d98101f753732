package projections_test

import (
	"encoding/json"
	"reflect"
	"testing"

	"socai/events"
	"socai/projections"
)

func report(id, author, kind, period string, on events.Date) events.ReportSubmitted {
	return events.ReportSubmitted{ReportID: id, Author: author, Kind: kind, Period: period, DocNo: id + "/BC",
		SubmittedOn: on}
}

// openDeadlineLedger is the cluster of openEmuLedger with Sơn La as Cụm trưởng of
// 2023 and the standard calendar of 2023.
func openDeadlineLedger(t *testing.T) *emuLedger {
	t.Helper()
	l := openEmuLedger(t)
	l.addAll(cmd("cluster-mnbgpb-2023", "2023-01-05", events.ClusterRolesAssigned{ClusterID: "mnbgpb", Year: 2023, Lead: "sonla", StandingDeputy: "laichau"}))
	if _, err := l.a.Deadlines.StandardCalendar(2023, "mnbgpb"); err != nil {
		t.Fatal(err)
	}
	return l
}

func (l *emuLedger) deadlines(today events.Date, school string) map[string]projections.DeadlineStatus {
	l.t.Helper()
	list, err := projections.Deadlines(ctx, l.a.Store.DB(), 2023, today, school)
	if err != nil {
		l.t.Fatal(err)
	}
	out := map[string]projections.DeadlineStatus{}
	for _, d := range list {
		out[d.Kind] = d
	}
	return out
}

func (l *emuLedger) submit(r events.ReportSubmitted) events.Record {
	l.t.Helper()
	return l.addAll(cmd("report-"+r.ReportID, r.SubmittedOn, r))[0]
}

func wantStatus(t *testing.T, got map[string]projections.DeadlineStatus, kind, status string) projections.DeadlineStatus {
	t.Helper()
	d, ok := got[kind]
	if !ok {
		t.Fatalf("no deadline %s in %v", kind, got)
	}
	if d.Status != status {
		t.Errorf("%s (due %s): %s (%d/%d, late %d, days left %d), want %s", kind, d.DueDate, d.Status, d.Submitted,
			d.Expected, d.Late, d.DaysLeft, status)
	}
	return d
}

// The statuses at their edges: submitted on the due date is on time, a day
// later is late; due today or within 14 days is near; the day after, overdue.
func TestDeadlineStatusEdges(t *testing.T) {
	l := openDeadlineLedger(t)
	all := l.deadlines("2023-01-01", "")
	if len(all) != 7 {
		t.Fatalf("%d deadlines: %v", len(all), all)
	}
	for kind, due := range map[string]string{
		events.DeadlineKeHoachThiDua: "2023-03-05", events.DeadlineKeHoachCum: "2023-03-15", events.DeadlineSoKet: "2023-07-30",
		events.DeadlineGuiHocVien: "2023-08-10", events.DeadlineTongKetTruong: "2023-11-05", events.DeadlineTongKetCum: "2023-11-10",
		events.DeadlineHoSoKhen: "2023-11-30"} {
		if d := all[kind]; d.DueDate != due || d.KindName == kind || d.AppliesTo != "mnbgpb" {
			t.Errorf("%s: %+v", kind, d)
		}
	}
	if d := all[events.DeadlineKeHoachThiDua]; d.Expected != 3 || d.Status != projections.DeadlineChuaDen {
		t.Errorf("each school must send its plan: %+v", d)
	}
	if d := all[events.DeadlineKeHoachCum]; d.Expected != 1 || d.AppliesToName != "Cụm thi đua miền núi biên giới phía Bắc" {
		t.Errorf("the cluster sends its plan: %+v", d)
	}

	l.submit(report("kh-sonla", "sonla", events.DeadlineKeHoachThiDua, "2023", "2023-03-05"))     // on the due date
	l.submit(report("kh-laichau", "laichau", events.DeadlineKeHoachThiDua, "2023", "2023-03-06")) // a day late
	l.submit(report("kh-laichau-2022", "laichau", events.DeadlineKeHoachThiDua, "2022", "2023-03-01"))
	l.submit(report("kh-dienbien", "dienbien", events.DeadlineKeHoachThiDua, "2023", "2023-03-02"))
	l.submit(report("kh-cum", "mnbgpb", events.DeadlineKeHoachCum, "2023", "2023-03-15"))
	l.submit(report("sk-cum", "sonla", events.DeadlineSoKet, "2023-H1", "2023-07-31")) // by the Cụm trưởng, a day late

	d := wantStatus(t, l.deadlines("2023-03-10", "sonla"), events.DeadlineKeHoachThiDua, projections.DeadlineDaNop)
	if d.SubmittedOn != "2023-03-05" || d.ReportID != "kh-sonla" || d.DocNo != "kh-sonla/BC" || d.Expected != 1 {
		t.Errorf("Sơn La's plan: %+v", d)
	}
	// The report of 2022's plan, though sent before the due date, is not 2023's.
	d = wantStatus(t, l.deadlines("2023-03-10", "laichau"), events.DeadlineKeHoachThiDua, projections.DeadlineNopMuon)
	if d.SubmittedOn != "2023-03-06" || d.Late != 1 {
		t.Errorf("Lai Châu's plan: %+v", d)
	}
	d = wantStatus(t, l.deadlines("2023-03-10", ""), events.DeadlineKeHoachThiDua, projections.DeadlineNopMuon)
	if d.Expected != 3 || d.Submitted != 3 || d.Late != 1 || d.SubmittedOn != "2023-03-06" || len(d.Missing) != 0 {
		t.Errorf("the cluster's view of the plans: %+v", d)
	}
	// As of a day when a report was not sent yet, it is not seen.
	d = wantStatus(t, l.deadlines("2023-03-05", ""), events.DeadlineKeHoachThiDua, projections.DeadlineSapDen)
	if d.Submitted != 2 || len(d.Missing) != 1 || d.Missing[0] != "Trường Chính trị tỉnh Lai Châu" || d.DaysLeft != 0 {
		t.Errorf("on the due date: %+v", d)
	}
	wantStatus(t, l.deadlines("2023-03-06", "laichau"), events.DeadlineKeHoachThiDua, projections.DeadlineNopMuon)
	wantStatus(t, l.deadlines("2023-03-05", "laichau"), events.DeadlineKeHoachThiDua, projections.DeadlineSapDen)
	wantStatus(t, l.deadlines("2023-03-15", ""), events.DeadlineKeHoachCum, projections.DeadlineDaNop) // sent on the due date

	// A school sees its cluster's deadlines, met by the cluster or its lead.
	lc := l.deadlines("2023-08-01", "laichau")
	wantStatus(t, lc, events.DeadlineKeHoachCum, projections.DeadlineDaNop)
	wantStatus(t, lc, events.DeadlineSoKet, projections.DeadlineNopMuon)
	if len(lc) != 7 {
		t.Errorf("Lai Châu sees %d deadlines", len(lc))
	}

	// gui_hoc_vien, due 10/08, never sent.
	for today, status := range map[events.Date]string{
		"2023-07-26": projections.DeadlineChuaDen, // 15 days left
		"2023-07-27": projections.DeadlineSapDen,  // 14 days left
		"2023-08-10": projections.DeadlineSapDen,  // due today
		"2023-08-11": projections.DeadlineQuaHan,  // a day after
	} {
		d := wantStatus(t, l.deadlines(today, ""), events.DeadlineGuiHocVien, status)
		if d.Submitted != 0 || len(d.Missing) != 1 || d.Missing[0] != "Cụm thi đua miền núi biên giới phía Bắc" {
			t.Errorf("as of %s: %+v", today, d)
		}
	}
	// Sơ kết, due 30/07: near before the report, late once it is sent.
	wantStatus(t, l.deadlines("2023-07-30", ""), events.DeadlineSoKet, projections.DeadlineSapDen)
	wantStatus(t, l.deadlines("2023-07-31", ""), events.DeadlineSoKet, projections.DeadlineNopMuon)

	// The schools' year-end files: one of three sent, then overdue.
	l.submit(report("tk-sonla", "sonla", events.DeadlineTongKetTruong, "2023", "2023-11-01"))
	d = wantStatus(t, l.deadlines("2023-11-06", ""), events.DeadlineTongKetTruong, projections.DeadlineQuaHan)
	if d.Submitted != 1 || d.Expected != 3 || len(d.Missing) != 2 {
		t.Errorf("year-end files: %+v", d)
	}
	wantStatus(t, l.deadlines("2023-11-06", "sonla"), events.DeadlineTongKetTruong, projections.DeadlineDaNop)
	wantStatus(t, l.deadlines("2023-11-06", "laichau"), events.DeadlineTongKetTruong, projections.DeadlineQuaHan)
}

// A deadline set for one school concerns that school only.
func TestDeadlineForOneSchool(t *testing.T) {
	l := openEmuLedger(t)
	l.addAll(cmd("deadline-bs-sonla", "2023-04-01", events.DeadlineSet{DeadlineID: "bs-sonla", Year: 2023,
		Kind: events.DeadlineTongKetCum, DueDate: "2023-04-30", AppliesTo: "sonla"}))
	if got := l.deadlines("2023-04-01", "laichau"); len(got) != 0 {
		t.Errorf("Lai Châu sees %v", got)
	}
	d := wantStatus(t, l.deadlines("2023-04-01", "sonla"), events.DeadlineTongKetCum, projections.DeadlineChuaDen)
	if d.AppliesToName != "Trường Chính trị tỉnh Sơn La" || d.Expected != 1 || d.DaysLeft != 29 {
		t.Errorf("%+v", d)
	}
}

// A retracted report no longer meets its deadline; a rebuild agrees.
func TestDeadlineReportRetracted(t *testing.T) {
	l := openDeadlineLedger(t)
	l.submit(report("kh-sonla", "sonla", events.DeadlineKeHoachThiDua, "2023", "2023-03-01"))
	rec := l.submit(report("kh-laichau", "laichau", events.DeadlineKeHoachThiDua, "2023", "2023-03-02"))
	l.submit(report("kh-dienbien", "dienbien", events.DeadlineKeHoachThiDua, "2023", "2023-03-03"))
	wantStatus(t, l.deadlines("2023-03-10", ""), events.DeadlineKeHoachThiDua, projections.DeadlineDaNop)
	l.retract(rec, "2023-03-04")
	d := wantStatus(t, l.deadlines("2023-03-10", ""), events.DeadlineKeHoachThiDua, projections.DeadlineQuaHan)
	if len(d.Missing) != 1 || d.Missing[0] != "Trường Chính trị tỉnh Lai Châu" {
		t.Errorf("missing = %v", d.Missing)
	}
	before, _ := json.Marshal(l.deadlines("2023-03-10", ""))
	if err := l.a.Projections.Rebuild(ctx, nil, "deadlines"); err != nil {
		t.Fatal(err)
	}
	after, _ := json.Marshal(l.deadlines("2023-03-10", ""))
	if string(before) != string(after) {
		t.Errorf("rebuild differs:\n%s\n%s", before, after)
	}
}

// The dashboard: deadlines not yet met, nearest first, this year's overdue
// ones included and earlier years' left out.
func TestNextDeadlines(t *testing.T) {
	l := openDeadlineLedger(t)
	l.addAll(cmd("deadline-old", "2022-01-01", events.DeadlineSet{DeadlineID: "old", Year: 2022,
		Kind: events.DeadlineSoKet, DueDate: "2022-07-30", AppliesTo: "mnbgpb"}))
	next, err := projections.NextDeadlines(ctx, l.a.Store.DB(), "2023-08-11", 3)
	if err != nil {
		t.Fatal(err)
	}
	var kinds []string
	for _, d := range next {
		kinds = append(kinds, d.Kind+":"+d.Status)
	}
	// Everything of 2023 is unmet: the plans of March and the sơ kết are
	// overdue, first by due date.
	want := []string{"ke_hoach_thi_dua:qua_han", "ke_hoach_cum:qua_han", "so_ket:qua_han"}
	if !reflect.DeepEqual(kinds, want) {
		t.Errorf("next = %v, want %v", kinds, want)
	}
	l.submit(report("kh", "mnbgpb", events.DeadlineKeHoachCum, "2023", "2023-03-10"))
	next, _ = projections.NextDeadlines(ctx, l.a.Store.DB(), "2023-12-31", 0)
	kinds = kinds[:0]
	for _, d := range next {
		kinds = append(kinds, d.Kind)
	}
	if len(kinds) != 6 || kinds[0] != events.DeadlineKeHoachThiDua || kinds[1] != events.DeadlineSoKet {
		t.Errorf("unmet of 2023 = %v", kinds)
	}
	next, _ = projections.NextDeadlines(ctx, l.a.Store.DB(), "2024-01-02", 5)
	if len(next) != 0 {
		t.Errorf("2023's overdue deadlines are not next in 2024: %v", next)
	}
}
