package cli_test

import (
	"strings"
	"testing"
)

// The yearly reports through the real binary, on the demo ledger: the 2023
// targets of letter 3552 met or not, and the 2023 calendar.
func TestReportAwardsAndDeadlines(t *testing.T) {
	s := newSandbox(t)
	s.ok("demo")
	var aw struct {
		Year    int
		Targets *struct {
			LaoDongTienTienMinPct float64 `json:"lao_dong_tien_tien_min_pct"`
		}
		Schools []struct {
			SchoolID string `json:"school_id"`
			Checks   []struct {
				Key  string
				Pass *bool
			}
			Failed int
		}
	}
	decode(t, s.ok("report", "awards", "--period", "2023", "--json").stdout, &aw)
	if aw.Year != 2023 || aw.Targets == nil || aw.Targets.LaoDongTienTienMinPct != 80 || len(aw.Schools) != 8 {
		t.Fatalf("report awards: year %d targets %v, %d schools", aw.Year, aw.Targets, len(aw.Schools))
	}
	failed := map[string]bool{}
	for _, sc := range aw.Schools {
		if len(sc.Checks) != 8 {
			t.Errorf("%s: %d checks", sc.SchoolID, len(sc.Checks))
		}
		failed[sc.SchoolID] = sc.Failed > 0
	}
	if !failed["caobang"] || !failed["laichau"] || failed["sonla"] {
		t.Errorf("who misses a 2023 target: %v (docs/demo.md: Cao Bằng and Lai Châu)", failed)
	}
	table := s.ok("report", "awards", "--period", "2023", "--school", "caobang").stdout
	for _, want := range []string{"năm 2023", "Lao động tiên tiến", "76,6%"} {
		if !strings.Contains(table, want) {
			t.Errorf("awards table has no %q:\n%s", want, table)
		}
	}

	var dl []struct {
		Kind    string
		Status  string
		DueDate string `json:"due_date"`
	}
	decode(t, s.ok("report", "deadlines", "--period", "2023", "--json").stdout, &dl)
	if len(dl) != 7 || dl[0].DueDate != "2023-03-05" || dl[0].Status == "" {
		t.Fatalf("2023 deadlines: %+v, want the 7 of letter 3552 from 05/3", dl)
	}
}

// Bad report requests are wrong usage (exit 2) and say why in Vietnamese.
func TestReportUsage(t *testing.T) {
	s := newSandbox(t)
	s.ok("demo")
	for _, c := range []struct {
		args []string
		says string
	}{
		{[]string{"report"}, "cách dùng"},
		{[]string{"report", "classplans"}, "thiếu --period"},
		{[]string{"report", "classplans", "--period", "2021-H3"}, "không hợp lệ"},
		{[]string{"report", "classplans", "--period", "2021-06-31..2021-07-01"}, "ngày không có thật"},
		{[]string{"report", "classplans", "--period", "2021-07-01..2021-06-01"}, "ngày cuối trước ngày đầu"},
		{[]string{"report", "luong", "--period", "2021"}, "không có báo cáo"},
		{[]string{"report", "research", "--period", "2021", "--school", "hanoi"}, "không có trường"},
	} {
		r := s.expect(2, c.args...)
		if !strings.Contains(r.stderr, c.says) {
			t.Errorf("%v: stderr %q does not say %q", c.args, r.stderr, c.says)
		}
	}
	fresh := newSandbox(t)
	fresh.expect(2, "report", "classplans", "--period", "2021")
	if exists(fresh.db) {
		t.Error("report created a ledger")
	}
}

// --as-of reads the ledger as it stood at a record time: before the demo
// was recorded nothing counts; a bad moment is wrong usage.
func TestReportAsOf(t *testing.T) {
	s := newSandbox(t)
	s.ok("demo")
	type count struct{ Classes, Students int64 }
	var cp struct {
		Total struct{ Executed count }
	}
	decode(t, s.ok("report", "classplans", "--period", "2021-H1", "--as-of", "2020-01-01", "--json").stdout, &cp)
	if cp.Total.Executed != (count{}) {
		t.Errorf("as of 2020, before anything was recorded: %+v", cp.Total.Executed)
	}
	decode(t, s.ok("report", "classplans", "--period", "2021-H1", "--as-of", "2999-12-31T00:00:00Z", "--json").stdout, &cp)
	if cp.Total.Executed != (count{260, 16182}) {
		t.Errorf("as of the far future: %+v", cp.Total.Executed)
	}
	if out := s.ok("report", "research", "--period", "2021-H1", "--as-of", "2020-01-01").stdout; !strings.Contains(out, "ghi nhận đến 01/01/2020 23:59:59") {
		t.Errorf("the table does not say which moment it shows:\n%s", out)
	}
	for _, bad := range []string{"hôm qua", "10/08/2021", "2021-02-30"} {
		s.expect(2, "report", "classplans", "--period", "2021-H1", "--as-of", bad)
	}
}
