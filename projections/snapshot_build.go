package projections

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"socai/events"
)

// SnapshotPolicy says when snapshots are taken and how many are kept.
type SnapshotPolicy struct {
	// Every: a regular snapshot at every multiple of Every (seq).
	Every int64 `json:"every"`
	// Keep: the newest Keep regular snapshots are kept; period-close
	// snapshots are all kept.
	Keep int `json:"keep"`
}

// DefaultSnapshotPolicy: a snapshot every 4.000 events, the newest 25 kept.
// Chosen by measurement on 100k events (docs/snapshots.md): an as-of
// question replays on average half of Every events after its snapshot plus
// fixed costs (the copy of the snapshot, the figures); 4.000 keeps it near
// 0,07 of a full rebuild where 5.000 gave 0,08–0,095, too close to the goal
// of 0,1, and 2.500 was no better for 1,6 times the files. 25 of them cover
// the newest 100.000 events, decades of a cluster's records; older moments
// start from the period-close snapshots.
var DefaultSnapshotPolicy = SnapshotPolicy{Every: 4000, Keep: 25}

// SnapshotReport says what EnsureSnapshots did.
type SnapshotReport struct {
	Dir  string `json:"dir"`
	Head int64  `json:"head"`
	// Disabled says why no snapshot can be kept (a read-only ledger or
	// folder); "" when they can.
	Disabled  string         `json:"disabled,omitempty"`
	Created   []SnapshotInfo `json:"created"`
	Removed   []SnapshotInfo `json:"removed"`
	Snapshots []SnapshotInfo `json:"snapshots"`
}

// EnsureSnapshots brings the snapshots of the ledger at path up to date:
// the newest pol.Keep multiples of pol.Every up to the ledger's last event,
// and one for every PeriodClosed event, each built from the snapshot before
// it and the events between; stale ones are removed, and regular ones
// beyond pol.Keep. A ledger or folder that cannot be written means no
// snapshots, which is not an error.
func EnsureSnapshots(ctx context.Context, path string, pol SnapshotPolicy, projs ...Projection) (SnapshotReport, error) {
	dir := SnapshotDir(path)
	rep := SnapshotReport{Dir: dir, Created: []SnapshotInfo{}, Removed: []SnapshotInfo{}, Snapshots: []SnapshotInfo{}}
	if pol.Every <= 0 || pol.Keep < 0 {
		return rep, events.Errorf(events.EINVALID, "policy", "chính sách ảnh chụp không hợp lệ: mỗi %d sự kiện, giữ %d", pol.Every, pol.Keep)
	}
	if _, err := os.Stat(path); err != nil {
		return rep, events.Errorf(events.ENOTFOUND, "path", "không có sổ cái %s", path)
	}
	disable := func(why string) (SnapshotReport, error) {
		rep.Disabled = why
		rep.Snapshots, _ = ListSnapshots(ctx, path, projs...)
		return rep, nil
	}
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		return disable("sổ cái chỉ đọc: " + err.Error())
	}
	f.Close()
	l, err := openLedger(ctx, path)
	if err != nil {
		return rep, err
	}
	defer l.Close()
	if err := l.QueryRowContext(ctx, `SELECT COALESCE(MAX(seq), 0) FROM src.events`).Scan(&rep.Head); err != nil {
		return rep, fmt.Errorf("%s không phải sổ cái socai: %w", path, err)
	}
	removeStaleTemps(dir)

	// The snapshots there are, less the stale ones.
	var have []SnapshotInfo
	for _, f := range snapshotFiles(dir) {
		info, err := readSnapshot(ctx, f.path)
		if err == nil {
			info.Problem, _ = info.versionProblem(projs, true)
			if info.Problem == "" {
				if info.Problem, err = info.ledgerProblem(ctx, l); err != nil {
					return rep, err
				}
			}
		} else {
			info.Seq, info.Problem = f.seq, "không đọc được: "+err.Error()
		}
		if info.Problem != "" {
			removeSnapshot(f.path)
			rep.Removed = append(rep.Removed, info)
			continue
		}
		have = append(have, info)
	}

	targets, err := snapshotTargets(ctx, l, rep.Head, pol, have)
	if err != nil {
		return rep, err
	}
	if len(targets) > 0 {
		if why := unwritableDir(dir); why != "" {
			return disable(why)
		}
	}
	for _, t := range targets {
		if err := ctx.Err(); err != nil {
			return rep, err
		}
		info, err := buildSnapshot(ctx, path, base(have, t.Seq), t, projs)
		if err != nil {
			return rep, fmt.Errorf("ảnh chụp seq %d: %w", t.Seq, err)
		}
		if info == nil {
			continue
		}
		have = append(have, *info)
		rep.Created = append(rep.Created, *info)
	}

	// Retention: every period close, the newest pol.Keep regular ones.
	sort.Slice(have, func(i, j int) bool { return have[i].Seq > have[j].Seq })
	regular := 0
	for _, info := range have {
		if info.Kind == SnapshotRegular {
			if regular++; regular > pol.Keep {
				if removeSnapshot(info.File) {
					info.Problem = fmt.Sprintf("chỉ giữ %d ảnh chụp định kỳ mới nhất", pol.Keep)
					rep.Removed = append(rep.Removed, info)
				}
				continue
			}
		}
		rep.Snapshots = append(rep.Snapshots, info)
	}
	sort.Slice(rep.Snapshots, func(i, j int) bool { return rep.Snapshots[i].Seq < rep.Snapshots[j].Seq })
	return rep, nil
}

