package projections_test

import (
	"encoding/json"
	"fmt"
	"math"
	"path/filepath"
	"strings"
	"testing"

	"socai/app"
	"socai/events"
	"socai/projections"
)

// emuLedger is a ledger opened through app, so that every event set up
// here passes the same validation as the forms.
type emuLedger struct {
	t *testing.T
	a *app.App
}

func openEmuLedger(t *testing.T) *emuLedger {
	t.Helper()
	a, err := app.Open(filepath.Join(t.TempDir(), "socai.db"), nil)
	if err != nil {
		t.Fatal(err)
	}
	a.Actor = "tester"
	t.Cleanup(func() { a.Close() })
	l := &emuLedger{t: t, a: a}
	l.addAll(
		cmd("cluster-mnbgpb", "2021-01-01", events.ClusterFormed{ClusterID: "mnbgpb", Name: "Cụm thi đua miền núi biên giới phía Bắc", Region: "Miền núi biên giới phía Bắc"}),
		cmd("school-sonla", "2021-01-01", events.SchoolRegistered{SchoolID: "sonla", Name: "Trường Chính trị tỉnh Sơn La", Province: "Sơn La", ClusterID: "mnbgpb"}),
		cmd("school-laichau", "2021-01-01", events.SchoolRegistered{SchoolID: "laichau", Name: "Trường Chính trị tỉnh Lai Châu", Province: "Lai Châu", ClusterID: "mnbgpb"}),
		cmd("school-dienbien", "2021-01-01", events.SchoolRegistered{SchoolID: "dienbien", Name: "Trường Chính trị tỉnh Điện Biên", Province: "Điện Biên", ClusterID: "mnbgpb"}),
	)
	return l
}

func cmd(stream string, on events.Date, p events.Payload) app.Cmd {
	return app.Cmd{Stream: stream, Expected: events.AnyVersion, Event: events.Event{OccurredOn: on, Data: p}}
}

// addAll records the commands in one transaction.
func (l *emuLedger) addAll(cmds ...app.Cmd) []events.Record {
	l.t.Helper()
	recs, err := l.a.Record(ctx, cmds...)
	if err != nil {
		l.t.Fatal(err)
	}
	return recs
}

func (l *emuLedger) retract(rec events.Record, on events.Date) {
	l.t.Helper()
	l.addAll(cmd(rec.Stream, on, events.EventRetracted{EventID: rec.ID, Reason: "ghi nhầm"}))
}

func (l *emuLedger) awards(year int, school string) projections.AwardReport {
	l.t.Helper()
	rep, err := projections.AwardFigures(ctx, l.a.Store.DB(), year, school)
	if err != nil {
		l.t.Fatal(err)
	}
	return rep
}

// titleCmds awards title to n recipients <prefix>-<from>…, one award each.
func titleCmds(school string, year int, kind, title, prefix string, from, n int, decided events.Date) []app.Cmd {
	var out []app.Cmd
	for i := from; i < from+n; i++ {
		id := fmt.Sprintf("%s-%s-%s-%d", school, title, prefix, i)
		out = append(out, cmd("award-"+id, decided, events.TitleAwarded{AwardID: id, Year: year, SchoolID: school,
			RecipientKind: kind, Recipient: fmt.Sprintf("%s %d", prefix, i), Title: title,
			DecisionNo: "12/QĐ-TCT", DecisionDate: decided, Issuer: "Hiệu trưởng"}))
	}
	return out
}

func ratingCmds(school string, year int, party bool, ratings ...string) []app.Cmd {
	var out []app.Cmd
	for i, r := range ratings {
		stream := fmt.Sprintf("school-%s-%d", school, year)
		if party {
			out = append(out, cmd(stream, "2023-12-20", events.PartyOrgRated{SchoolID: school, Year: year, Org: fmt.Sprintf("Chi bộ %d", i+1), Rating: r}))
		} else {
			out = append(out, cmd(stream, "2023-12-20", events.UnitRated{SchoolID: school, Year: year, Unit: fmt.Sprintf("Khoa %d", i+1), Rating: r}))
		}
	}
	return out
}

