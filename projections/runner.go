// Package projections keeps the read models that every figure comes from.
// Each projection owns some SQLite tables, applies events one by one, and
// has a checkpoint (the last seq applied and its code version). Projections
// are updated inside the appending transaction, so a figure is never behind
// its events; a projection whose code version changed is rebuilt from zero
// on open.
package projections

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"time"

	"socai/events"
)

// Model is one read model. Every row of its tables is derived from the
// events of one stream and says which in a "stream" column: that is how a
// retraction is undone and how one stream is recomputed after an append.
type Model interface {
	// Name is stable: it keys the checkpoint.
	Name() string
	// Version changes whenever the tables or the way events are applied
	// change; a different stored version triggers a rebuild.
	Version() int
	// Tables are the model's tables, each with a stream column.
	Tables() []string
	// Create makes the tables (IF NOT EXISTS).
	Create(tx *sql.Tx) error
}

// Projection is a model folded in Go, one event at a time; a retraction
// replays its stream without the retracted events.
type Projection interface {
	Model
	// Apply folds one event into the tables.
	Apply(tx *sql.Tx, r events.Record) error
}

// Progress reports a rebuild: done of total events for projection name.
type Progress func(name string, done, total int64)

// Runner keeps a set of projections in step with a store.
type Runner struct {
	store *events.Store
	projs []Model
}

const checkpointsDDL = `CREATE TABLE IF NOT EXISTS projection_checkpoints (
	name       TEXT PRIMARY KEY,
	version    INTEGER NOT NULL,
	seq        INTEGER NOT NULL,
	updated_at TEXT NOT NULL)`

// Attach sets up the projections on store: creates their tables, rebuilds
// those whose version changed or that never ran, catches the others up with
// events appended while they were not attached (by an older program, say),
// and hooks them into every append.
func Attach(ctx context.Context, store *events.Store, progress Progress, projs ...Model) (*Runner, error) {
	r := &Runner{store: store, projs: projs}
	if _, err := store.DB().ExecContext(ctx, checkpointsDDL); err != nil {
		return nil, err
	}
	for _, p := range projs {
		cp, err := r.checkpoint(ctx, p.Name())
		if err != nil {
			return nil, err
		}
		switch {
		case cp.version != p.Version():
			err = r.rebuild(ctx, p, progress)
		case isSQL(p):
			err = r.catchUpSQL(ctx, p.(SQLProjection), cp.seq)
		default:
			err = r.catchUp(ctx, p.(Projection), cp.seq)
		}
		if err != nil {
			return nil, fmt.Errorf("dựng lại bảng số liệu %s: %w", p.Name(), err)
		}
	}
	store.OnAppend(r.apply)
	return r, nil
}

// Names lists the attached projections.
func (r *Runner) Names() []string {
	out := make([]string, len(r.projs))
	for i, p := range r.projs {
		out[i] = p.Name()
	}
	return out
}

type checkpoint struct {
	version int
	seq     int64
}

func (r *Runner) checkpoint(ctx context.Context, name string) (checkpoint, error) {
	var cp checkpoint
	err := r.store.DB().QueryRowContext(ctx, `SELECT version, seq FROM projection_checkpoints WHERE name = ?`, name).
		Scan(&cp.version, &cp.seq)
	if err == sql.ErrNoRows {
		return checkpoint{version: -1}, nil
	}
	return cp, err
}

func setCheckpoint(tx *sql.Tx, p Model, seq int64) error {
	_, err := tx.Exec(`INSERT INTO projection_checkpoints (name, version, seq, updated_at) VALUES (?, ?, ?, ?)
		ON CONFLICT (name) DO UPDATE SET version = excluded.version, seq = excluded.seq, updated_at = excluded.updated_at`,
		p.Name(), p.Version(), seq, events.FormatRecordedAt(time.Now()))
	return err
}

// apply is the store hook: every projection sees the appended events in the
// appending transaction.
func (r *Runner) apply(tx *events.Tx, recs []events.Record) error {
	for _, p := range r.projs {
		if sp, ok := p.(SQLProjection); ok {
			for _, stream := range touched(sp, recs) {
				if err := recomputeStream(tx.SQL(), sp, stream); err != nil {
					return fmt.Errorf("%s: %s: %w", p.Name(), stream, err)
				}
			}
			if err := setCheckpoint(tx.SQL(), p, recs[len(recs)-1].Seq); err != nil {
				return err
			}
			continue
		}
		gp := p.(Projection)
		for _, rec := range recs {
			if err := applyOne(tx.SQL(), gp, rec); err != nil {
				return fmt.Errorf("%s: seq %d: %w", p.Name(), rec.Seq, err)
			}
		}
		if err := setCheckpoint(tx.SQL(), p, recs[len(recs)-1].Seq); err != nil {
			return err
		}
	}
	return nil
}

// applyOne applies one event; a retraction first replays its stream
// without the events retracted so far.
func applyOne(tx *sql.Tx, p Projection, rec events.Record) error {
	if rec.Type == "EventRetracted" {
		if err := replayStream(tx, p, rec.Stream, rec.Seq); err != nil {
			return err
		}
	}
	return p.Apply(tx, rec)
}

