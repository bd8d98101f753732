package events

import (
	"math"
	"regexp"
	"sort"
)

// Deadlines, reports and audit.

// Deadline kinds of the Học viện's yearly calendar.
const (
	DeadlineKeHoachThiDua = "ke_hoach_thi_dua" // 05/3
	DeadlineKeHoachCum    = "ke_hoach_cum"     // 15/3
	DeadlineSoKet         = "so_ket"           // 30/7
	DeadlineGuiHocVien    = "gui_hoc_vien"     // 10/8
	DeadlineTongKetTruong = "tong_ket_truong"  // 05/11
	DeadlineTongKetCum    = "tong_ket_cum"     // 10/11
	DeadlineHoSoKhen      = "ho_so_khen"       // 30/11
)

type DeadlineSet struct {
	DeadlineID string `json:"deadline_id"`
	Year       int    `json:"year"`
	Kind       string `json:"kind"`
	DueDate    Date   `json:"due_date"`
	AppliesTo  string `json:"applies_to"`
}

func (e DeadlineSet) Check() error {
	return firstErr(required("deadline_id", e.DeadlineID), validYear("year", e.Year), required("kind", e.Kind),
		validDate("due_date", e.DueDate), required("applies_to", e.AppliesTo))
}

// ReportSubmitted records a report that was sent, with the figures it
// stated (flat keys such as "classplans.executed.classes") and the digest
// of the data it was made from.
type ReportSubmitted struct {
	ReportID    string             `json:"report_id"`
	Author      string             `json:"author"`
	Kind        string             `json:"kind"`
	Period      string             `json:"period"`
	DocNo       string             `json:"doc_no"`
	SubmittedOn Date               `json:"submitted_on"`
	Figures     map[string]float64 `json:"figures"`
	Digest      string             `json:"digest"`
}

func (e ReportSubmitted) Check() error {
	return firstErr(required("report_id", e.ReportID), required("author", e.Author), required("kind", e.Kind),
		required("period", e.Period), validDate("submitted_on", e.SubmittedOn))
}

// ChainRef is the head of one origin's chain.
type ChainRef struct {
	Origin    string `json:"origin"`
	OriginSeq int64  `json:"origin_seq"`
	Hash      string `json:"hash"`
}

// PeriodClosed is the chốt số liệu: the chain heads at the close.
type PeriodClosed struct {
	Period string     `json:"period"`
	Scope  string     `json:"scope"`
	Heads  []ChainRef `json:"heads"`
}

func (e PeriodClosed) Check() error {
	return firstErr(required("period", e.Period), required("scope", e.Scope))
}

// EventRetracted withdraws an earlier event of the same stream; the right
// event, if any, follows it.
type EventRetracted struct {
	EventID string `json:"event_id"`
	Reason  string `json:"reason"`
}

func (e EventRetracted) Check() error {
	return firstErr(required("event_id", e.EventID), required("reason", e.Reason))
}

type InspectionOpened struct {
	InspectionID string   `json:"inspection_id"`
	Inspector    string   `json:"inspector"`
	Inspected    string   `json:"inspected"`
	Period       string   `json:"period"`
	Members      []string `json:"members"`
}

func (e InspectionOpened) Check() error {
	return firstErr(required("inspection_id", e.InspectionID), required("inspector", e.Inspector),
		required("inspected", e.Inspected), required("period", e.Period))
}

// Finding statuses.
const (
	FindingKhop           = "khop"
	FindingChenhLech      = "chenh_lech"
	FindingThieuMinhChung = "thieu_minh_chung"
)

type InspectionFindingRecorded struct {
	InspectionID string   `json:"inspection_id"`
	Subject      string   `json:"subject"`
	Reported     *float64 `json:"reported"`
	Verified     *float64 `json:"verified"`
	Status       string   `json:"status"`
	Note         string   `json:"note"`
}

func (e InspectionFindingRecorded) Check() error {
	return firstErr(required("inspection_id", e.InspectionID), required("subject", e.Subject),
		oneOf("status", e.Status, FindingKhop, FindingChenhLech, FindingThieuMinhChung))
}

// InspectionFiguresEntered states the figures the inspected party
// reported, under the flat keys of the ledger's figures: typed in by the
// inspector from a paper report, or taken from a ReportSubmitted (report_id,
// figures copied so that the inspection says what it compared). A later
// entry replaces an earlier one.
type InspectionFiguresEntered struct {
	InspectionID string             `json:"inspection_id"`
	ReportID     string             `json:"report_id"`
	Source       string             `json:"source"`
	Figures      map[string]float64 `json:"figures"`
}

// figureKey is a flat figure key: an area, then dot-separated parts
// ("classplans.type.tc-llct-hc.new.classes").
var figureKey = regexp.MustCompile(`^[a-z]+(\.[A-Za-z0-9_-]+)+$`)

func (e InspectionFiguresEntered) Check() error {
	if err := required("inspection_id", e.InspectionID); err != nil {
		return err
	}
	if len(e.Figures) == 0 {
		return Errorf(EINVALID, "figures", "chưa có số liệu nào để đối chiếu")
	}
	keys := make([]string, 0, len(e.Figures))
	for k := range e.Figures {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if !figureKey.MatchString(k) {
			return Errorf(EINVALID, "figures", "khóa số liệu %q không hợp lệ (dạng classplans.executed.classes)", k)
		}
		if v := e.Figures[k]; v < 0 || math.IsInf(v, 0) || math.IsNaN(v) {
			return Errorf(EINVALID, "figures", "số liệu %s không hợp lệ: %v", k, v)
		}
	}
	return nil
}

// InspectionClosed concludes an inspection. Heads are the chain heads of
// the ledger the inspection compared with at its close: its report is
// computed from the ledger as it stood there, whatever is recorded later.
type InspectionClosed struct {
	InspectionID string     `json:"inspection_id"`
	Conclusion   string     `json:"conclusion"`
	Heads        []ChainRef `json:"heads"`
}

func (e InspectionClosed) Check() error {
	return firstErr(required("inspection_id", e.InspectionID), required("conclusion", e.Conclusion))
}

// KeyRegistered publishes the installation key that signs bundles.
type KeyRegistered struct {
	Origin      string `json:"origin"`
	SchoolID    string `json:"school_id"`
	PublicKey   string `json:"public_key"`
	Fingerprint string `json:"fingerprint"`
}

func (e KeyRegistered) Check() error {
	return firstErr(required("origin", e.Origin), required("school_id", e.SchoolID),
		required("public_key", e.PublicKey), required("fingerprint", e.Fingerprint))
}
