package projections

import (
	"database/sql"
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
