package docxreport

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"socai/projections"
	"socai/vn"
)

// Kinds of report.
const (
	SoKet   = "so-ket"   // Báo cáo sơ kết 6 tháng (period H1 or H2)
	TongKet = "tong-ket" // Báo cáo tổng kết năm (period a year)
)

// Report is what the document is made from: every figure comes from the
// projections, the digest from the chain heads of the same data.
type Report struct {
	Kind   string
	Period projections.Period
	// Cluster: the report of the whole cluster (else of School).
	Cluster     bool
	Party       projections.Party // issuing body: the school or the cluster
	ClusterName string
	Province    string   // place of the date line
	Schools     []string // names of the cluster's schools
	Classes     projections.ClassPlanReport
	Staff       projections.StaffTrainingReport
	Research    projections.ResearchReport
	Awards      *projections.AwardReport // the year's, for tổng kết
	// Digest codes of the data (short and full) and the QR of its text.
	DigestCodes, DigestFull []string
	QR                      []byte
	AsOf                    time.Time // record-time cutoff; zero: the ledger as it stands
	Made                    time.Time // when the document was made
}

// Build writes the report as DOCX bytes.
func Build(r Report) ([]byte, error) {
	d, err := newDoc()
	if err != nil {
		return nil, err
	}
	r.header(d)
	r.intro(d)
	r.situation(d)
	r.results(d)
	r.outlook(d)
	r.closing(d)
	rel, err := d.addFooter(r.footer())
	if err != nil {
		return nil, err
	}
	d.section(rel)
	return d.bytes()
}

// n2 writes a count as Vietnamese reports do in sentences: two digits
// below ten (09 số), dots between thousands.
func n2(n int64) string {
	if n >= 0 && n < 10 {
		return "0" + strconv.FormatInt(n, 10)
	}
	return vn.Int(n)
}

func pct(p *float64) string {
	if p == nil {
		return "–"
	}
	return vn.Decimal(*p, 1) + "%"
}

func (r Report) year() int { return r.Period.Year() }

// words says the period as a sentence does.
func (r Report) words() string {
	y := r.year()
	switch {
	case strings.HasSuffix(r.Period.Label, "-H1"):
		return fmt.Sprintf("6 tháng đầu năm %d", y)
	case strings.HasSuffix(r.Period.Label, "-H2"):
		return fmt.Sprintf("6 tháng cuối năm %d", y)
	}
	return fmt.Sprintf("năm %d", y)
}

// next is the period the outlook section plans for.
func (r Report) next() string {
	if strings.HasSuffix(r.Period.Label, "-H1") {
		return fmt.Sprintf("6 tháng cuối năm %d", r.year())
	}
	return fmt.Sprintf("năm %d", r.year()+1)
}

// subject names who did it, in a sentence.
func (r Report) subject() string {
	if r.Cluster {
		return "Cụm thi đua"
	}
	return r.Party.Name
}

func (r Report) header(d *doc) {
	var left [][]span
	if r.Cluster {
		left = [][]span{
			{plain("HỌC VIỆN CHÍNH TRỊ QUỐC GIA")}, {plain("HỒ CHÍ MINH")},
			{bold(strings.ToUpper(r.Party.Name))},
		}
	} else {
		left = [][]span{{plain("TỈNH ỦY " + strings.ToUpper(r.Province))}, {bold(strings.ToUpper(r.Party.Name))}}
	}
	ref := "Số      -BC/CTĐ"
	if !r.Cluster {
		ref = "Số      -BC/TCT"
	}
	left = append(left, []span{plain("*")}, []span{plain(ref)})
	for i := range left {
		for j := range left[i] {
			left[i][j].size = 13
		}
	}
	date := r.Made.In(vn.Zone)
	if !r.AsOf.IsZero() { // a report of the data as of a moment is dated then
		date = r.AsOf.In(vn.Zone)
	}
	place := r.Province
	if place == "" {
		place = "…"
	}
	right := [][]span{
		{span{text: "ĐẢNG CỘNG SẢN VIỆT NAM", bold: true, underline: true, size: 15}}, {plain(" ")},
		{italic(fmt.Sprintf("%s, ngày %d tháng %d năm %d", place, date.Day(), int(date.Month()), date.Year()))},
	}
	d.frame([2]int{4300, textWidth - 4300}, left, right, [2]bool{true, true})
	d.rd.AddEmptyParagraph()
	d.centre(span{text: "BÁO CÁO", bold: true, size: 15})
	var summary string
	if r.Kind == TongKet {
		summary = fmt.Sprintf("tổng kết công tác năm %d,\nphương hướng, nhiệm vụ năm %d", r.year(), r.year()+1)
	} else {
		summary = fmt.Sprintf("sơ kết công tác %s,\nphương hướng, nhiệm vụ %s", r.words(), r.next())
	}
	for _, l := range strings.Split(summary, "\n") {
		d.centre(bold(l))
	}
	d.centre(plain("-----")).Spacing(0, 240)
}

