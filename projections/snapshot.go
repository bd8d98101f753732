package projections

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/mattn/go-sqlite3"

	"socai/events"
)

// A snapshot is the projection tables of every event at or before a
// position S of the ledger, in a SQLite file of its own beside the ledger
// (<ledger>.snapshots/<S>.db), so that a view of the past starts from the
// nearest snapshot and replays only the events after it. It is a cache: it
// can be removed at any time, and one that no longer matches the ledger is
// ignored and removed (docs/snapshots.md).

// Snapshot kinds: every Every events, or at a period close (kept forever).
const (
	SnapshotRegular     = "regular"
	SnapshotPeriodClose = "period_close"
)

// snapshotFormat changes whenever the layout of a snapshot file changes;
// files of another format are invalid.
const snapshotFormat = 1

// SnapshotInfo describes one snapshot file.
type SnapshotInfo struct {
	// Seq is S: the snapshot holds the projections of the events with seq <= S.
	Seq  int64  `json:"seq"`
	Kind string `json:"kind"`
	// Hash is the hash of the event at S, and Heads the chain heads among
	// the events up to S: the ledger the snapshot was made from.
	Hash  string            `json:"hash"`
	Heads []events.ChainRef `json:"heads"`
	// RecordedAt is the latest record time among the events up to S.
	RecordedAt string `json:"recorded_at"`
	// From is the seq of the snapshot it was built from (0: from the
	// start), and FirstRecordedAt the earliest record time among the events
	// in (From, S]: a view by record time before it skips that range.
	From            int64  `json:"from"`
	FirstRecordedAt string `json:"first_recorded_at"`
	// Projections are the name and version of each projection it holds.
	Projections map[string]int `json:"projections"`
	// CloseSeq, Period and Scope name the PeriodClosed event of a period-close snapshot.
	CloseSeq  int64  `json:"close_seq,omitempty"`
	Period    string `json:"period,omitempty"`
	Scope     string `json:"scope,omitempty"`
	CreatedAt string `json:"created_at"`
	File      string `json:"file"`
	Bytes     int64  `json:"bytes"`
	// Problem says, in Vietnamese, why the snapshot cannot be used; "" if it can.
	Problem string `json:"problem,omitempty"`

	format int
}

// SnapshotDir is the folder of the snapshots of the ledger at path.
func SnapshotDir(ledger string) string { return ledger + ".snapshots" }

// snapshotName is the file name of a snapshot at s, and of one made for the
// PeriodClosed event at closeSeq.
func snapshotName(s, closeSeq int64) string {
	if closeSeq > 0 {
		return fmt.Sprintf("%d-close-%d.db", s, closeSeq)
	}
	return fmt.Sprintf("%d.db", s)
}

var snapshotFileName = regexp.MustCompile(`^([0-9]+)(?:-close-([0-9]+))?\.db$`)

// snapFile is a snapshot file known by its name only.
type snapFile struct {
	path     string
	seq      int64
	closeSeq int64
}

// snapshotFiles lists the snapshot files of dir by seq, regular first at
// the same seq; a missing folder has none.
func snapshotFiles(dir string) []snapFile {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil
	}
	var out []snapFile
	for _, e := range entries {
		m := snapshotFileName.FindStringSubmatch(e.Name())
		if m == nil || e.IsDir() {
			continue
		}
		f := snapFile{path: filepath.Join(dir, e.Name())}
		f.seq, _ = strconv.ParseInt(m[1], 10, 64)
		if m[2] != "" {
			f.closeSeq, _ = strconv.ParseInt(m[2], 10, 64)
		}
		if f.seq > 0 {
			out = append(out, f)
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].seq != out[j].seq {
			return out[i].seq < out[j].seq
		}
		return out[i].closeSeq < out[j].closeSeq
	})
	return out
}

// fileURI is the SQLite URI of a file with query parameters.
func fileURI(path, query string) string {
	return "file:" + (&url.URL{Path: path}).EscapedPath() + "?" + query
}

// openSnapshot opens a snapshot file read-only; immutable, because a
// snapshot is never written after it is renamed into place.
func openSnapshot(path string) (*sql.DB, error) {
	db, err := sql.Open("sqlite3", fileURI(path, "mode=ro&immutable=1"))
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(1)
	return db, nil
}

