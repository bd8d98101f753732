package app

import (
	"context"
	"encoding/json"
	"strings"
	"time"

	"socai/events"
	"socai/projections"
)

// AmendmentReport is what changed a closed period's figures after its close.
type AmendmentReport struct {
	Close PeriodClose `json:"close"`
	// ClosedAt, Heads and Digest repeat the close's: when it was recorded,
	// the chain heads it froze, and those heads as codes.
	ClosedAt       string               `json:"closed_at"`
	Heads          []events.ChainRef    `json:"heads"`
	Digest         DigestCodes          `json:"digest"`
	FiguresAtClose []projections.Figure `json:"figures_at_close"`
	FiguresNow     []projections.Figure `json:"figures_now"`
	// Changed are the figures whose value now differs from the value at close.
	Changed []FigureChange `json:"changed"`
	// Events are the amendments after close: the later events that change
	// the figures, in the order they were recorded, with what each changed.
	Events []Amendment `json:"events"`
	// Later is how many events were recorded after the close and could
	// change figures; Views how many views of the past the search built.
	Later int `json:"later"`
	Views int `json:"views"`
}

// FigureChange is one closed figure that is different now; a nil value is
// a figure that did not exist then (or does not now).
type FigureChange struct {
	Key     string   `json:"key"`
	Label   string   `json:"label"`
	Unit    string   `json:"unit"`
	AtClose *float64 `json:"at_close"`
	Now     *float64 `json:"now"`
}

// Amendment is one event recorded after a close that changed its figures.
type Amendment struct {
	Seq        int64           `json:"seq"`
	ID         string          `json:"id"`
	Type       string          `json:"type"`
	Stream     string          `json:"stream"`
	OccurredOn string          `json:"occurred_on"`
	RecordedAt string          `json:"recorded_at"`
	Actor      string          `json:"actor"`
	Reason     string          `json:"reason"`
	Source     string          `json:"source"`
	Data       json.RawMessage `json:"data"`
	// Retracts is the event an EventRetracted withdraws, null otherwise.
	Retracts *EventRef `json:"retracts"`
	// Changes are the figures this event changed, before and after it.
	Changes []FigureDelta `json:"changes"`
}

// EventRef names an event.
type EventRef struct {
	Seq  int64  `json:"seq"`
	ID   string `json:"id"`
	Type string `json:"type"`
}

// FigureDelta is one figure before and after an event.
type FigureDelta struct {
	Key    string   `json:"key"`
	Label  string   `json:"label"`
	Unit   string   `json:"unit"`
	Before *float64 `json:"before"`
	After  *float64 `json:"after"`
}

// Amendments finds the amendments after close of cl.
//
// The figures at close are those of the view of the ledger within the
// close's chain heads; the figures now are the live ones (or those of the
// view a answers for). When they are equal there is nothing to find.
// Otherwise the events recorded after the close (those outside its heads),
// in seq order, are searched by bisection: the figures of the view up to
// the middle one are compared with both ends, and only a half whose ends
// differ is searched further, down to single events. That costs O(k log n)
// views for k amendments among n later events.
//
// Caveat: a group of later events whose changes cancel out exactly (a
// figure changed and changed back) has equal ends and is not split, so
// its events are not listed: they change nothing of the closed figures.
func (a *App) Amendments(ctx context.Context, cl PeriodClose) (AmendmentReport, error) {
	return a.amendments(ctx, cl, true)
}

// amendments compares the figures at close with now and, if bisect, finds
// the events that make the difference.
func (a *App) amendments(ctx context.Context, cl PeriodClose, bisect bool) (AmendmentReport, error) {
	rep := AmendmentReport{Close: cl, ClosedAt: cl.ClosedAt, Heads: cl.Heads, Digest: cl.Digest,
		Changed: []FigureChange{}, Events: []Amendment{}}
	school := ""
	if cl.ScopeKind == ScopeSchool {
		school = cl.Scope
	}
	now, err := projections.Figures(ctx, a.DB(), cl.Period, school)
	if err != nil {
		return rep, err
	}
	rep.FiguresNow = now
	later, err := a.laterEvents(ctx, cl.Heads)
	if err != nil {
		return rep, err
	}
	rep.Later = len(later)
	if len(later) == 0 { // nothing recorded since: the figures are those at close
		rep.FiguresAtClose = now
		return rep, nil
	}
	var at time.Time
	if a.asOf != nil {
		at = a.asOf.At
	}
	heads := cl.Heads
	if heads == nil {
		heads = []events.ChainRef{}
	}
	view := func(c projections.Cutoff) ([]projections.Figure, error) {
		rep.Views++
		c.At = at
		v, err := projections.OpenView(ctx, a.source().Path(), c, projections.All()...)
		if err != nil {
			return nil, err
		}
		defer v.Close()
		return projections.Figures(ctx, v.DB(), cl.Period, school)
	}
	atClose, err := view(projections.Cutoff{Heads: heads})
	if err != nil {
		return rep, err
	}
	rep.FiguresAtClose = atClose
	rep.Changed = changedFigures(atClose, now)
	if len(rep.Changed) == 0 || !bisect {
		return rep, nil
	}

	// f(i) are the figures with the first i later events: f(0) at close,
	// f(len(later)) now.
	type step struct {
		seq           int64
		before, after []projections.Figure
	}
	var found []step
	var search func(lo, hi int, flo, fhi []projections.Figure) error
	search = func(lo, hi int, flo, fhi []projections.Figure) error {
		if sameFigures(flo, fhi) {
			return nil
		}
		if hi-lo == 1 {
			found = append(found, step{later[lo], flo, fhi})
			return nil
		}
		mid := (lo + hi) / 2
		fmid, err := view(projections.Cutoff{Seq: later[mid-1]})
		if err != nil {
			return err
		}
		if err := search(lo, mid, flo, fmid); err != nil {
			return err
		}
		return search(mid, hi, fmid, fhi)
	}
	if err := search(0, len(later), atClose, now); err != nil {
		return rep, err
	}
	for _, s := range found {
		am, err := a.amendment(ctx, s.seq)
		if err != nil {
			return rep, err
		}
		for _, c := range changedFigures(s.before, s.after) {
			am.Changes = append(am.Changes, FigureDelta{Key: c.Key, Label: c.Label, Unit: c.Unit, Before: c.AtClose, After: c.Now})
		}
		rep.Events = append(rep.Events, am)
	}
	return rep, nil
}

