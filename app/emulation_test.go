package app_test

import (
	"testing"

	"socai/app"
	"socai/events"
	"socai/projections"
)

// recordTo appends p to a stream of the caller's choosing, as an import file could.
func recordTo(a *app.App, stream string, on events.Date, p events.Payload) func() (app.Result, error) {
	return func() (app.Result, error) {
		_, err := a.Record(ctx, app.Cmd{Stream: stream, Expected: events.AnyVersion,
			Event: events.Event{OccurredOn: on, Data: p}})
		return app.Result{}, err
	}
}

var targets3552 = events.EmulationTargets{LaoDongTienTienMinPct: 80, CSTDCoSoMinPct: 10, CSTDCoSoMaxPct: 15,
	TTLDXSMin: 1, CommendedMinPct: 5, PartyHTTMinPct: 70, PartyHTXSMinPct: 20, UnitsHTTMinPct: 90}

func ldtt(id, school string, year int, decided events.Date) events.TitleAwarded {
	return events.TitleAwarded{AwardID: id, Year: year, SchoolID: school, RecipientKind: events.RecipientIndividual,
		Recipient: "Cán bộ " + id, Title: events.TitleLaoDongTienTien, DecisionNo: "15/QĐ-TCT", DecisionDate: decided,
		Issuer: "Hiệu trưởng"}
}

