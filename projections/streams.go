package projections

import "database/sql"

// Streams is the catalogue of streams: each entity the ledger knows, its
// kind (the prefix of its name), owner, version and dates, from the events
// that are not retracted. The ledger page
// counts streams here instead of scanning every event.
type Streams struct{}

func (Streams) Name() string { return "streams" }
func (Streams) Version() int { return 1 }

func (Streams) Create(tx *sql.Tx) error {
	_, err := tx.Exec(`CREATE TABLE IF NOT EXISTS proj_streams (
		stream        TEXT PRIMARY KEY,
		kind          TEXT NOT NULL,
		origin        TEXT NOT NULL,
		version       INTEGER NOT NULL,
		first_seq     INTEGER NOT NULL,
		last_seq      INTEGER NOT NULL,
		last_type     TEXT NOT NULL,
		first_occurred TEXT NOT NULL,
		last_occurred TEXT NOT NULL,
		last_recorded TEXT NOT NULL);
	CREATE INDEX IF NOT EXISTS proj_streams_kind ON proj_streams (kind)`)
	return err
}

func (Streams) Tables() []string { return []string{"proj_streams"} }

// Types: every event counts in its stream's entry.
func (Streams) Types() []string { return nil }

func (Streams) Recompute() []string {
	return []string{`WITH k AS (SELECT e.stream, MIN(e.seq) AS first_seq, MAX(e.seq) AS last_seq,
			MIN(e.occurred_on) AS first_occurred, MAX(e.occurred_on) AS last_occurred
		FROM events e WHERE {{streams}} AND {{live}} GROUP BY e.stream)
	INSERT INTO proj_streams (stream, kind, origin, version, first_seq, last_seq, last_type,
		first_occurred, last_occurred, last_recorded)
	SELECT k.stream, substr(k.stream, 1, instr(k.stream, '-') - 1), l.origin, l.version, k.first_seq, k.last_seq,
		l.type, k.first_occurred, k.last_occurred, l.recorded_at
	FROM k JOIN events l ON l.seq = k.last_seq`}
}

// StreamCount is how many streams the catalogue holds.
func StreamCount(db *sql.DB) (int64, error) {
	var n int64
	err := db.QueryRow(`SELECT COUNT(*) FROM proj_streams`).Scan(&n)
	return n, err
}

// All is every projection of this version, in the order they are applied.
func All() []Projection {
	return []Projection{Streams{}, Organisation{}, ClassPlans{}, StaffTraining{}, Research{}, Emulation{}, DeadlineCalendar{}}
}
