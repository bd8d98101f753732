package projections_test

import (
	"encoding/json"
	"testing"

	"socai/events"
	"socai/projections"
)

func (l *areaLedger) research(period, school string) projections.ResearchReport {
	l.t.Helper()
	rep, err := projections.ResearchFigures(ctx, l.s.DB(), l.period(period), school)
	if err != nil {
		l.t.Fatal(err)
	}
	return rep
}

func topic(id, school, level, kind string, start events.Date) events.ResearchTopicRegistered {
	return events.ResearchTopicRegistered{TopicID: id, SchoolID: school, Level: level, Kind: kind,
		Title: "Đề tài " + id, Lead: "TS. Lò Văn A", StartDate: start}
}

// levelTotals is {level: total} of the levels that have any.
func levelTotals(tc projections.TopicCounts) map[string]int64 {
	out := map[string]int64{}
	for _, l := range tc.ByLevel {
		if l.Total != 0 {
			out[l.Level] = l.Total
		}
	}
	return out
}

// Topics active in the period: registered on or before its end, not
// accepted or cancelled before its start; acceptances, workshops and
// bulletins within it; websites registered by its end.
func TestResearchCountingRule(t *testing.T) {
	l := openAreaLedger(t)
	// Accepted on the first day of 2021-H2: active in H1 and H2, accepted in H2.
	l.add("topic-t1", "2021-02-01", topic("t1", "sonla", events.LevelCoSo, events.KindDeTai, "2021-02-01"))
	t1Accepted := l.add("topic-t1", "2021-07-01", events.ResearchTopicAccepted{TopicID: "t1", Date: "2021-07-01", Grade: "Khá"})
	// Cancelled the day before 2021: active in 2020 only.
	l.add("topic-t2", "2020-05-01", topic("t2", "laichau", events.LevelBoTinh, events.KindDeAn, "2020-05-01"))
	l.add("topic-t2", "2020-12-31", events.ResearchTopicCancelled{TopicID: "t2", Reason: "chủ nhiệm chuyển công tác"})
	// Registered on the last day of H1, cancelled on the first day of H2: active in both.
	l.add("topic-t3", "2021-06-30", topic("t3", "laichau", events.LevelKhoaPhong, events.KindSangKien, "2021-06-30"))
	l.add("topic-t3", "2021-07-01", events.ResearchTopicCancelled{TopicID: "t3", Reason: "trùng nội dung"})
	// Registered on the first day of H2: not in H1.
	t4 := l.add("topic-t4", "2021-07-01", topic("t4", "sonla", events.LevelCoSo, events.KindSangKien, "2021-07-01"))
	// Carried over from 2019, accepted on the last day of H1.
	l.add("topic-t5", "2019-03-01", topic("t5", "sonla", events.LevelBoTinh, events.KindDeTai, "2019-03-01"))
	l.add("topic-t5", "2021-06-30", events.ResearchTopicAccepted{TopicID: "t5", Date: "2021-06-30", Grade: "Xuất sắc"})

	l.add("workshop-w1", "2021-03-15", events.WorkshopHeld{WorkshopID: "w1", SchoolID: "sonla", Level: events.LevelCoSo, Title: "Hội thảo 1", Date: "2021-03-15", Papers: 20})
	l.add("workshop-w2", "2021-06-30", events.WorkshopHeld{WorkshopID: "w2", SchoolID: "laichau", Level: events.LevelCum, Title: "Hội thảo Cụm", Date: "2021-06-30", Papers: 12})
	l.add("workshop-w3", "2021-07-01", events.WorkshopHeld{WorkshopID: "w3", SchoolID: "sonla", Level: events.LevelBoTinh, Title: "Hội thảo 3", Date: "2021-07-01", Papers: 30})

	l.add("school-sonla-2021", "2021-03-01", events.BulletinIssued{SchoolID: "sonla", IssueNo: "1", Date: "2021-03-01", Articles: 25})
	issue2 := l.add("school-sonla-2021", "2021-06-01", events.BulletinIssued{SchoolID: "sonla", IssueNo: "2", Date: "2021-06-01", Articles: 30})
	l.add("school-laichau-2021", "2021-07-02", events.BulletinIssued{SchoolID: "laichau", IssueNo: "1", Date: "2021-07-02", Articles: 18})

	l.add("school-sonla", "2021-01-01", events.WebsiteRegistered{SchoolID: "sonla", URL: "https://truongchinhtri.sonla.gov.vn"})
	l.add("school-laichau", "2021-08-01", events.WebsiteRegistered{SchoolID: "laichau", URL: "https://truongchinhtri.laichau.gov.vn"})

	h1 := l.research("2021-H1", "")
	if want := map[string]int64{"co_so": 1, "khoa_phong": 1, "bo_tinh": 1}; h1.Active.Total != 3 || !sameCounts(levelTotals(h1.Active), want) {
		t.Errorf("2021-H1 active: %d %v, want 3 %v", h1.Active.Total, levelTotals(h1.Active), want)
	}
	if h1.Active.ByLevel[0].ByKind[events.KindDeTai] != 1 || h1.Active.ByLevel[2].ByKind[events.KindSangKien] != 1 {
		t.Errorf("2021-H1 by kind: %+v", h1.Active.ByLevel)
	}
	if h1.Accepted.Total != 1 || h1.Accepted.ByLevel[0].Total != 1 {
		t.Errorf("2021-H1 accepted: %+v", h1.Accepted)
	}
	if h1.Workshops.Total != 2 || h1.Workshops.Papers != 32 || h1.Workshops.ByLevel[3].Level != events.LevelCum || h1.Workshops.ByLevel[3].Total != 1 {
		t.Errorf("2021-H1 workshops: %+v", h1.Workshops)
	}
	if h1.Bulletins != (projections.BulletinCounts{Issues: 2, Articles: 55, Schools: 1}) {
		t.Errorf("2021-H1 bulletins: %+v", h1.Bulletins)
	}
	if h1.Websites != (projections.WebsiteCounts{With: 1, Schools: 2}) {
		t.Errorf("2021-H1 websites: %+v", h1.Websites)
	}
	h2 := l.research("2021-H2", "")
	if want := map[string]int64{"co_so": 2, "khoa_phong": 1}; h2.Active.Total != 3 || !sameCounts(levelTotals(h2.Active), want) {
		t.Errorf("2021-H2 active: %d %v, want 3 %v", h2.Active.Total, levelTotals(h2.Active), want)
	}
	if h2.Accepted.Total != 1 || h2.Accepted.ByLevel[1].Total != 1 || h2.Accepted.ByLevel[1].ByKind[events.KindDeTai] != 1 {
		t.Errorf("2021-H2 accepted: %+v", h2.Accepted)
	}
	if h2.Bulletins != (projections.BulletinCounts{Issues: 1, Articles: 18, Schools: 1}) || h2.Websites.With != 2 {
		t.Errorf("2021-H2 bulletins %+v websites %+v", h2.Bulletins, h2.Websites)
	}
	if y := l.research("2020", ""); y.Active.Total != 2 || levelTotals(y.Active)["bo_tinh"] != 2 {
		t.Errorf("2020 active: %d %v", y.Active.Total, levelTotals(y.Active))
	}
	y21 := l.research("2021", "")
	if y21.Active.Total != 4 || y21.Accepted.Total != 2 || y21.Workshops.Total != 3 || y21.Bulletins.Schools != 2 {
		t.Errorf("2021: %+v", y21)
	}
	sonla := l.research("2021-H1", "sonla")
	if len(sonla.BySchool) != 1 || sonla.Websites != (projections.WebsiteCounts{With: 1, Schools: 1}) ||
		sonla.BySchool[0] != (projections.ResearchSchoolRow{SchoolID: "sonla", Name: "Trường Chính trị tỉnh Sơn La",
			Active: 2, Accepted: 1, Workshops: 1, BulletinIssues: 2, Articles: 55, Website: true}) {
		t.Errorf("sonla 2021-H1: %+v %+v", sonla.BySchool, sonla.Websites)
	}
	if l := h1.BySchool[0]; l.SchoolID != "laichau" || l.Active != 1 || l.Workshops != 1 || l.Website {
		t.Errorf("laichau 2021-H1: %+v", l)
	}

	// Retractions: the acceptance (t1 stays active), a registration (t4
	// disappears), a bulletin issue.
	l.retract(t1Accepted, "2021-07-10")
	l.retract(t4, "2021-07-10")
	l.retract(issue2, "2021-07-10")
	if r := l.research("2022-H1", ""); r.Active.Total != 1 || levelTotals(r.Active)["co_so"] != 1 {
		t.Errorf("2022-H1 after retractions: %+v", r.Active)
	}
	h2 = l.research("2021-H2", "")
	if h2.Active.Total != 2 || h2.Accepted.Total != 0 {
		t.Errorf("2021-H2 after retractions: active %d accepted %d", h2.Active.Total, h2.Accepted.Total)
	}
	if r := l.research("2021-H1", ""); r.Bulletins != (projections.BulletinCounts{Issues: 1, Articles: 25, Schools: 1}) {
		t.Errorf("2021-H1 bulletins after retraction: %+v", r.Bulletins)
	}
	periods := []string{"2020", "2021-H1", "2021-H2", "2021", "2022-H1"}
	var before []string
	for _, p := range periods {
		before = append(before, asJSON(t, l.research(p, "")))
	}
	if err := l.r.Rebuild(ctx, nil, "research"); err != nil {
		t.Fatal(err)
	}
	for i, p := range periods {
		if got := asJSON(t, l.research(p, "")); got != before[i] {
			t.Errorf("%s after rebuild:\n%s\nbefore:\n%s", p, got, before[i])
		}
	}

	topics, err := projections.Topics(ctx, l.s.DB(), "")
	if err != nil {
		t.Fatal(err)
	}
	if len(topics) != 4 || topics[0].TopicID != "t3" || topics[0].Status != projections.TopicCancelled ||
		topics[0].CancelledOn != "2021-07-01" || topics[0].LevelName != "Cấp khoa/phòng" || topics[0].KindName == "" {
		t.Errorf("topics = %+v", topics)
	}
	workshops, err := projections.Workshops(ctx, l.s.DB(), "sonla")
	if err != nil {
		t.Fatal(err)
	}
	if len(workshops) != 2 || workshops[0].WorkshopID != "w3" || workshops[0].LevelName != "Cấp Bộ/tỉnh" {
		t.Errorf("workshops = %+v", workshops)
	}
	bulletins, err := projections.Bulletins(ctx, l.s.DB(), "")
	if err != nil {
		t.Fatal(err)
	}
	if len(bulletins) != 2 || bulletins[0].SchoolID != "laichau" || bulletins[0].Year != 2021 || bulletins[1].Articles != 25 {
		t.Errorf("bulletins = %+v", bulletins)
	}
	sites, err := projections.Websites(ctx, l.s.DB(), "")
	if err != nil {
		t.Fatal(err)
	}
	if len(sites) != 2 || sites[0].URL != "https://truongchinhtri.laichau.gov.vn" || sites[0].RegisteredOn != "2021-08-01" {
		t.Errorf("websites = %+v", sites)
	}
}

