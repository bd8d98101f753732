package projections

import (
	"database/sql"

	"socai/events"
)

// StaffTraining holds the schools' staff members (viên chức), their
// enrolments in training programmes (đào tạo, bồi dưỡng viên chức) and the
// schools' plans of how many to send.
type StaffTraining struct{}

func (StaffTraining) Name() string { return "stafftraining" }
func (StaffTraining) Version() int { return 1 }
func (StaffTraining) Tables() []string {
	return []string{"proj_staff", "proj_enrollments", "proj_staff_plans"}
}

// Enrolment statuses.
const (
	EnrollmentOngoing   = "ongoing"
	EnrollmentCompleted = "completed"
	EnrollmentWithdrawn = "withdrawn"
)

func (StaffTraining) Create(tx *sql.Tx) error {
	_, err := tx.Exec(`
	CREATE TABLE IF NOT EXISTS proj_staff (
		staff_id TEXT PRIMARY KEY, stream TEXT NOT NULL, school_id TEXT NOT NULL, full_name TEXT NOT NULL,
		unit TEXT NOT NULL, position TEXT NOT NULL, recorded_on TEXT NOT NULL);
	CREATE INDEX IF NOT EXISTS proj_staff_school ON proj_staff (school_id);
	CREATE TABLE IF NOT EXISTS proj_enrollments (
		enrollment_id TEXT PRIMARY KEY, stream TEXT NOT NULL, staff_id TEXT NOT NULL, school_id TEXT NOT NULL,
		program TEXT NOT NULL, institution TEXT NOT NULL, start_date TEXT NOT NULL, expected_end TEXT,
		status TEXT NOT NULL, end_date TEXT, result TEXT NOT NULL DEFAULT '', withdraw_reason TEXT NOT NULL DEFAULT '');
	CREATE INDEX IF NOT EXISTS proj_enrollments_school ON proj_enrollments (school_id, start_date);
	CREATE TABLE IF NOT EXISTS proj_staff_plans (
		school_id TEXT NOT NULL, period TEXT NOT NULL, program TEXT NOT NULL, stream TEXT NOT NULL,
		period_from TEXT NOT NULL, period_to TEXT NOT NULL, count INTEGER NOT NULL,
		PRIMARY KEY (school_id, period, program));`)
	return err
}

func (StaffTraining) Apply(tx *sql.Tx, r events.Record) error {
	switch r.Type {
	case "StaffMemberRecorded":
		var e events.StaffMemberRecorded
		return decodeExec(tx, r, &e, func() (string, []any) {
			return `INSERT INTO proj_staff VALUES (?,?,?,?,?,?,?) ON CONFLICT (staff_id) DO UPDATE SET
				school_id = excluded.school_id, full_name = excluded.full_name, unit = excluded.unit,
				position = excluded.position`,
				[]any{e.StaffID, r.Stream, e.SchoolID, e.FullName, e.Unit, e.Position, r.OccurredOn}
		})
	case "StaffTrainingStarted":
		var e events.StaffTrainingStarted
		return decodeExec(tx, r, &e, func() (string, []any) {
			return `INSERT OR REPLACE INTO proj_enrollments (enrollment_id, stream, staff_id, school_id, program,
				institution, start_date, expected_end, status) VALUES (?,?,?,?,?,?,?,?,?)`,
				[]any{e.EnrollmentID, r.Stream, e.StaffID, e.SchoolID, e.Program, e.Institution, e.StartDate,
					nullDate(e.ExpectedEnd), EnrollmentOngoing}
		})
	case "StaffTrainingCompleted":
		var e events.StaffTrainingCompleted
		return decodeExec(tx, r, &e, func() (string, []any) {
			return `UPDATE proj_enrollments SET status = ?, end_date = ?, result = ? WHERE enrollment_id = ?`,
				[]any{EnrollmentCompleted, e.EndDate, e.Result, e.EnrollmentID}
		})
	case "StaffTrainingWithdrawn":
		var e events.StaffTrainingWithdrawn
		return decodeExec(tx, r, &e, func() (string, []any) {
			return `UPDATE proj_enrollments SET status = ?, end_date = ?, withdraw_reason = ? WHERE enrollment_id = ?`,
				[]any{EnrollmentWithdrawn, r.OccurredOn, e.Reason, e.EnrollmentID}
		})
	case "StaffTrainingPlanned":
		var e events.StaffTrainingPlanned
		if err := events.Vocabulary.DecodeInto(r, &e); err != nil {
			return err
		}
		p, err := ParsePeriod(e.Period)
		if err != nil {
			return nil // refused on append; an old bad line simply plans nothing
		}
		_, err = tx.Exec(`INSERT OR REPLACE INTO proj_staff_plans VALUES (?,?,?,?,?,?,?)`,
			e.SchoolID, e.Period, e.Program, r.Stream, p.From, p.To, e.Count)
		return err
	}
	return nil
}
