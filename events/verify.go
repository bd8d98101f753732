package events

import (
	"context"
	"database/sql"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// Problem kinds found by Verify; stable for scripts.
const (
	KindAltered         = "altered"          // the fields no longer give the stored hash
	KindRemoved         = "removed"          // a position of a chain or of seq is missing
	KindReordered       = "reordered"        // chain order and seq order disagree
	KindInserted        = "inserted"         // an event was slipped between two linked ones
	KindBrokenLink      = "broken_link"      // prev_hash is not the hash of the event before
	KindFork            = "fork"             // another copy has a different event at the same position
	KindTriggersMissing = "triggers_missing" // the append-only triggers were dropped
	KindDigestMismatch  = "digest_mismatch"  // a printed head is not in this history
)

// Problem is one thing Verify found wrong; Seq names the event.
type Problem struct {
	Seq       int64  `json:"seq"`
	Origin    string `json:"origin"`
	OriginSeq int64  `json:"origin_seq"`
	Kind      string `json:"kind"`
	Message   string `json:"message"`
}

// Report is the result of Verify.
type Report struct {
	OK         bool      `json:"ok"`
	Checked    int64     `json:"checked"`
	Origins    int       `json:"origins"`
	Heads      []Head    `json:"heads"`
	Problems   []Problem `json:"problems"`
	First      *Problem  `json:"first"`
	VerifiedAt string    `json:"verified_at"`
}

// VerifyOptions adds checks against things outside this file.
type VerifyOptions struct {
	Against *Store   // another copy: forks are found by comparing with it
	Digests []Digest // heads printed or sent earlier: they must still be in this history
}

// Verify recomputes every hash and every chain link and reports, in seq
// order, each event that breaks them. A chain recomputed from a changed event
// onward is consistent in itself: only a copy (Against) or an earlier head
// (Digests) can show it.
func (s *Store) Verify(ctx context.Context, opt VerifyOptions) (Report, error) {
	rep := Report{Problems: []Problem{}, VerifiedAt: FormatRecordedAt(time.Now())}
	if err := s.checkTriggers(ctx, &rep); err != nil {
		return rep, err
	}
	chains, err := s.checkChains(ctx, &rep)
	if err != nil {
		return rep, err
	}
	rep.Origins = len(chains)
	if opt.Against != nil {
		if err := s.compare(ctx, opt.Against, &rep); err != nil {
			return rep, err
		}
	}
	for _, d := range opt.Digests {
		if err := s.checkDigest(ctx, d, &rep); err != nil {
			return rep, err
		}
	}
	if rep.Heads, err = s.Heads(ctx); err != nil {
		return rep, err
	}
	sort.SliceStable(rep.Problems, func(i, j int) bool { return rep.Problems[i].Seq < rep.Problems[j].Seq })
	rep.OK = len(rep.Problems) == 0
	if !rep.OK {
		rep.First = &rep.Problems[0]
	}
	return rep, nil
}

func (s *Store) checkTriggers(ctx context.Context, rep *Report) error {
	rows, err := s.db.QueryContext(ctx, `SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'events'`)
	if err != nil {
		return err
	}
	defer rows.Close()
	have := map[string]bool{}
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			return err
		}
		have[n] = true
	}
	for _, n := range []string{"events_no_update", "events_no_delete"} {
		if !have[n] {
			rep.Problems = append(rep.Problems, Problem{Kind: KindTriggersMissing,
				Message: fmt.Sprintf("trigger %s đã bị xóa: bảng sự kiện không còn được bảo vệ chỉ-ghi-thêm", n)})
		}
	}
	return rows.Err()
}

// link is what the chain check keeps of one event.
type link struct {
	seq, originSeq int64
	hash, prevHash string
}

type chainState struct {
	origin   string
	next     int64 // the origin_seq expected next
	last     link  // the last event placed in the chain
	lastPrev string
	pending  map[int64]link // events seen before their predecessors
}

// verifyBatch is how many events the scan hands to the checker at a time.
const verifyBatch = 512

// verifyRows is one batch of scanned events; data and meta point into arena.
type verifyRows struct {
	recs  []Record
	arena []byte
}

