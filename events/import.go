package events

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
)

// Error codes of importing records made elsewhere.
const (
	EFORK        = "fork"         // same origin and origin_seq, different hash
	EGAP         = "gap"          // the records do not continue what the ledger has of their origin
	EBROKENCHAIN = "broken_chain" // a record's hash or link is wrong
)

// ChainChecker recomputes the hash of records and links them into their
// origins' chains, in the order given, with the checks of Verify. A chain
// starts at genesis unless Start says where the records take it up.
type ChainChecker struct {
	chk chainCheck
	rep Report
}

// NewChainChecker returns a checker; starts are the positions just before
// the first record of each origin (origin_seq 0 and GenesisHash: from the start).
func NewChainChecker(starts []ChainRef) *ChainChecker {
	c := &ChainChecker{rep: Report{Problems: []Problem{}}}
	c.chk = chainCheck{chains: map[string]*chainState{}, rep: &c.rep}
	for _, s := range starts {
		h := s.Hash
		if h == "" {
			h = GenesisHash
		}
		c.chk.chains[s.Origin] = &chainState{origin: s.Origin, next: s.OriginSeq + 1,
			last: link{originSeq: s.OriginSeq, hash: h}, pending: map[int64]link{}}
	}
	return c
}

// Check adds one record (its Seq is its position in the file).
func (c *ChainChecker) Check(r *Record) { c.chk.check(r) }

// Finish reports gaps left and returns the problems in order.
func (c *ChainChecker) Finish() Report {
	for _, ch := range c.chk.chains {
		ch.finish(&c.rep)
	}
	c.rep.Origins = len(c.chk.chains)
	c.rep.OK = len(c.rep.Problems) == 0
	if !c.rep.OK {
		c.rep.First = &c.rep.Problems[0]
	}
	return c.rep
}

// EachOfOrigin calls fn for the events of one origin after position
// afterOriginSeq, in chain order: what a bundle carries.
func (s *Store) EachOfOrigin(ctx context.Context, origin string, afterOriginSeq int64, fn func(Record) error) error {
	return s.eachRow(ctx, fn, `SELECT `+RecordColumns+` FROM events WHERE origin = ? AND origin_seq > ? ORDER BY origin_seq`,
		origin, afterOriginSeq)
}

// ChainAt returns the hash at a position of an origin's chain ("" and no
// error when the ledger does not have it).
func (s *Store) ChainAt(ctx context.Context, origin string, originSeq int64) (string, error) {
	if originSeq == 0 {
		return GenesisHash, nil
	}
	var h string
	err := s.db.QueryRowContext(ctx, `SELECT hash FROM events WHERE origin = ? AND origin_seq = ?`, origin, originSeq).Scan(&h)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	return h, err
}

// ForkError: the ledger and the imported records hold different events at
// the same position of a chain.
type ForkError struct {
	Origin    string `json:"origin"`
	OriginSeq int64  `json:"origin_seq"`
	Ours      string `json:"ours"`
	Theirs    string `json:"theirs"`
}

func (e *ForkError) Error() string {
	return fmt.Sprintf("rẽ nhánh ở vị trí %d của chuỗi %s: sổ cái này có sự kiện mã băm %s…, tệp nhập có %s…; "+
		"cùng một bản cài đặt đã ghi hai lịch sử khác nhau (sao chép cơ sở dữ liệu sang máy khác?), không nhập gì",
		e.OriginSeq, e.Origin, short(e.Ours), short(e.Theirs))
}

// As lets errors.As(err, **Error) see a fork as a domain error.
func (e *ForkError) As(target any) bool {
	if t, ok := target.(**Error); ok {
		*t = &Error{Code: EFORK, Field: "origin_seq", Message: e.Error()}
		return true
	}
	return false
}

// ImportLog is what the imports table keeps of one import.
type ImportLog struct {
	FileSHA256  string
	Signer      string
	Fingerprint string
}

// ImportResult counts what an import did.
type ImportResult struct {
	Imported int64 `json:"imported"`
	Skipped  int64 `json:"skipped"`
	FirstSeq int64 `json:"first_seq"`
	LastSeq  int64 `json:"last_seq"`
}

// importBatch is how many records are checked and inserted at once.
const importBatch = 512

