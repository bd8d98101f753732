package cli

import (
	"context"
	"fmt"
	"io"
	"sort"
	"strings"
	"text/tabwriter"
	"time"

	"socai/app"
	"socai/projections"
	"socai/vn"
)

// reportArea prints one area's figures: the JSON value for --json, or a
// table readable in a terminal.
type reportArea struct {
	summary string
	// usesYear: the area is per year (awards) rather than per period.
	run func(a *app.App, period projections.Period, school string) (any, func(w io.Writer), error)
}

// reportAreas are the areas of `socai report`; each area's file adds its own.
var reportAreas = map[string]reportArea{}

func runReport(env *Env, args []string) error {
	fs := flags(env, "report")
	asJSON := fs.Bool("json", false, "JSON")
	period := fs.String("period", "", "kỳ báo cáo: 2021-H1, 2021-H2, 2021 hoặc 2021-03-01..2021-05-31")
	school := fs.String("school", "", "mã trường (mặc định: cả cụm)")
	asOfText := fs.String("as-of", "", "số liệu như sổ cái biết tại thời điểm này (2021-08-10 = hết ngày, giờ Việt Nam; hoặc RFC 3339)")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	names := make([]string, 0, len(reportAreas))
	for n := range reportAreas {
		names = append(names, n)
	}
	sort.Strings(names)
	if len(pos) != 1 {
		return usagef("cách dùng: socai report %s --period P [--school MÃ] [--json]", strings.Join(names, "|"))
	}
	area, ok := reportAreas[pos[0]]
	if !ok {
		return usagef("không có báo cáo %q (có: %s)", pos[0], strings.Join(names, ", "))
	}
	if *period == "" {
		return usagef("report %s: thiếu --period (ví dụ --period 2021-H1)", pos[0])
	}
	p, err := projections.ParsePeriod(*period)
	if err != nil {
		return usagef("%v", err)
	}
	var asOf time.Time
	if *asOfText != "" {
		if asOf, err = projections.ParseAsOf(*asOfText); err != nil {
			return usagef("--as-of: %v", err)
		}
	}
	a, err := env.openExisting()
	if err != nil {
		return err
	}
	defer a.Close()
	if !asOf.IsZero() {
		then, err := a.AsOf(context.Background(), asOf)
		if err != nil {
			return err
		}
		defer then.Close()
		a = then
		if !*asJSON {
			fmt.Fprintf(env.Stdout, "Số liệu như sổ cái ghi nhận đến %s (giờ Việt Nam)\n", vn.DateTime(asOf))
		}
	}
	if *school != "" {
		if ok, err := schoolExists(a, *school); err != nil {
			return err
		} else if !ok {
			return usagef("không có trường %q trong sổ cái", *school)
		}
	}
	value, table, err := area.run(a, p, *school)
	if err != nil {
		return err
	}
	stamp, err := stampReport(context.Background(), a, pos[0], p, *school)
	if err != nil {
		return err
	}
	if *asJSON {
		return printJSON(env, stamp.addTo(value))
	}
	stamp.printHead(env.Stdout)
	table(env.Stdout)
	stamp.printDigest(env.Stdout)
	return nil
}

func schoolExists(a *app.App, id string) (bool, error) {
	var n int
	err := a.DB().QueryRow(`SELECT COUNT(*) FROM proj_schools WHERE school_id = ?`, id).Scan(&n)
	return n > 0, err
}

// table writes aligned columns; numbers are right-aligned by the caller's padding.
func table(w io.Writer, header string, rows [][]string) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, header+"\t")
	for _, r := range rows {
		fmt.Fprintln(tw, strings.Join(r, "\t")+"\t")
	}
	tw.Flush()
}

// percent formats an optional percentage: "80,5%" or "–".
func percent(p *float64) string {
	if p == nil {
		return "–"
	}
	return vn.Decimal(*p, 1) + "%"
}

func init() {
	reportAreas["classplans"] = reportArea{
		summary: "kế hoạch mở lớp: chỉ tiêu, chuyển sang, mở mới, thực hiện",
		run: func(a *app.App, p projections.Period, school string) (any, func(io.Writer), error) {
			rep, err := a.ClassPlans.Figures(p.Label, school)
			if err != nil {
				return nil, nil, err
			}
			return rep, func(w io.Writer) { printClassPlans(w, rep) }, nil
		},
	}
}

func printClassPlans(w io.Writer, rep projections.ClassPlanReport) {
	fmt.Fprintf(w, "KẾ HOẠCH MỞ LỚP – kỳ %s (%s–%s)\n", rep.Period.Label, vn.Date(string(rep.Period.From)), vn.Date(string(rep.Period.To)))
	row := func(r projections.ClassPlanRow) []string {
		target := "–"
		if r.Target != nil {
			target = vn.Int(r.Target.Classes) + " / " + vn.Int(r.Target.Students)
		}
		c := func(x projections.Count) string { return vn.Int(x.Classes) + " / " + vn.Int(x.Students) }
		return []string{r.Name, target, c(r.Carried), c(r.New), c(r.Executed), percent(r.PctClasses), percent(r.PctStudents)}
	}
	header := "\tChỉ tiêu (lớp / HV)\tChuyển sang\tMở mới\tThực hiện\t% lớp\t% HV"
	var rows [][]string
	for _, r := range rep.BySchool {
		rows = append(rows, row(r))
	}
	rows = append(rows, row(rep.Total))
	fmt.Fprintln(w, "\nTheo trường")
	table(w, header, rows)
	rows = rows[:0]
	for _, r := range rep.ByType {
		rows = append(rows, row(r))
	}
	fmt.Fprintln(w, "\nTheo loại lớp")
	table(w, header, rows)
}
