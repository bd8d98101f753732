package app

// The demo ledger: the cluster of the reference report (Báo cáo số
// 51-BC/CTĐ ngày 12/8/2021 of the Cụm thi đua các trường chính trị khu vực
// miền núi biên giới phía Bắc) with data whose totals are exactly the
// report's, and the 2023 targets and calendar of Công văn 3552-CV/HVCTQG.
// What is exact and what is illustrative is listed in docs/demo.md.
//
// Everything is fixed: ids, dates, numbers and names; no randomness.

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"socai/events"
)

// Demo identifiers and the documents its events name in meta.source.
const (
	DemoClusterID   = "mnbgpb"
	DemoClusterName = "Cụm thi đua các trường chính trị khu vực miền núi biên giới phía Bắc"

	DemoSourceReport       = "51-BC/CTĐ"      // Báo cáo sơ kết 6 tháng đầu năm 2021 của Cụm, 12/8/2021
	DemoSourceRoles        = "683-QĐ/HVCTQG"  // Quyết định công nhận Cụm trưởng, Cụm phó năm 2021, 25/02/2021
	DemoSourceLetter       = "3552-CV/HVCTQG" // Công văn về kế hoạch thi đua năm 2023, 20/02/2023
	DemoSourceIllustrative = "dữ liệu minh họa"

	demoCorrelation = "demo-mnbgpb"
)

// DemoReportID is the report 51-BC/CTĐ as the cluster sent it (ReportSubmitted).
const DemoReportID = "mnbgpb-2021-so-ket"

// DemoResult says what LoadDemo recorded.
type DemoResult struct {
	ClusterID   string `json:"cluster_id"`
	ClusterName string `json:"cluster_name"`
	Events      int    `json:"events"`
	Streams     int    `json:"streams"`
	FirstSeq    int64  `json:"first_seq"`
	LastSeq     int64  `json:"last_seq"`
	Schools     int    `json:"schools"`
	ClassTypes  int    `json:"class_types"`
	Classes     int    `json:"classes"`
	Staff       int    `json:"staff"`
	Enrollments int    `json:"enrollments"`
	Topics      int    `json:"topics"`
	Workshops   int    `json:"workshops"`
	Bulletins   int    `json:"bulletins"`
	Websites    int    `json:"websites"`
	Awards      int    `json:"awards"`
	Deadlines   int    `json:"deadlines"`
}

