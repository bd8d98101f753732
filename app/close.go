package app

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"strings"

	"socai/events"
	"socai/projections"
	"socai/vn"
)

// Error codes of the chốt số liệu, stable for scripts.
const (
	EUnknownScope  = "unknown_scope"
	EAlreadyClosed = "already_closed"
	ENotClosed     = "not_closed"
)

// Scope kinds of a close.
const (
	ScopeSchool  = "school"
	ScopeCluster = "cluster"
)

// CloseService records the chốt số liệu of a period (PeriodClosed, with the
// chain heads at that moment) and answers what changed the closed figures
// afterwards: the amendments after close (điều chỉnh sau chốt).
type CloseService struct{ app *App }

// CloseInput is the close form: the period, the school or cluster whose
// figures are closed ("" is the ledger's only cluster), why and on which
// document.
type CloseInput struct {
	Period string `json:"period"`
	Scope  string `json:"scope"`
	Reason string `json:"reason"`
	Source string `json:"source"`
}

// PeriodClose is one recorded close.
type PeriodClose struct {
	EventID    string             `json:"event_id"`
	Seq        int64              `json:"seq"`
	Stream     string             `json:"stream"`
	Period     projections.Period `json:"period"`
	Scope      string             `json:"scope"`
	ScopeKind  string             `json:"scope_kind"`
	ScopeName  string             `json:"scope_name"`
	ClosedAt   string             `json:"closed_at"`
	OccurredOn string             `json:"occurred_on"`
	Actor      string             `json:"actor"`
	Reason     string             `json:"reason"`
	Source     string             `json:"source"`
	Heads      []events.ChainRef  `json:"heads"`
	Digest     DigestCodes        `json:"digest"`
}

// closeScope is what a close covers: a school, or a cluster, whose figures
// are those of the whole ledger (school "").
type closeScope struct{ id, kind, name string }

func (s closeScope) school() string {
	if s.kind == ScopeSchool {
		return s.id
	}
	return ""
}

// stream is where the close of a period ending in year goes: the scope's
// facts of that year.
func (s closeScope) stream(year int) string { return yearStream(s.kind+"-"+s.id, year) }

// findScope looks id up among the schools, then the clusters.
func findScope(ctx context.Context, q projections.Querier, id string) (closeScope, bool, error) {
	for _, k := range []struct{ kind, query string }{
		{ScopeSchool, `SELECT name FROM proj_schools WHERE school_id = ?`},
		{ScopeCluster, `SELECT name FROM proj_clusters WHERE cluster_id = ?`},
	} {
		var name string
		err := q.QueryRowContext(ctx, k.query, id).Scan(&name)
		if err == nil {
			return closeScope{id: id, kind: k.kind, name: name}, true, nil
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return closeScope{}, false, err
		}
	}
	return closeScope{}, false, nil
}

// scopeOf resolves a close's scope; "" is the only cluster of the ledger.
func scopeOf(ctx context.Context, q projections.Querier, id string) (closeScope, error) {
	id = strings.TrimSpace(id)
	if id == "" {
		rows, err := q.QueryContext(ctx, `SELECT cluster_id FROM proj_clusters ORDER BY cluster_id LIMIT 2`)
		if err != nil {
			return closeScope{}, err
		}
		var ids []string
		for rows.Next() {
			var c string
			if err := rows.Scan(&c); err != nil {
				rows.Close()
				return closeScope{}, err
			}
			ids = append(ids, c)
		}
		rows.Close()
		switch len(ids) {
		case 0:
			return closeScope{}, Fail(EUnknownScope, "scope", "sổ cái chưa có cụm thi đua nào: chưa có gì để chốt")
		case 2:
			return closeScope{}, Fail(events.EINVALID, "scope", "sổ cái có nhiều cụm thi đua: hãy chọn trường hoặc cụm cần chốt số liệu")
		}
		id = ids[0]
	}
	sc, ok, err := findScope(ctx, q, id)
	if err != nil {
		return sc, err
	}
	if !ok {
		return sc, Fail(EUnknownScope, "scope", "phạm vi chốt %q không phải trường hay cụm thi đua đã đăng ký", id)
	}
	return sc, nil
}

func parseClosePeriod(s string) (projections.Period, error) {
	p, err := projections.ParsePeriod(strings.TrimSpace(s))
	if err != nil {
		var e *events.Error
		errors.As(err, &e)
		return p, Fail(events.EINVALID, "period", "%s", e.Message)
	}
	return p, nil
}

func samePeriod(a, b projections.Period) bool { return a.From == b.From && a.To == b.To }