// checkChains reads every event in seq order and checks its hash and its
// place in its origin's chain. Reading (SQLite and the driver) and checking
// (hashing) overlap: this goroutine scans batches of events while another
// checks the previous ones, in the same order, so the report is the same as
// a single loop's.
func (s *Store) checkChains(ctx context.Context, rep *Report) (map[string]*chainState, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+RecordColumns+` FROM events ORDER BY seq`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()

	chk := &chainCheck{chains: map[string]*chainState{}, rep: rep}
	full := make(chan *verifyRows, 4)
	free := make(chan *verifyRows, 6)
	done := make(chan struct{})
	go func() {
		defer close(done)
		for b := range full {
			for i := range b.recs {
				chk.check(&b.recs[i])
			}
			free <- b // never blocks: at most 6 batches exist
		}
	}()

	var scanErr error
	var data, meta sql.RawBytes
	b := &verifyRows{recs: make([]Record, 0, verifyBatch)}
	batches := 1
	for rows.Next() {
		b.recs = b.recs[:len(b.recs)+1]
		r := &b.recs[len(b.recs)-1]
		if scanErr = rows.Scan(&r.Seq, &r.ID, &r.Origin, &r.OriginSeq, &r.Stream, &r.Version, &r.Type,
			&r.SchemaVersion, &r.OccurredOn, &r.RecordedAt, &data, &meta, &r.PrevHash, &r.Hash); scanErr != nil {
			b.recs = b.recs[:len(b.recs)-1]
			break
		}
		// The arena may move as it grows: earlier slices keep the old array.
		n := len(b.arena)
		b.arena = append(append(b.arena, data...), meta...)
		r.Data = b.arena[n : n+len(data) : n+len(data)]
		r.Meta = b.arena[n+len(data) : len(b.arena) : len(b.arena)]
		if len(b.recs) == cap(b.recs) {
			full <- b
			select {
			case b = <-free:
			default:
				if batches < 6 {
					b = &verifyRows{recs: make([]Record, 0, verifyBatch)}
					batches++
				} else {
					b = <-free
				}
			}
			b.recs, b.arena = b.recs[:0], b.arena[:0]
		}
	}
	if len(b.recs) > 0 {
		full <- b
	}
	close(full)
	<-done
	if scanErr != nil {
		return nil, scanErr
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for _, c := range chk.chains {
		c.finish(rep)
	}
	var top int64
	if err := s.db.QueryRowContext(ctx, `SELECT COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'events'), 0)`).Scan(&top); err == nil && top > chk.prevSeq {
		rep.add(Problem{Seq: chk.prevSeq + 1, Kind: KindRemoved,
			Message: fmt.Sprintf("seq %d–%d đã từng được ghi nhưng không còn trong tệp: sự kiện cuối đã bị xóa", chk.prevSeq+1, top)})
	}
	return chk.chains, nil
}

// chainCheck checks events one by one in seq order.
type chainCheck struct {
	chains  map[string]*chainState
	last    *chainState // the chain of the previous event: usually the same origin
	prevSeq int64
	hash    hashState
	rep     *Report
}

func (k *chainCheck) check(r *Record) {
	rep := k.rep
	rep.Checked++
	if r.Seq != k.prevSeq+1 && k.prevSeq > 0 {
		rep.add(Problem{Seq: k.prevSeq + 1, Kind: KindRemoved,
			Message: fmt.Sprintf("thiếu seq %d–%d: sự kiện đã bị xóa khỏi tệp", k.prevSeq+1, r.Seq-1)})
	}
	k.prevSeq = r.Seq
	if hx := r.hexHash(&k.hash); string(hx[:]) != r.Hash {
		got := string(hx[:])
		rep.add(Problem{Seq: r.Seq, Origin: r.Origin, OriginSeq: r.OriginSeq, Kind: KindAltered,
			Message: fmt.Sprintf("nội dung sự kiện %s (%s) đã bị sửa: mã băm tính lại %s… khác mã đã lưu %s…",
				r.ID, r.Type, got[:12], short(r.Hash))})
	}
	c := k.last
	if c == nil || c.origin != r.Origin {
		c = k.chains[r.Origin]
		if c == nil {
			c = &chainState{origin: r.Origin, next: 1, last: link{hash: GenesisHash}, pending: map[int64]link{}}
			k.chains[r.Origin] = c
		}
		k.last = c
	}
	c.see(link{seq: r.Seq, originSeq: r.OriginSeq, hash: r.Hash, prevHash: r.PrevHash}, rep)
}

func (c *chainState) see(l link, rep *Report) {
	switch {
	case l.originSeq == c.next:
		c.place(l, rep)
		for {
			p, ok := c.pending[c.next]
			if !ok {
				break
			}
			delete(c.pending, c.next)
			c.place(p, rep)
		}
	case l.originSeq > c.next:
		c.pending[l.originSeq] = l
	default: // a position already placed: impossible under UNIQUE(origin, origin_seq)
		rep.add(Problem{Seq: l.seq, Origin: c.origin, OriginSeq: l.originSeq, Kind: KindReordered,
			Message: fmt.Sprintf("vị trí %d của chuỗi xuất hiện hai lần", l.originSeq)})
	}
}

func (c *chainState) place(l link, rep *Report) {
	if l.prevHash != c.last.hash {
		if c.lastPrev != "" && l.prevHash == c.lastPrev {
			rep.add(Problem{Seq: c.last.seq, Origin: c.origin, OriginSeq: c.last.originSeq, Kind: KindInserted,
				Message: fmt.Sprintf("sự kiện seq %d được chèn vào chuỗi: sự kiện sau nó (seq %d) vẫn trỏ tới sự kiện trước nó",
					c.last.seq, l.seq)})
		} else {
			rep.add(Problem{Seq: l.seq, Origin: c.origin, OriginSeq: l.originSeq, Kind: KindBrokenLink,
				Message: fmt.Sprintf("prev_hash %s… không phải mã băm của sự kiện trước (seq %d, %s…): sự kiện trước đã bị thay hoặc tính lại mã băm",
					short(l.prevHash), c.last.seq, short(c.last.hash))})
		}
	}
	if c.last.seq > l.seq {
		rep.add(Problem{Seq: l.seq, Origin: c.origin, OriginSeq: l.originSeq, Kind: KindReordered,
			Message: fmt.Sprintf("thứ tự bị đảo: vị trí %d của chuỗi nằm ở seq %d, trước vị trí %d (seq %d)",
				l.originSeq, l.seq, c.last.originSeq, c.last.seq)})
	}
	c.lastPrev = c.last.hash
	c.last = l
	c.next = l.originSeq + 1
}

// finish reports the gaps left in the chain: removed events.
func (c *chainState) finish(rep *Report) {
	for len(c.pending) > 0 {
		keys := make([]int64, 0, len(c.pending))
		for k := range c.pending {
			keys = append(keys, k)
		}
		sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
		l := c.pending[keys[0]]
		seq := l.seq
		if c.last.seq+1 < l.seq {
			seq = c.last.seq + 1 // the hole in seq is where it stood
		}
		rep.add(Problem{Seq: seq, Origin: c.origin, OriginSeq: c.next, Kind: KindRemoved,
			Message: fmt.Sprintf("chuỗi thiếu vị trí %d–%d (giữa seq %d và seq %d): sự kiện đã bị xóa",
				c.next, l.originSeq-1, c.last.seq, l.seq)})
		c.last.hash = l.prevHash // do not report the gap a second time as a broken link
		c.next = l.originSeq
		delete(c.pending, l.originSeq)
		c.see(l, rep)
	}
}

func (rep *Report) add(p Problem) { rep.Problems = append(rep.Problems, p) }

func short(h string) string {
	if len(h) > 12 {
		return h[:12]
	}
	return h
}

// compare finds forks: the same origin and origin_seq with a different hash
// in another copy. It also reports events the other copy has and this one lost.
func (s *Store) compare(ctx context.Context, other *Store, rep *Report) error {
	theirs, err := other.positions(ctx)
	if err != nil {
		return fmt.Errorf("đọc bản sao %s: %w", other.path, err)
	}
	ours, err := s.positions(ctx)
	if err != nil {
		return err
	}
	for key, t := range theirs {
		o, ok := ours[key]
		if !ok {
			continue
		}
		if o.hash != t.hash {
			rep.add(Problem{Seq: o.seq, Origin: key.origin, OriginSeq: key.originSeq, Kind: KindFork,
				Message: fmt.Sprintf("rẽ nhánh: bản sao %s có sự kiện khác ở vị trí %d của chuỗi (seq %d ở đó, mã băm %s… thay vì %s…)",
					other.path, key.originSeq, t.seq, short(t.hash), short(o.hash))})
		}
	}
	// A fork is reported once per origin, at its first position.
	sort.SliceStable(rep.Problems, func(i, j int) bool { return rep.Problems[i].Seq < rep.Problems[j].Seq })
	dedupeForks(rep)
	return nil
}

// dedupeForks keeps, per origin, only the fork at the lowest position.
func dedupeForks(rep *Report) {
	best := map[string]int64{}
	for _, p := range rep.Problems {
		if p.Kind == KindFork {
			if v, ok := best[p.Origin]; !ok || p.OriginSeq < v {
				best[p.Origin] = p.OriginSeq
			}
		}
	}
	out := rep.Problems[:0]
	for _, p := range rep.Problems {
		if p.Kind != KindFork || best[p.Origin] == p.OriginSeq {
			out = append(out, p)
		}
	}
	rep.Problems = out
}

type position struct {
	origin    string
	originSeq int64
}

type posInfo struct {
	seq  int64
	hash string
}

func (s *Store) positions(ctx context.Context) (map[position]posInfo, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT origin, origin_seq, seq, hash FROM events`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[position]posInfo{}
	for rows.Next() {
		var p position
		var i posInfo
		if err := rows.Scan(&p.origin, &p.originSeq, &i.seq, &i.hash); err != nil {
			return nil, err
		}
		out[p] = i
	}
	return out, rows.Err()
}

// Digest is a chain head printed on a report or sent to someone: this
// history must still contain exactly that event at that position.
//
// Written in full it is ORIGIN:SEQ:HASH; its short code, printed on paper
// and read out by phone, keeps 8 hex digits of the origin and 12 of the
// hash (ORIGIN8:SEQ:HASH12), and a check resolves the origin among those of
// the ledger.
type Digest struct {
	Origin    string // full, or a prefix of at least 8 hex digits
	OriginSeq int64
	Hash      string // full, or a prefix of at least 8 hex digits
}

func (d Digest) String() string {
	return d.Origin + ":" + strconv.FormatInt(d.OriginSeq, 10) + ":" + d.Hash
}

// Short is the short code of d.
func (d Digest) Short() string {
	return prefix(d.Origin, 8) + ":" + strconv.FormatInt(d.OriginSeq, 10) + ":" + prefix(d.Hash, 12)
}

func prefix(s string, n int) string {
	if len(s) > n {
		return s[:n]
	}
	return s
}

var digestPattern = regexp.MustCompile(`^([0-9a-fA-F][0-9a-fA-F-]{7,35}):([1-9][0-9]*):([0-9a-fA-F]{8,64})$`)

// ParseDigest reads ORIGIN:SEQ:HASH, in full or as a short code.
func ParseDigest(s string) (Digest, error) {
	m := digestPattern.FindStringSubmatch(strings.TrimSpace(s))
	if m == nil {
		return Digest{}, Errorf(EINVALID, "digest", "mã xác thực %q không đúng dạng ORIGIN:SEQ:HASH (ORIGIN và HASH ít nhất 8 chữ số hex)", s)
	}
	n, _ := strconv.ParseInt(m[2], 10, 64)
	return Digest{Origin: strings.ToLower(m[1]), OriginSeq: n, Hash: strings.ToLower(m[3])}, nil
}

// ParseDigests reads several digests separated by spaces, commas or
// semicolons, as a report prints the heads of several chains.
func ParseDigests(s string) ([]Digest, error) {
	var out []Digest
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ';' || unicode.IsSpace(r) }) {
		d, err := ParseDigest(f)
		if err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	if len(out) == 0 {
		return nil, Errorf(EINVALID, "digest", "chưa có mã xác thực")
	}
	return out, nil
}

func (s *Store) checkDigest(ctx context.Context, d Digest, rep *Report) error {
	var seq int64
	var hash string
	// A short code names the origin by a prefix: the origins are few, and a
	// prefix that fits two of them is refused rather than guessed. Two seeks
	// of the (origin, origin_seq) index find the first two that fit.
	var first, second sql.NullString
	end := d.Origin + "~" // after every hex digit and '-'
	if err := s.db.QueryRowContext(ctx, `SELECT min(origin) FROM events WHERE origin >= ? AND origin < ?`, d.Origin, end).
		Scan(&first); err != nil {
		return err
	}
	if first.Valid {
		if err := s.db.QueryRowContext(ctx, `SELECT min(origin) FROM events WHERE origin > ? AND origin < ?`, first.String, end).
			Scan(&second); err != nil {
			return err
		}
	}
	if second.Valid {
		rep.add(Problem{Origin: d.Origin, OriginSeq: d.OriginSeq, Kind: KindDigestMismatch,
			Message: fmt.Sprintf("mã xác thực %s: phần đầu %s trùng với nhiều chuỗi (%s, %s…), hãy dùng mã đầy đủ", d, d.Origin, first.String, second.String)})
		return nil
	}
	err := s.db.QueryRowContext(ctx, `SELECT seq, hash FROM events WHERE origin = ? AND origin_seq = ?`,
		first.String, d.OriginSeq).Scan(&seq, &hash)
	switch {
	case err != nil && strings.Contains(err.Error(), "no rows"):
		rep.add(Problem{Origin: d.Origin, OriginSeq: d.OriginSeq, Kind: KindDigestMismatch,
			Message: fmt.Sprintf("mã xác thực %s: sổ cái không còn sự kiện ở vị trí %d của chuỗi %s", d, d.OriginSeq, d.Origin)})
	case err != nil:
		return err
	case !strings.HasPrefix(hash, d.Hash):
		rep.add(Problem{Seq: seq, Origin: d.Origin, OriginSeq: d.OriginSeq, Kind: KindDigestMismatch,
			Message: fmt.Sprintf("mã xác thực %s: sự kiện seq %d có mã băm %s…, lịch sử đến điểm này đã bị thay đổi", d, seq, short(hash))})
	}
	return nil
}