// Every validation rule of emulation and awards refuses with its code and
// field, and the ledger is unchanged.
func TestEmulationValidation(t *testing.T) {
	a := openApp(t)
	importLines(t, a, baseCluster...)
	em, n := a.Emulation, app.Note{Source: "3552-CV/HVCTQG"}
	ok := func(_ app.Result, err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	ok(a.Org.FormCluster(events.ClusterFormed{ClusterID: "dbscl", Name: "Cụm đồng bằng sông Cửu Long", Region: "Tây Nam Bộ"}, "2021-01-01", n))
	ok(a.Org.RegisterSchool(events.SchoolRegistered{SchoolID: "cantho", Name: "Trường Chính trị thành phố Cần Thơ", Province: "Cần Thơ", ClusterID: "dbscl"}, "2021-01-01", n))
	targets := events.EmulationTargetsSet{Year: 2023, Issuer: "Học viện Chính trị quốc gia Hồ Chí Minh", Targets: targets3552}
	ok(em.SetTargets("mnbgpb", targets, "2023-02-20", n))
	ok(em.LaunchMovement("mnbgpb", events.EmulationMovementLaunched{MovementID: "pt2023", Year: 2023, Level: "cum", Theme: "Chủ động - Đồng bộ - Đột phá"}, "2023-03-01", n))
	ok(em.Register(events.EmulationRegistered{SchoolID: "sonla", Year: 2023, MovementID: "pt2023", Titles: []string{events.TitleCoThiDua}}, "2023-03-04", n))
	ok(em.DefineCriterion("mnbgpb", events.ScoringCriterionDefined{Year: 2023, Form: "5.1", CriterionID: "1", Title: "Công tác đào tạo", MaxPoints: 10}, "2023-03-01", n))
	ok(em.RecordScore(events.ScoreRecorded{SchoolID: "sonla", Year: 2023, CriterionID: "1", Points: 10, ScoredBy: "self"}, "2023-11-01", n)) // the maximum
	ok(em.AwardTitle(ldtt("a1", "sonla", 2023, "2024-01-05"), n))                                                                            // early the next year
	ok(em.AwardTitle(ldtt("a2", "sonla", 2023, "2023-12-20"), n))
	ok(em.RevokeTitle(events.TitleRevoked{AwardID: "a2", Reason: "kỷ luật"}, "2024-02-01", n))
	ok(em.RateParty(events.PartyOrgRated{SchoolID: "sonla", Year: 2023, Org: "Chi bộ 1", Rating: events.RatingHTXSNV}, "2023-12-20", n))
	ok(em.RateUnit(events.UnitRated{SchoolID: "sonla", Year: 2023, Unit: "Phòng Đào tạo", Rating: events.RatingHTTNV}, "2023-12-20", n))
	ok(em.ProposeAward(events.AwardProposed{Year: 2023, ClusterID: "mnbgpb", SchoolID: "sonla", Award: "Cờ thi đua", Rank: 1}, "2023-11-20", n))

	expectRefusals(t, a, []refusal{
		{"targets of an unknown cluster", func() (app.Result, error) { return em.SetTargets("hanoi", targets, "2023-02-20", n) }, app.EUnknownCluster, "stream"},
		{"targets outside a cluster's year stream", recordTo(a, "cluster-mnbgpb", "2023-02-20", targets), app.EWrongStream, "stream"},
		{"targets in another year's stream", recordTo(a, "cluster-mnbgpb-2022", "2023-02-20", targets), app.EWrongStream, "stream"},
		{"targets in a school's stream", recordTo(a, "school-sonla-2023", "2023-02-20", targets), app.EWrongStream, "stream"},
		{"CSTĐCS above the legal cap", func() (app.Result, error) {
			e := targets
			e.Targets.CSTDCoSoMaxPct = 16
			return em.SetTargets("mnbgpb", e, "2023-02-20", n)
		}, events.EINVALID, "data.targets.cstd_co_so_max_pct"},
		{"movement of an unknown cluster", func() (app.Result, error) {
			return em.LaunchMovement("hanoi", events.EmulationMovementLaunched{MovementID: "x", Year: 2023, Theme: "x"}, "2023-03-01", n)
		}, app.EUnknownCluster, "stream"},
		{"movement id of another cluster", func() (app.Result, error) {
			return em.LaunchMovement("dbscl", events.EmulationMovementLaunched{MovementID: "pt2023", Year: 2023, Theme: "x"}, "2023-03-01", n)
		}, app.EAlreadyExists, "data.movement_id"},
		{"registration to an unknown movement", func() (app.Result, error) {
			return em.Register(events.EmulationRegistered{SchoolID: "sonla", Year: 2023, MovementID: "nope"}, "2023-03-04", n)
		}, app.EUnknownMovement, "data.movement_id"},
		{"registration to another year's movement", func() (app.Result, error) {
			return em.Register(events.EmulationRegistered{SchoolID: "sonla", Year: 2024, MovementID: "pt2023"}, "2024-03-04", n)
		}, app.EUnknownMovement, "data.movement_id"},
		{"registration of an unknown school", func() (app.Result, error) {
			return em.Register(events.EmulationRegistered{SchoolID: "hanoi", Year: 2023, MovementID: "pt2023"}, "2023-03-04", n)
		}, app.EUnknownSchool, "data.school_id"},
		{"registration in another school's stream", recordTo(a, "school-laichau-2023", "2023-03-04",
			events.EmulationRegistered{SchoolID: "sonla", Year: 2023, MovementID: "pt2023"}), app.EWrongStream, "stream"},
		{"registration for an unknown title", func() (app.Result, error) {
			return em.Register(events.EmulationRegistered{SchoolID: "sonla", Year: 2023, MovementID: "pt2023", Titles: []string{"huy_chuong"}}, "2023-03-04", n)
		}, events.EINVALID, "data.titles[0]"},
		{"award id recorded twice", func() (app.Result, error) { return em.AwardTitle(ldtt("a1", "laichau", 2023, "2023-12-20"), n) }, app.EAlreadyExists, "data.award_id"},
		{"award to an unknown school", func() (app.Result, error) { return em.AwardTitle(ldtt("a3", "hanoi", 2023, "2023-12-20"), n) }, app.EUnknownSchool, "data.school_id"},
		{"decided two years later", func() (app.Result, error) { return em.AwardTitle(ldtt("a3", "sonla", 2023, "2025-01-10"), n) }, app.EDateOrder, "data.decision_date"},
		{"decided the year before", func() (app.Result, error) { return em.AwardTitle(ldtt("a3", "sonla", 2023, "2022-12-31"), n) }, app.EDateOrder, "data.decision_date"},
		{"unknown title", func() (app.Result, error) {
			e := ldtt("a3", "sonla", 2023, "2023-12-20")
			e.Title = "anh_hung"
			return em.AwardTitle(e, n)
		}, events.EINVALID, "data.title"},
		{"award in another award's stream", recordTo(a, "award-a1", "2023-12-20", ldtt("a3", "sonla", 2023, "2023-12-20")), app.EWrongStream, "stream"},
		{"revoke an unknown award", func() (app.Result, error) {
			return em.RevokeTitle(events.TitleRevoked{AwardID: "nope", Reason: "x"}, "2024-02-01", n)
		}, app.EUnknownAward, "data.award_id"},
		{"revoke twice", func() (app.Result, error) {
			return em.RevokeTitle(events.TitleRevoked{AwardID: "a2", Reason: "x"}, "2024-02-02", n)
		}, app.EInvalidState, "data.award_id"},
		{"revoke before the decision", func() (app.Result, error) {
			return em.RevokeTitle(events.TitleRevoked{AwardID: "a1", Reason: "x"}, "2024-01-04", n)
		}, app.EDateOrder, "occurred_on"},
		{"revoke in another award's stream", recordTo(a, "award-a2", "2024-02-01", events.TitleRevoked{AwardID: "a1", Reason: "x"}), app.EWrongStream, "stream"},
		{"revoke without a reason", func() (app.Result, error) {
			return em.RevokeTitle(events.TitleRevoked{AwardID: "a1"}, "2024-02-01", n)
		}, events.EINVALID, "data.reason"},
		{"party rating of an unknown school", func() (app.Result, error) {
			return em.RateParty(events.PartyOrgRated{SchoolID: "hanoi", Year: 2023, Org: "Chi bộ 1", Rating: events.RatingHTTNV}, "2023-12-20", n)
		}, app.EUnknownSchool, "data.school_id"},
		{"party rating not in the scale", func() (app.Result, error) {
			return em.RateParty(events.PartyOrgRated{SchoolID: "sonla", Year: 2023, Org: "Chi bộ 1", Rating: "TOT"}, "2023-12-20", n)
		}, events.EINVALID, "data.rating"},
		{"party rating in another year's stream", recordTo(a, "school-sonla-2022", "2023-12-20",
			events.PartyOrgRated{SchoolID: "sonla", Year: 2023, Org: "Chi bộ 1", Rating: events.RatingHTTNV}), app.EWrongStream, "stream"},
		{"unit rating of an unknown school", func() (app.Result, error) {
			return em.RateUnit(events.UnitRated{SchoolID: "hanoi", Year: 2023, Unit: "Khoa 1", Rating: events.RatingHTTNV}, "2023-12-20", n)
		}, app.EUnknownSchool, "data.school_id"},
		{"unit rating in the school's stream", recordTo(a, "school-sonla", "2023-12-20",
			events.UnitRated{SchoolID: "sonla", Year: 2023, Unit: "Khoa 1", Rating: events.RatingHTTNV}), app.EWrongStream, "stream"},
		{"criterion of an unknown cluster", func() (app.Result, error) {
			return em.DefineCriterion("hanoi", events.ScoringCriterionDefined{Year: 2023, Form: "5.1", CriterionID: "2", Title: "x", MaxPoints: 5}, "2023-03-01", n)
		}, app.EUnknownCluster, "stream"},
		{"criterion without points", func() (app.Result, error) {
			return em.DefineCriterion("mnbgpb", events.ScoringCriterionDefined{Year: 2023, Form: "5.1", CriterionID: "2", Title: "x"}, "2023-03-01", n)
		}, events.EINVALID, "data.max_points"},
		{"score of an undefined criterion", func() (app.Result, error) {
			return em.RecordScore(events.ScoreRecorded{SchoolID: "sonla", Year: 2023, CriterionID: "9", Points: 1, ScoredBy: "self"}, "2023-11-01", n)
		}, app.EUnknownCriterion, "data.criterion_id"},
		{"score of another year's criterion", func() (app.Result, error) {
			return em.RecordScore(events.ScoreRecorded{SchoolID: "sonla", Year: 2024, CriterionID: "1", Points: 1, ScoredBy: "self"}, "2024-11-01", n)
		}, app.EUnknownCriterion, "data.criterion_id"},
		{"points above the maximum", func() (app.Result, error) {
			return em.RecordScore(events.ScoreRecorded{SchoolID: "laichau", Year: 2023, CriterionID: "1", Points: 10.5, ScoredBy: "cluster"}, "2023-11-01", n)
		}, events.EINVALID, "data.points"},
		{"score of an unknown school", func() (app.Result, error) {
			return em.RecordScore(events.ScoreRecorded{SchoolID: "hanoi", Year: 2023, CriterionID: "1", Points: 1, ScoredBy: "self"}, "2023-11-01", n)
		}, app.EUnknownSchool, "data.school_id"},
		{"score by nobody known", func() (app.Result, error) {
			return em.RecordScore(events.ScoreRecorded{SchoolID: "sonla", Year: 2023, CriterionID: "1", Points: 1, ScoredBy: "hocvien"}, "2023-11-01", n)
		}, events.EINVALID, "data.scored_by"},
		{"proposal of an unknown cluster", func() (app.Result, error) {
			return em.ProposeAward(events.AwardProposed{Year: 2023, ClusterID: "hanoi", SchoolID: "sonla", Award: "Cờ", Rank: 1}, "2023-11-20", n)
		}, app.EUnknownCluster, "data.cluster_id"},
		{"proposal of a school of another cluster", func() (app.Result, error) {
			return em.ProposeAward(events.AwardProposed{Year: 2023, ClusterID: "mnbgpb", SchoolID: "cantho", Award: "Cờ", Rank: 1}, "2023-11-20", n)
		}, events.EINVALID, "data.school_id"},
		{"proposal of an unknown school", func() (app.Result, error) {
			return em.ProposeAward(events.AwardProposed{Year: 2023, ClusterID: "mnbgpb", SchoolID: "hanoi", Award: "Cờ", Rank: 1}, "2023-11-20", n)
		}, app.EUnknownSchool, "data.school_id"},
		{"proposal without a rank", func() (app.Result, error) {
			return em.ProposeAward(events.AwardProposed{Year: 2023, ClusterID: "mnbgpb", SchoolID: "sonla", Award: "Cờ"}, "2023-11-20", n)
		}, events.EINVALID, "data.rank"},
		{"proposal in another year's stream", recordTo(a, "cluster-mnbgpb-2024", "2023-11-20",
			events.AwardProposed{Year: 2023, ClusterID: "mnbgpb", SchoolID: "sonla", Award: "Cờ", Rank: 1}), app.EWrongStream, "stream"},
	})

	// What was accepted is what the services answer.
	rep, err := em.Figures(2023, "sonla")
	if err != nil {
		t.Fatal(err)
	}
	if rep.Targets == nil || rep.Targets.EmulationTargets != targets3552 || len(rep.Proposals) != 1 || len(rep.Scores) != 1 {
		t.Errorf("figures = %+v", rep)
	}
	titles, err := em.Titles(2023, "")
	if err != nil || len(titles) != 2 {
		t.Errorf("titles = %v %v", titles, err)
	}
	tab, err := em.Scores(2023)
	if err != nil || len(tab.Criteria) != 1 || tab.Schools[0].SchoolID != "sonla" || tab.Schools[0].Rank != 1 {
		t.Errorf("scores = %+v %v", tab, err)
	}
}

// An import file is validated like the forms, line after line: a title and
// its revocation in one file; a revocation before its title is refused.
func TestEmulationImport(t *testing.T) {
	a := openApp(t)
	importLines(t, a, baseCluster...)
	importLines(t, a,
		`{"type":"EmulationTargetsSet","stream":"cluster-mnbgpb-2023","occurred_on":"2023-02-20","data":{"year":2023,"issuer":"Học viện","targets":{"lao_dong_tien_tien_min_pct":80,"cstd_co_so_min_pct":10,"cstd_co_so_max_pct":15,"ttldxs_min":1,"commended_min_pct":5,"party_htt_min_pct":70,"party_htxs_min_pct":20,"units_htt_min_pct":90}},"meta":{"source":"3552-CV/HVCTQG"}}`,
		`{"type":"StaffCountRecorded","stream":"school-sonla-2023","occurred_on":"2023-01-10","data":{"school_id":"sonla","year":2023,"staff":2,"units":1,"party_orgs":1},"meta":{}}`,
		`{"type":"TitleAwarded","stream":"award-t1","occurred_on":"2023-12-20","data":{"award_id":"t1","year":2023,"school_id":"sonla","recipient_kind":"individual","recipient":"Lò Văn A","title":"lao_dong_tien_tien","decision_no":"1/QĐ","decision_date":"2023-12-20","issuer":"Hiệu trưởng"},"meta":{}}`,
		`{"type":"TitleAwarded","stream":"award-t2","occurred_on":"2023-12-20","data":{"award_id":"t2","year":2023,"school_id":"sonla","recipient_kind":"individual","recipient":"Lò Thị B","title":"lao_dong_tien_tien","decision_no":"1/QĐ","decision_date":"2023-12-20","issuer":"Hiệu trưởng"},"meta":{}}`,
		`{"type":"TitleRevoked","stream":"award-t2","occurred_on":"2024-01-20","data":{"award_id":"t2","reason":"kỷ luật"},"meta":{}}`,
	)
	rep, err := a.Emulation.Figures(2023, "sonla")
	if err != nil {
		t.Fatal(err)
	}
	c := rep.Schools[0].Checks[0]
	if c.Key != projections.CheckLaoDongTienTien || c.Numerator != 1 || c.Denominator != 2 || c.Pass == nil || *c.Pass {
		t.Errorf("LĐTT after the import = %+v", c)
	}
	before := eventCount(t, a)
	_, err = a.Import(ctx, stringsReader(
		`{"type":"TitleRevoked","stream":"award-t3","occurred_on":"2024-01-20","data":{"award_id":"t3","reason":"x"},"meta":{}}`,
		`{"type":"TitleAwarded","stream":"award-t3","occurred_on":"2023-12-20","data":{"award_id":"t3","year":2023,"school_id":"sonla","recipient_kind":"individual","recipient":"C","title":"lao_dong_tien_tien","decision_no":"1/QĐ","decision_date":"2023-12-20","issuer":"Hiệu trưởng"},"meta":{}}`))
	var ie *app.ImportError
	if !asImportError(err, &ie) || ie.Problems[0].Line != 1 || ie.Problems[0].Code != app.EUnknownAward || ie.Problems[0].Field != "data.award_id" {
		t.Fatalf("err = %v", err)
	}
	if eventCount(t, a) != before {
		t.Error("a refused file appended events")
	}
}
