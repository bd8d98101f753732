package projections

import (
	"context"
	"encoding/json"
	"math"
	"sort"
	"strconv"
	"strings"

	"socai/events"
)

// TitleNames are the Vietnamese names of the titles and forms of commendation.
var TitleNames = map[string]string{
	events.TitleLaoDongTienTien:       "Lao động tiên tiến",
	events.TitleChienSiThiDuaCoSo:     "Chiến sĩ thi đua cơ sở",
	events.TitleChienSiThiDuaCapTinh:  "Chiến sĩ thi đua cấp tỉnh",
	events.TitleTapTheLaoDongTienTien: "Tập thể lao động tiên tiến",
	events.TitleTapTheLaoDongXuatSac:  "Tập thể lao động xuất sắc",
	events.TitleGiayKhen:              "Giấy khen",
	events.TitleBangKhen:              "Bằng khen",
	events.TitleCoThiDua:              "Cờ thi đua",
	events.TitleHuanChuong:            "Huân chương",
}

// Keys of the award checks, in report order.
const (
	CheckLaoDongTienTien = "lao_dong_tien_tien"
	CheckCSTDCoSo        = "cstd_co_so"
	CheckCSTDCap15       = "cstd_cap_15"
	CheckTTLDXS          = "ttldxs"
	CheckCommended       = "commended"
	CheckPartyHTT        = "party_htt"
	CheckPartyHTXS       = "party_htxs"
	CheckUnitsHTT        = "units_htt"
)

// AwardTargets are the targets a report compares with, and where they come from.
type AwardTargets struct {
	events.EmulationTargets
	Issuer string `json:"issuer"`
	Stream string `json:"stream"`
}

// AwardCheck is one figure of a school against one target: the value
// (a percentage, or a number of units), what it was computed from, the
// target range and whether it is met. Value is null when its denominator
// is unknown or zero; Pass is null when there is no target or no value.
type AwardCheck struct {
	Key         string   `json:"key"`
	Name        string   `json:"name"`
	Value       *float64 `json:"value"`
	Unit        string   `json:"unit"`
	Numerator   int64    `json:"numerator"`
	Denominator int64    `json:"denominator"`
	TargetMin   *float64 `json:"target_min"`
	TargetMax   *float64 `json:"target_max"`
	Pass        *bool    `json:"pass"`
}

// SchoolAwards is one school's figures for the year.
type SchoolAwards struct {
	SchoolID  string       `json:"school_id"`
	Name      string       `json:"name"`
	Staff     int64        `json:"staff"`
	Units     int64        `json:"units"`
	PartyOrgs int64        `json:"party_orgs"`
	Checks    []AwardCheck `json:"checks"`
	Passed    int          `json:"passed"`
	Failed    int          `json:"failed"`
}

// ScoreTotal is a school's total points of the year, by who scored.
type ScoreTotal struct {
	SchoolID   string   `json:"school_id"`
	Name       string   `json:"name"`
	Self       *float64 `json:"self"`
	Cluster    *float64 `json:"cluster"`
	Inspection *float64 `json:"inspection"`
}

// AwardProposal is a line of the cluster's tờ trình đề nghị khen thưởng.
type AwardProposal struct {
	ClusterID  string `json:"cluster_id"`
	SchoolID   string `json:"school_id"`
	Name       string `json:"name"`
	Award      string `json:"award"`
	Rank       int    `json:"rank"`
	ProposedOn string `json:"proposed_on"`
}

// AwardReport is what a report says of emulation and awards for a year.
type AwardReport struct {
	Year      int             `json:"year"`
	Targets   *AwardTargets   `json:"targets"`
	Schools   []SchoolAwards  `json:"schools"`
	Scores    []ScoreTotal    `json:"scores"`
	Proposals []AwardProposal `json:"proposals"`
}

