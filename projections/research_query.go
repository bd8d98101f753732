package projections

import (
	"context"

	"socai/events"
)

// LevelNames are the Vietnamese names of the levels of research topics and workshops.
var LevelNames = map[string]string{
	events.LevelBoTinh:    "Cấp Bộ/tỉnh",
	events.LevelCoSo:      "Cấp cơ sở",
	events.LevelKhoaPhong: "Cấp khoa/phòng",
	events.LevelCum:       "Cấp Cụm",
}

// KindNames are the Vietnamese names of the kinds of research topics.
var KindNames = map[string]string{
	events.KindDeTai:    "Đề tài",
	events.KindDeAn:     "Đề án",
	events.KindSangKien: "Sáng kiến kinh nghiệm",
}

// workshopLevels are the levels of workshops in report order.
var workshopLevels = []string{events.LevelBoTinh, events.LevelCoSo, events.LevelKhoaPhong, events.LevelCum}

// LevelCount is how many topics of one level, by kind.
type LevelCount struct {
	Level  string           `json:"level"`
	Name   string           `json:"name"`
	Total  int64            `json:"total"`
	ByKind map[string]int64 `json:"by_kind"`
}

// TopicCounts is a number of topics by level and kind.
type TopicCounts struct {
	Total   int64        `json:"total"`
	ByLevel []LevelCount `json:"by_level"`
}

// WorkshopLevelCount is how many workshops of one level, and their papers.
type WorkshopLevelCount struct {
	Level  string `json:"level"`
	Name   string `json:"name"`
	Total  int64  `json:"total"`
	Papers int64  `json:"papers"`
}

// WorkshopCounts is the workshops held in a period.
type WorkshopCounts struct {
	Total   int64                `json:"total"`
	Papers  int64                `json:"papers"`
	ByLevel []WorkshopLevelCount `json:"by_level"`
}

// BulletinCounts is the bulletin issues of a period, their articles and how
// many schools issued at least one.
type BulletinCounts struct {
	Issues   int64 `json:"issues"`
	Articles int64 `json:"articles"`
	Schools  int64 `json:"schools"`
}

// WebsiteCounts is how many of the schools had a website by the period's end.
type WebsiteCounts struct {
	With    int64 `json:"with"`
	Schools int64 `json:"schools"`
}

// ResearchSchoolRow is one school's research figures in the period.
type ResearchSchoolRow struct {
	SchoolID       string `json:"school_id"`
	Name           string `json:"name"`
	Active         int64  `json:"active"`
	Accepted       int64  `json:"accepted"`
	Workshops      int64  `json:"workshops"`
	BulletinIssues int64  `json:"bulletin_issues"`
	Articles       int64  `json:"articles"`
	Website        bool   `json:"website"`
}

// ResearchReport is what a report says of research and publications for a
// period (mục 2 and 3 of the sơ kết report).
type ResearchReport struct {
	Period    Period              `json:"period"`
	School    string              `json:"school"`
	Active    TopicCounts         `json:"active"`
	Accepted  TopicCounts         `json:"accepted"`
	Workshops WorkshopCounts      `json:"workshops"`
	Bulletins BulletinCounts      `json:"bulletins"`
	Websites  WebsiteCounts       `json:"websites"`
	BySchool  []ResearchSchoolRow `json:"by_school"`
}

func newTopicCounts() (TopicCounts, map[string]*LevelCount) {
	byLevel := map[string]*LevelCount{}
	for _, l := range events.ResearchLevels {
		lc := &LevelCount{Level: l, Name: LevelNames[l], ByKind: map[string]int64{}}
		for _, k := range events.ResearchKinds {
			lc.ByKind[k] = 0
		}
		byLevel[l] = lc
	}
	return TopicCounts{ByLevel: []LevelCount{}}, byLevel
}

func (tc *TopicCounts) add(byLevel map[string]*LevelCount, level, kind string, n int64) {
	tc.Total += n
	if lc, ok := byLevel[level]; ok {
		lc.Total += n
		lc.ByKind[kind] += n
	}
}

func (tc *TopicCounts) finish(byLevel map[string]*LevelCount) {
	for _, l := range events.ResearchLevels {
		tc.ByLevel = append(tc.ByLevel, *byLevel[l])
	}
}

