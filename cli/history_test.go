package cli_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"
)

// historyJSON is the contract of socai history --json (docs/cli.md).
type historyJSON struct {
	Entity  string         `json:"entity"`
	Kind    string         `json:"kind"`
	Name    string         `json:"name"`
	Streams []string       `json:"streams"`
	State   map[string]any `json:"state"`
	Total   int            `json:"total"`
	Events  []struct {
		Seq         int64  `json:"seq"`
		ID          string `json:"id"`
		Type        string `json:"type"`
		TypeLabel   string `json:"type_label"`
		OccurredOn  string `json:"occurred_on"`
		RecordedAt  string `json:"recorded_at"`
		Actor       string `json:"actor"`
		Reason      string `json:"reason"`
		Source      string `json:"source"`
		Retracted   bool   `json:"retracted"`
		RetractedBy *struct {
			Seq    int64  `json:"seq"`
			Reason string `json:"reason"`
		} `json:"retracted_by"`
		Replaces *struct {
			EventID string `json:"event_id"`
		} `json:"replaces"`
		Changes []struct {
			Field  string `json:"field"`
			Label  string `json:"label"`
			Before any    `json:"before"`
			After  any    `json:"after"`
		} `json:"changes"`
	} `json:"events"`
}

// A class of Điện Biên still open: its enrolment can be corrected.
var openClassLines = []string{
	`{"type":"ClassTypeDefined","stream":"classtype-bd-cv","occurred_on":"2021-01-04","data":{"class_type":"bd-cv","name":"Bồi dưỡng ngạch chuyên viên","group":"boi_duong"},"meta":{}}`,
	`{"type":"ClassOpened","stream":"class-db-cv-01","occurred_on":"2021-04-05","data":{"class_id":"db-cv-01","school_id":"dienbien","class_type":"bd-cv","name":"BD chuyên viên khóa 1/2021","students":45,"start_date":"2021-04-05","end_date":"2021-09-30","mode":"tap_trung"},"meta":{"actor":"Lò Văn Minh","source":"15-QĐ/TCT"}}`,
	`{"type":"ClassEnrollmentChanged","stream":"class-db-cv-01","occurred_on":"2021-05-10","data":{"class_id":"db-cv-01","students":43},"meta":{"actor":"Cầm Thị Lan","reason":"02 học viên thôi học"}}`,
}

func historySandbox(t *testing.T) *sandbox {
	s := newSandbox(t)
	s.ok("init")
	s.ok("--actor", "Cầm Thị Lan", "import", s.file("ke-hoach.jsonl", append(append([]string{}, planLines...), openClassLines...)...))
	return s
}

func TestHistoryText(t *testing.T) {
	t.Parallel()
	s := historySandbox(t)
	for _, arg := range []string{"sonla-2021-001", planClass} {
		out := s.ok("history", arg).stdout
		for _, want := range []string{
			"LỊCH SỬ: Lớp Trung cấp LLCT-HC huyện Mộc Châu K45 (class-sonla-2021-001)", "3 sự kiện",
			"Khai giảng lớp (ClassOpened)", "người ghi: Lò Văn Minh", "ngày phát sinh: 01/03/2021",
			"sĩ số: – → 62", "ngày khai giảng: – → 01/03/2021", "hình thức học: – → tập trung",
			"Thay đổi sĩ số lớp (ClassEnrollmentChanged)", "lý do: bổ sung 02 học viên", "sĩ số: 62 → 64",
			"trạng thái: đang học → đã kết thúc", "số tốt nghiệp: – → 63", "ghi nhận lúc: ",
		} {
			if !strings.Contains(out, want) {
				t.Errorf("history %s: no %q in\n%s", arg, want, out)
			}
		}
	}
	// a school: its registration, target and class; not Điện Biên's class
	out := s.ok("history", "sonla").stdout
	if !strings.Contains(out, "LỊCH SỬ: Trường Chính trị tỉnh Sơn La (school-sonla)") || !strings.Contains(out, "5 sự kiện") ||
		strings.Contains(out, "db-cv-01") {
		t.Errorf("history sonla:\n%s", out)
	}
}

