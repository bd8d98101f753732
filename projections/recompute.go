package projections

import (
	"database/sql"
	"fmt"
	"regexp"
	"strings"
	"sync"

	"socai/events"
)

// How a projection's statements run. Each table has one INSERT … SELECT
// that recomputes the rows of the streams chosen by {{streams}} from their
// events that are not retracted ({{live}}). Run for one stream it is the
// inline update of an append; run for every stream it is a set-based
// rebuild. One definition serves both, so the two cannot disagree, and a
// retraction is simply an event the SELECT leaves out.

// liveCond keeps the events not retracted by an EventRetracted of their stream.
const liveCond = `e.id NOT IN (SELECT json_extract(r.data, '$.event_id') FROM events r
	WHERE r.type = 'EventRetracted' AND {{rstreams}})`

// typeColumn matches the type columns of the events aliases e and r.
var typeColumn = regexp.MustCompile(`\b([er])\.type\b`)

// expanded caches expand: the same few statements run on every append.
var expanded sync.Map

// expand fills the placeholders for one stream (oneStream) or all. For one
// stream the type columns get SQLite's no-op unary plus, so that the planner
// takes the stream index (a few rows) rather than the type index (all the
// events of that type).
func expand(q string, oneStream bool) string {
	key := struct {
		q   string
		one bool
	}{q, oneStream}
	if v, ok := expanded.Load(key); ok {
		return v.(string)
	}
	v := expandSQL(q, oneStream)
	expanded.Store(key, v)
	return v
}

func expandSQL(q string, oneStream bool) string {
	streams, rstreams := "1", "1"
	if oneStream {
		streams, rstreams = "e.stream = :stream", "r.stream = :stream"
		q = typeColumn.ReplaceAllString(strings.ReplaceAll(q, "{{live}}", liveCond), "+$1.type")
	}
	q = strings.ReplaceAll(q, "{{live}}", liveCond)
	q = strings.ReplaceAll(q, "{{rstreams}}", rstreams)
	return strings.ReplaceAll(q, "{{streams}}", streams)
}

// recomputeStream replaces the rows of one stream.
func recomputeStream(tx *sql.Tx, p Projection, stream string) error {
	for _, t := range p.Tables() {
		if _, err := tx.Exec(`DELETE FROM `+t+` WHERE stream = ?`, stream); err != nil {
			return err
		}
	}
	for _, q := range p.Recompute() {
		if _, err := tx.Exec(expand(q, true), sql.Named("stream", stream)); err != nil {
			return err
		}
	}
	return nil
}

// fewStreams is how many streams are recomputed one at a time; more are
// recomputed set-based (an import, a catch-up), which costs about a rebuild
// of their events instead of a round of statements each.
const fewStreams = 32

// deltaDDL is the list of streams a set-based recompute works on, kept in
// the connection's temp schema and emptied before each use.
const deltaDDL = `CREATE TEMP TABLE IF NOT EXISTS recompute_streams (stream TEXT PRIMARY KEY) WITHOUT ROWID`

// recomputeStreams replaces the rows of the given streams.
func recomputeStreams(tx *sql.Tx, p Projection, streams []string) error {
	if len(streams) <= fewStreams {
		for _, s := range streams {
			if err := recomputeStream(tx, p, s); err != nil {
				return fmt.Errorf("%s: %w", s, err)
			}
		}
		return nil
	}
	if err := clearDelta(tx); err != nil {
		return err
	}
	ins, err := tx.Prepare(`INSERT OR IGNORE INTO temp.recompute_streams (stream) VALUES (?)`)
	if err != nil {
		return err
	}
	defer ins.Close()
	for _, s := range streams {
		if _, err := ins.Exec(s); err != nil {
			return err
		}
	}
	return recomputeDelta(tx, p)
}

// clearDelta makes temp.recompute_streams, empty.
func clearDelta(tx *sql.Tx) error {
	if _, err := tx.Exec(deltaDDL); err != nil {
		return err
	}
	_, err := tx.Exec(`DELETE FROM temp.recompute_streams`)
	return err
}

// recomputeDelta replaces, set-based, the rows of the streams listed in
// temp.recompute_streams.
func recomputeDelta(tx *sql.Tx, p Projection) error {
	for _, t := range p.Tables() {
		if _, err := tx.Exec(`DELETE FROM main.` + t + ` WHERE stream IN (SELECT stream FROM temp.recompute_streams)`); err != nil {
			return err
		}
	}
	for _, q := range p.Recompute() {
		if _, err := tx.Exec(expandDelta(q)); err != nil {
			return err
		}
	}
	return nil
}

// recomputeAll rebuilds every row, set-based.
func recomputeAll(tx *sql.Tx, p Projection) error {
	for _, t := range p.Tables() {
		if _, err := tx.Exec(`DELETE FROM ` + t); err != nil {
			return err
		}
	}
	for _, q := range p.Recompute() {
		if _, err := tx.Exec(expand(q, false)); err != nil {
			return err
		}
	}
	return nil
}

// touched are the streams of recs that p must recompute, in order.
func touched(p Projection, recs []events.Record) []string {
	types := map[string]bool{"EventRetracted": true}
	for _, t := range p.Types() {
		types[t] = true
	}
	all := len(p.Types()) == 0
	seen := map[string]bool{}
	var out []string
	for _, r := range recs {
		if (all || types[r.Type]) && !seen[r.Stream] {
			seen[r.Stream] = true
			out = append(out, r.Stream)
		}
	}
	return out
}

// eType matches the type column of the events alias e.
var eType = regexp.MustCompile(`\be\.type\b`)

var deltaExpanded sync.Map

// expandDelta fills the placeholders of a Recompute statement for the
// streams of temp.recompute_streams. Like a rebuild, every retraction
// counts; like one stream, the unary plus on e.type makes the planner take
// the stream index rather than the type index.
func expandDelta(q string) string {
	if v, ok := deltaExpanded.Load(q); ok {
		return v.(string)
	}
	v := eType.ReplaceAllString(q, "+e.type")
	v = strings.ReplaceAll(v, "{{live}}", liveCond)
	v = strings.ReplaceAll(v, "{{rstreams}}", "1")
	v = strings.ReplaceAll(v, "{{streams}}", "e.stream IN (SELECT stream FROM temp.recompute_streams)")
	deltaExpanded.Store(q, v)
	return v
}