func init() {
	validate("PeriodClosed", func(c *Check, stream string, p events.Payload) error {
		e := p.(events.PeriodClosed)
		per, err := parseClosePeriod(e.Period)
		if err != nil {
			return err
		}
		sc, ok, err := findScope(c.Ctx, c.Q(), e.Scope)
		if err != nil {
			return err
		}
		if !ok {
			return Fail(EUnknownScope, "scope", "phạm vi chốt %q không phải trường hay cụm thi đua đã đăng ký", e.Scope)
		}
		if err := c.Stream(stream, sc.stream(per.Year())); err != nil {
			return err
		}
		closes, err := loadCloses(c.Ctx, c.Q(), stream)
		if err != nil {
			return err
		}
		for _, cl := range closes {
			if cl.Scope == e.Scope && samePeriod(cl.Period, per) {
				return Fail(EAlreadyClosed, "period", "số liệu kỳ %s của %s đã được chốt lúc %s (seq %d): không chốt lại được",
					cl.Period.Label, sc.name, vn.DateTimeText(cl.ClosedAt), cl.Seq)
			}
		}
		heads, err := chainHeads(c.Ctx, c.Q(), c.Tx.Origin(), "")
		if err != nil {
			return err
		}
		if !sameHeads(heads, e.Heads) {
			return Fail(events.EINVALID, "heads", "đầu chuỗi phải đúng là đầu chuỗi hiện tại của sổ cái (%s); lệnh chốt số liệu tự điền",
				strings.Join(digestOfHeads(heads).Codes, "; "))
		}
		return nil
	})
}

// sameHeads: refs name exactly the heads, one per chain.
func sameHeads(heads []events.Head, refs []events.ChainRef) bool {
	if len(heads) != len(refs) {
		return false
	}
	want := map[events.ChainRef]bool{}
	for _, h := range heads {
		want[events.ChainRef{Origin: h.Origin, OriginSeq: h.OriginSeq, Hash: h.Hash}] = true
	}
	for _, r := range refs {
		if !want[r] {
			return false
		}
		delete(want, r)
	}
	return true
}

// closesSQL selects the closes that are not retracted.
const closesSQL = `SELECT e.seq, e.id, e.stream, e.occurred_on, e.recorded_at, e.data, e.meta FROM events e
	WHERE e.type = 'PeriodClosed' AND e.id NOT IN (SELECT json_extract(r.data, '$.event_id') FROM events r
		WHERE r.type = 'EventRetracted' AND r.stream = e.stream)`