func TestHistoryJSONAndFilters(t *testing.T) {
	t.Parallel()
	s := historySandbox(t)
	raw := s.ok("history", planClass, "--json").stdout
	wantKeys(t, "history --json", []byte(raw), "entity", "kind", "name", "streams", "state", "events", "total")
	var h historyJSON
	decode(t, raw, &h)
	if h.Entity != planClass || h.Kind != "class" || h.Total != 3 || len(h.Events) != 3 || h.State["students"] != 64.0 {
		t.Fatalf("history --json: %+v", h)
	}
	var top struct {
		Events []json.RawMessage `json:"events"`
	}
	decode(t, raw, &top)
	wantKeys(t, "history event", top.Events[1], "seq", "id", "type", "type_label", "stream", "version", "occurred_on",
		"recorded_at", "actor", "reason", "source", "correlation_id", "origin", "origin_seq", "hash", "data", "retracted",
		"before", "after", "changes", "retracted_by", "retracts", "replaces", "replaced_by")
	e := h.Events[1]
	if e.Type != "ClassEnrollmentChanged" || e.TypeLabel != "Thay đổi sĩ số lớp" || len(e.Changes) != 1 ||
		e.Changes[0].Field != "students" || e.Changes[0].Label != "sĩ số" || e.Changes[0].Before != 62.0 || e.Changes[0].After != 64.0 {
		t.Fatalf("the enrolment change: %+v", e)
	}

	count := func(args ...string) int {
		t.Helper()
		var h historyJSON
		decode(t, s.ok(append([]string{"history", "--json"}, args...)...).stdout, &h)
		return len(h.Events)
	}
	if n := count("sonla", "--type", "TrainingTargetAssigned"); n != 1 {
		t.Errorf("--type: %d", n)
	}
	if n := count(planClass, "--from", "2021-05-01", "--to", "2021-12-30"); n != 2 {
		t.Errorf("--from --to: %d", n)
	}
	if n := count(planClass, "--actor", "Lò Văn Minh"); n != 1 {
		t.Errorf("--actor: %d", n)
	}
	today := time.Now().In(time.FixedZone("ICT", 7*3600)).Format("2006-01-02")
	if n := count(planClass, "--clock", "recorded", "--from", today); n != 3 {
		t.Errorf("--clock recorded --from today: %d", n)
	}
	if n := count(planClass, "--clock", "recorded", "--to", "2021-12-31"); n != 0 {
		t.Errorf("--clock recorded --to 2021: %d", n)
	}
	if n := count("dienbien", "--school", "dienbien"); n != 3 {
		t.Errorf("--school: %d", n)
	}
}

func TestHistoryRefusesBadInput(t *testing.T) {
	t.Parallel()
	s := historySandbox(t)
	before := s.stats().Events
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"history"}, "cách dùng: socai history"},
		{[]string{"history", "a", "b"}, "cách dùng: socai history"},
		{[]string{"history", "khong-co"}, `không có đối tượng "khong-co" trong sổ cái`},
		{[]string{"history", planClass, "--from", "2021-02-30"}, `ngày không hợp lệ "2021-02-30"`},
		{[]string{"history", planClass, "--to", "30/06/2021"}, `ngày không hợp lệ "30/06/2021"`},
		{[]string{"history", planClass, "--from", "2021-07-01", "--to", "2021-06-30"}, "ngày cuối 30/06/2021 trước ngày đầu 01/07/2021"},
		{[]string{"history", planClass, "--clock", "wall"}, `đồng hồ "wall" không hợp lệ`},
		{[]string{"history", planClass, "--type", "ClassOpend"}, `loại sự kiện không xác định: "ClassOpend"`},
		{[]string{"history", planClass, "--school", "hanoi"}, `không có trường "hanoi"`},
		{[]string{"history", planClass, "--as-of", "hôm qua"}, `thời điểm "hôm qua" không hợp lệ`},
		{[]string{"history", planClass, "--bogus"}, "flag provided but not defined"},
	} {
		r := s.expect(2, c.args...)
		if !strings.Contains(r.stderr, c.want) || r.stdout != "" {
			t.Errorf("socai %v: want %q on stderr, got %v", c.args, c.want, r)
		}
	}
	// no ledger: wrong usage, and none is created
	s2 := newSandbox(t)
	if r := s2.expect(2, "history", planClass); !strings.Contains(r.stderr, "không có cơ sở dữ liệu") || exists(s2.db) {
		t.Errorf("history without a ledger: %v", r)
	}
	if after := s.stats().Events; after != before {
		t.Fatalf("history questions appended %d events", after-before)
	}
}

