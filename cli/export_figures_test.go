package cli_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// socai export xlsx|csv|json through the real binary on the demo ledger:
// the files hold the figures of report 51-BC/CTĐ, read back with a library.
func TestExportFigures(t *testing.T) {
	s := newSandbox(t)
	s.ok("demo")

	xlsx := filepath.Join(s.dir, "so-lieu.xlsx")
	r := s.ok("export", "xlsx", "--period", "2021-H1", "--out", xlsx)
	if !strings.Contains(r.stdout, "Đã ghi") || !strings.Contains(r.stdout, "Mã xác thực: ") {
		t.Errorf("export xlsx says: %s", r.stdout)
	}
	f, err := excelize.OpenFile(xlsx)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("Kế hoạch mở lớp", excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	var total []string
	for _, row := range rows {
		if len(row) > 0 && row[0] == "Tổng cộng" {
			total = row
		}
	}
	if strings.Join(total, "|") == "" || total[1] != "323" || total[2] != "20399" || total[7] != "260" || total[8] != "16182" {
		t.Errorf("Tổng cộng row: %q, want 323 | 20399 … 260 | 16182", total)
	}

	csvPath := filepath.Join(s.dir, "so-lieu.csv")
	s.ok("export", "csv", "--period", "2021-H1", "--school", "sonla", "--out", csvPath)
	b, err := os.ReadFile(csvPath)
	if err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(b, []byte("\ufeff")))).ReadAll()
	if err != nil || len(recs) < 10 || recs[0][0] != "key" {
		t.Fatalf("CSV: %v, %d rows", err, len(recs))
	}
	for _, rec := range recs[1:] {
		if rec[5] != "sonla" || strings.HasPrefix(rec[0], "classplans.school.") {
			t.Fatalf("a school's CSV has %q", rec)
		}
	}

	figures := func(args ...string) map[string]float64 {
		t.Helper()
		out := filepath.Join(s.dir, "so-lieu.json")
		s.ok(append([]string{"export", "json", "--period", "2021-H1", "--out", out}, args...)...)
		var doc struct {
			AsOf    string `json:"as_of"`
			Figures []struct {
				Key   string
				Value float64
			}
		}
		raw, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(raw, &doc); err != nil {
			t.Fatal(err)
		}
		m := map[string]float64{}
		for _, fg := range doc.Figures {
			m[fg.Key] = fg.Value
		}
		return m
	}
	now := figures()
	if now["classplans.executed.students"] != 16182 || now["stafftraining.total"] != 86 || now["research.active.total"] != 83 {
		t.Errorf("JSON now: %v / %v / %v", now["classplans.executed.students"], now["stafftraining.total"], now["research.active.total"])
	}
	// the demo was recorded today: as of 2020 the ledger knew nothing
	then := figures("--as-of", "2020-12-31")
	if v, ok := then["classplans.executed.classes"]; !ok || v != 0 || len(then) >= len(now) {
		t.Errorf("as of 31/12/2020: %v classes (%v), %d figures", v, ok, len(then))
	}
}

// Bad export requests are wrong usage (exit 2), say why in Vietnamese and
// leave no file behind.
func TestExportFiguresUsage(t *testing.T) {
	s := newSandbox(t)
	s.ok("demo")
	out := filepath.Join(s.dir, "x.xlsx")
	for _, c := range []struct {
		args []string
		says string
	}{
		{[]string{"export", "xlsx", "--out", out}, "thiếu --period"},
		{[]string{"export", "csv", "--period", "2021-H1"}, "thiếu --out"},
		{[]string{"export", "xlsx", "--period", "2021-H3", "--out", out}, "không hợp lệ"},
		{[]string{"export", "json", "--period", "2021-H1", "--school", "hanoi", "--out", out}, "không có trường"},
		{[]string{"export", "xlsx", "--period", "2021-H1", "--as-of", "hôm qua", "--out", out}, "không hợp lệ"},
		{[]string{"export", "xlsx", "--period", "2021-H1", "--out", filepath.Join(s.dir, "khong-co", "x.xlsx")}, "không có thư mục"},
		{[]string{"export", "xls", "--period", "2021-H1", "--out", out}, "không có lệnh export"},
		{[]string{"export", "xlsx", "thừa", "--period", "2021-H1", "--out", out}, "không nhận đối số"},
	} {
		r := s.expect(2, c.args...)
		if !strings.Contains(r.stderr, c.says) {
			t.Errorf("%v: stderr %q does not say %q", c.args, r.stderr, c.says)
		}
	}
	left, _ := filepath.Glob(filepath.Join(s.dir, "*x.xlsx*"))
	if len(left) > 0 {
		t.Errorf("a refused export left %v", left)
	}
	fresh := newSandbox(t)
	if r := fresh.expect(2, "export", "xlsx", "--period", "2021-H1", "--out", out); !strings.Contains(r.stderr, "không có cơ sở dữ liệu") {
		t.Errorf("no ledger: %s", r.stderr)
	}
}
