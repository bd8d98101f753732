package cli_test

import (
	"strings"
	"testing"
)

// socai demo loads the reference case into a new ledger; the real binary
// then reports the figures of Báo cáo 51-BC/CTĐ for 2021-H1.
func TestDemo(t *testing.T) {
	s := newSandbox(t)
	out := s.ok("demo").stdout
	for _, want := range []string{"Đã nạp dữ liệu mẫu", "Cụm thi đua các trường chính trị khu vực miền núi biên giới phía Bắc",
		"Thực hiện: 260 lớp / 16.182 học viên (chuyển sang 147 lớp / 9.852 học viên; mở mới 113 lớp / 6.330 học viên)",
		"Chỉ tiêu năm 2021: 323 lớp / 20.399 học viên", "86 lượt", "triển khai: 83",
		"9 số / 175 tin, bài của 7 trường; website: 8/8 trường", "docs/demo.md"} {
		if !strings.Contains(out, want) {
			t.Errorf("socai demo: no %q in\n%s", want, out)
		}
	}
	if !exists(s.db) {
		t.Fatalf("socai demo did not create %s", s.db)
	}
	events := s.stats().Events

	type count struct{ Classes, Students int64 }
	var cp struct {
		Total struct {
			Target                 *count
			Carried, New, Executed count
		}
		BySchool []struct {
			Key      string
			Executed count
		} `json:"by_school"`
	}
	decode(t, s.ok("report", "classplans", "--period", "2021-H1", "--json").stdout, &cp)
	if cp.Total.Target == nil || *cp.Total.Target != (count{323, 20399}) || cp.Total.Executed != (count{260, 16182}) ||
		cp.Total.Carried != (count{147, 9852}) || cp.Total.New != (count{113, 6330}) {
		t.Errorf("report classplans --period 2021-H1: %+v", cp.Total)
	}
	qn := false
	for _, r := range cp.BySchool {
		qn = qn || (r.Key == "quangninh" && r.Executed == count{107, 6118})
	}
	if !qn {
		t.Errorf("Quảng Ninh: not 107 / 6.118 in %+v", cp.BySchool)
	}

	var st struct {
		Total     int64
		ByProgram []struct {
			Program string
			Count   int64
		} `json:"by_program"`
	}
	decode(t, s.ok("report", "stafftraining", "--period", "2021-H1", "--json").stdout, &st)
	programs := map[string]int64{}
	for _, p := range st.ByProgram {
		programs[p.Program] = p.Count
	}
	if st.Total != 86 || programs["cao_hoc"] != 12 || programs["van_bang_2"] != 11 || programs["tc_llct"] != 6 ||
		programs["cc_llct"] != 6 || programs["hoan_chinh_cc_llct"] != 12 || programs["bd_chuyen_mon"] != 39 {
		t.Errorf("report stafftraining --period 2021-H1: %d lượt, %v", st.Total, programs)
	}

	var rs struct {
		Active struct {
			Total   int64
			ByLevel []struct {
				Level string
				Total int64
			} `json:"by_level"`
		}
		Bulletins struct{ Issues, Articles, Schools int64 }
		Websites  struct{ With, Schools int64 }
	}
	decode(t, s.ok("report", "research", "--period", "2021-H1", "--json").stdout, &rs)
	levels := map[string]int64{}
	for _, l := range rs.Active.ByLevel {
		levels[l.Level] = l.Total
	}
	if rs.Active.Total != 83 || levels["bo_tinh"] != 4 || levels["co_so"] != 64 || levels["khoa_phong"] != 15 ||
		rs.Bulletins.Issues != 9 || rs.Bulletins.Articles != 175 || rs.Bulletins.Schools != 7 ||
		rs.Websites.With != 8 || rs.Websites.Schools != 8 {
		t.Errorf("report research --period 2021-H1: %+v", rs)
	}

	// A second load is refused with the Vietnamese message, exit 1, nothing appended.
	r := s.expect(1, "demo")
	if !strings.Contains(r.stderr, "sổ cái đã có dữ liệu") || !strings.Contains(r.stderr, "already_exists") {
		t.Errorf("second socai demo: %v", r)
	}
	if got := s.stats().Events; got != events {
		t.Errorf("second socai demo appended: %d events, was %d", got, events)
	}
	s.verify(0)
}
