package app

import (
	"fmt"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"socai/projections"
	"socai/vn"
)

// Sheet names of the figures workbook, in order.
const (
	SheetClassPlans    = "Kế hoạch mở lớp"
	SheetStaffTraining = "Viên chức đi học"
	SheetResearch      = "NCKH & Bản tin"
	SheetAwards        = "Thi đua – Khen thưởng"
	SheetFigures       = "Số liệu"
)

// Rows of every sheet: the stamp (title, scope, as-of, digest), then the
// table whose header starts at StampRows+1 and stays frozen.
const (
	StampRows   = 6
	totalsLabel = "Tổng cộng"
)

// Number formats. #,##0 is built in (id 3): the reader draws it with its
// locale's separators, 16.182 in LibreOffice or Excel set to Vietnamese,
// 16,182 in English. Percentages are stored as fractions (0.805) and shown
// 80,5% / 80.5% the same way.
const (
	fmtInt     = 3
	fmtPercent = "0.0%"
	fmtDecimal = "#,##0.0"
	// fmtYesNo shows 1 as Có and 0 as Không, the cell stays a number.
	fmtYesNo = `"Có";"Có";"Không"`
)

// fontName is what Vietnamese offices print in (DESIGN.md, Conventions).
const fontName = "Times New Roman"

// bookStyles are the style ids of the workbook.
type bookStyles struct {
	title, stamp, head, text, bold, integer, boldInt, percent, boldPct, decimal, yesNo, section int
}

// XLSX is the figures workbook: one sheet per area with the schools and the
// cluster total, and "Số liệu" with every flat figure; each sheet carries
// the period, the scope, the as-of moment and the digest, frozen headers,
// Vietnamese number formats and an A4 landscape print setup.
func (x FiguresExport) XLSX() ([]byte, error) {
	f := excelize.NewFile()
	defer f.Close()
	b := &book{f: f, x: x}
	if err := b.styles(); err != nil {
		return nil, err
	}
	for i, s := range []struct {
		name  string
		write func(*sheet)
	}{
		{SheetClassPlans, b.classPlans},
		{SheetStaffTraining, b.staffTraining},
		{SheetResearch, b.research},
		{SheetAwards, b.awards},
		{SheetFigures, b.figures},
	} {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", s.name); err != nil {
				return nil, err
			}
		} else if _, err := f.NewSheet(s.name); err != nil {
			return nil, err
		}
		sh := &sheet{book: b, name: s.name, row: StampRows}
		s.write(sh)
		if sh.err != nil {
			return nil, fmt.Errorf("trang %s: %w", s.name, sh.err)
		}
	}
	if err := f.SetDocProps(&excelize.DocProperties{
		Title:       "Số liệu kỳ " + x.Period.Label + " – " + x.Scope,
		Subject:     "Mã xác thực: " + strings.Join(x.Digest.Full, "; "),
		Creator:     "socai " + Version,
		Description: "Số liệu tại thời điểm " + x.asOfText(),
		Language:    "vi-VN",
	}); err != nil {
		return nil, err
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// asOfText is the as-of moment as the sheets print it: 12/08/2021 17:00 (giờ Việt Nam).
func (x FiguresExport) asOfText() string {
	t, err := time.Parse(time.RFC3339, x.AsOf)
	if err != nil {
		return x.AsOf
	}
	return t.In(vn.Zone).Format("02/01/2006 15:04") + " (giờ Việt Nam)"
}

// StampLines are the lines above every sheet's table, after its title.
func (x FiguresExport) StampLines() []string {
	codes, full := "– (sổ cái trống)", "–"
	if len(x.Digest.Codes) > 0 {
		codes, full = strings.Join(x.Digest.Codes, "; "), strings.Join(x.Digest.Full, "; ")
	}
	return []string{
		fmt.Sprintf("Kỳ %s (%s–%s) – Phạm vi: %s", x.Period.Label, vn.Date(string(x.Period.From)), vn.Date(string(x.Period.To)), x.Scope),
		"Số liệu tại thời điểm: " + x.asOfText(),
		"Mã xác thực: " + codes,
		"Mã đầy đủ: " + full,
	}
}

type book struct {
	f  *excelize.File
	x  FiguresExport
	st bookStyles
}

func (b *book) styles() error {
	border := []excelize.Border{{Type: "left", Color: "808080", Style: 1}, {Type: "right", Color: "808080", Style: 1},
		{Type: "top", Color: "808080", Style: 1}, {Type: "bottom", Color: "808080", Style: 1}}
	font := func(bold bool, size float64) *excelize.Font {
		return &excelize.Font{Family: fontName, Size: size, Bold: bold}
	}
	pct, dec, yes := fmtPercent, fmtDecimal, fmtYesNo
	align := &excelize.Alignment{Vertical: "center"} // no wrapping: a row keeps its height
	for _, s := range []struct {
		id    *int
		style excelize.Style
	}{
		{&b.st.title, excelize.Style{Font: font(true, 14)}},
		{&b.st.stamp, excelize.Style{Font: &excelize.Font{Family: fontName, Size: 11, Italic: true}}},
		{&b.st.head, excelize.Style{Font: font(true, 12), Border: border,
			Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}},
			Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}}},
		{&b.st.section, excelize.Style{Font: &excelize.Font{Family: fontName, Size: 12, Bold: true, Italic: true}, Border: border}},
		{&b.st.text, excelize.Style{Font: font(false, 12), Border: border, Alignment: align}},
		{&b.st.bold, excelize.Style{Font: font(true, 12), Border: border, Alignment: align}},
		{&b.st.integer, excelize.Style{Font: font(false, 12), Border: border, NumFmt: fmtInt}},
		{&b.st.boldInt, excelize.Style{Font: font(true, 12), Border: border, NumFmt: fmtInt}},
		{&b.st.percent, excelize.Style{Font: font(false, 12), Border: border, CustomNumFmt: &pct}},
		{&b.st.boldPct, excelize.Style{Font: font(true, 12), Border: border, CustomNumFmt: &pct}},
		{&b.st.decimal, excelize.Style{Font: font(false, 12), Border: border, CustomNumFmt: &dec}},
		{&b.st.yesNo, excelize.Style{Font: font(false, 12), Border: border, CustomNumFmt: &yes,
			Alignment: &excelize.Alignment{Horizontal: "center"}}},
	} {
		id, err := b.f.NewStyle(&s.style)
		if err != nil {
			return err
		}
		*s.id = id
	}
	return b.f.SetDefaultFont(fontName)
}

