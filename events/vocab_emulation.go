package events

// Emulation and awards (thi đua, khen thưởng).

// Titles and forms of commendation. Individual and collective titles share
// one list; the recipient_kind says which.
const (
	TitleLaoDongTienTien       = "lao_dong_tien_tien"
	TitleChienSiThiDuaCoSo     = "chien_si_thi_dua_co_so"
	TitleChienSiThiDuaCapTinh  = "chien_si_thi_dua_cap_tinh"
	TitleTapTheLaoDongTienTien = "tap_the_lao_dong_tien_tien"
	TitleTapTheLaoDongXuatSac  = "tap_the_lao_dong_xuat_sac"
	TitleGiayKhen              = "giay_khen"
	TitleBangKhen              = "bang_khen"
	TitleCoThiDua              = "co_thi_dua"
	TitleHuanChuong            = "huan_chuong"
)

// Titles lists every title and form of commendation.
var Titles = []string{TitleLaoDongTienTien, TitleChienSiThiDuaCoSo, TitleChienSiThiDuaCapTinh,
	TitleTapTheLaoDongTienTien, TitleTapTheLaoDongXuatSac, TitleGiayKhen, TitleBangKhen, TitleCoThiDua, TitleHuanChuong}

// CommendationTitles are the "hình thức khen thưởng các cấp" counted in the commended share.
var CommendationTitles = []string{TitleGiayKhen, TitleBangKhen, TitleCoThiDua, TitleHuanChuong}

// Recipient kinds.
const (
	RecipientIndividual = "individual"
	RecipientCollective = "collective"
)

// Ratings of party organisations and units.
const (
	RatingHTXSNV = "HTXSNV"
	RatingHTTNV  = "HTTNV"
	RatingHTNV   = "HTNV"
	RatingKHTNV  = "KHTNV"
)

// Ratings is best first.
var Ratings = []string{RatingHTXSNV, RatingHTTNV, RatingHTNV, RatingKHTNV}

// EmulationTargets are the year's chỉ tiêu thi đua, in percent unless named _min.
type EmulationTargets struct {
	LaoDongTienTienMinPct float64 `json:"lao_dong_tien_tien_min_pct"`
	CSTDCoSoMinPct        float64 `json:"cstd_co_so_min_pct"`
	CSTDCoSoMaxPct        float64 `json:"cstd_co_so_max_pct"`
	TTLDXSMin             int64   `json:"ttldxs_min"`
	CommendedMinPct       float64 `json:"commended_min_pct"`
	PartyHTTMinPct        float64 `json:"party_htt_min_pct"`
	PartyHTXSMinPct       float64 `json:"party_htxs_min_pct"`
	UnitsHTTMinPct        float64 `json:"units_htt_min_pct"`
}

// LegalCSTDCapPct is the legal cap of Chiến sĩ thi đua cơ sở among Lao động tiên tiến.
const LegalCSTDCapPct = 15

type EmulationTargetsSet struct {
	Year    int              `json:"year"`
	Issuer  string           `json:"issuer"`
	Targets EmulationTargets `json:"targets"`
}

func (e EmulationTargetsSet) Check() error {
	t := e.Targets
	for _, p := range []struct {
		field string
		v     float64
	}{{"lao_dong_tien_tien_min_pct", t.LaoDongTienTienMinPct}, {"cstd_co_so_min_pct", t.CSTDCoSoMinPct},
		{"cstd_co_so_max_pct", t.CSTDCoSoMaxPct}, {"commended_min_pct", t.CommendedMinPct},
		{"party_htt_min_pct", t.PartyHTTMinPct}, {"party_htxs_min_pct", t.PartyHTXSMinPct},
		{"units_htt_min_pct", t.UnitsHTTMinPct}} {
		if p.v < 0 || p.v > 100 {
			return Errorf(EINVALID, "targets."+p.field, "tỉ lệ phải từ 0 đến 100 (nhận %v)", p.v)
		}
	}
	if t.CSTDCoSoMaxPct > LegalCSTDCapPct {
		return Errorf(EINVALID, "targets.cstd_co_so_max_pct", "vượt mức tối đa 15%% theo quy định (nhận %v)", t.CSTDCoSoMaxPct)
	}
	if t.CSTDCoSoMaxPct < t.CSTDCoSoMinPct {
		return Errorf(EINVALID, "targets.cstd_co_so_max_pct", "nhỏ hơn mức tối thiểu %v", t.CSTDCoSoMinPct)
	}
	return firstErr(validYear("year", e.Year), required("issuer", e.Issuer), nonNegative("targets.ttldxs_min", t.TTLDXSMin))
}

