// Package projections keeps the read models that every figure comes from.
// A projection derives its SQLite tables from the events with SQL alone and
// has a checkpoint (the last seq applied and its code version). It is
// updated inside the appending transaction, so a figure is never behind its
// events; one whose code version changed is rebuilt from zero on open.
package projections

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"socai/events"
)

// Projection is one read model. Every row of its tables is derived from the
// events of one stream and says which in a "stream" column, so that the
// rows of a stream can be recomputed after each append (see recompute.go).
type Projection interface {
	// Name is stable: it keys the checkpoint.
	Name() string
	// Version changes whenever the tables or the statements change; a
	// different stored version triggers a rebuild.
	Version() int
	// Tables are the projection's tables, each with a stream column.
	Tables() []string
	// Create makes the tables (IF NOT EXISTS).
	Create(tx *sql.Tx) error
	// Types are the event types the projection reads (EventRetracted aside);
	// none means every type.
	Types() []string
	// Recompute are the INSERT … SELECT statements that derive the rows of
	// the streams {{streams}} from their events that are {{live}}.
	Recompute() []string
}

// Progress reports a rebuild: done of total events for projection name.
type Progress func(name string, done, total int64)

// Runner keeps a set of projections in step with a store.
type Runner struct {
	store *events.Store
	projs []Projection
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
func Attach(ctx context.Context, store *events.Store, progress Progress, projs ...Projection) (*Runner, error) {
	r := &Runner{store: store, projs: projs}
	if _, err := store.DB().ExecContext(ctx, checkpointsDDL); err != nil {
		return nil, err
	}
	for _, p := range projs {
		version, seq, err := r.checkpoint(ctx, p.Name())
		if err != nil {
			return nil, err
		}
		if version != p.Version() {
			err = r.rebuild(ctx, p, progress)
		} else {
			err = r.catchUp(ctx, p, seq)
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

func (r *Runner) checkpoint(ctx context.Context, name string) (version int, seq int64, err error) {
	err = r.store.DB().QueryRowContext(ctx, `SELECT version, seq FROM projection_checkpoints WHERE name = ?`, name).
		Scan(&version, &seq)
	if err == sql.ErrNoRows {
		return -1, 0, nil
	}
	return version, seq, err
}

func setCheckpoint(tx *sql.Tx, p Projection, seq int64) error {
	_, err := tx.Exec(`INSERT INTO projection_checkpoints (name, version, seq, updated_at) VALUES (?, ?, ?, ?)
		ON CONFLICT (name) DO UPDATE SET version = excluded.version, seq = excluded.seq, updated_at = excluded.updated_at`,
		p.Name(), p.Version(), seq, events.FormatRecordedAt(time.Now()))
	return err
}

// create makes the tables and the index on their stream column, which every
// one-stream recompute deletes by.
func create(tx *sql.Tx, p Projection) error {
	if err := p.Create(tx); err != nil {
		return err
	}
	for _, t := range p.Tables() {
		if _, err := tx.Exec(`CREATE INDEX IF NOT EXISTS ` + t + `_stream ON ` + t + ` (stream)`); err != nil {
			return err
		}
	}
	return nil
}

// apply is the store hook: in the appending transaction, every projection
// recomputes the streams the appended events touched; when they are most
// of the ledger (an import into a new one), it rebuilds instead.
func (r *Runner) apply(tx *events.Tx, recs []events.Record) error {
	most := false
	if len(recs) > fewStreams {
		var total int64
		if err := tx.SQL().QueryRow(`SELECT COUNT(*) FROM events`).Scan(&total); err != nil {
			return err
		}
		most = int64(len(recs))*2 > total
	}
	for _, p := range r.projs {
		var err error
		if most {
			err = recomputeAll(tx.SQL(), p)
		} else {
			err = recomputeStreams(tx.SQL(), p, touched(p, recs))
		}
		if err != nil {
			return fmt.Errorf("%s: %w", p.Name(), err)
		}
		if err := setCheckpoint(tx.SQL(), p, recs[len(recs)-1].Seq); err != nil {
			return err
		}
	}
	return nil
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

// rebuild drops the tables and recomputes every row, set-based, in one
// write transaction.
func (r *Runner) rebuild(ctx context.Context, p Projection, progress Progress) error {
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
	// The stream indexes are built after the bulk insert: one sort is
	// cheaper than keeping them up to date row by row.
	if err := p.Create(tx); err != nil {
		return err
	}
	if err := recomputeAll(tx, p); err != nil {
		return err
	}
	if err := create(tx, p); err != nil {
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

// catchUp recomputes the streams that received events after seq from.
func (r *Runner) catchUp(ctx context.Context, p Projection, from int64) error {
	tx, err := r.store.DB().BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := create(tx, p); err != nil {
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
	if err := rows.Err(); err != nil {
		return err
	}
	if err := recomputeStreams(tx, p, streams); err != nil {
		return err
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