// AwardFigures computes, for each school (or the one given) and the year,
// the figures the targets of the Học viện name (Công văn 3552-CV/HVCTQG,
// 1.2), each against the year's targets:
//
//   - lao_dong_tien_tien: individuals with Lao động tiên tiến over the staff
//     (StaffCountRecorded.staff);
//   - cstd_co_so: individuals with Chiến sĩ thi đua cơ sở over those with Lao
//     động tiên tiến, within [min, max] of the targets;
//   - cstd_cap_15: the same share against the legal cap of 15%, checked
//     whatever the targets say (and failed if there are CSTĐCS but no LĐTT);
//   - ttldxs: collectives with Tập thể lao động xuất sắc, a count against
//     ttldxs_min (denominator: the school's units, for reference); a school
//     whose staff count of the year is not recorded is not failed on it;
//   - commended: individuals and collectives with a form of commendation
//     (events.CommendationTitles) over staff + units. The target counts
//     "tập thể, cá nhân" together, so the denominator is the population
//     that can be commended: every staff member plus every unit (khoa,
//     phòng, đoàn thể) of StaffCountRecorded. Party organisations are left
//     out: they are rated, not commended, and overlap the units;
//   - party_htt, party_htxs: party organisations rated HTTNV or better, and
//     HTXSNV, over StaffCountRecorded.party_orgs (an organisation not rated
//     yet counts as not meeting it); both shares are of all organisations;
//   - units_htt: units rated HTTNV or better over StaffCountRecorded.units;
//     the letter says "trên 90%", so this target is met only strictly above.
//
// A person or collective is counted once per title, however many awards
// name them (recipients are compared by name within the school); revoked
// titles do not count. The targets of a school are those its cluster set
// for the year, else the latest set by any cluster for the year.
func AwardFigures(ctx context.Context, q Querier, year int, school string) (AwardReport, error) {
	rep := AwardReport{Year: year, Schools: []SchoolAwards{}, Scores: []ScoreTotal{}, Proposals: []AwardProposal{}}
	targets, latest, err := yearTargets(ctx, q, year)
	if err != nil {
		return rep, err
	}
	schools, err := awardSchools(ctx, q, school)
	if err != nil {
		return rep, err
	}
	rep.Targets = latest
	if school != "" && len(schools) == 1 {
		rep.Targets = targetsFor(targets, latest, schools[0].ClusterID, year)
	}

	staff := map[string][3]int64{}
	if err := eachRow(ctx, q, `SELECT school_id, staff, units, party_orgs FROM proj_staff_counts WHERE year = ?`,
		[]any{year}, func(scan func(...any) error) error {
			var id string
			var s [3]int64
			if err := scan(&id, &s[0], &s[1], &s[2]); err != nil {
				return err
			}
			staff[id] = s
			return nil
		}); err != nil {
		return rep, err
	}
	// titles[school][kind+"/"+title] = distinct recipients
	titles := map[string]map[string]int64{}
	commended := map[string]int64{}
	in := "'" + strings.Join(events.CommendationTitles, "','") + "'"
	if err := eachRow(ctx, q, `SELECT school_id, recipient_kind, title, COUNT(DISTINCT recipient) FROM proj_titles
		WHERE year = ? AND revoked = 0 GROUP BY school_id, recipient_kind, title`, []any{year},
		func(scan func(...any) error) error {
			var id, kind, title string
			var n int64
			if err := scan(&id, &kind, &title, &n); err != nil {
				return err
			}
			if titles[id] == nil {
				titles[id] = map[string]int64{}
			}
			titles[id][kind+"/"+title] = n
			return nil
		}); err != nil {
		return rep, err
	}
	if err := eachRow(ctx, q, `SELECT school_id, COUNT(DISTINCT recipient_kind || '/' || recipient) FROM proj_titles
		WHERE year = ? AND revoked = 0 AND title IN (`+in+`) GROUP BY school_id`, []any{year},
		func(scan func(...any) error) error {
			var id string
			var n int64
			if err := scan(&id, &n); err != nil {
				return err
			}
			commended[id] = n
			return nil
		}); err != nil {
		return rep, err
	}
	party, err := ratingCounts(ctx, q, "proj_party_ratings", year)
	if err != nil {
		return rep, err
	}
	units, err := ratingCounts(ctx, q, "proj_unit_ratings", year)
	if err != nil {
		return rep, err
	}

	for _, s := range schools {
		sc := staff[s.SchoolID]
		t := targetsFor(targets, latest, s.ClusterID, year)
		tt := titles[s.SchoolID]
		ldtt := tt[events.RecipientIndividual+"/"+events.TitleLaoDongTienTien]
		cstd := tt[events.RecipientIndividual+"/"+events.TitleChienSiThiDuaCoSo]
		ttldxs := tt[events.RecipientCollective+"/"+events.TitleTapTheLaoDongXuatSac]
		pr, ur := party[s.SchoolID], units[s.SchoolID]
		row := SchoolAwards{SchoolID: s.SchoolID, Name: s.Name, Staff: sc[0], Units: sc[1], PartyOrgs: sc[2]}

		c := awardShare(CheckLaoDongTienTien, "Cá nhân đạt danh hiệu Lao động tiên tiến / tổng số CB, VC, NLĐ", ldtt, sc[0])
		if t != nil {
			c.atLeast(t.LaoDongTienTienMinPct, false)
		}
		row.Checks = append(row.Checks, c)

		c = awardShare(CheckCSTDCoSo, "Cá nhân đạt Chiến sĩ thi đua cơ sở / số đạt Lao động tiên tiến", cstd, ldtt)
		if t != nil {
			c.between(t.CSTDCoSoMinPct, t.CSTDCoSoMaxPct)
		}
		row.Checks = append(row.Checks, c)

		c = awardShare(CheckCSTDCap15, "Chiến sĩ thi đua cơ sở không quá 15% số Lao động tiên tiến (quy định)", cstd, ldtt)
		c.TargetMax = awPtr(float64(events.LegalCSTDCapPct))
		switch {
		case c.Value != nil:
			c.Pass = awPtr(*c.Value <= events.LegalCSTDCapPct+awardEps)
		case cstd > 0:
			c.Pass = awPtr(false)
		}
		row.Checks = append(row.Checks, c)

		c = AwardCheck{Key: CheckTTLDXS, Name: "Đơn vị trực thuộc đạt Tập thể lao động xuất sắc", Unit: "đơn vị",
			Value: awPtr(float64(ttldxs)), Numerator: ttldxs, Denominator: sc[1]}
		if t != nil {
			c.atLeast(float64(t.TTLDXSMin), false)
			if _, counted := staff[s.SchoolID]; !counted && !*c.Pass {
				c.Pass = nil // the school's year is not recorded yet: not a failure
			}
		}
		row.Checks = append(row.Checks, c)

		c = awardShare(CheckCommended, "Tập thể, cá nhân được khen thưởng các cấp / (CB, VC, NLĐ + đơn vị)",
			commended[s.SchoolID], sc[0]+sc[1])
		if t != nil {
			c.atLeast(t.CommendedMinPct, false)
		}
		row.Checks = append(row.Checks, c)

		c = awardShare(CheckPartyHTT, "Tổ chức đảng Hoàn thành tốt nhiệm vụ trở lên", pr[0]+pr[1], sc[2])
		if t != nil {
			c.atLeast(t.PartyHTTMinPct, false)
		}
		row.Checks = append(row.Checks, c)

		c = awardShare(CheckPartyHTXS, "Tổ chức đảng Hoàn thành xuất sắc nhiệm vụ", pr[0], sc[2])
		if t != nil {
			c.atLeast(t.PartyHTXSMinPct, false)
		}
		row.Checks = append(row.Checks, c)

		c = awardShare(CheckUnitsHTT, "Tổ chức chuyên môn, đơn vị, đoàn thể Hoàn thành tốt nhiệm vụ trở lên", ur[0]+ur[1], sc[1])
		if t != nil {
			c.atLeast(t.UnitsHTTMinPct, true)
		}
		row.Checks = append(row.Checks, c)

		for _, c := range row.Checks {
			if c.Pass != nil && *c.Pass {
				row.Passed++
			} else if c.Pass != nil {
				row.Failed++
			}
		}
		rep.Schools = append(rep.Schools, row)
	}

	if rep.Scores, err = scoreTotals(ctx, q, year, school); err != nil {
		return rep, err
	}
	rep.Proposals, err = awardProposals(ctx, q, year, school)
	return rep, err
}

