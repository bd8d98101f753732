package app_test

import (
	"testing"
	"time"

	"socai/app"
	"socai/events"
	"socai/projections"
	"socai/vn"
)

// Every validation rule of deadlines and reports refuses with its code and
// field, and the ledger is unchanged.
func TestDeadlineValidation(t *testing.T) {
	a := openApp(t)
	importLines(t, a, baseCluster...)
	dl, n := a.Deadlines, app.Note{}
	ok := func(_ app.Result, err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	set := func(id, appliesTo string) events.DeadlineSet {
		return events.DeadlineSet{DeadlineID: id, Year: 2023, Kind: events.DeadlineSoKet, DueDate: "2023-07-30", AppliesTo: appliesTo}
	}
	ok(dl.SetDeadline(set("d-all", "all"), "2023-02-20", n))
	ok(dl.SetDeadline(set("d-school", "sonla"), "2023-02-20", n))
	ok(dl.SetDeadline(set("d-cluster", "mnbgpb"), "2023-02-20", n))
	ok(dl.SetDeadline(events.DeadlineSet{DeadlineID: "d-cluster", Year: 2023, Kind: events.DeadlineSoKet, DueDate: "2023-08-05", AppliesTo: "mnbgpb"}, "2023-06-01", n)) // moved
	r := events.ReportSubmitted{ReportID: "r1", Author: "sonla", Kind: events.DeadlineSoKet, Period: "2023-H1", DocNo: "51-BC/CTĐ", SubmittedOn: "2023-07-28"}
	ok(dl.SubmitReport(r, n))

	expectRefusals(t, a, []refusal{
		{"kind not of the calendar", func() (app.Result, error) {
			e := set("d2", "all")
			e.Kind = "bao_cao_quy"
			return dl.SetDeadline(e, "2023-02-20", n)
		}, events.EINVALID, "data.kind"},
		{"applies to nobody known", func() (app.Result, error) { return dl.SetDeadline(set("d2", "hanoi"), "2023-02-20", n) }, app.EUnknownSchool, "data.applies_to"},
		{"applies to nobody", func() (app.Result, error) { return dl.SetDeadline(set("d2", ""), "2023-02-20", n) }, events.EINVALID, "data.applies_to"},
		{"not a real due date", func() (app.Result, error) {
			e := set("d2", "all")
			e.DueDate = "2023-02-30"
			return dl.SetDeadline(e, "2023-02-20", n)
		}, events.EINVALID, "data.due_date"},
		{"deadline in another deadline's stream", recordTo(a, "deadline-d-all", "2023-02-20", set("d2", "all")), app.EWrongStream, "stream"},
		{"report recorded twice", func() (app.Result, error) { return dl.SubmitReport(r, n) }, app.EAlreadyExists, "data.report_id"},
		{"report of a bad period", func() (app.Result, error) {
			e := r
			e.ReportID, e.Period = "r2", "2023-Q1"
			return dl.SubmitReport(e, n)
		}, events.EINVALID, "data.period"},
		{"report without an author", func() (app.Result, error) {
			e := r
			e.ReportID, e.Author = "r2", ""
			return dl.SubmitReport(e, n)
		}, events.EINVALID, "data.author"},
		{"report in another report's stream", recordTo(a, "report-r1", "2023-07-28", events.ReportSubmitted{ReportID: "r2", Author: "sonla",
			Kind: events.DeadlineSoKet, Period: "2023-H1", SubmittedOn: "2023-07-28"}), app.EWrongStream, "stream"},
		{"calendar of an unknown cluster, all or nothing", func() (app.Result, error) {
			_, err := dl.StandardCalendar(2023, "hanoi")
			return app.Result{}, err
		}, app.EUnknownSchool, "data.applies_to"},
	})

	list, err := projections.Deadlines(ctx, a.Store.DB(), 2023, "2023-07-29", "")
	if err != nil {
		t.Fatal(err)
	}
	due := map[string]string{}
	for _, d := range list {
		due[d.DeadlineID] = d.DueDate + " " + d.Status
	}
	// d-all: the sơ kết of every cluster; Sơn La is not the Cụm trưởng (no
	// roles assigned), so its report does not meet it. d-school: Sơn La sent
	// its report on time. d-cluster was moved to 05/08.
	want := map[string]string{"d-all": "2023-07-30 sap_den", "d-school": "2023-07-30 da_nop", "d-cluster": "2023-08-05 sap_den"}
	for id, w := range want {
		if due[id] != w {
			t.Errorf("%s = %q, want %q", id, due[id], w)
		}
	}
}

// The standard calendar of Công văn 3552-CV/HVCTQG: seven deadlines in one
// transaction, the same ids when recorded again.
func TestStandardCalendar(t *testing.T) {
	a := openApp(t)
	importLines(t, a, baseCluster...)
	year := time.Now().In(vn.Zone).Year()
	res, err := a.Deadlines.StandardCalendar(year, "mnbgpb")
	if err != nil {
		t.Fatal(err)
	}
	if len(res) != 7 || res[0].ID != "mnbgpb-"+dlItoa(year)+"-ke_hoach_thi_dua" || res[6].Stream != "deadline-mnbgpb-"+dlItoa(year)+"-ho_so_khen" {
		t.Errorf("results = %+v", res)
	}
	recs, _ := a.Store.ReadStream(ctx, res[4].Stream)
	if meta, _ := recs[0].DecodeMeta(); meta.Source != "3552-CV/HVCTQG" || recs[0].Type != "DeadlineSet" {
		t.Errorf("meta = %+v", meta)
	}
	if _, err := a.Deadlines.StandardCalendar(year, "mnbgpb"); err != nil {
		t.Fatal(err)
	}
	list, err := a.Deadlines.List(year, "")
	if err != nil {
		t.Fatal(err)
	}
	wantDue := []string{"03-05", "03-15", "07-30", "08-10", "11-05", "11-10", "11-30"}
	if len(list) != 7 {
		t.Fatalf("%d deadlines after recording the calendar twice", len(list))
	}
	for i, d := range list {
		if d.DueDate[5:] != wantDue[i] || projections.DeadlineStatusNames[d.Status] == "" || d.KindName == d.Kind {
			t.Errorf("deadline %d = %+v", i, d)
		}
	}
	next, err := a.Deadlines.Next(2)
	if err != nil || len(next) > 2 {
		t.Errorf("next = %v %v", next, err)
	}
	for _, d := range next {
		if d.Status == projections.DeadlineDaNop || d.Status == projections.DeadlineNopMuon {
			t.Errorf("a met deadline is next: %+v", d)
		}
	}
	mine, err := a.Deadlines.List(year, "sonla")
	if err != nil || len(mine) != 7 {
		t.Errorf("Sơn La's deadlines = %d %v", len(mine), err)
	}
}

func dlItoa(n int) string { return events.Itoa(int64(n)) }
