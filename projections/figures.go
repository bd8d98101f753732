package projections

import (
	"context"
	"strconv"
)

// Figure is one number a report states, under a flat key that stays the
// same across versions ("classplans.executed.classes"): the keys of
// ReportSubmitted.figures, of an inspection's comparison and of the
// figures at a period's close.
type Figure struct {
	Key   string  `json:"key"`
	Label string  `json:"label"`
	Value float64 `json:"value"`
	Unit  string  `json:"unit"`
}

// Figures is every figure of period p for one school, or for the cluster
// when school is "", in report order: class plans (totals, by group, by
// class type, by school), staff training, research and the year's awards.
// Each is computed by the area's own query, so a figure here is the figure
// of that area's report.
func Figures(ctx context.Context, q Querier, p Period, school string) ([]Figure, error) {
	var f figureList
	cp, err := ClassPlanFigures(ctx, q, p, school)
	if err != nil {
		return nil, err
	}
	f.classRow("classplans", "", cp.Total)
	for _, r := range cp.ByGroup {
		f.classRow("classplans.group."+r.Key, r.Name+": ", r)
	}
	for _, r := range cp.ByType {
		f.classRow("classplans.type."+r.Key, r.Name+": ", r)
	}
	if school == "" {
		for _, r := range cp.BySchool {
			f.classRow("classplans.school."+r.Key, r.Name+": ", r)
		}
	}

	st, err := StaffTrainingFigures(ctx, q, p, school)
	if err != nil {
		return nil, err
	}
	f.add("stafftraining.total", "Lượt viên chức đi học", float64(st.Total), "lượt")
	for _, c := range st.ByProgram {
		f.add("stafftraining.program."+c.Program, "Viên chức đi học: "+c.Name, float64(c.Count), "lượt")
	}
	if school == "" {
		for _, r := range st.BySchool {
			f.add("stafftraining.school."+r.SchoolID, r.Name+": lượt viên chức đi học", float64(r.Total), "lượt")
		}
	}

	rs, err := ResearchFigures(ctx, q, p, school)
	if err != nil {
		return nil, err
	}
	f.add("research.active.total", "Đề tài, đề án, sáng kiến thực hiện", float64(rs.Active.Total), "đề tài")
	for _, l := range rs.Active.ByLevel {
		f.add("research.active.level."+l.Level, "Đề tài thực hiện, "+l.Name, float64(l.Total), "đề tài")
	}
	f.add("research.accepted.total", "Đề tài nghiệm thu", float64(rs.Accepted.Total), "đề tài")
	f.add("research.workshops.total", "Hội thảo, tọa đàm", float64(rs.Workshops.Total), "cuộc")
	f.add("research.bulletins.issues", "Số bản tin", float64(rs.Bulletins.Issues), "số")
	f.add("research.bulletins.articles", "Bài viết trên bản tin", float64(rs.Bulletins.Articles), "bài")
	f.add("research.bulletins.schools", "Trường ra bản tin", float64(rs.Bulletins.Schools), "trường")
	f.add("research.websites.with", "Trường có trang thông tin điện tử", float64(rs.Websites.With), "trường")

	year, _ := strconv.Atoi(string(p.From)[:4])
	aw, err := AwardFigures(ctx, q, year, school)
	if err != nil {
		return nil, err
	}
	for _, s := range aw.Schools {
		for _, c := range s.Checks {
			if c.Value != nil {
				f.add("awards.school."+s.SchoolID+"."+c.Key, s.Name+": "+c.Name, *c.Value, c.Unit)
			}
		}
	}
	return f, nil
}

// FigureMap is figures by key.
func FigureMap(fs []Figure) map[string]float64 {
	m := make(map[string]float64, len(fs))
	for _, f := range fs {
		m[f.Key] = f.Value
	}
	return m
}

type figureList []Figure

func (f *figureList) add(key, label string, v float64, unit string) {
	*f = append(*f, Figure{Key: key, Label: label, Value: v, Unit: unit})
}

// classRow adds the counts of one class-plan line, the target only where
// the line has one.
func (f *figureList) classRow(key, prefix string, r ClassPlanRow) {
	if r.Target != nil {
		f.add(key+".target.classes", prefix+"chỉ tiêu (lớp)", float64(r.Target.Classes), "lớp")
		f.add(key+".target.students", prefix+"chỉ tiêu (học viên)", float64(r.Target.Students), "học viên")
	}
	for _, c := range []struct {
		name, label string
		n           Count
	}{{"carried", "chuyển sang", r.Carried}, {"new", "mở mới", r.New}, {"executed", "thực hiện", r.Executed}, {"completed", "kết thúc", r.Completed}} {
		f.add(key+"."+c.name+".classes", prefix+c.label+" (lớp)", float64(c.n.Classes), "lớp")
		f.add(key+"."+c.name+".students", prefix+c.label+" (học viên)", float64(c.n.Students), "học viên")
	}
}
