package projections

import "database/sql"

// ClassPlans holds every class (planned, open, completed, cancelled), its
// enrolment over time, and the schools' yearly targets (chỉ tiêu).
type ClassPlans struct{}

func (ClassPlans) Name() string { return "classplans" }
func (ClassPlans) Version() int { return 1 }
func (ClassPlans) Tables() []string {
	return []string{"proj_classes", "proj_class_students", "proj_training_targets"}
}

// Class statuses.
const (
	ClassPlannedStatus   = "planned"
	ClassOpenStatus      = "open"
	ClassCompletedStatus = "completed"
	ClassCancelledStatus = "cancelled"
)

func (ClassPlans) Create(tx *sql.Tx) error {
	_, err := tx.Exec(`
	CREATE TABLE IF NOT EXISTS proj_classes (
		class_id TEXT PRIMARY KEY, stream TEXT NOT NULL, school_id TEXT NOT NULL, class_type TEXT NOT NULL,
		name TEXT NOT NULL DEFAULT '', planned_students INTEGER, planned_period TEXT,
		start_date TEXT, end_date TEXT, mode TEXT, partner TEXT NOT NULL DEFAULT '',
		status TEXT NOT NULL, completed_on TEXT, graduates INTEGER, cancelled_on TEXT, cancel_reason TEXT);
	CREATE INDEX IF NOT EXISTS proj_classes_school ON proj_classes (school_id, start_date);
	CREATE TABLE IF NOT EXISTS proj_class_students (
		stream TEXT NOT NULL, class_id TEXT NOT NULL, on_date TEXT NOT NULL, seq INTEGER NOT NULL,
		students INTEGER NOT NULL, PRIMARY KEY (class_id, on_date, seq));
	CREATE TABLE IF NOT EXISTS proj_training_targets (
		school_id TEXT NOT NULL, year INTEGER NOT NULL, stream TEXT NOT NULL, classes INTEGER NOT NULL,
		students INTEGER NOT NULL, PRIMARY KEY (school_id, year));`)
	return err
}

func (ClassPlans) Types() []string {
	return []string{"TrainingTargetAssigned", "ClassPlanned", "ClassOpened", "ClassEnrollmentChanged",
		"ClassModeChanged", "ClassCompleted", "ClassCancelled"}
}

func (ClassPlans) Recompute() []string {
	return []string{
		// proj_classes: one row per class that was planned or opened; each
		// field comes from the last event of its kind.
		`WITH k AS (SELECT e.stream,
				MAX(CASE WHEN e.type = 'ClassPlanned' THEN e.seq END) AS pl,
				MAX(CASE WHEN e.type = 'ClassOpened' THEN e.seq END) AS op,
				MAX(CASE WHEN e.type IN ('ClassOpened', 'ClassModeChanged') THEN e.seq END) AS md,
				MAX(CASE WHEN e.type = 'ClassCompleted' THEN e.seq END) AS co,
				MAX(CASE WHEN e.type = 'ClassCancelled' THEN e.seq END) AS ca
			FROM events e
			WHERE e.type IN ('ClassPlanned','ClassOpened','ClassModeChanged','ClassCompleted','ClassCancelled')
				AND {{streams}} AND {{live}}
			GROUP BY e.stream)
		INSERT INTO proj_classes (class_id, stream, school_id, class_type, name, planned_students, planned_period,
			start_date, end_date, mode, partner, status, completed_on, graduates, cancelled_on, cancel_reason)
		SELECT COALESCE(op.data ->> '$.class_id', pl.data ->> '$.class_id'), k.stream,
			COALESCE(op.data ->> '$.school_id', pl.data ->> '$.school_id'),
			COALESCE(op.data ->> '$.class_type', pl.data ->> '$.class_type'),
			COALESCE(op.data ->> '$.name', ''),
			pl.data ->> '$.students', pl.data ->> '$.period',
			op.data ->> '$.start_date', NULLIF(op.data ->> '$.end_date', ''),
			md.data ->> '$.mode', COALESCE(op.data ->> '$.partner', ''),
			CASE WHEN k.ca IS NOT NULL THEN 'cancelled' WHEN k.co IS NOT NULL THEN 'completed'
				WHEN k.op IS NOT NULL THEN 'open' ELSE 'planned' END,
			co.data ->> '$.end_date', co.data ->> '$.graduates',
			ca.occurred_on, ca.data ->> '$.reason'
		FROM k LEFT JOIN events op ON op.seq = k.op LEFT JOIN events pl ON pl.seq = k.pl
			LEFT JOIN events md ON md.seq = k.md LEFT JOIN events co ON co.seq = k.co
			LEFT JOIN events ca ON ca.seq = k.ca
		WHERE k.op IS NOT NULL OR k.pl IS NOT NULL`,
		// proj_class_students: the enrolment at the start and at every change.
		`INSERT OR REPLACE INTO proj_class_students (stream, class_id, on_date, seq, students)
		SELECT e.stream, e.data ->> '$.class_id',
			CASE e.type WHEN 'ClassOpened' THEN e.data ->> '$.start_date' ELSE e.occurred_on END,
			e.seq, e.data ->> '$.students'
		FROM events e WHERE e.type IN ('ClassOpened', 'ClassEnrollmentChanged') AND {{streams}} AND {{live}}`,
		// proj_training_targets: the last target of each school and year.
		`INSERT OR REPLACE INTO proj_training_targets (school_id, year, stream, classes, students)
		SELECT json_extract(e.data, '$.school_id'), json_extract(e.data, '$.year'), e.stream,
			json_extract(e.data, '$.classes'), e.data ->> '$.students'
		FROM events e WHERE e.type = 'TrainingTargetAssigned' AND {{streams}} AND {{live}} ORDER BY e.seq`,
	}
}
