package cli

// socai inspection: cross-inspection (kiểm tra chéo) from the command line,
// the same InspectionService as the window. See docs/inspection.md.

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"socai/app"
	"socai/events"
	"socai/projections"
	"socai/vn"
)

// inspectionCommands are the subcommands of socai inspection.
var inspectionCommands = subcommands{
	"open":    runInspectionOpen,
	"figures": runInspectionFigures,
	"compare": runInspectionCompare,
	"finding": runInspectionFinding,
	"close":   runInspectionClose,
	"report":  runInspectionReport,
	"list":    runInspectionList,
}

func init() {
	commands["inspection"] = command{"kiểm tra chéo: inspection open|figures|compare|finding|close|report|list … (docs/inspection.md)",
		runInspection}
}

func runInspection(env *Env, args []string) error {
	return inspectionCommands.run(env, "inspection", "docs/inspection.md", args)
}

// recordFlags are the flags of every inspection command that records: the
// business date and the note.
type recordFlags struct {
	on             *string
	reason, source *string
	asJSON         *bool
}

func addRecordFlags(fs *flag.FlagSet) recordFlags {
	return recordFlags{
		on:     fs.String("on", "", "ngày phát sinh YYYY-MM-DD (mặc định: hôm nay, giờ Việt Nam)"),
		reason: fs.String("reason", "", "lý do"),
		source: fs.String("source", "", "căn cứ (văn bản)"),
		asJSON: fs.Bool("json", false, "JSON"),
	}
}

func (r recordFlags) date() events.Date {
	if *r.on != "" {
		return events.Date(*r.on)
	}
	return events.DateOf(time.Now().In(vn.Zone))
}

func (r recordFlags) note() app.Note { return app.Note{Reason: *r.reason, Source: *r.source} }

// recorded prints what a command recorded.
func (r recordFlags) recorded(env *Env, res app.Result, what string) error {
	if *r.asJSON {
		return printJSON(env, res)
	}
	fmt.Fprintf(env.Stdout, "Đã ghi %s: cuộc kiểm tra %s, seq %d (luồng %s)\n", what, res.ID, res.Seq, res.Stream)
	return nil
}

// oneID parses a subcommand whose one argument is the inspection id.
func oneID(fs *flag.FlagSet, args []string) (string, error) {
	pos, err := parse(fs, args)
	if err != nil {
		return "", err
	}
	if len(pos) != 1 {
		return "", usagef("cách dùng: %s MÃ_KIỂM_TRA [cờ]", fs.Name())
	}
	return pos[0], nil
}

func runInspectionOpen(env *Env, args []string) error {
	fs := flags(env, "inspection open")
	var in events.InspectionOpened
	fs.StringVar(&in.InspectionID, "id", "", "mã cuộc kiểm tra (mặc định: một mã mới)")
	fs.StringVar(&in.Inspected, "inspected", "", "mã trường hoặc mã cụm được kiểm tra")
	fs.StringVar(&in.Period, "period", "", "kỳ: 2021-H1, 2021-H2, 2021 hoặc 2021-03-01..2021-05-31")
	fs.StringVar(&in.Inspector, "inspector", "", "trưởng đoàn kiểm tra")
	fs.Func("member", "thành viên đoàn (lặp lại cho mỗi người)", func(s string) error {
		in.Members = append(in.Members, s)
		return nil
	})
	rf := addRecordFlags(fs)
	if err := noArgs(fs, args); err != nil {
		return err
	}
	for _, f := range []struct{ name, v string }{{"--inspected", in.Inspected}, {"--period", in.Period}, {"--inspector", in.Inspector}} {
		if strings.TrimSpace(f.v) == "" {
			return usagef("inspection open: thiếu %s", f.name)
		}
	}
	a, err := env.openExisting()
	if err != nil {
		return err
	}
	defer a.Close()
	res, err := a.Inspections.Open(in, rf.date(), rf.note())
	if err != nil {
		return err
	}
	return rf.recorded(env, res, "việc mở cuộc kiểm tra")
}