// Import appends records made by other installations, as they are: same
// id, origin, origin_seq, hashes and recorded_at, all in one transaction
// (the whole lot or nothing). Each record must decode with the registry,
// continue its origin's chain here (a record already here with the same
// hash is skipped, with another hash it is a fork; a missing position is a
// gap), and keep to its stream's owner and version. Own records come back
// only as already present. The hooks (inline projections) run once, on
// every imported record, before the commit; progress, if given, hears how
// many records were handled; cancelling ctx rolls everything back.
//
// each runs in a goroutine of its own, with the decoding and hashing of the
// records, one batch ahead of the checks against the ledger and the
// inserts: reading a file and writing the ledger overlap.
func (s *Store) Import(ctx context.Context, each func(fn func(Record) error) error, log ImportLog,
	progress func(done int64)) (ImportResult, error) {
	var res ImportResult
	err := s.Update(ctx, func(tx *Tx) error {
		res = ImportResult{}
		ctx, cancel := context.WithCancel(ctx)
		batches := s.readAhead(ctx, each)
		defer func() {
			cancel()
			for range batches { // wait for the reader to stop
			}
		}()
		c := &chainCursor{tx: tx, origin: s.origin, heads: map[string]*Head{}}
		var all []Record
		var done int64
		for b := range batches {
			if b.err != nil {
				return b.err
			}
			start := len(all)
			for _, r := range b.recs {
				fresh, err := c.continues(&r)
				if err != nil {
					return err
				}
				if !fresh {
					res.Skipped++
					continue
				}
				r.Seq = 0
				all = append(all, r)
			}
			if err := ctx.Err(); err != nil {
				return err
			}
			if err := tx.continueStreams(all[start:]); err != nil {
				return err
			}
			if err := tx.insertAll(all[start:]); err != nil {
				return err
			}
			done += int64(len(b.recs))
			if progress != nil {
				progress(done)
			}
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		if len(all) == 0 {
			return nil
		}
		res.Imported, res.FirstSeq, res.LastSeq = int64(len(all)), all[0].Seq, all[len(all)-1].Seq
		// The hooks see the whole import at once: a projection recomputes
		// each stream it touched once, set-based, rather than batch by batch.
		if err := tx.inserted(all); err != nil {
			return err
		}
		_, err := tx.tx.Exec(`INSERT INTO imports (imported_at, file_sha256, signer_origin, fingerprint, first_seq, last_seq, events)
			VALUES (?,?,?,?,?,?,?)`, FormatRecordedAt(s.Now()), log.FileSHA256, log.Signer, log.Fingerprint,
			res.FirstSeq, res.LastSeq, res.Imported)
		return err
	})
	return res, err
}

// readBatch is a batch of records read ahead, each decoded and its hash
// checked, or the error that stopped the reading (after the batch of the
// records before it).
type readBatch struct {
	recs []Record
	err  error
}

// readAhead runs each in a goroutine and sends its records in batches; the
// channel is closed when each returns or ctx is cancelled.
func (s *Store) readAhead(ctx context.Context, each func(fn func(Record) error) error) <-chan readBatch {
	out := make(chan readBatch, 2)
	send := func(b readBatch) bool {
		select {
		case out <- b:
			return true
		case <-ctx.Done():
			return false
		}
	}
	go func() {
		defer close(out)
		batch := make([]Record, 0, importBatch)
		err := each(func(r Record) error {
			if err := s.checkRecord(&r); err != nil {
				return err
			}
			batch = append(batch, r)
			if len(batch) == importBatch {
				if !send(readBatch{recs: batch}) {
					return ctx.Err()
				}
				batch = make([]Record, 0, importBatch)
			}
			return nil
		})
		if len(batch) > 0 && !send(readBatch{recs: batch}) {
			return
		}
		if err != nil {
			send(readBatch{err: err})
		}
	}()
	return out
}

// checkRecord checks what a record says of itself: its hash is its own
// (or it was altered, whatever else is wrong with it) and its payload
// decodes with the registry.
func (s *Store) checkRecord(r *Record) error {
	if r.ComputeHash() != r.Hash {
		return Errorf(EBROKENCHAIN, "hash", "sự kiện %s (vị trí %d của chuỗi %s) không khớp mã băm của nó: tệp đã bị sửa",
			r.ID, r.OriginSeq, r.Origin)
	}
	if _, err := s.Types.Decode(r.Type, r.SchemaVersion, r.Data); err != nil {
		return fmt.Errorf("sự kiện %s (%s, vị trí %d của chuỗi %s): %w", r.ID, r.Type, r.OriginSeq, r.Origin, err)
	}
	return nil
}

// chainCursor follows, during an import, where each origin's chain stands
// in the ledger and in the records taken so far.
type chainCursor struct {
	tx     *Tx
	origin string // this installation
	heads  map[string]*Head
	at     *sql.Stmt
}

// continues says whether r is new to the ledger (false: already here, the
// same) and moves its origin's head on, or why it cannot be taken.
func (c *chainCursor) continues(r *Record) (bool, error) {
	h := c.heads[r.Origin]
	if h == nil {
		h = &Head{Origin: r.Origin, Hash: GenesisHash}
		err := c.tx.tx.QueryRow(`SELECT origin_seq, hash FROM events WHERE origin = ? ORDER BY origin_seq DESC LIMIT 1`,
			r.Origin).Scan(&h.OriginSeq, &h.Hash)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return false, err
		}
		c.heads[r.Origin] = h
	}
	switch {
	case r.OriginSeq <= h.OriginSeq:
		ours, err := c.hashAt(r.Origin, r.OriginSeq)
		if err != nil {
			return false, err
		}
		if ours != r.Hash {
			return false, &ForkError{Origin: r.Origin, OriginSeq: r.OriginSeq, Ours: ours, Theirs: r.Hash}
		}
		return false, nil
	case r.Origin == c.origin:
		return false, Errorf(ENOTOWNER, "origin", "tệp chứa sự kiện của chính bản cài đặt này mà sổ cái không có (vị trí %d): "+
			"không nhập lại lịch sử của mình từ nơi khác", r.OriginSeq)
	case r.OriginSeq > h.OriginSeq+1:
		return false, Errorf(EGAP, "origin_seq", "thiếu các sự kiện %d–%d của chuỗi %s: hãy xuất lại từ %d (socai bundle export --since %d)",
			h.OriginSeq+1, r.OriginSeq-1, r.Origin, h.OriginSeq, h.OriginSeq)
	case r.PrevHash != h.Hash:
		return false, &ForkError{Origin: r.Origin, OriginSeq: h.OriginSeq, Ours: h.Hash, Theirs: r.PrevHash}
	}
	h.OriginSeq, h.Hash = r.OriginSeq, r.Hash
	return true, nil
}

