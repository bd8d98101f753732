package app

import (
	"encoding/json"
	"strings"

	"socai/events"
	"socai/projections"
)

// The Vietnamese words of a history, for the CLI and the JSON of
// HistoryService. The window has the same words in its locale
// (frontend/src/locales/vi.ts: eventTypes, audit.history.fields);
// TestLabelsMatchTheLocale keeps the two identical.

// EventTypeLabels name every event type as a user reads it.
var EventTypeLabels = map[string]string{
	"ClusterFormed":             "Thành lập cụm thi đua",
	"SchoolRegistered":          "Đăng ký trường",
	"ClusterRolesAssigned":      "Phân công Cụm trưởng, Cụm phó",
	"ClassTypeDefined":          "Khai báo loại lớp",
	"StaffCountRecorded":        "Ghi nhận số cán bộ, viên chức",
	"TrainingTargetAssigned":    "Giao chỉ tiêu mở lớp",
	"ClassPlanned":              "Dự kiến mở lớp",
	"ClassOpened":               "Khai giảng lớp",
	"ClassEnrollmentChanged":    "Thay đổi sĩ số lớp",
	"ClassModeChanged":          "Thay đổi hình thức học",
	"ClassCompleted":            "Kết thúc lớp",
	"ClassCancelled":            "Hủy lớp",
	"StaffMemberRecorded":       "Ghi nhận viên chức",
	"StaffTrainingStarted":      "Viên chức bắt đầu đi học",
	"StaffTrainingCompleted":    "Viên chức hoàn thành khóa học",
	"StaffTrainingWithdrawn":    "Viên chức thôi học",
	"StaffTrainingPlanned":      "Kế hoạch cử viên chức đi học",
	"ResearchTopicRegistered":   "Đăng ký đề tài, đề án",
	"ResearchTopicAccepted":     "Nghiệm thu đề tài, đề án",
	"ResearchTopicCancelled":    "Dừng đề tài, đề án",
	"WorkshopHeld":              "Tổ chức hội thảo khoa học",
	"BulletinIssued":            "Phát hành bản tin",
	"WebsiteRegistered":         "Đăng ký trang thông tin điện tử",
	"EmulationTargetsSet":       "Giao chỉ tiêu thi đua",
	"EmulationMovementLaunched": "Phát động phong trào thi đua",
	"EmulationRegistered":       "Đăng ký thi đua",
	"TitleAwarded":              "Tặng danh hiệu, khen thưởng",
	"TitleRevoked":              "Thu hồi danh hiệu, khen thưởng",
	"PartyOrgRated":             "Xếp loại tổ chức đảng",
	"UnitRated":                 "Xếp loại đơn vị",
	"ScoringCriterionDefined":   "Khai báo tiêu chí chấm điểm",
	"ScoreRecorded":             "Chấm điểm thi đua",
	"AwardProposed":             "Đề nghị khen thưởng",
	"DeadlineSet":               "Đặt thời hạn",
	"ReportSubmitted":           "Gửi báo cáo",
	"PeriodClosed":              "Chốt số liệu",
	"EventRetracted":            "Hủy bản ghi",
	"InspectionOpened":          "Mở đợt kiểm tra",
	"InspectionFindingRecorded": "Ghi nhận kết quả kiểm tra",
	"InspectionClosed":          "Kết thúc đợt kiểm tra",
	"InspectionFiguresEntered":  "Nhập số liệu báo cáo để đối chiếu",
	"KeyRegistered":             "Đăng ký khóa ký của bản cài đặt",
}

