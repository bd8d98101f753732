package app

import (
	"context"
	"strings"
	"sync"
	"time"

	"socai/events"
	"socai/projections"
)

// SnapshotState describes the period snapshot the window has open in
// "chế độ kiểm tra": every page and every audit tool reads it, nothing can
// be recorded until it is closed.
type SnapshotState struct {
	Path   string `json:"path"`
	Period string `json:"period"`
	// School is the school the snapshot was made for, "" for the cluster;
	// ScopeName names it.
	School    string `json:"school"`
	ScopeName string `json:"scope_name"`
	// Cutoff is the record-time moment its events stop at (RFC 3339 UTC).
	Cutoff     string `json:"cutoff"`
	Creator    string `json:"creator"`
	Origin     string `json:"origin"`
	AppVersion string `json:"app_version"`
	CreatedAt  string `json:"created_at"`
	// Fingerprint is the signer's key, to compare by phone; KeyStatus says
	// what this ledger knows of it (see SignerCheck).
	Fingerprint string `json:"fingerprint"`
	KeyStatus   string `json:"key_status"`
	Events      int64  `json:"events"`
}

// openSnapshot is a snapshot file the live App shows instead of its ledger.
type openSnapshot struct {
	state SnapshotState
	store *events.Store // the file, read-only: ledger page and chain checks
	at    time.Time     // its cutoff
}

// snapshotSlot holds the open snapshot of the live App, if any.
type snapshotSlot struct {
	mu  sync.Mutex
	cur *openSnapshot
}

func (s *snapshotSlot) get() *openSnapshot {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.cur
}

// swap makes sn the open snapshot and returns the one it replaces.
func (s *snapshotSlot) swap(sn *openSnapshot) *openSnapshot {
	s.mu.Lock()
	defer s.mu.Unlock()
	old := s.cur
	s.cur = sn
	return old
}

// source is the event store the services read: the open snapshot, or the
// ledger. Only what reads goes through it; every write goes to a.Store,
// and writable refuses them all while a snapshot is open.
func (a *App) source() *events.Store {
	if sn := a.socaiFile.get(); sn != nil {
		return sn.store
	}
	return a.Store
}

// readOnlySnapshot is the refusal of every change while a snapshot is open.
func (a *App) readOnlySnapshot() error {
	sn := a.socaiFile.get()
	if sn == nil {
		return nil
	}
	return events.Errorf(events.EREADONLY, "",
		"chế độ kiểm tra: bản chụp số liệu kỳ %s chỉ đọc, không ghi được; đóng bản chụp để trở về sổ cái", sn.state.Period)
}

// OpenSnapshot shows the period snapshot at path in "chế độ kiểm tra"
// instead of the ledger: its signature and structure are checked first, and
// a file that fails is refused, changing nothing. In the window, path ""
// asks for the file with the native open dialog (a cancel changes nothing).
func (s *LedgerService) OpenSnapshot(path string) (AsOfState, error) {
	a := s.app
	ctx := context.Background()
	if a.asOf != nil {
		return AsOfState{}, a.writable()
	}
	if strings.TrimSpace(path) == "" {
		p, err := a.runtime.openFile("Mở bản chụp số liệu", "*.socai", "Bản chụp số liệu socai (*.socai)")
		if err != nil || p == "" {
			if err != nil {
				return AsOfState{}, err
			}
			return a.AsOfState(ctx)
		}
		path = p
	}
	sn, err := a.loadSnapshot(ctx, path)
	if err != nil {
		return AsOfState{}, err
	}
	m := &a.mode
	m.switching.Lock()
	defer m.switching.Unlock()
	v, err := projections.OpenView(ctx, path, projections.Cutoff{At: sn.at}, projections.All()...)
	if err != nil {
		sn.store.Close()
		return AsOfState{}, err
	}
	old := a.socaiFile.swap(sn)
	m.show(&pinnedView{view: v})
	if old != nil {
		old.store.Close()
	}
	return a.AsOfState(ctx)
}

// CloseSnapshot brings the window back to the ledger, now.
func (s *LedgerService) CloseSnapshot() (AsOfState, error) {
	a := s.app
	m := &a.mode
	m.switching.Lock()
	old := a.socaiFile.swap(nil)
	m.show(nil)
	m.switching.Unlock()
	if old != nil {
		old.store.Close()
	}
	return a.AsOfState(context.Background())
}

// showSnapshotAt shows the open snapshot as it stood at t, or whole when t
// is zero: the as-of picker works inside a snapshot too.
func (a *App) showSnapshotAt(ctx context.Context, sn *openSnapshot, t time.Time) (AsOfState, error) {
	if t.IsZero() || t.After(sn.at) {
		t = sn.at
	}
	v, err := projections.OpenAsOf(ctx, sn.store.Path(), t, projections.All()...)
	if err != nil {
		return AsOfState{}, err
	}
	a.mode.show(&pinnedView{view: v})
	return a.AsOfState(ctx)
}
