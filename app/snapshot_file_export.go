package app

import (
	"context"
	"encoding/json"
	"os"
	"strings"
	"time"

	"socai/events"
	"socai/exchange"
	"socai/projections"
	"socai/vn"
)

// snapshotCutoff is the manifest's "cutoff" of a snapshot: the record-time
// moment its events stop at, what the user asked for (--as-of, "" for the
// moment of export) and who made it.
type snapshotCutoff struct {
	At    string `json:"at"`
	AsOf  string `json:"as_of"`
	Actor string `json:"actor"`
}

// snapshotFigures is the manifest's "figures" of a snapshot: the period's
// figures per scope, the cluster ("") first, then every school.
type snapshotFigures struct {
	Scopes []ScopeFigures `json:"scopes"`
}

// SnapshotResult is what writing a snapshot produced.
type SnapshotResult struct {
	Path        string        `json:"path"`
	Period      string        `json:"period"`
	School      string        `json:"school"`
	Cutoff      string        `json:"cutoff"`
	Events      int64         `json:"events"`
	Heads       []events.Head `json:"heads"`
	Figures     int           `json:"figures"`
	Fingerprint string        `json:"fingerprint"`
	Bytes       int64         `json:"bytes"`
}

// WriteSnapshot writes the period snapshot of period (as of asOf, "" for
// now or the moment the window shows; for one school, or the cluster when
// school is "") to path, signed with this installation's key. Bad input is
// refused before anything is written; the file appears whole or not at all.
func (a *App) WriteSnapshot(ctx context.Context, path, period, asOf, school string) (SnapshotResult, error) {
	if a.socaiFile.get() != nil {
		return SnapshotResult{}, Fail(events.EREADONLY, "", "đang mở một bản chụp ở chế độ kiểm tra: đóng bản chụp rồi xuất bản chụp của sổ cái")
	}
	if strings.TrimSpace(path) == "" {
		return SnapshotResult{}, Fail(events.EINVALID, "path", "cần đường dẫn tệp .socai để lưu bản chụp")
	}
	p, err := projections.ParsePeriod(strings.TrimSpace(period))
	if err != nil {
		return SnapshotResult{}, err
	}
	now := a.Store.Now()
	cutoff := now
	if s := strings.TrimSpace(asOf); s != "" {
		if cutoff, err = projections.ParseAsOf(s); err != nil {
			return SnapshotResult{}, err
		}
		if cutoff.After(now) {
			return SnapshotResult{}, Fail(events.EINVALID, "as_of", "thời điểm %s chưa tới (bây giờ là %s)", vn.DateTime(cutoff), vn.DateTime(now))
		}
	} else if at, ok := a.viewedAt(); ok {
		cutoff = at // the window shows the past: the snapshot is of that moment
	}
	view, err := projections.OpenAsOf(ctx, a.Store.Path(), cutoff, projections.All()...)
	if err != nil {
		return SnapshotResult{}, err
	}
	defer view.Close()
	cluster := ""
	if school != "" {
		err = view.DB().QueryRowContext(ctx, `SELECT cluster_id FROM proj_schools WHERE school_id = ?`, school).Scan(&cluster)
		if err != nil {
			return SnapshotResult{}, Fail(EUnknownSchool, "school", "trường %q chưa được đăng ký trong sổ cái (tại thời điểm chốt)", school)
		}
	} else {
		view.DB().QueryRowContext(ctx, `SELECT COALESCE(MIN(cluster_id), '') FROM proj_clusters`).Scan(&cluster)
	}
	scopes, err := PeriodFigures(ctx, view.DB(), p, school)
	if err != nil {
		return SnapshotResult{}, err
	}
	key, err := a.Store.SigningKey(ctx)
	if err != nil {
		return SnapshotResult{}, err
	}
	cut, _ := json.Marshal(snapshotCutoff{At: events.FormatRecordedAt(cutoff), AsOf: strings.TrimSpace(asOf), Actor: a.Actor})
	figs, err := json.Marshal(snapshotFigures{Scopes: scopes})
	if err != nil {
		return SnapshotResult{}, err
	}
	m := exchange.Manifest{Format: exchange.FormatSnapshot, FormatVersion: exchange.FormatVersion,
		ClusterID: cluster, SchoolID: school, Creator: a.Store.Origin(), AppVersion: Version,
		CreatedAt: events.FormatRecordedAt(now), Period: p.Label, Cutoff: cut, Figures: figs}
	limit := events.FormatRecordedAt(cutoff)
	recs := func(fn func(events.Record) error) error {
		return a.Store.Each(ctx, events.Filter{}, func(r events.Record) error {
			if r.RecordedAt > limit {
				return nil
			}
			return fn(r)
		})
	}
	if m, err = exchange.Write(ctx, path, m, recs, key); err != nil {
		return SnapshotResult{}, err
	}
	res := SnapshotResult{Path: path, Period: p.Label, School: school, Cutoff: limit, Events: m.Events,
		Fingerprint: m.Fingerprint, Heads: []events.Head{}}
	if res.Heads, err = chainHeads(ctx, view.DB(), a.Store.Origin(), ""); err != nil {
		return SnapshotResult{}, err
	}
	for _, s := range scopes {
		res.Figures += len(s.Figures)
	}
	if fi, err := os.Stat(path); err == nil {
		res.Bytes = fi.Size()
	}
	return res, nil
}

// Snapshot asks, in the window, where to save the period snapshot and writes
// it there (see WriteSnapshot); Path is "" if the user cancelled.
func (s *ExportService) Snapshot(period, asOf, school string) (SnapshotResult, error) {
	name := "ban-chup-" + strings.TrimSpace(period)
	if school != "" {
		name += "-" + school
	}
	path, err := s.app.runtime.savePath("Lưu bản chụp số liệu", name+".socai")
	if err != nil || path == "" {
		return SnapshotResult{}, err
	}
	return s.app.WriteSnapshot(context.Background(), path, period, asOf, school)
}

// SaveSnapshot writes the period snapshot to path: the HTTP harness has no
// save dialog.
func (s *ExportService) SaveSnapshot(period, asOf, school, path string) (SnapshotResult, error) {
	return s.app.WriteSnapshot(context.Background(), path, period, asOf, school)
}

// snapshotCutoffOf reads the cutoff moment of a snapshot's manifest.
func snapshotCutoffOf(m exchange.Manifest) (snapshotCutoff, time.Time, error) {
	var c snapshotCutoff
	if err := json.Unmarshal(m.Cutoff, &c); err != nil {
		return c, time.Time{}, events.Errorf(exchange.EBADMANIFEST, "file", "bản kê của bản chụp không ghi thời điểm chốt đọc được: %v", err)
	}
	at, err := events.ParseRecordedAt(c.At)
	if err != nil {
		return c, time.Time{}, events.Errorf(exchange.EBADMANIFEST, "file", "thời điểm chốt %q trong bản kê không hợp lệ", c.At)
	}
	return c, at, nil
}
