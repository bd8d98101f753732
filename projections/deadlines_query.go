package projections

import (
	"context"
	"sort"
	"time"

	"socai/events"
)

// DeadlineKinds are the kinds of the Học viện's yearly calendar in calendar
// order (Công văn 3552-CV/HVCTQG), with their Vietnamese names.
var DeadlineKinds = []struct{ Kind, Name string }{
	{events.DeadlineKeHoachThiDua, "Kế hoạch triển khai phong trào thi đua và đăng ký thi đua của trường"},
	{events.DeadlineKeHoachCum, "Kế hoạch hoạt động thi đua của Cụm, danh sách cán bộ phụ trách thi đua"},
	{events.DeadlineSoKet, "Sơ kết hoạt động thi đua 6 tháng đầu năm của Cụm"},
	{events.DeadlineGuiHocVien, "Gửi báo cáo sơ kết 6 tháng của Cụm về Học viện"},
	{events.DeadlineTongKetTruong, "Hồ sơ tổng kết thi đua năm của trường (báo cáo, phiếu chấm điểm)"},
	{events.DeadlineTongKetCum, "Kế hoạch, chương trình, giấy mời Hội nghị tổng kết của Cụm"},
	{events.DeadlineHoSoKhen, "Hồ sơ tổng kết và đề nghị khen thưởng của Cụm"},
}

// SchoolDeadlineKinds are sent by each school; the other kinds by the
// cluster (its lead school, the Cụm trưởng of the year).
var SchoolDeadlineKinds = map[string]bool{events.DeadlineKeHoachThiDua: true, events.DeadlineTongKetTruong: true}

// DeadlineKindName returns the Vietnamese name of a deadline kind.
func DeadlineKindName(kind string) string {
	for _, k := range DeadlineKinds {
		if k.Kind == kind {
			return k.Name
		}
	}
	return kind
}

// Deadline statuses.
const (
	DeadlineDaNop   = "da_nop"   // submitted on or before the due date
	DeadlineNopMuon = "nop_muon" // submitted after it
	DeadlineQuaHan  = "qua_han"  // not submitted, and the due date has passed
	DeadlineSapDen  = "sap_den"  // not submitted, due within SoonDays
	DeadlineChuaDen = "chua_den" // not submitted, due later
)

// DeadlineStatusNames are the statuses in Vietnamese.
var DeadlineStatusNames = map[string]string{
	DeadlineDaNop: "Đã nộp", DeadlineNopMuon: "Nộp muộn", DeadlineQuaHan: "Quá hạn",
	DeadlineSapDen: "Sắp đến hạn", DeadlineChuaDen: "Chưa đến hạn",
}

// SoonDays is how close a due date is "sắp đến hạn".
const SoonDays = 14

// DeadlineStatus is a deadline and where it stands on a day.
//
// Who must submit depends on applies_to and the kind: a school id names
// that school; a cluster id names the cluster for its kinds (kế hoạch cụm,
// sơ kết, tổng kết cụm, hồ sơ khen thưởng) and every school of the cluster
// for the schools' kinds (kế hoạch thi đua, tổng kết trường); "all" names
// every cluster, or every school. A party has submitted when a report of
// the same kind, for a period of the deadline's year, has as author the
// party's id (for a cluster: the cluster's id or its lead school of the
// year). With several parties, the deadline is da_nop or nop_muon once all
// have submitted, and Missing names those who have not.
type DeadlineStatus struct {
	DeadlineID    string   `json:"deadline_id"`
	Year          int      `json:"year"`
	Kind          string   `json:"kind"`
	KindName      string   `json:"kind_name"`
	DueDate       string   `json:"due_date"`
	AppliesTo     string   `json:"applies_to"`
	AppliesToName string   `json:"applies_to_name"`
	Status        string   `json:"status"`
	StatusName    string   `json:"status_name"`
	DaysLeft      int      `json:"days_left"`
	Expected      int      `json:"expected"`
	Submitted     int      `json:"submitted"`
	Late          int      `json:"late"`
	Missing       []string `json:"missing"`
	SubmittedOn   string   `json:"submitted_on"`
	ReportID      string   `json:"report_id"`
	DocNo         string   `json:"doc_no"`
}

