package app

import (
	"context"
	"sync"
	"sync/atomic"

	"socai/events"
	"socai/projections"
)

// snapshots keeps the projection snapshots of the open ledger current
// (docs/snapshots.md), so that a view of the past replays only the events
// after the nearest one. They are due when a commit crosses a multiple of
// the policy's Every or records a PeriodClosed. In the window a goroutine
// takes them after commits, never blocking the writer; elsewhere (the CLI's
// import, demo, close) Close takes those due before the ledger closes.
type snapshots struct {
	app   *App
	mu    sync.Mutex  // one EnsureSnapshots at a time in this process
	due   atomic.Bool // a commit since the last EnsureSnapshots calls for one
	unsub func()

	bg struct {
		sync.Mutex
		kick   chan struct{}
		cancel context.CancelFunc
		done   chan struct{}
		ran    func(projections.SnapshotReport, error) // after each run, for tests
	}
}

// watchSnapshots hooks the snapshots on the store's commits.
func (a *App) watchSnapshots() {
	s := &snapshots{app: a}
	a.snaps = s
	s.unsub = a.Store.Subscribe(s.committed)
}

// committed runs in the appending goroutine after each commit: it only
// notes that snapshots are due, and wakes the background goroutine if any.
func (s *snapshots) committed(recs []events.Record) {
	every := s.app.SnapshotPolicy.Every
	first, last := recs[0].Seq, recs[len(recs)-1].Seq
	due := every > 0 && (first-1)/every != last/every
	for _, r := range recs {
		due = due || r.Type == "PeriodClosed"
	}
	if !due {
		return
	}
	s.due.Store(true)
	s.bg.Lock()
	defer s.bg.Unlock()
	if s.bg.kick != nil {
		select {
		case s.bg.kick <- struct{}{}:
		default: // a run is already pending; it will see these events
		}
	}
}

// startSnapshots takes the snapshots in a background goroutine: once now
// (a ledger written by the CLI or an older version), then after each commit
// that calls for one. The window starts it.
func (a *App) startSnapshots() {
	s := a.snaps
	if s == nil {
		return
	}
	s.bg.Lock()
	defer s.bg.Unlock()
	if s.bg.kick != nil {
		return
	}
	ctx, cancel := context.WithCancel(context.Background())
	kick, done, ran := make(chan struct{}, 1), make(chan struct{}), s.bg.ran
	s.bg.kick, s.bg.cancel, s.bg.done = kick, cancel, done
	kick <- struct{}{}
	go func() {
		defer close(done)
		for {
			select {
			case <-ctx.Done():
				return
			case <-kick:
				rep, err := a.EnsureSnapshots(ctx) // no snapshot is never an error: views replay from the start
				if ran != nil {
					ran(rep, err)
				}
			}
		}
	}()
}

// close stops watching: the background goroutine is cancelled (a build
// under way leaves no file), else the snapshots due are taken now.
func (s *snapshots) close() {
	s.unsub()
	s.bg.Lock()
	cancel, done := s.bg.cancel, s.bg.done
	s.bg.Unlock()
	if cancel != nil {
		cancel()
		<-done
		return
	}
	if s.due.Load() {
		s.app.EnsureSnapshots(context.Background())
	}
}

// EnsureSnapshots brings the snapshots of the ledger up to date now and
// says what it did; a read-only ledger or folder means none, not an error.
func (a *App) EnsureSnapshots(ctx context.Context) (projections.SnapshotReport, error) {
	if s := a.snaps; s != nil {
		s.mu.Lock()
		defer s.mu.Unlock()
		s.due.Store(false)
	}
	return projections.EnsureSnapshots(ctx, a.Store.Path(), a.SnapshotPolicy, projections.All()...)
}

// Snapshots lists the snapshots of the ledger, each with the reason it
// cannot be used, if any.
func (a *App) Snapshots(ctx context.Context) ([]projections.SnapshotInfo, error) {
	return projections.ListSnapshots(ctx, a.Store.Path(), projections.All()...)
}
