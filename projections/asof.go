package projections

import (
	"context"
	"database/sql"
	"fmt"
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
	// snapshot is the seq of the snapshot the view started from, 0 if it
	// replayed every event.
	snapshot int64
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
	// NoSnapshots replays every event the cutoff keeps, ignoring the
	// snapshots: the reference a snapshot-assisted answer is checked against.
	NoSnapshots bool
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

// OpenView builds the projections of the ledger at path from the events c
// keeps. It starts from the nearest snapshot that holds only events c keeps
// (snapshot.go) and recomputes the streams of the events after it; without
// one, or if it fails, it replays every event.
func OpenView(ctx context.Context, path string, c Cutoff, projs ...Projection) (*AsOf, error) {
	a, err := newView(ctx, path, c)
	if err != nil {
		return nil, err
	}
	if !c.NoSnapshots {
		ok, err := a.fromSnapshot(ctx, path, c, projs)
		if ok {
			return a, nil
		}
		if err != nil { // a snapshot that fails to load leaves main half-made: start again
			a.Close()
			if a, err = newView(ctx, path, c); err != nil {
				return nil, err
			}
		}
	}
	if err := a.replay(ctx, projs); err != nil {
		a.Close()
		return nil, err
	}
	return a, nil
}

// newView is an empty memory database with the ledger attached read-only
// as src and the temporary view events of the events c keeps.
func newView(ctx context.Context, path string, c Cutoff) (*AsOf, error) {
	db, err := sql.Open("sqlite3", "file::memory:?_stmt_cache_size=64")
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(1) // one connection: the memory database lives in it
	a := &AsOf{db: db, At: c.At}
	if !c.At.IsZero() {
		a.Cutoff = events.FormatRecordedAt(c.At)
	}
	if _, err := db.ExecContext(ctx, `ATTACH DATABASE ? AS src`, fileURI(path, "mode=ro")); err != nil {
		db.Close()
		return nil, fmt.Errorf("mở sổ cái %s: %w", path, err)
	}
	if _, err := db.ExecContext(ctx, `CREATE TEMP VIEW events AS SELECT * FROM src.events WHERE `+c.where()); err != nil {
		db.Close()
		return nil, err
	}
	return a, nil
}

// replay recomputes every projection from every event of the view.
func (a *AsOf) replay(ctx context.Context, projs []Projection) error {
	tx, err := a.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	for _, p := range projs {
		if err := p.Create(tx); err != nil {
			return err
		}
		if err := recomputeAll(tx, p); err != nil {
			return fmt.Errorf("%s: %w", p.Name(), err)
		}
	}
	return tx.Commit()
}

// fromSnapshot loads the usable snapshot with the largest seq and applies
// the events after it. Snapshots that no longer match the ledger or the
// projections are removed on the way.
func (a *AsOf) fromSnapshot(ctx context.Context, path string, c Cutoff, projs []Projection) (bool, error) {
	files := snapshotFiles(SnapshotDir(path))
	for len(files) > 0 {
		info, bad := pick(ctx, files, c)
		for _, f := range bad {
			removeSnapshot(f.path)
		}
		files = without(files, bad...)
		if info == nil {
			return false, nil
		}
		problem, missing := info.versionProblem(projs, false)
		if problem == "" {
			var err error
			if problem, err = info.ledgerProblem(ctx, a.db); err != nil {
				return false, err
			}
		}
		if problem != "" {
			if !missing {
				removeSnapshot(info.File)
			}
			files = without(files, snapFile{path: info.File})
			continue
		}
		if err := loadSnapshot(ctx, a.db, info.File, projs); err != nil {
			return false, err
		}
		var later []SnapshotInfo
		if !c.At.IsZero() {
			for _, f := range files {
				if l, err := readSnapshot(ctx, f.path); err == nil && l.Seq > info.Seq {
					later = append(later, l)
				}
			}
		}
		if err := applyDelta(ctx, a.db, info.Seq, scanRanges(info.Seq, c, later), projs); err != nil {
			return false, err
		}
		a.snapshot = info.Seq
		return true, nil
	}
	return false, nil
}

// without returns files less those with the paths of drop.
func without(files []snapFile, drop ...snapFile) []snapFile {
	out := files[:0:0]
	for _, f := range files {
		keep := true
		for _, d := range drop {
			keep = keep && f.path != d.path
		}
		if keep {
			out = append(out, f)
		}
	}
	return out
}

// Snapshot is the seq of the snapshot the view started from, 0 if it
// replayed every event.
func (a *AsOf) Snapshot() int64 { return a.snapshot }

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
