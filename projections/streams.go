package projections

import (
	"database/sql"
	"strings"

	"socai/events"
)

// Streams is the catalogue of streams: each entity the ledger knows, its
// kind (the prefix of its name), owner, version and dates. The ledger page
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

func (Streams) Apply(tx *sql.Tx, r events.Record) error {
	kind, _, _ := strings.Cut(r.Stream, "-")
	_, err := tx.Exec(`INSERT INTO proj_streams (stream, kind, origin, version, first_seq, last_seq, last_type,
			first_occurred, last_occurred, last_recorded)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (stream) DO UPDATE SET version = excluded.version, last_seq = excluded.last_seq,
			last_type = excluded.last_type, last_recorded = excluded.last_recorded,
			first_occurred = MIN(first_occurred, excluded.first_occurred),
			last_occurred = MAX(last_occurred, excluded.last_occurred)`,
		r.Stream, kind, r.Origin, r.Version, r.Seq, r.Seq, r.Type, r.OccurredOn, r.OccurredOn, r.RecordedAt)
	return err
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