// ListSnapshots describes the snapshots of the ledger at path, by seq, each
// with the reason it cannot be used, if any. It changes nothing.
func ListSnapshots(ctx context.Context, path string, projs ...Projection) ([]SnapshotInfo, error) {
	out := []SnapshotInfo{}
	files := snapshotFiles(SnapshotDir(path))
	if len(files) == 0 {
		return out, nil
	}
	l, err := openLedger(ctx, path)
	if err != nil {
		return out, err
	}
	defer l.Close()
	for _, f := range files {
		info, err := readSnapshot(ctx, f.path)
		if err != nil {
			info.Seq, info.Problem = f.seq, "không đọc được: "+err.Error()
		} else if info.Problem, _ = info.versionProblem(projs, true); info.Problem == "" {
			if info.Problem, err = info.ledgerProblem(ctx, l); err != nil {
				info.Problem = "không đối chiếu được với sổ cái: " + err.Error()
			}
		}
		out = append(out, info)
	}
	return out, nil
}

// openLedger is a memory database with the ledger at path attached
// read-only as src: reading it never blocks a writer.
func openLedger(ctx context.Context, path string) (*sql.DB, error) {
	a, err := newView(ctx, path, Cutoff{})
	if err != nil {
		return nil, err
	}
	return a.db, nil
}

// unwritableDir makes the snapshot folder if needed and says why snapshots
// cannot be written there, or "" if they can.
func unwritableDir(dir string) string {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "không tạo được thư mục ảnh chụp: " + err.Error()
	}
	probe, err := os.CreateTemp(dir, ".probe-*.tmp")
	if err != nil {
		return "thư mục ảnh chụp không ghi được: " + err.Error()
	}
	probe.Close()
	os.Remove(probe.Name())
	return ""
}

// removeStaleTemps removes the unfinished files of builds that were
// interrupted (a process killed while writing); a recent one may be another
// process's build under way.
func removeStaleTemps(dir string) {
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".tmp") {
			continue
		}
		if fi, err := e.Info(); err == nil && time.Since(fi.ModTime()) > time.Hour {
			os.Remove(filepath.Join(dir, e.Name()))
		}
	}
}

// snapshotTarget is a snapshot to build.
type snapshotTarget struct {
	Seq      int64
	Kind     string
	CloseSeq int64
	Period   string
	Scope    string
}