// ResearchFigures computes the research figures of period p for one school,
// or the whole cluster when school is "": topics active in the period
// (registered on or before its end, not accepted or cancelled before its
// start) and accepted within it, by level and kind; workshops held, bulletin
// issues and their articles within it; schools with a website by its end.
func ResearchFigures(ctx context.Context, q Querier, p Period, school string) (ResearchReport, error) {
	rep := ResearchReport{Period: p, School: school, BySchool: []ResearchSchoolRow{}}
	schools, index, err := figureSchools(ctx, q, school)
	if err != nil {
		return rep, err
	}
	rows := make([]ResearchSchoolRow, len(schools))
	for i, s := range schools {
		rows[i] = ResearchSchoolRow{SchoolID: s.SchoolID, Name: s.Name}
	}
	row := func(id string) *ResearchSchoolRow {
		i, ok := index[id]
		if !ok {
			i = len(rows)
			index[id] = i
			rows = append(rows, ResearchSchoolRow{SchoolID: id, Name: SchoolName(ctx, q, id)})
		}
		return &rows[i]
	}
	s, e, sch := sqlNamed("s", string(p.From)), sqlNamed("e", string(p.To)), sqlNamed("school", school)

	active, activeLevels := newTopicCounts()
	accepted, acceptedLevels := newTopicCounts()
	err = eachRow(ctx, q, `SELECT school_id, level, kind,
			SUM(start_date <= :e AND (accepted_on IS NULL OR accepted_on >= :s)
				AND (cancelled_on IS NULL OR cancelled_on >= :s)),
			SUM(status = 'accepted' AND accepted_on BETWEEN :s AND :e)
		FROM proj_topics WHERE (:school = '' OR school_id = :school) GROUP BY school_id, level, kind`,
		[]any{s, e, sch}, func(scan func(...any) error) error {
			var id, level, kind string
			var nActive, nAccepted int64
			if err := scan(&id, &level, &kind, &nActive, &nAccepted); err != nil {
				return err
			}
			active.add(activeLevels, level, kind, nActive)
			accepted.add(acceptedLevels, level, kind, nAccepted)
			if nActive > 0 || nAccepted > 0 {
				r := row(id)
				r.Active += nActive
				r.Accepted += nAccepted
			}
			return nil
		})
	if err != nil {
		return rep, err
	}
	active.finish(activeLevels)
	accepted.finish(acceptedLevels)
	rep.Active, rep.Accepted = active, accepted

	wsLevels := map[string]*WorkshopLevelCount{}
	for _, l := range workshopLevels {
		wsLevels[l] = &WorkshopLevelCount{Level: l, Name: LevelNames[l]}
	}
	err = eachRow(ctx, q, `SELECT school_id, level, COUNT(*), SUM(papers) FROM proj_workshops
		WHERE date BETWEEN :s AND :e AND (:school = '' OR school_id = :school) GROUP BY school_id, level`,
		[]any{s, e, sch}, func(scan func(...any) error) error {
			var id, level string
			var n, papers int64
			if err := scan(&id, &level, &n, &papers); err != nil {
				return err
			}
			rep.Workshops.Total += n
			rep.Workshops.Papers += papers
			if wl, ok := wsLevels[level]; ok {
				wl.Total += n
				wl.Papers += papers
			}
			row(id).Workshops += n
			return nil
		})
	if err != nil {
		return rep, err
	}
	rep.Workshops.ByLevel = []WorkshopLevelCount{}
	for _, l := range workshopLevels {
		rep.Workshops.ByLevel = append(rep.Workshops.ByLevel, *wsLevels[l])
	}

	err = eachRow(ctx, q, `SELECT school_id, COUNT(*), SUM(articles) FROM proj_bulletins
		WHERE date BETWEEN :s AND :e AND (:school = '' OR school_id = :school) GROUP BY school_id`,
		[]any{s, e, sch}, func(scan func(...any) error) error {
			var id string
			var n, articles int64
			if err := scan(&id, &n, &articles); err != nil {
				return err
			}
			rep.Bulletins.Issues += n
			rep.Bulletins.Articles += articles
			rep.Bulletins.Schools++
			r := row(id)
			r.BulletinIssues += n
			r.Articles += articles
			return nil
		})
	if err != nil {
		return rep, err
	}

	err = eachRow(ctx, q, `SELECT school_id FROM proj_websites
		WHERE registered_on <= :e AND (:school = '' OR school_id = :school)`,
		[]any{e, sch}, func(scan func(...any) error) error {
			var id string
			if err := scan(&id); err != nil {
				return err
			}
			if _, known := index[id]; known {
				rep.Websites.With++
			}
			row(id).Website = true
			return nil
		})
	if err != nil {
		return rep, err
	}
	rep.Websites.Schools = int64(len(schools))
	rep.BySchool = rows
	return rep, nil
}

// TopicInfo is one research topic as the research page lists it.
type TopicInfo struct {
	TopicID      string `json:"topic_id"`
	SchoolID     string `json:"school_id"`
	SchoolName   string `json:"school_name"`
	Level        string `json:"level"`
	LevelName    string `json:"level_name"`
	Kind         string `json:"kind"`
	KindName     string `json:"kind_name"`
	Title        string `json:"title"`
	Lead         string `json:"lead"`
	StartDate    string `json:"start_date"`
	Status       string `json:"status"`
	AcceptedOn   string `json:"accepted_on"`
	Grade        string `json:"grade"`
	CancelledOn  string `json:"cancelled_on"`
	CancelReason string `json:"cancel_reason"`
}