func (r Report) intro(d *doc) {
	who := r.Party.Name
	d.para(plain(fmt.Sprintf("Thực hiện hướng dẫn của Học viện Chính trị quốc gia Hồ Chí Minh về tổ chức hoạt động và bình xét thi đua của Cụm thi đua các trường chính trị, %s báo cáo kết quả thực hiện nhiệm vụ công tác %s, phương hướng, nhiệm vụ %s như sau:",
		who, r.words(), r.next())))
}

func (r Report) situation(d *doc) {
	d.heading("I- ĐẶC ĐIỂM TÌNH HÌNH", false)
	d.heading("1- Tình hình chung", false)
	if r.Cluster {
		d.para(plain(fmt.Sprintf("%s gồm %s trường: %s.", r.Party.Name, n2(int64(len(r.Schools))), strings.Join(r.Schools, ", "))))
	} else {
		d.para(plain(fmt.Sprintf("%s là thành viên của %s.", r.Party.Name, r.ClusterName)))
	}
	d.para(plain("Số liệu trong báo cáo này được tổng hợp từ sổ cái sự kiện của phần mềm socai; mọi số liệu đều được tính lại từ các sự kiện đã ghi nhận và có thể kiểm tra bằng mã xác thực in ở chân trang."))
}

func count(c projections.Count) string {
	return vn.Int(c.Classes) + " lớp/" + vn.Int(c.Students) + " học viên"
}

func (r Report) results(d *doc) {
	d.heading(fmt.Sprintf("II- KẾT QUẢ THỰC HIỆN %s", strings.ToUpper(r.words())), false)
	d.heading("1- Công tác đào tạo, bồi dưỡng", false)
	d.heading("1.1- Công tác đào tạo, bồi dưỡng cán bộ, công chức, viên chức", true)
	t := r.Classes.Total
	s := fmt.Sprintf("Kết quả, trong %s, %s đã thực hiện được tổng số %s lớp với %s học viên",
		r.words(), r.subject(), vn.Int(t.Executed.Classes), vn.Int(t.Executed.Students))
	if t.Target != nil {
		s += fmt.Sprintf(" so với kế hoạch được giao là: %s (đạt %s số lớp, %s số học viên)", count(*t.Target), pct(t.PctClasses), pct(t.PctStudents))
	}
	d.para(plain(s + "."))
	if t.Target != nil {
		d.para(plain(fmt.Sprintf("- Tổng số lớp được giao trong năm %d: %s.", r.year(), count(*t.Target))))
	}
	d.para(plain(fmt.Sprintf("- Thực hiện %s:", r.words())))
	d.para(plain(fmt.Sprintf("+ Số lớp từ kỳ trước chuyển sang: %s.", count(t.Carried))))
	d.para(plain(fmt.Sprintf("+ Số lớp mở mới trong %s: %s.", r.words(), count(t.New))))
	if r.Cluster {
		d.para(italic("Bảng 1. Kết quả mở lớp của các trường"))
		r.classTable(d, "Trường", r.Classes.BySchool, true)
	}
	d.para(italic(fmt.Sprintf("Bảng %s. Kết quả mở lớp theo loại lớp", map[bool]string{true: "2", false: "1"}[r.Cluster])))
	r.typeTable(d)

	d.heading("1.2- Công tác đào tạo, bồi dưỡng, nâng cao trình độ chuyên môn của viên chức", true)
	d.para(plain(fmt.Sprintf("Trong %s, %s đã cử %s lượt viên chức tham gia các lớp đào tạo, bồi dưỡng, nâng cao trình độ, cụ thể:",
		r.words(), r.subject(), n2(r.Staff.Total))))
	rows := [][]cell{{head("TT"), head("Chương trình"), head("Số lượt viên chức")}}
	for i, p := range r.Staff.ByProgram {
		d.para(plain(fmt.Sprintf("- %s: %s viên chức.", p.Name, n2(p.Count))))
		rows = append(rows, []cell{c(strconv.Itoa(i + 1)), name(p.Name), c(vn.Int(p.Count))})
	}
	rows = append(rows, []cell{c(""), {text: "Tổng cộng", bold: true, left: true}, {text: vn.Int(r.Staff.Total), bold: true}})
	d.table([]int{700, 5600, textWidth - 6300}, rows, 1)

	r.research(d)
	if r.Awards != nil {
		r.awards(d)
	}
}