func runInspectionFigures(env *Env, args []string) error {
	fs := flags(env, "inspection figures")
	report := fs.String("from-report", "", "lấy số liệu của báo cáo đã gửi (ReportSubmitted) có mã này")
	file := fs.String("file", "", `tệp JSON các số liệu báo cáo: {"classplans.executed.classes": 260, …}`)
	rf := addRecordFlags(fs)
	id, err := oneID(fs, args)
	if err != nil {
		return err
	}
	if (*report == "") == (*file == "") {
		return usagef("inspection figures: cần đúng một trong --from-report MÃ_BÁO_CÁO và --file TỆP.json")
	}
	var figures map[string]float64
	if *file != "" {
		data, err := os.ReadFile(*file)
		if err != nil {
			return usagef("không đọc được tệp %s: %v", *file, err)
		}
		if err := json.Unmarshal(data, &figures); err != nil {
			return events.Errorf(events.EINVALID, "figures", "tệp %s phải là một đối tượng JSON các số liệu "+
				`({"classplans.executed.classes": 260, …}): %v`, *file, err)
		}
	}
	a, err := env.openExisting()
	if err != nil {
		return err
	}
	defer a.Close()
	var res app.Result
	if *report != "" {
		res, err = a.Inspections.TakeFromReport(id, *report, rf.date(), rf.note())
	} else {
		src := *rf.source
		if src == "" {
			src = filepath.Base(*file)
		}
		res, err = a.Inspections.EnterFigures(events.InspectionFiguresEntered{InspectionID: id, Source: src, Figures: figures},
			rf.date(), rf.note())
	}
	if err != nil {
		return err
	}
	return rf.recorded(env, res, "số liệu báo cáo")
}

// runInspectionCompare prints the comparison; like verify, it is a check:
// exit 1 when a figure or a consistency check is chênh lệch.
func runInspectionCompare(env *Env, args []string) error {
	fs := flags(env, "inspection compare")
	asJSON := fs.Bool("json", false, "JSON")
	all := fs.Bool("all", false, "cả những số liệu sổ cái có mà báo cáo không nêu")
	id, err := oneID(fs, args)
	if err != nil {
		return err
	}
	a, err := env.openExisting()
	if err != nil {
		return err
	}
	defer a.Close()
	c, err := a.Inspections.Compare(id)
	if err != nil {
		return err
	}
	if *asJSON {
		if err := printJSON(env, c); err != nil {
			return err
		}
	} else {
		printComparison(env.Stdout, c, *all)
	}
	if c.Differs() {
		return failedError{fmt.Sprintf("có %d số liệu chênh lệch với sổ cái và %d chỗ báo cáo không thống nhất",
			c.Summary.ChenhLech, c.Summary.ChecksChenhLech)}
	}
	return nil
}

func optNum(v *float64) string {
	if v == nil {
		return "–"
	}
	return num(*v)
}

// num writes a figure the Vietnamese way: 16.182; 76,6.
func num(v float64) string {
	s := strconv.FormatFloat(v, 'f', -1, 64)
	whole, frac, _ := strings.Cut(s, ".")
	n, _ := strconv.ParseInt(whole, 10, 64)
	out := vn.Int(n)
	if frac != "" {
		out += "," + frac
	}
	return out
}

func signed(v *float64) string {
	if v != nil && *v > 0 {
		return "+" + num(*v)
	}
	return optNum(v)
}

