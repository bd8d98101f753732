package events

// Staff training (đào tạo, bồi dưỡng viên chức): who went to study what, and how it ended.

// Programs of staff training.
const (
	ProgramCaoHoc          = "cao_hoc"
	ProgramVanBang2        = "van_bang_2"
	ProgramTCLLCT          = "tc_llct"
	ProgramCCLLCT          = "cc_llct"
	ProgramHoanChinhCCLLCT = "hoan_chinh_cc_llct"
	ProgramBDChuyenMon     = "bd_chuyen_mon"
	ProgramNghienCuuSinh   = "nghien_cuu_sinh"
)

// Programs lists the programs in the order the reports give them.
var Programs = []string{ProgramCaoHoc, ProgramVanBang2, ProgramTCLLCT, ProgramCCLLCT,
	ProgramHoanChinhCCLLCT, ProgramBDChuyenMon, ProgramNghienCuuSinh}

type StaffMemberRecorded struct {
	StaffID  string `json:"staff_id"`
	SchoolID string `json:"school_id"`
	FullName string `json:"full_name"`
	Unit     string `json:"unit"`
	Position string `json:"position"`
}

func (e StaffMemberRecorded) Check() error {
	return firstErr(required("staff_id", e.StaffID), required("school_id", e.SchoolID), required("full_name", e.FullName))
}

type StaffTrainingStarted struct {
	EnrollmentID string `json:"enrollment_id"`
	StaffID      string `json:"staff_id"`
	SchoolID     string `json:"school_id"`
	Program      string `json:"program"`
	Institution  string `json:"institution"`
	StartDate    Date   `json:"start_date"`
	ExpectedEnd  Date   `json:"expected_end"`
}

func (e StaffTrainingStarted) Check() error {
	return firstErr(required("enrollment_id", e.EnrollmentID), required("staff_id", e.StaffID),
		required("school_id", e.SchoolID), oneOf("program", e.Program, Programs...),
		validDate("start_date", e.StartDate), optionalDate("expected_end", e.ExpectedEnd),
		notBefore("expected_end", e.ExpectedEnd, e.StartDate, "ngày bắt đầu học"))
}

type StaffTrainingCompleted struct {
	EnrollmentID string `json:"enrollment_id"`
	EndDate      Date   `json:"end_date"`
	Result       string `json:"result"`
}

func (e StaffTrainingCompleted) Check() error {
	return firstErr(required("enrollment_id", e.EnrollmentID), validDate("end_date", e.EndDate))
}

// StaffTrainingWithdrawn ends an enrollment early; its occurred_on is the date.
type StaffTrainingWithdrawn struct {
	EnrollmentID string `json:"enrollment_id"`
	Reason       string `json:"reason"`
}

func (e StaffTrainingWithdrawn) Check() error {
	return firstErr(required("enrollment_id", e.EnrollmentID), required("reason", e.Reason))
}

type StaffTrainingPlanned struct {
	SchoolID string `json:"school_id"`
	Program  string `json:"program"`
	Count    int64  `json:"count"`
	Period   string `json:"period"`
}

func (e StaffTrainingPlanned) Check() error {
	return firstErr(required("school_id", e.SchoolID), oneOf("program", e.Program, Programs...),
		nonNegative("count", e.Count), required("period", e.Period))
}
