package app_test

import (
	"bytes"
	"encoding/base64"
	"encoding/csv"
	"encoding/json"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"socai/app"
	"socai/events"
	"socai/projections"
)

// demoAt loads the demo cluster recorded on 01/08/2021, then on 15/09/2021
// opens one more class in 2021-H1: today the cluster executes 261 classes,
// as of 10/08/2021 the 260 of report 51-BC/CTĐ.
func demoAt(t *testing.T) *app.App {
	t.Helper()
	a := openApp(t)
	clock := time.Date(2021, 8, 1, 2, 0, 0, 0, time.UTC)
	a.Store.Now = func() time.Time { return clock }
	if _, err := a.LoadDemo(ctx); err != nil {
		t.Fatal(err)
	}
	clock = time.Date(2021, 9, 15, 3, 0, 0, 0, time.UTC)
	if _, err := a.ClassPlans.OpenClass(open("k-late", "sonla", "tc-llct-hc", 40, "2021-06-01"), app.Note{Reason: "nhập bổ sung"}); err != nil {
		t.Fatal(err)
	}
	return a
}

// readBook opens an XLSX with excelize, as any reader would.
func readBook(t *testing.T, b []byte) *excelize.File {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("the workbook does not open: %v", err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// rowOf is the row number whose first cell is name, 0 if none.
func sheetRow(t *testing.T, f *excelize.File, sheet, name string) int {
	t.Helper()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range rows {
		if len(r) > 0 && r[0] == name {
			return i + 1
		}
	}
	t.Fatalf("%s: no row %q", sheet, name)
	return 0
}

// number reads a cell's stored value (not its formatted text) as a number.
func number(t *testing.T, f *excelize.File, sheet, cell string) float64 {
	t.Helper()
	v, err := f.GetCellValue(sheet, cell, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	n, err := strconv.ParseFloat(v, 64)
	if err != nil {
		t.Fatalf("%s!%s = %q, not a number", sheet, cell, v)
	}
	return n
}

func wantCells(t *testing.T, f *excelize.File, sheet string, row int, want map[string]float64) {
	t.Helper()
	for c, w := range want {
		cell := c + strconv.Itoa(row)
		if got := number(t, f, sheet, cell); got != w {
			t.Errorf("%s!%s = %v, want %v", sheet, cell, got, w)
		}
	}
}

func TestFiguresXLSXReference(t *testing.T) {
	a := demoAt(t)
	x, err := a.FiguresExport(ctx, "2021-H1", "", "2021-08-10")
	if err != nil {
		t.Fatal(err)
	}
	b, err := x.XLSX()
	if err != nil {
		t.Fatal(err)
	}
	f := readBook(t, b)
	sheets := []string{app.SheetClassPlans, app.SheetStaffTraining, app.SheetResearch, app.SheetAwards, app.SheetFigures}
	if got := f.GetSheetList(); strings.Join(got, "|") != strings.Join(sheets, "|") {
		t.Fatalf("sheets %q, want %q", got, sheets)
	}

	// Kế hoạch mở lớp: the cluster total of 51-BC/CTĐ.
	tot := sheetRow(t, f, app.SheetClassPlans, "Tổng cộng")
	wantCells(t, f, app.SheetClassPlans, tot, map[string]float64{"B": 323, "C": 20399, "D": 147, "E": 9852,
		"F": 113, "G": 6330, "H": 260, "I": 16182})
	if got := number(t, f, app.SheetClassPlans, "J"+strconv.Itoa(tot)); got < 0.80 || got > 0.81 {
		t.Errorf("%% chỉ tiêu lớp = %v, want 260/323 as a fraction", got)
	}
	// the school rows add up to the total
	var sum float64
	for r := app.StampRows + 4; r < tot; r++ {
		sum += number(t, f, app.SheetClassPlans, "H"+strconv.Itoa(r))
	}
	if sum != 260 {
		t.Errorf("the schools' executed classes add up to %v", sum)
	}

	// Viên chức đi học: 86 lượt, 12 cao học first.
	st := sheetRow(t, f, app.SheetStaffTraining, "Tổng cộng")
	wantCells(t, f, app.SheetStaffTraining, st, map[string]float64{"B": 12, "C": 11, "D": 6, "E": 6, "F": 12, "G": 39})
	last, _ := excelize.ColumnNumberToName(len(events.Programs) + 2)
	wantCells(t, f, app.SheetStaffTraining, st, map[string]float64{last: 86})

	// NCKH & Bản tin: 83 items, 9 issues, 175 articles, 8 websites; 4/64/15 by level.
	rs := sheetRow(t, f, app.SheetResearch, "Tổng cộng")
	wantCells(t, f, app.SheetResearch, rs, map[string]float64{"B": 83, "E": 9, "F": 175, "G": 8})
	for _, l := range x.Areas.Research.Active.ByLevel {
		wantCells(t, f, app.SheetResearch, sheetRow(t, f, app.SheetResearch, l.Name), map[string]float64{"B": float64(l.Total)})
	}
	levels := map[string]int64{}
	for _, l := range x.Areas.Research.Active.ByLevel {
		levels[l.Level] = l.Total
	}
	if levels[events.LevelBoTinh] != 4 || levels[events.LevelCoSo] != 64 || levels[events.LevelKhoaPhong] != 15 {
		t.Errorf("research by level %v, want 4/64/15", levels)
	}

	// Số liệu: every flat figure, by key.
	fig := map[string]float64{}
	rows, _ := f.GetRows(app.SheetFigures, excelize.Options{RawCellValue: true})
	for _, r := range rows[app.StampRows+1:] {
		v, err := strconv.ParseFloat(r[2], 64)
		if err != nil {
			t.Fatalf("Số liệu: %q is not a number", r)
		}
		fig[r[0]] = v
	}
	for k, w := range map[string]float64{"classplans.executed.classes": 260, "classplans.executed.students": 16182,
		"stafftraining.total": 86, "research.active.total": 83, "research.bulletins.articles": 175} {
		if fig[k] != w {
			t.Errorf("Số liệu %s = %v, want %v", k, fig[k], w)
		}
	}
	if len(fig) != len(x.Figures) {
		t.Errorf("Số liệu has %d figures, the ledger %d", len(fig), len(x.Figures))
	}

	// Every sheet: the stamp, a frozen header, the print setup, number formats.
	for _, sh := range sheets {
		for i, line := range x.StampLines() {
			if got, _ := f.GetCellValue(sh, "A"+strconv.Itoa(i+2)); got != line {
				t.Errorf("%s!A%d = %q, want %q", sh, i+2, got, line)
			}
		}
		if got, _ := f.GetCellValue(sh, "A2"); !strings.Contains(got, "2021-H1") || !strings.Contains(got, "Cụm thi đua") {
			t.Errorf("%s: scope line %q", sh, got)
		}
		if got, _ := f.GetCellValue(sh, "A3"); got != "Số liệu tại thời điểm: 10/08/2021 23:59 (giờ Việt Nam)" {
			t.Errorf("%s: as-of line %q", sh, got)
		}
		if got, _ := f.GetCellValue(sh, "A4"); !strings.Contains(got, x.Digest.Codes[0]) {
			t.Errorf("%s: digest line %q lacks %s", sh, got, x.Digest.Codes[0])
		}
		if got, _ := f.GetCellValue(sh, "A5"); !strings.Contains(got, x.Digest.Full[0]) {
			t.Errorf("%s: full digest line %q", sh, got)
		}
		panes, err := f.GetPanes(sh)
		if err != nil || !panes.Freeze || panes.YSplit <= app.StampRows || panes.XSplit != 1 {
			t.Errorf("%s: panes %+v %v, want frozen below the header and right of the names", sh, panes, err)
		}
		pl, err := f.GetPageLayout(sh)
		if err != nil || pl.Size == nil || *pl.Size != 9 || pl.Orientation == nil || *pl.Orientation != "landscape" {
			t.Errorf("%s: page layout %+v %v, want A4 landscape", sh, pl, err)
		}
	}
	titles := 0
	for _, dn := range f.GetDefinedName() {
		if dn.Name == "_xlnm.Print_Titles" {
			titles++
		}
	}
	if titles != len(sheets) {
		t.Errorf("%d sheets repeat their header when printed, want %d", titles, len(sheets))
	}
	// 16.182: the cell is a number with #,##0 (built-in 3), which the reader
	// draws with its locale's thousands separator.
	cell := "I" + strconv.Itoa(tot)
	id, err := f.GetCellStyle(app.SheetClassPlans, cell)
	if err != nil {
		t.Fatal(err)
	}
	style, err := f.GetStyle(id)
	if err != nil || style.NumFmt != 3 || style.Font == nil || style.Font.Family != "Times New Roman" {
		t.Errorf("%s style %+v %v, want #,##0 in Times New Roman", cell, style, err)
	}
	if shown, _ := f.GetCellValue(app.SheetClassPlans, cell); shown != "16,182" { // excelize formats as en-US
		t.Errorf("%s shows %q", cell, shown)
	}
}

// As of a moment, a file holds the figures the ledger knew then; now, the
// figures of today; a school's file only that school.
func TestFiguresExportAsOfAndSchool(t *testing.T) {
	a := demoAt(t)
	now, err := a.FiguresExport(ctx, "2021-H1", "", "")
	if err != nil {
		t.Fatal(err)
	}
	if got := projections.FigureMap(now.Figures)["classplans.executed.classes"]; got != 261 || now.Historical {
		t.Errorf("now: %v classes (historical %v), want 261", got, now.Historical)
	}
	then, err := a.FiguresExport(ctx, "2021-H1", "", "2021-08-10")
	if err != nil {
		t.Fatal(err)
	}
	if got := projections.FigureMap(then.Figures)["classplans.executed.classes"]; got != 260 || !then.Historical {
		t.Errorf("as of 10/08/2021: %v classes, want 260", got)
	}
	if then.AsOf != "2021-08-10T16:59:59Z" || then.Digest.Full[0] == now.Digest.Full[0] {
		t.Errorf("as of %s, digest %v vs now %v", then.AsOf, then.Digest.Codes, now.Digest.Codes)
	}

	sl, err := a.FiguresExport(ctx, "2021-H1", "sonla", "")
	if err != nil {
		t.Fatal(err)
	}
	if sl.Scope == "" || strings.Contains(sl.Scope, "Cụm") || len(sl.Areas.ClassPlans.BySchool) != 1 {
		t.Errorf("Sơn La: scope %q, %d school rows", sl.Scope, len(sl.Areas.ClassPlans.BySchool))
	}
	b, err := sl.XLSX()
	if err != nil {
		t.Fatal(err)
	}
	f := readBook(t, b)
	want := projections.FigureMap(sl.Figures)["classplans.executed.classes"]
	wantCells(t, f, app.SheetClassPlans, sheetRow(t, f, app.SheetClassPlans, "Tổng cộng"), map[string]float64{"H": want})
}

func TestFiguresCSVAndJSON(t *testing.T) {
	a := demoAt(t)
	x, err := a.FiguresExport(ctx, "2021-H1", "", "2021-08-10")
	if err != nil {
		t.Fatal(err)
	}
	b, err := x.CSV()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(b, []byte("\ufeffkey,label,")) || !bytes.Contains(b, []byte("\r\n")) {
		t.Errorf("CSV starts %q: want a UTF-8 BOM, the header and CRLF", b[:20])
	}
	recs, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(b, []byte("\ufeff")))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(recs[0], ",") != strings.Join(app.CSVHeader, ",") || len(recs) != len(x.Figures)+1 {
		t.Fatalf("CSV header %q, %d rows for %d figures", recs[0], len(recs), len(x.Figures))
	}
	got := map[string]string{}
	for _, r := range recs[1:] {
		got[r[0]] = r[2]
		if r[4] != "2021-H1" || r[5] != "" || r[6] != "2021-08-10T16:59:59Z" || r[7] != strings.Join(x.Digest.Full, ";") {
			t.Fatalf("CSV row %q lacks its scope", r)
		}
	}
	for k, w := range map[string]string{"classplans.executed.students": "16182", "classplans.target.classes": "323",
		"classplans.carried.students": "9852", "classplans.new.classes": "113", "stafftraining.total": "86",
		"research.active.total": "83", "research.bulletins.issues": "9", "research.websites.with": "8"} {
		if got[k] != w {
			t.Errorf("CSV %s = %q, want %s", k, got[k], w)
		}
	}
	if lbl := recs[1][1]; !strings.Contains(lbl, "chỉ tiêu") {
		t.Errorf("CSV label %q: the Vietnamese labels are garbled or missing", lbl)
	}

	j, err := x.JSON()
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Period struct{ Label, From, To string }
		School string
		AsOf   string `json:"as_of"`
		Digest struct{ Codes, Full []string }
		Figs   []projections.Figure `json:"figures"`
		Areas  struct {
			ClassPlans    projections.ClassPlanReport     `json:"classplans"`
			StaffTraining projections.StaffTrainingReport `json:"stafftraining"`
			Research      projections.ResearchReport      `json:"research"`
			Awards        projections.AwardReport         `json:"awards"`
		}
	}
	if err := json.Unmarshal(j, &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Period.Label != "2021-H1" || doc.Period.From != "2021-01-01" || doc.AsOf != "2021-08-10T16:59:59Z" ||
		len(doc.Digest.Codes) == 0 || len(doc.Figs) != len(x.Figures) {
		t.Errorf("JSON head: %+v", doc.Period)
	}
	cp := doc.Areas.ClassPlans.Total
	if cp.Executed != (projections.Count{Classes: 260, Students: 16182}) || doc.Areas.StaffTraining.Total != 86 ||
		doc.Areas.Research.Bulletins.Articles != 175 || doc.Areas.Awards.Year != 2021 {
		t.Errorf("JSON areas: %+v, %d, %d", cp.Executed, doc.Areas.StaffTraining.Total, doc.Areas.Research.Bulletins.Articles)
	}
}

// The service of the window and the HTTP bridge: base64 of the same file;
// bad input is refused in Vietnamese before anything is made.
func TestExportServiceFigures(t *testing.T) {
	a := demoAt(t)
	f, err := a.Export.FiguresFile("XLSX", "2021-H1", "", "2021-08-10")
	if err != nil {
		t.Fatal(err)
	}
	b, err := base64.StdEncoding.DecodeString(f.Base64)
	if err != nil || len(b) != f.Size || f.Name != "so-lieu-2021-H1-cum.xlsx" || !strings.HasPrefix(f.MIME, "application/vnd.openxml") {
		t.Fatalf("file %s %s %d bytes: %v", f.Name, f.MIME, f.Size, err)
	}
	book := readBook(t, b)
	wantCells(t, book, app.SheetClassPlans, sheetRow(t, book, app.SheetClassPlans, "Tổng cộng"), map[string]float64{"H": 260, "I": 16182})

	for _, c := range []struct {
		format, period, school, asOf, code, says string
	}{
		{"pdf", "2021-H1", "", "", events.EINVALID, "định dạng"},
		{"xlsx", "2021-H3", "", "", events.EINVALID, "không hợp lệ"},
		{"csv", "2021-H1", "hanoi", "", events.ENOTFOUND, "không có trường"},
		{"json", "2021-H1", "", "10/08/2021", events.EINVALID, "không hợp lệ"},
		{"json", "2021-H1", "", "2999-01-01", events.EINVALID, "tương lai"},
	} {
		_, err := a.Export.FiguresFile(c.format, c.period, c.school, c.asOf)
		if events.ErrorCode(err) != c.code || err == nil || !strings.Contains(err.Error(), c.says) {
			t.Errorf("%+v: %v", c, err)
		}
	}
	if _, err := a.Export.SaveFigures("xlsx", "2021-H1", "", ""); err == nil || !hasVietnamese(err.Error()) {
		t.Errorf("no window, no save dialog: %v", err)
	}
}