// classTable is the class-plan table: target, carried over, new, executed
// (classes and students each) and the share of the target.
func (r Report) classTable(d *doc, first string, list []projections.ClassPlanRow, target bool) {
	w := []int{450, textWidth - 450 - 8*720 - 750}
	for i := 0; i < 8; i++ {
		w = append(w, 720)
	}
	w = append(w, 750)
	rows := [][]cell{
		{downH("TT"), downH(first), spanH("Chỉ tiêu năm", 2), spanH("Chuyển sang", 2), spanH("Mở mới", 2), spanH("Thực hiện", 2), downH("Đạt (% lớp)")},
		{below, below, head("Lớp"), head("HV"), head("Lớp"), head("HV"), head("Lớp"), head("HV"), head("Lớp"), head("HV"), below},
	}
	line := func(tt string, x projections.ClassPlanRow, b bool) []cell {
		tgt := [2]string{"–", "–"}
		if x.Target != nil {
			tgt = [2]string{vn.Int(x.Target.Classes), vn.Int(x.Target.Students)}
		}
		cs := []cell{c(tt), {text: x.Name, left: true, bold: b}}
		for _, v := range []string{tgt[0], tgt[1], vn.Int(x.Carried.Classes), vn.Int(x.Carried.Students), vn.Int(x.New.Classes), vn.Int(x.New.Students),
			vn.Int(x.Executed.Classes), vn.Int(x.Executed.Students), pct(x.PctClasses)} {
			cs = append(cs, cell{text: v, bold: b})
		}
		return cs
	}
	for i, x := range list {
		rows = append(rows, line(strconv.Itoa(i+1), x, false))
	}
	rows = append(rows, line("", r.Classes.Total, true))
	d.tableSized(10, w, rows, 2)
}

// typeTable breaks classes down by group and type, groups in bold.
func (r Report) typeTable(d *doc) {
	w := []int{600, textWidth - 600 - 6*1000}
	for i := 0; i < 6; i++ {
		w = append(w, 1000)
	}
	rows := [][]cell{
		{downH("TT"), downH("Loại lớp"), spanH("Chuyển sang", 2), spanH("Mở mới", 2), spanH("Thực hiện", 2)},
		{below, below, head("Lớp"), head("HV"), head("Lớp"), head("HV"), head("Lớp"), head("HV")},
	}
	roman := []string{"I", "II", "III", "IV", "V"}
	line := func(tt string, x projections.ClassPlanRow, b bool) []cell {
		cs := []cell{{text: tt, bold: b}, {text: x.Name, left: true, bold: b}}
		for _, v := range []int64{x.Carried.Classes, x.Carried.Students, x.New.Classes, x.New.Students, x.Executed.Classes, x.Executed.Students} {
			cs = append(cs, cell{text: vn.Int(v), bold: b})
		}
		return cs
	}
	for gi, g := range r.Classes.ByGroup {
		rows = append(rows, line(roman[gi%len(roman)], g, true))
		n := 0
		for _, t := range r.Classes.ByType {
			if t.Group == g.Key {
				n++
				rows = append(rows, line(strconv.Itoa(n), t, false))
			}
		}
	}
	rows = append(rows, line("", r.Classes.Total, true))
	d.table(w, rows, 2)
}

