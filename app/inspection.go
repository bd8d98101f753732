package app

// Cross-inspection (kiểm tra chéo): an inspector opens an inspection of a
// school or cluster for a period, enters the figures it reported (or takes
// them from its ReportSubmitted), compares them with the ledger, records
// findings and closes it with a conclusion. See docs/inspection.md.

import (
	"context"
	"regexp"
	"sort"
	"strings"

	"socai/events"
	"socai/projections"
)

// Error codes of inspections, besides those of command.go.
const (
	EUnknownReport = "unknown_report"
	EUnavailable   = "unavailable"
)

// InspectionService runs cross-inspections.
type InspectionService struct{ app *App }

// inspectionID is what an id may be: it names the stream inspection-<id>.
var inspectionID = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._:-]*$`)

// figureAreas are the first parts of the flat figure keys (projections.Figures).
var figureAreas = []string{"classplans", "stafftraining", "research", "awards"}

// party requires a registered school or cluster.
func (c *Check) party(field, id string) error {
	ok, err := c.Exists(`SELECT 1 FROM proj_schools WHERE school_id = ? UNION ALL
		SELECT 1 FROM proj_clusters WHERE cluster_id = ?`, id, id)
	if err == nil && !ok {
		return Fail(EUnknownSchool, field, "%q không phải mã trường hay mã cụm thi đua đã đăng ký", id)
	}
	return err
}

// openInspection requires the event to go to the stream of an inspection
// that is open, on or after the day it was opened.
func (c *Check) openInspection(stream, id string) (projections.Inspection, error) {
	if err := c.Stream(stream, inspectionStream(id)); err != nil {
		return projections.Inspection{}, err
	}
	in, found, err := projections.GetInspection(c.Ctx, c.Q(), id)
	switch {
	case err != nil:
		return in, err
	case !found:
		return in, Fail(EUnknownInspection, "inspection_id", "không có cuộc kiểm tra %q", id)
	case in.Status != projections.InspectionOpen:
		return in, Fail(EInvalidState, "inspection_id", "cuộc kiểm tra %q đã kết luận ngày %s: không ghi thêm được", id, in.ClosedOn)
	case string(c.On) < in.OpenedOn:
		return in, Fail(EDateOrder, "occurred_on", "ngày %s trước ngày mở cuộc kiểm tra %s", c.On, in.OpenedOn)
	}
	return in, nil
}

func sortedKeys(m map[string]float64) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func init() {
	validate("InspectionOpened", func(c *Check, stream string, p events.Payload) error {
		e := p.(events.InspectionOpened)
		if !inspectionID.MatchString(e.InspectionID) {
			return Fail(events.EINVALID, "inspection_id",
				"mã cuộc kiểm tra %q chỉ gồm chữ không dấu, chữ số và các dấu . _ : - (ví dụ kt-mnbgpb-2021-H1)", e.InspectionID)
		}
		if err := c.Stream(stream, inspectionStream(e.InspectionID)); err != nil {
			return err
		}
		if ok, err := c.Exists(`SELECT 1 FROM proj_inspections WHERE inspection_id = ?`, e.InspectionID); err != nil || ok {
			if ok {
				return Fail(EAlreadyExists, "inspection_id", "cuộc kiểm tra %q đã được mở", e.InspectionID)
			}
			return err
		}
		if _, err := projections.ParsePeriod(e.Period); err != nil {
			return Fail(events.EINVALID, "period", "%s", err.(*events.Error).Message)
		}
		for i, m := range e.Members {
			if strings.TrimSpace(m) == "" {
				return Fail(events.EINVALID, "members", "thành viên thứ %d để trống", i+1)
			}
		}
		return c.party("inspected", e.Inspected)
	})
	validate("InspectionFiguresEntered", func(c *Check, stream string, p events.Payload) error {
		e := p.(events.InspectionFiguresEntered)
		in, err := c.openInspection(stream, e.InspectionID)
		if err != nil {
			return err
		}
		for _, k := range sortedKeys(e.Figures) {
			area, _, _ := strings.Cut(k, ".")
			known := false
			for _, a := range figureAreas {
				known = known || a == area
			}
			if !known {
				return Fail(events.EINVALID, "figures", "số liệu %q không thuộc phần nào của sổ cái (%s)", k, strings.Join(figureAreas, ", "))
			}
		}
		if e.ReportID == "" {
			return nil
		}
		r, found, err := projections.GetSubmittedReport(c.Ctx, c.Q(), e.ReportID)
		switch {
		case err != nil:
			return err
		case !found:
			return Fail(EUnknownReport, "report_id", "không có báo cáo %q trong sổ cái", e.ReportID)
		case r.Period != in.Period:
			return Fail(EInvalidState, "report_id", "báo cáo %s là của kỳ %s, cuộc kiểm tra xét kỳ %s", reportName(r), r.Period, in.Period)
		case r.Author != in.Inspected:
			return Fail(EInvalidState, "report_id", "báo cáo %s là của %s, cuộc kiểm tra xét %s", reportName(r), r.Author, in.Inspected)
		}
		if len(r.Figures) != len(e.Figures) {
			return Fail(events.EINVALID, "figures", "số liệu không đúng với báo cáo %s (%d số liệu, báo cáo có %d)", reportName(r), len(e.Figures), len(r.Figures))
		}
		for k, v := range e.Figures {
			if w, ok := r.Figures[k]; !ok || w != v {
				return Fail(events.EINVALID, "figures", "số liệu %s không đúng với báo cáo %s", k, reportName(r))
			}
		}
		return nil
	})
	validate("InspectionFindingRecorded", func(c *Check, stream string, p events.Payload) error {
		_, err := c.openInspection(stream, p.(events.InspectionFindingRecorded).InspectionID)
		return err
	})
	validate("InspectionClosed", func(c *Check, stream string, p events.Payload) error {
		e := p.(events.InspectionClosed)
		if _, err := c.openInspection(stream, e.InspectionID); err != nil {
			return err
		}
		for _, h := range e.Heads {
			ok, err := c.Exists(`SELECT 1 FROM events WHERE origin = ? AND origin_seq = ? AND hash = ?`, h.Origin, h.OriginSeq, h.Hash)
			if err != nil {
				return err
			}
			if !ok {
				return Fail(events.EINVALID, "heads", "sổ cái không có sự kiện %s:%d với mã băm %s", h.Origin, h.OriginSeq, h.Hash)
			}
		}
		return nil
	})
}

// reportName is how a refusal names a report: its number, else its id.
func reportName(r projections.SubmittedReport) string {
	if r.DocNo != "" {
		return r.DocNo
	}
	return r.ReportID
}

func inspectionStream(id string) string { return "inspection-" + id }

// Open opens an inspection; its date is the day it is opened. An empty id
// gets a new one; empty member names are dropped.
func (s *InspectionService) Open(in events.InspectionOpened, on events.Date, note Note) (Result, error) {
	in.InspectionID = newID(in.InspectionID)
	members := []string{}
	for _, m := range in.Members {
		if m = strings.TrimSpace(m); m != "" {
			members = append(members, m)
		}
	}
	in.Members = members
	return s.app.record(context.Background(), inspectionStream(in.InspectionID), in.InspectionID, on, note, in)
}

// EnterFigures records the figures the inspected party reported, typed in
// by the inspector; they replace any entered before.
func (s *InspectionService) EnterFigures(in events.InspectionFiguresEntered, on events.Date, note Note) (Result, error) {
	return s.app.record(context.Background(), inspectionStream(in.InspectionID), in.InspectionID, on, note, in)
}

// TakeFromReport enters the figures of a report sent (ReportSubmitted) of
// the inspected party for the inspection's period.
func (s *InspectionService) TakeFromReport(inspectionID, reportID string, on events.Date, note Note) (Result, error) {
	r, found, err := projections.GetSubmittedReport(context.Background(), s.app.DB(), reportID)
	if err != nil {
		return Result{}, err
	}
	if !found {
		return Result{}, Fail(EUnknownReport, "report_id", "không có báo cáo %q trong sổ cái", reportID)
	}
	if note.Source == "" {
		note.Source = reportName(r)
	}
	return s.EnterFigures(events.InspectionFiguresEntered{InspectionID: inspectionID, ReportID: r.ReportID,
		Source: reportName(r), Figures: r.Figures}, on, note)
}

// RecordFinding records a finding: a figure (its key as subject) or any
// matter the inspector checked, with what was reported, what was verified,
// the status and a note.
func (s *InspectionService) RecordFinding(in events.InspectionFindingRecorded, on events.Date, note Note) (Result, error) {
	return s.app.record(context.Background(), inspectionStream(in.InspectionID), in.InspectionID, on, note, in)
}

// Close concludes an inspection. It records the chain heads of the ledger
// as it stands: from then on the inspection is compared, and its report
// made, with the ledger as it stood at the close.
func (s *InspectionService) Close(in events.InspectionClosed, on events.Date, note Note) (Result, error) {
	if err := s.app.writable(); err != nil {
		return Result{}, err
	}
	heads, err := projections.LedgerHeads(context.Background(), s.app.DB())
	if err != nil {
		return Result{}, err
	}
	in.Heads = heads
	return s.app.record(context.Background(), inspectionStream(in.InspectionID), in.InspectionID, on, note, in)
}

// List lists the inspections, the latest opened first.
func (s *InspectionService) List() ([]projections.Inspection, error) {
	return projections.ListInspections(context.Background(), s.app.DB())
}

// InspectionDetail is an inspection with its findings.
type InspectionDetail struct {
	Inspection projections.Inspection `json:"inspection"`
	Findings   []projections.Finding  `json:"findings"`
}

// Get returns an inspection and its findings.
func (s *InspectionService) Get(id string) (InspectionDetail, error) {
	ctx := context.Background()
	in, err := s.inspection(ctx, id)
	if err != nil {
		return InspectionDetail{}, err
	}
	fs, err := projections.InspectionFindings(ctx, s.app.DB(), id)
	return InspectionDetail{Inspection: in, Findings: fs}, err
}

func (s *InspectionService) inspection(ctx context.Context, id string) (projections.Inspection, error) {
	in, found, err := projections.GetInspection(ctx, s.app.DB(), id)
	if err == nil && !found {
		err = Fail(EUnknownInspection, "inspection_id", "không có cuộc kiểm tra %q", id)
	}
	return in, err
}

// Reports lists the reports sent by a school or cluster for a period that
// state figures: those an inspection of it can take.
func (s *InspectionService) Reports(inspected, period string) ([]projections.SubmittedReport, error) {
	return projections.SubmittedReports(context.Background(), s.app.DB(), period, inspected)
}

// DigestCode is a chain head as a report prints it: the short code to read
// out, and the full form.
type DigestCode struct {
	Short string `json:"short"`
	Full  string `json:"full"`
}

// Comparison is an inspection's figures side by side with the ledger's,
// and the report's own consistency checks.
type Comparison struct {
	Inspection projections.Inspection `json:"inspection"`
	Period     projections.Period     `json:"period"`
	projections.FigureComparison
	// Heads are the chain heads of the ledger compared, Digests the same
	// as printed codes.
	Heads   []events.ChainRef `json:"heads"`
	Digests []DigestCode      `json:"digests"`
	// Frozen: the inspection is closed, and compared with the ledger as it
	// stood at its close.
	Frozen bool `json:"frozen"`
}

// Compare puts the figures the inspected party reported beside those the
// ledger computes: while the inspection is open, the ledger as it is (or as
// of the moment of a view of the past); once closed, as it stood at the close.
func (s *InspectionService) Compare(id string) (Comparison, error) {
	return s.compare(context.Background(), id)
}

func (s *InspectionService) compare(ctx context.Context, id string) (Comparison, error) {
	in, err := s.inspection(ctx, id)
	if err != nil {
		return Comparison{}, err
	}
	p, err := projections.ParsePeriod(in.Period)
	if err != nil {
		return Comparison{}, err
	}
	out := Comparison{Inspection: in, Period: p}
	q := projections.Querier(s.app.DB())
	if in.Status == projections.InspectionClosed && in.Heads != nil {
		view, err := projections.OpenView(ctx, s.app.source().Path(), projections.Cutoff{Heads: in.Heads}, projections.All()...)
		if err != nil {
			return Comparison{}, err
		}
		defer view.Close()
		q, out.Heads, out.Frozen = view.DB(), in.Heads, true
	} else if out.Heads, err = projections.LedgerHeads(ctx, q); err != nil {
		return Comparison{}, err
	}
	if out.FigureComparison, err = projections.CompareFigures(ctx, q, p, in.Inspected, in.Figures); err != nil {
		return Comparison{}, err
	}
	out.Digests = make([]DigestCode, len(out.Heads))
	for i, h := range out.Heads {
		d := events.Digest{Origin: h.Origin, OriginSeq: h.OriginSeq, Hash: h.Hash}
		out.Digests[i] = DigestCode{Short: d.Short(), Full: d.String()}
	}
	return out, nil
}

// Differs reports whether anything the report states differs from the
// ledger or from itself.
func (c Comparison) Differs() bool {
	return c.Summary.ChenhLech > 0 || c.Summary.ChecksChenhLech > 0
}

// figureLabel is the label of a finding's subject when it is a compared figure.
func (c Comparison) figureLabel(subject string) string {
	for _, f := range c.Figures {
		if f.Key == subject {
			return f.Label
		}
	}
	for _, k := range c.Consistency {
		if k.Key == subject {
			return k.Label
		}
	}
	return subject
}
