package projections

import "database/sql"

// StaffTraining holds the schools' staff members (viên chức), their
// enrolments in training programmes (đào tạo, bồi dưỡng viên chức) and the
// schools' plans of how many to send.
type StaffTraining struct{}

func (StaffTraining) Name() string { return "stafftraining" }
func (StaffTraining) Version() int { return 2 }
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

func (StaffTraining) Types() []string {
	return []string{"StaffMemberRecorded", "StaffTrainingStarted", "StaffTrainingCompleted", "StaffTrainingWithdrawn",
		"StaffTrainingPlanned"}
}

// Recompute: a staff member is the last word of its stream and keeps the
// date it was first recorded. An enrolment is its last start, ended by the
// last completion or withdrawal after it (a completion sets the result, a
// withdrawal the reason). A plan is the last of its school, period and
// programme; one whose period does not parse plans nothing.
func (StaffTraining) Recompute() []string {
	return []string{
		`WITH k AS (SELECT e.stream, MIN(e.seq) AS first, MAX(e.seq) AS last FROM events e
			WHERE e.type = 'StaffMemberRecorded' AND {{streams}} AND {{live}} GROUP BY e.stream)
		INSERT OR REPLACE INTO proj_staff (staff_id, stream, school_id, full_name, unit, position, recorded_on)
		SELECT l.data ->> '$.staff_id', k.stream, l.data ->> '$.school_id', l.data ->> '$.full_name',
			l.data ->> '$.unit', l.data ->> '$.position', f.occurred_on
		FROM k JOIN events l ON l.seq = k.last JOIN events f ON f.seq = k.first`,
		`WITH k AS (SELECT e.stream,
				MAX(CASE WHEN e.type = 'StaffTrainingStarted' THEN e.seq END) AS st,
				MAX(CASE WHEN e.type = 'StaffTrainingCompleted' THEN e.seq END) AS co,
				MAX(CASE WHEN e.type = 'StaffTrainingWithdrawn' THEN e.seq END) AS wi
			FROM events e
			WHERE e.type IN ('StaffTrainingStarted', 'StaffTrainingCompleted', 'StaffTrainingWithdrawn')
				AND {{streams}} AND {{live}}
			GROUP BY e.stream)
		INSERT OR REPLACE INTO proj_enrollments (enrollment_id, stream, staff_id, school_id, program, institution,
			start_date, expected_end, status, end_date, result, withdraw_reason)
		SELECT st.data ->> '$.enrollment_id', k.stream, st.data ->> '$.staff_id', st.data ->> '$.school_id',
			st.data ->> '$.program', st.data ->> '$.institution', st.data ->> '$.start_date',
			NULLIF(st.data ->> '$.expected_end', ''),
			CASE WHEN co.seq > COALESCE(wi.seq, 0) THEN 'completed' WHEN wi.seq IS NOT NULL THEN 'withdrawn'
				ELSE 'ongoing' END,
			CASE WHEN co.seq > COALESCE(wi.seq, 0) THEN co.data ->> '$.end_date' ELSE wi.occurred_on END,
			COALESCE(co.data ->> '$.result', ''), COALESCE(wi.data ->> '$.reason', '')
		FROM k JOIN events st ON st.seq = k.st
			LEFT JOIN events co ON co.seq = k.co AND k.co > k.st
			LEFT JOIN events wi ON wi.seq = k.wi AND k.wi > k.st`,
		`WITH p AS (SELECT e.seq, e.stream, e.data ->> '$.school_id' AS school_id, e.data ->> '$.period' AS period,
				e.data ->> '$.program' AS program, e.data ->> '$.count' AS count
			FROM events e WHERE e.type = 'StaffTrainingPlanned' AND {{streams}} AND {{live}}),
		b AS (SELECT p.*, ` + periodFrom("p.period") + ` AS period_from, ` + periodTo("p.period") + ` AS period_to FROM p)
		INSERT OR REPLACE INTO proj_staff_plans (school_id, period, program, stream, period_from, period_to, count)
		SELECT school_id, period, program, stream, period_from, period_to, count
		FROM b WHERE period_from IS NOT NULL ORDER BY seq`,
	}
}

// periodFrom and periodTo are the SQL of the first and last day of the
// period named by the text expression x, as ParsePeriod reads it ("2021",
// "2021-H1", "2021-H2", "2021-03-01..2021-05-31"), both NULL if it does not
// parse.
func periodFrom(x string) string {
	return periodCase(x, x+` || '-01-01'`, `substr(`+x+`, 1, 4) || CASE substr(`+x+`, 7) WHEN '1' THEN '-01-01' ELSE '-07-01' END`,
		`substr(`+x+`, 1, 10)`)
}

func periodTo(x string) string {
	return periodCase(x, x+` || '-12-31'`, `substr(`+x+`, 1, 4) || CASE substr(`+x+`, 7) WHEN '1' THEN '-06-30' ELSE '-12-31' END`,
		`substr(`+x+`, 13)`)
}

// periodCase picks year, half or rng by the form of x; a range must be of
// real dates (a date that julianday would carry over, 2021-02-30, is not),
// the last not before the first.
func periodCase(x, year, half, rng string) string {
	const d4 = `[0-9][0-9][0-9][0-9]`
	const date = d4 + `-[0-9][0-9]-[0-9][0-9]`
	first, last := `substr(`+x+`, 1, 10)`, `substr(`+x+`, 13)`
	return `(CASE WHEN ` + x + ` GLOB '` + d4 + `' THEN ` + year + `
		WHEN ` + x + ` GLOB '` + d4 + `-H[12]' THEN ` + half + `
		WHEN ` + x + ` GLOB '` + date + `..` + date + `' AND date(julianday(` + first + `)) IS ` + first + `
			AND date(julianday(` + last + `)) IS ` + last + ` AND ` + last + ` >= ` + first + ` THEN ` + rng + ` END)`
}