type deadlineOrg struct {
	schools   map[string]School   // by id
	clusters  map[string]string   // id → name
	members   map[string][]string // cluster → its school ids, by name
	leads     map[string]string   // cluster → lead school of the year
	schoolIDs []string            // by name
}

func loadDeadlineOrg(ctx context.Context, q Querier, year int) (deadlineOrg, error) {
	o := deadlineOrg{schools: map[string]School{}, clusters: map[string]string{}, members: map[string][]string{},
		leads: map[string]string{}}
	schools, err := Schools(ctx, q)
	if err != nil {
		return o, err
	}
	for _, s := range schools {
		o.schools[s.SchoolID] = s
		o.members[s.ClusterID] = append(o.members[s.ClusterID], s.SchoolID)
		o.schoolIDs = append(o.schoolIDs, s.SchoolID)
	}
	if err := eachRow(ctx, q, `SELECT cluster_id, name FROM proj_clusters ORDER BY name`, nil,
		func(scan func(...any) error) error {
			var id, name string
			if err := scan(&id, &name); err != nil {
				return err
			}
			o.clusters[id] = name
			return nil
		}); err != nil {
		return o, err
	}
	err = eachRow(ctx, q, `SELECT cluster_id, lead FROM proj_cluster_roles WHERE year = ?`, []any{year},
		func(scan func(...any) error) error {
			var id, lead string
			if err := scan(&id, &lead); err != nil {
				return err
			}
			o.leads[id] = lead
			return nil
		})
	return o, err
}

func (o deadlineOrg) name(id string) string {
	if id == "all" {
		return "Tất cả"
	}
	if s, ok := o.schools[id]; ok {
		return s.Name
	}
	if n, ok := o.clusters[id]; ok {
		return n
	}
	return id
}

// parties are the ids that must submit for a deadline.
func (o deadlineOrg) parties(kind, appliesTo string) []string {
	perSchool := SchoolDeadlineKinds[kind]
	switch {
	case appliesTo == "all" && perSchool:
		return o.schoolIDs
	case appliesTo == "all":
		ids := make([]string, 0, len(o.clusters))
		for id := range o.clusters {
			ids = append(ids, id)
		}
		sort.Slice(ids, func(i, j int) bool { return o.clusters[ids[i]] < o.clusters[ids[j]] })
		return ids
	case o.clusters[appliesTo] != "" && perSchool:
		return o.members[appliesTo]
	}
	return []string{appliesTo}
}

type submission struct{ reportID, docNo, on string }

// Deadlines lists the deadlines of a year by due date, each with its status
// as of today: reports dated after today are not seen. With a school, only the deadlines that school must meet
// (itself, or through its cluster) and only its own (or its cluster's)
// submissions count.
func Deadlines(ctx context.Context, q Querier, year int, today events.Date, school string) ([]DeadlineStatus, error) {
	return deadlineStatuses(ctx, q, `d.year = ?`, []any{year}, year, today, school)
}

