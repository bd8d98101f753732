package app_test

// Cross-inspection of the reference case: the cluster report 51-BC/CTĐ as
// sent (the demo's ReportSubmitted) against the demo ledger. Its totals
// match the ledger; its breakdown of new classes by class type does not add
// up to its own totals (DESIGN.md), and the inspection says so.

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"

	"socai/app"
	"socai/events"
	"socai/projections"
)

// openDemoInspection loads the demo and opens an inspection of the cluster
// for 2021-H1 with the figures of 51-BC/CTĐ.
func openDemoInspection(t *testing.T) *app.App {
	t.Helper()
	a := openApp(t)
	if _, err := a.LoadDemo(ctx); err != nil {
		t.Fatal(err)
	}
	note := app.Note{Reason: "Kiểm tra chéo sơ kết 6 tháng đầu năm 2021"}
	if _, err := a.Inspections.Open(events.InspectionOpened{InspectionID: "kt-2021-h1", Inspector: "Nguyễn Văn An",
		Inspected: app.DemoClusterID, Period: "2021-H1", Members: []string{"Lò Thị Hoa", " "}}, "2021-09-06", note); err != nil {
		t.Fatal(err)
	}
	if _, err := a.Inspections.TakeFromReport("kt-2021-h1", app.DemoReportID, "2021-09-06", note); err != nil {
		t.Fatal(err)
	}
	return a
}

