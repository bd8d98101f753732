package projections

import "database/sql"

// Inspections (projection "inspections") holds the cross-inspections (kiểm
// tra chéo): who inspects whom for which period, the figures the inspected
// party reported, the findings recorded and the conclusion.
type Inspections struct{}

func (Inspections) Name() string     { return "inspections" }
func (Inspections) Version() int     { return 1 }
func (Inspections) Tables() []string { return []string{"proj_inspections", "proj_inspection_findings"} }

// Inspection statuses.
const (
	InspectionOpen   = "open"
	InspectionClosed = "closed"
)

func (Inspections) Create(tx *sql.Tx) error {
	_, err := tx.Exec(`
	CREATE TABLE IF NOT EXISTS proj_inspections (
		inspection_id TEXT PRIMARY KEY, stream TEXT NOT NULL, inspector TEXT NOT NULL, inspected TEXT NOT NULL,
		period TEXT NOT NULL, members TEXT NOT NULL, opened_on TEXT NOT NULL,
		figures TEXT NOT NULL, report_id TEXT NOT NULL, figures_source TEXT NOT NULL, figures_on TEXT,
		status TEXT NOT NULL, conclusion TEXT NOT NULL, closed_on TEXT, heads TEXT);
	CREATE INDEX IF NOT EXISTS proj_inspections_opened ON proj_inspections (opened_on);
	CREATE TABLE IF NOT EXISTS proj_inspection_findings (
		stream TEXT NOT NULL, seq INTEGER NOT NULL, inspection_id TEXT NOT NULL, subject TEXT NOT NULL,
		reported REAL, verified REAL, status TEXT NOT NULL, note TEXT NOT NULL, recorded_on TEXT NOT NULL,
		actor TEXT NOT NULL, PRIMARY KEY (stream, seq));`)
	return err
}

func (Inspections) Types() []string {
	return []string{"InspectionOpened", "InspectionFiguresEntered", "InspectionFindingRecorded", "InspectionClosed"}
}

// Recompute: an inspection is its opening, with the figures of its last
// entry and the conclusion of its close; a finding is one row per event, in
// the order recorded.
func (Inspections) Recompute() []string {
	return []string{
		`WITH k AS (SELECT e.stream,
				MAX(CASE WHEN e.type = 'InspectionOpened' THEN e.seq END) AS op,
				MAX(CASE WHEN e.type = 'InspectionFiguresEntered' THEN e.seq END) AS fi,
				MAX(CASE WHEN e.type = 'InspectionClosed' THEN e.seq END) AS cl
			FROM events e
			WHERE e.type IN ('InspectionOpened', 'InspectionFiguresEntered', 'InspectionClosed')
				AND {{streams}} AND {{live}}
			GROUP BY e.stream)
		INSERT OR REPLACE INTO proj_inspections (inspection_id, stream, inspector, inspected, period, members,
			opened_on, figures, report_id, figures_source, figures_on, status, conclusion, closed_on, heads)
		SELECT op.data ->> '$.inspection_id', k.stream, op.data ->> '$.inspector', op.data ->> '$.inspected',
			op.data ->> '$.period', COALESCE(NULLIF(op.data -> '$.members', 'null'), '[]'), op.occurred_on,
			COALESCE(fi.data -> '$.figures', '{}'), COALESCE(fi.data ->> '$.report_id', ''),
			COALESCE(fi.data ->> '$.source', ''), fi.occurred_on,
			CASE WHEN cl.seq IS NOT NULL THEN 'closed' ELSE 'open' END, COALESCE(cl.data ->> '$.conclusion', ''),
			cl.occurred_on, NULLIF(cl.data -> '$.heads', 'null')
		FROM k JOIN events op ON op.seq = k.op
			LEFT JOIN events fi ON fi.seq = k.fi
			LEFT JOIN events cl ON cl.seq = k.cl`,
		`INSERT OR REPLACE INTO proj_inspection_findings (stream, seq, inspection_id, subject, reported, verified,
			status, note, recorded_on, actor)
		SELECT e.stream, e.seq, e.data ->> '$.inspection_id', e.data ->> '$.subject', e.data ->> '$.reported',
			e.data ->> '$.verified', e.data ->> '$.status', COALESCE(e.data ->> '$.note', ''), e.occurred_on,
			COALESCE(e.meta ->> '$.actor', '')
		FROM events e WHERE e.type = 'InspectionFindingRecorded' AND {{streams}} AND {{live}}`,
	}
}
