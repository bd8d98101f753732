package projections

import (
	"context"
	"math"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Statuses of a compared figure and of a consistency check.
const (
	CompareKhop      = "khop"       // the report and the ledger agree; a breakdown adds up
	CompareChenhLech = "chenh_lech" // they differ; a breakdown does not add up
	CompareThieu     = "thieu"      // the report does not state the figure; a breakdown names only some parts
	CompareKhongTinh = "khong_tinh" // the report states a figure the ledger does not compute
)

// CompareStatusNames name the statuses of a compared figure.
var CompareStatusNames = map[string]string{
	CompareKhop: "Khớp", CompareChenhLech: "Chênh lệch", CompareThieu: "Không báo cáo", CompareKhongTinh: "Sổ cái không tính",
}

// CheckStatusNames name the statuses of a consistency check.
var CheckStatusNames = map[string]string{
	CompareKhop: "Khớp", CompareChenhLech: "Chênh lệch", CompareThieu: "Chưa đủ chi tiết",
}

// ComparedFigure is one figure side by side: what the report states and
// what the ledger computes.
type ComparedFigure struct {
	Key      string   `json:"key"`
	Label    string   `json:"label"`
	Unit     string   `json:"unit"`
	Reported *float64 `json:"reported"`
	Computed *float64 `json:"computed"`
	// Difference is reported − computed (the computed value rounded to the
	// decimals the report gives), when both are there.
	Difference *float64 `json:"difference"`
	Status     string   `json:"status"`
	StatusName string   `json:"status_name"`
}

// ConsistencyCheck is a check of the report against itself: the parts it
// states of a total (by class type, by school …) summed and compared with
// the total it states, or carried over + newly opened against executed.
type ConsistencyCheck struct {
	Key        string   `json:"key"` // "classplans.type.*.new.classes", "classplans.carried+new.classes"
	Label      string   `json:"label"`
	Unit       string   `json:"unit"`
	TotalKey   string   `json:"total_key"`
	Total      float64  `json:"total"`
	Parts      []string `json:"parts"`
	Sum        float64  `json:"sum"`
	Difference float64  `json:"difference"` // sum − total
	// Complete: every part the ledger has a figure for is stated. A sum
	// short of its total with parts missing is not a contradiction.
	Complete   bool   `json:"complete"`
	Status     string `json:"status"`
	StatusName string `json:"status_name"`
}

// CompareSummary counts the statuses.
type CompareSummary struct {
	Reported        int `json:"reported"`
	Khop            int `json:"khop"`
	ChenhLech       int `json:"chenh_lech"`
	Thieu           int `json:"thieu"`
	KhongTinh       int `json:"khong_tinh"`
	Checks          int `json:"checks"`
	ChecksKhop      int `json:"checks_khop"`
	ChecksChenhLech int `json:"checks_chenh_lech"`
	ChecksThieu     int `json:"checks_thieu"`
}

// FigureComparison is the side-by-side table and the report's own checks.
type FigureComparison struct {
	Figures     []ComparedFigure   `json:"figures"`
	Consistency []ConsistencyCheck `json:"consistency"`
	Summary     CompareSummary     `json:"summary"`
}

// CompareFigures compares the figures a party (a school, or a cluster: then
// the whole ledger) reported for period p with every figure the ledger q
// computes for it, and checks the reported figures against each other.
func CompareFigures(ctx context.Context, q Querier, p Period, party string, reported map[string]float64) (FigureComparison, error) {
	school := ""
	var n int
	if err := q.QueryRowContext(ctx, `SELECT COUNT(*) FROM proj_schools WHERE school_id = ?`, party).Scan(&n); err != nil {
		return FigureComparison{}, err
	}
	if n > 0 {
		school = party
	}
	computed, err := Figures(ctx, q, p, school)
	if err != nil {
		return FigureComparison{}, err
	}
	names := map[string]string{}
	for _, g := range classGroups {
		names["group:"+g.key] = g.name
	}
	err = eachRow(ctx, q, `SELECT 'type:' || class_type, name FROM proj_class_types
		UNION ALL SELECT 'school:' || school_id, name FROM proj_schools`, nil,
		func(scan func(...any) error) error {
			var k, v string
			err := scan(&k, &v)
			names[k] = v
			return err
		})
	if err != nil {
		return FigureComparison{}, err
	}
	return compareFigures(reported, computed, names), nil
}

// breakdown is a family of figures that are parts of one total.
type breakdown struct {
	prefix string // of the parts' keys
	kind   string // of the parts, for their names
	by     string // "loại lớp": the check is "cộng theo loại lớp"
	// measured: the parts end in a class-plan measure (".new.classes"),
	// and so does their total, area + measure; else the total is total.
	measured    bool
	area, total string
}

var breakdowns = []breakdown{
	{"classplans.group.", "group", "nhóm lớp", true, "classplans", ""},
	{"classplans.type.", "type", "loại lớp", true, "classplans", ""},
	{"classplans.school.", "school", "trường", true, "classplans", ""},
	{"stafftraining.program.", "program", "chương trình", false, "", "stafftraining.total"},
	{"stafftraining.school.", "school", "trường", false, "", "stafftraining.total"},
	{"research.active.level.", "level", "cấp", false, "", "research.active.total"},
}

// classMeasures are the class-plan measures in report order.
var classMeasures = []string{
	".target.classes", ".target.students", ".carried.classes", ".carried.students", ".new.classes",
	".new.students", ".executed.classes", ".executed.students", ".completed.classes", ".completed.students",
}

func (b breakdown) totalKey(measure string) string {
	if b.measured {
		return b.area + measure
	}
	return b.total
}

// partOf finds the breakdown a key is a part of, the part and its measure.
func partOf(key string) (b breakdown, member, measure string, ok bool) {
	for _, b := range breakdowns {
		rest, found := strings.CutPrefix(key, b.prefix)
		if !found || rest == "" {
			continue
		}
		if !b.measured {
			if !strings.Contains(rest, ".") {
				return b, rest, "", true
			}
			continue
		}
		if i := strings.IndexByte(rest, '.'); i > 0 {
			for _, m := range classMeasures {
				if rest[i:] == m {
					return b, rest[:i], m, true
				}
			}
		}
	}
	return breakdown{}, "", "", false
}

// countsArea: a figure of these areas that the ledger has no row for is 0
// (no class of that type, no enrolment in that programme); an award check
// without a value is not computed.
func countsArea(key string) bool {
	for _, a := range []string{"classplans.", "stafftraining.", "research."} {
		if strings.HasPrefix(key, a) {
			return true
		}
	}
	return false
}

type comparer struct {
	computed map[string]Figure
	names    map[string]string
}

// label of a key: the ledger's own, else built from its part's name and its
// total's label, else the key.
func (c comparer) label(key string) (string, string) {
	if f, ok := c.computed[key]; ok {
		return capitalise(f.Label), f.Unit
	}
	if b, member, measure, ok := partOf(key); ok {
		if t, ok := c.computed[b.totalKey(measure)]; ok {
			name := c.names[b.kind+":"+member]
			if name == "" {
				name = member
			}
			return name + ": " + t.Label, t.Unit
		}
	}
	return key, ""
}

func capitalise(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

// decimals is how many decimals a reported number is written with (at most 4).
func decimals(v float64) int {
	s := strconv.FormatFloat(v, 'f', -1, 64)
	if _, frac, ok := strings.Cut(s, "."); ok {
		return min(len(frac), 4)
	}
	return 0
}

func round(v float64, d int) float64 {
	p := math.Pow(10, float64(d))
	return math.Round(v*p) / p
}

func same(a, b float64) bool { return math.Abs(a-b) < 1e-6 }

func compareFigures(reported map[string]float64, computed []Figure, names map[string]string) FigureComparison {
	c := comparer{computed: make(map[string]Figure, len(computed)), names: names}
	for _, f := range computed {
		c.computed[f.Key] = f
	}
	var out FigureComparison
	keys := make([]string, 0, len(computed)+len(reported))
	for _, f := range computed {
		keys = append(keys, f.Key)
	}
	keys = placeExtra(keys, reported, c.computed)
	for _, key := range keys {
		row := ComparedFigure{Key: key}
		row.Label, row.Unit = c.label(key)
		r, rok := reported[key]
		f, cok := c.computed[key]
		v := f.Value
		if !cok && rok && countsArea(key) {
			v, cok = 0, true
		}
		if rok {
			row.Reported = &r
			out.Summary.Reported++
		}
		if cok {
			row.Computed = &v
		}
		switch {
		case rok && cok:
			d := decimals(r)
			diff := round(r-round(v, d), d)
			row.Difference = &diff
			row.Status = CompareChenhLech
			if same(diff, 0) {
				row.Status = CompareKhop
			}
		case rok:
			row.Status = CompareKhongTinh
		default:
			row.Status = CompareThieu
		}
		row.StatusName = CompareStatusNames[row.Status]
		switch row.Status {
		case CompareKhop:
			out.Summary.Khop++
		case CompareChenhLech:
			out.Summary.ChenhLech++
		case CompareThieu:
			out.Summary.Thieu++
		case CompareKhongTinh:
			out.Summary.KhongTinh++
		}
		out.Figures = append(out.Figures, row)
	}
	out.Consistency = c.consistency(reported)
	for _, k := range out.Consistency {
		out.Summary.Checks++
		switch k.Status {
		case CompareKhop:
			out.Summary.ChecksKhop++
		case CompareChenhLech:
			out.Summary.ChecksChenhLech++
		case CompareThieu:
			out.Summary.ChecksThieu++
		}
	}
	if out.Figures == nil {
		out.Figures = []ComparedFigure{}
	}
	return out
}

// placeExtra adds the reported keys the ledger has no figure for, each
// after the last key of its breakdown (a class type with no class in the
// period goes with the other class types), else at the end; in key order.
func placeExtra(keys []string, reported map[string]float64, computed map[string]Figure) []string {
	var extra []string
	for k := range reported {
		if _, ok := computed[k]; !ok {
			extra = append(extra, k)
		}
	}
	sort.Strings(extra)
	for _, k := range extra {
		at := len(keys)
		if b, _, _, ok := partOf(k); ok {
			for i := len(keys) - 1; i >= 0; i-- {
				if strings.HasPrefix(keys[i], b.prefix) {
					at = i + 1
					break
				}
			}
		}
		keys = append(keys[:at], append([]string{k}, keys[at:]...)...)
	}
	return keys
}

// consistency checks the reported figures against each other: carried over
// + newly opened = executed, then each breakdown against its total.
func (c comparer) consistency(reported map[string]float64) []ConsistencyCheck {
	out := []ConsistencyCheck{}
	add := func(k ConsistencyCheck, total float64) {
		k.Total = total
		for _, p := range k.Parts {
			k.Sum += reported[p]
		}
		k.Difference = k.Sum - total
		switch {
		case same(k.Sum, total):
			k.Status = CompareKhop
		case k.Sum > total || k.Complete:
			k.Status = CompareChenhLech
		default:
			k.Status = CompareThieu
		}
		k.StatusName = CheckStatusNames[k.Status]
		out = append(out, k)
	}

	// Carried over + newly opened = executed, for the total and each part.
	bases := map[string]string{"classplans": ""} // base → name of the part
	for key := range reported {
		if b, member, _, ok := partOf(key); ok && b.measured {
			name := c.names[b.kind+":"+member]
			if name == "" {
				name = member
			}
			bases[b.prefix+member] = name + ": "
		}
	}
	ordered := make([]string, 0, len(bases))
	for b := range bases {
		ordered = append(ordered, b)
	}
	sort.Slice(ordered, func(i, j int) bool {
		return ordered[i] == "classplans" || ordered[j] != "classplans" && ordered[i] < ordered[j]
	})
	for _, base := range ordered {
		for _, unit := range []string{"classes", "students"} {
			carried, added, executed := base+".carried."+unit, base+".new."+unit, base+".executed."+unit
			_, ok1 := reported[carried]
			_, ok2 := reported[added]
			total, ok3 := reported[executed]
			if !ok1 || !ok2 || !ok3 {
				continue
			}
			u := map[string]string{"classes": "lớp", "students": "học viên"}[unit]
			label := "chuyển sang + mở mới = thực hiện (" + u + ")"
			if bases[base] == "" {
				label = capitalise(label)
			}
			add(ConsistencyCheck{Key: base + ".carried+new." + unit, Label: bases[base] + label, Unit: u,
				TotalKey: executed, Parts: []string{carried, added}, Complete: true}, total)
		}
	}

	// Each breakdown against its total.
	parts := map[string][]string{} // prefix + "*" + measure → reported parts
	for key := range reported {
		if b, _, measure, ok := partOf(key); ok {
			parts[b.prefix+"*"+measure] = append(parts[b.prefix+"*"+measure], key)
		}
	}
	for _, b := range breakdowns {
		measures := []string{""}
		if b.measured {
			measures = classMeasures
		}
		for _, m := range measures {
			ps := parts[b.prefix+"*"+m]
			total, ok := reported[b.totalKey(m)]
			if len(ps) == 0 || !ok {
				continue
			}
			sort.Strings(ps)
			complete := true
			for key, f := range c.computed {
				if pb, _, pm, ok := partOf(key); ok && pb.prefix == b.prefix && pm == m && f.Value != 0 {
					if _, stated := reported[key]; !stated {
						complete = false
					}
				}
			}
			label, unit := c.label(b.totalKey(m))
			add(ConsistencyCheck{Key: b.prefix + "*" + m, Label: label + " – cộng theo " + b.by, Unit: unit,
				TotalKey: b.totalKey(m), Parts: ps, Complete: complete}, total)
		}
	}
	return out
}
