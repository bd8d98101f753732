package projections

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"strings"
	"time"

	"socai/events"
)

// AsOf is the ledger as it stood at a cutoff: every projection rebuilt in
// memory from only the events the cutoff keeps, so that "the report as it
// stood on 10/08/2021" is reproducible forever, whatever was recorded later,
// retractions included.
//
// It is an in-memory database with the ledger file attached read-only and a
// temporary view named events over it: temporary objects shadow the main
// ones, so the projections' own statements and queries run here unchanged.
type AsOf struct {
	db *sql.DB
	// At is the record-time moment, if the cutoff has one, and Cutoff its
	// recorded_at text.
	At     time.Time
	Cutoff string
}

// Cutoff chooses the events of a view of the past; every condition set must
// hold, and the zero Cutoff keeps every event.
type Cutoff struct {
	// At keeps the events recorded at or before it (record time).
	At time.Time
	// Heads keeps the events within these chain heads: a period close.
	// Origins not named are left out.
	Heads []events.ChainRef
	// Seq keeps the events at or before this local position.
	Seq int64
}

// where is the SQL condition of c over the columns of events. Its values are
// our own formatting or quoted, never spliced raw: a view takes no parameters.
func (c Cutoff) where() string {
	conds := []string{"1"}
	if !c.At.IsZero() {
		conds = append(conds, "recorded_at <= "+quote(events.FormatRecordedAt(c.At)))
	}
	if c.Heads != nil {
		heads := []string{"0"}
		for _, h := range c.Heads {
			heads = append(heads, fmt.Sprintf("(origin = %s AND origin_seq <= %d)", quote(h.Origin), h.OriginSeq))
		}
		conds = append(conds, "("+strings.Join(heads, " OR ")+")")
	}
	if c.Seq > 0 {
		conds = append(conds, fmt.Sprintf("seq <= %d", c.Seq))
	}
	return strings.Join(conds, " AND ")
}

func quote(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }

// OpenAsOf builds the projections of the ledger at path as of record time t.
func OpenAsOf(ctx context.Context, path string, t time.Time, projs ...Projection) (*AsOf, error) {
	return OpenView(ctx, path, Cutoff{At: t}, projs...)
}

// OpenView builds the projections of the ledger at path from the events c keeps.
func OpenView(ctx context.Context, path string, c Cutoff, projs ...Projection) (*AsOf, error) {
	db, err := sql.Open("sqlite3", "file::memory:?_stmt_cache_size=64")
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(1) // one connection: the memory database lives in it
	a := &AsOf{db: db, At: c.At}
	if !c.At.IsZero() {
		a.Cutoff = events.FormatRecordedAt(c.At)
	}
	src := "file:" + (&url.URL{Path: path}).EscapedPath() + "?mode=ro"
	if _, err := db.ExecContext(ctx, `ATTACH DATABASE ? AS src`, src); err != nil {
		db.Close()
		return nil, fmt.Errorf("mở sổ cái %s: %w", path, err)
	}
	if _, err := db.ExecContext(ctx, `CREATE TEMP VIEW events AS SELECT * FROM src.events WHERE `+c.where()); err != nil {
		db.Close()
		return nil, err
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		db.Close()
		return nil, err
	}
	defer tx.Rollback()
	for _, p := range projs {
		if err := p.Create(tx); err != nil {
			db.Close()
			return nil, err
		}
		if err := recomputeAll(tx, p); err != nil {
			db.Close()
			return nil, fmt.Errorf("%s: %w", p.Name(), err)
		}
	}
	if err := tx.Commit(); err != nil {
		db.Close()
		return nil, err
	}
	return a, nil
}

// DB is the database to query: the projections' tables as of the moment,
// and events, the events recorded by then.
func (a *AsOf) DB() *sql.DB { return a.db }

// Close releases the memory.
func (a *AsOf) Close() error { return a.db.Close() }

// ParseAsOf reads an --as-of moment: an RFC 3339 date-time, or a date, which
// means the end of that day in Vietnam time (UTC+7).
func ParseAsOf(s string) (time.Time, error) {
	if t, err := time.Parse(time.RFC3339Nano, s); err == nil {
		return t.UTC(), nil
	}
	if d := events.Date(s); d.Valid() {
		t, _ := time.ParseInLocation(events.DateLayout, s, vietnam)
		return t.Add(24*time.Hour - time.Nanosecond).UTC(), nil
	}
	return time.Time{}, events.Errorf(events.EINVALID, "as_of", "thời điểm %q không hợp lệ (dạng 2021-08-10 hoặc 2021-08-10T17:00:00+07:00)", s)
}

// vietnam is UTC+7, without daylight saving.
var vietnam = time.FixedZone("ICT", 7*3600)