// replayStream forgets what p derived from stream and applies again its
// events before seq upTo, leaving out those retracted by the retractions up
// to and including seq upTo (the one being applied).
func replayStream(tx *sql.Tx, p Projection, stream string, upTo int64) error {
	for _, t := range p.Tables() {
		if _, err := tx.Exec(`DELETE FROM `+t+` WHERE stream = ?`, stream); err != nil {
			return err
		}
	}
	recs, err := streamEvents(tx, stream, upTo)
	if err != nil {
		return err
	}
	retracted := map[string]bool{}
	for _, rec := range recs {
		if rec.Type == "EventRetracted" {
			var d events.EventRetracted
			if err := json.Unmarshal(rec.Data, &d); err != nil {
				return err
			}
			retracted[d.EventID] = true
		}
	}
	for _, rec := range recs {
		if retracted[rec.ID] || rec.Seq == upTo {
			continue
		}
		if err := p.Apply(tx, rec); err != nil {
			return err
		}
	}
	return nil
}

func streamEvents(tx *sql.Tx, stream string, upTo int64) ([]events.Record, error) {
	rows, err := tx.Query(`SELECT `+events.RecordColumns+` FROM events WHERE stream = ? AND seq <= ? ORDER BY seq`, stream, upTo)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []events.Record
	for rows.Next() {
		rec, err := events.ScanRecord(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, rec)
	}
	return out, rows.Err()
}

// Rebuild recreates the named projections (all if none) from zero.
func (r *Runner) Rebuild(ctx context.Context, progress Progress, names ...string) error {
	want := map[string]bool{}
	for _, n := range names {
		want[n] = true
	}
	found := 0
	for _, p := range r.projs {
		if len(names) > 0 && !want[p.Name()] {
			continue
		}
		found++
		if err := r.rebuild(ctx, p, progress); err != nil {
			return err
		}
	}
	if len(names) > 0 && found != len(names) {
		return events.Errorf(events.ENOTFOUND, "name", "không có bảng số liệu tên %v (có: %v)", names, r.Names())
	}
	return nil
}

func (r *Runner) rebuild(ctx context.Context, p Model, progress Progress) error {
	sp, ok := p.(SQLProjection)
	if !ok {
		return r.replay(ctx, p.(Projection), 0, true, progress)
	}
	tx, err := r.store.DB().BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	var total, last int64
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*), COALESCE(MAX(seq), 0) FROM events`).Scan(&total, &last); err != nil {
		return err
	}
	for _, t := range p.Tables() {
		if _, err := tx.Exec(`DROP TABLE IF EXISTS ` + t); err != nil {
			return err
		}
	}
	if err := p.Create(tx); err != nil {
		return err
	}
	if err := recomputeAll(tx, sp); err != nil {
		return err
	}
	if err := setCheckpoint(tx, p, last); err != nil {
		return err
	}
	if progress != nil && total > 0 {
		progress(p.Name(), total, total)
	}
	return tx.Commit()
}

// catchUpSQL recomputes the streams that received events after seq from.
func (r *Runner) catchUpSQL(ctx context.Context, p SQLProjection, from int64) error {
	tx, err := r.store.DB().BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := p.Create(tx); err != nil {
		return err
	}
	rows, err := tx.QueryContext(ctx, `SELECT DISTINCT stream FROM events WHERE seq > ?`, from)
	if err != nil {
		return err
	}
	var streams []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			rows.Close()
			return err
		}
		streams = append(streams, s)
	}
	rows.Close()
	for _, s := range streams {
		if err := recomputeStream(tx, p, s); err != nil {
			return err
		}
	}
	var last int64
	if err := tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(seq), 0) FROM events`).Scan(&last); err != nil {
		return err
	}
	if err := setCheckpoint(tx, p, last); err != nil {
		return err
	}
	return tx.Commit()
}

func (r *Runner) catchUp(ctx context.Context, p Projection, from int64) error {
	return r.replay(ctx, p, from, false, nil)
}

// replay applies the events after seq from in one write transaction; with
// reset it drops and recreates the tables first. The write transaction
// starts first (BEGIN IMMEDIATE), so the events read on another connection
// are exactly those committed: nobody can append in between.
func (r *Runner) replay(ctx context.Context, p Projection, from int64, reset bool, progress Progress) error {
	db := r.store.DB()
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	var total int64
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM events WHERE seq > ?`, from).Scan(&total); err != nil {
		return err
	}
	if reset {
		for _, t := range p.Tables() {
			if _, err := tx.Exec(`DROP TABLE IF EXISTS ` + t); err != nil {
				return err
			}
		}
	}
	if err := p.Create(tx); err != nil {
		return err
	}
	last, done := from, int64(0)
	err = r.store.Each(ctx, events.Filter{FromSeq: from}, func(rec events.Record) error {
		if err := applyOne(tx, p, rec); err != nil {
			return fmt.Errorf("seq %d: %w", rec.Seq, err)
		}
		last, done = rec.Seq, done+1
		if progress != nil && (done%progressEvery == 0 || done == total) {
			progress(p.Name(), done, total)
		}
		return nil
	})
	if err != nil {
		return err
	}
	if err := setCheckpoint(tx, p, last); err != nil {
		return err
	}
	return tx.Commit()
}

// progressEvery is how often a rebuild reports progress.
const progressEvery = 10000
