package projections

import "database/sql"

// Research holds the research topics (đề tài, đề án, sáng kiến), the
// workshops (hội thảo), the issues of the schools' bulletins (bản tin
// Thông tin lý luận & thực tiễn) and their websites.
type Research struct{}

func (Research) Name() string { return "research" }
func (Research) Version() int { return 2 }
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

func (Research) Types() []string {
	return []string{"ResearchTopicRegistered", "ResearchTopicAccepted", "ResearchTopicCancelled", "WorkshopHeld",
		"BulletinIssued", "WebsiteRegistered"}
}

// Recompute: a topic is its last registration, accepted or cancelled by the
// last acceptance or cancellation after it (an acceptance sets the date and
// grade, a cancellation the date and reason). Workshops and bulletin issues
// are the last word of their keys; a website is the last of its school's
// and keeps the date it was first registered.
func (Research) Recompute() []string {
	return []string{
		`WITH k AS (SELECT e.stream,
				MAX(CASE WHEN e.type = 'ResearchTopicRegistered' THEN e.seq END) AS rg,
				MAX(CASE WHEN e.type = 'ResearchTopicAccepted' THEN e.seq END) AS ac,
				MAX(CASE WHEN e.type = 'ResearchTopicCancelled' THEN e.seq END) AS ca
			FROM events e
			WHERE e.type IN ('ResearchTopicRegistered', 'ResearchTopicAccepted', 'ResearchTopicCancelled')
				AND {{streams}} AND {{live}}
			GROUP BY e.stream)
		INSERT OR REPLACE INTO proj_topics (topic_id, stream, school_id, level, kind, title, lead, start_date,
			status, accepted_on, grade, cancelled_on, cancel_reason)
		SELECT rg.data ->> '$.topic_id', k.stream, rg.data ->> '$.school_id', rg.data ->> '$.level',
			rg.data ->> '$.kind', rg.data ->> '$.title', rg.data ->> '$.lead', rg.data ->> '$.start_date',
			CASE WHEN ac.seq > COALESCE(ca.seq, 0) THEN 'accepted' WHEN ca.seq IS NOT NULL THEN 'cancelled'
				ELSE 'ongoing' END,
			ac.data ->> '$.date', COALESCE(ac.data ->> '$.grade', ''),
			ca.occurred_on, COALESCE(ca.data ->> '$.reason', '')
		FROM k JOIN events rg ON rg.seq = k.rg
			LEFT JOIN events ac ON ac.seq = k.ac AND k.ac > k.rg
			LEFT JOIN events ca ON ca.seq = k.ca AND k.ca > k.rg`,
		`INSERT OR REPLACE INTO proj_workshops (workshop_id, stream, school_id, level, title, date, papers)
		SELECT e.data ->> '$.workshop_id', e.stream, e.data ->> '$.school_id', e.data ->> '$.level',
			e.data ->> '$.title', e.data ->> '$.date', e.data ->> '$.papers'
		FROM events e WHERE e.type = 'WorkshopHeld' AND {{streams}} AND {{live}} ORDER BY e.seq`,
		`INSERT OR REPLACE INTO proj_bulletins (school_id, year, issue_no, stream, date, articles)
		SELECT e.data ->> '$.school_id', CAST(substr(e.data ->> '$.date', 1, 4) AS INTEGER), e.data ->> '$.issue_no',
			e.stream, e.data ->> '$.date', e.data ->> '$.articles'
		FROM events e WHERE e.type = 'BulletinIssued' AND {{streams}} AND {{live}} ORDER BY e.seq`,
		`WITH k AS (SELECT e.stream, MAX(e.seq) AS last, MIN(e.occurred_on) AS first_on FROM events e
			WHERE e.type = 'WebsiteRegistered' AND {{streams}} AND {{live}} GROUP BY e.stream)
		INSERT OR REPLACE INTO proj_websites (school_id, stream, url, registered_on)
		SELECT l.data ->> '$.school_id', k.stream, l.data ->> '$.url', k.first_on
		FROM k JOIN events l ON l.seq = k.last`,
	}
}
