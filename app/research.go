package app

import (
	"context"
	"database/sql"
	"errors"

	"socai/events"
	"socai/projections"
)

// ResearchService records research topics, workshops, bulletin issues and
// websites, and answers the research figures.
type ResearchService struct{ app *App }

// topicState is what validation needs to know of a topic.
type topicState struct {
	status, start string
}

func (c *Check) topic(id string) (topicState, bool, error) {
	var st topicState
	err := c.Q().QueryRowContext(c.Ctx, `SELECT status, start_date FROM proj_topics WHERE topic_id = ?`, id).
		Scan(&st.status, &st.start)
	if errors.Is(err, sql.ErrNoRows) {
		return st, false, nil
	}
	return st, err == nil, err
}

// ongoingTopic requires a topic that is neither accepted nor cancelled.
func (c *Check) ongoingTopic(id string) (topicState, error) {
	st, ok, err := c.topic(id)
	if err != nil {
		return st, err
	}
	if !ok {
		return st, Fail(EUnknownTopic, "topic_id", "không có đề tài, đề án %q", id)
	}
	if st.status != projections.TopicOngoing {
		return st, Fail(EInvalidState, "topic_id", "đề tài, đề án %q %s: không thể thay đổi", id, topicStatusVN[st.status])
	}
	return st, nil
}

var topicStatusVN = map[string]string{
	projections.TopicOngoing:   "đang triển khai",
	projections.TopicAccepted:  "đã nghiệm thu",
	projections.TopicCancelled: "đã dừng",
}

// bulletinYear is the year of an issue date (checked before validators run).
func bulletinYear(d events.Date) int {
	t, _ := d.Time()
	return t.Year()
}

func init() {
	validate("ResearchTopicRegistered", func(c *Check, stream string, p events.Payload) error {
		e := p.(events.ResearchTopicRegistered)
		if err := firstErr(c.Stream(stream, "topic-"+e.TopicID), c.School("school_id", e.SchoolID)); err != nil {
			return err
		}
		if c.On != e.StartDate {
			return Fail(EDateOrder, "occurred_on", "ngày phát sinh của đề tài, đề án là ngày bắt đầu %s", e.StartDate)
		}
		if _, exists, err := c.topic(e.TopicID); err != nil {
			return err
		} else if exists {
			return Fail(EAlreadyExists, "topic_id", "đề tài, đề án %q đã được đăng ký", e.TopicID)
		}
		return nil
	})
	validate("ResearchTopicAccepted", func(c *Check, stream string, p events.Payload) error {
		e := p.(events.ResearchTopicAccepted)
		if err := c.Stream(stream, "topic-"+e.TopicID); err != nil {
			return err
		}
		st, err := c.ongoingTopic(e.TopicID)
		if err != nil {
			return err
		}
		if string(e.Date) < st.start {
			return Fail(EDateOrder, "date", "ngày nghiệm thu %s trước ngày bắt đầu %s", e.Date, st.start)
		}
		return nil
	})
	validate("ResearchTopicCancelled", func(c *Check, stream string, p events.Payload) error {
		e := p.(events.ResearchTopicCancelled)
		if err := c.Stream(stream, "topic-"+e.TopicID); err != nil {
			return err
		}
		st, err := c.ongoingTopic(e.TopicID)
		if err != nil {
			return err
		}
		if string(c.On) < st.start {
			return Fail(EDateOrder, "occurred_on", "ngày dừng %s trước ngày bắt đầu %s", c.On, st.start)
		}
		return nil
	})
	validate("WorkshopHeld", func(c *Check, stream string, p events.Payload) error {
		e := p.(events.WorkshopHeld)
		if err := firstErr(c.Stream(stream, "workshop-"+e.WorkshopID), c.School("school_id", e.SchoolID)); err != nil {
			return err
		}
		ok, err := c.Exists(`SELECT 1 FROM proj_workshops WHERE workshop_id = ?`, e.WorkshopID)
		if err != nil {
			return err
		}
		if ok {
			return Fail(EAlreadyExists, "workshop_id", "hội thảo %q đã được ghi nhận", e.WorkshopID)
		}
		return nil
	})
	validate("BulletinIssued", func(c *Check, stream string, p events.Payload) error {
		e := p.(events.BulletinIssued)
		year := bulletinYear(e.Date)
		if err := firstErr(c.Stream(stream, yearStream("school-"+e.SchoolID, year)), c.School("school_id", e.SchoolID)); err != nil {
			return err
		}
		ok, err := c.Exists(`SELECT 1 FROM proj_bulletins WHERE school_id = ? AND year = ? AND issue_no = ?`,
			e.SchoolID, year, e.IssueNo)
		if err != nil {
			return err
		}
		if ok {
			return Fail(EAlreadyExists, "issue_no", "bản tin số %s năm %d của trường %s đã được ghi nhận", e.IssueNo, year, e.SchoolID)
		}
		return nil
	})
	validate("WebsiteRegistered", func(c *Check, stream string, p events.Payload) error {
		e := p.(events.WebsiteRegistered)
		if err := firstErr(c.Stream(stream, "school-"+e.SchoolID), c.School("school_id", e.SchoolID)); err != nil {
			return err
		}
		ok, err := c.Exists(`SELECT 1 FROM proj_websites WHERE school_id = ? AND url = ?`, e.SchoolID, e.URL)
		if err != nil {
			return err
		}
		if ok {
			return Fail(EAlreadyExists, "url", "trường %s đã đăng ký trang thông tin điện tử %s", e.SchoolID, e.URL)
		}
		return nil
	})
}

