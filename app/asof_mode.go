package app

import (
	"context"
	"database/sql"
	"sync"
	"time"

	"socai/events"
	"socai/projections"
	"socai/vn"
)

// AsOfState is the moment the window looks at the ledger.
type AsOfState struct {
	// Historical is true in a view of the past: every page answers as of
	// AsOf and nothing can be recorded.
	Historical bool `json:"historical"`
	// AsOf is the record-time moment, RFC 3339 UTC; "" for now.
	AsOf string `json:"as_of"`
	// Events is how many events the view holds: those recorded by AsOf, or
	// all of them now.
	Events int64 `json:"events"`
	// Snapshot is the period snapshot shown instead of the ledger, if any.
	Snapshot *SnapshotState `json:"snapshot"`
}

// asOfMode lets the live App, the one bound to the window and to socai
// serve, show the ledger as it stood at a record time, then come back to now.
//
// The services read a.DB() from many goroutines at once, and a view of the
// past must be closed to free its memory once the window moves on. So in a
// historical view a.DB() is not the view itself but one long-lived database
// (proxy) whose connections each hold the view that was current when they
// were opened: a query in flight keeps its view open; a connection whose view
// is no longer current is dropped when it comes back to the pool; a retired
// view is closed when its last connection goes. A call that issues several
// queries across a switch may read some before it and some after: the window
// asks again after every switch, and the latest answer wins.
type asOfMode struct {
	live *sql.DB // the ledger itself, for a connection opened while there is no view

	switching sync.Mutex // one switch at a time, so that the last request wins

	mu    sync.Mutex // guards cur, proxy and the views' refs
	cur   *pinnedView
	proxy *sql.DB
}

// pinnedView is a view of the past with the connections that hold it.
type pinnedView struct {
	view    *projections.AsOf
	refs    int
	retired bool
	closed  bool
}

// proxyIdleConns is how many idle connections the proxy keeps between queries.
const proxyIdleConns = 4

// current is the view the window shows, nil for now.
func (m *asOfMode) current() *pinnedView {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.cur
}

// db is what queries read while the window shows the past, nil for now.
func (m *asOfMode) db() *sql.DB {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.cur == nil {
		return nil
	}
	return m.proxy
}

// acquire pins the current view for a new connection.
func (m *asOfMode) acquire() *pinnedView {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.cur != nil {
		m.cur.refs++
	}
	return m.cur
}

// release unpins v and closes it if it was retired and this was its last use.
func (m *asOfMode) release(v *pinnedView) {
	if v == nil {
		return
	}
	m.mu.Lock()
	v.refs--
	done := v.retired && v.refs == 0
	v.closed = v.closed || done
	m.mu.Unlock()
	if done {
		v.view.Close()
	}
}

// show makes v (nil: now) the view every query reads, and retires the
// previous one.
func (m *asOfMode) show(v *pinnedView) {
	m.mu.Lock()
	old := m.cur
	m.cur = v
	if v != nil && m.proxy == nil {
		m.proxy = sql.OpenDB(viewConnector{m})
		m.proxy.SetMaxIdleConns(proxyIdleConns)
	}
	proxy := m.proxy
	var done bool
	if old != nil {
		old.retired = true
		done = old.refs == 0
		old.closed = done
	}
	m.mu.Unlock()
	if done {
		old.view.Close()
	}
	if proxy != nil && old != nil {
		// the idle connections still hold the old view: let them go now
		// rather than on their next use
		proxy.SetMaxIdleConns(0)
		proxy.SetMaxIdleConns(proxyIdleConns)
	}
}

// close ends the historical view, if any, and the proxy.
func (m *asOfMode) close() error {
	m.show(nil)
	m.mu.Lock()
	proxy := m.proxy
	m.proxy = nil
	m.mu.Unlock()
	if proxy != nil {
		return proxy.Close()
	}
	return nil
}

// ShowAsOf switches the live App to the ledger as it stood at s (RFC 3339,
// or a date: the end of that day in Vietnam), or back to now when s is "".
// A moment in the future or that cannot be read is refused and changes
// nothing; a moment before the first event shows an empty ledger.
func (a *App) ShowAsOf(ctx context.Context, s string) (AsOfState, error) {
	if a.asOf != nil {
		return AsOfState{}, a.writable()
	}
	m := &a.mode
	m.switching.Lock()
	defer m.switching.Unlock()
	sn := a.socaiFile.get()
	if s == "" && sn == nil {
		m.show(nil)
		return a.AsOfState(ctx)
	}
	var at time.Time
	if s != "" {
		var err error
		if at, err = projections.ParseAsOf(s); err != nil {
			return AsOfState{}, err
		}
	}
	if sn != nil {
		return a.showSnapshotAt(ctx, sn, at)
	}
	if now := a.Store.Now(); at.After(now) {
		return AsOfState{}, events.Errorf(events.EINVALID, "as_of",
			"thời điểm %s chưa tới (bây giờ là %s): chỉ xem được sổ cái như đã ghi đến hiện tại",
			vn.DateTime(at), vn.DateTime(now))
	}
	v, err := projections.OpenAsOf(ctx, a.Store.Path(), at, projections.All()...)
	if err != nil {
		return AsOfState{}, err
	}
	m.show(&pinnedView{view: v})
	return a.AsOfState(ctx)
}

// AsOfState says which moment a shows and how many events it holds then.
func (a *App) AsOfState(ctx context.Context) (AsOfState, error) {
	st := AsOfState{}
	if at, ok := a.viewedAt(); ok {
		st.Historical, st.AsOf = true, at.UTC().Format(time.RFC3339Nano)
	}
	if err := a.DB().QueryRowContext(ctx, `SELECT COUNT(*) FROM events`).Scan(&st.Events); err != nil {
		return AsOfState{}, err
	}
	if sn := a.socaiFile.get(); sn != nil {
		state := sn.state
		st.Snapshot = &state
	}
	return st, nil
}

// viewedAt is the record time a shows, and whether it shows the past.
func (a *App) viewedAt() (time.Time, bool) {
	if a.asOf != nil {
		return a.asOf.At, true
	}
	if v := a.mode.current(); v != nil {
		return v.view.At, true
	}
	return time.Time{}, false
}

// today is the date in Vietnam that statuses are judged on: now, or the day
// of the moment a view of the past shows.
func (a *App) today() events.Date {
	if at, ok := a.viewedAt(); ok && !at.IsZero() {
		return events.DateOf(at.In(vn.Zone))
	}
	return vnToday()
}