func (r Report) research(d *doc) {
	rs := r.Research
	d.heading("2- Công tác nghiên cứu khoa học, tổng kết thực tiễn", false)
	var levels []string
	for _, l := range rs.Active.ByLevel {
		levels = append(levels, n2(l.Total)+" đề tài, đề án "+strings.ToLower(l.Name))
	}
	d.para(bold("Về đề tài, đề án nghiên cứu khoa học: "), plain(fmt.Sprintf("%s đã triển khai được %s đề tài, đề án, sáng kiến ở nhiều cấp khác nhau: %s; trong kỳ đã nghiệm thu %s đề tài, đề án.",
		r.subject(), n2(rs.Active.Total), strings.Join(levels, ", "), n2(rs.Accepted.Total))))
	rows := [][]cell{{head("TT"), head("Cấp"), head("Đề tài"), head("Đề án"), head("Sáng kiến"), head("Tổng số"), head("Nghiệm thu")}}
	for i, l := range rs.Active.ByLevel {
		acc := int64(0)
		for _, a := range rs.Accepted.ByLevel {
			if a.Level == l.Level {
				acc = a.Total
			}
		}
		rows = append(rows, []cell{c(strconv.Itoa(i + 1)), name(l.Name), c(vn.Int(l.ByKind["de_tai"])), c(vn.Int(l.ByKind["de_an"])),
			c(vn.Int(l.ByKind["sang_kien"])), c(vn.Int(l.Total)), c(vn.Int(acc))})
	}
	rows = append(rows, []cell{c(""), {text: "Tổng cộng", bold: true, left: true}, c(""), c(""), c(""), {text: vn.Int(rs.Active.Total), bold: true}, {text: vn.Int(rs.Accepted.Total), bold: true}})
	d.table([]int{600, textWidth - 600 - 5*1150, 1150, 1150, 1150, 1150, 1150}, rows, 1)
	d.para(bold("Về hội thảo khoa học: "), plain(fmt.Sprintf("trong %s đã tổ chức %s hội thảo với %s tham luận.", r.words(), n2(rs.Workshops.Total), vn.Int(rs.Workshops.Papers))))

	d.heading("3- Công tác xuất bản Bản tin Thông tin lý luận & thực tiễn và trang thông tin điện tử", false)
	if r.Cluster {
		d.para(bold("Về Bản tin Thông tin lý luận & thực tiễn: "), plain(fmt.Sprintf("có %s/%s trường phát hành Bản tin. Trong %s, các đơn vị trong Cụm thi đua đã phát hành %s số bản tin với tổng số %s tin, bài viết.",
			n2(rs.Bulletins.Schools), n2(rs.Websites.Schools), r.words(), n2(rs.Bulletins.Issues), vn.Int(rs.Bulletins.Articles))))
		d.para(bold("Về Trang thông tin điện tử: "), plain(fmt.Sprintf("có %s/%s trường đã có Website, thường xuyên cập nhật kế hoạch chuyên môn, tin tức, sự kiện và các bài viết khoa học của giảng viên, viên chức.",
			n2(rs.Websites.With), n2(rs.Websites.Schools))))
		rows := [][]cell{{head("TT"), head("Trường"), head("Đề tài, đề án"), head("Nghiệm thu"), head("Hội thảo"), head("Số bản tin"), head("Tin, bài"), head("Website")}}
		for i, s := range rs.BySchool {
			web := "Chưa"
			if s.Website {
				web = "Có"
			}
			rows = append(rows, []cell{c(strconv.Itoa(i + 1)), name(s.Name), c(vn.Int(s.Active)), c(vn.Int(s.Accepted)), c(vn.Int(s.Workshops)),
				c(vn.Int(s.BulletinIssues)), c(vn.Int(s.Articles)), c(web)})
		}
		rows = append(rows, []cell{c(""), {text: "Tổng cộng", bold: true, left: true}, {text: vn.Int(rs.Active.Total), bold: true}, {text: vn.Int(rs.Accepted.Total), bold: true},
			{text: vn.Int(rs.Workshops.Total), bold: true}, {text: vn.Int(rs.Bulletins.Issues), bold: true}, {text: vn.Int(rs.Bulletins.Articles), bold: true},
			{text: n2(rs.Websites.With) + "/" + n2(rs.Websites.Schools), bold: true}})
		d.table([]int{600, textWidth - 600 - 6*1000, 1000, 1000, 1000, 1000, 1000, 1000}, rows, 1)
		return
	}
	web := "chưa có"
	if rs.Websites.With > 0 {
		web = "đã có"
	}
	d.para(bold("Về Bản tin Thông tin lý luận & thực tiễn: "), plain(fmt.Sprintf("trong %s, %s đã phát hành %s số bản tin với tổng số %s tin, bài viết.",
		r.words(), r.subject(), n2(rs.Bulletins.Issues), vn.Int(rs.Bulletins.Articles))))
	d.para(bold("Về Trang thông tin điện tử: "), plain(fmt.Sprintf("%s %s Website.", r.subject(), web)))
}

