package projections

import (
	"database/sql"
	"encoding/json"

	"socai/events"
)

// DeadlineCalendar (projection "deadlines") holds the deadlines of the Học viện's calendar (thời hạn) and
// the reports sent (ReportSubmitted), so that each deadline can say whether
// it was met.
type DeadlineCalendar struct{}

func (DeadlineCalendar) Name() string     { return "deadlines" }
func (DeadlineCalendar) Version() int     { return 1 }
func (DeadlineCalendar) Tables() []string { return []string{"proj_deadlines", "proj_reports"} }

func (DeadlineCalendar) Create(tx *sql.Tx) error {
	_, err := tx.Exec(`
	CREATE TABLE IF NOT EXISTS proj_deadlines (
		deadline_id TEXT PRIMARY KEY, stream TEXT NOT NULL, year INTEGER NOT NULL, kind TEXT NOT NULL,
		due_date TEXT NOT NULL, applies_to TEXT NOT NULL, set_on TEXT NOT NULL);
	CREATE INDEX IF NOT EXISTS proj_deadlines_year ON proj_deadlines (year, due_date);
	CREATE TABLE IF NOT EXISTS proj_reports (
		report_id TEXT PRIMARY KEY, stream TEXT NOT NULL, author TEXT NOT NULL, kind TEXT NOT NULL,
		period TEXT NOT NULL, period_year INTEGER, doc_no TEXT NOT NULL, submitted_on TEXT NOT NULL,
		figures TEXT NOT NULL, digest TEXT NOT NULL);
	CREATE INDEX IF NOT EXISTS proj_reports_kind ON proj_reports (kind, period_year);`)
	return err
}

func (DeadlineCalendar) Apply(tx *sql.Tx, r events.Record) error {
	switch r.Type {
	case "DeadlineSet":
		var e events.DeadlineSet
		return decodeExec(tx, r, &e, func() (string, []any) {
			return `INSERT OR REPLACE INTO proj_deadlines VALUES (?,?,?,?,?,?,?)`,
				[]any{e.DeadlineID, r.Stream, e.Year, e.Kind, string(e.DueDate), e.AppliesTo, r.OccurredOn}
		})
	case "ReportSubmitted":
		var e events.ReportSubmitted
		return decodeExec(tx, r, &e, func() (string, []any) {
			var year any
			if p, err := ParsePeriod(e.Period); err == nil {
				year = p.Year()
			}
			figures := e.Figures
			if figures == nil {
				figures = map[string]float64{}
			}
			fj, _ := json.Marshal(figures)
			return `INSERT OR REPLACE INTO proj_reports VALUES (?,?,?,?,?,?,?,?,?,?)`,
				[]any{e.ReportID, r.Stream, e.Author, e.Kind, e.Period, year, e.DocNo, string(e.SubmittedOn),
					string(fj), e.Digest}
		})
	}
	return nil
}
