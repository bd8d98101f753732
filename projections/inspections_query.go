package projections

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"

	"socai/events"
)

// InspectionStatusNames are the inspection statuses in Vietnamese.
var InspectionStatusNames = map[string]string{InspectionOpen: "Đang kiểm tra", InspectionClosed: "Đã kết luận"}

// FindingStatusNames are the statuses of a finding in Vietnamese.
var FindingStatusNames = map[string]string{
	events.FindingKhop: "Khớp", events.FindingChenhLech: "Chênh lệch", events.FindingThieuMinhChung: "Thiếu minh chứng",
}

// Inspection is one cross-inspection (kiểm tra chéo) as recorded so far.
type Inspection struct {
	InspectionID  string   `json:"inspection_id"`
	Inspector     string   `json:"inspector"`
	Inspected     string   `json:"inspected"`
	InspectedName string   `json:"inspected_name"`
	Period        string   `json:"period"`
	Members       []string `json:"members"`
	OpenedOn      string   `json:"opened_on"`
	// Figures are those the inspected party reported (the last entry),
	// from the report ReportID if they were taken from one.
	Figures       map[string]float64 `json:"figures"`
	ReportID      string             `json:"report_id"`
	FiguresSource string             `json:"figures_source"`
	FiguresOn     string             `json:"figures_on"`
	Status        string             `json:"status"`
	StatusName    string             `json:"status_name"`
	Conclusion    string             `json:"conclusion"`
	ClosedOn      string             `json:"closed_on"`
	// Heads are the chain heads of the ledger compared at the close.
	Heads    []events.ChainRef `json:"heads"`
	Findings int               `json:"findings"`
}

const inspectionSelect = `SELECT i.inspection_id, i.inspector, i.inspected,
	COALESCE((SELECT name FROM proj_schools WHERE school_id = i.inspected),
		(SELECT name FROM proj_clusters WHERE cluster_id = i.inspected), i.inspected),
	i.period, i.members, i.opened_on, i.figures, i.report_id, i.figures_source, COALESCE(i.figures_on, ''),
	i.status, i.conclusion, COALESCE(i.closed_on, ''), COALESCE(i.heads, 'null'),
	(SELECT COUNT(*) FROM proj_inspection_findings f WHERE f.stream = i.stream)
	FROM proj_inspections i`

func scanInspection(scan func(...any) error) (Inspection, error) {
	var in Inspection
	var members, figures, heads string
	if err := scan(&in.InspectionID, &in.Inspector, &in.Inspected, &in.InspectedName, &in.Period, &members,
		&in.OpenedOn, &figures, &in.ReportID, &in.FiguresSource, &in.FiguresOn, &in.Status, &in.Conclusion,
		&in.ClosedOn, &heads, &in.Findings); err != nil {
		return in, err
	}
	in.StatusName = InspectionStatusNames[in.Status]
	in.Members, in.Figures = []string{}, map[string]float64{}
	for _, j := range []struct {
		text string
		v    any
	}{{members, &in.Members}, {figures, &in.Figures}, {heads, &in.Heads}} {
		if err := json.Unmarshal([]byte(j.text), j.v); err != nil {
			return in, err
		}
	}
	return in, nil
}

// ListInspections lists the inspections, the latest opened first.
func ListInspections(ctx context.Context, q Querier) ([]Inspection, error) {
	out := []Inspection{}
	err := eachRow(ctx, q, inspectionSelect+` ORDER BY i.opened_on DESC, i.inspection_id`, nil,
		func(scan func(...any) error) error {
			in, err := scanInspection(scan)
			out = append(out, in)
			return err
		})
	return out, err
}

// GetInspection returns one inspection; found is false if there is none.
func GetInspection(ctx context.Context, q Querier, id string) (in Inspection, found bool, err error) {
	in, err = scanInspection(q.QueryRowContext(ctx, inspectionSelect+` WHERE i.inspection_id = ?`, id).Scan)
	if errors.Is(err, sql.ErrNoRows) {
		return Inspection{}, false, nil
	}
	return in, err == nil, err
}

// Finding is one finding of an inspection (kết quả kiểm tra).
type Finding struct {
	Seq     int64  `json:"seq"`
	Subject string `json:"subject"`
	// Label is the subject as a reader sees it: here the subject itself; the
	// inspection report puts the figure's label for a figure key.
	Label      string   `json:"label"`
	Reported   *float64 `json:"reported"`
	Verified   *float64 `json:"verified"`
	Status     string   `json:"status"`
	StatusName string   `json:"status_name"`
	Note       string   `json:"note"`
	RecordedOn string   `json:"recorded_on"`
	Actor      string   `json:"actor"`
}

// InspectionFindings lists an inspection's findings in the order recorded.
func InspectionFindings(ctx context.Context, q Querier, id string) ([]Finding, error) {
	out := []Finding{}
	err := eachRow(ctx, q, `SELECT seq, subject, reported, verified, status, note, recorded_on, actor
		FROM proj_inspection_findings WHERE stream = ? ORDER BY seq`, []any{"inspection-" + id},
		func(scan func(...any) error) error {
			var f Finding
			var reported, verified sql.NullFloat64
			if err := scan(&f.Seq, &f.Subject, &reported, &verified, &f.Status, &f.Note, &f.RecordedOn, &f.Actor); err != nil {
				return err
			}
			if reported.Valid {
				f.Reported = &reported.Float64
			}
			if verified.Valid {
				f.Verified = &verified.Float64
			}
			f.Label, f.StatusName = f.Subject, FindingStatusNames[f.Status]
			out = append(out, f)
			return nil
		})
	return out, err
}