func printComparison(w io.Writer, c app.Comparison, all bool) {
	in := c.Inspection
	fmt.Fprintf(w, "KIỂM TRA CHÉO %s – %s, kỳ %s (%s–%s)\n", in.InspectionID, in.InspectedName, c.Period.Label,
		vn.Date(string(c.Period.From)), vn.Date(string(c.Period.To)))
	fmt.Fprintf(w, "Trưởng đoàn: %s; %s\n", in.Inspector, in.StatusName)
	if in.FiguresSource != "" {
		fmt.Fprintf(w, "Số liệu báo cáo: %s\n", in.FiguresSource)
	}
	var rows [][]string
	for _, f := range c.Figures {
		if all || f.Reported != nil {
			rows = append(rows, []string{f.Label, optNum(f.Reported), optNum(f.Computed), signed(f.Difference), f.StatusName})
		}
	}
	fmt.Fprintln(w, "\nĐối chiếu với sổ cái (chênh lệch = báo cáo − sổ cái)")
	table(w, "\tBáo cáo\tSổ cái\tChênh lệch\tKết quả", rows)
	rows = rows[:0]
	for _, k := range c.Consistency {
		d := k.Difference
		rows = append(rows, []string{k.Label, num(k.Total), num(k.Sum), signed(&d), k.StatusName})
	}
	fmt.Fprintln(w, "\nTính thống nhất của báo cáo (chênh lệch = cộng chi tiết − tổng)")
	table(w, "\tTổng báo cáo\tCộng chi tiết\tChênh lệch\tKết quả", rows)
	s := c.Summary
	fmt.Fprintf(w, "\n%d số liệu báo cáo: %d khớp, %d chênh lệch, %d sổ cái không tính; %d số liệu sổ cái có mà báo cáo không nêu.\n",
		s.Reported, s.Khop, s.ChenhLech, s.KhongTinh, s.Thieu)
	fmt.Fprintf(w, "%d kiểm tra tính thống nhất: %d khớp, %d chênh lệch, %d chưa đủ chi tiết.\n",
		s.Checks, s.ChecksKhop, s.ChecksChenhLech, s.ChecksThieu)
	when := "hiện tại"
	if c.Frozen {
		when = "tại thời điểm kết luận"
	}
	for _, d := range c.Digests {
		fmt.Fprintf(w, "Sổ cái đối chiếu (%s): mã xác thực %s (đầy đủ: %s)\n", when, d.Short, d.Full)
	}
}

// floatFlag is an optional number flag.
type floatFlag struct{ v *float64 }

func (f *floatFlag) String() string {
	if f.v == nil {
		return ""
	}
	return num(*f.v)
}

func (f *floatFlag) Set(s string) error {
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return fmt.Errorf("không phải số (viết 16182 hoặc 76.6): %q", s)
	}
	f.v = &v
	return nil
}

func runInspectionFinding(env *Env, args []string) error {
	fs := flags(env, "inspection finding")
	var f events.InspectionFindingRecorded
	fs.StringVar(&f.Subject, "subject", "", "nội dung: khóa số liệu (classplans.executed.classes) hoặc lời văn")
	fs.StringVar(&f.Status, "status", "", "khop | chenh_lech | thieu_minh_chung (mặc định: theo kết quả đối chiếu)")
	fs.StringVar(&f.Note, "note", "", "ghi chú")
	var reported, verified floatFlag
	fs.Var(&reported, "reported", "số báo cáo (mặc định: theo đối chiếu)")
	fs.Var(&verified, "verified", "số kiểm tra được (mặc định: số sổ cái)")
	rf := addRecordFlags(fs)
	id, err := oneID(fs, args)
	if err != nil {
		return err
	}
	if strings.TrimSpace(f.Subject) == "" {
		return usagef("inspection finding: thiếu --subject")
	}
	a, err := env.openExisting()
	if err != nil {
		return err
	}
	defer a.Close()
	f.InspectionID, f.Reported, f.Verified = id, reported.v, verified.v
	if c, err := a.Inspections.Compare(id); err == nil {
		prefill(&f, c)
	}
	if f.Status == "" {
		return usagef("inspection finding: thiếu --status (khop, chenh_lech hoặc thieu_minh_chung)")
	}
	res, err := a.Inspections.RecordFinding(f, rf.date(), rf.note())
	if err != nil {
		return err
	}
	return rf.recorded(env, res, "kết quả kiểm tra")
}

