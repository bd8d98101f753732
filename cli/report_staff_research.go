package cli

import (
	"fmt"
	"io"

	"socai/app"
	"socai/events"
	"socai/projections"
	"socai/vn"
)

func init() {
	reportAreas["stafftraining"] = reportArea{
		summary: "đào tạo, bồi dưỡng viên chức: lượt theo chương trình và theo trường",
		run: func(a *app.App, p projections.Period, school string) (any, func(io.Writer), error) {
			rep, err := a.Staff.Figures(p.Label, school)
			if err != nil {
				return nil, nil, err
			}
			return rep, func(w io.Writer) { printStaffTraining(w, rep) }, nil
		},
	}
	reportAreas["research"] = reportArea{
		summary: "nghiên cứu khoa học, hội thảo, bản tin, trang thông tin điện tử",
		run: func(a *app.App, p projections.Period, school string) (any, func(io.Writer), error) {
			rep, err := a.Research.Figures(p.Label, school)
			if err != nil {
				return nil, nil, err
			}
			return rep, func(w io.Writer) { printResearch(w, rep) }, nil
		},
	}
}

// periodTitle is "kỳ 2021-H1 (01/01/2021–30/06/2021)", with the school if one.
func periodTitle(p projections.Period, school string) string {
	s := fmt.Sprintf("kỳ %s (%s–%s)", p.Label, vn.Date(string(p.From)), vn.Date(string(p.To)))
	if school != "" {
		s += ", trường " + school
	}
	return s
}

func printStaffTraining(w io.Writer, rep projections.StaffTrainingReport) {
	fmt.Fprintf(w, "ĐÀO TẠO, BỒI DƯỠNG VIÊN CHỨC – %s\n", periodTitle(rep.Period, rep.School))
	fmt.Fprintf(w, "Tổng số: %s lượt viên chức (bắt đầu học trong kỳ %s, hoàn thành %s, thôi học %s)\n",
		vn.Int(rep.Total), vn.Int(rep.Started), vn.Int(rep.Completed), vn.Int(rep.Withdrawn))

	fmt.Fprintln(w, "\nTheo chương trình")
	var rows [][]string
	for _, pc := range rep.ByProgram {
		rows = append(rows, []string{pc.Name, vn.Int(pc.Count), vn.Int(pc.Planned)})
	}
	rows = append(rows, []string{"Tổng cộng", vn.Int(rep.Total), vn.Int(rep.Planned)})
	table(w, "\tLượt\tDự kiến", rows)

	fmt.Fprintln(w, "\nTheo trường")
	header := "\tTổng"
	for _, prog := range events.Programs {
		header += "\t" + programShort[prog]
	}
	rows = rows[:0]
	for _, s := range rep.BySchool {
		r := []string{s.Name, vn.Int(s.Total)}
		for _, prog := range events.Programs {
			r = append(r, vn.Int(s.ByProgram[prog]))
		}
		rows = append(rows, r)
	}
	total := []string{"Tổng cộng", vn.Int(rep.Total)}
	for _, pc := range rep.ByProgram {
		total = append(total, vn.Int(pc.Count))
	}
	table(w, header, append(rows, total))
}

// programShort are column headings for the programmes.
var programShort = map[string]string{
	events.ProgramCaoHoc:          "Cao học",
	events.ProgramVanBang2:        "VB2",
	events.ProgramTCLLCT:          "TC LLCT",
	events.ProgramCCLLCT:          "CC LLCT",
	events.ProgramHoanChinhCCLLCT: "HC CC",
	events.ProgramBDChuyenMon:     "BD CMNV",
	events.ProgramNghienCuuSinh:   "NCS",
}

func printResearch(w io.Writer, rep projections.ResearchReport) {
	fmt.Fprintf(w, "NGHIÊN CỨU KHOA HỌC, BẢN TIN, TRANG THÔNG TIN ĐIỆN TỬ – %s\n", periodTitle(rep.Period, rep.School))

	fmt.Fprintln(w, "\nĐề tài, đề án, sáng kiến")
	header := "\tĐang triển khai\tĐề tài\tĐề án\tSáng kiến\tNghiệm thu trong kỳ"
	var rows [][]string
	for i, l := range rep.Active.ByLevel {
		rows = append(rows, []string{l.Name, vn.Int(l.Total), vn.Int(l.ByKind[events.KindDeTai]),
			vn.Int(l.ByKind[events.KindDeAn]), vn.Int(l.ByKind[events.KindSangKien]), vn.Int(rep.Accepted.ByLevel[i].Total)})
	}
	kindTotal := func(k string) int64 {
		var n int64
		for _, l := range rep.Active.ByLevel {
			n += l.ByKind[k]
		}
		return n
	}
	rows = append(rows, []string{"Tổng cộng", vn.Int(rep.Active.Total), vn.Int(kindTotal(events.KindDeTai)),
		vn.Int(kindTotal(events.KindDeAn)), vn.Int(kindTotal(events.KindSangKien)), vn.Int(rep.Accepted.Total)})
	table(w, header, rows)

	fmt.Fprintln(w, "\nHội thảo khoa học")
	rows = rows[:0]
	for _, l := range rep.Workshops.ByLevel {
		rows = append(rows, []string{l.Name, vn.Int(l.Total), vn.Int(l.Papers)})
	}
	rows = append(rows, []string{"Tổng cộng", vn.Int(rep.Workshops.Total), vn.Int(rep.Workshops.Papers)})
	table(w, "\tHội thảo\tTham luận", rows)

	fmt.Fprintf(w, "\nBản tin: %s số, %s tin, bài viết, từ %s/%s trường\n", vn.Int(rep.Bulletins.Issues),
		vn.Int(rep.Bulletins.Articles), vn.Int(rep.Bulletins.Schools), vn.Int(rep.Websites.Schools))
	share := func(n, d int64) *float64 {
		if d <= 0 {
			return nil
		}
		v := float64(n) * 100 / float64(d)
		return &v
	}
	fmt.Fprintf(w, "Trang thông tin điện tử: %s/%s trường (%s)\n", vn.Int(rep.Websites.With), vn.Int(rep.Websites.Schools),
		percent(share(rep.Websites.With, rep.Websites.Schools)))

	fmt.Fprintln(w, "\nTheo trường")
	rows = rows[:0]
	for _, s := range rep.BySchool {
		web := "chưa"
		if s.Website {
			web = "có"
		}
		rows = append(rows, []string{s.Name, vn.Int(s.Active), vn.Int(s.Accepted), vn.Int(s.Workshops),
			vn.Int(s.BulletinIssues), vn.Int(s.Articles), web})
	}
	table(w, "\tĐang triển khai\tNghiệm thu\tHội thảo\tSố bản tin\tTin, bài\tWebsite", rows)
}