// awardEps absorbs the rounding of n·100/d against a target.
const awardEps = 1e-9

func awPtr[T any](v T) *T { return &v }

func awardShare(key, name string, n, d int64) AwardCheck {
	return AwardCheck{Key: key, Name: name, Unit: "%", Numerator: n, Denominator: d, Value: pct(n, d)}
}

// atLeast sets the target min (strictly above it if strict) and the verdict.
func (c *AwardCheck) atLeast(min float64, strict bool) {
	c.TargetMin = awPtr(min)
	if c.Value == nil {
		return
	}
	if strict {
		c.Pass = awPtr(*c.Value > min+awardEps)
	} else {
		c.Pass = awPtr(*c.Value >= min-awardEps)
	}
}

func (c *AwardCheck) between(min, max float64) {
	c.TargetMin, c.TargetMax = awPtr(min), awPtr(max)
	if c.Value != nil {
		c.Pass = awPtr(*c.Value >= min-awardEps && *c.Value <= max+awardEps)
	}
}

// yearTargets reads every target set for the year, by stream, and the latest.
func yearTargets(ctx context.Context, q Querier, year int) (map[string]*AwardTargets, *AwardTargets, error) {
	out := map[string]*AwardTargets{}
	var latest *AwardTargets
	err := eachRow(ctx, q, `SELECT stream, issuer, ldtt_min, cstd_min, cstd_max, ttldxs_min, commended_min,
		party_htt_min, party_htxs_min, units_htt_min FROM proj_emulation_targets WHERE year = ? ORDER BY seq`,
		[]any{year}, func(scan func(...any) error) error {
			t := &AwardTargets{}
			if err := scan(&t.Stream, &t.Issuer, &t.LaoDongTienTienMinPct, &t.CSTDCoSoMinPct, &t.CSTDCoSoMaxPct,
				&t.TTLDXSMin, &t.CommendedMinPct, &t.PartyHTTMinPct, &t.PartyHTXSMinPct, &t.UnitsHTTMinPct); err != nil {
				return err
			}
			out[t.Stream] = t
			latest = t
			return nil
		})
	return out, latest, err
}