type EmulationMovementLaunched struct {
	MovementID string `json:"movement_id"`
	Year       int    `json:"year"`
	Level      string `json:"level"`
	Theme      string `json:"theme"`
}

func (e EmulationMovementLaunched) Check() error {
	return firstErr(required("movement_id", e.MovementID), validYear("year", e.Year), required("theme", e.Theme))
}

type EmulationRegistered struct {
	SchoolID   string   `json:"school_id"`
	Year       int      `json:"year"`
	MovementID string   `json:"movement_id"`
	Titles     []string `json:"titles"`
}

func (e EmulationRegistered) Check() error {
	for i, t := range e.Titles {
		if err := oneOf("titles["+Itoa(int64(i))+"]", t, Titles...); err != nil {
			return err
		}
	}
	return firstErr(required("school_id", e.SchoolID), validYear("year", e.Year), required("movement_id", e.MovementID))
}

type TitleAwarded struct {
	AwardID       string `json:"award_id"`
	Year          int    `json:"year"`
	SchoolID      string `json:"school_id"`
	RecipientKind string `json:"recipient_kind"`
	Recipient     string `json:"recipient"`
	Title         string `json:"title"`
	DecisionNo    string `json:"decision_no"`
	DecisionDate  Date   `json:"decision_date"`
	Issuer        string `json:"issuer"`
}

func (e TitleAwarded) Check() error {
	return firstErr(required("award_id", e.AwardID), validYear("year", e.Year), required("school_id", e.SchoolID),
		oneOf("recipient_kind", e.RecipientKind, RecipientIndividual, RecipientCollective),
		required("recipient", e.Recipient), oneOf("title", e.Title, Titles...),
		required("decision_no", e.DecisionNo), validDate("decision_date", e.DecisionDate))
}

type TitleRevoked struct {
	AwardID string `json:"award_id"`
	Reason  string `json:"reason"`
}

func (e TitleRevoked) Check() error {
	return firstErr(required("award_id", e.AwardID), required("reason", e.Reason))
}

type PartyOrgRated struct {
	SchoolID string `json:"school_id"`
	Year     int    `json:"year"`
	Org      string `json:"org"`
	Rating   string `json:"rating"`
}

func (e PartyOrgRated) Check() error {
	return firstErr(required("school_id", e.SchoolID), validYear("year", e.Year), required("org", e.Org),
		oneOf("rating", e.Rating, Ratings...))
}

// UnitRated rates a unit (khoa, phòng, đoàn thể) of a school; the targets
// count the share of units that "Hoàn thành tốt nhiệm vụ".
type UnitRated struct {
	SchoolID string `json:"school_id"`
	Year     int    `json:"year"`
	Unit     string `json:"unit"`
	Rating   string `json:"rating"`
}

func (e UnitRated) Check() error {
	return firstErr(required("school_id", e.SchoolID), validYear("year", e.Year), required("unit", e.Unit),
		oneOf("rating", e.Rating, Ratings...))
}

type ScoringCriterionDefined struct {
	Year        int     `json:"year"`
	Form        string  `json:"form"`
	CriterionID string  `json:"criterion_id"`
	Title       string  `json:"title"`
	MaxPoints   float64 `json:"max_points"`
}

func (e ScoringCriterionDefined) Check() error {
	if e.MaxPoints <= 0 {
		return Errorf(EINVALID, "max_points", "điểm tối đa phải lớn hơn 0")
	}
	return firstErr(validYear("year", e.Year), oneOf("form", e.Form, "5.1", "5.2"),
		required("criterion_id", e.CriterionID), required("title", e.Title))
}

type ScoreRecorded struct {
	SchoolID    string  `json:"school_id"`
	Year        int     `json:"year"`
	CriterionID string  `json:"criterion_id"`
	Points      float64 `json:"points"`
	ScoredBy    string  `json:"scored_by"`
}

func (e ScoreRecorded) Check() error {
	if e.Points < 0 {
		return Errorf(EINVALID, "points", "điểm không được âm")
	}
	return firstErr(required("school_id", e.SchoolID), validYear("year", e.Year),
		required("criterion_id", e.CriterionID), oneOf("scored_by", e.ScoredBy, "self", "cluster", "inspection"))
}

type AwardProposed struct {
	Year      int    `json:"year"`
	ClusterID string `json:"cluster_id"`
	SchoolID  string `json:"school_id"`
	Award     string `json:"award"`
	Rank      int    `json:"rank"`
}

func (e AwardProposed) Check() error {
	if e.Rank < 1 {
		return Errorf(EINVALID, "rank", "thứ hạng bắt đầu từ 1")
	}
	return firstErr(validYear("year", e.Year), required("cluster_id", e.ClusterID), required("school_id", e.SchoolID),
		required("award", e.Award))
}
