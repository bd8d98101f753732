// Package app is the command side of socai and the API bound to the window,
// the HTTP test harness and the CLI: one service per area, each validating
// commands against current state before it appends.
package app

import (
	"context"
	"database/sql"
	"os"
	"os/user"
	"path/filepath"
	"time"

	"socai/events"
	"socai/projections"
)

// Version is the application version; release builds set it with -ldflags.
var Version = "0.1.0"

// App holds the open ledger and the services bound to the UI.
type App struct {
	Store       *events.Store
	Projections *projections.Runner
	Actor       string
	Ledger      *LedgerService
	Org         *OrganisationService
	ClassPlans  *ClassPlanService
	Staff       *StaffTrainingService
	Research    *ResearchService
	Emulation   *EmulationService
	Deadlines   *DeadlineService
	Closing     *CloseService
	Digest      *DigestService
	Inspections *InspectionService
	Export      *ExportService
	History     *HistoryService
	Keys        *KeyService
	Bundles     *BundleService
	// SnapshotPolicy says when projection snapshots are taken (app/snapshots.go).
	SnapshotPolicy projections.SnapshotPolicy

	runtime *uiRuntime
	snaps   *snapshots
	// asOf, when set, is the ledger as it stood at a record time: every
	// query reads it and every command is refused.
	asOf *projections.AsOf
	// mode is the moment the window chose to look at (asof_mode.go).
	mode asOfMode
	// socaiFile is the period snapshot (.socai) the window shows instead of the ledger
	// (snapshot_file_open.go).
	socaiFile snapshotSlot
}

// Open opens (creating if needed) the ledger at path and brings its
// projections up to date; progress, if given, hears about rebuilds.
func Open(path string, progress projections.Progress) (*App, error) {
	st, err := events.Open(path)
	if err != nil {
		return nil, err
	}
	runner, err := projections.Attach(context.Background(), st, progress, projections.All()...)
	if err != nil {
		st.Close()
		return nil, err
	}
	a := &App{Store: st, Projections: runner, Actor: DefaultActor(), runtime: &uiRuntime{}}
	a.mode.live = st.DB()
	a.wire()
	a.SnapshotPolicy = projections.DefaultSnapshotPolicy
	a.watchSnapshots()
	st.Subscribe(func(recs []events.Record) { a.runtime.emit("ledger:changed", len(recs)) })
	return a, nil
}

// wire makes the services of a.
func (a *App) wire() {
	a.Ledger = &LedgerService{app: a}
	a.Org = &OrganisationService{app: a}
	a.ClassPlans = &ClassPlanService{app: a}
	a.Staff = &StaffTrainingService{app: a}
	a.Research = &ResearchService{app: a}
	a.Emulation = &EmulationService{app: a}
	a.Deadlines = &DeadlineService{app: a}
	a.Closing = &CloseService{app: a}
	a.Digest = &DigestService{app: a}
	a.Inspections = &InspectionService{app: a}
	a.Export = &ExportService{app: a}
	a.History = &HistoryService{app: a}
	a.Keys = &KeyService{app: a}
	a.Bundles = &BundleService{app: a}
}

// AsOf is the same ledger as it stood at record time t (only the events
// recorded at or before t count, retractions included): every service
// answers as of then, and refuses to record. Close it when done.
func (a *App) AsOf(ctx context.Context, t time.Time) (*App, error) {
	v, err := projections.OpenAsOf(ctx, a.Store.Path(), t, projections.All()...)
	if err != nil {
		return nil, err
	}
	h := &App{Store: a.Store, Actor: a.Actor, runtime: &uiRuntime{}, asOf: v}
	h.wire()
	return h, nil
}

// DB is what the services query: the live projections, or those as of a moment.
func (a *App) DB() *sql.DB {
	if a.asOf != nil {
		return a.asOf.DB()
	}
	if db := a.mode.db(); db != nil {
		return db
	}
	return a.Store.DB()
}

// Close closes the ledger, or only the historical view of an AsOf.
func (a *App) Close() error {
	if a.asOf != nil {
		return a.asOf.Close()
	}
	a.mode.close()
	if a.snaps != nil {
		a.snaps.close()
	}
	if sn := a.socaiFile.swap(nil); sn != nil {
		sn.store.Close()
	}
	return a.Store.Close()
}

// Services are the structs whose exported methods the UI may call.
func (a *App) Services() []any {
	return []any{a.Ledger, a.Org, a.ClassPlans, a.Staff, a.Research, a.Emulation, a.Deadlines, a.Closing, a.Digest,
		a.Inspections, a.Export, a.History, a.Keys, a.Bundles}
}

// Startup receives the Wails context of the window.
func (a *App) Startup(ctx context.Context) {
	a.runtime.ctx = ctx
	a.startSnapshots()
}

// DefaultDBPath is <user config dir>/socai/socai.db, unless SOCAI_DB says otherwise.
func DefaultDBPath() string {
	if p := os.Getenv("SOCAI_DB"); p != "" {
		return p
	}
	dir, err := os.UserConfigDir()
	if err != nil {
		dir = "."
	}
	return filepath.Join(dir, "socai", "socai.db")
}

// DefaultActor is SOCAI_ACTOR, else the OS user name.
func DefaultActor() string {
	if a := os.Getenv("SOCAI_ACTOR"); a != "" {
		return a
	}
	if u, err := user.Current(); err == nil && u.Username != "" {
		return u.Username
	}
	return "unknown"
}