func (c *chainCursor) hashAt(origin string, originSeq int64) (string, error) {
	if c.at == nil {
		st, err := c.tx.tx.Prepare(`SELECT hash FROM events WHERE origin = ? AND origin_seq = ?`)
		if err != nil {
			return "", err
		}
		c.at = st
	}
	var h string
	err := c.at.QueryRow(origin, originSeq).Scan(&h)
	return h, err
}

// continueStreams checks that each record continues its stream, as its
// owner, and moves the stream on. The versions of streams the transaction
// has not seen yet are read in one query for the whole batch.
func (tx *Tx) continueStreams(recs []Record) error {
	var unseen []any
	seen := map[string]bool{}
	for i := range recs {
		s := recs[i].Stream
		if _, ok := tx.streams[s]; !ok && !seen[s] {
			seen[s] = true
			unseen = append(unseen, s)
		}
	}
	if len(unseen) > 0 {
		// MAX makes SQLite take origin from the row of the highest version.
		rows, err := tx.tx.Query(`SELECT stream, MAX(version), origin FROM events WHERE stream IN (?`+
			strings.Repeat(",?", len(unseen)-1)+`) GROUP BY stream`, unseen...)
		if err != nil {
			return err
		}
		for rows.Next() {
			var s string
			var st streamState
			if err := rows.Scan(&s, &st.version, &st.owner); err != nil {
				rows.Close()
				return err
			}
			tx.streams[s] = st
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		for _, s := range unseen {
			if _, ok := tx.streams[s.(string)]; !ok {
				tx.streams[s.(string)] = streamState{}
			}
		}
	}
	for i := range recs {
		r := &recs[i]
		st := tx.streams[r.Stream]
		if st.version > 0 && st.owner != r.Origin {
			return Errorf(ENOTOWNER, "stream", "luồng %s thuộc về bản cài đặt %s; sự kiện %s của %s không được ghi vào đó",
				r.Stream, st.owner, r.ID, r.Origin)
		}
		if r.Version != st.version+1 {
			return Errorf(ECONFLICT, "version", "luồng %s đang ở phiên bản %d, sự kiện %s mang phiên bản %d", r.Stream, st.version, r.ID, r.Version)
		}
		tx.streams[r.Stream] = streamState{version: r.Version, owner: r.Origin}
	}
	return nil
}

// EventsSchema is the SQL of the events table, its append-only triggers and
// the installation table: files that carry events (bundles, snapshots) use
// it, so that OpenReadOnly and Verify work on them as on a ledger.
func EventsSchema() string {
	b, err := migrationFS.ReadFile("migrations/0001_events.sql")
	if err != nil {
		panic(err) // embedded at build time
	}
	return string(b)
}
