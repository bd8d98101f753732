package app

// The inspection report (biên bản kiểm tra chéo): the comparison, the
// report's own checks, the findings and the conclusion, with the digest of
// the ledger compared; as JSON, or as a printable HTML page laid out as a
// Party document (A4, Times New Roman). DOCX comes in a later version.

import (
	"bytes"
	"context"
	_ "embed"
	"encoding/json"
	"fmt"
	"html/template"
	"math"
	"strconv"
	"strings"
	"time"

	"socai/events"
	"socai/projections"
	"socai/vn"
)

// InspectionReport is what the biên bản says.
type InspectionReport struct {
	Comparison
	Findings []projections.Finding `json:"findings"`
	Party    projections.Party     `json:"party"`
	// PeriodWords is the period as a sentence says it: "6 tháng đầu năm 2021".
	PeriodWords string `json:"period_words"`
	// Source says where the reported figures come from.
	Source string `json:"source"`
	// MadeAt is when the report was made (RFC 3339, UTC).
	MadeAt     string `json:"made_at"`
	AppVersion string `json:"app_version"`
}

// Report makes the inspection report.
func (s *InspectionService) Report(id string) (InspectionReport, error) {
	return s.report(context.Background(), id, time.Now())
}

func (s *InspectionService) report(ctx context.Context, id string, now time.Time) (InspectionReport, error) {
	c, err := s.compare(ctx, id)
	if err != nil {
		return InspectionReport{}, err
	}
	q := s.app.DB()
	rep := InspectionReport{Comparison: c, PeriodWords: periodWords(c.Period), AppVersion: Version,
		MadeAt: now.UTC().Format(time.RFC3339)}
	if rep.Party, err = projections.PartyOf(ctx, q, c.Inspection.Inspected, c.Period.Year()); err != nil {
		return rep, err
	}
	if rep.Findings, err = projections.InspectionFindings(ctx, q, id); err != nil {
		return rep, err
	}
	for i, f := range rep.Findings {
		rep.Findings[i].Label = c.figureLabel(f.Subject)
	}
	in := c.Inspection
	switch {
	case len(in.Figures) == 0:
		rep.Source = "Chưa nhập số liệu báo cáo"
	case in.ReportID != "":
		r, found, err := projections.GetSubmittedReport(ctx, q, in.ReportID)
		if err != nil {
			return rep, err
		}
		rep.Source = "Báo cáo " + in.ReportID
		if found {
			rep.Source = "Báo cáo số " + reportName(r) + " ngày " + vn.Date(r.SubmittedOn)
		}
	case in.FiguresSource != "":
		rep.Source = "Số liệu đoàn kiểm tra nhập theo " + in.FiguresSource
	default:
		rep.Source = "Số liệu đoàn kiểm tra nhập"
	}
	return rep, nil
}

// periodWords says a period as a sentence does.
func periodWords(p projections.Period) string {
	from, to := string(p.From), string(p.To)
	y := from[:4]
	switch {
	case from == y+"-01-01" && to == y+"-06-30":
		return "6 tháng đầu năm " + y
	case from == y+"-07-01" && to == y+"-12-31":
		return "6 tháng cuối năm " + y
	case from == y+"-01-01" && to == y+"-12-31":
		return "năm " + y
	}
	return "từ ngày " + vn.Date(from) + " đến ngày " + vn.Date(to)
}

// ReportFile is an exported report: its file name, type and content.
type ReportFile struct {
	Name    string `json:"name"`
	MIME    string `json:"mime"`
	Content string `json:"content"`
}

// ReportFile makes the inspection report as a file: format "html" (to
// print) or "json". In the browser the page offers it as a download.
func (s *InspectionService) ReportFile(id, format string) (ReportFile, error) {
	rep, err := s.Report(id)
	if err != nil {
		return ReportFile{}, err
	}
	return rep.File(format)
}

// File renders the report in format "html" or "json".
func (r InspectionReport) File(format string) (ReportFile, error) {
	name := "bien-ban-kiem-tra-cheo-" + r.Inspection.InspectionID
	switch strings.ToLower(format) {
	case "html":
		var b bytes.Buffer
		if err := reportHTML.Execute(&b, r); err != nil {
			return ReportFile{}, err
		}
		return ReportFile{Name: name + ".html", MIME: "text/html; charset=utf-8", Content: b.String()}, nil
	case "json":
		var b bytes.Buffer
		enc := json.NewEncoder(&b)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if err := enc.Encode(r); err != nil {
			return ReportFile{}, err
		}
		return ReportFile{Name: name + ".json", MIME: "application/json", Content: b.String()}, nil
	}
	return ReportFile{}, Fail(events.EINVALID, "format", "định dạng %q không xuất được: dùng html (để in) hoặc json (bản DOCX sẽ có ở phiên bản sau)", format)
}

// SaveReport asks, in the window, where to save the report and writes it
// there; it returns the path, or "" if the user cancelled. Outside the
// window there is no dialog: the browser uses ReportFile, the CLI --out.
func (s *InspectionService) SaveReport(id, format string) (string, error) {
	f, err := s.ReportFile(id, format)
	if err != nil {
		return "", err
	}
	return s.app.runtime.saveFile("Lưu biên bản kiểm tra chéo", f.Name, []byte(f.Content))
}

//go:embed inspection_report.html
var reportTemplate string

var reportHTML = template.Must(template.New("bien-ban").Funcs(template.FuncMap{
	"num":    reportNum,
	"signed": signedNum,
	"opt": func(v *float64) string {
		if v == nil {
			return "–"
		}
		return reportNum(*v)
	},
	"optSigned": func(v *float64) string {
		if v == nil {
			return "–"
		}
		return signedNum(*v)
	},
	"upper":    strings.ToUpper,
	"date":     vn.Date,
	"dateTime": vn.DateTimeText,
	"inc":      func(i int) int { return i + 1 },
	"reported": func(fs []projections.ComparedFigure) []projections.ComparedFigure {
		out := []projections.ComparedFigure{}
		for _, f := range fs {
			if f.Reported != nil {
				out = append(out, f)
			}
		}
		return out
	},
}).Parse(reportTemplate))

// reportNum writes a number as Vietnamese offices do: 16.182; 76,6.
func reportNum(v float64) string {
	if v == math.Trunc(v) && math.Abs(v) < 1e15 {
		return vn.Int(int64(v))
	}
	s := vn.Decimal(v, 2)
	return strings.TrimSuffix(strings.TrimRight(s, "0"), ",")
}

func signedNum(v float64) string {
	if v > 0 {
		return "+" + reportNum(v)
	}
	return reportNum(v)
}

// PlaceDate is the place and date line of the document: "Sơn La, ngày 12
// tháng 8 năm 2021", on the close date, else on the day it is made.
func (r InspectionReport) PlaceDate() string {
	d := r.Inspection.ClosedOn
	if d == "" {
		if t, err := time.Parse(time.RFC3339, r.MadeAt); err == nil {
			d = string(events.DateOf(t.In(vn.Zone)))
		}
	}
	t, err := time.Parse(events.DateLayout, d)
	if err != nil {
		return ""
	}
	day, month := strconv.Itoa(t.Day()), strconv.Itoa(int(t.Month()))
	if t.Day() < 10 {
		day = "0" + day
	}
	if t.Month() < 3 {
		month = "0" + month
	}
	s := fmt.Sprintf("ngày %s tháng %s năm %d", day, month, t.Year())
	if r.Party.Province != "" {
		return r.Party.Province + ", " + s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// Unreported is how many figures the ledger computes that the report does not state.
func (r InspectionReport) Unreported() int { return r.Summary.Thieu }