func deadlineStatuses(ctx context.Context, q Querier, where string, args []any, year int, today events.Date, school string) ([]DeadlineStatus, error) {
	out := []DeadlineStatus{}
	org, err := loadDeadlineOrg(ctx, q, year)
	if err != nil {
		return out, err
	}
	// first[kind][author] = earliest report of the year of that kind by that author
	first := map[string]map[string]submission{}
	if err := eachRow(ctx, q, `SELECT kind, author, report_id, doc_no, submitted_on FROM proj_reports
		WHERE period_year = ? AND submitted_on <= ? ORDER BY submitted_on, report_id`, []any{year, string(today)}, func(scan func(...any) error) error {
		var kind, author string
		var s submission
		if err := scan(&kind, &author, &s.reportID, &s.docNo, &s.on); err != nil {
			return err
		}
		if first[kind] == nil {
			first[kind] = map[string]submission{}
		}
		if _, seen := first[kind][author]; !seen {
			first[kind][author] = s
		}
		return nil
	}); err != nil {
		return out, err
	}
	var mine map[string]bool
	if school != "" {
		mine = map[string]bool{school: true}
		if s, ok := org.schools[school]; ok {
			mine[s.ClusterID] = true
		}
	}
	err = eachRow(ctx, q, `SELECT d.deadline_id, d.year, d.kind, d.due_date, d.applies_to FROM proj_deadlines d
		WHERE `+where+` ORDER BY d.due_date, d.kind, d.deadline_id`, args, func(scan func(...any) error) error {
		var d DeadlineStatus
		if err := scan(&d.DeadlineID, &d.Year, &d.Kind, &d.DueDate, &d.AppliesTo); err != nil {
			return err
		}
		parties := org.parties(d.Kind, d.AppliesTo)
		if mine != nil {
			var keep []string
			for _, p := range parties {
				if mine[p] {
					keep = append(keep, p)
				}
			}
			if len(keep) == 0 {
				return nil
			}
			parties = keep
		}
		d.KindName = DeadlineKindName(d.Kind)
		d.AppliesToName = org.name(d.AppliesTo)
		d.Missing = []string{}
		d.Expected = len(parties)
		var last string
		for _, p := range parties {
			s, ok := first[d.Kind][p]
			if lead := org.leads[p]; lead != "" {
				if ls, lok := first[d.Kind][lead]; lok && (!ok || ls.on < s.on) {
					s, ok = ls, true
				}
			}
			if !ok {
				d.Missing = append(d.Missing, org.name(p))
				continue
			}
			d.Submitted++
			if s.on > d.DueDate {
				d.Late++
			}
			if s.on > last {
				last = s.on
			}
			if len(parties) == 1 {
				d.ReportID, d.DocNo = s.reportID, s.docNo
			}
		}
		d.DaysLeft = daysBetween(today, events.Date(d.DueDate))
		switch {
		case d.Expected > 0 && d.Submitted == d.Expected && d.Late > 0:
			d.Status, d.SubmittedOn = DeadlineNopMuon, last
		case d.Expected > 0 && d.Submitted == d.Expected:
			d.Status, d.SubmittedOn = DeadlineDaNop, last
		case d.DaysLeft < 0:
			d.Status = DeadlineQuaHan
		case d.DaysLeft <= SoonDays:
			d.Status = DeadlineSapDen
		default:
			d.Status = DeadlineChuaDen
		}
		d.StatusName = DeadlineStatusNames[d.Status]
		out = append(out, d)
		return nil
	})
	return out, err
}

// daysBetween is to − from in days.
func daysBetween(from, to events.Date) int {
	a, err1 := from.Time()
	b, err2 := to.Time()
	if err1 != nil || err2 != nil {
		return 0
	}
	return int(b.Sub(a) / (24 * time.Hour))
}

// NextDeadlines is what the dashboard shows: up to n deadlines (all if n
// ≤ 0) not yet met by everyone, by due date: those due from today on, and
// those of today's year already overdue (overdue ones of earlier years are
// left to the yearly list).
func NextDeadlines(ctx context.Context, q Querier, today events.Date, n int) ([]DeadlineStatus, error) {
	out := []DeadlineStatus{}
	t, err := today.Time()
	if err != nil {
		return out, events.Errorf(events.EINVALID, "today", "ngày không hợp lệ: %q", today)
	}
	var years []int
	if err := eachRow(ctx, q, `SELECT DISTINCT year FROM proj_deadlines WHERE due_date >= ? OR year = ? ORDER BY year`,
		[]any{string(today), t.Year()}, func(scan func(...any) error) error {
			var y int
			if err := scan(&y); err != nil {
				return err
			}
			years = append(years, y)
			return nil
		}); err != nil {
		return out, err
	}
	for _, y := range years {
		ds, err := deadlineStatuses(ctx, q, `d.year = ? AND (d.due_date >= ? OR d.year = ?)`,
			[]any{y, string(today), t.Year()}, y, today, "")
		if err != nil {
			return out, err
		}
		for _, d := range ds {
			if d.Status == DeadlineQuaHan && d.DueDate[:4] != string(today)[:4] {
				continue
			}
			if d.Status != DeadlineDaNop && d.Status != DeadlineNopMuon {
				out = append(out, d)
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].DueDate < out[j].DueDate })
	if n > 0 && len(out) > n {
		out = out[:n]
	}
	return out, nil
}
