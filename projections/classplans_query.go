package projections

import (
	"context"
	"sort"
)

// ClassPlanRow is one line of the class-plan figures: a school, a class
// type or a group of types.
type ClassPlanRow struct {
	Key         string   `json:"key"`
	Name        string   `json:"name"`
	Group       string   `json:"group,omitempty"`
	Target      *Count   `json:"target,omitempty"`
	Carried     Count    `json:"carried"`
	New         Count    `json:"new"`
	Executed    Count    `json:"executed"`
	Completed   Count    `json:"completed"`
	PctClasses  *float64 `json:"pct_classes"`
	PctStudents *float64 `json:"pct_students"`
}

// ClassPlanReport is what a report says of classes for a period: the year's
// target, classes carried over, newly opened, executed (the two together)
// and completed, with the breakdowns the reports give.
type ClassPlanReport struct {
	Period   Period         `json:"period"`
	School   string         `json:"school,omitempty"`
	Total    ClassPlanRow   `json:"total"`
	BySchool []ClassPlanRow `json:"by_school"`
	ByGroup  []ClassPlanRow `json:"by_group"`
	ByType   []ClassPlanRow `json:"by_type"`
}

// Class type groups in report order, with their Vietnamese names.
var classGroups = []struct{ key, name string }{
	{"dao_tao", "Đào tạo"}, {"boi_duong", "Bồi dưỡng"}, {"lien_ket", "Liên kết"},
}

// ClassPlanFigures computes the class-plan figures of period p for one
// school, or for the whole cluster when school is "". A cancelled class
// counts in no period; students are as of the last enrolment change on or
// before the period's end.
func ClassPlanFigures(ctx context.Context, q Querier, p Period, school string) (ClassPlanReport, error) {
	rep := ClassPlanReport{Period: p, School: school, Total: ClassPlanRow{Key: "total", Name: "Tổng cộng"}}
	rows, err := q.QueryContext(ctx, `
	WITH c AS (
		SELECT cl.school_id, cl.class_type,
			cl.start_date < :s AND (cl.completed_on IS NULL OR cl.completed_on >= :s) AS carried,
			cl.start_date >= :s AS new,
			cl.completed_on IS NOT NULL AND cl.completed_on BETWEEN :s AND :e AS completed,
			COALESCE((SELECT students FROM proj_class_students st WHERE st.class_id = cl.class_id AND st.on_date <= :e
				ORDER BY st.on_date DESC, st.seq DESC LIMIT 1), 0) AS students
		FROM proj_classes cl
		WHERE cl.status != 'cancelled' AND cl.start_date IS NOT NULL AND cl.start_date <= :e
			AND (:school = '' OR cl.school_id = :school))
	SELECT c.school_id, COALESCE(s.name, c.school_id), c.class_type, COALESCE(t.name, c.class_type), COALESCE(t.grp, ''),
		SUM(carried), SUM(carried * students), SUM(new), SUM(new * students), SUM(completed), SUM(completed * students)
	FROM c LEFT JOIN proj_schools s ON s.school_id = c.school_id LEFT JOIN proj_class_types t ON t.class_type = c.class_type
	WHERE carried OR new
	GROUP BY c.school_id, c.class_type`,
		sqlNamed("s", string(p.From)), sqlNamed("e", string(p.To)), sqlNamed("school", school))
	if err != nil {
		return rep, err
	}
	defer rows.Close()
	schools := map[string]*ClassPlanRow{}
	types := map[string]*ClassPlanRow{}
	groups := map[string]*ClassPlanRow{}
	for _, g := range classGroups {
		groups[g.key] = &ClassPlanRow{Key: g.key, Name: g.name}
	}
	for rows.Next() {
		var schoolID, schoolName, typ, typName, grp string
		var carried, newC, completed Count
		if err := rows.Scan(&schoolID, &schoolName, &typ, &typName, &grp, &carried.Classes, &carried.Students,
			&newC.Classes, &newC.Students, &completed.Classes, &completed.Students); err != nil {
			return rep, err
		}
		for _, row := range []*ClassPlanRow{
			upsertRow(schools, schoolID, schoolName, ""), upsertRow(types, typ, typName, grp),
			upsertRow(groups, grp, grp, ""), &rep.Total,
		} {
			row.Carried.add(carried)
			row.New.add(newC)
			row.Completed.add(completed)
		}
	}
	if err := rows.Err(); err != nil {
		return rep, err
	}
	if err := addTargets(ctx, q, p.Year(), school, schools, &rep.Total); err != nil {
		return rep, err
	}
	rep.BySchool = finishRows(schools)
	rep.ByType = finishRows(types)
	for _, g := range classGroups {
		finish(groups[g.key])
		rep.ByGroup = append(rep.ByGroup, *groups[g.key])
	}
	finish(&rep.Total)
	return rep, nil
}