// FieldLabels name the fields of the payloads and of the derived state
// ("status"). A key "Type.field" names a field of one type where the plain
// word would mislead (the "lead" of a topic is its chủ nhiệm).
var FieldLabels = map[string]string{
	"status":                           "trạng thái",
	"applies_to":                       "áp dụng cho",
	"articles":                         "số tin, bài",
	"author":                           "đơn vị báo cáo",
	"award":                            "hình thức khen thưởng",
	"award_id":                         "mã khen thưởng",
	"class_id":                         "mã lớp",
	"class_type":                       "loại lớp",
	"classes":                          "số lớp",
	"cluster_id":                       "mã cụm",
	"commended_min_pct":                "tỷ lệ được khen thưởng tối thiểu (%)",
	"conclusion":                       "kết luận",
	"count":                            "số lượng",
	"criterion_id":                     "mã tiêu chí",
	"cstd_co_so_max_pct":               "tỷ lệ CSTĐ cơ sở tối đa (%)",
	"cstd_co_so_min_pct":               "tỷ lệ CSTĐ cơ sở tối thiểu (%)",
	"date":                             "ngày",
	"deadline_id":                      "mã thời hạn",
	"decision_date":                    "ngày quyết định",
	"decision_no":                      "số quyết định",
	"deputies":                         "Cụm phó",
	"digest":                           "mã xác thực",
	"doc_no":                           "số, ký hiệu văn bản",
	"due_date":                         "hạn nộp",
	"end_date":                         "ngày kết thúc",
	"enrollment_id":                    "mã lượt đi học",
	"event_id":                         "mã sự kiện",
	"expected_end":                     "dự kiến kết thúc",
	"figures":                          "số liệu",
	"fingerprint":                      "dấu vân tay khóa",
	"form":                             "mẫu",
	"full_name":                        "họ và tên",
	"grade":                            "xếp loại",
	"graduates":                        "số tốt nghiệp",
	"group":                            "nhóm",
	"hash":                             "mã băm",
	"heads":                            "đầu chuỗi",
	"inspected":                        "đơn vị được kiểm tra",
	"inspection_id":                    "mã đợt kiểm tra",
	"inspector":                        "đơn vị kiểm tra",
	"institution":                      "cơ sở đào tạo",
	"issue_no":                         "số bản tin",
	"issuer":                           "cơ quan ban hành",
	"kind":                             "loại",
	"lao_dong_tien_tien_min_pct":       "tỷ lệ Lao động tiên tiến tối thiểu (%)",
	"lead":                             "Cụm trưởng",
	"max_points":                       "điểm tối đa",
	"members":                          "thành viên",
	"mode":                             "hình thức học",
	"movement_id":                      "mã phong trào",
	"name":                             "tên",
	"note":                             "ghi chú",
	"org":                              "tổ chức đảng",
	"origin":                           "bản cài đặt",
	"origin_seq":                       "vị trí trong chuỗi",
	"papers":                           "số tham luận",
	"partner":                          "đơn vị liên kết",
	"party_htt_min_pct":                "tỷ lệ TCĐ HTTNV tối thiểu (%)",
	"party_htxs_min_pct":               "tỷ lệ TCĐ HTXSNV tối thiểu (%)",
	"party_orgs":                       "số tổ chức đảng",
	"period":                           "kỳ",
	"points":                           "điểm",
	"position":                         "chức vụ",
	"program":                          "chương trình",
	"province":                         "tỉnh",
	"public_key":                       "khóa công khai",
	"rank":                             "thứ hạng",
	"rating":                           "xếp loại",
	"reason":                           "lý do",
	"recipient":                        "người, đơn vị được khen",
	"recipient_kind":                   "cá nhân/tập thể",
	"region":                           "khu vực",
	"report_id":                        "mã báo cáo",
	"reported":                         "số liệu báo cáo",
	"result":                           "kết quả",
	"school_id":                        "mã trường",
	"scope":                            "phạm vi",
	"scored_by":                        "người chấm",
	"source":                           "nguồn số liệu",
	"staff":                            "số cán bộ, viên chức",
	"staff_id":                         "mã viên chức",
	"standing_deputy":                  "Cụm phó thường trực",
	"start_date":                       "ngày bắt đầu",
	"students":                         "sĩ số",
	"subject":                          "nội dung kiểm tra",
	"submitted_on":                     "ngày gửi",
	"targets":                          "chỉ tiêu",
	"theme":                            "chủ đề",
	"title":                            "danh hiệu",
	"titles":                           "danh hiệu đăng ký",
	"topic_id":                         "mã đề tài",
	"ttldxs_min":                       "số Tập thể LĐXS tối thiểu",
	"unit":                             "đơn vị",
	"units":                            "số đơn vị",
	"units_htt_min_pct":                "tỷ lệ đơn vị HTTNV tối thiểu (%)",
	"url":                              "địa chỉ",
	"verified":                         "số liệu kiểm tra",
	"workshop_id":                      "mã hội thảo",
	"year":                             "năm",
	"ClassOpened.start_date":           "ngày khai giảng",
	"ResearchTopicRegistered.lead":     "chủ nhiệm",
	"ResearchTopicRegistered.title":    "tên đề tài, đề án",
	"WorkshopHeld.title":               "tên hội thảo",
	"InspectionFindingRecorded.status": "kết quả đối chiếu",
}