func (r Report) awards(d *doc) {
	d.heading("4- Công tác thi đua, khen thưởng", false)
	aw := r.Awards
	if aw.Targets == nil {
		d.para(plain(fmt.Sprintf("Chưa có chỉ tiêu thi đua năm %d trong sổ cái.", aw.Year)))
	} else {
		d.para(plain(fmt.Sprintf("Đối chiếu kết quả bình xét năm %d với chỉ tiêu thi đua do %s đề ra:", aw.Year, aw.Targets.Issuer)))
	}
	rows := [][]cell{{head("TT"), head("Trường"), head("Viên chức"), head("Chỉ tiêu đạt"), head("Chỉ tiêu chưa đạt")}}
	for i, s := range aw.Schools {
		var failed []string
		for _, ch := range s.Checks {
			if ch.Pass != nil && !*ch.Pass {
				v := "–"
				if ch.Value != nil {
					v = vn.Decimal(*ch.Value, 1) + ch.Unit
				}
				failed = append(failed, ch.Name+" ("+v+")")
			}
		}
		rows = append(rows, []cell{c(strconv.Itoa(i + 1)), name(s.Name), c(vn.Int(s.Staff)), c(fmt.Sprintf("%d/%d", s.Passed, s.Passed+s.Failed)), name(strings.Join(failed, "; "))})
	}
	d.table([]int{600, 3000, 1100, 1100, textWidth - 5800}, rows, 1)
}

func (r Report) outlook(d *doc) {
	d.heading(fmt.Sprintf("III- PHƯƠNG HƯỚNG, NHIỆM VỤ %s", strings.ToUpper(r.next())), false)
	t := r.Classes.Total
	if t.Target != nil && r.Kind == SoKet && strings.HasSuffix(r.Period.Label, "-H1") {
		d.para(plain(fmt.Sprintf("1- Tiếp tục thực hiện kế hoạch đào tạo, bồi dưỡng năm %d (chỉ tiêu %s; đã thực hiện %s), bảo đảm chất lượng, hiệu quả.",
			r.year(), count(*t.Target), count(t.Executed))))
	} else {
		d.para(plain(fmt.Sprintf("1- Xây dựng và thực hiện kế hoạch đào tạo, bồi dưỡng %s, bảo đảm chất lượng, hiệu quả.", r.next())))
	}
	d.para(plain("2- Đẩy mạnh công tác nghiên cứu khoa học, tổng kết thực tiễn; nâng cao chất lượng Bản tin và Trang thông tin điện tử."))
	d.para(plain("3- Tiếp tục cử viên chức đi đào tạo, bồi dưỡng nâng cao trình độ; thực hiện tốt phong trào thi đua và công tác khen thưởng."))
	d.para(plain(fmt.Sprintf("Trên đây là báo cáo %s công tác %s, phương hướng, nhiệm vụ %s của %s.",
		map[bool]string{true: "tổng kết", false: "sơ kết"}[r.Kind == TongKet], r.words(), r.next(), r.Party.Name)))
}

func (r Report) closing(d *doc) {
	d.rd.AddEmptyParagraph()
	recipients := []string{"- Vụ Các trường chính trị,", "  Học viện CTQG Hồ Chí Minh,", "- Các trường trong Cụm,", "- Lưu: VT."}
	org, title := "T/M CỤM THI ĐUA", "CỤM TRƯỞNG"
	if !r.Cluster {
		recipients = []string{"- Thường trực Tỉnh ủy,", "- Cụm trưởng Cụm thi đua,", "- Lưu: VT."}
		org, title = "T/M BAN GIÁM HIỆU", "HIỆU TRƯỞNG"
	}
	left := [][]span{{span{text: "Nơi nhận:", bold: true, underline: true, size: 12}}}
	for _, x := range recipients {
		left = append(left, []span{{text: x, size: 12}})
	}
	right := [][]span{{bold(org)}, {bold(title)}, {plain(" ")}, {plain(" ")}, {plain(" ")}, {italic("(ký, ghi rõ họ tên)")}}
	d.frame([2]int{4300, textWidth - 4300}, left, right, [2]bool{false, true})
}

func (r Report) footer() Footer {
	f := Footer{QR: r.QR}
	if len(r.DigestCodes) == 0 {
		f.Lines = []string{"Mã xác thực số liệu: – (sổ cái trống)"}
	} else {
		f.Lines = []string{
			"Mã xác thực số liệu (đầu chuỗi khi lập báo cáo): " + strings.Join(r.DigestCodes, "; "),
			"Đầy đủ: " + strings.Join(r.DigestFull, "; "),
		}
	}
	when := "Số liệu như sổ cái ghi nhận khi lập báo cáo, " + vn.DateTime(r.Made) + " (giờ Việt Nam)"
	if !r.AsOf.IsZero() {
		when = "Số liệu như sổ cái ghi nhận đến " + vn.DateTime(r.AsOf) + " (giờ Việt Nam)"
	}
	f.Lines = append(f.Lines, when+". Kiểm tra: socai verify --digest \"MÃ\"")
	return f
}