func TestInspectionOfTheReferenceReport(t *testing.T) {
	a := openDemoInspection(t)
	c, err := a.Inspections.Compare("kt-2021-h1")
	if err != nil {
		t.Fatal(err)
	}
	if c.Inspection.ReportID != app.DemoReportID || c.Inspection.FiguresSource != "51-BC/CTĐ" ||
		len(c.Inspection.Members) != 1 || c.Frozen {
		t.Errorf("inspection %+v", c.Inspection)
	}
	rows := map[string]projections.ComparedFigure{}
	for _, f := range c.Figures {
		rows[f.Key] = f
	}

	// The totals the report states are the ledger's: khớp.
	for key, want := range map[string]float64{
		"classplans.target.classes": 323, "classplans.target.students": 20399,
		"classplans.executed.classes": 260, "classplans.executed.students": 16182,
		"classplans.carried.classes": 147, "classplans.carried.students": 9852,
		"classplans.new.classes": 113, "classplans.new.students": 6330,
		"classplans.school.quangninh.executed.classes": 107, "classplans.school.quangninh.executed.students": 6118,
		"stafftraining.total": 86, "stafftraining.program.cao_hoc": 12, "stafftraining.program.van_bang_2": 11,
		"stafftraining.program.tc_llct": 6, "stafftraining.program.cc_llct": 6,
		"stafftraining.program.hoan_chinh_cc_llct": 12, "stafftraining.program.bd_chuyen_mon": 39,
		"research.active.total": 83, "research.active.level.bo_tinh": 4, "research.active.level.co_so": 64,
		"research.active.level.khoa_phong": 15, "research.bulletins.issues": 9, "research.bulletins.articles": 175,
		"research.bulletins.schools": 7, "research.websites.with": 8,
	} {
		r, ok := rows[key]
		if !ok || r.Reported == nil || r.Computed == nil || *r.Reported != want || *r.Computed != want ||
			r.Status != projections.CompareKhop || r.StatusName != "Khớp" || *r.Difference != 0 {
			t.Errorf("%s: %+v, want %v khớp", key, r, want)
		}
	}

	// Each class type's new classes: khớp exactly where the report's number
	// is the ledger's, chênh lệch elsewhere; the ledger's own by-type figures
	// are what it is compared with.
	h1, _ := projections.ParsePeriod("2021-H1")
	cp, err := projections.ClassPlanFigures(ctx, a.DB(), h1, "")
	if err != nil {
		t.Fatal(err)
	}
	ledger := map[string]projections.Count{}
	for _, r := range cp.ByType {
		ledger[r.Key] = r.New
	}
	differ := 0
	for key, r := range rows {
		typ, ok := strings.CutPrefix(key, "classplans.type.")
		if !ok || r.Reported == nil {
			continue
		}
		typ, measure, _ := strings.Cut(typ, ".")
		want := float64(ledger[typ].Classes)
		if measure == "new.students" {
			want = float64(ledger[typ].Students)
		}
		status := projections.CompareKhop
		if *r.Reported != want {
			status = projections.CompareChenhLech
			differ++
		}
		if *r.Computed != want || r.Status != status || *r.Difference != *r.Reported-want {
			t.Errorf("%s: %+v, ledger %v, want %s", key, r, want, status)
		}
	}
	if differ == 0 {
		t.Error("no class type of the report differs from the ledger")
	}
	if r := rows["classplans.type.bd-dang-doan-the.new.classes"]; r.Status != projections.CompareKhop || *r.Computed != 0 {
		t.Errorf(`"Các lớp Đảng, đoàn thể: Không" against a ledger with none: %+v`, r)
	}

	// The report against itself: its breakdown by class type sums to 169 /
	// 10.193, not the 113 / 6.330 it states; the other breakdowns add up.
	checks := map[string]projections.ConsistencyCheck{}
	for _, k := range c.Consistency {
		checks[k.Key] = k
	}
	for key, want := range map[string]struct {
		total, sum float64
		status     string
	}{
		"classplans.type.*.new.classes":   {113, 169, projections.CompareChenhLech},
		"classplans.type.*.new.students":  {6330, 10193, projections.CompareChenhLech},
		"classplans.carried+new.classes":  {260, 260, projections.CompareKhop},
		"classplans.carried+new.students": {16182, 16182, projections.CompareKhop},
		"stafftraining.program.*":         {86, 86, projections.CompareKhop},
		"research.active.level.*":         {83, 83, projections.CompareKhop},
		// only Quảng Ninh is named: not a contradiction, a partial breakdown
		"classplans.school.*.executed.classes": {260, 107, projections.CompareThieu},
	} {
		k, ok := checks[key]
		if !ok || k.Total != want.total || k.Sum != want.sum || k.Status != want.status || k.Difference != want.sum-want.total {
			t.Errorf("%s: %+v, want total %v sum %v %s", key, k, want.total, want.sum, want.status)
		}
	}
	if k := checks["classplans.type.*.new.classes"]; len(k.Parts) != 13 || !k.Complete || k.StatusName != "Chênh lệch" {
		t.Errorf("class-type check: %+v", k)
	}
	s := c.Summary
	if s.Reported != len(app.DemoReportFigures()) || s.Khop+s.ChenhLech+s.KhongTinh != s.Reported || s.ChenhLech != differ ||
		s.ChecksChenhLech != 2 || !c.Differs() {
		t.Errorf("summary %+v (%d class-type figures differ)", s, differ)
	}
	heads, err := a.Store.Heads(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Digests) != 1 || c.Digests[0].Full != heads[0].Origin+":"+itoa(heads[0].OriginSeq)+":"+heads[0].Hash ||
		!strings.HasPrefix(c.Digests[0].Full, strings.SplitN(c.Digests[0].Short, ":", 2)[0]) {
		t.Errorf("digests %+v, heads %+v", c.Digests, heads)
	}
}

func itoa(n int64) string { b, _ := json.Marshal(n); return string(b) }

