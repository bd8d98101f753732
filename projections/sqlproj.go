package projections

import (
	"database/sql"
	"regexp"
	"strings"

	"socai/events"
)

// SQLProjection derives its tables from the events with SQL alone: for each
// table, one INSERT … SELECT that recomputes the rows of the streams chosen
// by the filter {{streams}} from their events that are not retracted. Run
// for one stream it is the inline update of an append; run for every stream
// it is a set-based rebuild. One definition serves both, so the two cannot
// disagree, and a retraction is simply an event the SELECT leaves out.
type SQLProjection interface {
	Model
	// Types are the event types the projection reads (EventRetracted aside);
	// none means every type.
	Types() []string
	// Recompute are the INSERT statements, one per table, in Tables order.
	// {{streams}} is replaced by a condition on the column "stream" of the
	// events, {{live}} by the condition that an event (alias e) is not retracted.
	Recompute() []string
}

// liveCond keeps the events not retracted by an EventRetracted of their stream.
const liveCond = `e.id NOT IN (SELECT json_extract(r.data, '$.event_id') FROM events r
	WHERE r.type = 'EventRetracted' AND {{rstreams}})`

// typeColumn matches the type columns of the events aliases e and r.
var typeColumn = regexp.MustCompile(`\b([er])\.type\b`)

// expand fills the placeholders for one stream (oneStream) or all. For one
// stream the type columns get SQLite's no-op unary plus, so that the planner
// takes the stream index (a few rows) rather than the type index (all the
// events of that type).
func expand(q string, oneStream bool) string {
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
func recomputeStream(tx *sql.Tx, p SQLProjection, stream string) error {
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
func recomputeAll(tx *sql.Tx, p SQLProjection) error {
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

func isSQL(p Model) bool {
	_, ok := p.(SQLProjection)
	return ok
}

// touched are the streams of recs that p must recompute, in order.
func touched(p SQLProjection, recs []events.Record) []string {
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