func repeat(s string, n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = s
	}
	return out
}

// targets2023 are the targets of Công văn 3552-CV/HVCTQG, 1.2.
var targets2023 = events.EmulationTargets{LaoDongTienTienMinPct: 80, CSTDCoSoMinPct: 10, CSTDCoSoMaxPct: 15,
	TTLDXSMin: 1, CommendedMinPct: 5, PartyHTTMinPct: 70, PartyHTXSMinPct: 20, UnitsHTTMinPct: 90}

// setUp2023 records the 2023 targets, a school meeting each of them at its
// edge (Sơn La) and one missing each (Lai Châu). It returns the events by
// a name used by the tests.
func (l *emuLedger) setUp2023() map[string]events.Record {
	var cmds []app.Cmd
	add := func(c ...app.Cmd) { cmds = append(cmds, c...) }
	I, C := events.RecipientIndividual, events.RecipientCollective
	add(cmd("cluster-mnbgpb-2023", "2023-02-20", events.EmulationTargetsSet{Year: 2023, Issuer: "Học viện Chính trị quốc gia Hồ Chí Minh", Targets: targets2023}))
	add(cmd("school-sonla-2023", "2023-01-10", events.StaffCountRecorded{SchoolID: "sonla", Year: 2023, Staff: 100, Units: 10, PartyOrgs: 5}))
	add(cmd("school-laichau-2023", "2023-01-10", events.StaffCountRecorded{SchoolID: "laichau", Year: 2023, Staff: 95, Units: 10, PartyOrgs: 5}))

	// Sơn La: 80 of 100 LĐTT (80%: the edge), one of them awarded twice and
	// one decided early in 2024; 12 CSTĐCS of 80 (15%: the edge); one TTLĐXS;
	// 6 commended of 110 (5,45%: cb 1 holds two forms and counts once).
	add(titleCmds("sonla", 2023, I, events.TitleLaoDongTienTien, "cb", 1, 79, "2023-12-25")...)
	add(titleCmds("sonla", 2023, I, events.TitleLaoDongTienTien, "cb", 80, 1, "2024-01-05")...)
	dup := titleCmds("sonla", 2023, I, events.TitleLaoDongTienTien, "cb", 80, 1, "2024-01-05")[0]
	dup.Stream, dup.Event.Data = "award-sonla-dup", func() events.TitleAwarded {
		e := dup.Event.Data.(events.TitleAwarded)
		e.AwardID = "sonla-dup"
		return e
	}()
	add(dup)
	add(titleCmds("sonla", 2023, I, events.TitleChienSiThiDuaCoSo, "cb", 1, 12, "2023-12-25")...)
	add(titleCmds("sonla", 2023, C, events.TitleTapTheLaoDongXuatSac, "Khoa", 1, 1, "2023-12-25")...)
	add(titleCmds("sonla", 2023, C, events.TitleTapTheLaoDongTienTien, "Khoa", 2, 3, "2023-12-25")...)
	add(titleCmds("sonla", 2023, I, events.TitleGiayKhen, "cb", 1, 5, "2023-12-25")...)
	add(titleCmds("sonla", 2023, I, events.TitleBangKhen, "cb", 1, 1, "2023-12-28")...)
	add(titleCmds("sonla", 2023, C, events.TitleGiayKhen, "Phong", 1, 1, "2023-12-25")...)
	// A title of 2022 does not count in 2023.
	add(titleCmds("sonla", 2022, I, events.TitleLaoDongTienTien, "cb", 81, 1, "2022-12-20")...)
	add(ratingCmds("sonla", 2023, true, "HTXSNV", "HTTNV", "HTTNV", "HTTNV", "HTNV")...)
	add(ratingCmds("sonla", 2023, false, append(repeat("HTTNV", 9), "HTXSNV")...)...)

	// Lai Châu: 75 of 95 LĐTT (78,9%), 12 CSTĐCS of 75 (16%), no TTLĐXS,
	// 4 commended of 105 (3,8%), party 3 of 5 HTTNV and none HTXSNV, units
	// 9 of 10 (90%: the target is "trên 90%").
	add(titleCmds("laichau", 2023, I, events.TitleLaoDongTienTien, "cb", 1, 75, "2023-12-25")...)
	add(titleCmds("laichau", 2023, I, events.TitleChienSiThiDuaCoSo, "cb", 1, 12, "2023-12-25")...)
	add(titleCmds("laichau", 2023, I, events.TitleGiayKhen, "cb", 1, 4, "2023-12-25")...)
	add(ratingCmds("laichau", 2023, true, "HTTNV", "HTTNV", "HTTNV", "HTNV", "KHTNV")...)
	add(ratingCmds("laichau", 2023, false, append(repeat("HTTNV", 9), "HTNV")...)...)

	recs := l.addAll(cmds...)
	named := map[string]events.Record{}
	for _, r := range recs {
		switch {
		case r.Stream == "award-sonla-lao_dong_tien_tien-cb-79":
			named["ldtt79"] = r
		case r.Type == "PartyOrgRated" && r.Stream == "school-sonla-2023" && named["htxs"].ID == "":
			named["htxs"] = r
		}
	}
	return named
}