const snapshotMetaDDL = `
	DROP TABLE IF EXISTS snapshot_meta;
	DROP TABLE IF EXISTS snapshot_heads;
	DROP TABLE IF EXISTS snapshot_projections;
	CREATE TABLE snapshot_meta (format INTEGER NOT NULL, seq INTEGER NOT NULL, hash TEXT NOT NULL,
		recorded_at TEXT NOT NULL, from_seq INTEGER NOT NULL, first_recorded_at TEXT NOT NULL, kind TEXT NOT NULL,
		close_seq INTEGER NOT NULL, period TEXT NOT NULL, scope TEXT NOT NULL, created_at TEXT NOT NULL);
	CREATE TABLE snapshot_heads (origin TEXT PRIMARY KEY, origin_seq INTEGER NOT NULL, hash TEXT NOT NULL);
	CREATE TABLE snapshot_projections (name TEXT PRIMARY KEY, version INTEGER NOT NULL);`

// readSnapshot reads the meta tables of a snapshot file, or remembers
// them: a snapshot file never changes, so its size and time identify it.
func readSnapshot(ctx context.Context, path string) (SnapshotInfo, error) {
	info := SnapshotInfo{File: path, Projections: map[string]int{}, Heads: []events.ChainRef{}}
	st, err := os.Stat(path)
	if err != nil {
		return info, err
	}
	key := metaKey{path, st.Size(), st.ModTime().UnixNano()}
	if v, ok := metaCache.Load(key); ok {
		return v.(SnapshotInfo), nil
	}
	info.Bytes = st.Size()
	db, err := openSnapshot(path)
	if err != nil {
		return info, err
	}
	defer db.Close()
	if err := readMeta(ctx, db, &info); err != nil {
		return info, err
	}
	metaCache.Store(key, info)
	return info, nil
}

// metaCache holds the metas read by this process (few, small).
var metaCache sync.Map

type metaKey struct {
	path      string
	size, mod int64
}

func readMeta(ctx context.Context, q Querier, info *SnapshotInfo) error {
	err := q.QueryRowContext(ctx, `SELECT format, seq, hash, recorded_at, from_seq, first_recorded_at, kind, close_seq,
		period, scope, created_at FROM snapshot_meta`).Scan(&info.format, &info.Seq, &info.Hash, &info.RecordedAt,
		&info.From, &info.FirstRecordedAt, &info.Kind, &info.CloseSeq, &info.Period, &info.Scope, &info.CreatedAt)
	if err != nil {
		return err
	}
	err = eachRow(ctx, q, `SELECT origin, origin_seq, hash FROM snapshot_heads ORDER BY origin`, nil,
		func(scan func(...any) error) error {
			var h events.ChainRef
			err := scan(&h.Origin, &h.OriginSeq, &h.Hash)
			info.Heads = append(info.Heads, h)
			return err
		})
	if err != nil {
		return err
	}
	return eachRow(ctx, q, `SELECT name, version FROM snapshot_projections`, nil, func(scan func(...any) error) error {
		var name string
		var v int
		err := scan(&name, &v)
		info.Projections[name] = v
		return err
	})
}

// usable reports whether every event the snapshot holds is kept by c, so
// that the view of c is the snapshot plus the events after S that c keeps.
// It is monotone in S: a later snapshot holds more.
func (info *SnapshotInfo) usable(c Cutoff) bool {
	if c.Seq > 0 && info.Seq > c.Seq {
		return false
	}
	if !c.At.IsZero() && info.RecordedAt > events.FormatRecordedAt(c.At) {
		return false
	}
	if c.Heads != nil {
		within := map[string]int64{}
		for _, h := range c.Heads {
			within[h.Origin] = max(within[h.Origin], h.OriginSeq)
		}
		for _, h := range info.Heads {
			if n, ok := within[h.Origin]; !ok || h.OriginSeq > n {
				return false
			}
		}
	}
	return true
}

// versionProblem says whether the snapshot holds projs at their versions;
// missing is set when one is absent (a snapshot of other projections, not a
// stale one). exact also refuses projections besides projs.
func (info *SnapshotInfo) versionProblem(projs []Projection, exact bool) (problem string, missing bool) {
	if info.format != snapshotFormat {
		return fmt.Sprintf("định dạng ảnh chụp %d, phiên bản này dùng %d", info.format, snapshotFormat), false
	}
	for _, p := range projs {
		v, ok := info.Projections[p.Name()]
		if !ok {
			return fmt.Sprintf("không có bảng số liệu %s", p.Name()), true
		}
		if v != p.Version() {
			return fmt.Sprintf("bảng số liệu %s đã đổi phiên bản (%d, nay là %d)", p.Name(), v, p.Version()), false
		}
	}
	if exact && len(info.Projections) != len(projs) {
		return "có bảng số liệu không còn dùng", false
	}
	return "", false
}