// Findings, the close, and the report of the closed inspection: compared
// with the ledger as it stood at the close, whatever is recorded after.
func TestInspectionFindingsCloseAndReport(t *testing.T) {
	a := openDemoInspection(t)
	s := a.Inspections
	c, err := s.Compare("kt-2021-h1")
	if err != nil {
		t.Fatal(err)
	}
	var tc projections.ComparedFigure
	for _, f := range c.Figures {
		if f.Key == "classplans.type.tc-llct-hc.new.classes" {
			tc = f
		}
	}
	note := app.Note{}
	for _, f := range []events.InspectionFindingRecorded{
		{InspectionID: "kt-2021-h1", Subject: tc.Key, Reported: tc.Reported, Verified: tc.Computed, Status: events.FindingChenhLech,
			Note: "Báo cáo tính cả lớp khai giảng tháng 7"},
		{InspectionID: "kt-2021-h1", Subject: "classplans.type.*.new.classes", Status: events.FindingChenhLech,
			Note: "Cơ cấu theo loại lớp cộng lại 169 lớp, không phải 113"},
		{InspectionID: "kt-2021-h1", Subject: "Hồ sơ lớp của Trường Chính trị tỉnh Lai Châu", Status: events.FindingThieuMinhChung,
			Note: "Chưa xuất trình quyết định mở lớp"},
	} {
		if _, err := s.RecordFinding(f, "2021-09-07", note); err != nil {
			t.Fatal(err)
		}
	}
	before, err := a.Store.Heads(ctx)
	if err != nil {
		t.Fatal(err)
	}
	conclusion := "Tổng số lớp, học viên báo cáo đúng với sổ cái; cơ cấu theo loại lớp phải lập lại."
	if _, err := s.Close(events.InspectionClosed{InspectionID: "kt-2021-h1", Conclusion: conclusion}, "2021-09-08", note); err != nil {
		t.Fatal(err)
	}
	d, err := s.Get("kt-2021-h1")
	if err != nil {
		t.Fatal(err)
	}
	if d.Inspection.Status != projections.InspectionClosed || d.Inspection.Conclusion != conclusion ||
		d.Inspection.ClosedOn != "2021-09-08" || len(d.Findings) != 3 || d.Findings[0].Actor != "tester" ||
		len(d.Inspection.Heads) != 1 || d.Inspection.Heads[0].OriginSeq != before[0].OriginSeq ||
		d.Inspection.Heads[0].Hash != before[0].Hash {
		t.Fatalf("after close: %+v, heads before %+v", d, before)
	}

	// A class recorded after the close changes the ledger, not the inspection.
	if _, err := a.ClassPlans.OpenClass(open("muon-2021", "sonla", "tc-llct-hc", 60, "2021-06-01"), note); err != nil {
		t.Fatal(err)
	}
	after, err := s.Compare("kt-2021-h1")
	if err != nil {
		t.Fatal(err)
	}
	h1, _ := projections.ParsePeriod("2021-H1")
	live, _ := projections.Figures(ctx, a.DB(), h1, "")
	if projections.FigureMap(live)["classplans.executed.classes"] != 261 {
		t.Fatalf("the class recorded late is not in the live figures")
	}
	if !after.Frozen || jsonOf(t, after.FigureComparison) != jsonOf(t, c.FigureComparison) ||
		after.Digests[0].Full != before[0].Origin+":"+itoa(before[0].OriginSeq)+":"+before[0].Hash {
		t.Errorf("the closed inspection moved with the ledger: frozen %v, digests %+v", after.Frozen, after.Digests)
	}

	rep, err := s.Report("kt-2021-h1")
	if err != nil {
		t.Fatal(err)
	}
	checkReportJSON(t, rep, before[0])
	checkReportHTML(t, rep, before[0], conclusion)

	// Nothing more can be recorded on a closed inspection.
	expectRefusals(t, a, []refusal{
		{"finding after the close", func() (app.Result, error) {
			return s.RecordFinding(events.InspectionFindingRecorded{InspectionID: "kt-2021-h1", Subject: "x", Status: "khop"}, "2021-09-09", note)
		}, app.EInvalidState, "data.inspection_id"},
		{"closed twice", func() (app.Result, error) {
			return s.Close(events.InspectionClosed{InspectionID: "kt-2021-h1", Conclusion: "lần hai"}, "2021-09-09", note)
		}, app.EInvalidState, "data.inspection_id"},
		{"figures after the close", func() (app.Result, error) {
			return s.TakeFromReport("kt-2021-h1", app.DemoReportID, "2021-09-09", note)
		}, app.EInvalidState, "data.inspection_id"},
	})
	sameAfterRebuild(t, a, []string{"kt-2021-h1"}, func(id string) any {
		d, err := s.Get(id)
		if err != nil {
			t.Fatal(err)
		}
		return d
	})
}

