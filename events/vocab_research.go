package events

// Research and publications (nghiên cứu khoa học, hội thảo, bản tin, website).

// Research levels and kinds.
const (
	LevelBoTinh    = "bo_tinh"
	LevelCoSo      = "co_so"
	LevelKhoaPhong = "khoa_phong"

	KindDeTai    = "de_tai"
	KindDeAn     = "de_an"
	KindSangKien = "sang_kien"
)

// ResearchLevels and ResearchKinds are in report order.
var (
	ResearchLevels = []string{LevelBoTinh, LevelCoSo, LevelKhoaPhong}
	ResearchKinds  = []string{KindDeTai, KindDeAn, KindSangKien}
)

type ResearchTopicRegistered struct {
	TopicID   string `json:"topic_id"`
	SchoolID  string `json:"school_id"`
	Level     string `json:"level"`
	Kind      string `json:"kind"`
	Title     string `json:"title"`
	Lead      string `json:"lead"`
	StartDate Date   `json:"start_date"`
}

func (e ResearchTopicRegistered) Check() error {
	return firstErr(required("topic_id", e.TopicID), required("school_id", e.SchoolID),
		oneOf("level", e.Level, ResearchLevels...), oneOf("kind", e.Kind, ResearchKinds...),
		required("title", e.Title), validDate("start_date", e.StartDate))
}

// ResearchTopicAccepted is the nghiệm thu of a topic.
type ResearchTopicAccepted struct {
	TopicID string `json:"topic_id"`
	Date    Date   `json:"date"`
	Grade   string `json:"grade"`
}

func (e ResearchTopicAccepted) Check() error {
	return firstErr(required("topic_id", e.TopicID), validDate("date", e.Date))
}

// ResearchTopicCancelled stops a topic; its occurred_on is the date.
type ResearchTopicCancelled struct {
	TopicID string `json:"topic_id"`
	Reason  string `json:"reason"`
}

func (e ResearchTopicCancelled) Check() error {
	return firstErr(required("topic_id", e.TopicID), required("reason", e.Reason))
}

// Workshop levels reuse the research levels, plus the cluster's own.
const LevelCum = "cum"

type WorkshopHeld struct {
	WorkshopID string `json:"workshop_id"`
	SchoolID   string `json:"school_id"`
	Level      string `json:"level"`
	Title      string `json:"title"`
	Date       Date   `json:"date"`
	Papers     int64  `json:"papers"`
}

func (e WorkshopHeld) Check() error {
	return firstErr(required("workshop_id", e.WorkshopID), required("school_id", e.SchoolID),
		oneOf("level", e.Level, LevelBoTinh, LevelCoSo, LevelKhoaPhong, LevelCum), required("title", e.Title),
		validDate("date", e.Date), nonNegative("papers", e.Papers))
}

type BulletinIssued struct {
	SchoolID string `json:"school_id"`
	IssueNo  string `json:"issue_no"`
	Date     Date   `json:"date"`
	Articles int64  `json:"articles"`
}

func (e BulletinIssued) Check() error {
	return firstErr(required("school_id", e.SchoolID), required("issue_no", e.IssueNo),
		validDate("date", e.Date), nonNegative("articles", e.Articles))
}

type WebsiteRegistered struct {
	SchoolID string `json:"school_id"`
	URL      string `json:"url"`
}

func (e WebsiteRegistered) Check() error {
	return firstErr(required("school_id", e.SchoolID), required("url", e.URL))
}