// ledgerProblem checks, against the ledger attached as src, that the event
// at S and the chain heads are still those the snapshot was made from: a
// ledger replaced by another copy, restored from an older one or altered
// at S makes the snapshot stale. (It is not a verification of the whole
// history: socai verify is.)
func (info *SnapshotInfo) ledgerProblem(ctx context.Context, q Querier) (string, error) {
	var hash string
	err := q.QueryRowContext(ctx, `SELECT hash FROM src.events WHERE seq = ?`, info.Seq).Scan(&hash)
	if errors.Is(err, sql.ErrNoRows) {
		return fmt.Sprintf("sổ cái không còn sự kiện seq %d", info.Seq), nil
	}
	if err != nil {
		return "", err
	}
	if hash != info.Hash {
		return fmt.Sprintf("sự kiện seq %d của sổ cái đã khác (mã băm không khớp)", info.Seq), nil
	}
	for _, h := range info.Heads {
		var seq int64
		err := q.QueryRowContext(ctx, `SELECT seq, hash FROM src.events WHERE origin = ? AND origin_seq = ?`,
			h.Origin, h.OriginSeq).Scan(&seq, &hash)
		if errors.Is(err, sql.ErrNoRows) || err == nil && (seq > info.Seq || hash != h.Hash) {
			return fmt.Sprintf("đầu chuỗi %s:%d của ảnh chụp không khớp với sổ cái", h.Origin, h.OriginSeq), nil
		}
		if err != nil {
			return "", err
		}
	}
	return "", nil
}

// pick returns the usable snapshot of files (sorted by seq) with the
// largest seq, reading few of them: usability is monotone in seq, so a
// binary search finds it. Files it cannot read are returned in bad.
func pick(ctx context.Context, files []snapFile, c Cutoff) (best *SnapshotInfo, bad []snapFile) {
	if c.Seq > 0 {
		n := sort.Search(len(files), func(i int) bool { return files[i].seq > c.Seq })
		files = files[:n]
	}
	// sort.Search moves its lower bound only past an index found usable, so
	// the last usable one read is the one just below the boundary.
	sort.Search(len(files), func(i int) bool {
		info, err := readSnapshot(ctx, files[i].path)
		if err != nil {
			bad = append(bad, files[i])
			return true // as if unusable: the search may settle lower, never on a wrong one
		}
		if info.usable(c) {
			best = &info
			return false
		}
		return true
	})
	return best, bad
}

// backup copies the main database of src into the main database of dst,
// page by page (SQLite's online backup): a snapshot into memory, or a
// database built in memory into its file.
func backup(ctx context.Context, dst, src *sql.DB) error {
	dc, err := dst.Conn(ctx)
	if err != nil {
		return err
	}
	defer dc.Close()
	sc, err := src.Conn(ctx)
	if err != nil {
		return err
	}
	defer sc.Close()
	return dc.Raw(func(d any) error {
		return sc.Raw(func(s any) error {
			dconn, ok1 := d.(*sqlite3.SQLiteConn)
			sconn, ok2 := s.(*sqlite3.SQLiteConn)
			if !ok1 || !ok2 {
				return fmt.Errorf("sao chép cơ sở dữ liệu: không phải kết nối SQLite")
			}
			b, err := dconn.Backup("main", sconn, "main")
			if err != nil {
				return err
			}
			for try := 0; try < 100; try++ {
				done, err := b.Step(-1)
				if err != nil {
					b.Finish()
					return err
				}
				if done {
					return b.Finish()
				}
			}
			b.Finish()
			return fmt.Errorf("sao chép cơ sở dữ liệu: tệp đang bận")
		})
	})
}

// loadSnapshot makes the main database of db a copy of the snapshot file,
// keeping only the tables of projs.
func loadSnapshot(ctx context.Context, db *sql.DB, path string, projs []Projection) error {
	snap, err := openSnapshot(path)
	if err != nil {
		return err
	}
	defer snap.Close()
	if err := backup(ctx, db, snap); err != nil {
		return err
	}
	keep := map[string]bool{}
	for _, p := range projs {
		for _, t := range p.Tables() {
			keep[t] = true
		}
	}
	var drop []string
	err = eachRow(ctx, db, `SELECT name FROM main.sqlite_schema WHERE type = 'table'`, nil, func(scan func(...any) error) error {
		var name string
		err := scan(&name)
		if !keep[name] && !strings.HasPrefix(name, "sqlite_") {
			drop = append(drop, name)
		}
		return err
	})
	if err != nil {
		return err
	}
	for _, t := range drop {
		if _, err := db.ExecContext(ctx, `DROP TABLE main.`+t); err != nil {
			return err
		}
	}
	return nil
}