func targetsFor(all map[string]*AwardTargets, latest *AwardTargets, cluster string, year int) *AwardTargets {
	if t, ok := all["cluster-"+cluster+"-"+strconv.Itoa(year)]; ok {
		return t
	}
	return latest
}

// awardSchools lists the schools by name, or the one given.
func awardSchools(ctx context.Context, q Querier, school string) ([]School, error) {
	all, err := Schools(ctx, q)
	if err != nil || school == "" {
		return all, err
	}
	for _, s := range all {
		if s.SchoolID == school {
			return []School{s}, nil
		}
	}
	return []School{}, nil
}

// ratingCounts counts, per school, the ratings HTXSNV and HTTNV of the year.
func ratingCounts(ctx context.Context, q Querier, table string, year int) (map[string][2]int64, error) {
	out := map[string][2]int64{}
	err := eachRow(ctx, q, `SELECT school_id, SUM(rating = 'HTXSNV'), SUM(rating = 'HTTNV') FROM `+table+`
		WHERE year = ? GROUP BY school_id`, []any{year}, func(scan func(...any) error) error {
		var id string
		var c [2]int64
		if err := scan(&id, &c[0], &c[1]); err != nil {
			return err
		}
		out[id] = c
		return nil
	})
	return out, err
}

func scoreTotals(ctx context.Context, q Querier, year int, school string) ([]ScoreTotal, error) {
	byID := map[string]*ScoreTotal{}
	out := []ScoreTotal{}
	var order []string
	err := eachRow(ctx, q, `SELECT sc.school_id, COALESCE(s.name, sc.school_id), sc.scored_by, SUM(sc.points)
		FROM proj_scores sc LEFT JOIN proj_schools s ON s.school_id = sc.school_id
		WHERE sc.year = ? AND (? = '' OR sc.school_id = ?)
		GROUP BY sc.school_id, sc.scored_by ORDER BY 2, 1`, []any{year, school, school},
		func(scan func(...any) error) error {
			var id, name, by string
			var total float64
			if err := scan(&id, &name, &by, &total); err != nil {
				return err
			}
			t, ok := byID[id]
			if !ok {
				t = &ScoreTotal{SchoolID: id, Name: name}
				byID[id] = t
				order = append(order, id)
			}
			switch by {
			case "self":
				t.Self = awPtr(total)
			case "cluster":
				t.Cluster = awPtr(total)
			case "inspection":
				t.Inspection = awPtr(total)
			}
			return nil
		})
	for _, id := range order {
		out = append(out, *byID[id])
	}
	return out, err
}

func awardProposals(ctx context.Context, q Querier, year int, school string) ([]AwardProposal, error) {
	out := []AwardProposal{}
	err := eachRow(ctx, q, `SELECT p.cluster_id, p.school_id, COALESCE(s.name, p.school_id), p.award, p.rank, p.proposed_on
		FROM proj_award_proposals p LEFT JOIN proj_schools s ON s.school_id = p.school_id
		WHERE p.year = ? AND (? = '' OR p.school_id = ?) ORDER BY p.cluster_id, p.rank, 3`,
		[]any{year, school, school}, func(scan func(...any) error) error {
			var p AwardProposal
			if err := scan(&p.ClusterID, &p.SchoolID, &p.Name, &p.Award, &p.Rank, &p.ProposedOn); err != nil {
				return err
			}
			out = append(out, p)
			return nil
		})
	return out, err
}