// FieldLabel is the word for a field of an event type's payload; nested
// fields ("targets.ttldxs_min") are named by their last part.
func FieldLabel(typ, field string) string {
	if l, ok := FieldLabels[typ+"."+field]; ok {
		return l
	}
	if l, ok := FieldLabels[field]; ok {
		return l
	}
	if i := strings.LastIndexByte(field, '.'); i >= 0 {
		if l, ok := FieldLabels[field[i+1:]]; ok {
			return l
		}
	}
	return field
}

// EventTypeLabel is the word for an event type, or its name when it has none.
func EventTypeLabel(typ string) string {
	if l, ok := EventTypeLabels[typ]; ok {
		return l
	}
	return typ
}

// statusOf is the status an event gives its entity: the state's "status".
var statusOf = map[string]string{
	"ClassPlanned":            "dự kiến",
	"ClassOpened":             "đang học",
	"ClassCompleted":          "đã kết thúc",
	"ClassCancelled":          "đã hủy",
	"StaffTrainingStarted":    "đang học",
	"StaffTrainingCompleted":  "đã hoàn thành",
	"StaffTrainingWithdrawn":  "đã thôi học",
	"ResearchTopicRegistered": "đang triển khai",
	"ResearchTopicAccepted":   "đã nghiệm thu",
	"ResearchTopicCancelled":  "đã dừng",
	"TitleAwarded":            "đã khen thưởng",
	"TitleRevoked":            "đã thu hồi",
	"InspectionOpened":        "đang kiểm tra",
	"InspectionClosed":        "đã kết thúc",
}

// modeNames are the class modes as the forms write them.
var modeNames = map[string]string{
	events.ModeTapTrung:      "tập trung",
	events.ModeKhongTapTrung: "không tập trung",
	events.ModeTrucTuyen:     "trực tuyến",
}

// valueNames are the words for the coded values of some fields.
var valueNames = map[string]map[string]string{
	"mode":           modeNames,
	"program":        projections.ProgramNames,
	"title":          projections.TitleNames,
	"titles":         projections.TitleNames,
	"level":          projections.LevelNames,
	"kind":           projections.KindNames,
	"group":          {events.GroupDaoTao: "đào tạo", events.GroupBoiDuong: "bồi dưỡng", events.GroupLienKet: "liên kết"},
	"recipient_kind": {events.RecipientIndividual: "cá nhân", events.RecipientCollective: "tập thể"},
	"scored_by":      {"self": "trường tự chấm", "cluster": "Cụm chấm", "inspection": "đoàn kiểm tra chấm"},
}

// ValueText writes a state value for a terminal: numbers 16.182, dates
// dd/mm/yyyy, coded values in words, lists joined, nothing as "–".
func ValueText(field string, v any) string {
	if i := strings.LastIndexByte(field, '.'); i >= 0 {
		field = field[i+1:]
	}
	switch x := v.(type) {
	case nil:
		return "–"
	case json.Number:
		return numberText(x)
	case bool:
		if x {
			return "có"
		}
		return "không"
	case string:
		if d := events.Date(x); d.Valid() {
			return d.VN()
		}
		if name, ok := valueNames[field][x]; ok {
			return name
		}
		return x
	case []any:
		parts := make([]string, len(x))
		for i, e := range x {
			parts[i] = ValueText(field, e)
		}
		return strings.Join(parts, ", ")
	}
	b, _ := json.Marshal(v)
	return string(b)
}
