package app_test

import (
	"testing"

	"socai/app"
	"socai/events"
	"socai/projections"
)

func researchFigures(t *testing.T, a *app.App, period, school string) projections.ResearchReport {
	t.Helper()
	rep, err := a.Research.Figures(period, school)
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

func researchTopic(id, school, level, kind string, start events.Date) events.ResearchTopicRegistered {
	return events.ResearchTopicRegistered{TopicID: id, SchoolID: school, Level: level, Kind: kind,
		Title: "Phát triển sinh kế bền vững " + id, Lead: "ThS. Nguyễn Văn C", StartDate: start}
}

// The research counting rule through the service, at its edges; a
// retraction stops an event counting, and a rebuild gives the same figures.
func TestResearchCountingEdges(t *testing.T) {
	a := openApp(t)
	importLines(t, a, baseCluster...)
	rs, n, must := a.Research, app.Note{Source: "51-BC/CTĐ"}, mustResult(t)
	reg := must(rs.RegisterTopic(researchTopic("", "sonla", events.LevelBoTinh, events.KindDeTai, "2020-04-01"), n))
	if reg.ID == "" || reg.Stream != "topic-"+reg.ID {
		t.Fatalf("RegisterTopic made no id: %+v", reg)
	}
	// Accepted on the first day of 2021-H1: active in it, and accepted in it.
	must(rs.AcceptTopic(events.ResearchTopicAccepted{TopicID: reg.ID, Date: "2021-01-01", Grade: "Đạt"}, n))
	// Cancelled the day before 2021-H1: not active in it.
	must(rs.RegisterTopic(researchTopic("gone", "laichau", events.LevelCoSo, events.KindDeAn, "2020-09-01"), n))
	must(rs.CancelTopic(events.ResearchTopicCancelled{TopicID: "gone", Reason: "không đủ kinh phí"}, "2020-12-31", n))
	skkn := must(rs.RegisterTopic(researchTopic("skkn", "laichau", events.LevelCoSo, events.KindSangKien, "2021-06-30"), n))
	ws := must(rs.HoldWorkshop(events.WorkshopHeld{SchoolID: "sonla", Level: events.LevelBoTinh, Title: "Hội thảo khoa học cấp tỉnh", Date: "2021-05-19", Papers: 24}, n))
	if ws.ID == "" || ws.Stream != "workshop-"+ws.ID {
		t.Fatalf("HoldWorkshop: %+v", ws)
	}
	b := must(rs.IssueBulletin(events.BulletinIssued{SchoolID: "sonla", IssueNo: "01", Date: "2021-03-30", Articles: 20}, n))
	if b.Stream != "school-sonla-2021" {
		t.Errorf("bulletin went to %s", b.Stream)
	}
	must(rs.RegisterWebsite(events.WebsiteRegistered{SchoolID: "sonla", URL: "https://tct.sonla.gov.vn"}, "2019-05-01", n))

	h1 := researchFigures(t, a, "2021-H1", "")
	if h1.Active.Total != 2 || h1.Active.ByLevel[0].Total != 1 || h1.Active.ByLevel[1].ByKind[events.KindSangKien] != 1 || h1.Accepted.Total != 1 {
		t.Errorf("2021-H1: active %+v accepted %+v", h1.Active, h1.Accepted)
	}
	if h1.Workshops.Total != 1 || h1.Workshops.Papers != 24 || h1.Bulletins != (projections.BulletinCounts{Issues: 1, Articles: 20, Schools: 1}) ||
		h1.Websites != (projections.WebsiteCounts{With: 1, Schools: 2}) {
		t.Errorf("2021-H1: workshops %+v bulletins %+v websites %+v", h1.Workshops, h1.Bulletins, h1.Websites)
	}
	if h2 := researchFigures(t, a, "2021-H2", ""); h2.Active.Total != 1 || h2.Accepted.Total != 0 || h2.Workshops.Total != 0 || h2.Bulletins.Issues != 0 {
		t.Errorf("2021-H2: %+v", h2)
	}
	if y := researchFigures(t, a, "2020", ""); y.Active.Total != 2 || y.Websites.With != 1 {
		t.Errorf("2020: active %d websites %+v", y.Active.Total, y.Websites)
	}

	retractVia(t, a, skkn, "2021-07-02")
	retractVia(t, a, b, "2021-07-02")
	if r := researchFigures(t, a, "2021-H1", ""); r.Active.Total != 1 || r.Bulletins.Issues != 0 {
		t.Errorf("2021-H1 after retractions: active %d bulletins %+v", r.Active.Total, r.Bulletins)
	}
	periods := []string{"2020", "2021-H1", "2021-H2", "2021"}
	sameAfterRebuild(t, a, periods, func(p string) any { return researchFigures(t, a, p, "") })
	// The retracted bulletin's number is free again.
	must(rs.IssueBulletin(events.BulletinIssued{SchoolID: "sonla", IssueNo: "01", Date: "2021-04-02", Articles: 21}, n))
	if l, err := rs.Bulletins("sonla"); err != nil || len(l) != 1 || l[0].Articles != 21 {
		t.Errorf("bulletins = %+v, %v", l, err)
	}
	if l, err := rs.Topics(""); err != nil || len(l) != 2 {
		t.Errorf("topics = %+v, %v", l, err)
	}
	if l, err := rs.Workshops("laichau"); err != nil || len(l) != 0 {
		t.Errorf("workshops of laichau = %+v, %v", l, err)
	}
}

// Every validation rule of research refuses with its code and field, and
// the ledger is unchanged.
func TestResearchValidation(t *testing.T) {
	a := openApp(t)
	importLines(t, a, baseCluster...)
	rs, n, must := a.Research, app.Note{}, mustResult(t)
	must(rs.RegisterTopic(researchTopic("t1", "sonla", events.LevelCoSo, events.KindDeTai, "2021-03-01"), n))
	must(rs.RegisterTopic(researchTopic("acc", "sonla", events.LevelCoSo, events.KindDeTai, "2021-01-04"), n))
	must(rs.AcceptTopic(events.ResearchTopicAccepted{TopicID: "acc", Date: "2021-05-30"}, n))
	must(rs.RegisterTopic(researchTopic("off", "sonla", events.LevelCoSo, events.KindDeAn, "2021-01-04"), n))
	must(rs.CancelTopic(events.ResearchTopicCancelled{TopicID: "off", Reason: "trùng"}, "2021-02-01", n))
	must(rs.HoldWorkshop(events.WorkshopHeld{WorkshopID: "w1", SchoolID: "sonla", Level: events.LevelCoSo, Title: "HT", Date: "2021-04-01", Papers: 10}, n))
	must(rs.IssueBulletin(events.BulletinIssued{SchoolID: "sonla", IssueNo: "1", Date: "2021-03-01", Articles: 20}, n))
	must(rs.RegisterWebsite(events.WebsiteRegistered{SchoolID: "sonla", URL: "https://a.vn"}, "2021-01-01", n))
	// Issue numbers start again each year; a website may move to a new address.
	must(rs.IssueBulletin(events.BulletinIssued{SchoolID: "sonla", IssueNo: "1", Date: "2022-03-01", Articles: 20}, n))
	must(rs.RegisterWebsite(events.WebsiteRegistered{SchoolID: "sonla", URL: "https://b.vn"}, "2021-06-01", n))

	good := researchTopic("t2", "sonla", events.LevelCoSo, events.KindDeTai, "2021-04-01")
	ws := events.WorkshopHeld{WorkshopID: "w2", SchoolID: "sonla", Level: events.LevelCum, Title: "HT Cụm", Date: "2021-05-01", Papers: 5}
	cases := []refusal{
		{"topic in another entity's stream", func() (app.Result, error) { return recordVia(a, "topic-t1", "2021-04-01", good) },
			app.EWrongStream, "stream"},
		{"topic of an unknown school", func() (app.Result, error) { e := good; e.SchoolID = "hanoi"; return rs.RegisterTopic(e, n) },
			app.EUnknownSchool, "data.school_id"},
		{"unknown level", func() (app.Result, error) { e := good; e.Level = "quoc_gia"; return rs.RegisterTopic(e, n) },
			events.EINVALID, "data.level"},
		{"unknown kind", func() (app.Result, error) { e := good; e.Kind = "bai_bao"; return rs.RegisterTopic(e, n) },
			events.EINVALID, "data.kind"},
		{"topic without a title", func() (app.Result, error) { e := good; e.Title = ""; return rs.RegisterTopic(e, n) },
			events.EINVALID, "data.title"},
		{"business date is not the start date", func() (app.Result, error) { return recordVia(a, "topic-t2", "2021-04-02", good) },
			app.EDateOrder, "occurred_on"},
		{"registered twice", func() (app.Result, error) {
			return rs.RegisterTopic(researchTopic("t1", "sonla", events.LevelCoSo, events.KindDeTai, "2021-03-01"), n)
		}, app.EAlreadyExists, "data.topic_id"},
		{"acceptance of an unknown topic", func() (app.Result, error) {
			return rs.AcceptTopic(events.ResearchTopicAccepted{TopicID: "nope", Date: "2021-06-01"}, n)
		}, app.EUnknownTopic, "data.topic_id"},
		{"accepted twice", func() (app.Result, error) {
			return rs.AcceptTopic(events.ResearchTopicAccepted{TopicID: "acc", Date: "2021-06-01"}, n)
		}, app.EInvalidState, "data.topic_id"},
		{"acceptance of a cancelled topic", func() (app.Result, error) {
			return rs.AcceptTopic(events.ResearchTopicAccepted{TopicID: "off", Date: "2021-06-01"}, n)
		}, app.EInvalidState, "data.topic_id"},
		{"accepted before it started", func() (app.Result, error) {
			return rs.AcceptTopic(events.ResearchTopicAccepted{TopicID: "t1", Date: "2021-02-28"}, n)
		}, app.EDateOrder, "data.date"},
		{"acceptance in another stream", func() (app.Result, error) {
			return recordVia(a, "topic-acc", "2021-06-01", events.ResearchTopicAccepted{TopicID: "t1", Date: "2021-06-01"})
		}, app.EWrongStream, "stream"},
		{"cancellation of an unknown topic", func() (app.Result, error) {
			return rs.CancelTopic(events.ResearchTopicCancelled{TopicID: "nope", Reason: "x"}, "2021-06-01", n)
		}, app.EUnknownTopic, "data.topic_id"},
		{"cancellation of an accepted topic", func() (app.Result, error) {
			return rs.CancelTopic(events.ResearchTopicCancelled{TopicID: "acc", Reason: "x"}, "2021-06-01", n)
		}, app.EInvalidState, "data.topic_id"},
		{"cancelled before it started", func() (app.Result, error) {
			return rs.CancelTopic(events.ResearchTopicCancelled{TopicID: "t1", Reason: "x"}, "2021-02-28", n)
		}, app.EDateOrder, "occurred_on"},
		{"cancellation without a reason", func() (app.Result, error) {
			return rs.CancelTopic(events.ResearchTopicCancelled{TopicID: "t1"}, "2021-06-01", n)
		}, events.EINVALID, "data.reason"},
		{"workshop in another stream", func() (app.Result, error) { return recordVia(a, "workshop-w1", "2021-05-01", ws) },
			app.EWrongStream, "stream"},
		{"workshop of an unknown school", func() (app.Result, error) { e := ws; e.SchoolID = "hanoi"; return rs.HoldWorkshop(e, n) },
			app.EUnknownSchool, "data.school_id"},
		{"workshop recorded twice", func() (app.Result, error) { e := ws; e.WorkshopID = "w1"; return rs.HoldWorkshop(e, n) },
			app.EAlreadyExists, "data.workshop_id"},
		{"workshop with negative papers", func() (app.Result, error) { e := ws; e.Papers = -1; return rs.HoldWorkshop(e, n) },
			events.EINVALID, "data.papers"},
		{"workshop of an unknown level", func() (app.Result, error) { e := ws; e.Level = "x"; return rs.HoldWorkshop(e, n) },
			events.EINVALID, "data.level"},
		{"bulletin in another year's stream", func() (app.Result, error) {
			return recordVia(a, "school-sonla-2022", "2021-06-01", events.BulletinIssued{SchoolID: "sonla", IssueNo: "2", Date: "2021-06-01", Articles: 1})
		}, app.EWrongStream, "stream"},
		{"bulletin of an unknown school", func() (app.Result, error) {
			return rs.IssueBulletin(events.BulletinIssued{SchoolID: "hanoi", IssueNo: "2", Date: "2021-06-01", Articles: 1}, n)
		}, app.EUnknownSchool, "data.school_id"},
		{"bulletin issue recorded twice", func() (app.Result, error) {
			return rs.IssueBulletin(events.BulletinIssued{SchoolID: "sonla", IssueNo: "1", Date: "2021-06-01", Articles: 1}, n)
		}, app.EAlreadyExists, "data.issue_no"},
		{"bulletin without a date", func() (app.Result, error) {
			return rs.IssueBulletin(events.BulletinIssued{SchoolID: "sonla", IssueNo: "3", Articles: 1}, n)
		}, events.EINVALID, "data.date"},
		{"bulletin with negative articles", func() (app.Result, error) {
			return rs.IssueBulletin(events.BulletinIssued{SchoolID: "sonla", IssueNo: "3", Date: "2021-06-01", Articles: -1}, n)
		}, events.EINVALID, "data.articles"},
		{"website in a year's stream", func() (app.Result, error) {
			return recordVia(a, "school-sonla-2021", "2021-06-01", events.WebsiteRegistered{SchoolID: "sonla", URL: "https://c.vn"})
		}, app.EWrongStream, "stream"},
		{"website of an unknown school", func() (app.Result, error) {
			return rs.RegisterWebsite(events.WebsiteRegistered{SchoolID: "hanoi", URL: "https://c.vn"}, "2021-06-01", n)
		}, app.EUnknownSchool, "data.school_id"},
		{"website registered twice", func() (app.Result, error) {
			return rs.RegisterWebsite(events.WebsiteRegistered{SchoolID: "sonla", URL: "https://b.vn"}, "2021-07-01", n)
		}, app.EAlreadyExists, "data.url"},
		{"website without an address", func() (app.Result, error) {
			return rs.RegisterWebsite(events.WebsiteRegistered{SchoolID: "sonla"}, "2021-07-01", n)
		}, events.EINVALID, "data.url"},
	}
	expectRefusals(t, a, cases)
	// The website kept its first registration date through the change of address.
	if sites, err := rs.Websites("sonla"); err != nil || len(sites) != 1 || sites[0].URL != "https://b.vn" || sites[0].RegisteredOn != "2021-01-01" {
		t.Errorf("websites = %+v, %v", sites, err)
	}
}

// An import file goes through the same validation as the forms.
func TestResearchImportValidates(t *testing.T) {
	a := openApp(t)
	importLines(t, a, baseCluster...)
	before := eventCount(t, a)
	topicLine := `{"type":"ResearchTopicRegistered","stream":"topic-hg1","occurred_on":"2020-06-01","data":{"topic_id":"hg1","school_id":"laichau","level":"bo_tinh","kind":"de_tai","title":"Phát triển sinh kế bền vững cho người dân huyện Xín Mần","lead":"TS. Hoàng Văn D","start_date":"2020-06-01"},"meta":{}}`
	for _, bad := range []struct {
		lines       []string
		line        int
		code, field string
	}{
		{[]string{`{"type":"ResearchTopicAccepted","stream":"topic-hg1","occurred_on":"2021-05-01","data":{"topic_id":"hg1","date":"2021-05-01","grade":"Đạt"},"meta":{}}`},
			1, app.EUnknownTopic, "data.topic_id"},
		{[]string{topicLine, topicLine}, 2, app.EAlreadyExists, "data.topic_id"},
		{[]string{topicLine, `{"type":"ResearchTopicAccepted","stream":"topic-hg1","occurred_on":"2020-05-01","data":{"topic_id":"hg1","date":"2020-05-01"},"meta":{}}`},
			2, app.EDateOrder, "data.date"},
		{[]string{`{"type":"BulletinIssued","stream":"school-laichau","occurred_on":"2021-03-01","data":{"school_id":"laichau","issue_no":"1","date":"2021-03-01","articles":19},"meta":{}}`},
			1, app.EWrongStream, "stream"},
		{[]string{`{"type":"WebsiteRegistered","stream":"school-hanoi","occurred_on":"2021-03-01","data":{"school_id":"hanoi","url":"https://x.vn"},"meta":{}}`},
			1, app.EUnknownSchool, "data.school_id"},
	} {
		_, err := a.Import(ctx, stringsReader(bad.lines...))
		var ie *app.ImportError
		if !asImportError(err, &ie) || ie.Problems[0].Line != bad.line || ie.Problems[0].Code != bad.code || ie.Problems[0].Field != bad.field {
			t.Errorf("import %d lines: %v, want line %d %s %s", len(bad.lines), err, bad.line, bad.code, bad.field)
		}
		if eventCount(t, a) != before {
			t.Fatal("a refused file appended events")
		}
	}
	importLines(t, a, topicLine,
		`{"type":"ResearchTopicAccepted","stream":"topic-hg1","occurred_on":"2021-05-01","data":{"topic_id":"hg1","date":"2021-05-01","grade":"Đạt"},"meta":{}}`,
		`{"type":"WorkshopHeld","stream":"workshop-qn1","occurred_on":"2021-04-20","data":{"workshop_id":"qn1","school_id":"sonla","level":"bo_tinh","title":"Hội thảo cấp tỉnh","date":"2021-04-20","papers":30},"meta":{}}`,
		`{"type":"BulletinIssued","stream":"school-laichau-2021","occurred_on":"2021-03-01","data":{"school_id":"laichau","issue_no":"1","date":"2021-03-01","articles":19},"meta":{}}`,
		`{"type":"WebsiteRegistered","stream":"school-laichau","occurred_on":"2021-03-01","data":{"school_id":"laichau","url":"https://tct.laichau.gov.vn"},"meta":{}}`)
	h1 := researchFigures(t, a, "2021-H1", "")
	if h1.Active.Total != 1 || h1.Accepted.Total != 1 || h1.Workshops.Total != 1 || h1.Bulletins.Articles != 19 || h1.Websites.With != 1 {
		t.Errorf("imported 2021-H1: %+v", h1)
	}
}