// sheet writes one sheet row by row; the first error sticks.
type sheet struct {
	*book
	name string
	row  int // the last row written
	head int // the last header row
	cols int
	// headLines is how many lines a one-row header's names take, 2 if unset.
	headLines int
	err       error
}

func (s *sheet) do(err error) {
	if s.err == nil && err != nil {
		s.err = err
	}
}

func (s *sheet) cell(col, row int) string {
	c, err := excelize.CoordinatesToCellName(col, row)
	s.do(err)
	return c
}

// start writes the title and the stamp, sets the column widths (the first
// is the names') and the print setup.
func (s *sheet) start(title string, widths ...float64) {
	f := s.f
	s.cols = len(widths)
	s.do(f.SetCellValue(s.name, "A1", strings.ToUpper(title)))
	s.do(f.SetCellStyle(s.name, "A1", "A1", s.st.title))
	for i, l := range s.x.StampLines() {
		s.do(f.SetCellValue(s.name, s.cell(1, i+2), l))
		s.do(f.SetCellStyle(s.name, s.cell(1, i+2), s.cell(1, i+2), s.st.stamp))
	}
	for i, w := range widths {
		c, _ := excelize.ColumnNumberToName(i + 1)
		s.do(f.SetColWidth(s.name, c, c, w))
	}
	a4, landscape, one, auto := 9, "landscape", 1, 0
	s.do(f.SetPageLayout(s.name, &excelize.PageLayoutOptions{Size: &a4, Orientation: &landscape, FitToWidth: &one, FitToHeight: &auto}))
	fit := true
	s.do(f.SetSheetProps(s.name, &excelize.SheetPropsOptions{FitToPage: &fit}))
	margin, edge := 0.6, 0.3
	s.do(f.SetPageMargins(s.name, &excelize.PageLayoutMarginsOptions{Left: &margin, Right: &margin, Top: &margin, Bottom: &margin,
		Header: &edge, Footer: &edge}))
	codes := "–"
	if len(s.x.Digest.Codes) > 0 {
		codes = strings.Join(s.x.Digest.Codes, "; ")
	}
	footer := "&L&\"" + fontName + "\"&9" + hfEscape("Mã xác thực: "+codes+" – số liệu tại "+s.x.asOfText()) +
		"&R&\"" + fontName + "\"&9Trang &P/&N"
	s.do(f.SetHeaderFooter(s.name, &excelize.HeaderFooterOptions{OddFooter: footer}))
}