// The JSON the UI and `socai report --json` get.
func TestResearchJSONShape(t *testing.T) {
	l := openAreaLedger(t)
	raw := asJSON(t, l.research("2021-H1", ""))
	var m map[string]any
	if err := json.Unmarshal([]byte(raw), &m); err != nil {
		t.Fatal(err)
	}
	want := map[string][]string{
		"active":    {"total", "by_level"},
		"accepted":  {"total", "by_level"},
		"workshops": {"total", "papers", "by_level"},
		"bulletins": {"issues", "articles", "schools"},
		"websites":  {"with", "schools"},
	}
	for k, sub := range want {
		obj, ok := m[k].(map[string]any)
		if !ok {
			t.Errorf("key %q missing from %s", k, raw)
			continue
		}
		for _, s := range sub {
			if _, ok := obj[s]; !ok {
				t.Errorf("key %s.%s missing", k, s)
			}
		}
	}
	level := m["active"].(map[string]any)["by_level"].([]any)[0].(map[string]any)
	if level["level"] != "bo_tinh" || level["name"] != "Cấp Bộ/tỉnh" {
		t.Errorf("active.by_level[0] = %v", level)
	}
	kinds := level["by_kind"].(map[string]any)
	for _, k := range events.ResearchKinds {
		if _, ok := kinds[k]; !ok {
			t.Errorf("by_kind.%s missing", k)
		}
	}
	school := m["by_school"].([]any)[0].(map[string]any)
	for _, k := range []string{"school_id", "name", "active", "accepted", "workshops", "bulletin_issues", "articles", "website"} {
		if _, ok := school[k]; !ok {
			t.Errorf("by_school key %q missing", k)
		}
	}
	for _, k := range []string{"period", "school"} {
		if _, ok := m[k]; !ok {
			t.Errorf("key %q missing", k)
		}
	}
}
