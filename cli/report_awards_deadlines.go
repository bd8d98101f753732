package cli

import (
	"fmt"
	"io"
	"strings"
	"time"

	"socai/app"
	"socai/projections"
	"socai/vn"
)

func init() {
	reportAreas["awards"] = reportArea{
		summary: "thi đua, khen thưởng của năm: số liệu của từng trường so với chỉ tiêu thi đua",
		run: func(a *app.App, p projections.Period, school string) (any, func(io.Writer), error) {
			rep, err := a.Emulation.Figures(p.Year(), school)
			if err != nil {
				return nil, nil, err
			}
			return rep, func(w io.Writer) { printAwards(w, rep, p) }, nil
		},
	}
	reportAreas["deadlines"] = reportArea{
		summary: "thời hạn gửi kế hoạch, báo cáo, hồ sơ của năm và tình trạng đến hôm nay",
		run: func(a *app.App, p projections.Period, school string) (any, func(io.Writer), error) {
			list, err := a.Deadlines.List(p.Year(), school)
			if err != nil {
				return nil, nil, err
			}
			return list, func(w io.Writer) { printDeadlines(w, list, p.Year(), school) }, nil
		},
	}
}

// awardTarget writes a check's target: "≥ 80%", "10–15%", "≤ 15%", "> 90%", "≥ 1 đơn vị".
func awardTarget(c projections.AwardCheck) string {
	num := func(f float64) string { return vn.Decimal(f, 0) }
	if c.Unit == "%" {
		num = func(f float64) string {
			if f == float64(int64(f)) {
				return vn.Decimal(f, 0)
			}
			return vn.Decimal(f, 1)
		}
	}
	unit := c.Unit
	if unit != "%" {
		unit = " " + unit
	}
	switch {
	case c.TargetMin != nil && c.TargetMax != nil:
		return num(*c.TargetMin) + "–" + num(*c.TargetMax) + unit
	case c.TargetMin != nil && c.Key == projections.CheckUnitsHTT:
		return "> " + num(*c.TargetMin) + unit
	case c.TargetMin != nil:
		return "≥ " + num(*c.TargetMin) + unit
	case c.TargetMax != nil:
		return "≤ " + num(*c.TargetMax) + unit
	}
	return "–"
}

func awardVerdict(p *bool) string {
	switch {
	case p == nil:
		return "–"
	case *p:
		return "Đạt"
	}
	return "Không đạt"
}

func optPoints(p *float64) string {
	if p == nil {
		return "–"
	}
	return vn.Decimal(*p, 2)
}

func printAwards(w io.Writer, rep projections.AwardReport, p projections.Period) {
	fmt.Fprintf(w, "THI ĐUA, KHEN THƯỞNG – năm %d (số liệu tính theo năm: kỳ %s thuộc năm %d)\n", rep.Year, p.Label, rep.Year)
	if rep.Targets == nil {
		fmt.Fprintf(w, "Chưa có chỉ tiêu thi đua năm %d: chỉ kiểm tra mức tối đa 15%% Chiến sĩ thi đua cơ sở theo quy định.\n", rep.Year)
	} else {
		fmt.Fprintf(w, "Chỉ tiêu thi đua năm %d do %s giao.\n", rep.Year, rep.Targets.Issuer)
	}
	for _, s := range rep.Schools {
		fmt.Fprintf(w, "\n%s – %s CB, VC, NLĐ; %s đơn vị; %s tổ chức đảng – đạt %d, không đạt %d\n", s.Name,
			vn.Int(s.Staff), vn.Int(s.Units), vn.Int(s.PartyOrgs), s.Passed, s.Failed)
		var rows [][]string
		for _, c := range s.Checks {
			figure := vn.Int(c.Numerator) + " / " + vn.Int(c.Denominator)
			value := percent(c.Value)
			if c.Unit != "%" {
				figure = vn.Int(c.Numerator) + " " + c.Unit
				value = "–"
			}
			rows = append(rows, []string{c.Name, figure, value, awardTarget(c), awardVerdict(c.Pass)})
		}
		table(w, "\tSố liệu\tTỉ lệ\tChỉ tiêu\tKết quả", rows)
	}
	if len(rep.Scores) > 0 {
		fmt.Fprintln(w, "\nTổng điểm chấm thi đua")
		var rows [][]string
		for _, s := range rep.Scores {
			rows = append(rows, []string{s.Name, optPoints(s.Self), optPoints(s.Cluster), optPoints(s.Inspection)})
		}
		table(w, "\tTự chấm\tCụm chấm\tKiểm tra", rows)
	}
	if len(rep.Proposals) > 0 {
		fmt.Fprintln(w, "\nĐề nghị khen thưởng")
		var rows [][]string
		for _, p := range rep.Proposals {
			rows = append(rows, []string{vn.Int(int64(p.Rank)), p.Name, p.Award})
		}
		table(w, "Thứ hạng\tTrường\tHình thức", rows)
	}
}

func printDeadlines(w io.Writer, list []projections.DeadlineStatus, year int, school string) {
	title := fmt.Sprintf("THỜI HẠN GỬI KẾ HOẠCH, BÁO CÁO – năm %d, tình trạng đến ngày %s", year,
		time.Now().In(vn.Zone).Format("02/01/2006"))
	if school != "" {
		title += ", trường " + school
	}
	fmt.Fprintln(w, title)
	if len(list) == 0 {
		fmt.Fprintf(w, "Chưa có thời hạn nào của năm %d.\n", year)
		return
	}
	var rows [][]string
	for _, d := range list {
		submitted := "–"
		if d.SubmittedOn != "" {
			submitted = vn.Date(d.SubmittedOn)
		}
		if d.Expected > 1 {
			submitted += fmt.Sprintf(" (%d/%d)", d.Submitted, d.Expected)
		}
		missing := strings.Join(d.Missing, "; ")
		if missing == "" {
			missing = "–"
		}
		rows = append(rows, []string{vn.Date(d.DueDate), d.KindName, d.AppliesToName, d.StatusName, submitted, missing})
	}
	table(w, "Hạn\tViệc\tÁp dụng\tTình trạng\tNgày nộp\tChưa nộp", rows)
}