// hfEscape doubles the & of text put in a header or footer.
func hfEscape(s string) string { return strings.ReplaceAll(s, "&", "&&") }

// header writes the header: one row of names, or two when some columns are
// grouped ("Chỉ tiêu" over "Lớp", "Học viên"). It freezes the panes below it
// and right of the names, and repeats it on every printed page.
func (s *sheet) header(groups ...headGroup) {
	two := false
	for _, g := range groups {
		two = two || len(g.sub) > 0
	}
	top := s.row + 1
	s.head = top
	if two {
		s.head++
	}
	col := 1
	for _, g := range groups {
		n := max(1, len(g.sub))
		first := s.cell(col, top)
		s.do(s.f.SetCellValue(s.name, first, g.name))
		switch {
		case n > 1: // the group's name over its columns
			s.do(s.f.MergeCell(s.name, first, s.cell(col+n-1, top)))
		case two && len(g.sub) == 0: // a single column over both header rows
			s.do(s.f.MergeCell(s.name, first, s.cell(col, s.head)))
		}
		for i, sub := range g.sub {
			s.do(s.f.SetCellValue(s.name, s.cell(col+i, s.head), sub))
		}
		col += n
	}
	s.do(s.f.SetCellStyle(s.name, s.cell(1, top), s.cell(col-1, s.head), s.st.head))
	if !two { // room for a name on two lines
		s.do(s.f.SetRowHeight(s.name, top, 16*float64(max(2, s.headLines))))
	}
	s.row = s.head
	s.do(s.f.SetPanes(s.name, &excelize.Panes{Freeze: true, XSplit: 1, YSplit: s.head,
		TopLeftCell: s.cell(2, s.head+1), ActivePane: "bottomRight"}))
	s.do(s.f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", Scope: s.name,
		RefersTo: fmt.Sprintf("'%s'!$%d:$%d", s.name, top, s.head)}))
}

type headGroup struct {
	name string
	sub  []string
}

func col(name string, sub ...string) headGroup { return headGroup{name, sub} }

// put writes one row: name first, then values, each with its style.
func (s *sheet) put(name string, nameStyle int, cells ...styled) {
	s.row++
	s.do(s.f.SetCellValue(s.name, s.cell(1, s.row), name))
	s.do(s.f.SetCellStyle(s.name, s.cell(1, s.row), s.cell(1, s.row), nameStyle))
	for i, c := range cells {
		ref := s.cell(i+2, s.row)
		if c.v != nil {
			s.do(s.f.SetCellValue(s.name, ref, c.v))
		}
		s.do(s.f.SetCellStyle(s.name, ref, ref, c.style))
	}
}

// section writes a line that names the rows below it.
func (s *sheet) section(name string) {
	s.row++
	s.do(s.f.SetCellValue(s.name, s.cell(1, s.row), name))
	s.do(s.f.SetCellStyle(s.name, s.cell(1, s.row), s.cell(s.cols, s.row), s.st.section))
}

type styled struct {
	v     any // nil: an empty cell, for a figure that does not exist
	style int
}

func (s *sheet) num(n int64, bold bool) styled {
	if bold {
		return styled{n, s.st.boldInt}
	}
	return styled{n, s.st.integer}
}

// pct is a percentage (80.5) as the fraction the format shows as 80,5%.
func (s *sheet) pct(p *float64, bold bool) styled {
	st := s.st.percent
	if bold {
		st = s.st.boldPct
	}
	if p == nil {
		return styled{nil, st}
	}
	return styled{*p / 100, st}
}

func (s *sheet) text(v string) styled { return styled{v, s.st.text} }