// applyDelta brings the tables of projs in db's main, which hold the events
// up to seq from, to the events of the view events: it recomputes, set-based,
// the streams that received events after from (within ranges, which cover
// every kept one), and those whose events a retraction after from
// withdraws. Each projection recomputes only the streams that received
// events of its types.
func applyDelta(ctx context.Context, db *sql.DB, from int64, ranges []seqRange, projs []Projection) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	for _, q := range []string{
		`CREATE TEMP TABLE snap_changed (stream TEXT NOT NULL, type TEXT NOT NULL, PRIMARY KEY (stream, type)) WITHOUT ROWID`,
	} {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return err
		}
	}
	for _, r := range ranges {
		if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO temp.snap_changed SELECT stream, type FROM events
			WHERE seq > ? AND seq <= ?`, r.after, r.upTo); err != nil {
			return err
		}
	}
	if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO temp.snap_changed SELECT t.stream, t.type
		FROM events r JOIN events t ON t.id = r.data ->> '$.event_id'
		WHERE r.seq > ? AND r.type = 'EventRetracted'`, from); err != nil {
		return err
	}
	for _, p := range projs {
		if err := clearDelta(tx); err != nil {
			return err
		}
		sel := `INSERT OR IGNORE INTO temp.recompute_streams SELECT stream FROM temp.snap_changed`
		if len(p.Types()) > 0 {
			sel += ` WHERE type IN ('EventRetracted', ` + quoteAll(p.Types()) + `)`
		}
		res, err := tx.ExecContext(ctx, sel)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n == 0 {
			continue
		}
		if err := recomputeDelta(tx, p); err != nil {
			return fmt.Errorf("%s: %w", p.Name(), err)
		}
	}
	for _, t := range []string{"snap_changed", "recompute_streams"} {
		if _, err := tx.ExecContext(ctx, `DROP TABLE temp.`+t); err != nil {
			return err
		}
	}
	return tx.Commit()
}

func quoteAll(ss []string) string {
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = quote(s)
	}
	return strings.Join(q, ", ")
}

// seqRange is the seqs in (after, upTo].
type seqRange struct{ after, upTo int64 }

// everything is no upper bound.
const everything = int64(1<<63 - 1)

// scanRanges are the seq ranges after s that may hold events the cutoff
// keeps. The events after a snapshot are found by reading them all, which
// for a record-time cutoff early in a long ledger is most of it: the range
// (From, S] of a later snapshot whose events were all recorded after the
// cutoff (FirstRecordedAt) holds none, and is skipped. Exact whatever the
// order of record times (events imported from elsewhere are earlier).
func scanRanges(s int64, c Cutoff, later []SnapshotInfo) []seqRange {
	upTo := everything
	if c.Seq > 0 {
		upTo = c.Seq
	}
	if c.At.IsZero() {
		return []seqRange{{s, upTo}}
	}
	at := events.FormatRecordedAt(c.At)
	var skip []seqRange
	for _, l := range later {
		if l.Seq > s && l.FirstRecordedAt > at && l.From < l.Seq {
			skip = append(skip, seqRange{max(l.From, s), l.Seq})
		}
	}
	sort.Slice(skip, func(i, j int) bool { return skip[i].after < skip[j].after })
	var out []seqRange
	pos := s
	for _, k := range skip {
		if k.after > pos {
			out = append(out, seqRange{pos, min(k.after, upTo)})
		}
		pos = max(pos, k.upTo)
		if pos >= upTo {
			break
		}
	}
	if pos < upTo {
		out = append(out, seqRange{pos, upTo})
	}
	return out
}

// removeSnapshot deletes a stale snapshot file; on a read-only folder, or a
// file another program has open on Windows, it stays and is ignored.
func removeSnapshot(path string) bool {
	metaCache.Range(func(k, _ any) bool {
		if k.(metaKey).path == path {
			metaCache.Delete(k)
		}
		return true
	})
	return os.Remove(path) == nil
}