func checkReportJSON(t *testing.T, rep app.InspectionReport, head events.Head) {
	t.Helper()
	f, err := rep.File("json")
	if err != nil {
		t.Fatal(err)
	}
	var got struct {
		Inspection struct {
			InspectionID string `json:"inspection_id"`
			Status       string
		}
		Figures []struct {
			Key                string
			Reported, Computed *float64
			Status             string
		}
		Consistency []struct {
			Key        string
			Total, Sum float64
			Status     string
		}
		Findings []struct{ Subject, Label, Status, Note string }
		Digests  []struct{ Short, Full string }
		MadeAt   string `json:"made_at"`
		Source   string
	}
	if err := json.Unmarshal([]byte(f.Content), &got); err != nil {
		t.Fatalf("report JSON: %v", err)
	}
	if f.Name != "bien-ban-kiem-tra-cheo-kt-2021-h1.json" || got.Inspection.InspectionID != "kt-2021-h1" ||
		got.Inspection.Status != "closed" || got.Source != "Báo cáo số 51-BC/CTĐ ngày 12/08/2021" {
		t.Errorf("report JSON: %s, %+v", f.Name, got.Inspection)
	}
	if _, err := time.Parse(time.RFC3339, got.MadeAt); err != nil {
		t.Errorf("made_at %q: %v", got.MadeAt, err)
	}
	full := head.Origin + ":" + itoa(head.OriginSeq) + ":" + head.Hash
	if len(got.Digests) != 1 || got.Digests[0].Full != full {
		t.Errorf("report JSON digests %+v, want %s", got.Digests, full)
	}
	if d, err := events.ParseDigest(got.Digests[0].Short); err != nil || d.OriginSeq != head.OriginSeq {
		t.Errorf("short digest %q: %v", got.Digests[0].Short, err)
	}
	found := false
	for _, r := range got.Figures {
		if r.Key == "classplans.executed.students" {
			found = *r.Reported == 16182 && *r.Computed == 16182 && r.Status == "khop"
		}
	}
	if !found {
		t.Error("report JSON: no classplans.executed.students 16182 khop")
	}
	if len(got.Findings) != 3 || !strings.HasPrefix(got.Findings[0].Label, "Trung cấp lý luận chính trị - hành chính: mở mới") ||
		got.Findings[1].Label != "Mở mới (lớp) – cộng theo loại lớp" {
		t.Errorf("report JSON findings %+v", got.Findings)
	}
}