// prefill takes what the comparison says of a figure (or of a consistency
// check) the finding is about, for what was not given.
func prefill(f *events.InspectionFindingRecorded, c app.Comparison) {
	var reported, verified *float64
	status := ""
	for _, r := range c.Figures {
		if r.Key == f.Subject {
			reported, verified, status = r.Reported, r.Computed, r.Status
		}
	}
	for _, k := range c.Consistency {
		if k.Key == f.Subject {
			total, sum := k.Total, k.Sum
			reported, verified, status = &total, &sum, k.Status
		}
	}
	if f.Reported == nil {
		f.Reported = reported
	}
	if f.Verified == nil {
		f.Verified = verified
	}
	if f.Status == "" && (status == events.FindingKhop || status == events.FindingChenhLech) {
		f.Status = status
	}
}

func runInspectionClose(env *Env, args []string) error {
	fs := flags(env, "inspection close")
	var in events.InspectionClosed
	fs.StringVar(&in.Conclusion, "conclusion", "", "kết luận của đoàn kiểm tra")
	rf := addRecordFlags(fs)
	id, err := oneID(fs, args)
	if err != nil {
		return err
	}
	if strings.TrimSpace(in.Conclusion) == "" {
		return usagef("inspection close: thiếu --conclusion")
	}
	in.InspectionID = id
	a, err := env.openExisting()
	if err != nil {
		return err
	}
	defer a.Close()
	res, err := a.Inspections.Close(in, rf.date(), rf.note())
	if err != nil {
		return err
	}
	return rf.recorded(env, res, "kết luận")
}

func runInspectionReport(env *Env, args []string) error {
	fs := flags(env, "inspection report")
	out := fs.String("out", "", "tệp biên bản: .html (để in) hoặc .json")
	id, err := oneID(fs, args)
	if err != nil {
		return err
	}
	format := ""
	switch strings.ToLower(filepath.Ext(*out)) {
	case ".html", ".htm":
		format = "html"
	case ".json":
		format = "json"
	default:
		return usagef("inspection report: --out phải là tệp .html hoặc .json (bản DOCX sẽ có ở phiên bản sau)")
	}
	a, err := env.openExisting()
	if err != nil {
		return err
	}
	defer a.Close()
	rep, err := a.Inspections.Report(id)
	if err != nil {
		return err
	}
	f, err := rep.File(format)
	if err != nil {
		return err
	}
	if err := os.WriteFile(*out, []byte(f.Content), 0o644); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "Đã lưu biên bản kiểm tra chéo %s vào %s\n", id, *out)
	for _, d := range rep.Digests {
		fmt.Fprintf(env.Stdout, "Mã xác thực: %s (đầy đủ: %s)\n", d.Short, d.Full)
	}
	return nil
}

func runInspectionList(env *Env, args []string) error {
	return show(env, "inspection list", args, env.openExisting, func(a *app.App) ([]projections.Inspection, error) {
		return a.Inspections.List()
	}, func(list []projections.Inspection) {
		if len(list) == 0 {
			fmt.Fprintln(env.Stdout, "Chưa có cuộc kiểm tra chéo nào.")
			return
		}
		var rows [][]string
		for _, in := range list {
			rows = append(rows, []string{in.InspectionID, in.InspectedName, in.Period, in.Inspector, vn.Date(in.OpenedOn),
				in.StatusName, strconv.Itoa(len(in.Figures)), strconv.Itoa(in.Findings)})
		}
		table(env.Stdout, "Mã\tĐơn vị được kiểm tra\tKỳ\tTrưởng đoàn\tMở ngày\tTrạng thái\tSố liệu\tKết quả", rows)
	})
}