// snapshotTargets are the snapshots missing from have, by seq: the newest
// pol.Keep multiples of pol.Every up to head, and one for each PeriodClosed
// event, at the last seq its heads hold entirely (so that the view of the
// close, Cutoff{Heads: its heads}, can use it).
func snapshotTargets(ctx context.Context, l *sql.DB, head int64, pol SnapshotPolicy, have []SnapshotInfo) ([]snapshotTarget, error) {
	atSeq := map[int64]bool{}
	closed := map[int64]bool{}
	for _, h := range have {
		atSeq[h.Seq] = true
		if h.Kind == SnapshotPeriodClose {
			closed[h.CloseSeq] = true
		}
	}
	var out []snapshotTarget
	top := head / pol.Every
	for m := max(1, top-int64(pol.Keep)+1); m <= top && pol.Keep > 0; m++ {
		if s := m * pol.Every; !atSeq[s] {
			out = append(out, snapshotTarget{Seq: s, Kind: SnapshotRegular})
		}
	}
	type closeEvent struct {
		seq  int64
		data string
	}
	var closes []closeEvent
	err := eachRow(ctx, l, `SELECT seq, data FROM src.events WHERE type = 'PeriodClosed' AND seq <= ? ORDER BY seq`,
		[]any{head}, func(scan func(...any) error) error {
			var c closeEvent
			err := scan(&c.seq, &c.data)
			if !closed[c.seq] {
				closes = append(closes, c)
			}
			return err
		})
	if err != nil {
		return nil, err
	}
	for _, c := range closes {
		var pc events.PeriodClosed
		_ = json.Unmarshal([]byte(c.data), &pc) // a payload that does not decode has no heads: the close's seq bounds it
		t := snapshotTarget{Seq: c.seq - 1, Kind: SnapshotPeriodClose, CloseSeq: c.seq, Period: pc.Period, Scope: pc.Scope}
		if len(pc.Heads) > 0 {
			// The first event its heads leave out bounds it.
			var outside sql.NullInt64
			if err := l.QueryRowContext(ctx, `SELECT MIN(seq) FROM src.events WHERE seq < ? AND NOT (`+
				Cutoff{Heads: pc.Heads}.where()+`)`, c.seq).Scan(&outside); err != nil {
				return nil, err
			}
			if outside.Valid {
				t.Seq = outside.Int64 - 1
			}
		}
		if t.Seq > 0 {
			out = append(out, t)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Seq < out[j].Seq })
	return out, nil
}

// base is the snapshot of have with the largest seq at or before s, nil if none.
func base(have []SnapshotInfo, s int64) *SnapshotInfo {
	var b *SnapshotInfo
	for i := range have {
		if have[i].Seq <= s && (b == nil || have[i].Seq > b.Seq) {
			b = &have[i]
		}
	}
	return b
}