// checkReportHTML parses the printable report and reads its tables.
func checkReportHTML(t *testing.T, rep app.InspectionReport, head events.Head, conclusion string) {
	t.Helper()
	f, err := rep.File("html")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := html.Parse(strings.NewReader(f.Content))
	if err != nil {
		t.Fatal(err)
	}
	cells := map[string][]string{} // data-key (or data-full, id) → texts of its cells
	var texts []string
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			for _, a := range n.Attr {
				switch a.Key {
				case "data-key", "data-subject":
					name := a.Val
					if a.Key == "data-subject" {
						name = "finding:" + a.Val
					}
					var tds []string
					for td := n.FirstChild; td != nil; td = td.NextSibling {
						if td.Type == html.ElementNode && td.Data == "td" {
							tds = append(tds, textOf(td))
						}
					}
					cells[name] = tds
				case "data-full":
					cells["digest"] = append(cells["digest"], a.Val)
				case "id":
					cells["#"+a.Val] = []string{textOf(n)}
				}
			}
		}
		if n.Type == html.TextNode {
			texts = append(texts, n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	all := strings.Join(texts, " ")
	for _, want := range []string{"ĐẢNG CỘNG SẢN VIỆT NAM", "BIÊN BẢN KIỂM TRA CHÉO", "ĐOÀN KIỂM TRA CHÉO",
		"CỤM THI ĐUA CÁC TRƯỜNG CHÍNH TRỊ KHU VỰC MIỀN NÚI BIÊN GIỚI PHÍA BẮC", "6 tháng đầu năm 2021", "Nơi nhận:",
		"Đồng chí Nguyễn Văn An, trưởng đoàn", "Đồng chí Lò Thị Hoa, thành viên"} {
		if !strings.Contains(all, want) {
			t.Errorf("report HTML: no %q", want)
		}
	}
	if !strings.Contains(f.Content, `font-family: "Times New Roman"`) || !strings.Contains(f.Content, "size: A4") {
		t.Error("report HTML is not an A4 Times New Roman page")
	}
	if got := cells["#place-date"]; len(got) != 1 || got[0] != "Sơn La, ngày 08 tháng 9 năm 2021" {
		t.Errorf("place and date %q", got)
	}
	for key, want := range map[string][]string{
		"classplans.executed.students":           {"Thực hiện (học viên)", "học viên", "16.182", "16.182", "0", "Khớp"},
		"classplans.type.tc-llct-hc.new.classes": nil, // checked below: reported 69, chênh lệch
		"classplans.type.*.new.classes":          {"Mở mới (lớp) – cộng theo loại lớp", "113", "169", "+56", "Chênh lệch"},
		"classplans.type.*.new.students":         {"Mở mới (học viên) – cộng theo loại lớp", "6.330", "10.193", "+3.863", "Chênh lệch"},
	} {
		got := cells[key]
		if want == nil {
			if len(got) != 7 || got[3] != "69" || got[6] != "Chênh lệch" {
				t.Errorf("report HTML %s: %q", key, got)
			}
			continue
		}
		if len(got) != len(want)+1 || strings.Join(got[1:], "|") != strings.Join(want, "|") {
			t.Errorf("report HTML %s: %q, want %q", key, got, want)
		}
	}
	if got := cells["finding:Hồ sơ lớp của Trường Chính trị tỉnh Lai Châu"]; len(got) != 6 || got[4] != "Thiếu minh chứng" ||
		got[5] != "Chưa xuất trình quyết định mở lớp" {
		t.Errorf("report HTML finding: %q", got)
	}
	full := head.Origin + ":" + itoa(head.OriginSeq) + ":" + head.Hash
	if got := cells["digest"]; len(got) != 1 || got[0] != full {
		t.Errorf("report HTML digest %q, want %s", got, full)
	}
	if got := cells["#conclusion"]; len(got) != 1 || got[0] != conclusion {
		t.Errorf("report HTML conclusion %q", got)
	}
	if got := cells["#made-at"]; len(got) != 1 || !strings.HasPrefix(got[0], "Biên bản lập lúc ") {
		t.Errorf("report HTML made at %q", got)
	}
}

func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return strings.TrimSpace(b.String())
}