type checkWant struct {
	num, den int64
	value    float64 // NaN: null
	pass     string  // "true", "false", "null"
}

func verdict(p *bool) string {
	if p == nil {
		return "null"
	}
	return fmt.Sprint(*p)
}

func checkSchool(t *testing.T, s projections.SchoolAwards, want map[string]checkWant) {
	t.Helper()
	seen := map[string]bool{}
	for _, c := range s.Checks {
		seen[c.Key] = true
		w, ok := want[c.Key]
		if !ok {
			continue
		}
		val := math.NaN()
		if c.Value != nil {
			val = *c.Value
		}
		sameVal := math.IsNaN(w.value) && math.IsNaN(val) || math.Abs(w.value-val) < 0.01
		if c.Numerator != w.num || c.Denominator != w.den || !sameVal || verdict(c.Pass) != w.pass {
			t.Errorf("%s %s = %d/%d %v pass %s, want %d/%d %v pass %s", s.SchoolID, c.Key, c.Numerator, c.Denominator,
				val, verdict(c.Pass), w.num, w.den, w.value, w.pass)
		}
	}
	for k := range want {
		if !seen[k] {
			t.Errorf("%s: no check %s", s.SchoolID, k)
		}
	}
}

func schoolOf(t *testing.T, rep projections.AwardReport, id string) projections.SchoolAwards {
	t.Helper()
	for _, s := range rep.Schools {
		if s.SchoolID == id {
			return s
		}
	}
	t.Fatalf("no school %s in %+v", id, rep.Schools)
	return projections.SchoolAwards{}
}

var sonlaMeetsAll = map[string]checkWant{
	projections.CheckLaoDongTienTien: {80, 100, 80, "true"},
	projections.CheckCSTDCoSo:        {12, 80, 15, "true"},
	projections.CheckCSTDCap15:       {12, 80, 15, "true"},
	projections.CheckTTLDXS:          {1, 10, 1, "true"},
	projections.CheckCommended:       {6, 110, 600.0 / 110, "true"},
	projections.CheckPartyHTT:        {4, 5, 80, "true"},
	projections.CheckPartyHTXS:       {1, 5, 20, "true"},
	projections.CheckUnitsHTT:        {10, 10, 100, "true"},
}