// SubmittedReport is a report sent (ReportSubmitted) whose figures an
// inspection can take.
type SubmittedReport struct {
	ReportID    string             `json:"report_id"`
	Author      string             `json:"author"`
	AuthorName  string             `json:"author_name"`
	Kind        string             `json:"kind"`
	Period      string             `json:"period"`
	DocNo       string             `json:"doc_no"`
	SubmittedOn string             `json:"submitted_on"`
	Digest      string             `json:"digest"`
	Figures     map[string]float64 `json:"figures"`
}

// SubmittedReports lists the reports of a period that state figures, the
// latest first; of one author (a school or cluster id) unless author is "".
func SubmittedReports(ctx context.Context, q Querier, period, author string) ([]SubmittedReport, error) {
	out := []SubmittedReport{}
	err := eachRow(ctx, q, `SELECT r.report_id, r.author,
			COALESCE((SELECT name FROM proj_schools WHERE school_id = r.author),
				(SELECT name FROM proj_clusters WHERE cluster_id = r.author), r.author),
			r.kind, r.period, r.doc_no, r.submitted_on, r.digest, r.figures
		FROM proj_reports r
		WHERE r.period = ? AND (? = '' OR r.author = ?) AND r.figures NOT IN ('{}', 'null')
		ORDER BY r.submitted_on DESC, r.report_id`, []any{period, author, author},
		func(scan func(...any) error) error {
			var r SubmittedReport
			var figures string
			if err := scan(&r.ReportID, &r.Author, &r.AuthorName, &r.Kind, &r.Period, &r.DocNo, &r.SubmittedOn,
				&r.Digest, &figures); err != nil {
				return err
			}
			if err := json.Unmarshal([]byte(figures), &r.Figures); err != nil {
				return err
			}
			out = append(out, r)
			return nil
		})
	return out, err
}

// GetSubmittedReport returns one report sent, figures or not; found is
// false if there is none.
func GetSubmittedReport(ctx context.Context, q Querier, id string) (r SubmittedReport, found bool, err error) {
	var figures string
	err = q.QueryRowContext(ctx, `SELECT report_id, author, kind, period, doc_no, submitted_on, digest, figures
		FROM proj_reports WHERE report_id = ?`, id).
		Scan(&r.ReportID, &r.Author, &r.Kind, &r.Period, &r.DocNo, &r.SubmittedOn, &r.Digest, &figures)
	if errors.Is(err, sql.ErrNoRows) {
		return r, false, nil
	}
	if err != nil {
		return r, false, err
	}
	if err := json.Unmarshal([]byte(figures), &r.Figures); err != nil {
		return r, false, err
	}
	if r.Figures == nil {
		r.Figures = map[string]float64{}
	}
	return r, true, nil
}

// LedgerHeads are the heads of every origin's chain among the events q
// holds: the live ledger, or the events a view of the past keeps.
func LedgerHeads(ctx context.Context, q Querier) ([]events.ChainRef, error) {
	out := []events.ChainRef{}
	err := eachRow(ctx, q, `SELECT e.origin, e.origin_seq, e.hash
		FROM events e JOIN (SELECT origin, MAX(origin_seq) AS m FROM events GROUP BY origin) h
		ON e.origin = h.origin AND e.origin_seq = h.m ORDER BY e.origin`, nil,
		func(scan func(...any) error) error {
			var h events.ChainRef
			if err := scan(&h.Origin, &h.OriginSeq, &h.Hash); err != nil {
				return err
			}
			out = append(out, h)
			return nil
		})
	return out, err
}

// Party is a school or cluster as a document names it.
type Party struct {
	Name        string `json:"name"`
	ClusterName string `json:"cluster_name"`
	// Province: the school's, or that of the cluster's lead school of the year.
	Province string `json:"province"`
}

// PartyOf names a school or cluster; for a cluster, its lead school of year
// gives the province.
func PartyOf(ctx context.Context, q Querier, id string, year int) (Party, error) {
	var p Party
	err := q.QueryRowContext(ctx, `SELECT s.name, COALESCE(c.name, ''), s.province
		FROM proj_schools s LEFT JOIN proj_clusters c ON c.cluster_id = s.cluster_id WHERE s.school_id = ?
		UNION ALL
		SELECT c.name, c.name, COALESCE((SELECT s.province FROM proj_cluster_roles r JOIN proj_schools s ON s.school_id = r.lead
			WHERE r.cluster_id = c.cluster_id AND r.year = ?), '')
		FROM proj_clusters c WHERE c.cluster_id = ?`, id, year, id).Scan(&p.Name, &p.ClusterName, &p.Province)
	if errors.Is(err, sql.ErrNoRows) {
		return Party{Name: id}, nil
	}
	return p, err
}
