package cli_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// comparison is the part of socai inspection compare --json the tests read.
type comparison struct {
	Inspection struct {
		InspectionID string `json:"inspection_id"`
		Status       string `json:"status"`
		ReportID     string `json:"report_id"`
	} `json:"inspection"`
	Figures []struct {
		Key      string   `json:"key"`
		Reported *float64 `json:"reported"`
		Computed *float64 `json:"computed"`
		Status   string   `json:"status"`
	} `json:"figures"`
	Consistency []struct {
		Key    string  `json:"key"`
		Total  float64 `json:"total"`
		Sum    float64 `json:"sum"`
		Status string  `json:"status"`
	} `json:"consistency"`
	Summary struct {
		Reported, Khop  int
		ChenhLech       int `json:"chenh_lech"`
		ChecksChenhLech int `json:"checks_chenh_lech"`
	} `json:"summary"`
	Digests []struct{ Short, Full string } `json:"digests"`
	Frozen  bool                           `json:"frozen"`
}

// An inspection of 51-BC/CTĐ through the real binary, from opening to its
// report; compare is a check, exit 1 where the report differs.
func TestInspectionCommands(t *testing.T) {
	s := newSandbox(t)
	s.ok("demo")
	s.ok("inspection", "open", "--id", "kt1", "--inspected", "mnbgpb", "--period", "2021-H1",
		"--inspector", "Nguyễn Văn An", "--member", "Lò Thị Hoa", "--member", "Hà Văn Sơn", "--on", "2021-09-06")
	out := s.ok("inspection", "figures", "kt1", "--from-report", "mnbgpb-2021-so-ket", "--on", "2021-09-06").stdout
	if !strings.Contains(out, "Đã ghi số liệu báo cáo: cuộc kiểm tra kt1") {
		t.Errorf("figures: %s", out)
	}

	r := s.expect(1, "inspection", "compare", "kt1", "--json")
	var c comparison
	decode(t, r.stdout, &c)
	if !strings.Contains(r.stderr, "số liệu chênh lệch với sổ cái") || c.Summary.ChenhLech == 0 {
		t.Errorf("compare: %v", r)
	}
	status := map[string]string{}
	for _, f := range c.Figures {
		status[f.Key] = f.Status
	}
	for _, k := range []string{"classplans.executed.classes", "classplans.executed.students", "classplans.new.classes",
		"stafftraining.total", "research.active.total", "research.bulletins.articles"} {
		if status[k] != "khop" {
			t.Errorf("%s: %q, want khop", k, status[k])
		}
	}
	checks := map[string]string{}
	for _, k := range c.Consistency {
		checks[k.Key] = k.Status
		if k.Key == "classplans.type.*.new.classes" && (k.Total != 113 || k.Sum != 169) {
			t.Errorf("class-type check %+v", k)
		}
	}
	if checks["classplans.type.*.new.classes"] != "chenh_lech" || checks["classplans.type.*.new.students"] != "chenh_lech" ||
		checks["stafftraining.program.*"] != "khop" || c.Summary.ChecksChenhLech != 2 || c.Inspection.ReportID != "mnbgpb-2021-so-ket" {
		t.Errorf("consistency %v, summary %+v", checks, c.Summary)
	}
	text := s.expect(1, "inspection", "compare", "kt1").stdout
	for _, want := range []string{"KIỂM TRA CHÉO kt1", "Mở mới (lớp) – cộng theo loại lớp", "+56", "Chênh lệch",
		"Thực hiện (học viên)", "16.182", "mã xác thực"} {
		if !strings.Contains(text, want) {
			t.Errorf("compare: no %q in\n%s", want, text)
		}
	}

	// A finding about a compared figure takes its numbers and status from the comparison.
	s.ok("inspection", "finding", "kt1", "--subject", "classplans.type.tc-llct-hc.new.classes",
		"--note", "Báo cáo tính cả lớp khai giảng tháng 7", "--on", "2021-09-07")
	s.ok("inspection", "finding", "kt1", "--subject", "Hồ sơ lớp Lai Châu", "--status", "thieu_minh_chung", "--on", "2021-09-07")
	before := s.stats()
	s.ok("inspection", "close", "kt1", "--conclusion", "Cơ cấu theo loại lớp phải lập lại.", "--on", "2021-09-08")

	// Recorded after the close: the closed inspection still compares with the ledger at its close.
	s.ok("import", s.file("muon.jsonl",
		`{"type":"ClassOpened","stream":"class-muon-01","occurred_on":"2021-06-01","data":{"class_id":"muon-01","school_id":"sonla","class_type":"tc-llct-hc","name":"Lớp nhập muộn","students":60,"start_date":"2021-06-01","mode":"tap_trung"},"meta":{}}`))
	var after comparison
	decode(t, s.expect(1, "inspection", "compare", "kt1", "--json").stdout, &after)
	if !after.Frozen || len(after.Digests) != 1 || after.Digests[0].Full != before.Heads[0].digest() ||
		after.Inspection.Status != "closed" {
		t.Errorf("closed inspection: frozen %v digests %+v, heads before close %+v", after.Frozen, after.Digests, before.Heads)
	}
	for _, f := range after.Figures {
		if f.Key == "classplans.executed.classes" && (*f.Computed != 260 || f.Status != "khop") {
			t.Errorf("after a late class, the closed inspection's ledger moved: %+v", f)
		}
	}

	jsonOut, htmlOut := filepath.Join(s.dir, "bb.json"), filepath.Join(s.dir, "bb.html")
	out = s.ok("inspection", "report", "kt1", "--out", jsonOut).stdout
	if !strings.Contains(out, "Mã xác thực: ") || !strings.Contains(out, before.Heads[0].digest()) {
		t.Errorf("report: %s", out)
	}
	data, err := os.ReadFile(jsonOut)
	if err != nil {
		t.Fatal(err)
	}
	var rep struct {
		comparison
		Findings []struct {
			Subject            string
			Reported, Verified *float64
			Status, Note       string
		} `json:"findings"`
		MadeAt string `json:"made_at"`
	}
	decode(t, string(data), &rep)
	if len(rep.Findings) != 2 || rep.Findings[0].Status != "chenh_lech" || rep.Findings[0].Reported == nil ||
		*rep.Findings[0].Reported != 69 || rep.Findings[0].Verified == nil || rep.Findings[1].Status != "thieu_minh_chung" ||
		rep.Digests[0].Full != before.Heads[0].digest() || rep.MadeAt == "" {
		t.Errorf("report JSON: findings %+v, digests %+v, made %q", rep.Findings, rep.Digests, rep.MadeAt)
	}
	s.ok("inspection", "report", "kt1", "--out", htmlOut)
	page, err := os.ReadFile(htmlOut)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"BIÊN BẢN KIỂM TRA CHÉO", "ĐẢNG CỘNG SẢN VIỆT NAM", before.Heads[0].digest()} {
		if !strings.Contains(string(page), want) {
			t.Errorf("report HTML: no %q", want)
		}
	}
	list := s.ok("inspection", "list").stdout
	if !strings.Contains(list, "kt1") || !strings.Contains(list, "Đã kết luận") {
		t.Errorf("list: %s", list)
	}
	s.verify(0, "--digest", rep.Digests[0].Short)

	// Figures that all match: compare exits 0.
	s.ok("inspection", "open", "--id", "kt2", "--inspected", "quangninh", "--period", "2021-H1", "--inspector", "Lê Văn Bình")
	s.ok("inspection", "figures", "kt2", "--file", s.file("qn.json", `{"classplans.executed.classes": 107, "classplans.executed.students": 6118}`))
	s.ok("inspection", "compare", "kt2")
}