// laterEvents are the seqs, in order, of the events outside heads whose
// type some projection reads: only those can change a figure.
func (a *App) laterEvents(ctx context.Context, heads []events.ChainRef) ([]int64, error) {
	within := []string{"0"}
	args := []any{}
	for _, h := range heads {
		within = append(within, "(origin = ? AND origin_seq <= ?)")
		args = append(args, h.Origin, h.OriginSeq)
	}
	query := `SELECT seq FROM events WHERE NOT (` + strings.Join(within, " OR ") + `)`
	if types := figureTypes(); types != nil {
		query += ` AND type IN (` + strings.TrimSuffix(strings.Repeat("?,", len(types)), ",") + `)`
		for _, t := range types {
			args = append(args, t)
		}
	}
	rows, err := a.DB().QueryContext(ctx, query+` ORDER BY seq`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var s int64
		if err := rows.Scan(&s); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

// figureTypes are the event types the projections read, retractions
// included; nil if one of them reads every type.
func figureTypes() []string {
	out := []string{"EventRetracted"}
	for _, p := range projections.All() {
		if len(p.Types()) == 0 {
			return nil
		}
		out = append(out, p.Types()...)
	}
	return out
}

// amendment reads the event at seq, and the event it retracts if it is a retraction.
func (a *App) amendment(ctx context.Context, seq int64) (Amendment, error) {
	var r events.Record
	var data, meta []byte
	err := a.DB().QueryRowContext(ctx, `SELECT seq, id, type, stream, occurred_on, recorded_at, data, meta FROM events WHERE seq = ?`, seq).
		Scan(&r.Seq, &r.ID, &r.Type, &r.Stream, &r.OccurredOn, &r.RecordedAt, &data, &meta)
	if err != nil {
		return Amendment{}, err
	}
	r.Data, r.Meta = data, meta
	m, _ := r.DecodeMeta()
	am := Amendment{Seq: r.Seq, ID: r.ID, Type: r.Type, Stream: r.Stream, OccurredOn: r.OccurredOn, RecordedAt: r.RecordedAt,
		Actor: m.Actor, Reason: m.Reason, Source: m.Source, Data: r.Data, Changes: []FigureDelta{}}
	if r.Type == "EventRetracted" {
		var e events.EventRetracted
		if json.Unmarshal(r.Data, &e) == nil {
			ref := EventRef{ID: e.EventID}
			if a.DB().QueryRowContext(ctx, `SELECT seq, type FROM events WHERE id = ?`, e.EventID).Scan(&ref.Seq, &ref.Type) == nil {
				am.Retracts = &ref
			}
		}
	}
	return am, nil
}

// changedFigures are the figures whose values differ between two lists, in
// the order of after, then those only in before. A figure missing from a
// list counts as 0 (a class type with no class has no line), so that only
// a real change of value is reported.
func changedFigures(before, after []projections.Figure) []FigureChange {
	b := map[string]projections.Figure{}
	for _, f := range before {
		b[f.Key] = f
	}
	out := []FigureChange{}
	seen := map[string]bool{}
	for _, f := range after {
		seen[f.Key] = true
		old, ok := b[f.Key]
		if ok && old.Value == f.Value || !ok && f.Value == 0 {
			continue
		}
		c := FigureChange{Key: f.Key, Label: f.Label, Unit: f.Unit, Now: ptr(f.Value)}
		if ok {
			c.AtClose = ptr(old.Value)
		}
		out = append(out, c)
	}
	for _, f := range before {
		if !seen[f.Key] && f.Value != 0 {
			out = append(out, FigureChange{Key: f.Key, Label: f.Label, Unit: f.Unit, AtClose: ptr(f.Value)})
		}
	}
	return out
}

func sameFigures(a, b []projections.Figure) bool { return len(changedFigures(a, b)) == 0 }

func ptr(v float64) *float64 { return &v }
