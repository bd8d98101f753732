package projections

import (
	"context"

	"socai/events"
)

// ProgramNames are the Vietnamese names of the staff-training programmes,
// as the reports write them.
var ProgramNames = map[string]string{
	events.ProgramCaoHoc:          "Cao học",
	events.ProgramVanBang2:        "Văn bằng 2",
	events.ProgramTCLLCT:          "Trung cấp LLCT-HC",
	events.ProgramCCLLCT:          "Cao cấp LLCT-HC",
	events.ProgramHoanChinhCCLLCT: "Hoàn chỉnh Cao cấp LLCT-HC",
	events.ProgramBDChuyenMon:     "Bồi dưỡng chuyên môn, nghiệp vụ",
	events.ProgramNghienCuuSinh:   "Nghiên cứu sinh",
}

// ProgramCount is how many lượt of one programme a period counts, and how
// many the schools planned for periods within it.
type ProgramCount struct {
	Program string `json:"program"`
	Name    string `json:"name"`
	Count   int64  `json:"count"`
	Planned int64  `json:"planned"`
}

// StaffSchoolRow is one school's lượt in the period, by programme.
type StaffSchoolRow struct {
	SchoolID  string           `json:"school_id"`
	Name      string           `json:"name"`
	Total     int64            `json:"total"`
	ByProgram map[string]int64 `json:"by_program"`
}

// StaffTrainingReport is what a report says of staff training for a period
// (mục 1.2 of the sơ kết report): every enrolment that overlaps the period
// counts one lượt, by programme and by school; besides, how many started,
// completed and withdrew within the period, and how many were planned.
type StaffTrainingReport struct {
	Period    Period           `json:"period"`
	School    string           `json:"school"`
	Total     int64            `json:"total"`
	ByProgram []ProgramCount   `json:"by_program"`
	BySchool  []StaffSchoolRow `json:"by_school"`
	Started   int64            `json:"started"`
	Completed int64            `json:"completed"`
	Withdrawn int64            `json:"withdrawn"`
	Planned   int64            `json:"planned"`
}

// StaffTrainingFigures computes the staff-training figures of period p for
// one school, or the whole cluster when school is "". An enrolment counts in
// every period it overlaps: started on or before the end, and not completed
// or withdrawn before the start (ending on the first day still counts).
func StaffTrainingFigures(ctx context.Context, q Querier, p Period, school string) (StaffTrainingReport, error) {
	rep := StaffTrainingReport{Period: p, School: school, ByProgram: []ProgramCount{}, BySchool: []StaffSchoolRow{}}
	progs := map[string]*ProgramCount{}
	for _, prog := range events.Programs {
		progs[prog] = &ProgramCount{Program: prog, Name: ProgramNames[prog]}
	}
	schools, index, err := figureSchools(ctx, q, school)
	if err != nil {
		return rep, err
	}
	rows := make([]StaffSchoolRow, len(schools))
	for i, s := range schools {
		rows[i] = StaffSchoolRow{SchoolID: s.SchoolID, Name: s.Name, ByProgram: map[string]int64{}}
		for _, prog := range events.Programs {
			rows[i].ByProgram[prog] = 0
		}
	}
	res, err := q.QueryContext(ctx, `SELECT school_id, program,
			SUM(start_date <= :e AND (end_date IS NULL OR end_date >= :s)),
			SUM(start_date BETWEEN :s AND :e),
			SUM(status = 'completed' AND end_date BETWEEN :s AND :e),
			SUM(status = 'withdrawn' AND end_date BETWEEN :s AND :e)
		FROM proj_enrollments WHERE (:school = '' OR school_id = :school)
		GROUP BY school_id, program`,
		sqlNamed("s", string(p.From)), sqlNamed("e", string(p.To)), sqlNamed("school", school))
	if err != nil {
		return rep, err
	}
	defer res.Close()
	for res.Next() {
		var id, prog string
		var active, started, completed, withdrawn int64
		if err := res.Scan(&id, &prog, &active, &started, &completed, &withdrawn); err != nil {
			return rep, err
		}
		i, ok := index[id]
		if !ok {
			i = len(rows)
			index[id] = i
			rows = append(rows, StaffSchoolRow{SchoolID: id, Name: SchoolName(ctx, q, id), ByProgram: map[string]int64{}})
		}
		rows[i].Total += active
		rows[i].ByProgram[prog] += active
		if pc, ok := progs[prog]; ok {
			pc.Count += active
		}
		rep.Total += active
		rep.Started += started
		rep.Completed += completed
		rep.Withdrawn += withdrawn
	}
	if err := res.Err(); err != nil {
		return rep, err
	}
	plans, err := q.QueryContext(ctx, `SELECT program, SUM(count) FROM proj_staff_plans
		WHERE period_from >= ? AND period_to <= ? AND (? = '' OR school_id = ?) GROUP BY program`,
		string(p.From), string(p.To), school, school)
	if err != nil {
		return rep, err
	}
	defer plans.Close()
	for plans.Next() {
		var prog string
		var n int64
		if err := plans.Scan(&prog, &n); err != nil {
			return rep, err
		}
		if pc, ok := progs[prog]; ok {
			pc.Planned += n
		}
		rep.Planned += n
	}
	if err := plans.Err(); err != nil {
		return rep, err
	}
	for _, prog := range events.Programs {
		rep.ByProgram = append(rep.ByProgram, *progs[prog])
	}
	rep.BySchool = rows
	return rep, nil
}