// Each figure of the 2023 targets at its edge: a school meeting every one
// and a school missing every one, the legal cap of 15% included.
func TestAwardFiguresAgainstTargets(t *testing.T) {
	l := openEmuLedger(t)
	l.setUp2023()
	rep := l.awards(2023, "")
	if rep.Targets == nil || rep.Targets.EmulationTargets != targets2023 || rep.Targets.Stream != "cluster-mnbgpb-2023" {
		t.Fatalf("targets = %+v", rep.Targets)
	}
	if len(rep.Schools) != 3 {
		t.Fatalf("%d schools", len(rep.Schools))
	}
	sonla := schoolOf(t, rep, "sonla")
	checkSchool(t, sonla, sonlaMeetsAll)
	if sonla.Staff != 100 || sonla.Passed != 8 || sonla.Failed != 0 || len(sonla.Checks) != 8 {
		t.Errorf("Sơn La: staff %d passed %d failed %d", sonla.Staff, sonla.Passed, sonla.Failed)
	}
	laichau := schoolOf(t, rep, "laichau")
	checkSchool(t, laichau, map[string]checkWant{
		projections.CheckLaoDongTienTien: {75, 95, 7500.0 / 95, "false"},
		projections.CheckCSTDCoSo:        {12, 75, 16, "false"},
		projections.CheckCSTDCap15:       {12, 75, 16, "false"},
		projections.CheckTTLDXS:          {0, 10, 0, "false"},
		projections.CheckCommended:       {4, 105, 400.0 / 105, "false"},
		projections.CheckPartyHTT:        {3, 5, 60, "false"},
		projections.CheckPartyHTXS:       {0, 5, 0, "false"},
		projections.CheckUnitsHTT:        {9, 10, 90, "false"},
	})
	if laichau.Passed != 0 || laichau.Failed != 8 {
		t.Errorf("Lai Châu: passed %d failed %d", laichau.Passed, laichau.Failed)
	}
	// Điện Biên has no staff count: no share can be computed, and no count
	// fails a year that is not recorded yet.
	dienbien := schoolOf(t, rep, "dienbien")
	for _, c := range dienbien.Checks {
		if c.Unit == "%" && c.Value != nil || c.Pass != nil {
			t.Errorf("Điện Biên %s = %v pass %s without a staff count", c.Key, c.Value, verdict(c.Pass))
		}
	}
	if dienbien.Passed != 0 || dienbien.Failed != 0 {
		t.Errorf("Điện Biên passed %d failed %d", dienbien.Passed, dienbien.Failed)
	}
	one := l.awards(2023, "laichau")
	if len(one.Schools) != 1 || one.Schools[0].SchoolID != "laichau" || one.Targets == nil {
		t.Errorf("one school: %+v", one.Schools)
	}
	for _, c := range laichau.Checks {
		if c.Key == projections.CheckCSTDCoSo && (*c.TargetMin != 10 || *c.TargetMax != 15) ||
			c.Key == projections.CheckCSTDCap15 && (c.TargetMin != nil || *c.TargetMax != 15) {
			t.Errorf("%s target %v–%v", c.Key, c.TargetMin, c.TargetMax)
		}
	}
}

// Without targets for the year, only the legal cap is judged: CSTĐCS with
// no LĐTT at all is over any cap.
func TestAwardFiguresWithoutTargets(t *testing.T) {
	l := openEmuLedger(t)
	l.addAll(cmd("school-laichau-2024", "2024-01-10", events.StaffCountRecorded{SchoolID: "laichau", Year: 2024, Staff: 10, Units: 2, PartyOrgs: 1}))
	l.addAll(titleCmds("laichau", 2024, events.RecipientIndividual, events.TitleChienSiThiDuaCoSo, "cb", 1, 1, "2024-12-20")...)
	rep := l.awards(2024, "laichau")
	b, _ := json.Marshal(rep)
	if rep.Targets != nil || !strings.Contains(string(b), `"targets":null`) {
		t.Errorf("targets = %s", b)
	}
	s := rep.Schools[0]
	checkSchool(t, s, map[string]checkWant{
		projections.CheckLaoDongTienTien: {0, 10, 0, "null"},
		projections.CheckCSTDCoSo:        {1, 0, math.NaN(), "null"},
		projections.CheckCSTDCap15:       {1, 0, math.NaN(), "false"},
		projections.CheckTTLDXS:          {0, 2, 0, "null"},
	})
	if s.Passed != 0 || s.Failed != 1 {
		t.Errorf("passed %d failed %d", s.Passed, s.Failed)
	}
}