// Wrong usage exits 2, a refusal 1; neither records anything.
func TestInspectionRefusals(t *testing.T) {
	s := newSandbox(t)
	s.expect(2, "inspection", "list") // no ledger yet
	s.ok("demo")
	s.ok("inspection", "open", "--id", "kt1", "--inspected", "mnbgpb", "--period", "2021-H1", "--inspector", "Nguyễn Văn An",
		"--on", "2021-09-06")
	events := s.stats().Events
	for _, c := range []struct {
		code int
		args []string
		want string
	}{
		{2, []string{"inspection"}, "cách dùng: socai inspection"},
		{2, []string{"inspection", "xoa", "kt1"}, "không có lệnh inspection"},
		{2, []string{"inspection", "open", "--id", "kt9", "--period", "2021-H1", "--inspector", "A"}, "thiếu --inspected"},
		{1, []string{"inspection", "open", "--id", "kt1", "--inspected", "mnbgpb", "--period", "2021-H1", "--inspector", "A"}, "already_exists"},
		{1, []string{"inspection", "open", "--id", "kt9", "--inspected", "hanoi", "--period", "2021-H1", "--inspector", "A"}, "unknown_school"},
		{1, []string{"inspection", "open", "--id", "kt9", "--inspected", "sonla", "--period", "2021-H3", "--inspector", "A"}, "không hợp lệ"},
		{2, []string{"inspection", "figures", "kt1"}, "cần đúng một trong --from-report"},
		{2, []string{"inspection", "figures", "kt1", "--from-report", "mnbgpb-2021-so-ket", "--file", "x.json"}, "cần đúng một"},
		{2, []string{"inspection", "figures", "kt1", "--file", "khong-co.json"}, "không đọc được tệp"},
		{1, []string{"inspection", "figures", "kt1", "--file", s.file("bad.json", `[260]`)}, "đối tượng JSON"},
		{1, []string{"inspection", "figures", "kt1", "--file", s.file("neg.json", `{"stafftraining.total": -3}`)}, "invalid"},
		{1, []string{"inspection", "figures", "kt1", "--from-report", "khong-co"}, "unknown_report"},
		{1, []string{"inspection", "figures", "kt1", "--from-report", "mnbgpb-2021-so-ket", "--on", "2021-09-01"}, "date_order"},
		{1, []string{"inspection", "figures", "khong-co", "--from-report", "mnbgpb-2021-so-ket"}, "unknown_inspection"},
		{1, []string{"inspection", "finding", "kt1", "--subject", "x", "--status", "tot"}, "invalid"},
		{2, []string{"inspection", "finding", "kt1", "--subject", "Hồ sơ"}, "thiếu --status"},
		{2, []string{"inspection", "finding", "kt1", "--subject", "x", "--status", "khop", "--reported", "16.182,5"}, "không phải số"},
		{1, []string{"inspection", "compare", "khong-co"}, "unknown_inspection"},
		{2, []string{"inspection", "compare"}, "MÃ_KIỂM_TRA"},
		{2, []string{"inspection", "close", "kt1"}, "thiếu --conclusion"},
		{2, []string{"inspection", "report", "kt1", "--out", filepath.Join(s.dir, "bb.docx")}, "DOCX"},
		{1, []string{"inspection", "report", "khong-co", "--out", filepath.Join(s.dir, "bb.html")}, "unknown_inspection"},
	} {
		r := s.expect(c.code, c.args...)
		if !strings.Contains(r.stderr, c.want) {
			t.Errorf("socai %v: no %q in stderr:\n%s", c.args, c.want, r.stderr)
		}
	}
	if got := s.stats().Events; got != events {
		t.Errorf("refused commands recorded %d events", got-events)
	}
	for _, f := range []string{"bb.docx", "bb.html"} {
		if exists(filepath.Join(s.dir, f)) {
			t.Errorf("a refused report wrote %s", f)
		}
	}
	s.ok("inspection", "close", "kt1", "--conclusion", "Xong", "--on", "2021-09-08")
	r := s.expect(1, "inspection", "finding", "kt1", "--subject", "x", "--status", "khop", "--on", "2021-09-09")
	if !strings.Contains(r.stderr, "invalid_state") || !strings.Contains(r.stderr, "đã kết luận") {
		t.Errorf("finding after close: %v", r)
	}
}