// --- the sheets ---

func (b *book) classPlans(s *sheet) {
	rep := b.x.Areas.ClassPlans
	s.start("Kế hoạch mở lớp", 56, 9, 11, 9, 11, 9, 11, 9, 11, 9, 11)
	s.header(col("Trường / loại lớp"), col("Chỉ tiêu", "Lớp", "Học viên"), col("Chuyển sang", "Lớp", "Học viên"),
		col("Mở mới", "Lớp", "Học viên"), col("Thực hiện", "Lớp", "Học viên"), col("% chỉ tiêu", "Lớp", "Học viên"))
	row := func(r projections.ClassPlanRow, bold bool) {
		target := []styled{{nil, s.st.integer}, {nil, s.st.integer}}
		if r.Target != nil {
			target = []styled{s.num(r.Target.Classes, bold), s.num(r.Target.Students, bold)}
		}
		name := s.st.text
		if bold {
			name = s.st.bold
		}
		s.put(r.Name, name, append(target,
			s.num(r.Carried.Classes, bold), s.num(r.Carried.Students, bold),
			s.num(r.New.Classes, bold), s.num(r.New.Students, bold),
			s.num(r.Executed.Classes, bold), s.num(r.Executed.Students, bold),
			s.pct(r.PctClasses, bold), s.pct(r.PctStudents, bold))...)
	}
	s.section("Theo trường")
	for _, r := range rep.BySchool {
		row(r, false)
	}
	row(rep.Total, true)
	s.section("Theo nhóm lớp")
	for _, r := range rep.ByGroup {
		row(r, false)
	}
	s.section("Theo loại lớp")
	for _, r := range rep.ByType {
		row(r, false)
	}
}

func (b *book) staffTraining(s *sheet) {
	rep := b.x.Areas.StaffTraining
	widths := []float64{56}
	groups := []headGroup{col("Trường")}
	for _, p := range rep.ByProgram {
		widths = append(widths, 14)
		groups = append(groups, col(p.Name))
	}
	s.start("Viên chức đi học (lượt)", append(widths, 10)...)
	s.headLines = 3
	s.header(append(groups, col(totalsLabel))...)
	for _, r := range rep.BySchool {
		var cells []styled
		for _, p := range rep.ByProgram {
			cells = append(cells, s.num(r.ByProgram[p.Program], false))
		}
		s.put(r.Name, s.st.text, append(cells, s.num(r.Total, true))...)
	}
	var cells []styled
	for _, p := range rep.ByProgram {
		cells = append(cells, s.num(p.Count, true))
	}
	s.put(totalsLabel, s.st.bold, append(cells, s.num(rep.Total, true))...)
	planned := []styled{}
	for _, p := range rep.ByProgram {
		planned = append(planned, s.num(p.Planned, false))
	}
	s.put("Kế hoạch (dự kiến cử đi học)", s.st.text, append(planned, s.num(rep.Planned, false))...)
}

func (b *book) research(s *sheet) {
	rep := b.x.Areas.Research
	s.start("Nghiên cứu khoa học, bản tin, trang thông tin điện tử", 56, 14, 13, 13, 11, 11, 14)
	s.header(col("Trường / cấp"), col("Đề tài, đề án, sáng kiến thực hiện"), col("Nghiệm thu"), col("Hội thảo, tọa đàm"),
		col("Số bản tin"), col("Bài viết"), col("Trang thông tin điện tử"))
	s.section("Theo trường")
	for _, r := range rep.BySchool {
		web := int64(0)
		if r.Website {
			web = 1
		}
		s.put(r.Name, s.st.text, s.num(r.Active, false), s.num(r.Accepted, false), s.num(r.Workshops, false),
			s.num(r.BulletinIssues, false), s.num(r.Articles, false), styled{web, s.st.yesNo})
	}
	s.put(totalsLabel, s.st.bold, s.num(rep.Active.Total, true), s.num(rep.Accepted.Total, true),
		s.num(rep.Workshops.Total, true), s.num(rep.Bulletins.Issues, true), s.num(rep.Bulletins.Articles, true),
		s.num(rep.Websites.With, true))
	s.put("Số trường ra bản tin / có trang thông tin", s.st.text, styled{nil, s.st.integer}, styled{nil, s.st.integer},
		styled{nil, s.st.integer}, s.num(rep.Bulletins.Schools, false), styled{nil, s.st.integer},
		styled{fmt.Sprintf("%d/%d trường", rep.Websites.With, rep.Websites.Schools), s.st.text})
	s.section("Đề tài theo cấp")
	accepted := map[string]int64{}
	for _, l := range rep.Accepted.ByLevel {
		accepted[l.Level] = l.Total
	}
	for _, l := range rep.Active.ByLevel {
		s.put(l.Name, s.st.text, s.num(l.Total, false), s.num(accepted[l.Level], false))
	}
	s.section("Hội thảo theo cấp")
	for _, l := range rep.Workshops.ByLevel {
		s.put(l.Name+fmt.Sprintf(" (%s tham luận)", vn.Int(l.Papers)), s.st.text, styled{nil, s.st.integer},
			styled{nil, s.st.integer}, s.num(l.Total, false))
	}
}