// TitleInfo is one title awarded, as the list of titles shows it.
type TitleInfo struct {
	AwardID       string `json:"award_id"`
	Year          int    `json:"year"`
	SchoolID      string `json:"school_id"`
	SchoolName    string `json:"school_name"`
	RecipientKind string `json:"recipient_kind"`
	Recipient     string `json:"recipient"`
	Title         string `json:"title"`
	TitleName     string `json:"title_name"`
	DecisionNo    string `json:"decision_no"`
	DecisionDate  string `json:"decision_date"`
	Issuer        string `json:"issuer"`
	Revoked       bool   `json:"revoked"`
	RevokedOn     string `json:"revoked_on"`
	RevokeReason  string `json:"revoke_reason"`
}

// Titles lists the titles of a year for a school (all when school is ""),
// revoked ones included and flagged, by school, title and recipient.
func Titles(ctx context.Context, q Querier, year int, school string) ([]TitleInfo, error) {
	out := []TitleInfo{}
	err := eachRow(ctx, q, `SELECT t.award_id, t.year, t.school_id, COALESCE(s.name, t.school_id), t.recipient_kind,
		t.recipient, t.title, t.decision_no, t.decision_date, t.issuer, t.revoked, COALESCE(t.revoked_on, ''),
		COALESCE(t.revoke_reason, '')
		FROM proj_titles t LEFT JOIN proj_schools s ON s.school_id = t.school_id
		WHERE t.year = ? AND (? = '' OR t.school_id = ?) ORDER BY 4, t.title, t.recipient, t.award_id`,
		[]any{year, school, school}, func(scan func(...any) error) error {
			var t TitleInfo
			if err := scan(&t.AwardID, &t.Year, &t.SchoolID, &t.SchoolName, &t.RecipientKind, &t.Recipient, &t.Title,
				&t.DecisionNo, &t.DecisionDate, &t.Issuer, &t.Revoked, &t.RevokedOn, &t.RevokeReason); err != nil {
				return err
			}
			t.TitleName = TitleNames[t.Title]
			out = append(out, t)
			return nil
		})
	return out, err
}

// ScoreCriterion is a line of the scoring form (Mẫu 5.1 / 5.2).
type ScoreCriterion struct {
	CriterionID string  `json:"criterion_id"`
	Form        string  `json:"form"`
	Title       string  `json:"title"`
	MaxPoints   float64 `json:"max_points"`
}

// ScoreCell is a school's points on one criterion, by who scored; Points
// is the one that counts: the inspection's, else the cluster's, else the
// school's own.
type ScoreCell struct {
	CriterionID string   `json:"criterion_id"`
	Self        *float64 `json:"self"`
	Cluster     *float64 `json:"cluster"`
	Inspection  *float64 `json:"inspection"`
	Points      *float64 `json:"points"`
}

// ScoreRow is a school's line of the score table. Rank is 1 for the
// highest total, equal totals share a rank; 0 when nothing is scored.
type ScoreRow struct {
	SchoolID string      `json:"school_id"`
	Name     string      `json:"name"`
	Cells    []ScoreCell `json:"cells"`
	Total    float64     `json:"total"`
	Scored   int         `json:"scored"`
	Rank     int         `json:"rank"`
}

// ScoreTable is the bảng tổng hợp điểm of a year: the criteria in the
// order they were defined, and every school's points, total and rank.
type ScoreTable struct {
	Year     int              `json:"year"`
	Criteria []ScoreCriterion `json:"criteria"`
	MaxTotal float64          `json:"max_total"`
	Schools  []ScoreRow       `json:"schools"`
}