// figureSchools lists the schools a report has a row for (one, or all by
// name), and each one's index.
func figureSchools(ctx context.Context, q Querier, school string) ([]School, map[string]int, error) {
	all, err := Schools(ctx, q)
	if err != nil {
		return nil, nil, err
	}
	out := []School{}
	index := map[string]int{}
	for _, s := range all {
		if school == "" || s.SchoolID == school {
			index[s.SchoolID] = len(out)
			out = append(out, s)
		}
	}
	return out, index, nil
}

// EnrollmentInfo is one enrolment as the staff-training page lists it.
type EnrollmentInfo struct {
	EnrollmentID string `json:"enrollment_id"`
	StaffID      string `json:"staff_id"`
	FullName     string `json:"full_name"`
	Unit         string `json:"unit"`
	SchoolID     string `json:"school_id"`
	SchoolName   string `json:"school_name"`
	Program      string `json:"program"`
	ProgramName  string `json:"program_name"`
	Institution  string `json:"institution"`
	StartDate    string `json:"start_date"`
	ExpectedEnd  string `json:"expected_end"`
	Status       string `json:"status"`
	EndDate      string `json:"end_date"`
	Result       string `json:"result"`
	Reason       string `json:"reason"`
}

// Enrollments lists the enrolments of a school (all when school is ""),
// latest start first.
func Enrollments(ctx context.Context, q Querier, school string) ([]EnrollmentInfo, error) {
	rows, err := q.QueryContext(ctx, `SELECT e.enrollment_id, e.staff_id, COALESCE(m.full_name, e.staff_id),
		COALESCE(m.unit, ''), e.school_id, COALESCE(s.name, e.school_id), e.program, e.institution, e.start_date,
		COALESCE(e.expected_end, ''), e.status, COALESCE(e.end_date, ''), e.result, e.withdraw_reason
		FROM proj_enrollments e LEFT JOIN proj_staff m ON m.staff_id = e.staff_id
		LEFT JOIN proj_schools s ON s.school_id = e.school_id
		WHERE (? = '' OR e.school_id = ?) ORDER BY e.start_date DESC, m.full_name, e.enrollment_id`, school, school)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []EnrollmentInfo{}
	for rows.Next() {
		var e EnrollmentInfo
		if err := rows.Scan(&e.EnrollmentID, &e.StaffID, &e.FullName, &e.Unit, &e.SchoolID, &e.SchoolName, &e.Program,
			&e.Institution, &e.StartDate, &e.ExpectedEnd, &e.Status, &e.EndDate, &e.Result, &e.Reason); err != nil {
			return nil, err
		}
		e.ProgramName = ProgramNames[e.Program]
		out = append(out, e)
	}
	return out, rows.Err()
}

// StaffInfo is one staff member, with how many enrolments they had and
// how many are ongoing.
type StaffInfo struct {
	StaffID     string `json:"staff_id"`
	SchoolID    string `json:"school_id"`
	SchoolName  string `json:"school_name"`
	FullName    string `json:"full_name"`
	Unit        string `json:"unit"`
	Position    string `json:"position"`
	Enrollments int64  `json:"enrollments"`
	Ongoing     int64  `json:"ongoing"`
}

// Staff lists the staff members of a school (all when school is ""), by
// school and name.
func Staff(ctx context.Context, q Querier, school string) ([]StaffInfo, error) {
	rows, err := q.QueryContext(ctx, `SELECT m.staff_id, m.school_id, COALESCE(s.name, m.school_id), m.full_name,
		m.unit, m.position,
		(SELECT COUNT(*) FROM proj_enrollments e WHERE e.staff_id = m.staff_id),
		(SELECT COUNT(*) FROM proj_enrollments e WHERE e.staff_id = m.staff_id AND e.status = 'ongoing')
		FROM proj_staff m LEFT JOIN proj_schools s ON s.school_id = m.school_id
		WHERE (? = '' OR m.school_id = ?) ORDER BY 3, m.full_name, m.staff_id`, school, school)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []StaffInfo{}
	for rows.Next() {
		var m StaffInfo
		if err := rows.Scan(&m.StaffID, &m.SchoolID, &m.SchoolName, &m.FullName, &m.Unit, &m.Position,
			&m.Enrollments, &m.Ongoing); err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, rows.Err()
}