// Topics lists the research topics of a school (all when school is ""),
// latest start first.
func Topics(ctx context.Context, q Querier, school string) ([]TopicInfo, error) {
	out := []TopicInfo{}
	err := eachRow(ctx, q, `SELECT t.topic_id, t.school_id, COALESCE(s.name, t.school_id), t.level, t.kind, t.title,
		t.lead, t.start_date, t.status, COALESCE(t.accepted_on, ''), t.grade, COALESCE(t.cancelled_on, ''), t.cancel_reason
		FROM proj_topics t LEFT JOIN proj_schools s ON s.school_id = t.school_id
		WHERE (? = '' OR t.school_id = ?) ORDER BY t.start_date DESC, t.title, t.topic_id`,
		[]any{school, school}, func(scan func(...any) error) error {
			var t TopicInfo
			if err := scan(&t.TopicID, &t.SchoolID, &t.SchoolName, &t.Level, &t.Kind, &t.Title, &t.Lead, &t.StartDate,
				&t.Status, &t.AcceptedOn, &t.Grade, &t.CancelledOn, &t.CancelReason); err != nil {
				return err
			}
			t.LevelName, t.KindName = LevelNames[t.Level], KindNames[t.Kind]
			out = append(out, t)
			return nil
		})
	return out, err
}

// WorkshopInfo is one workshop held.
type WorkshopInfo struct {
	WorkshopID string `json:"workshop_id"`
	SchoolID   string `json:"school_id"`
	SchoolName string `json:"school_name"`
	Level      string `json:"level"`
	LevelName  string `json:"level_name"`
	Title      string `json:"title"`
	Date       string `json:"date"`
	Papers     int64  `json:"papers"`
}

// Workshops lists the workshops of a school (all when school is ""), latest first.
func Workshops(ctx context.Context, q Querier, school string) ([]WorkshopInfo, error) {
	out := []WorkshopInfo{}
	err := eachRow(ctx, q, `SELECT w.workshop_id, w.school_id, COALESCE(s.name, w.school_id), w.level, w.title,
		w.date, w.papers FROM proj_workshops w LEFT JOIN proj_schools s ON s.school_id = w.school_id
		WHERE (? = '' OR w.school_id = ?) ORDER BY w.date DESC, w.title, w.workshop_id`,
		[]any{school, school}, func(scan func(...any) error) error {
			var w WorkshopInfo
			if err := scan(&w.WorkshopID, &w.SchoolID, &w.SchoolName, &w.Level, &w.Title, &w.Date, &w.Papers); err != nil {
				return err
			}
			w.LevelName = LevelNames[w.Level]
			out = append(out, w)
			return nil
		})
	return out, err
}

// BulletinInfo is one issue of a school's bulletin.
type BulletinInfo struct {
	SchoolID   string `json:"school_id"`
	SchoolName string `json:"school_name"`
	Year       int    `json:"year"`
	IssueNo    string `json:"issue_no"`
	Date       string `json:"date"`
	Articles   int64  `json:"articles"`
}

// Bulletins lists the bulletin issues of a school (all when school is ""), latest first.
func Bulletins(ctx context.Context, q Querier, school string) ([]BulletinInfo, error) {
	out := []BulletinInfo{}
	err := eachRow(ctx, q, `SELECT b.school_id, COALESCE(s.name, b.school_id), b.year, b.issue_no, b.date, b.articles
		FROM proj_bulletins b LEFT JOIN proj_schools s ON s.school_id = b.school_id
		WHERE (? = '' OR b.school_id = ?) ORDER BY b.date DESC, 2, b.issue_no`,
		[]any{school, school}, func(scan func(...any) error) error {
			var b BulletinInfo
			if err := scan(&b.SchoolID, &b.SchoolName, &b.Year, &b.IssueNo, &b.Date, &b.Articles); err != nil {
				return err
			}
			out = append(out, b)
			return nil
		})
	return out, err
}

// WebsiteInfo is a school and its website, if it registered one.
type WebsiteInfo struct {
	SchoolID     string `json:"school_id"`
	SchoolName   string `json:"school_name"`
	URL          string `json:"url"`
	RegisteredOn string `json:"registered_on"`
}

// Websites lists every school (one when school is given) with its website, if any.
func Websites(ctx context.Context, q Querier, school string) ([]WebsiteInfo, error) {
	out := []WebsiteInfo{}
	err := eachRow(ctx, q, `SELECT s.school_id, s.name, COALESCE(w.url, ''), COALESCE(w.registered_on, '')
		FROM proj_schools s LEFT JOIN proj_websites w ON w.school_id = s.school_id
		WHERE (? = '' OR s.school_id = ?) ORDER BY s.name`,
		[]any{school, school}, func(scan func(...any) error) error {
			var w WebsiteInfo
			if err := scan(&w.SchoolID, &w.SchoolName, &w.URL, &w.RegisteredOn); err != nil {
				return err
			}
			out = append(out, w)
			return nil
		})
	return out, err
}
