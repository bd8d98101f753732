package projections

import (
	"strings"
	"testing"
)

// The comparison rules on a small hand-made case: what khớp means for a
// rounded percentage, a count the ledger has no row for, a figure it does
// not compute, and breakdowns stated in full, in part, or too large.
func TestCompareFigures(t *testing.T) {
	computed := []Figure{
		{Key: "classplans.new.classes", Label: "mở mới (lớp)", Value: 10, Unit: "lớp"},
		{Key: "classplans.carried.classes", Label: "chuyển sang (lớp)", Value: 5, Unit: "lớp"},
		{Key: "classplans.executed.classes", Label: "thực hiện (lớp)", Value: 15, Unit: "lớp"},
		{Key: "classplans.type.tc.new.classes", Label: "Trung cấp: mở mới (lớp)", Value: 7, Unit: "lớp"},
		{Key: "classplans.type.cv.new.classes", Label: "Chuyên viên: mở mới (lớp)", Value: 3, Unit: "lớp"},
		{Key: "classplans.school.a.new.classes", Label: "Trường A: mở mới (lớp)", Value: 6, Unit: "lớp"},
		{Key: "classplans.school.b.new.classes", Label: "Trường B: mở mới (lớp)", Value: 4, Unit: "lớp"},
		{Key: "stafftraining.total", Label: "Lượt viên chức đi học", Value: 9, Unit: "lượt"},
		{Key: "awards.school.a.ldtt", Label: "Trường A: Lao động tiên tiến", Value: 76.5957, Unit: "%"},
		{Key: "awards.school.b.ldtt", Label: "Trường B: Lao động tiên tiến", Value: 80, Unit: "%"},
	}
	names := map[string]string{"type:hdnd": "Bồi dưỡng HĐND", "school:a": "Trường A"}
	reported := map[string]float64{
		"classplans.new.classes":           10,
		"classplans.carried.classes":       5,
		"classplans.executed.classes":      16, // 5 + 10 ≠ 16, and the ledger says 15
		"classplans.type.tc.new.classes":   7,
		"classplans.type.cv.new.classes":   5,
		"classplans.type.hdnd.new.classes": 0, // no such class in the ledger: 0, khớp
		"classplans.school.a.new.classes":  6, // B not stated: a partial breakdown
		"awards.school.a.ldtt":             76.6,
		"awards.school.b.ldtt":             80.5,
		"awards.school.c.ldtt":             90, // no value in the ledger
	}
	c := compareFigures(reported, computed, names)

	rows := map[string]ComparedFigure{}
	var order []string
	for _, f := range c.Figures {
		rows[f.Key] = f
		order = append(order, f.Key)
	}
	for key, want := range map[string]struct {
		status string
		diff   float64
	}{
		"classplans.new.classes":           {CompareKhop, 0},
		"classplans.executed.classes":      {CompareChenhLech, 1},
		"classplans.type.cv.new.classes":   {CompareChenhLech, 2},
		"classplans.type.hdnd.new.classes": {CompareKhop, 0},
		"awards.school.a.ldtt":             {CompareKhop, 0},
		"awards.school.b.ldtt":             {CompareChenhLech, 0.5},
	} {
		r := rows[key]
		if r.Status != want.status || r.Difference == nil || !same(*r.Difference, want.diff) {
			t.Errorf("%s: %+v, want %s %v", key, r, want.status, want.diff)
		}
	}
	if r := rows["awards.school.c.ldtt"]; r.Status != CompareKhongTinh || r.Computed != nil || r.StatusName != "Sổ cái không tính" {
		t.Errorf("a figure the ledger does not compute: %+v", r)
	}
	if r := rows["stafftraining.total"]; r.Status != CompareThieu || r.Reported != nil || r.StatusName != "Không báo cáo" {
		t.Errorf("a figure the report does not state: %+v", r)
	}
	if r := rows["classplans.type.hdnd.new.classes"]; r.Label != "Bồi dưỡng HĐND: mở mới (lớp)" || r.Unit != "lớp" {
		t.Errorf("label of a class type with no class: %+v", r)
	}
	if r := rows["classplans.new.classes"]; r.Label != "Mở mới (lớp)" {
		t.Errorf("a total's label is capitalised: %q", r.Label)
	}
	// the class type the ledger has no row for goes with the other class types
	if got := strings.Join(order[3:6], " "); got != "classplans.type.tc.new.classes classplans.type.cv.new.classes classplans.type.hdnd.new.classes" {
		t.Errorf("order %v", order)
	}
	if s := c.Summary; s.Reported != 10 || s.Khop != 6 || s.ChenhLech != 3 || s.KhongTinh != 1 || s.Thieu != 2 {
		t.Errorf("summary %+v", s)
	}

	checks := map[string]ConsistencyCheck{}
	for _, k := range c.Consistency {
		checks[k.Key] = k
	}
	for key, want := range map[string]struct {
		sum, total float64
		complete   bool
		status     string
	}{
		"classplans.carried+new.classes":  {15, 16, true, CompareChenhLech},
		"classplans.type.*.new.classes":   {12, 10, true, CompareChenhLech},
		"classplans.school.*.new.classes": {6, 10, false, CompareThieu},
	} {
		k := checks[key]
		if k.Sum != want.sum || k.Total != want.total || k.Complete != want.complete || k.Status != want.status {
			t.Errorf("%s: %+v, want sum %v total %v complete %v %s", key, k, want.sum, want.total, want.complete, want.status)
		}
	}
	if len(c.Consistency) != 3 || c.Consistency[0].Key != "classplans.carried+new.classes" {
		t.Errorf("checks %+v", c.Consistency)
	}
	if k := checks["classplans.school.*.new.classes"]; k.StatusName != "Chưa đủ chi tiết" || k.Label != "Mở mới (lớp) – cộng theo trường" {
		t.Errorf("partial breakdown %+v", k)
	}

	// All the parts stated, still short of the total: a contradiction.
	reported["classplans.school.b.new.classes"] = 3
	c = compareFigures(reported, computed, names)
	for _, k := range c.Consistency {
		if k.Key == "classplans.school.*.new.classes" && (k.Status != CompareChenhLech || !k.Complete || k.Sum != 9) {
			t.Errorf("complete breakdown short of its total: %+v", k)
		}
	}
}