// Scores builds the score table of a year for every school of the ledger.
// A criterion defined by several clusters for the year is listed once,
// with its latest definition.
func Scores(ctx context.Context, q Querier, year int) (ScoreTable, error) {
	tab := ScoreTable{Year: year, Criteria: []ScoreCriterion{}, Schools: []ScoreRow{}}
	index := map[string]int{}
	err := eachRow(ctx, q, `SELECT criterion_id, form, title, max_points FROM proj_scoring_criteria c
		WHERE year = ? AND seq = (SELECT MAX(seq) FROM proj_scoring_criteria d WHERE d.year = c.year
			AND d.criterion_id = c.criterion_id)
		ORDER BY (SELECT MIN(seq) FROM proj_scoring_criteria d WHERE d.year = c.year AND d.criterion_id = c.criterion_id)`,
		[]any{year}, func(scan func(...any) error) error {
			var c ScoreCriterion
			if err := scan(&c.CriterionID, &c.Form, &c.Title, &c.MaxPoints); err != nil {
				return err
			}
			index[c.CriterionID] = len(tab.Criteria)
			tab.Criteria = append(tab.Criteria, c)
			tab.MaxTotal += c.MaxPoints
			return nil
		})
	if err != nil {
		return tab, err
	}
	schools, err := Schools(ctx, q)
	if err != nil {
		return tab, err
	}
	rows := map[string]*ScoreRow{}
	for _, s := range schools {
		r := &ScoreRow{SchoolID: s.SchoolID, Name: s.Name, Cells: make([]ScoreCell, len(tab.Criteria))}
		for i, c := range tab.Criteria {
			r.Cells[i].CriterionID = c.CriterionID
		}
		rows[s.SchoolID] = r
	}
	err = eachRow(ctx, q, `SELECT school_id, criterion_id, scored_by, points FROM proj_scores WHERE year = ?`,
		[]any{year}, func(scan func(...any) error) error {
			var id, crit, by string
			var points float64
			if err := scan(&id, &crit, &by, &points); err != nil {
				return err
			}
			r, ok := rows[id]
			i, known := index[crit]
			if !ok || !known {
				return nil
			}
			switch by {
			case "self":
				r.Cells[i].Self = awPtr(points)
			case "cluster":
				r.Cells[i].Cluster = awPtr(points)
			case "inspection":
				r.Cells[i].Inspection = awPtr(points)
			}
			return nil
		})
	if err != nil {
		return tab, err
	}
	for _, s := range schools {
		r := rows[s.SchoolID]
		for i := range r.Cells {
			c := &r.Cells[i]
			for _, p := range []*float64{c.Inspection, c.Cluster, c.Self} {
				if p != nil {
					c.Points = awPtr(*p)
					break
				}
			}
			if c.Points != nil {
				r.Total += *c.Points
				r.Scored++
			}
		}
		tab.Schools = append(tab.Schools, *r)
	}
	sort.SliceStable(tab.Schools, func(i, j int) bool {
		a, b := tab.Schools[i], tab.Schools[j]
		if (a.Scored > 0) != (b.Scored > 0) {
			return a.Scored > 0
		}
		return a.Total > b.Total
	})
	for i := range tab.Schools {
		r := &tab.Schools[i]
		switch {
		case r.Scored == 0:
		case i > 0 && tab.Schools[i-1].Scored > 0 && math.Abs(tab.Schools[i-1].Total-r.Total) < awardEps:
			r.Rank = tab.Schools[i-1].Rank
		default:
			r.Rank = i + 1
		}
	}
	return tab, nil
}

// Movement is an emulation movement launched for a year.
type Movement struct {
	MovementID string `json:"movement_id"`
	Year       int    `json:"year"`
	Level      string `json:"level"`
	Theme      string `json:"theme"`
}

// Movements lists the movements of a year.
func Movements(ctx context.Context, q Querier, year int) ([]Movement, error) {
	out := []Movement{}
	err := eachRow(ctx, q, `SELECT movement_id, year, level, theme FROM proj_emulation_movements
		WHERE year = ? ORDER BY movement_id`, []any{year}, func(scan func(...any) error) error {
		var m Movement
		if err := scan(&m.MovementID, &m.Year, &m.Level, &m.Theme); err != nil {
			return err
		}
		out = append(out, m)
		return nil
	})
	return out, err
}

// Registration is a school's đăng ký thi đua for a movement.
type Registration struct {
	SchoolID     string   `json:"school_id"`
	Year         int      `json:"year"`
	MovementID   string   `json:"movement_id"`
	Titles       []string `json:"titles"`
	RegisteredOn string   `json:"registered_on"`
}

// Registrations lists the registrations of a year, of one school or all.
func Registrations(ctx context.Context, q Querier, year int, school string) ([]Registration, error) {
	out := []Registration{}
	err := eachRow(ctx, q, `SELECT school_id, year, movement_id, titles, registered_on FROM proj_emulation_registrations
		WHERE year = ? AND (? = '' OR school_id = ?) ORDER BY school_id, movement_id`, []any{year, school, school},
		func(scan func(...any) error) error {
			var r Registration
			var titles string
			if err := scan(&r.SchoolID, &r.Year, &r.MovementID, &titles, &r.RegisteredOn); err != nil {
				return err
			}
			if err := json.Unmarshal([]byte(titles), &r.Titles); err != nil || r.Titles == nil {
				r.Titles = []string{}
			}
			out = append(out, r)
			return nil
		})
	return out, err
}