// A revoked title stops counting; a retraction (of the revocation, of a
// rating) is undone in its stream; a rebuild gives the same figures.
func TestAwardRevocationAndRetraction(t *testing.T) {
	l := openEmuLedger(t)
	named := l.setUp2023()
	revoke := l.addAll(cmd("award-sonla-lao_dong_tien_tien-cb-79", "2024-02-01",
		events.TitleRevoked{AwardID: "sonla-lao_dong_tien_tien-cb-79", Reason: "bị kỷ luật"}))[0]
	// 79 of 100 LĐTT, and 12 CSTĐCS of 79 is now over the cap.
	checkSchool(t, schoolOf(t, l.awards(2023, "sonla"), "sonla"), map[string]checkWant{
		projections.CheckLaoDongTienTien: {79, 100, 79, "false"},
		projections.CheckCSTDCoSo:        {12, 79, 1200.0 / 79, "false"},
		projections.CheckCSTDCap15:       {12, 79, 1200.0 / 79, "false"},
	})
	titles, err := l.a.Emulation.Titles(2023, "sonla")
	if err != nil {
		t.Fatal(err)
	}
	revoked := 0
	for _, ti := range titles {
		if ti.Revoked {
			revoked++
			if ti.AwardID != "sonla-lao_dong_tien_tien-cb-79" || ti.RevokeReason != "bị kỷ luật" || ti.TitleName != "Lao động tiên tiến" {
				t.Errorf("revoked title %+v", ti)
			}
		}
	}
	if revoked != 1 || len(titles) != 80+1+12+1+3+5+1+1 {
		t.Errorf("%d titles, %d revoked", len(titles), revoked)
	}

	// Retracting the revocation restores the title.
	l.retract(revoke, "2024-02-02")
	checkSchool(t, schoolOf(t, l.awards(2023, "sonla"), "sonla"), sonlaMeetsAll)

	// Retracting the award itself removes it; retracting the HTXSNV rating
	// of a party organisation leaves it unrated.
	l.retract(named["ldtt79"], "2024-02-03")
	l.retract(named["htxs"], "2024-02-03")
	after := l.awards(2023, "")
	checkSchool(t, schoolOf(t, after, "sonla"), map[string]checkWant{
		projections.CheckLaoDongTienTien: {79, 100, 79, "false"},
		projections.CheckPartyHTT:        {3, 5, 60, "false"},
		projections.CheckPartyHTXS:       {0, 5, 0, "false"},
		projections.CheckUnitsHTT:        {10, 10, 100, "true"},
	})
	before, _ := json.Marshal(after)
	if err := l.a.Projections.Rebuild(ctx, nil); err != nil {
		t.Fatal(err)
	}
	rebuilt, _ := json.Marshal(l.awards(2023, ""))
	if string(rebuilt) != string(before) {
		t.Errorf("rebuild changed the figures:\n%s\n%s", rebuilt, before)
	}
	// The award can be recorded again, correctly, after its retraction.
	l.addAll(titleCmds("sonla", 2023, events.RecipientIndividual, events.TitleLaoDongTienTien, "cb", 79, 1, "2023-12-26")...)
	checkSchool(t, schoolOf(t, l.awards(2023, "sonla"), "sonla"), map[string]checkWant{
		projections.CheckLaoDongTienTien: {80, 100, 80, "true"},
	})
}