// isEmpty reports whether the ledger holds no event at all.
func (a *App) isEmpty(ctx context.Context) (bool, error) {
	var found int
	err := a.Store.DB().QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM events)`).Scan(&found)
	return found == 0, err
}

func demoRefused() error {
	return Fail(EAlreadyExists, "", "sổ cái đã có dữ liệu: dữ liệu mẫu chỉ được nạp vào một sổ cái trống "+
		"(dùng một tệp cơ sở dữ liệu mới, ví dụ socai --db mau.db demo)")
}

// LoadDemo records the demo cluster into an empty ledger, in one
// transaction and through the same validation as every other command: all
// of it or nothing. A ledger that holds any event is refused (already_exists).
func (a *App) LoadDemo(ctx context.Context) (DemoResult, error) {
	empty, err := a.isEmpty(ctx)
	if err != nil {
		return DemoResult{}, err
	}
	if !empty {
		return DemoResult{}, demoRefused()
	}
	d := buildDemo()
	recs, err := a.Record(ctx, d.commands()...)
	if err != nil {
		var conflict *events.ConflictError
		if errors.As(err, &conflict) { // someone wrote first: the ledger is no longer empty
			return DemoResult{}, demoRefused()
		}
		return DemoResult{}, err
	}
	res := d.result()
	res.Events = len(recs)
	if len(recs) > 0 {
		res.FirstSeq, res.LastSeq = recs[0].Seq, recs[len(recs)-1].Seq
	}
	return res, nil
}

// ---------------------------------------------------------------------------
// The builder.

type demoEvent struct {
	stream string
	on     events.Date
	data   events.Payload
	meta   events.Meta
}

type demo struct {
	evs     []demoEvent
	names   map[string][]string // per school, the people of the demo
	classNo map[string]int      // per id prefix, the last number given
}

func buildDemo() *demo {
	d := &demo{names: map[string][]string{}, classNo: map[string]int{}}
	for _, s := range demoSchools {
		d.names[s.id] = demoNames(s, 100)
	}
	d.organisation()
	d.classPlans()
	d.staffTraining()
	d.research()
	d.clusterReport()
	d.emulation2023()
	return d
}

func (d *demo) add(stream string, on time.Time, source, reason string, p events.Payload) {
	d.evs = append(d.evs, demoEvent{stream: stream, on: day(on), data: p,
		meta: events.Meta{Source: source, Reason: reason, CorrelationID: demoCorrelation}})
}

// commands orders the events by business date (stable: the order of d.add
// among events of one day) and states each one's expected stream version.
func (d *demo) commands() []Cmd {
	evs := append([]demoEvent(nil), d.evs...)
	sort.SliceStable(evs, func(i, j int) bool { return evs[i].on < evs[j].on })
	version := map[string]int64{}
	cmds := make([]Cmd, len(evs))
	for i, e := range evs {
		cmds[i] = Cmd{Stream: e.stream, Expected: version[e.stream],
			Event: events.Event{OccurredOn: e.on, Data: e.data, Meta: e.meta}}
		version[e.stream]++
	}
	return cmds
}

func (d *demo) result() DemoResult {
	r := DemoResult{ClusterID: DemoClusterID, ClusterName: DemoClusterName}
	streams := map[string]bool{}
	for _, e := range d.evs {
		if !streams[e.stream] {
			streams[e.stream] = true
			switch strings.SplitN(e.stream, "-", 2)[0] {
			case "class":
				r.Classes++
			case "staff":
				r.Staff++
			case "enrollment":
				r.Enrollments++
			case "topic":
				r.Topics++
			case "workshop":
				r.Workshops++
			case "award":
				r.Awards++
			case "deadline":
				r.Deadlines++
			case "classtype":
				r.ClassTypes++
			}
		}
		switch e.data.(type) {
		case events.SchoolRegistered:
			r.Schools++
		case events.BulletinIssued:
			r.Bulletins++
		case events.WebsiteRegistered:
			r.Websites++
		}
	}
	r.Streams = len(streams)
	return r
}

// Dates.

func date(s string) time.Time {
	t, err := time.Parse(events.DateLayout, s)
	if err != nil {
		panic("demo: bad date " + s)
	}
	return t
}

func day(t time.Time) events.Date { return events.DateOf(t) }

func addDays(t time.Time, n int) time.Time { return t.AddDate(0, 0, n) }

// monday moves a date forward to the next Monday (classes open on Mondays).
func monday(t time.Time) time.Time {
	for t.Weekday() != time.Monday {
		t = addDays(t, 1)
	}
	return t
}

// weekday moves a Saturday or Sunday to the next Monday.
func weekday(t time.Time) time.Time {
	for t.Weekday() == time.Saturday || t.Weekday() == time.Sunday {
		t = addDays(t, 1)
	}
	return t
}

// spread is the i-th of n dates spread over [from, to], on Mondays.
func spread(from, to string, i, n int) time.Time {
	f, t := date(from), date(to)
	if n <= 1 {
		return monday(f)
	}
	days := int(t.Sub(f).Hours() / 24)
	return monday(addDays(f, days*i/(n-1)))
}

var (
	h1Start = date("2021-01-01")
	h1End   = date("2021-06-30")
)

// ---------------------------------------------------------------------------
// Organisation.

type demoSchool struct {
	id, name, province string
	short              string // ký hiệu of its decisions
	website            string
	websiteOn          string
	districts          []string
	families           []string
}

var (
	familiesTayBac  = []string{"Lò", "Cầm", "Quàng", "Lường", "Nguyễn", "Tòng", "Trần", "Lê", "Phạm", "Hà", "Vũ", "Đỗ"}
	familiesDongBac = []string{"Hoàng", "Nông", "Lương", "Nguyễn", "Vi", "Lăng", "Triệu", "Đàm", "Lục", "Hà", "Phạm",
		"Trần"}
)

// demoSchools are the 8 schools of the cluster in the order of the report.
var demoSchools = []demoSchool{
	{id: "sonla", name: "Trường Chính trị tỉnh Sơn La", province: "Sơn La", short: "TCT",
		website: "https://truongchinhtri.sonla.gov.vn", websiteOn: "2018-05-15",
		districts: []string{"huyện Mộc Châu", "huyện Mai Sơn", "huyện Thuận Châu", "huyện Yên Châu", "huyện Sông Mã",
			"huyện Phù Yên", "huyện Bắc Yên", "huyện Quỳnh Nhai", "huyện Mường La", "huyện Sốp Cộp", "huyện Vân Hồ",
			"thành phố Sơn La"},
		families: familiesTayBac},
	{id: "laichau", name: "Trường Chính trị tỉnh Lai Châu", province: "Lai Châu", short: "TCT",
		website: "https://truongchinhtri.laichau.gov.vn", websiteOn: "2019-03-01",
		districts: []string{"huyện Tam Đường", "huyện Phong Thổ", "huyện Sìn Hồ", "huyện Mường Tè", "huyện Than Uyên",
			"huyện Tân Uyên", "huyện Nậm Nhùn", "thành phố Lai Châu"},
		families: familiesTayBac},
	{id: "dienbien", name: "Trường Chính trị tỉnh Điện Biên", province: "Điện Biên", short: "TCT",
		website: "https://truongchinhtri.dienbien.gov.vn", websiteOn: "2018-09-04",
		districts: []string{"huyện Điện Biên", "huyện Tuần Giáo", "huyện Mường Ảng", "huyện Điện Biên Đông",
			"huyện Tủa Chùa", "huyện Mường Chà", "huyện Mường Nhé", "huyện Nậm Pồ", "thị xã Mường Lay",
			"thành phố Điện Biên Phủ"},
		families: familiesTayBac},
	{id: "laocai", name: "Trường Chính trị tỉnh Lào Cai", province: "Lào Cai", short: "TCT",
		website: "https://truongchinhtri.laocai.gov.vn", websiteOn: "2018-11-21",
		districts: []string{"huyện Bát Xát", "huyện Bảo Thắng", "huyện Bảo Yên", "huyện Bắc Hà", "huyện Mường Khương",
			"huyện Si Ma Cai", "huyện Văn Bàn", "thị xã Sa Pa", "thành phố Lào Cai"},
		families: []string{"Nguyễn", "Lý", "Hoàng", "Trần", "Phạm", "Vàng", "Lê", "Đỗ", "Giàng", "Bùi"}},
	{id: "hagiang", name: "Trường Chính trị tỉnh Hà Giang", province: "Hà Giang", short: "TCT",
		website: "https://truongchinhtri.hagiang.gov.vn", websiteOn: "2019-06-11",
		districts: []string{"huyện Đồng Văn", "huyện Mèo Vạc", "huyện Yên Minh", "huyện Quản Bạ", "huyện Bắc Mê",
			"huyện Hoàng Su Phì", "huyện Xín Mần", "huyện Vị Xuyên", "huyện Bắc Quang", "huyện Quang Bình",
			"thành phố Hà Giang"},
		families: []string{"Nguyễn", "Hoàng", "Vương", "Lục", "Nông", "Trần", "Phạm", "Lý", "Đặng", "Ma"}},
	{id: "quangninh", name: "Trường Đào tạo cán bộ Nguyễn Văn Cừ tỉnh Quảng Ninh", province: "Quảng Ninh",
		short: "TĐTCB", website: "https://truongdaotaocanbo.quangninh.gov.vn", websiteOn: "2018-04-02",
		districts: []string{"thành phố Hạ Long", "thành phố Cẩm Phả", "thành phố Uông Bí", "thành phố Móng Cái",
			"thị xã Đông Triều", "thị xã Quảng Yên", "huyện Vân Đồn", "huyện Tiên Yên", "huyện Hải Hà", "huyện Đầm Hà",
			"huyện Bình Liêu", "huyện Ba Chẽ", "huyện Cô Tô"},
		families: []string{"Nguyễn", "Trần", "Phạm", "Vũ", "Đỗ", "Bùi", "Đặng", "Lê", "Hoàng", "Ngô", "Đinh", "Phan"}},
	{id: "langson", name: "Trường Chính trị Hoàng Văn Thụ tỉnh Lạng Sơn", province: "Lạng Sơn", short: "TCT",
		website: "https://truongchinhtri.langson.gov.vn", websiteOn: "2018-03-20",
		districts: []string{"huyện Cao Lộc", "huyện Lộc Bình", "huyện Đình Lập", "huyện Văn Quan", "huyện Văn Lãng",
			"huyện Tràng Định", "huyện Bình Gia", "huyện Bắc Sơn", "huyện Hữu Lũng", "huyện Chi Lăng",
			"thành phố Lạng Sơn"},
		families: familiesDongBac},
	{id: "caobang", name: "Trường Chính trị Hoàng Đình Giong tỉnh Cao Bằng", province: "Cao Bằng", short: "TCT",
		website: "https://truongchinhtri.caobang.gov.vn", websiteOn: "2019-10-08",
		districts: []string{"huyện Hòa An", "huyện Hà Quảng", "huyện Trùng Khánh", "huyện Hạ Lang", "huyện Quảng Hòa",
			"huyện Bảo Lâm", "huyện Bảo Lạc", "huyện Nguyên Bình", "huyện Thạch An", "thành phố Cao Bằng"},
		families: familiesDongBac},
}

func schoolOf(id string) demoSchool {
	for _, s := range demoSchools {
		if s.id == id {
			return s
		}
	}
	panic("demo: unknown school " + id)
}

func schoolIndex(id string) int {
	for i, s := range demoSchools {
		if s.id == id {
			return i
		}
	}
	panic("demo: unknown school " + id)
}

// Class types of the catalogue (Báo cáo 51-BC/CTĐ, II.1.1 and III.1).
const (
	ctTC         = "tc-llct-hc"
	ctCV         = "bd-cv"
	ctCVC        = "bd-cvc"
	ctPhong      = "bd-ldql-phong"
	ctDangDT     = "bd-dang-doan-the"
	ctHDND       = "bd-hdnd"
	ctCC         = "cc-llct-hc"
	ctCaoHocXDD  = "cao-hoc-xdd"
	ctCaoHocCTH  = "cao-hoc-cth"
	ctCaoHocQLKT = "cao-hoc-qlkt"
	ctQLNNXa     = "qlnn-cap-xa"
	ctQTAN       = "qtan"
	ctXDD        = "bd-xay-dung-dang"
	ctNNTH       = "nn-th"
	ctQLKT       = "bd-qlkt"
	ctBienPhong  = "bd-bien-phong"
)

var demoClassTypes = []struct{ id, abbr, name, group string }{
	{ctTC, "tc", "Trung cấp lý luận chính trị - hành chính", events.GroupDaoTao},
	{ctCV, "cv", "Bồi dưỡng ngạch chuyên viên", events.GroupBoiDuong},
	{ctCVC, "cvc", "Bồi dưỡng ngạch chuyên viên chính", events.GroupBoiDuong},
	{ctPhong, "phong", "Bồi dưỡng lãnh đạo, quản lý cấp phòng", events.GroupBoiDuong},
	{ctDangDT, "ddt", "Bồi dưỡng cán bộ Đảng, đoàn thể", events.GroupBoiDuong},
	{ctHDND, "hdnd", "Bồi dưỡng đại biểu Hội đồng nhân dân", events.GroupBoiDuong},
	{ctCC, "cc", "Cao cấp lý luận chính trị - hành chính (liên kết)", events.GroupLienKet},
	{ctCaoHocXDD, "chxdd", "Cao học Xây dựng Đảng và chính quyền nhà nước", events.GroupLienKet},
	{ctCaoHocCTH, "chcth", "Cao học Chính trị học", events.GroupLienKet},
	{ctCaoHocQLKT, "chqlkt", "Cao học Quản lý kinh tế", events.GroupLienKet},
	{ctQLNNXa, "qlnnxa", "Quản lý nhà nước đối với cán bộ, công chức cấp xã", events.GroupLienKet},
	{ctQTAN, "qtan", "Bồi dưỡng kiến thức quản trị an ninh và an ninh phi truyền thống", events.GroupLienKet},
	{ctXDD, "xdd", "Bồi dưỡng kiến thức xây dựng Đảng", events.GroupLienKet},
	{ctNNTH, "nnth", "Ngoại ngữ, tin học theo nhu cầu xã hội", events.GroupLienKet},
	{ctQLKT, "qlkt", "Bồi dưỡng nghiệp vụ quản lý kinh tế", events.GroupLienKet},
	{ctBienPhong, "bp", "Bồi dưỡng lý luận chính trị và kiến thức quản lý nhà nước cho chiến sĩ bộ đội biên phòng",
		events.GroupLienKet},
}

func classTypeInfo(id string) (abbr, name string) {
	for _, t := range demoClassTypes {
		if t.id == id {
			return t.abbr, t.name
		}
	}
	panic("demo: unknown class type " + id)
}

// demoTargets2021 are the schools' chỉ tiêu of 2021; they add up to the
// cluster's 323 classes / 20.399 students (the split is illustrative).
var demoTargets2021 = []struct {
	school            string
	classes, students int64
}{
	{"sonla", 32, 2150}, {"laichau", 28, 1589}, {"dienbien", 28, 1890}, {"laocai", 30, 2010},
	{"hagiang", 29, 1700}, {"quangninh", 118, 7460}, {"langson", 30, 1960}, {"caobang", 28, 1640},
}

func (d *demo) organisation() {
	org := date("2018-01-02")
	orgNote := "Thành phần Cụm theo Báo cáo 51-BC/CTĐ, mục I.1; ngày ghi nhận là minh họa"
	d.add("cluster-"+DemoClusterID, org, DemoSourceReport, orgNote,
		events.ClusterFormed{ClusterID: DemoClusterID, Name: DemoClusterName, Region: "Miền núi biên giới phía Bắc"})
	for _, s := range demoSchools {
		d.add("school-"+s.id, org, DemoSourceReport, orgNote,
			events.SchoolRegistered{SchoolID: s.id, Name: s.name, Province: s.province, ClusterID: DemoClusterID})
	}
	for _, t := range demoClassTypes {
		d.add("classtype-"+t.id, org, DemoSourceReport, "Loại lớp nêu trong Báo cáo 51-BC/CTĐ, mục II.1.1 và III.1",
			events.ClassTypeDefined{ClassType: t.id, Name: t.name, Group: t.group})
	}
	d.add("cluster-"+DemoClusterID+"-2021", date("2021-02-25"), DemoSourceRoles,
		"Cụm trưởng, Cụm phó năm 2021 theo Quyết định số 683-QĐ/HVCTQG ngày 25/02/2021",
		events.ClusterRolesAssigned{ClusterID: DemoClusterID, Year: 2021, Lead: "sonla", StandingDeputy: "laichau",
			Deputies: []string{"dienbien"}})
	for _, s := range demoSchools {
		d.add("school-"+s.id, date(s.websiteOn), DemoSourceReport,
			"08/08 trường có Trang thông tin điện tử (Báo cáo 51-BC/CTĐ, mục II.3); địa chỉ và ngày là minh họa",
			events.WebsiteRegistered{SchoolID: s.id, URL: s.website})
	}
	for _, t := range demoTargets2021 {
		d.add("school-"+t.school+"-2021", date("2021-01-15"), DemoSourceIllustrative,
			"Chỉ tiêu năm 2021 của Cụm: 323 lớp / 20.399 học viên (Báo cáo 51-BC/CTĐ); chia theo trường là minh họa",
			events.TrainingTargetAssigned{SchoolID: t.school, Year: 2021, Classes: t.classes, Students: t.students})
	}
}

// demoNames makes n distinct Vietnamese names for a school's people.
func demoNames(s demoSchool, n int) []string {
	maleMiddle := []string{"Văn", "Đức", "Minh", "Quang", "Hữu", "Xuân", "Mạnh", "Tiến", "Thanh", "Công"}
	maleGiven := []string{"Hùng", "Dũng", "Tuấn", "Thắng", "Cường", "Hải", "Long", "Sơn", "Trung", "Quân", "Phong",
		"Bình", "Hiếu", "Khánh", "Tùng", "Việt", "Đạt", "Kiên", "Lâm", "Thành", "Nam", "Huy", "Hưng"}
	femaleMiddle := []string{"Thị", "Thu", "Thanh", "Minh", "Ngọc", "Hồng", "Thúy", "Kim", "Phương", "Bích"}
	femaleGiven := []string{"Hà", "Lan", "Hương", "Mai", "Hoa", "Thảo", "Nga", "Huyền", "Trang", "Linh", "Yến", "Hằng",
		"Dung", "Nhung", "Vân", "Oanh", "Loan", "Thủy", "Ngân", "Hạnh", "Quyên", "Liên"}
	seen := map[string]bool{}
	out := make([]string, 0, n)
	for i := 0; len(out) < n; i++ {
		fam := s.families[(i*5+i/7)%len(s.families)]
		var name string
		if i%2 == 1 {
			name = fam + " " + femaleMiddle[(i*7+i/3)%len(femaleMiddle)] + " " + femaleGiven[(i*11+i/5)%len(femaleGiven)]
		} else {
			name = fam + " " + maleMiddle[(i*7+i/3)%len(maleMiddle)] + " " + maleGiven[(i*11+i/5)%len(maleGiven)]
		}
		if !seen[name] {
			seen[name] = true
			out = append(out, name)
		}
	}
	return out
}

// ---------------------------------------------------------------------------
// Class plans.

type classMix struct {
	typ      string
	n        int
	students int64
}

// demoClassMix is, per school, the classes carried over from 2020 (opened in
// 2020, still running on 01/01/2021) and those opened in 2021-H1, by type:
// number of classes and their students as of 30/06/2021. Totals: carried
// 147 / 9.852, opened 113 / 6.330; Quảng Ninh 107 / 6.118; TC LLCT-HC
// Sơn La 17 / 1.079, Điện Biên 15 / 1.076, every other school fewer than 15.
var demoClassMix = []struct {
	school          string
	carried, opened []classMix
}{
	{"sonla",
		[]classMix{{ctTC, 11, 780}, {ctCC, 2, 150}, {ctCV, 2, 160}},
		[]classMix{{ctTC, 6, 299}, {ctPhong, 3, 210}, {ctCVC, 1, 76}, {ctXDD, 1, 37}}},
	{"laichau",
		[]classMix{{ctTC, 8, 560}, {ctCC, 1, 76}, {ctCV, 2, 120}},
		[]classMix{{ctTC, 4, 252}, {ctPhong, 2, 112}, {ctCaoHocXDD, 1, 43}, {ctXDD, 1, 27}}},
	{"dienbien",
		[]classMix{{ctTC, 10, 768}, {ctCC, 2, 130}, {ctPhong, 1, 62}},
		[]classMix{{ctTC, 5, 308}, {ctCV, 2, 138}, {ctPhong, 2, 92}}},
	{"laocai",
		[]classMix{{ctTC, 9, 670}, {ctCC, 2, 150}, {ctCaoHocQLKT, 1, 38}, {ctCV, 2, 152}},
		[]classMix{{ctTC, 4, 256}, {ctPhong, 3, 210}, {ctCVC, 1, 80}, {ctNNTH, 2, 64}}},
	{"hagiang",
		[]classMix{{ctTC, 8, 584}, {ctCC, 2, 150}, {ctCV, 2, 116}},
		[]classMix{{ctTC, 4, 228}, {ctPhong, 2, 116}, {ctXDD, 1, 46}, {ctCV, 1, 50}}},
	{"quangninh",
		[]classMix{{ctTC, 8, 520}, {ctCC, 4, 292}, {ctCaoHocCTH, 1, 38}, {ctNNTH, 14, 224}, {ctCV, 8, 640},
			{ctCVC, 3, 246}, {ctPhong, 10, 780}, {ctXDD, 4, 236}, {ctQLNNXa, 6, 480}},
		[]classMix{{ctTC, 4, 280}, {ctNNTH, 16, 256}, {ctCV, 8, 600}, {ctCVC, 2, 160}, {ctPhong, 10, 665},
			{ctXDD, 3, 177}, {ctQTAN, 1, 159}, {ctCC, 3, 222}, {ctQLNNXa, 2, 143}}},
	{"langson",
		[]classMix{{ctTC, 9, 686}, {ctCC, 2, 148}, {ctCaoHocCTH, 1, 36}, {ctCV, 1, 70}},
		[]classMix{{ctTC, 5, 320}, {ctPhong, 3, 180}, {ctCV, 2, 90}}},
	{"caobang",
		[]classMix{{ctTC, 8, 576}, {ctCC, 1, 80}, {ctCV, 2, 134}},
		[]classMix{{ctTC, 4, 232}, {ctPhong, 2, 114}, {ctCVC, 1, 70}, {ctNNTH, 1, 18}}},
}

// classSchedule: when classes of a type open (carried ones in 2020, new
// ones in 2021-H1), how long they last and how they are taught.
type classSchedule struct {
	carriedFrom, carriedTo string
	openFrom, openTo       string
	days                   int
	mode                   string
}

var demoSchedules = map[string]classSchedule{
	ctTC:         {"2020-03-02", "2020-11-23", "2021-02-22", "2021-06-14", 330, events.ModeKhongTapTrung},
	ctCC:         {"2020-05-04", "2020-10-05", "2021-03-01", "2021-05-10", 700, events.ModeKhongTapTrung},
	ctCaoHocXDD:  {"2020-09-07", "2020-10-05", "2021-04-05", "2021-04-26", 730, events.ModeKhongTapTrung},
	ctCaoHocCTH:  {"2020-09-07", "2020-10-05", "2021-04-05", "2021-04-26", 730, events.ModeKhongTapTrung},
	ctCaoHocQLKT: {"2020-09-07", "2020-10-05", "2021-04-05", "2021-04-26", 730, events.ModeKhongTapTrung},
	ctCV:         {"2020-11-02", "2020-12-14", "2021-03-01", "2021-06-07", 42, events.ModeTapTrung},
	ctCVC:        {"2020-11-09", "2020-12-07", "2021-03-08", "2021-05-31", 42, events.ModeTapTrung},
	ctPhong:      {"2020-11-02", "2020-12-14", "2021-02-22", "2021-06-07", 35, events.ModeTapTrung},
	ctXDD:        {"2020-12-07", "2020-12-21", "2021-03-15", "2021-05-31", 30, events.ModeTapTrung},
	ctQLNNXa:     {"2020-10-05", "2020-11-30", "2021-03-08", "2021-04-12", 90, events.ModeKhongTapTrung},
	ctNNTH:       {"2020-10-05", "2020-12-14", "2021-01-11", "2021-06-07", 60, events.ModeTapTrung},
	ctQTAN:       {"2021-04-12", "2021-04-12", "2021-04-12", "2021-04-12", 5, events.ModeTapTrung},
	ctDangDT:     {"", "", "", "", 21, events.ModeTapTrung},
	ctHDND:       {"", "", "", "", 5, events.ModeTapTrung},
	ctQLKT:       {"", "", "", "", 30, events.ModeTapTrung},
	ctBienPhong:  {"", "", "", "", 30, events.ModeTapTrung},
}

func partner(typ string, s demoSchool) string {
	switch typ {
	case ctCC, ctCaoHocCTH, ctCaoHocQLKT, ctXDD, ctQLKT:
		return "Học viện Chính trị khu vực I"
	case ctCaoHocXDD:
		return "Học viện Chính trị quốc gia Hồ Chí Minh"
	case ctQLNNXa:
		return "Học viện Hành chính quốc gia"
	case ctQTAN:
		return "Học viện Chính trị Công an nhân dân"
	case ctNNTH:
		return "Trung tâm Giáo dục nghề nghiệp - Giáo dục thường xuyên tỉnh " + s.province
	case ctBienPhong:
		return "Bộ Chỉ huy Bộ đội Biên phòng tỉnh " + s.province
	}
	return ""
}

type demoClass struct {
	id, school, typ, name, mode, partner string
	start, end, done                     time.Time // start, planned end, completion
	students                             int64     // as of 30/06/2021, or at the end for other classes
	k                                    int       // running number in the school: varies the history
	counted                              bool      // counted in 2021-H1
	doneReason                           string
}

// newClass gives a class its id and name: sonla-21-tc-03.
func (d *demo) newClass(s demoSchool, typ string, start time.Time) demoClass {
	abbr, typeName := classTypeInfo(typ)
	year := start.Year()
	prefix := fmt.Sprintf("%s-%02d-%s", s.id, year%100, abbr)
	d.classNo[prefix]++
	n := d.classNo[prefix]
	d.classNo[s.id]++ // the school's running number, for TC khóa and districts
	k := d.classNo[s.id]
	district := s.districts[(k-1)%len(s.districts)]
	var name string
	switch typ {
	case ctTC:
		d.classNo[s.id+"-tc"]++
		name = fmt.Sprintf("Trung cấp LLCT-HC khóa %d – %s", 40+d.classNo[s.id+"-tc"], district)
	case ctCC:
		name = fmt.Sprintf("Cao cấp LLCT-HC hệ không tập trung lớp %d/%d tại tỉnh %s", n, year, s.province)
	case ctCaoHocXDD, ctCaoHocCTH, ctCaoHocQLKT:
		name = fmt.Sprintf("%s khóa %d–%d tại tỉnh %s", typeName, year, year+2, s.province)
	case ctNNTH:
		subjects := []string{"Tiếng Anh bậc 2 (A2)", "Tin học ứng dụng cơ bản", "Tiếng Anh bậc 3 (B1)", "Tiếng Trung giao tiếp"}
		name = fmt.Sprintf("%s lớp %d/%d", subjects[(n-1)%len(subjects)], n, year)
	case ctXDD, ctQLNNXa, ctHDND, ctDangDT:
		name = fmt.Sprintf("%s lớp %d/%d – %s", typeName, n, year, district)
	case ctQTAN:
		name = fmt.Sprintf("%s năm %d", typeName, year)
	default:
		name = fmt.Sprintf("%s lớp %d/%d", typeName, n, year)
	}
	return demoClass{id: fmt.Sprintf("%s-%02d", prefix, n), school: s.id, typ: typ, name: name, start: start,
		partner: partner(typ, s), k: k, mode: demoSchedules[typ].mode}
}

// split divides students among n classes, unevenly but summing exactly.
func split(total int64, n int) []int64 {
	out := make([]int64, n)
	base, rem := total/int64(n), total%int64(n)
	for i := range out {
		out[i] = base
		if int64(i) < rem {
			out[i]++
		}
	}
	amp := base / 10
	if amp > 6 {
		amp = 6
	}
	for i := 0; i < n/2; i++ { // pairs move students between each other: the sum stays
		v := amp * int64(i%3+1) / 3
		out[i] += v
		out[n-1-i] -= v
	}
	return out
}

func (d *demo) classPlans() {
	var all []demoClass
	for _, m := range demoClassMix {
		s := schoolOf(m.school)
		for _, carried := range []bool{true, false} {
			mix := m.opened
			if carried {
				mix = m.carried
			}
			for _, g := range mix {
				sch := demoSchedules[g.typ]
				studs := split(g.students, g.n)
				for i := 0; i < g.n; i++ {
					var start time.Time
					if carried {
						start = spread(sch.carriedFrom, sch.carriedTo, i, g.n)
					} else {
						start = spread(sch.openFrom, sch.openTo, i, g.n)
					}
					c := d.newClass(s, g.typ, start)
					c.students, c.counted = studs[i], true
					days := sch.days
					if g.typ == ctTC && i%3 == 2 && !(carried && start.Before(date("2020-06-22"))) {
						c.mode, days = events.ModeTapTrung, 210
					}
					c.end = weekday(addDays(start, days))
					if carried && c.end.Before(date("2021-01-11")) {
						c.end = weekday(addDays(date("2021-01-11"), 7*(i%4)))
					}
					c.done = c.end
					if c.k%13 == 6 && c.end.After(date("2021-02-01")) && c.end.Before(date("2021-06-15")) {
						c.done = addDays(c.end, 14)
						c.doneReason = "Lùi thi tốt nghiệp 02 tuần do dịch Covid-19"
					}
					all = append(all, c)
				}
			}
		}
	}

	// Classes of 2020 that ended in 2020: not carried over into 2021.
	for i, s := range demoSchools {
		c := d.newClass(s, ctCV, monday(addDays(date("2020-08-03"), 7*i)))
		c.students = 55 + int64(3*i)
		c.end = weekday(addDays(c.start, 42))
		c.done = c.end
		all = append(all, c)
	}

	// Classes of the second half of 2021: not in 2021-H1.
	for _, h := range []struct {
		school, typ, start string
		students           int64
	}{
		{"sonla", ctDangDT, "2021-07-12", 65}, {"sonla", ctTC, "2021-09-06", 70},
		{"quangninh", ctDangDT, "2021-07-19", 80}, {"quangninh", ctDangDT, "2021-08-02", 75},
		{"quangninh", ctHDND, "2021-07-26", 90}, {"dienbien", ctTC, "2021-08-09", 72},
		{"laocai", ctQLKT, "2021-09-13", 70}, {"hagiang", ctDangDT, "2021-10-04", 60},
		{"caobang", ctHDND, "2021-07-19", 85}, {"laichau", ctBienPhong, "2021-09-20", 70},
	} {
		c := d.newClass(schoolOf(h.school), h.typ, date(h.start))
		c.students = h.students
		days := demoSchedules[h.typ].days
		if h.typ == ctTC {
			days = 330
		}
		c.end = weekday(addDays(c.start, days))
		c.done = c.end
		all = append(all, c)
	}
	for _, c := range all {
		d.class(c)
	}

	// Planned for 2021-H2 (dự kiến mở), then opened; one planned and never opened.
	planOn := date("2021-07-05")
	planNote := "Kế hoạch mở lớp 6 tháng cuối năm 2021"
	for _, p := range []struct {
		school, typ, start string
		students           int64
	}{{"langson", ctDangDT, "2021-09-27", 68}, {"caobang", ctCV, "2021-10-11", 60}} {
		c := d.newClass(schoolOf(p.school), p.typ, date(p.start))
		c.students = p.students
		c.end = weekday(addDays(c.start, demoSchedules[p.typ].days))
		c.done = c.end
		d.add("class-"+c.id, planOn, DemoSourceIllustrative, planNote, events.ClassPlanned{ClassID: c.id,
			SchoolID: c.school, ClassType: c.typ, Students: c.students, Period: "2021-H2"})
		d.class(c)
	}
	never := d.newClass(schoolOf("hagiang"), ctCVC, date("2021-10-04"))
	d.add("class-"+never.id, planOn, DemoSourceIllustrative, planNote, events.ClassPlanned{ClassID: never.id,
		SchoolID: never.school, ClassType: never.typ, Students: 50, Period: "2021-H2"})
	d.add("class-"+never.id, date("2021-10-04"), DemoSourceIllustrative,
		"Không mở được trong năm 2021 do dịch Covid-19; chuyển sang kế hoạch năm 2022",
		events.ClassCancelled{ClassID: never.id, Reason: "Không mở được do dịch Covid-19"})

	// Opened, then cancelled (hủy lớp): they count in no period.
	for _, x := range []struct {
		school, typ, start, cancel, reason string
		students                           int64
	}{
		{"laichau", ctTC, "2021-03-15", "2021-03-22",
			"Hủy lớp: số học viên có mặt không đủ điều kiện mở lớp theo quy định", 28},
		{"langson", ctPhong, "2021-05-10", "2021-05-12",
			"Hủy lớp: dịch Covid-19 bùng phát, học viên không tập trung được; lớp chưa học buổi nào", 45},
	} {
		c := d.newClass(schoolOf(x.school), x.typ, date(x.start))
		d.add("class-"+c.id, c.start, DemoSourceIllustrative, "", events.ClassOpened{ClassID: c.id,
			SchoolID: c.school, ClassType: c.typ, Name: c.name, Students: x.students, StartDate: day(c.start),
			EndDate: day(weekday(addDays(c.start, demoSchedules[c.typ].days))), Mode: c.mode, Partner: c.partner})
		d.add("class-"+c.id, date(x.cancel), DemoSourceIllustrative, x.reason,
			events.ClassCancelled{ClassID: c.id, Reason: x.reason})
	}

	// Moved online for Covid-19, then back.
	d.modeChange(all, "quangninh", date("2021-02-01"), date("2021-03-01"),
		"Dịch Covid-19 tại tỉnh Quảng Ninh: tạm dừng học tập trung, chuyển sang học trực tuyến")
	d.modeChange(all, "dienbien", date("2021-05-10"), date("2021-06-14"),
		"Phòng, chống dịch Covid-19: chuyển sang học trực tuyến theo chỉ đạo của Tỉnh ủy Điện Biên")
}

// class records a class's history: opened, enrolment changes, completion.
// Its students as of 30/06/2021 are c.students whatever the changes.
func (d *demo) class(c demoClass) {
	type change struct {
		on       time.Time
		students int64
		reason   string
	}
	open := c.students
	var changes []change
	limit := addDays(c.done, -1)
	if c.counted && limit.After(h1End) {
		limit = h1End
	}
	switch {
	case c.k%7 == 3:
		if on := addDays(c.start, 14); !on.After(limit) {
			open = c.students + 2
			changes = append(changes, change{on, c.students, "02 học viên thôi học: chuyển công tác"})
		}
	case c.k%11 == 5:
		if on := addDays(c.start, 7); !on.After(limit) {
			open = c.students - 3
			changes = append(changes, change{on, c.students, "Bổ sung 03 học viên theo quyết định triệu tập bổ sung"})
		}
	}
	final := c.students
	if on := date("2021-08-16"); c.counted && c.k%9 == 4 && on.Before(c.done) {
		final--
		changes = append(changes, change{on, final, "01 học viên thôi học: nghỉ chế độ"})
	}
	stream := "class-" + c.id
	d.add(stream, c.start, DemoSourceIllustrative, "", events.ClassOpened{ClassID: c.id, SchoolID: c.school,
		ClassType: c.typ, Name: c.name, Students: open, StartDate: day(c.start), EndDate: day(c.end), Mode: c.mode,
		Partner: c.partner})
	for _, ch := range changes {
		d.add(stream, ch.on, DemoSourceIllustrative, ch.reason,
			events.ClassEnrollmentChanged{ClassID: c.id, Students: ch.students})
	}
	graduates := final
	if c.k%5 == 0 {
		graduates--
	}
	d.add(stream, c.done, DemoSourceIllustrative, c.doneReason,
		events.ClassCompleted{ClassID: c.id, EndDate: day(c.done), Graduates: graduates})
}

// modeChange moves the first class of a school running from..back online, then back.
func (d *demo) modeChange(all []demoClass, school string, from, back time.Time, reason string) {
	for _, c := range all {
		if c.school == school && c.counted && c.mode != events.ModeTrucTuyen && c.start.Before(from) && c.done.After(back) {
			d.add("class-"+c.id, from, DemoSourceIllustrative, reason,
				events.ClassModeChanged{ClassID: c.id, Mode: events.ModeTrucTuyen, Reason: "Phòng, chống dịch Covid-19"})
			d.add("class-"+c.id, back, DemoSourceIllustrative, "Dịch Covid-19 được kiểm soát: học trở lại như trước",
				events.ClassModeChanged{ClassID: c.id, Mode: c.mode, Reason: "Dịch Covid-19 được kiểm soát"})
			return
		}
	}
	panic("demo: no class to move online at " + school)
}

// ---------------------------------------------------------------------------
// Staff training.

// demoStaffMix is, per school, the enrolments that overlap 2021-H1 by
// programme: 12 cao học, 11 văn bằng 2, 6 TC LLCT, 6 CC LLCT, 12 hoàn
// chỉnh CC LLCT, 39 bồi dưỡng: 86 lượt, Lạng Sơn, Lào Cai, Sơn La first.
var demoStaffMix = []struct {
	school                       string
	caoHoc, vb2, tc, cc, hc, bdc int
}{
	{"langson", 2, 2, 1, 1, 2, 8},
	{"laocai", 2, 2, 1, 1, 2, 7},
	{"sonla", 2, 2, 1, 1, 2, 6},
	{"quangninh", 2, 1, 1, 1, 1, 4},
	{"dienbien", 1, 1, 1, 1, 1, 4},
	{"hagiang", 1, 1, 1, 0, 1, 4},
	{"caobang", 1, 1, 0, 1, 1, 3},
	{"laichau", 1, 1, 0, 0, 2, 3},
}

var demoCourses = []struct{ name, institution, start string }{
	{"Bồi dưỡng nghiệp vụ sư phạm cho giảng viên lý luận chính trị", "Học viện Chính trị quốc gia Hồ Chí Minh", "2021-01-11"},
	{"Bồi dưỡng kiến thức quốc phòng và an ninh (đối tượng 3)", "Bộ Chỉ huy Quân sự tỉnh", "2021-03-08"},
	{"Bồi dưỡng ngạch giảng viên chính", "Học viện Chính trị quốc gia Hồ Chí Minh", "2021-03-15"},
	{"Tập huấn chương trình Trung cấp lý luận chính trị mới", "Học viện Chính trị quốc gia Hồ Chí Minh", "2021-04-05"},
	{"Bồi dưỡng kỹ năng giảng dạy trực tuyến", "Học viện Chính trị khu vực I", "2021-05-17"},
	{"Bồi dưỡng ngạch chuyên viên chính", "Học viện Hành chính quốc gia", "2021-02-22"},
	{"Bồi dưỡng lãnh đạo, quản lý cấp phòng", "", "2021-04-19"},
	{"Bồi dưỡng nghiệp vụ văn thư, lưu trữ", "Sở Nội vụ tỉnh", "2021-06-07"},
}

var courseDays = []int{26, 12, 40, 5, 10, 45, 30, 10}

var (
	demoKhoa  = []string{"Khoa Lý luận cơ sở", "Khoa Xây dựng Đảng", "Khoa Nhà nước và pháp luật"}
	demoPhong = []string{"Phòng Tổ chức - Hành chính", "Phòng Quản lý đào tạo và Nghiên cứu khoa học"}
)

type enrollment struct {
	program, institution, reason string
	start, expected, end         time.Time
	result                       string
	withdrawn                    bool
}

func (d *demo) staffTraining() {
	for _, m := range demoStaffMix {
		s := schoolOf(m.school)
		si := schoolIndex(m.school)
		var list []enrollment
		add := func(n int, f func(j int) enrollment) {
			for j := 0; j < n; j++ {
				list = append(list, f(j))
			}
		}
		off := 7 * si
		add(m.caoHoc, func(j int) enrollment {
			inst := []string{"Học viện Chính trị quốc gia Hồ Chí Minh", "Học viện Chính trị khu vực I",
				"Trường Đại học Kinh tế và Quản trị kinh doanh - Đại học Thái Nguyên"}[(j+si)%3]
			if j%2 == 0 {
				st := monday(addDays(date("2019-10-07"), off))
				return enrollment{program: events.ProgramCaoHoc, institution: inst, start: st,
					expected: addDays(st, 730), end: weekday(addDays(st, 715)), result: "Bảo vệ luận văn thạc sĩ, loại Giỏi"}
			}
			st := monday(addDays(date("2020-10-05"), off))
			return enrollment{program: events.ProgramCaoHoc, institution: inst, start: st,
				expected: addDays(st, 730), end: weekday(addDays(st, 720)), result: "Bảo vệ luận văn thạc sĩ, loại Khá"}
		})
		add(m.vb2, func(j int) enrollment {
			inst := []string{"Trường Đại học Luật Hà Nội", "Học viện Hành chính quốc gia",
				"Trường Đại học Sư phạm - Đại học Thái Nguyên"}[(j+si)%3]
			if j%2 == 0 {
				st := monday(addDays(date("2019-09-09"), off))
				return enrollment{program: events.ProgramVanBang2, institution: inst, start: st,
					expected: date("2021-06-30"), end: date("2021-06-18"), result: "Tốt nghiệp loại Khá"}
			}
			st := monday(addDays(date("2020-09-14"), off))
			e := enrollment{program: events.ProgramVanBang2, institution: inst, start: st,
				expected: date("2022-06-30"), end: date("2022-06-17"), result: "Tốt nghiệp loại Khá"}
			if m.school == "langson" { // withdrew in 2021-H1: still one lượt of the period
				e.withdrawn, e.end, e.reason = true, date("2021-04-12"), "Thôi học do được điều động, luân chuyển công tác"
			}
			return e
		})
		add(m.tc, func(j int) enrollment {
			if si%2 == 0 {
				return enrollment{program: events.ProgramTCLLCT, institution: s.name, start: date("2020-09-07"),
					expected: date("2021-05-28"), end: date("2021-05-28"), result: "Tốt nghiệp loại Giỏi"}
			}
			return enrollment{program: events.ProgramTCLLCT, institution: s.name, start: date("2021-03-15"),
				expected: date("2021-12-24"), end: date("2021-12-24"), result: "Tốt nghiệp loại Khá"}
		})
		add(m.cc, func(j int) enrollment {
			if si%2 == 0 {
				return enrollment{program: events.ProgramCCLLCT, institution: "Học viện Chính trị khu vực I",
					start: date("2020-10-12"), expected: date("2022-04-29"), end: date("2022-04-29"), result: "Tốt nghiệp loại Khá"}
			}
			return enrollment{program: events.ProgramCCLLCT, institution: "Học viện Chính trị khu vực I",
				start: date("2021-04-05"), expected: date("2022-10-28"), end: date("2022-10-28"), result: "Tốt nghiệp loại Giỏi"}
		})
		add(m.hc, func(j int) enrollment {
			st := monday(addDays(date("2021-03-01"), 14*j))
			return enrollment{program: events.ProgramHoanChinhCCLLCT, institution: "Học viện Chính trị khu vực I",
				start: st, expected: addDays(st, 150), end: weekday(addDays(st, 150)), result: "Hoàn thành chương trình, loại Khá"}
		})
		add(m.bdc, func(j int) enrollment {
			ci := (j + si) % len(demoCourses)
			c := demoCourses[ci]
			inst := c.institution
			switch inst {
			case "":
				inst = s.name
			case "Bộ Chỉ huy Quân sự tỉnh", "Sở Nội vụ tỉnh":
				inst += " " + s.province
			}
			st := date(c.start)
			end := weekday(addDays(st, courseDays[ci]))
			return enrollment{program: events.ProgramBDChuyenMon, institution: inst, reason: c.name,
				start: st, expected: end, end: end, result: "Hoàn thành khóa học"}
		})
		// Enrolments outside 2021-H1: ended in 2020, or starting in 2021-H2.
		switch m.school {
		case "sonla", "laocai":
			st := monday(addDays(date("2018-10-01"), off))
			list = append(list, enrollment{program: events.ProgramCaoHoc, institution: "Học viện Chính trị khu vực I",
				start: st, expected: addDays(st, 730), end: weekday(addDays(st, 740)), result: "Bảo vệ luận văn thạc sĩ, loại Khá"})
		case "quangninh", "dienbien":
			st := monday(addDays(date("2020-11-09"), off))
			list = append(list, enrollment{program: events.ProgramBDChuyenMon, institution: "Học viện Chính trị khu vực I",
				reason: "Bồi dưỡng cập nhật kiến thức cho giảng viên", start: st, expected: addDays(st, 11),
				end: addDays(st, 11), result: "Hoàn thành khóa học"})
		case "hagiang":
			list = append(list, enrollment{program: events.ProgramVanBang2, institution: "Trường Đại học Luật Hà Nội",
				start: date("2019-09-09"), expected: date("2021-06-30"), end: date("2020-06-15"), withdrawn: true,
				reason: "Thôi học vì hoàn cảnh gia đình khó khăn"})
		}
		switch m.school {
		case "laichau", "caobang":
			list = append(list, enrollment{program: events.ProgramTCLLCT, institution: s.name, start: date("2021-09-06"),
				expected: date("2022-05-27"), end: date("2022-05-27"), result: "Tốt nghiệp loại Khá"})
		case "langson":
			list = append(list, enrollment{program: events.ProgramVanBang2, institution: "Trường Đại học Luật Hà Nội",
				start: date("2021-10-11"), expected: date("2023-06-30"), end: date("2023-06-16"), result: "Tốt nghiệp loại Khá"})
		case "hagiang":
			list = append(list, enrollment{program: events.ProgramCCLLCT, institution: "Học viện Chính trị khu vực I",
				start: date("2021-10-18"), expected: date("2023-04-28"), end: date("2023-04-28"), result: "Tốt nghiệp loại Khá"})
		}

		names := d.names[s.id]
		for i, e := range list {
			staffID := fmt.Sprintf("%s-vc-%02d", s.id, i+1)
			unit, position := demoKhoa[i%3], []string{"Giảng viên", "Giảng viên chính", "Giảng viên", "Phó Trưởng khoa"}[i%4]
			if i%5 == 4 {
				unit, position = demoPhong[i%2], "Chuyên viên"
			}
			d.add("staff-"+staffID, date("2018-06-01"), DemoSourceIllustrative, "Danh sách viên chức (minh họa)",
				events.StaffMemberRecorded{StaffID: staffID, SchoolID: s.id, FullName: names[i], Unit: unit, Position: position})
			id := fmt.Sprintf("%s-dt-%02d", s.id, i+1)
			stream := "enrollment-" + id
			d.add(stream, e.start, DemoSourceIllustrative, e.reason, events.StaffTrainingStarted{EnrollmentID: id,
				StaffID: staffID, SchoolID: s.id, Program: e.program, Institution: e.institution,
				StartDate: day(e.start), ExpectedEnd: day(e.expected)})
			if e.withdrawn {
				d.add(stream, e.end, DemoSourceIllustrative, e.reason,
					events.StaffTrainingWithdrawn{EnrollmentID: id, Reason: e.reason})
			} else {
				d.add(stream, e.end, DemoSourceIllustrative, "",
					events.StaffTrainingCompleted{EnrollmentID: id, EndDate: day(e.end), Result: e.result})
			}
		}
	}
	// The plan of 2021-H2 (Báo cáo 51-BC/CTĐ, III.1): 3 văn bằng 2, 6 TC
	// LLCT, 2 CC LLCT-HC, 2 hoàn chỉnh CC LLCT-HC; the split is illustrative.
	for _, p := range []struct {
		school, program string
		n               int64
	}{
		{"langson", events.ProgramVanBang2, 1}, {"laocai", events.ProgramVanBang2, 1}, {"sonla", events.ProgramVanBang2, 1},
		{"laichau", events.ProgramTCLLCT, 2}, {"caobang", events.ProgramTCLLCT, 2}, {"hagiang", events.ProgramTCLLCT, 1},
		{"dienbien", events.ProgramTCLLCT, 1}, {"hagiang", events.ProgramCCLLCT, 1}, {"quangninh", events.ProgramCCLLCT, 1},
		{"laocai", events.ProgramHoanChinhCCLLCT, 1}, {"langson", events.ProgramHoanChinhCCLLCT, 1},
	} {
		d.add("school-"+p.school+"-2021", date("2021-07-05"), DemoSourceIllustrative,
			"Dự kiến 6 tháng cuối năm 2021 của Cụm: 03 văn bằng 2, 06 TC LLCT, 02 CC LLCT-HC, 02 hoàn chỉnh CC LLCT-HC "+
				"(Báo cáo 51-BC/CTĐ, mục III.1); chia theo trường là minh họa",
			events.StaffTrainingPlanned{SchoolID: p.school, Program: p.program, Count: p.n, Period: "2021-H2"})
	}
}

// ---------------------------------------------------------------------------
// Research, workshops, bulletins.

// demoResearchMix is, per school, the topics active in 2021-H1 below the
// provincial level: đề tài and đề án cấp cơ sở, sáng kiến kinh nghiệm (cấp
// cơ sở) and đề tài cấp khoa, phòng. Totals: 33 + 31 = 64 cấp cơ sở, 15
// cấp khoa/phòng; Hà Giang 10 cấp cơ sở, Quảng Ninh 5 cấp trường and 24 sáng kiến.
var demoResearchMix = []struct {
	school               string
	coSo, sangKien, khoa int
}{
	{"sonla", 4, 2, 3}, {"laichau", 3, 1, 2}, {"dienbien", 3, 1, 2}, {"laocai", 3, 1, 3},
	{"hagiang", 10, 0, 0}, {"quangninh", 5, 24, 0}, {"langson", 3, 1, 3}, {"caobang", 2, 1, 2},
}

var demoCoSoTitles = []string{
	"Nâng cao chất lượng giảng dạy chuyên đề Thực tiễn và kinh nghiệm xây dựng, phát triển địa phương tại {T}",
	"Giải pháp nâng cao chất lượng đội ngũ giảng viên {T} đáp ứng tiêu chí trường chính trị chuẩn",
	"Vận dụng phương pháp dạy học tích cực trong giảng dạy lý luận chính trị cho học viên người dân tộc thiểu số tỉnh {P}",
	"Thực trạng và giải pháp nâng cao chất lượng sinh hoạt chi bộ nông thôn ở tỉnh {P} hiện nay",
	"Nâng cao hiệu quả công tác dân vận của chính quyền cấp xã ở tỉnh {P}",
	"Công tác phát triển đảng viên trong đồng bào dân tộc thiểu số ở tỉnh {P} giai đoạn 2020–2025",
	"Giải pháp nâng cao chất lượng đội ngũ cán bộ, công chức cấp xã ở tỉnh {P}",
	"Nâng cao hiệu quả quản lý học viên các lớp Trung cấp LLCT-HC không tập trung mở tại các huyện của tỉnh {P}",
	"Ứng dụng công nghệ thông tin trong giảng dạy trực tuyến tại {T} trong bối cảnh dịch Covid-19",
	"Xây dựng ngân hàng câu hỏi thi, kiểm tra các học phần chương trình Trung cấp lý luận chính trị tại {T}",
	"Đấu tranh phản bác các quan điểm sai trái, thù địch trên không gian mạng ở tỉnh {P} hiện nay",
	"Phát triển kinh tế cửa khẩu gắn với bảo đảm quốc phòng, an ninh ở tỉnh {P}",
	"Nâng cao chất lượng công tác nghiên cứu thực tế của giảng viên {T}",
	"Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh của cán bộ, đảng viên cơ sở tỉnh {P}",
	"Giải pháp giảm nghèo bền vững ở các xã đặc biệt khó khăn của tỉnh {P}",
	"Phát huy vai trò người có uy tín trong đồng bào dân tộc thiểu số ở tỉnh {P}",
	"Nâng cao chất lượng bồi dưỡng lãnh đạo, quản lý cấp phòng tại {T}",
	"Thực hiện quy chế dân chủ ở cơ sở tại các xã biên giới tỉnh {P}",
}

var demoDeAnTitles = []string{
	"Đề án xây dựng {T} đạt chuẩn theo Quy định số 11-QĐ/TW của Ban Bí thư",
	"Đề án chuyển đổi số trong công tác quản lý đào tạo tại {T}",
	"Đề án xây dựng tủ sách tư liệu địa phương phục vụ giảng dạy tại {T}",
}

var demoKhoaTitles = []string{
	"Nâng cao chất lượng soạn giảng của giảng viên {U}",
	"Đổi mới phương pháp đánh giá kết quả học tập các học phần do {U} phụ trách",
	"Xây dựng hệ thống câu hỏi thảo luận các học phần do {U} phụ trách",
	"Nâng cao hiệu quả phối hợp giữa {U} và các huyện ủy trong quản lý lớp học",
}

var (
	sangKienActions = []string{"Ứng dụng sơ đồ tư duy trong giảng dạy", "Sử dụng tình huống thực tiễn địa phương khi giảng",
		"Xây dựng bài giảng điện tử cho", "Đổi mới cách ra đề thi, kiểm tra", "Tổ chức thảo luận nhóm trong",
		"Ứng dụng trình chiếu tương tác khi giảng"}
	sangKienSubjects = []string{"học phần Những vấn đề cơ bản của chủ nghĩa Mác - Lênin", "học phần Tư tưởng Hồ Chí Minh",
		"học phần Xây dựng Đảng", "học phần Quản lý hành chính nhà nước", "học phần Kỹ năng lãnh đạo, quản lý",
		"chuyên đề Thực tiễn và kinh nghiệm xây dựng, phát triển địa phương",
		"học phần Lịch sử Đảng Cộng sản Việt Nam", "học phần Hệ thống chính trị, Nhà nước và pháp luật"}
)

type topic struct {
	level, kind, title, lead, source, reason string
	start                                    time.Time
	accepted                                 time.Time // zero: not accepted
	grade                                    string
	cancelled                                time.Time
	cancelReason                             string
}

func fill(tpl string, s demoSchool, unit string) string {
	return strings.NewReplacer("{T}", s.name, "{P}", s.province, "{U}", unit).Replace(tpl)
}

func (d *demo) research() {
	provincial := []struct {
		school string
		t      topic
	}{
		{"hagiang", topic{level: events.LevelBoTinh, kind: events.KindDeTai,
			title:  "Phát triển sinh kế bền vững cho người dân huyện Xín Mần, tỉnh Hà Giang trong giai đoạn hiện nay",
			lead:   "Học viện Chính trị quốc gia Hồ Chí Minh (cơ quan chủ trì)",
			source: DemoSourceReport, reason: "Đề tài cấp Bộ nêu trong Báo cáo 51-BC/CTĐ, mục II.2; ngày bắt đầu, nghiệm thu là minh họa",
			start: date("2020-01-06"), accepted: date("2021-05-20"), grade: "Đạt"}},
		{"sonla", topic{level: events.LevelBoTinh, kind: events.KindDeTai,
			title: "Nâng cao chất lượng đào tạo, bồi dưỡng cán bộ người dân tộc thiểu số tỉnh Sơn La đáp ứng yêu cầu giai đoạn mới",
			start: date("2020-03-02"), accepted: date("2021-03-26"), grade: "Khá"}},
		{"laocai", topic{level: events.LevelBoTinh, kind: events.KindDeTai,
			title: "Giải pháp nâng cao hiệu quả hoạt động của Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội cấp xã ở tỉnh Lào Cai",
			start: date("2020-04-06"), accepted: date("2021-06-18"), grade: "Đạt"}},
		{"quangninh", topic{level: events.LevelBoTinh, kind: events.KindDeTai,
			title: "Nâng cao năng lực lãnh đạo và sức chiến đấu của tổ chức cơ sở đảng trong các doanh nghiệp ngoài khu vực nhà nước ở tỉnh Quảng Ninh",
			start: date("2021-03-01"), accepted: date("2022-06-17"), grade: "Khá"}},
	}
	topicNo := map[string]int{}
	emit := func(s demoSchool, t topic) {
		topicNo[s.id]++
		id := fmt.Sprintf("%s-nc-%03d", s.id, topicNo[s.id])
		if t.source == "" {
			t.source = DemoSourceIllustrative
		}
		if t.lead == "" {
			t.lead = d.names[s.id][20+topicNo[s.id]]
		}
		stream := "topic-" + id
		d.add(stream, t.start, t.source, t.reason, events.ResearchTopicRegistered{TopicID: id, SchoolID: s.id,
			Level: t.level, Kind: t.kind, Title: t.title, Lead: t.lead, StartDate: day(t.start)})
		switch {
		case !t.accepted.IsZero():
			d.add(stream, t.accepted, t.source, "", events.ResearchTopicAccepted{TopicID: id, Date: day(t.accepted), Grade: t.grade})
		case !t.cancelled.IsZero():
			d.add(stream, t.cancelled, t.source, t.cancelReason, events.ResearchTopicCancelled{TopicID: id, Reason: t.cancelReason})
		}
	}
	for _, p := range provincial {
		t := p.t
		if t.reason == "" {
			t.reason = "Tổng cấp Bộ/tỉnh 6 tháng đầu năm 2021: 03 nghiệm thu, 01 đang triển khai (Báo cáo 51-BC/CTĐ); đề tài cụ thể là minh họa"
		}
		emit(schoolOf(p.school), t)
	}
	grades := []string{"Xuất sắc", "Tốt", "Khá", "Đạt"}
	for _, m := range demoResearchMix {
		s := schoolOf(m.school)
		si := schoolIndex(m.school)
		for j := 0; j < m.coSo; j++ {
			t := topic{level: events.LevelCoSo, kind: events.KindDeTai, grade: grades[(j+si)%4]}
			if j%4 == 3 {
				t.kind, t.title = events.KindDeAn, fill(demoDeAnTitles[(j/4+si)%len(demoDeAnTitles)], s, "")
			} else {
				t.title = fill(demoCoSoTitles[(j+3*si)%len(demoCoSoTitles)], s, "")
			}
			switch {
			case j == 0: // from 2020, accepted in 2021-H1: still counted
				t.start, t.accepted = monday(addDays(date("2020-03-02"), 7*si)), weekday(addDays(date("2021-04-09"), 7*si))
			case j%4 == 2:
				t.start, t.accepted = monday(addDays(date("2021-02-22"), 7*j)), date("2022-05-20")
			default:
				t.start, t.accepted = monday(addDays(date("2021-01-18"), 5*j+2*si)), weekday(addDays(date("2021-11-26"), 7*(j%3)))
			}
			emit(s, t)
		}
		for j := 0; j < m.sangKien; j++ {
			k := (j*7 + si*5) % (len(sangKienActions) * len(sangKienSubjects))
			t := topic{level: events.LevelCoSo, kind: events.KindSangKien,
				title: "Sáng kiến: " + sangKienActions[k/len(sangKienSubjects)] + " " + sangKienSubjects[k%len(sangKienSubjects)],
				start: monday(addDays(date("2021-01-11"), 3*j)), accepted: date("2021-12-17"),
				grade: "Được công nhận sáng kiến cấp cơ sở"}
			emit(s, t)
		}
		for j := 0; j < m.khoa; j++ {
			unit := demoKhoa[j%3]
			t := topic{level: events.LevelKhoaPhong, kind: events.KindDeTai,
				title: fill(demoKhoaTitles[(j+si)%len(demoKhoaTitles)], s, unit),
				start: monday(addDays(date("2021-02-22"), 14*j)), accepted: weekday(addDays(date("2021-10-15"), 7*j)),
				grade: grades[(j+si+1)%4]}
			emit(s, t)
		}
	}
	// Topics outside 2021-H1: accepted or stopped in 2020, registered in 2021-H2.
	for _, x := range []struct {
		school string
		t      topic
	}{
		{"sonla", topic{level: events.LevelCoSo, kind: events.KindDeTai, start: date("2019-03-04"),
			title:    "Nâng cao chất lượng bồi dưỡng cán bộ cơ sở vùng đồng bào dân tộc thiểu số tỉnh Sơn La",
			accepted: date("2020-12-18"), grade: "Khá"}},
		{"dienbien", topic{level: events.LevelCoSo, kind: events.KindDeTai, start: date("2019-04-01"),
			title:    "Giáo dục truyền thống lịch sử chiến thắng Điện Biên Phủ cho học viên các lớp Trung cấp LLCT-HC",
			accepted: date("2020-11-20"), grade: "Tốt"}},
		{"langson", topic{level: events.LevelKhoaPhong, kind: events.KindDeTai, start: date("2020-02-10"),
			title:    "Nâng cao chất lượng quản lý hồ sơ học viên tại Phòng Quản lý đào tạo và Nghiên cứu khoa học",
			accepted: date("2020-10-15"), grade: "Đạt"}},
		{"caobang", topic{level: events.LevelCoSo, kind: events.KindDeTai, start: date("2020-03-02"),
			title:     "Phát triển kinh tế hộ gia đình ở các xã biên giới tỉnh Cao Bằng",
			cancelled: date("2020-09-14"), cancelReason: "Dừng thực hiện: chủ nhiệm đề tài chuyển công tác"}},
		{"laichau", topic{level: events.LevelCoSo, kind: events.KindDeTai, start: date("2021-09-06"),
			title:    "Nâng cao chất lượng bồi dưỡng đại biểu Hội đồng nhân dân cấp xã ở tỉnh Lai Châu nhiệm kỳ 2021–2026",
			accepted: date("2022-06-10"), grade: "Khá"}},
		{"quangninh", topic{level: events.LevelCoSo, kind: events.KindDeTai, start: date("2021-08-16"),
			title:    "Nâng cao chất lượng giảng dạy trực tuyến tại Trường Đào tạo cán bộ Nguyễn Văn Cừ",
			accepted: date("2022-04-22"), grade: "Tốt"}},
	} {
		emit(schoolOf(x.school), x.t)
	}

	workshopNo := map[string]int{}
	for _, w := range []struct {
		school, level, title, on string
		papers                   int64
		source                   string
	}{
		{"quangninh", events.LevelBoTinh, "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh gắn với xây dựng Đảng bộ tỉnh Quảng Ninh trong sạch, vững mạnh",
			"2021-04-08", 28, DemoSourceReport},
		{"quangninh", events.LevelCoSo, "Nâng cao chất lượng giảng dạy trực tuyến tại Trường Đào tạo cán bộ Nguyễn Văn Cừ trong bối cảnh dịch Covid-19",
			"2021-06-17", 16, DemoSourceReport},
		{"dienbien", events.LevelCoSo, "Thực tiễn và kinh nghiệm xây dựng, phát triển tỉnh Điện Biên trong chương trình Trung cấp lý luận chính trị",
			"2021-03-25", 15, DemoSourceReport},
		{"dienbien", events.LevelCoSo, "Những điểm mới trong Văn kiện Đại hội XIII của Đảng và việc vận dụng vào giảng dạy lý luận chính trị",
			"2021-04-22", 21, DemoSourceReport},
		{"langson", events.LevelCoSo, "Vận dụng Nghị quyết Đại hội XIII của Đảng vào giảng dạy lý luận chính trị tại Trường Chính trị Hoàng Văn Thụ",
			"2021-06-10", 18, DemoSourceReport},
		{"sonla", events.LevelCoSo, "Nâng cao chất lượng bồi dưỡng cán bộ cơ sở vùng đồng bào dân tộc thiểu số tỉnh Sơn La",
			"2020-11-19", 14, DemoSourceIllustrative},
		{"laichau", events.LevelCum, "Xây dựng trường chính trị chuẩn theo Quy định số 11-QĐ/TW – kinh nghiệm của các trường trong Cụm",
			"2021-11-18", 24, DemoSourceIllustrative},
	} {
		workshopNo[w.school]++
		id := fmt.Sprintf("%s-ht-%02d", w.school, workshopNo[w.school])
		reason := "Hội thảo nêu trong Báo cáo 51-BC/CTĐ, mục II.2 (cấp và trường); tên, ngày, số tham luận là minh họa"
		if w.source == DemoSourceIllustrative {
			reason = ""
		}
		d.add("workshop-"+id, date(w.on), w.source, reason, events.WorkshopHeld{WorkshopID: id, SchoolID: w.school,
			Level: w.level, Title: w.title, Date: events.Date(w.on), Papers: w.papers})
	}

	for _, b := range []struct {
		school, no, on string
		articles       int64
	}{
		{"sonla", "01/2021", "2021-02-05", 20}, {"sonla", "02/2021", "2021-05-28", 19},
		{"dienbien", "01/2021", "2021-04-20", 18}, {"laocai", "01/2021", "2021-03-30", 17},
		{"hagiang", "01/2021", "2021-04-28", 18}, {"quangninh", "01/2021", "2021-03-15", 24},
		{"quangninh", "02/2021", "2021-06-15", 22}, {"langson", "01/2021", "2021-05-19", 20},
		{"caobang", "01/2021", "2021-06-25", 17},
		// outside 2021-H1
		{"quangninh", "04/2020", "2020-12-15", 23}, {"sonla", "03/2021", "2021-09-10", 21},
		{"langson", "02/2021", "2021-11-25", 19},
	} {
		on := date(b.on)
		d.add(fmt.Sprintf("school-%s-%d", b.school, on.Year()), on, DemoSourceIllustrative,
			"Tổng 6 tháng đầu năm 2021: 09 số, 175 tin, bài của 07/08 trường (Báo cáo 51-BC/CTĐ, mục II.3); từng số là minh họa",
			events.BulletinIssued{SchoolID: b.school, IssueNo: b.no, Date: day(on), Articles: b.articles})
	}
}

// ---------------------------------------------------------------------------
// Emulation 2023.

// demoAwards2023 are the illustrative figures of 2023: staff, titles and
// ratings. Cao Bằng misses the Lao động tiên tiến share (36/47 = 76,6%) and
// has no Tập thể lao động xuất sắc; Lai Châu has one unit of five that only
// "Hoàn thành nhiệm vụ" (80%, not above 90%). The others meet every target.
var demoAwards2023 = []struct {
	school                  string
	staff, ldtt, cstd       int
	ttldxs                  int // units with Tập thể lao động xuất sắc (the first ones)
	giayKhen                int // individuals with Giấy khen
	bangKhenUnit            bool
	units, parties          []string
	unitRatings, partyRates []string
}{
	{school: "sonla", staff: 52, ldtt: 46, cstd: 6, ttldxs: 1, giayKhen: 3, bangKhenUnit: true},
	{school: "laichau", staff: 38, ldtt: 33, cstd: 4, ttldxs: 1, giayKhen: 3,
		unitRatings: []string{events.RatingHTXSNV, events.RatingHTTNV, events.RatingHTTNV, events.RatingHTTNV, events.RatingHTNV},
		parties:     []string{"Chi bộ Khoa Lý luận cơ sở", "Chi bộ Khoa Xây dựng Đảng", "Chi bộ Khoa Nhà nước và pháp luật", "Chi bộ các phòng chức năng"}},
	{school: "dienbien", staff: 45, ldtt: 39, cstd: 5, ttldxs: 1, giayKhen: 3,
		partyRates: []string{events.RatingHTXSNV, events.RatingHTTNV, events.RatingHTTNV, events.RatingHTTNV, events.RatingHTNV}},
	{school: "laocai", staff: 48, ldtt: 42, cstd: 5, ttldxs: 1, giayKhen: 3, bangKhenUnit: true},
	{school: "hagiang", staff: 44, ldtt: 38, cstd: 5, ttldxs: 1, giayKhen: 3},
	{school: "quangninh", staff: 86, ldtt: 76, cstd: 10, ttldxs: 2, giayKhen: 5, bangKhenUnit: true,
		units: []string{"Khoa Lý luận cơ sở", "Khoa Xây dựng Đảng", "Khoa Nhà nước và pháp luật", "Khoa Dân vận",
			"Phòng Tổ chức - Hành chính", "Phòng Quản lý đào tạo", "Phòng Nghiên cứu khoa học và Thông tin tư liệu"},
		partyRates: []string{events.RatingHTXSNV, events.RatingHTXSNV, events.RatingHTTNV, events.RatingHTTNV,
			events.RatingHTTNV, events.RatingHTTNV, events.RatingHTTNV}},
	{school: "langson", staff: 50, ldtt: 43, cstd: 5, ttldxs: 1, giayKhen: 3},
	{school: "caobang", staff: 47, ldtt: 36, cstd: 4, ttldxs: 0, giayKhen: 3,
		unitRatings: []string{events.RatingHTTNV, events.RatingHTTNV, events.RatingHTTNV, events.RatingHTTNV, events.RatingHTTNV}},
}

func (d *demo) emulation2023() {
	cluster := "cluster-" + DemoClusterID + "-2023"
	letter := date("2023-02-20")
	d.add(cluster, letter, DemoSourceLetter, "Chỉ tiêu thi đua năm 2023 của Học viện (Công văn 3552-CV/HVCTQG, mục I.1.2)",
		events.EmulationTargetsSet{Year: 2023, Issuer: "Học viện Chính trị quốc gia Hồ Chí Minh",
			Targets: events.EmulationTargets{LaoDongTienTienMinPct: 80, CSTDCoSoMinPct: 10, CSTDCoSoMaxPct: 15,
				TTLDXSMin: 1, CommendedMinPct: 5, PartyHTTMinPct: 70, PartyHTXSMinPct: 20, UnitsHTTMinPct: 90}})
	movement := "hvctqg-2023"
	d.add(cluster, date("2023-02-08"), DemoSourceLetter,
		"Chủ đề thi đua năm 2023 do Giám đốc Học viện phát động (Công văn 3492-CV/HVCTQG ngày 08/02/2023, nêu trong Công văn 3552-CV/HVCTQG)",
		events.EmulationMovementLaunched{MovementID: movement, Year: 2023, Level: "hoc_vien",
			Theme: "Chủ động - Đồng bộ - Đột phá - Kỷ cương - Chất lượng - Hiệu quả"})
	for _, dl := range standardDeadlines {
		id := fmt.Sprintf("%s-2023-%s", DemoClusterID, dl.kind) // the ids of DeadlineService.StandardCalendar
		d.add("deadline-"+id, letter, DemoSourceLetter, "Lịch thời hạn thi đua năm 2023 theo Công văn 3552-CV/HVCTQG",
			events.DeadlineSet{DeadlineID: id, Year: 2023, Kind: dl.kind,
				DueDate: events.Date(fmt.Sprintf("2023-%02d-%02d", dl.month, dl.day)), AppliesTo: DemoClusterID})
	}

	for i, a := range demoAwards2023 {
		s := schoolOf(a.school)
		year := "school-" + s.id + "-2023"
		units := a.units
		if units == nil {
			units = append(append([]string{}, demoKhoa...), demoPhong...)
		}
		parties := a.parties
		if parties == nil {
			for _, u := range units {
				parties = append(parties, "Chi bộ "+u)
			}
		}
		unitRatings := a.unitRatings
		if unitRatings == nil {
			for j := range units {
				r := events.RatingHTTNV
				if j < a.ttldxs || (a.ttldxs == 0 && j == 0) {
					r = events.RatingHTXSNV
				}
				unitRatings = append(unitRatings, r)
			}
		}
		partyRates := a.partyRates
		if partyRates == nil {
			for j := range parties {
				r := events.RatingHTTNV
				if j == 0 {
					r = events.RatingHTXSNV
				}
				partyRates = append(partyRates, r)
			}
		}
		d.add(year, date("2023-01-03"), DemoSourceIllustrative, "Số cán bộ, viên chức, người lao động, đơn vị và tổ chức đảng (minh họa)",
			events.StaffCountRecorded{SchoolID: s.id, Year: 2023, Staff: int64(a.staff), Units: int64(len(units)),
				PartyOrgs: int64(len(parties))})
		d.add(year, weekday(addDays(date("2023-02-24"), i)), DemoSourceIllustrative, "Đăng ký thi đua năm 2023 (minh họa)",
			events.EmulationRegistered{SchoolID: s.id, Year: 2023, MovementID: movement,
				Titles: []string{events.TitleTapTheLaoDongXuatSac, events.TitleBangKhen}})
		for j, org := range parties {
			d.add(year, date("2023-12-15"), DemoSourceIllustrative, "Đánh giá, xếp loại tổ chức đảng năm 2023 (minh họa)",
				events.PartyOrgRated{SchoolID: s.id, Year: 2023, Org: org, Rating: partyRates[j]})
		}
		for j, u := range units {
			d.add(year, date("2023-12-18"), DemoSourceIllustrative, "Đánh giá, xếp loại đơn vị năm 2023 (minh họa)",
				events.UnitRated{SchoolID: s.id, Year: 2023, Unit: u, Rating: unitRatings[j]})
		}

		// Titles and commendations.
		principal := "Hiệu trưởng " + s.name
		province := "Chủ tịch Ủy ban nhân dân tỉnh " + s.province
		schoolDecision := fmt.Sprintf("%d-QĐ/%s", 210+7*i, s.short)
		n := map[string]int{}
		award := func(abbr, kind, recipient, title, decision, issuer string, on time.Time) {
			n[abbr]++
			id := fmt.Sprintf("%s-2023-%s-%03d", s.id, abbr, n[abbr])
			d.add("award-"+id, on, DemoSourceIllustrative, "", events.TitleAwarded{AwardID: id, Year: 2023,
				SchoolID: s.id, RecipientKind: kind, Recipient: recipient, Title: title, DecisionNo: decision,
				DecisionDate: day(on), Issuer: issuer})
		}
		people := d.names[s.id]
		decided := date("2023-12-22")
		for j := 0; j < a.ldtt; j++ {
			award("ldtt", events.RecipientIndividual, people[j], events.TitleLaoDongTienTien, schoolDecision, principal, decided)
		}
		for j := 0; j < a.cstd; j++ {
			award("cstd", events.RecipientIndividual, people[j], events.TitleChienSiThiDuaCoSo, schoolDecision, principal, decided)
		}
		for j, u := range units {
			if unitRatings[j] == events.RatingHTXSNV || unitRatings[j] == events.RatingHTTNV {
				award("ttldtt", events.RecipientCollective, u, events.TitleTapTheLaoDongTienTien, schoolDecision, principal, decided)
			}
		}
		ubnd := fmt.Sprintf("%d/QĐ-UBND", 2510+37*i)
		for j := 0; j < a.ttldxs; j++ {
			award("ttldxs", events.RecipientCollective, units[j], events.TitleTapTheLaoDongXuatSac, ubnd, province, date("2023-12-27"))
		}
		if a.bangKhenUnit {
			award("bk", events.RecipientCollective, units[1], events.TitleBangKhen, ubnd, province, date("2023-12-27"))
		}
		for j := 0; j < a.giayKhen; j++ {
			award("gk", events.RecipientIndividual, people[a.cstd+j], events.TitleGiayKhen,
				fmt.Sprintf("%d-QĐ/%s", 211+7*i, s.short), principal, decided)
		}
	}
}

// ---------------------------------------------------------------------------
// The report as sent.

// demoReportFigures are the figures Báo cáo 51-BC/CTĐ states for 2021-H1,
// exactly as printed, under the keys of projections.Figures: the totals, the
// breakdown of newly opened classes by class type (II.1.1; "Các lớp Đảng,
// đoàn thể: Không" is 0), Quảng Ninh's classes, staff training by
// programme (II.1.2), research by level (II.2), bulletins and websites
// (II.3). Its class-type breakdown sums to 169 classes / 10.193 students,
// not the 113 / 6.330 it states: an inspection shows it (docs/demo.md).
var demoReportFigures = map[string]float64{
	"classplans.target.classes": 323, "classplans.target.students": 20399,
	"classplans.executed.classes": 260, "classplans.executed.students": 16182,
	"classplans.carried.classes": 147, "classplans.carried.students": 9852,
	"classplans.new.classes": 113, "classplans.new.students": 6330,

	"classplans.type." + ctTC + ".new.classes": 69, "classplans.type." + ctTC + ".new.students": 4536,
	"classplans.type." + ctCV + ".new.classes": 16, "classplans.type." + ctCV + ".new.students": 1216,
	"classplans.type." + ctCVC + ".new.classes": 7, "classplans.type." + ctCVC + ".new.students": 578,
	"classplans.type." + ctPhong + ".new.classes": 24, "classplans.type." + ctPhong + ".new.students": 1740,
	"classplans.type." + ctDangDT + ".new.classes": 0, "classplans.type." + ctDangDT + ".new.students": 0,
	"classplans.type." + ctCC + ".new.classes": 13, "classplans.type." + ctCC + ".new.students": 952,
	"classplans.type." + ctCaoHocXDD + ".new.classes": 1, "classplans.type." + ctCaoHocXDD + ".new.students": 43,
	"classplans.type." + ctCaoHocCTH + ".new.classes": 2, "classplans.type." + ctCaoHocCTH + ".new.students": 74,
	"classplans.type." + ctCaoHocQLKT + ".new.classes": 1, "classplans.type." + ctCaoHocQLKT + ".new.students": 38,
	"classplans.type." + ctQLNNXa + ".new.classes": 2, "classplans.type." + ctQLNNXa + ".new.students": 143,
	"classplans.type." + ctQTAN + ".new.classes": 1, "classplans.type." + ctQTAN + ".new.students": 159,
	"classplans.type." + ctXDD + ".new.classes": 5, "classplans.type." + ctXDD + ".new.students": 279,
	"classplans.type." + ctNNTH + ".new.classes": 28, "classplans.type." + ctNNTH + ".new.students": 435,

	"classplans.school.quangninh.executed.classes": 107, "classplans.school.quangninh.executed.students": 6118,

	"stafftraining.total":                           86,
	"stafftraining.program." + events.ProgramCaoHoc: 12, "stafftraining.program." + events.ProgramVanBang2: 11,
	"stafftraining.program." + events.ProgramTCLLCT: 6, "stafftraining.program." + events.ProgramCCLLCT: 6,
	"stafftraining.program." + events.ProgramHoanChinhCCLLCT: 12, "stafftraining.program." + events.ProgramBDChuyenMon: 39,

	"research.active.total": 83, "research.active.level." + events.LevelBoTinh: 4,
	"research.active.level." + events.LevelCoSo: 64, "research.active.level." + events.LevelKhoaPhong: 15,
	"research.bulletins.issues": 9, "research.bulletins.articles": 175, "research.bulletins.schools": 7,
	"research.websites.with": 8,
}

// DemoReportFigures returns a copy of the figures 51-BC/CTĐ states.
func DemoReportFigures() map[string]float64 {
	out := make(map[string]float64, len(demoReportFigures))
	for k, v := range demoReportFigures {
		out[k] = v
	}
	return out
}

// clusterReport records the report 51-BC/CTĐ as sent on 12/8/2021, with the
// figures it states: what a cross-inspection takes to compare with the ledger.
func (d *demo) clusterReport() {
	d.add("report-"+DemoReportID, date("2021-08-12"), DemoSourceReport,
		"Báo cáo sơ kết 6 tháng đầu năm 2021 của Cụm gửi Học viện: số liệu ghi đúng như văn bản, kể cả cơ cấu lớp mở mới theo loại lớp",
		events.ReportSubmitted{ReportID: DemoReportID, Author: DemoClusterID, Kind: events.DeadlineSoKet, Period: "2021-H1",
			DocNo: DemoSourceReport, SubmittedOn: "2021-08-12", Figures: DemoReportFigures()})
}