// RegisterTopic records a research topic (đề tài, đề án, sáng kiến); its date is the start date.
func (s *ResearchService) RegisterTopic(in events.ResearchTopicRegistered, note Note) (Result, error) {
	in.TopicID = newID(in.TopicID)
	return s.app.record(context.Background(), "topic-"+in.TopicID, in.TopicID, in.StartDate, note, in)
}

// AcceptTopic records the nghiệm thu of a topic; its date is the acceptance date.
func (s *ResearchService) AcceptTopic(in events.ResearchTopicAccepted, note Note) (Result, error) {
	return s.app.record(context.Background(), "topic-"+in.TopicID, in.TopicID, in.Date, note, in)
}

// CancelTopic records that a topic stopped on date on.
func (s *ResearchService) CancelTopic(in events.ResearchTopicCancelled, on events.Date, note Note) (Result, error) {
	return s.app.record(context.Background(), "topic-"+in.TopicID, in.TopicID, on, note, in)
}

// HoldWorkshop records a workshop (hội thảo); its date is the day it was held.
func (s *ResearchService) HoldWorkshop(in events.WorkshopHeld, note Note) (Result, error) {
	in.WorkshopID = newID(in.WorkshopID)
	return s.app.record(context.Background(), "workshop-"+in.WorkshopID, in.WorkshopID, in.Date, note, in)
}

// IssueBulletin records an issue of a school's bulletin; it goes to the
// school's stream of the issue's year.
func (s *ResearchService) IssueBulletin(in events.BulletinIssued, note Note) (Result, error) {
	stream := "school-" + in.SchoolID
	if in.Date.Valid() {
		stream = yearStream(stream, bulletinYear(in.Date))
	}
	return s.app.record(context.Background(), stream, in.SchoolID, in.Date, note, in)
}

// RegisterWebsite records a school's website (trang thông tin điện tử) from date on.
func (s *ResearchService) RegisterWebsite(in events.WebsiteRegistered, on events.Date, note Note) (Result, error) {
	return s.app.record(context.Background(), "school-"+in.SchoolID, in.SchoolID, on, note, in)
}

// Figures returns the research figures of a period for a school, or the
// cluster when school is "".
func (s *ResearchService) Figures(period, school string) (projections.ResearchReport, error) {
	p, err := projections.ParsePeriod(period)
	if err != nil {
		return projections.ResearchReport{}, err
	}
	return projections.ResearchFigures(context.Background(), s.app.DB(), p, school)
}

// Topics lists the research topics of a school (all if ""), latest first.
func (s *ResearchService) Topics(school string) ([]projections.TopicInfo, error) {
	return projections.Topics(context.Background(), s.app.DB(), school)
}

// Workshops lists the workshops of a school (all if ""), latest first.
func (s *ResearchService) Workshops(school string) ([]projections.WorkshopInfo, error) {
	return projections.Workshops(context.Background(), s.app.DB(), school)
}

// Bulletins lists the bulletin issues of a school (all if ""), latest first.
func (s *ResearchService) Bulletins(school string) ([]projections.BulletinInfo, error) {
	return projections.Bulletins(context.Background(), s.app.DB(), school)
}

// Websites lists the schools with their website, if any.
func (s *ResearchService) Websites(school string) ([]projections.WebsiteInfo, error) {
	return projections.Websites(context.Background(), s.app.DB(), school)
}
