package app

import (
	"context"
	"time"

	"socai/events"
	"socai/vn"
)

// LedgerService answers questions about the event store itself: where it
// is, how much it holds, and whether its history is intact.
type LedgerService struct {
	app *App
}

// LedgerInfo is what the "Sổ cái" page shows.
type LedgerInfo struct {
	DBPath     string        `json:"db_path"`
	Origin     string        `json:"origin"`
	AppVersion string        `json:"app_version"`
	Events     int64         `json:"events"`
	Streams    int64         `json:"streams"`
	Heads      []events.Head `json:"heads"`
	// LastOccurredOn is the latest business date up to today: the window
	// opens on its half-year when the user has chosen no period yet.
	LastOccurredOn string `json:"last_occurred_on"`
}

// Info describes the open ledger.
func (s *LedgerService) Info() (LedgerInfo, error) {
	ctx := context.Background()
	st := s.app.source()
	var total, streams int64
	var last string
	today := events.DateOf(time.Now().In(vn.Zone))
	// COUNT(DISTINCT stream) reads only the (stream, version) index.
	if err := st.DB().QueryRowContext(ctx, `SELECT COUNT(*), COUNT(DISTINCT stream),
		COALESCE((SELECT MAX(occurred_on) FROM events WHERE occurred_on <= ?), '') FROM events`, string(today)).
		Scan(&total, &streams, &last); err != nil {
		return LedgerInfo{}, err
	}
	heads, err := st.Heads(ctx)
	if err != nil {
		return LedgerInfo{}, err
	}
	if heads == nil {
		heads = []events.Head{}
	}
	return LedgerInfo{DBPath: st.Path(), Origin: st.Origin(), AppVersion: Version,
		Events: total, Streams: streams, Heads: heads, LastOccurredOn: last}, nil
}

// Verify recomputes every hash chain of the ledger.
func (s *LedgerService) Verify() (events.Report, error) {
	return s.app.source().Verify(context.Background(), events.VerifyOptions{})
}

// IsEmpty reports whether the ledger holds no event yet: the window offers
// the demo data on its first start.
func (s *LedgerService) IsEmpty() (bool, error) {
	return s.app.isEmpty(context.Background())
}

// LoadDemo records the demo cluster (docs/demo.md) into an empty ledger;
// a ledger with any event is refused (already_exists).
func (s *LedgerService) LoadDemo() (DemoResult, error) {
	return s.app.LoadDemo(context.Background())
}

// SetAsOf shows the ledger as it stood at record time t: RFC 3339, or a date
// (the end of that day in Vietnam), "" for now. While it shows the past
// every service answers as of then and every command is refused
// (read_only). A moment in the future or that cannot be read is refused
// (invalid, field as_of) and changes nothing.
func (s *LedgerService) SetAsOf(t string) (AsOfState, error) {
	return s.app.ShowAsOf(context.Background(), t)
}

// AsOfState says which moment the ledger is shown at.
func (s *LedgerService) AsOfState() (AsOfState, error) {
	return s.app.AsOfState(context.Background())
}