// buildSnapshot makes the snapshot t in memory, from the snapshot from (the
// events after it recomputed) or, if nil, from every event up to t.Seq,
// then writes it to its file. Nil if the ledger has no event at t.Seq.
func buildSnapshot(ctx context.Context, path string, from *SnapshotInfo, t snapshotTarget, projs []Projection) (*SnapshotInfo, error) {
	a, err := newView(ctx, path, Cutoff{Seq: t.Seq})
	if err != nil {
		return nil, err
	}
	defer a.Close()
	info := SnapshotInfo{Seq: t.Seq, Kind: t.Kind, CloseSeq: t.CloseSeq, Period: t.Period, Scope: t.Scope,
		Projections: map[string]int{}, format: snapshotFormat}
	if err := a.db.QueryRowContext(ctx, `SELECT hash FROM src.events WHERE seq = ?`, t.Seq).Scan(&info.Hash); errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	} else if err != nil {
		return nil, err
	}
	heads := map[string]events.ChainRef{}
	after := int64(0)
	if from != nil {
		if err := loadSnapshot(ctx, a.db, from.File, projs); err != nil {
			return nil, err
		}
		if err := applyDelta(ctx, a.db, from.Seq, []seqRange{{from.Seq, t.Seq}}, projs); err != nil {
			return nil, err
		}
		for _, h := range from.Heads {
			heads[h.Origin] = h
		}
		info.RecordedAt, after, info.From = from.RecordedAt, from.Seq, from.Seq
	} else if err := a.replay(ctx, projs); err != nil {
		return nil, err
	}
	// The stream indexes, which the deletes of the next delta use; a
	// loaded snapshot has them already.
	tx, err := a.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	for _, p := range projs {
		if err := create(tx, p); err != nil {
			return nil, err
		}
		info.Projections[p.Name()] = p.Version()
	}
	// Heads and the latest record time: those of from, and of the events
	// since, whose earliest record time is kept too.
	err = eachRow(ctx, tx, `SELECT e.origin, e.origin_seq, e.hash, m.last_at, m.first_at FROM events e JOIN
		(SELECT origin, MAX(origin_seq) AS last, MAX(recorded_at) AS last_at, MIN(recorded_at) AS first_at
			FROM events WHERE seq > ? GROUP BY origin) m
		ON e.origin = m.origin AND e.origin_seq = m.last`, []any{after}, func(scan func(...any) error) error {
		var h events.ChainRef
		var last, first string
		if err := scan(&h.Origin, &h.OriginSeq, &h.Hash, &last, &first); err != nil {
			return err
		}
		heads[h.Origin] = h
		info.RecordedAt = max(info.RecordedAt, last)
		if info.FirstRecordedAt == "" || first < info.FirstRecordedAt {
			info.FirstRecordedAt = first
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	for _, h := range heads {
		info.Heads = append(info.Heads, h)
	}
	sort.Slice(info.Heads, func(i, j int) bool { return info.Heads[i].Origin < info.Heads[j].Origin })
	info.CreatedAt = events.FormatRecordedAt(time.Now())
	if err := writeMeta(tx, info); err != nil {
		return nil, err
	}
	if err := tx.Commit(); err != nil {
		return nil, err
	}
	info.File = filepath.Join(SnapshotDir(path), snapshotName(t.Seq, t.CloseSeq))
	if info.Bytes, err = save(ctx, a.db, info.File); err != nil {
		return nil, err
	}
	return &info, nil
}

func writeMeta(tx *sql.Tx, info SnapshotInfo) error {
	if _, err := tx.Exec(snapshotMetaDDL); err != nil {
		return err
	}
	if _, err := tx.Exec(`INSERT INTO snapshot_meta (format, seq, hash, recorded_at, from_seq, first_recorded_at, kind,
		close_seq, period, scope, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, info.format, info.Seq, info.Hash,
		info.RecordedAt, info.From, info.FirstRecordedAt, info.Kind, info.CloseSeq, info.Period, info.Scope,
		info.CreatedAt); err != nil {
		return err
	}
	for _, h := range info.Heads {
		if _, err := tx.Exec(`INSERT INTO snapshot_heads (origin, origin_seq, hash) VALUES (?, ?, ?)`,
			h.Origin, h.OriginSeq, h.Hash); err != nil {
			return err
		}
	}
	for name, v := range info.Projections {
		if _, err := tx.Exec(`INSERT INTO snapshot_projections (name, version) VALUES (?, ?)`, name, v); err != nil {
			return err
		}
	}
	return nil
}

// save writes the main database of db to file: into a temporary file of
// the same folder, synced, then renamed, so that a snapshot file is either
// whole or absent, and never changes once there.
func save(ctx context.Context, db *sql.DB, file string) (int64, error) {
	tmp, err := os.CreateTemp(filepath.Dir(file), "."+filepath.Base(file)+"-*.tmp")
	if err != nil {
		return 0, err
	}
	name := tmp.Name()
	tmp.Close()
	defer os.Remove(name) // after the rename, nothing
	out, err := sql.Open("sqlite3", fileURI(name, "_journal_mode=OFF&_synchronous=OFF"))
	if err != nil {
		return 0, err
	}
	err = backup(ctx, out, db)
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return 0, err
	}
	f, err := os.Open(name)
	if err != nil {
		return 0, err
	}
	err = f.Sync()
	st, serr := f.Stat()
	f.Close()
	if err != nil || serr != nil {
		return 0, errors.Join(err, serr)
	}
	os.Chmod(name, 0o644) // as readable as the ledger beside it
	if err := os.Rename(name, file); err != nil {
		if other, serr := os.Stat(file); serr == nil { // another process made it meanwhile (Windows keeps an open file)
			return other.Size(), nil
		}
		return 0, err
	}
	return st.Size(), nil
}