func TestRetractAndReplace(t *testing.T) {
	t.Parallel()
	s := historySandbox(t)
	var h historyJSON
	decode(t, s.ok("history", "db-cv-01", "--json").stdout, &h)
	wrong := h.Events[1]
	moment := time.Now().UTC().Format(time.RFC3339Nano)
	time.Sleep(5 * time.Millisecond) // the correction is recorded after moment
	events := s.stats().Events

	// refusals first: nothing recorded
	for _, c := range []struct {
		code int
		args []string
		want string
	}{
		{2, []string{"retract", wrong.ID}, "thiếu --reason"},
		{2, []string{"retract", wrong.ID, "--reason", "x", "--replacement", "{không phải json"}, "không phải JSON"},
		{2, []string{"retract", wrong.ID, "--reason", "x", "--on", "2021-13-01"}, "không phải ngày"},
		{2, []string{"retract", "--reason", "x"}, "cách dùng: socai retract"},
		{1, []string{"retract", "khong-co", "--reason", "x"}, `không có sự kiện "khong-co" trong sổ cái [unknown_event]`},
		{1, []string{"retract", wrong.ID, "--reason", "x", "--replacement", `{"class_id":"db-cv-01","students":-1}`}, "trường data.students: không được âm"},
		{1, []string{"retract", wrong.ID, "--reason", "x", "--replacement", `{"class_id":"db-cv-01","students":4}`, "--on", "2021-01-01"}, "trường occurred_on"},
	} {
		r := s.expect(c.code, c.args...)
		if !strings.Contains(r.stderr, c.want) {
			t.Errorf("socai %v: want %q on stderr, got %v", c.args, c.want, r)
		}
	}
	if n := s.stats().Events; n != events {
		t.Fatalf("refused corrections appended %d events", n-events)
	}

	out := s.ok("--actor", "Nguyễn Thị Hoa", "retract", wrong.ID, "--reason", "nhập nhầm: 03 học viên thôi học",
		"--source", "20-TB/TCT", "--replacement", `{"class_id":"db-cv-01","students":42}`).stdout
	if !strings.Contains(out, "Đã hủy sự kiện "+wrong.ID) || !strings.Contains(out, "Đã ghi bản ghi thay #") {
		t.Fatalf("retract: %s", out)
	}
	if n := s.stats().Events; n != events+2 {
		t.Fatalf("a correction is 2 events, got %d", n-events)
	}
	text := s.ok("history", "db-cv-01").stdout
	for _, want := range []string{"[ĐÃ HỦY bởi sự kiện #", "Hủy bản ghi (EventRetracted)  [hủy sự kiện #", "[thay cho sự kiện #",
		"người hủy: Nguyễn Thị Hoa, lý do: nhập nhầm: 03 học viên thôi học", "sĩ số: 43 → 45", "sĩ số: 45 → 42", "căn cứ: 20-TB/TCT"} {
		if !strings.Contains(text, want) {
			t.Errorf("history after the correction: no %q in\n%s", want, text)
		}
	}
	decode(t, s.ok("history", "db-cv-01", "--json").stdout, &h)
	if len(h.Events) != 4 || !h.Events[1].Retracted || h.Events[1].RetractedBy == nil || h.Events[3].Replaces == nil ||
		h.Events[3].Replaces.EventID != wrong.ID || h.Events[2].Actor != "Nguyễn Thị Hoa" || h.State["students"] != 42.0 {
		t.Fatalf("history --json after the correction: %+v", h)
	}
	// the figures skip the retracted event
	var cp struct {
		Total struct{ Executed struct{ Students int64 } }
	}
	decode(t, s.ok("report", "classplans", "--period", "2021-H1", "--school", "dienbien", "--json").stdout, &cp)
	if cp.Total.Executed.Students != 42 {
		t.Errorf("report after the correction: %+v", cp.Total)
	}
	// as it stood before: the wrong figure, nothing retracted
	decode(t, s.ok("history", "db-cv-01", "--json", "--as-of", moment).stdout, &h)
	if len(h.Events) != 2 || h.Events[1].Retracted || h.State["students"] != 43.0 {
		t.Fatalf("history --as-of %s: %+v", moment, h)
	}
	// once is enough
	events = s.stats().Events
	if r := s.expect(1, "retract", wrong.ID, "--reason", "lần nữa"); !strings.Contains(r.stderr, "[invalid_state]") {
		t.Errorf("retract twice: %v", r)
	}
	if n := s.stats().Events; n != events {
		t.Fatalf("a refused retraction appended %d events", n-events)
	}
}
