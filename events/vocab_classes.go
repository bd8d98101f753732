package events

// Class plans (kế hoạch mở lớp): targets, planned, opened, changed, completed, cancelled classes.

// Class modes.
const (
	ModeTapTrung      = "tap_trung"
	ModeKhongTapTrung = "khong_tap_trung"
	ModeTrucTuyen     = "truc_tuyen"
)

var classModes = []string{ModeTapTrung, ModeKhongTapTrung, ModeTrucTuyen}

// TrainingTargetAssigned is the year's chỉ tiêu of a school.
type TrainingTargetAssigned struct {
	SchoolID string `json:"school_id"`
	Year     int    `json:"year"`
	Classes  int64  `json:"classes"`
	Students int64  `json:"students"`
}

func (e TrainingTargetAssigned) Check() error {
	return firstErr(required("school_id", e.SchoolID), validYear("year", e.Year),
		nonNegative("classes", e.Classes), nonNegative("students", e.Students))
}

type ClassPlanned struct {
	ClassID   string `json:"class_id"`
	SchoolID  string `json:"school_id"`
	ClassType string `json:"class_type"`
	Students  int64  `json:"students"`
	Period    string `json:"period"`
}

func (e ClassPlanned) Check() error {
	return firstErr(required("class_id", e.ClassID), required("school_id", e.SchoolID),
		required("class_type", e.ClassType), nonNegative("students", e.Students), required("period", e.Period))
}

type ClassOpened struct {
	ClassID   string `json:"class_id"`
	SchoolID  string `json:"school_id"`
	ClassType string `json:"class_type"`
	Name      string `json:"name"`
	Students  int64  `json:"students"`
	StartDate Date   `json:"start_date"`
	EndDate   Date   `json:"end_date"`
	Mode      string `json:"mode"`
	Partner   string `json:"partner,omitempty"`
}

func (e ClassOpened) Check() error {
	return firstErr(required("class_id", e.ClassID), required("school_id", e.SchoolID),
		required("class_type", e.ClassType), required("name", e.Name), nonNegative("students", e.Students),
		validDate("start_date", e.StartDate), optionalDate("end_date", e.EndDate),
		notBefore("end_date", e.EndDate, e.StartDate, "ngày khai giảng"), oneOf("mode", e.Mode, classModes...))
}

type ClassEnrollmentChanged struct {
	ClassID  string `json:"class_id"`
	Students int64  `json:"students"`
}

func (e ClassEnrollmentChanged) Check() error {
	return firstErr(required("class_id", e.ClassID), nonNegative("students", e.Students))
}

type ClassModeChanged struct {
	ClassID string `json:"class_id"`
	Mode    string `json:"mode"`
	Reason  string `json:"reason"`
}

func (e ClassModeChanged) Check() error {
	return firstErr(required("class_id", e.ClassID), oneOf("mode", e.Mode, classModes...))
}

type ClassCompleted struct {
	ClassID   string `json:"class_id"`
	EndDate   Date   `json:"end_date"`
	Graduates int64  `json:"graduates"`
}

func (e ClassCompleted) Check() error {
	return firstErr(required("class_id", e.ClassID), validDate("end_date", e.EndDate), nonNegative("graduates", e.Graduates))
}

type ClassCancelled struct {
	ClassID string `json:"class_id"`
	Reason  string `json:"reason"`
}

func (e ClassCancelled) Check() error {
	return firstErr(required("class_id", e.ClassID), required("reason", e.Reason))
}
