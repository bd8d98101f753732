package projections

import "database/sql"

// DeadlineCalendar (projection "deadlines") holds the deadlines of the Học viện's calendar (thời hạn) and
// the reports sent (ReportSubmitted), so that each deadline can say whether
// it was met.
type DeadlineCalendar struct{}

func (DeadlineCalendar) Name() string     { return "deadlines" }
func (DeadlineCalendar) Version() int     { return 2 }
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

func (DeadlineCalendar) Types() []string { return []string{"DeadlineSet", "ReportSubmitted"} }

// Recompute: each deadline and report is the last word of its key; a
// report's period_year is the year its period ends in, NULL if the period
// does not parse.
func (DeadlineCalendar) Recompute() []string {
	return []string{
		`INSERT OR REPLACE INTO proj_deadlines (deadline_id, stream, year, kind, due_date, applies_to, set_on)
		SELECT e.data ->> '$.deadline_id', e.stream, e.data ->> '$.year', e.data ->> '$.kind',
			e.data ->> '$.due_date', e.data ->> '$.applies_to', e.occurred_on
		FROM events e WHERE e.type = 'DeadlineSet' AND {{streams}} AND {{live}} ORDER BY e.seq`,
		`WITH p AS (SELECT e.seq, e.stream, e.data, e.data ->> '$.period' AS period FROM events e
			WHERE e.type = 'ReportSubmitted' AND {{streams}} AND {{live}})
		INSERT OR REPLACE INTO proj_reports (report_id, stream, author, kind, period, period_year, doc_no,
			submitted_on, figures, digest)
		SELECT p.data ->> '$.report_id', p.stream, p.data ->> '$.author', p.data ->> '$.kind', p.period,
			CAST(substr(` + periodTo("p.period") + `, 1, 4) AS INTEGER), p.data ->> '$.doc_no',
			p.data ->> '$.submitted_on', COALESCE(p.data ->> '$.figures', '{}'), p.data ->> '$.digest'
		FROM p ORDER BY p.seq`,
	}
}