// loadCloses reads the closes of one stream, or all when stream is "", in
// the order they were recorded.
func loadCloses(ctx context.Context, q projections.Querier, stream string) ([]PeriodClose, error) {
	query, args := closesSQL, []any{}
	if stream != "" {
		query, args = query+` AND e.stream = ?`, append(args, stream)
	}
	rows, err := q.QueryContext(ctx, query+` ORDER BY e.seq`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []PeriodClose{}
	for rows.Next() {
		var cl PeriodClose
		var data, meta []byte
		if err := rows.Scan(&cl.Seq, &cl.EventID, &cl.Stream, &cl.OccurredOn, &cl.ClosedAt, &data, &meta); err != nil {
			return nil, err
		}
		var e events.PeriodClosed
		var m events.Meta
		if err := json.Unmarshal(data, &e); err != nil {
			return nil, err
		}
		if err := json.Unmarshal(meta, &m); err != nil {
			return nil, err
		}
		cl.Period, _ = projections.ParsePeriod(e.Period)
		cl.Scope, cl.Heads = e.Scope, e.Heads
		if cl.Heads == nil {
			cl.Heads = []events.ChainRef{}
		}
		cl.Actor, cl.Reason, cl.Source = m.Actor, m.Reason, m.Source
		cl.Digest = digestOfRefs(cl.Heads)
		out = append(out, cl)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	rows.Close()
	for i := range out {
		if sc, ok, err := findScope(ctx, q, out[i].Scope); err != nil {
			return nil, err
		} else if ok {
			out[i].ScopeKind, out[i].ScopeName = sc.kind, sc.name
		}
	}
	return out, nil
}

// ClosePeriod records the close of in.Period for in.Scope with the chain
// heads of this moment, read in the same transaction as the append, so
// that nothing can slip between them.
func (a *App) ClosePeriod(ctx context.Context, in CloseInput) (PeriodClose, error) {
	if err := a.writable(); err != nil {
		return PeriodClose{}, err
	}
	per, err := parseClosePeriod(in.Period)
	if err != nil {
		return PeriodClose{}, err
	}
	var id string
	err = a.Store.Update(ctx, func(tx *events.Tx) error {
		sc, err := scopeOf(ctx, tx.SQL(), in.Scope)
		if err != nil {
			return err
		}
		heads, err := chainHeads(ctx, tx.SQL(), tx.Origin(), "")
		if err != nil {
			return err
		}
		refs := make([]events.ChainRef, len(heads))
		for i, h := range heads {
			refs[i] = events.ChainRef{Origin: h.Origin, OriginSeq: h.OriginSeq, Hash: h.Hash}
		}
		recs, err := a.appendChecked(ctx, tx, Cmd{Stream: sc.stream(per.Year()), Expected: events.AnyVersion, Event: events.Event{
			OccurredOn: events.DateOf(tx.Now().In(vn.Zone)),
			Data:       events.PeriodClosed{Period: per.Label, Scope: sc.id, Heads: refs},
			Meta:       Note{Reason: in.Reason, Source: in.Source}.meta(),
		}})
		if err != nil {
			return err
		}
		id = recs[0].ID
		return nil
	})
	if err != nil {
		return PeriodClose{}, err
	}
	all, err := loadCloses(ctx, a.DB(), "")
	if err != nil {
		return PeriodClose{}, err
	}
	for _, cl := range all {
		if cl.EventID == id {
			return cl, nil
		}
	}
	return PeriodClose{}, errors.New("chốt số liệu: không đọc lại được sự kiện vừa ghi")
}

// CloseOf is the close of period p for scope ("" is the only cluster), or
// nil if that period was not closed (as of the view a answers for).
func (a *App) CloseOf(ctx context.Context, p projections.Period, scope string) (*PeriodClose, error) {
	sc, err := scopeOf(ctx, a.DB(), scope)
	if err != nil {
		return nil, err
	}
	closes, err := loadCloses(ctx, a.DB(), sc.stream(p.Year()))
	if err != nil {
		return nil, err
	}
	for _, cl := range closes {
		if cl.Scope == sc.id && samePeriod(cl.Period, p) {
			return &cl, nil
		}
	}
	return nil, nil
}

// Close records the chốt số liệu of a period: the figures of the period as
// the ledger holds them now become the figures at close, and any later
// event that changes them is an amendment after close. Closing is final.
func (s *CloseService) Close(in CloseInput) (PeriodClose, error) {
	return s.app.ClosePeriod(context.Background(), in)
}

// Closes lists the closes, in the order they were recorded.
func (s *CloseService) Closes() ([]PeriodClose, error) {
	return loadCloses(context.Background(), s.app.DB(), "")
}

// Amendments compares the figures of a closed period at its close with
// today's and names the later events that make the difference.
func (s *CloseService) Amendments(period, scope string) (AmendmentReport, error) {
	ctx := context.Background()
	per, err := parseClosePeriod(period)
	if err != nil {
		return AmendmentReport{}, err
	}
	sc, err := scopeOf(ctx, s.app.DB(), scope)
	if err != nil {
		return AmendmentReport{}, err
	}
	cl, err := s.app.CloseOf(ctx, per, sc.id)
	if err != nil {
		return AmendmentReport{}, err
	}
	if cl == nil {
		return AmendmentReport{}, Fail(ENotClosed, "period", "số liệu kỳ %s của %s chưa được chốt", per.Label, sc.name)
	}
	return s.app.Amendments(ctx, *cl)
}

// CloseStatus says whether a period is closed for a scope and which of its
// figures differ from those at close: what a report page flags.
type CloseStatus struct {
	Closed  *PeriodClose   `json:"closed"`
	Changed []FigureChange `json:"changed"`
}

// Status is the close of a period for a school or the cluster (scope ""),
// if any, and the figures changed since: one view of the past at most,
// none when nothing that counts was recorded after the close. A ledger
// without a cluster, or with several and no scope, has no close to show.
func (s *CloseService) Status(period, scope string) (CloseStatus, error) {
	ctx := context.Background()
	st := CloseStatus{Changed: []FigureChange{}}
	per, err := parseClosePeriod(period)
	if err != nil {
		return st, err
	}
	cl, err := s.app.CloseOf(ctx, per, scope)
	var refusal *events.Error
	if errors.As(err, &refusal) {
		return st, nil
	}
	if err != nil || cl == nil {
		return st, err
	}
	rep, err := s.app.amendments(ctx, *cl, false)
	if err != nil {
		return st, err
	}
	st.Closed, st.Changed = cl, rep.Changed
	return st, nil
}
