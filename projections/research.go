package projections

import (
	"database/sql"

	"socai/events"
)

// Research holds the research topics (đề tài, đề án, sáng kiến), the
// workshops (hội thảo), the issues of the schools' bulletins (bản tin
// Thông tin lý luận & thực tiễn) and their websites.
type Research struct{}

func (Research) Name() string { return "research" }
func (Research) Version() int { return 1 }
func (Research) Tables() []string {
	return []string{"proj_topics", "proj_workshops", "proj_bulletins", "proj_websites"}
}

// Topic statuses.
const (
	TopicOngoing   = "ongoing"
	TopicAccepted  = "accepted"
	TopicCancelled = "cancelled"
)

func (Research) Create(tx *sql.Tx) error {
	_, err := tx.Exec(`
	CREATE TABLE IF NOT EXISTS proj_topics (
		topic_id TEXT PRIMARY KEY, stream TEXT NOT NULL, school_id TEXT NOT NULL, level TEXT NOT NULL,
		kind TEXT NOT NULL, title TEXT NOT NULL, lead TEXT NOT NULL, start_date TEXT NOT NULL,
		status TEXT NOT NULL, accepted_on TEXT, grade TEXT NOT NULL DEFAULT '', cancelled_on TEXT,
		cancel_reason TEXT NOT NULL DEFAULT '');
	CREATE INDEX IF NOT EXISTS proj_topics_school ON proj_topics (school_id, start_date);
	CREATE TABLE IF NOT EXISTS proj_workshops (
		workshop_id TEXT PRIMARY KEY, stream TEXT NOT NULL, school_id TEXT NOT NULL, level TEXT NOT NULL,
		title TEXT NOT NULL, date TEXT NOT NULL, papers INTEGER NOT NULL);
	CREATE INDEX IF NOT EXISTS proj_workshops_school ON proj_workshops (school_id, date);
	CREATE TABLE IF NOT EXISTS proj_bulletins (
		school_id TEXT NOT NULL, year INTEGER NOT NULL, issue_no TEXT NOT NULL, stream TEXT NOT NULL,
		date TEXT NOT NULL, articles INTEGER NOT NULL, PRIMARY KEY (school_id, year, issue_no));
	CREATE TABLE IF NOT EXISTS proj_websites (
		school_id TEXT PRIMARY KEY, stream TEXT NOT NULL, url TEXT NOT NULL, registered_on TEXT NOT NULL);`)
	return err
}

func (Research) Apply(tx *sql.Tx, r events.Record) error {
	switch r.Type {
	case "ResearchTopicRegistered":
		var e events.ResearchTopicRegistered
		return decodeExec(tx, r, &e, func() (string, []any) {
			return `INSERT OR REPLACE INTO proj_topics (topic_id, stream, school_id, level, kind, title, lead,
				start_date, status) VALUES (?,?,?,?,?,?,?,?,?)`,
				[]any{e.TopicID, r.Stream, e.SchoolID, e.Level, e.Kind, e.Title, e.Lead, e.StartDate, TopicOngoing}
		})
	case "ResearchTopicAccepted":
		var e events.ResearchTopicAccepted
		return decodeExec(tx, r, &e, func() (string, []any) {
			return `UPDATE proj_topics SET status = ?, accepted_on = ?, grade = ? WHERE topic_id = ?`,
				[]any{TopicAccepted, e.Date, e.Grade, e.TopicID}
		})
	case "ResearchTopicCancelled":
		var e events.ResearchTopicCancelled
		return decodeExec(tx, r, &e, func() (string, []any) {
			return `UPDATE proj_topics SET status = ?, cancelled_on = ?, cancel_reason = ? WHERE topic_id = ?`,
				[]any{TopicCancelled, r.OccurredOn, e.Reason, e.TopicID}
		})
	case "WorkshopHeld":
		var e events.WorkshopHeld
		return decodeExec(tx, r, &e, func() (string, []any) {
			return `INSERT OR REPLACE INTO proj_workshops VALUES (?,?,?,?,?,?,?)`,
				[]any{e.WorkshopID, r.Stream, e.SchoolID, e.Level, e.Title, e.Date, e.Papers}
		})
	case "BulletinIssued":
		var e events.BulletinIssued
		return decodeExec(tx, r, &e, func() (string, []any) {
			return `INSERT OR REPLACE INTO proj_bulletins VALUES (?,?,?,?,?,?)`,
				[]any{e.SchoolID, dateYear(e.Date), e.IssueNo, r.Stream, e.Date, e.Articles}
		})
	case "WebsiteRegistered":
		var e events.WebsiteRegistered
		return decodeExec(tx, r, &e, func() (string, []any) {
			return `INSERT INTO proj_websites VALUES (?,?,?,?) ON CONFLICT (school_id) DO UPDATE SET
				url = excluded.url, registered_on = MIN(registered_on, excluded.registered_on)`,
				[]any{e.SchoolID, r.Stream, e.URL, r.OccurredOn}
		})
	}
	return nil
}

// dateYear is the year of a valid date, 0 otherwise.
func dateYear(d events.Date) int {
	t, err := d.Time()
	if err != nil {
		return 0
	}
	return t.Year()
}