// The bảng tổng hợp điểm: the inspection's points over the cluster's over
// the school's own; equal totals share a rank; unscored schools have none.
func TestScoreTableAndProposals(t *testing.T) {
	l := openEmuLedger(t)
	crit := func(id string, max float64) app.Cmd {
		return cmd("cluster-mnbgpb-2023", "2023-03-01", events.ScoringCriterionDefined{Year: 2023, Form: "5.1", CriterionID: id, Title: "Tiêu chí " + id, MaxPoints: max})
	}
	score := func(school, id string, points float64, by string) app.Cmd {
		return cmd("school-"+school+"-2023", "2023-11-01", events.ScoreRecorded{SchoolID: school, Year: 2023, CriterionID: id, Points: points, ScoredBy: by})
	}
	l.addAll(crit("2", 20), crit("1", 10),
		score("sonla", "1", 9, "self"), score("sonla", "1", 8, "cluster"), score("sonla", "2", 18, "self"),
		score("laichau", "1", 10, "self"), score("laichau", "1", 6, "inspection"), score("laichau", "2", 20, "cluster"),
		cmd("cluster-mnbgpb-2023", "2023-11-20", events.AwardProposed{Year: 2023, ClusterID: "mnbgpb", SchoolID: "sonla", Award: "Cờ thi đua của Học viện", Rank: 1}))
	tab, err := l.a.Emulation.Scores(2023)
	if err != nil {
		t.Fatal(err)
	}
	if len(tab.Criteria) != 2 || tab.Criteria[0].CriterionID != "2" || tab.MaxTotal != 30 {
		t.Errorf("criteria = %+v (in the order defined), max %v", tab.Criteria, tab.MaxTotal)
	}
	ranks := map[string][2]float64{}
	for _, r := range tab.Schools {
		ranks[r.SchoolID] = [2]float64{r.Total, float64(r.Rank)}
	}
	if ranks["sonla"] != [2]float64{26, 1} || ranks["laichau"] != [2]float64{26, 1} || ranks["dienbien"] != [2]float64{0, 0} {
		t.Errorf("totals and ranks = %v", ranks)
	}
	if last := tab.Schools[len(tab.Schools)-1]; last.SchoolID != "dienbien" {
		t.Errorf("unscored school not last: %+v", tab.Schools)
	}
	for _, r := range tab.Schools {
		if r.SchoolID == "sonla" && (*r.Cells[1].Points != 8 || *r.Cells[1].Self != 9 || *r.Cells[0].Points != 18) {
			t.Errorf("Sơn La cells = %+v", r.Cells)
		}
	}
	rep := l.awards(2023, "")
	totals := map[string]string{}
	for _, s := range rep.Scores {
		b, _ := json.Marshal(s)
		totals[s.SchoolID] = string(b)
	}
	if !strings.Contains(totals["sonla"], `"self":27,"cluster":8,"inspection":null`) ||
		!strings.Contains(totals["laichau"], `"self":10,"cluster":20,"inspection":6`) {
		t.Errorf("score totals = %v", totals)
	}
	if len(rep.Proposals) != 1 || rep.Proposals[0].SchoolID != "sonla" || rep.Proposals[0].Rank != 1 || rep.Proposals[0].Name != "Trường Chính trị tỉnh Sơn La" {
		t.Errorf("proposals = %+v", rep.Proposals)
	}
}

// The JSON the UI and `socai report awards --json` read.
func TestAwardReportJSONShape(t *testing.T) {
	l := openEmuLedger(t)
	l.setUp2023()
	b, err := json.Marshal(l.awards(2023, "sonla"))
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	json.Unmarshal(b, &m)
	for _, k := range []string{"year", "targets", "schools", "scores", "proposals"} {
		if _, ok := m[k]; !ok {
			t.Errorf("no %q in %s", k, b)
		}
	}
	school := m["schools"].([]any)[0].(map[string]any)
	for _, k := range []string{"school_id", "name", "staff", "checks", "passed", "failed"} {
		if _, ok := school[k]; !ok {
			t.Errorf("no schools[].%s", k)
		}
	}
	check := school["checks"].([]any)[0].(map[string]any)
	for _, k := range []string{"key", "name", "value", "unit", "numerator", "denominator", "target_min", "target_max", "pass"} {
		if _, ok := check[k]; !ok {
			t.Errorf("no checks[].%s", k)
		}
	}
	if tg := m["targets"].(map[string]any); tg["lao_dong_tien_tien_min_pct"] != 80.0 || tg["issuer"] == "" {
		t.Errorf("targets = %v", tg)
	}
}