// addTargets puts each school's target of the year on its row, including
// schools that executed nothing yet, and the sum on the total.
func addTargets(ctx context.Context, q Querier, year int, school string, schools map[string]*ClassPlanRow, total *ClassPlanRow) error {
	rows, err := q.QueryContext(ctx, `SELECT t.school_id, COALESCE(s.name, t.school_id), t.classes, t.students
		FROM proj_training_targets t LEFT JOIN proj_schools s ON s.school_id = t.school_id
		WHERE t.year = ? AND (? = '' OR t.school_id = ?)`, year, school, school)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id, name string
		var c Count
		if err := rows.Scan(&id, &name, &c.Classes, &c.Students); err != nil {
			return err
		}
		row := upsertRow(schools, id, name, "")
		row.Target = &Count{}
		row.Target.add(c)
		if total.Target == nil {
			total.Target = &Count{}
		}
		total.Target.add(c)
	}
	return rows.Err()
}

func upsertRow(m map[string]*ClassPlanRow, key, name, group string) *ClassPlanRow {
	r, ok := m[key]
	if !ok {
		r = &ClassPlanRow{Key: key, Name: name, Group: group}
		m[key] = r
	}
	return r
}

func finish(r *ClassPlanRow) {
	r.Executed = r.Carried
	r.Executed.add(r.New)
	if r.Target != nil {
		r.PctClasses = pct(r.Executed.Classes, r.Target.Classes)
		r.PctStudents = pct(r.Executed.Students, r.Target.Students)
	}
}

// finishRows completes the rows and sorts them by name.
func finishRows(m map[string]*ClassPlanRow) []ClassPlanRow {
	out := make([]ClassPlanRow, 0, len(m))
	for _, r := range m {
		finish(r)
		out = append(out, *r)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// ClassInfo is one class as the class list shows it.
type ClassInfo struct {
	ClassID     string `json:"class_id"`
	SchoolID    string `json:"school_id"`
	SchoolName  string `json:"school_name"`
	ClassType   string `json:"class_type"`
	TypeName    string `json:"type_name"`
	Group       string `json:"group"`
	Name        string `json:"name"`
	StartDate   string `json:"start_date"`
	EndDate     string `json:"end_date"`
	Mode        string `json:"mode"`
	Partner     string `json:"partner"`
	Status      string `json:"status"`
	Students    int64  `json:"students"`
	CompletedOn string `json:"completed_on"`
	Graduates   int64  `json:"graduates"`
}

// Classes lists the classes of a school (all when school is ""), latest start first.
func Classes(ctx context.Context, q Querier, school string) ([]ClassInfo, error) {
	rows, err := q.QueryContext(ctx, `SELECT c.class_id, c.school_id, COALESCE(s.name, c.school_id), c.class_type,
		COALESCE(t.name, c.class_type), COALESCE(t.grp, ''), c.name, COALESCE(c.start_date, ''), COALESCE(c.end_date, ''),
		COALESCE(c.mode, ''), c.partner, c.status,
		COALESCE((SELECT students FROM proj_class_students st WHERE st.class_id = c.class_id
			ORDER BY st.on_date DESC, st.seq DESC LIMIT 1), c.planned_students, 0),
		COALESCE(c.completed_on, ''), COALESCE(c.graduates, 0)
		FROM proj_classes c LEFT JOIN proj_schools s ON s.school_id = c.school_id
		LEFT JOIN proj_class_types t ON t.class_type = c.class_type
		WHERE (? = '' OR c.school_id = ?) ORDER BY c.start_date DESC, c.name`, school, school)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []ClassInfo{}
	for rows.Next() {
		var c ClassInfo
		if err := rows.Scan(&c.ClassID, &c.SchoolID, &c.SchoolName, &c.ClassType, &c.TypeName, &c.Group, &c.Name,
			&c.StartDate, &c.EndDate, &c.Mode, &c.Partner, &c.Status, &c.Students, &c.CompletedOn, &c.Graduates); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}
