package app_test

// The reference case of DESIGN.md: the cluster report 51-BC/CTĐ of
// 12/8/2021. The demo ledger must give exactly its figures for 2021-H1,
// computed by the same projections as every report, both as recorded and
// after a rebuild from zero.

import (
	"testing"

	"socai/app"
	"socai/events"
	"socai/projections"
)

func TestReferenceReport(t *testing.T) {
	a := openApp(t)
	if _, err := a.LoadDemo(ctx); err != nil {
		t.Fatal(err)
	}
	t.Run("as recorded", func(t *testing.T) { checkReference(t, a) })
	if err := a.Projections.Rebuild(ctx, nil); err != nil {
		t.Fatal(err)
	}
	t.Run("after rebuild", func(t *testing.T) { checkReference(t, a) })
}

func checkReference(t *testing.T, a *app.App) {
	h1, err := projections.ParsePeriod("2021-H1")
	if err != nil {
		t.Fatal(err)
	}
	q := a.DB() // the live projections, or those of a view of the past
	count := func(what string, got projections.Count, classes, students int64) {
		t.Helper()
		if got.Classes != classes || got.Students != students {
			t.Errorf("%s: %d lớp / %d học viên, báo cáo: %d / %d", what, got.Classes, got.Students, classes, students)
		}
	}
	num := func(what string, got, want int64) {
		t.Helper()
		if got != want {
			t.Errorf("%s: %d, báo cáo: %d", what, got, want)
		}
	}

	// II.1.1 Class plans.
	cp, err := projections.ClassPlanFigures(ctx, q, h1, "")
	if err != nil {
		t.Fatal(err)
	}
	if cp.Total.Target == nil {
		t.Fatal("no target for 2021")
	}
	count("chỉ tiêu 2021", *cp.Total.Target, 323, 20399)
	count("thực hiện 6 tháng", cp.Total.Executed, 260, 16182)
	count("chuyển sang từ 2020", cp.Total.Carried, 147, 9852)
	count("mở mới 6 tháng", cp.Total.New, 113, 6330)
	var qn *projections.ClassPlanRow
	for i, r := range cp.BySchool {
		if r.Key == "quangninh" {
			qn = &cp.BySchool[i]
		}
	}
	if qn == nil {
		t.Fatal("no row for Quảng Ninh")
	}
	count("Quảng Ninh thực hiện", qn.Executed, 107, 6118)
	for _, r := range cp.BySchool {
		if r.Key != "quangninh" && r.Executed.Classes >= qn.Executed.Classes {
			t.Errorf("%s thực hiện %d lớp: Quảng Ninh (%d) phải nhiều nhất", r.Key, r.Executed.Classes, qn.Executed.Classes)
		}
	}
	tc := map[string]projections.Count{}
	for _, s := range []string{"sonla", "laichau", "dienbien", "laocai", "hagiang", "quangninh", "langson", "caobang"} {
		rep, err := projections.ClassPlanFigures(ctx, q, h1, s)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range rep.ByType {
			if r.Key == "tc-llct-hc" {
				tc[s] = r.Executed
			}
		}
	}
	count("Sơn La, lớp TC LLCT-HC", tc["sonla"], 17, 1079)
	count("Điện Biên, lớp TC LLCT-HC", tc["dienbien"], 15, 1076)
	for s, c := range tc {
		if s != "sonla" && s != "dienbien" && c.Classes >= 15 {
			t.Errorf("%s: %d lớp TC LLCT-HC; chỉ Sơn La (17) và Điện Biên (15) có từ 15 lớp", s, c.Classes)
		}
	}

	// II.1.2 Staff training: 86 lượt.
	st, err := projections.StaffTrainingFigures(ctx, q, h1, "")
	if err != nil {
		t.Fatal(err)
	}
	num("lượt viên chức đi học", st.Total, 86)
	programs := map[string]int64{}
	for _, p := range st.ByProgram {
		programs[p.Program] = p.Count
	}
	for prog, want := range map[string]int64{
		events.ProgramCaoHoc: 12, events.ProgramVanBang2: 11, events.ProgramTCLLCT: 6, events.ProgramCCLLCT: 6,
		events.ProgramHoanChinhCCLLCT: 12, events.ProgramBDChuyenMon: 39, events.ProgramNghienCuuSinh: 0,
	} {
		num("lượt "+prog, programs[prog], want)
	}
	h2, err := projections.ParsePeriod("2021-H2")
	if err != nil {
		t.Fatal(err)
	}
	plan, err := projections.StaffTrainingFigures(ctx, q, h2, "")
	if err != nil {
		t.Fatal(err)
	}
	planned := map[string]int64{}
	for _, p := range plan.ByProgram {
		planned[p.Program] = p.Planned
	}
	for prog, want := range map[string]int64{ // III.1: the plan of the second half
		events.ProgramVanBang2: 3, events.ProgramTCLLCT: 6, events.ProgramCCLLCT: 2, events.ProgramHoanChinhCCLLCT: 2,
	} {
		num("dự kiến 6 tháng cuối năm, "+prog, planned[prog], want)
	}
	num("dự kiến 6 tháng cuối năm", plan.Planned, 13)
	bySchool := map[string]int64{}
	for _, r := range st.BySchool {
		bySchool[r.SchoolID] = r.Total
	}
	for _, top := range []string{"langson", "laocai", "sonla"} {
		for _, other := range []string{"laichau", "dienbien", "hagiang", "quangninh", "caobang"} {
			if bySchool[top] <= bySchool[other] {
				t.Errorf("lượt đi học: %s (%d) phải nhiều hơn %s (%d)", top, bySchool[top], other, bySchool[other])
			}
		}
	}

	// II.2 and II.3 Research, workshops, bulletins, websites.
	rs, err := projections.ResearchFigures(ctx, q, h1, "")
	if err != nil {
		t.Fatal(err)
	}
	num("đề tài, đề án triển khai", rs.Active.Total, 83)
	levels := map[string]projections.LevelCount{}
	for _, l := range rs.Active.ByLevel {
		levels[l.Level] = l
	}
	num("cấp Bộ/tỉnh", levels[events.LevelBoTinh].Total, 4)
	num("cấp cơ sở", levels[events.LevelCoSo].Total, 64)
	num("cấp khoa/phòng", levels[events.LevelKhoaPhong].Total, 15)
	for _, l := range rs.Accepted.ByLevel {
		if l.Level == events.LevelBoTinh {
			num("cấp Bộ/tỉnh nghiệm thu trong 6 tháng", l.Total, 3)
		}
	}
	num("số bản tin", rs.Bulletins.Issues, 9)
	num("tin, bài", rs.Bulletins.Articles, 175)
	num("trường phát hành bản tin", rs.Bulletins.Schools, 7)
	num("trường có website", rs.Websites.With, 8)
	num("số trường", rs.Websites.Schools, 8)
	workshops := map[string]int64{}
	for _, w := range rs.Workshops.ByLevel {
		workshops[w.Level] = w.Total
	}
	num("hội thảo cấp tỉnh", workshops[events.LevelBoTinh], 1)
	num("hội thảo cấp trường", workshops[events.LevelCoSo], 4)
	for school, want := range map[string][3]int64{ // cấp cơ sở, of which sáng kiến; workshops
		"hagiang": {10, 0, 0}, "quangninh": {29, 24, 2}, "dienbien": {-1, -1, 2}, "langson": {-1, -1, 1},
	} {
		r, err := projections.ResearchFigures(ctx, q, h1, school)
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range r.Active.ByLevel {
			if l.Level == events.LevelCoSo && want[0] >= 0 {
				num(school+": cấp cơ sở", l.Total, want[0])
				num(school+": sáng kiến", l.ByKind[events.KindSangKien], want[1])
			}
		}
		num(school+": hội thảo", r.Workshops.Total, want[2])
	}
	xinMan := false
	topics, err := projections.Topics(ctx, q, "hagiang")
	if err != nil {
		t.Fatal(err)
	}
	for _, tp := range topics {
		if tp.Title == "Phát triển sinh kế bền vững cho người dân huyện Xín Mần, tỉnh Hà Giang trong giai đoạn hiện nay" {
			xinMan = tp.Level == events.LevelBoTinh && tp.Status == projections.TopicAccepted &&
				tp.AcceptedOn >= "2021-01-01" && tp.AcceptedOn <= "2021-06-30"
		}
	}
	if !xinMan {
		t.Error("Hà Giang: đề tài cấp Bộ về sinh kế bền vững huyện Xín Mần phải được nghiệm thu trong 6 tháng đầu năm 2021")
	}

	// 2023: the Học viện's targets (3552-CV/HVCTQG); Cao Bằng and Lai Châu miss some.
	aw, err := projections.AwardFigures(ctx, q, 2023, "")
	if err != nil {
		t.Fatal(err)
	}
	if aw.Targets == nil || aw.Targets.LaoDongTienTienMinPct != 80 || aw.Targets.CSTDCoSoMinPct != 10 ||
		aw.Targets.CSTDCoSoMaxPct != 15 || aw.Targets.TTLDXSMin != 1 || aw.Targets.CommendedMinPct != 5 ||
		aw.Targets.PartyHTTMinPct != 70 || aw.Targets.PartyHTXSMinPct != 20 || aw.Targets.UnitsHTTMinPct != 90 {
		t.Errorf("chỉ tiêu thi đua 2023: %+v", aw.Targets)
	}
	wantFailed := map[string][]string{
		"caobang": {projections.CheckLaoDongTienTien, projections.CheckTTLDXS},
		"laichau": {projections.CheckUnitsHTT},
	}
	if len(aw.Schools) != 8 {
		t.Fatalf("2023: %d trường", len(aw.Schools))
	}
	for _, s := range aw.Schools {
		var failed []string
		for _, c := range s.Checks {
			if c.Pass == nil {
				t.Errorf("2023 %s: %s không có kết luận", s.SchoolID, c.Key)
			} else if !*c.Pass {
				failed = append(failed, c.Key)
			}
		}
		if want := wantFailed[s.SchoolID]; !sameStrings(failed, want) {
			t.Errorf("2023 %s: không đạt %v, mong đợi %v", s.SchoolID, failed, want)
		}
	}
}

func sameStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