// Every refusal names its field, speaks Vietnamese and records nothing.
func TestInspectionRefusals(t *testing.T) {
	a := openDemoInspection(t)
	s := a.Inspections
	note := app.Note{}
	opened := func(in events.InspectionOpened) func() (app.Result, error) {
		return func() (app.Result, error) { return s.Open(in, "2021-09-06", note) }
	}
	good := events.InspectionOpened{InspectionID: "kt-moi", Inspector: "Nguyễn Văn An", Inspected: "sonla", Period: "2021-H1"}
	with := func(f func(*events.InspectionOpened)) events.InspectionOpened { in := good; f(&in); return in }
	figures := func(in events.InspectionFiguresEntered, on events.Date) func() (app.Result, error) {
		return func() (app.Result, error) { return s.EnterFigures(in, on, note) }
	}
	// a report of another period, and the demo report's figures altered
	if _, err := a.Deadlines.SubmitReport(events.ReportSubmitted{ReportID: "mnbgpb-2021-tong-ket", Author: app.DemoClusterID,
		Kind: events.DeadlineTongKetCum, Period: "2021", DocNo: "70-BC/CTĐ", SubmittedOn: "2021-11-10",
		Figures: map[string]float64{"classplans.executed.classes": 480}}, note); err != nil {
		t.Fatal(err)
	}
	altered := app.DemoReportFigures()
	altered["classplans.executed.classes"] = 261

	expectRefusals(t, a, []refusal{
		{"id with spaces", opened(with(func(in *events.InspectionOpened) { in.InspectionID = "kiểm tra 1" })), events.EINVALID, "data.inspection_id"},
		{"opened twice", opened(with(func(in *events.InspectionOpened) { in.InspectionID = "kt-2021-h1" })), app.EAlreadyExists, "data.inspection_id"},
		{"unknown school", opened(with(func(in *events.InspectionOpened) { in.Inspected = "hanoi" })), app.EUnknownSchool, "data.inspected"},
		{"bad period", opened(with(func(in *events.InspectionOpened) { in.Period = "2021-H3" })), events.EINVALID, "data.period"},
		{"no inspector", opened(with(func(in *events.InspectionOpened) { in.Inspector = " " })), events.EINVALID, "data.inspector"},
		{"wrong stream", func() (app.Result, error) {
			_, err := a.Record(ctx, app.Cmd{Stream: "inspection-khac", Expected: events.AnyVersion,
				Event: events.Event{OccurredOn: "2021-09-06", Data: good}})
			return app.Result{}, err
		}, app.EWrongStream, "stream"},
		{"figures of an unknown inspection", figures(events.InspectionFiguresEntered{InspectionID: "khong-co",
			Figures: map[string]float64{"stafftraining.total": 86}}, "2021-09-06"), app.EUnknownInspection, "data.inspection_id"},
		{"no figures", figures(events.InspectionFiguresEntered{InspectionID: "kt-2021-h1"}, "2021-09-06"), events.EINVALID, "data.figures"},
		{"malformed key", figures(events.InspectionFiguresEntered{InspectionID: "kt-2021-h1",
			Figures: map[string]float64{"tổng số lớp": 260}}, "2021-09-06"), events.EINVALID, "data.figures"},
		{"key of no area", figures(events.InspectionFiguresEntered{InspectionID: "kt-2021-h1",
			Figures: map[string]float64{"finance.total": 1}}, "2021-09-06"), events.EINVALID, "data.figures"},
		{"negative figure", figures(events.InspectionFiguresEntered{InspectionID: "kt-2021-h1",
			Figures: map[string]float64{"stafftraining.total": -1}}, "2021-09-06"), events.EINVALID, "data.figures"},
		{"before the opening", figures(events.InspectionFiguresEntered{InspectionID: "kt-2021-h1",
			Figures: map[string]float64{"stafftraining.total": 86}}, "2021-09-01"), app.EDateOrder, "occurred_on"},
		{"unknown report", func() (app.Result, error) { return s.TakeFromReport("kt-2021-h1", "khong-co", "2021-09-06", note) },
			app.EUnknownReport, "data.report_id"},
		{"report of another period", func() (app.Result, error) {
			return s.TakeFromReport("kt-2021-h1", "mnbgpb-2021-tong-ket", "2021-09-06", note)
		}, app.EInvalidState, "data.report_id"},
		{"figures that are not the report's", figures(events.InspectionFiguresEntered{InspectionID: "kt-2021-h1",
			ReportID: app.DemoReportID, Figures: altered}, "2021-09-06"), events.EINVALID, "data.figures"},
		{"finding with a bad status", func() (app.Result, error) {
			return s.RecordFinding(events.InspectionFindingRecorded{InspectionID: "kt-2021-h1", Subject: "x", Status: "tot"}, "2021-09-06", note)
		}, events.EINVALID, "data.status"},
		{"finding without subject", func() (app.Result, error) {
			return s.RecordFinding(events.InspectionFindingRecorded{InspectionID: "kt-2021-h1", Status: "khop"}, "2021-09-06", note)
		}, events.EINVALID, "data.subject"},
		{"close without conclusion", func() (app.Result, error) {
			return s.Close(events.InspectionClosed{InspectionID: "kt-2021-h1"}, "2021-09-06", note)
		}, events.EINVALID, "data.conclusion"},
		{"close on heads the ledger never had", func() (app.Result, error) {
			_, err := a.Record(ctx, app.Cmd{Stream: "inspection-kt-2021-h1", Expected: events.AnyVersion,
				Event: events.Event{OccurredOn: "2021-09-06", Data: events.InspectionClosed{InspectionID: "kt-2021-h1",
					Conclusion: "xong", Heads: []events.ChainRef{{Origin: a.Store.Origin(), OriginSeq: 1, Hash: strings.Repeat("0", 64)}}}}})
			return app.Result{}, err
		}, events.EINVALID, "data.heads"},
		{"report file as docx", func() (app.Result, error) { _, err := s.ReportFile("kt-2021-h1", "docx"); return app.Result{}, err },
			events.EINVALID, "data.format"},
		{"report of an unknown inspection", func() (app.Result, error) { _, err := s.Report("khong-co"); return app.Result{}, err },
			app.EUnknownInspection, "data.inspection_id"},
		{"save dialog outside the window", func() (app.Result, error) { _, err := s.SaveReport("kt-2021-h1", "html"); return app.Result{}, err },
			app.EUnavailable, ""},
	})

	// A view of the past answers, and records nothing.
	then, err := a.AsOf(ctx, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	defer then.Close()
	if l, err := then.Inspections.List(); err != nil || len(l) != 1 || l[0].InspectionID != "kt-2021-h1" {
		t.Errorf("list as of now: %+v, %v", l, err)
	}
	expectRefusals(t, a, []refusal{
		{"open in a view of the past", func() (app.Result, error) { return then.Inspections.Open(good, "2021-09-06", note) },
			events.EREADONLY, ""},
		{"close in a view of the past", func() (app.Result, error) {
			return then.Inspections.Close(events.InspectionClosed{InspectionID: "kt-2021-h1", Conclusion: "xong"}, "2021-09-06", note)
		}, events.EREADONLY, ""},
	})
}

// Figures typed in by the inspector: the school's own, for a school.
func TestInspectionOfASchoolWithTypedFigures(t *testing.T) {
	a := openApp(t)
	if _, err := a.LoadDemo(ctx); err != nil {
		t.Fatal(err)
	}
	s := a.Inspections
	note := app.Note{}
	res, err := s.Open(events.InspectionOpened{Inspector: "Lê Văn Bình", Inspected: "sonla", Period: "2021-H1"}, "2021-09-06", note)
	if err != nil {
		t.Fatal(err)
	}
	id := res.ID
	h1, _ := projections.ParsePeriod("2021-H1")
	fs, _ := projections.Figures(ctx, a.DB(), h1, "sonla")
	ledger := projections.FigureMap(fs)
	if _, err := s.EnterFigures(events.InspectionFiguresEntered{InspectionID: id, Source: "Báo cáo 45-BC/TCT",
		Figures: map[string]float64{
			"classplans.executed.classes":  ledger["classplans.executed.classes"],
			"classplans.executed.students": ledger["classplans.executed.students"] + 10,
			"awards.school.sonla.ldtt_pct": 85,
		}}, "2021-09-06", note); err != nil {
		t.Fatal(err)
	}
	c, err := s.Compare(id)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, f := range c.Figures {
		if f.Reported != nil {
			got[f.Key] = f.Status
		}
		if strings.HasPrefix(f.Key, "classplans.school.") {
			t.Errorf("a school's inspection compares the cluster's breakdown by school: %s", f.Key)
		}
	}
	if got["classplans.executed.classes"] != "khop" || got["classplans.executed.students"] != "chenh_lech" ||
		got["awards.school.sonla.ldtt_pct"] != "khong_tinh" || c.Summary.Reported != 3 {
		t.Errorf("school comparison %v %+v", got, c.Summary)
	}
	list, err := s.List()
	if err != nil || len(list) != 1 || list[0].InspectedName != "Trường Chính trị tỉnh Sơn La" || list[0].Status != "open" ||
		list[0].FiguresSource != "Báo cáo 45-BC/TCT" || list[0].ReportID != "" {
		t.Errorf("list %+v, %v", list, err)
	}
	reports, err := s.Reports(app.DemoClusterID, "2021-H1")
	if err != nil || len(reports) != 1 || reports[0].ReportID != app.DemoReportID || reports[0].DocNo != "51-BC/CTĐ" {
		t.Errorf("reports of the cluster for 2021-H1: %+v, %v", reports, err)
	}
	if r, _ := s.Reports("sonla", "2021-H1"); len(r) != 0 {
		t.Errorf("reports of Sơn La: %+v", r)
	}
}
