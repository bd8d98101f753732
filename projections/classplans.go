package projections

import (
	"database/sql"

	"socai/events"
)

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

func (ClassPlans) Apply(tx *sql.Tx, r events.Record) error {
	switch r.Type {
	case "TrainingTargetAssigned":
		var e events.TrainingTargetAssigned
		return decodeExec(tx, r, &e, func() (string, []any) {
			return `INSERT OR REPLACE INTO proj_training_targets VALUES (?,?,?,?,?)`,
				[]any{e.SchoolID, e.Year, r.Stream, e.Classes, e.Students}
		})
	case "ClassPlanned":
		var e events.ClassPlanned
		return decodeExec(tx, r, &e, func() (string, []any) {
			return `INSERT INTO proj_classes (class_id, stream, school_id, class_type, planned_students, planned_period, status)
				VALUES (?,?,?,?,?,?,?) ON CONFLICT (class_id) DO UPDATE SET class_type = excluded.class_type,
				planned_students = excluded.planned_students, planned_period = excluded.planned_period`,
				[]any{e.ClassID, r.Stream, e.SchoolID, e.ClassType, e.Students, e.Period, ClassPlannedStatus}
		})
	case "ClassOpened":
		var e events.ClassOpened
		if err := events.Vocabulary.DecodeInto(r, &e); err != nil {
			return err
		}
		if _, err := tx.Exec(`INSERT INTO proj_classes (class_id, stream, school_id, class_type, name, start_date,
				end_date, mode, partner, status) VALUES (?,?,?,?,?,?,?,?,?,?)
			ON CONFLICT (class_id) DO UPDATE SET school_id = excluded.school_id, class_type = excluded.class_type,
				name = excluded.name, start_date = excluded.start_date, end_date = excluded.end_date,
				mode = excluded.mode, partner = excluded.partner, status = excluded.status`,
			e.ClassID, r.Stream, e.SchoolID, e.ClassType, e.Name, e.StartDate, nullDate(e.EndDate), e.Mode, e.Partner,
			ClassOpenStatus); err != nil {
			return err
		}
		return addStudents(tx, r, e.ClassID, string(e.StartDate), e.Students)
	case "ClassEnrollmentChanged":
		var e events.ClassEnrollmentChanged
		if err := events.Vocabulary.DecodeInto(r, &e); err != nil {
			return err
		}
		return addStudents(tx, r, e.ClassID, r.OccurredOn, e.Students)
	case "ClassModeChanged":
		var e events.ClassModeChanged
		return decodeExec(tx, r, &e, func() (string, []any) {
			return `UPDATE proj_classes SET mode = ? WHERE class_id = ?`, []any{e.Mode, e.ClassID}
		})
	case "ClassCompleted":
		var e events.ClassCompleted
		return decodeExec(tx, r, &e, func() (string, []any) {
			return `UPDATE proj_classes SET status = ?, completed_on = ?, graduates = ? WHERE class_id = ?`,
				[]any{ClassCompletedStatus, e.EndDate, e.Graduates, e.ClassID}
		})
	case "ClassCancelled":
		var e events.ClassCancelled
		return decodeExec(tx, r, &e, func() (string, []any) {
			return `UPDATE proj_classes SET status = ?, cancelled_on = ?, cancel_reason = ? WHERE class_id = ?`,
				[]any{ClassCancelledStatus, r.OccurredOn, e.Reason, e.ClassID}
		})
	}
	return nil
}

func addStudents(tx *sql.Tx, r events.Record, classID, on string, students int64) error {
	_, err := tx.Exec(`INSERT OR REPLACE INTO proj_class_students VALUES (?,?,?,?,?)`, r.Stream, classID, on, r.Seq, students)
	return err
}

func nullDate(d events.Date) any {
	if d == "" {
		return nil
	}
	return string(d)
}