func (b *book) awards(s *sheet) {
	rep := b.x.Areas.Awards
	s.start(fmt.Sprintf("Thi đua – khen thưởng năm %d", rep.Year), 50, 78, 11, 9, 9, 10, 11)
	s.header(col("Trường"), col("Tiêu chí"), col("Kết quả"), col("Tử số"), col("Mẫu số"), col("Chỉ tiêu"), col("Đánh giá"))
	if rep.Targets != nil {
		s.do(s.f.SetCellValue(s.name, s.cell(1, StampRows), "Chỉ tiêu: "+rep.Targets.Issuer))
		s.do(s.f.SetCellStyle(s.name, s.cell(1, StampRows), s.cell(1, StampRows), s.st.stamp))
	}
	var passed, failed int64
	for _, sc := range rep.Schools {
		for _, c := range sc.Checks {
			value := styled{nil, s.st.integer}
			if c.Value != nil {
				if c.Unit == "%" {
					value = s.pct(c.Value, false)
				} else {
					value = styled{*c.Value, s.st.integer}
				}
			}
			verdict := "–"
			if c.Pass != nil && *c.Pass {
				verdict, passed = "Đạt", passed+1
			} else if c.Pass != nil {
				verdict, failed = "Chưa đạt", failed+1
			}
			s.put(sc.Name, s.st.text, s.text(c.Name), value, s.num(c.Numerator, false), s.num(c.Denominator, false),
				s.text(awardTarget(c)), s.text(verdict))
		}
	}
	blank := styled{nil, s.st.integer}
	s.put(totalsLabel+": tiêu chí đạt", s.st.bold, s.text(""), blank, blank, blank, s.text(""), s.num(passed, true))
	s.put(totalsLabel+": tiêu chí chưa đạt", s.st.bold, s.text(""), blank, blank, blank, s.text(""), s.num(failed, true))
}

// awardTarget writes a check's target range: "≥ 80%", "10–15%", "> 90%", "≥ 1".
func awardTarget(c projections.AwardCheck) string {
	unit := ""
	if c.Unit == "%" {
		unit = "%"
	}
	switch {
	case c.TargetMin != nil && c.TargetMax != nil:
		return vn.Decimal(*c.TargetMin, 0) + "–" + vn.Decimal(*c.TargetMax, 0) + unit
	case c.TargetMin != nil && c.Key == projections.CheckUnitsHTT: // "trên 90%": strictly above
		return "> " + vn.Decimal(*c.TargetMin, 0) + unit
	case c.TargetMin != nil:
		return "≥ " + vn.Decimal(*c.TargetMin, 0) + unit
	}
	return "–"
}

func (b *book) figures(s *sheet) {
	s.start("Số liệu (để đối chiếu bằng máy)", 46, 80, 12, 10)
	s.header(col("Mã số liệu"), col("Nội dung"), col("Giá trị"), col("Đơn vị"))
	for _, f := range b.x.Figures {
		v := styled{f.Value, s.st.integer}
		if f.Value != float64(int64(f.Value)) {
			v.style = s.st.decimal
		}
		s.put(f.Key, s.st.text, s.text(f.Label), v, s.text(f.Unit))
	}
}
