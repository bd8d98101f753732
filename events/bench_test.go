package events_test

// Benchmarks of the event store, each beside the limit it is judged against,
// measured in the same run (make -f mk/bench.mk bench prints the ratios):
//
//	BenchmarkAppend100k/store  vs  BenchmarkAppend100k/plain   goal: store ≥ 0.6 × plain (events/s)
//	BenchmarkAppendSingle                                      goal: p99 < 10 ms
//	BenchmarkVerify100k/verify vs  BenchmarkVerify100k/scan    goal: verify ≤ 1.5 × scan (time)
//
// Speed is measured only here, never by a timed test. Every op of a
// throughput benchmark runs its work benchRounds times and reports the best
// round as events/s (best-ms beside it): the machine is shared, and the
// fastest round is the one least disturbed by others. Identifiers carry a
// bench prefix: other test files of this package define their own helpers.

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"net/url"
	"path/filepath"
	"slices"
	"strconv"
	"testing"
	"time"

	"socai/events"
)

const (
	benchEvents    = 100_000
	benchStreams   = 1000
	benchBatch     = 1000 // events per transaction
	benchPerAppend = 10   // events per tx.Append: a batch touches 100 streams
	benchSingles   = 2000
	benchRounds    = 5 // rounds per op of a throughput benchmark; the best counts
)

// benchWorkload is 100k events of real registered types over 1000 class
// streams: each stream opens with ClassOpened and then changes its enrollment.
// batches[i] is one transaction: per stream, the events of one tx.Append.
type benchAppend struct {
	stream string
	evs    []events.Event
}

func benchWorkload() [][]benchAppend {
	perStream := benchEvents / benchStreams
	next := make([]int, benchStreams) // events already planned per stream
	var batches [][]benchAppend
	streamsPerBatch := benchBatch / benchPerAppend
	for b := 0; b < benchEvents/benchBatch; b++ {
		corr := fmt.Sprintf("bench-batch-%04d", b)
		first := (b * streamsPerBatch) % benchStreams
		batch := make([]benchAppend, 0, streamsPerBatch)
		for k := first; k < first+streamsPerBatch; k++ {
			classID := fmt.Sprintf("2021-%04d", k)
			m := events.Meta{Actor: "phongdaotao", Source: "51-BC/CTĐ", Reason: "nhập số liệu", CorrelationID: corr}
			a := benchAppend{stream: "class-" + classID}
			for j := 0; j < benchPerAppend; j++ {
				n := next[k]
				next[k]++
				var ev events.Event
				if n == 0 {
					ev = events.Event{OccurredOn: "2021-03-01", Meta: m, Data: events.ClassOpened{
						ClassID: classID, SchoolID: fmt.Sprintf("school-%d", k%8), ClassType: "tc-llct-hc",
						Name: "Lớp Trung cấp lý luận chính trị - hành chính K" + strconv.Itoa(k), Students: 60,
						StartDate: "2021-03-01", EndDate: "2021-12-30", Mode: events.ModeTapTrung}}
				} else {
					ev = events.Event{OccurredOn: "2021-04-01", Meta: m,
						Data: events.ClassEnrollmentChanged{ClassID: classID, Students: int64(60 - n%7)}}
				}
				a.evs = append(a.evs, ev)
			}
			batch = append(batch, a)
		}
		batches = append(batches, batch)
	}
	if perStream*benchStreams != benchEvents {
		panic("bench: uneven workload")
	}
	return batches
}

func benchOpen(tb testing.TB, dir string) *events.Store {
	tb.Helper()
	s, err := events.Open(filepath.Join(dir, "socai.db"))
	if err != nil {
		tb.Fatal(err)
	}
	return s
}

func benchAppendAll(tb testing.TB, s *events.Store, batches [][]benchAppend) {
	tb.Helper()
	ctx := context.Background()
	for _, batch := range batches {
		err := s.Update(ctx, func(tx *events.Tx) error {
			for _, a := range batch {
				if _, err := tx.Append(a.stream, events.AnyVersion, a.evs...); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			tb.Fatal(err)
		}
	}
}

// benchPlainSchema is the events table of migrations/0001_events.sql with
// every index and unique constraint, without what only the contract needs
// (AUTOINCREMENT, the append-only triggers): the cheapest honest table for
// the same rows.
const benchPlainSchema = `CREATE TABLE events (
    seq            INTEGER PRIMARY KEY,
    id             TEXT    NOT NULL UNIQUE,
    origin         TEXT    NOT NULL,
    origin_seq     INTEGER NOT NULL CHECK (origin_seq > 0),
    stream         TEXT    NOT NULL,
    version        INTEGER NOT NULL CHECK (version > 0),
    type           TEXT    NOT NULL,
    schema_version INTEGER NOT NULL CHECK (schema_version > 0),
    occurred_on    TEXT    NOT NULL,
    recorded_at    TEXT    NOT NULL,
    data           TEXT    NOT NULL,
    meta           TEXT    NOT NULL,
    prev_hash      TEXT    NOT NULL,
    hash           TEXT    NOT NULL,
    UNIQUE (stream, version),
    UNIQUE (origin, origin_seq)
);
CREATE INDEX events_type ON events (type);`

// benchPlainOpen opens a bare database with the store's connection settings
// (WAL, synchronous=FULL, BEGIN IMMEDIATE).
func benchPlainOpen(tb testing.TB, dir string) *sql.DB {
	tb.Helper()
	q := url.Values{}
	q.Set("_busy_timeout", "10000")
	q.Set("_foreign_keys", "on")
	q.Set("_journal_mode", "WAL")
	q.Set("_synchronous", "FULL")
	q.Set("_txlock", "immediate")
	path := filepath.Join(dir, "plain.db")
	db, err := sql.Open("sqlite3", "file:"+(&url.URL{Path: path}).EscapedPath()+"?"+q.Encode())
	if err != nil {
		tb.Fatal(err)
	}
	if _, err := db.Exec(benchPlainSchema); err != nil {
		tb.Fatal(err)
	}
	return db
}

// benchRow is one pre-computed row: the 13 stored columns, as bound.
type benchRow struct {
	id, origin     string
	originSeq      int64
	stream         string
	version        int64
	typ            string
	schemaVersion  int64
	occurredOn, at string
	data, meta     string
	prevHash, hash string
}

func benchPlainInsert(tb testing.TB, db *sql.DB, rows []benchRow) {
	tb.Helper()
	for start := 0; start < len(rows); start += benchBatch {
		tx, err := db.Begin()
		if err != nil {
			tb.Fatal(err)
		}
		st, err := tx.Prepare(`INSERT INTO events (id, origin, origin_seq, stream, version, type, schema_version,
			occurred_on, recorded_at, data, meta, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)`)
		if err != nil {
			tb.Fatal(err)
		}
		for i := start; i < min(start+benchBatch, len(rows)); i++ {
			r := &rows[i]
			if _, err := st.Exec(r.id, r.origin, r.originSeq, r.stream, r.version, r.typ, r.schemaVersion,
				r.occurredOn, r.at, r.data, r.meta, r.prevHash, r.hash); err != nil {
				tb.Fatal(err)
			}
		}
		st.Close()
		if err := tx.Commit(); err != nil {
			tb.Fatal(err)
		}
	}
}

// benchBest runs round benchRounds times per op and reports the best round:
// n events in the time round returns (its setup excluded).
func benchBest(b *testing.B, n int, round func() time.Duration) {
	best := time.Duration(1<<63 - 1)
	for i := 0; i < b.N; i++ {
		for range benchRounds {
			best = min(best, round())
		}
	}
	b.ReportMetric(float64(n)/best.Seconds(), "events/s")
	b.ReportMetric(float64(best)/float64(time.Millisecond), "best-ms")
}

// BenchmarkAppend100k appends 100k events in transactions of 1000 through the
// store (store) and inserts the very rows the store produced into a bare
// table with the same indexes (plain, the limit).
func BenchmarkAppend100k(b *testing.B) {
	batches := benchWorkload()

	// The rows for plain: what the store writes for this workload.
	ref := benchOpen(b, b.TempDir())
	benchAppendAll(b, ref, batches)
	recs, err := ref.Read(context.Background(), events.Filter{})
	if err != nil {
		b.Fatal(err)
	}
	ref.Close()
	if len(recs) != benchEvents {
		b.Fatalf("reference store holds %d events, want %d", len(recs), benchEvents)
	}
	rows := make([]benchRow, len(recs))
	for i, r := range recs {
		rows[i] = benchRow{r.ID, r.Origin, r.OriginSeq, r.Stream, r.Version, r.Type, int64(r.SchemaVersion),
			r.OccurredOn, r.RecordedAt, string(r.Data), string(r.Meta), r.PrevHash, r.Hash}
	}

	b.Run("store", func(b *testing.B) {
		benchBest(b, benchEvents, func() time.Duration {
			b.StopTimer()
			s := benchOpen(b, b.TempDir())
			b.StartTimer()
			t0 := time.Now()
			benchAppendAll(b, s, batches)
			d := time.Since(t0)
			b.StopTimer()
			s.Close()
			b.StartTimer()
			return d
		})
	})
	b.Run("plain", func(b *testing.B) {
		benchBest(b, benchEvents, func() time.Duration {
			b.StopTimer()
			db := benchPlainOpen(b, b.TempDir())
			b.StartTimer()
			t0 := time.Now()
			benchPlainInsert(b, db, rows)
			d := time.Since(t0)
			b.StopTimer()
			db.Close()
			b.StartTimer()
			return d
		})
	})
}

// BenchmarkAppendSingle appends 2000 single events, each in its own
// transaction (one fsync each), and reports the latency percentiles.
func BenchmarkAppendSingle(b *testing.B) {
	ctx := context.Background()
	var lat []time.Duration
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		s := benchOpen(b, b.TempDir())
		b.StartTimer()
		for k := 0; k < benchSingles; k++ {
			classID := fmt.Sprintf("2021-%03d", k%100)
			ev := events.Event{OccurredOn: "2021-04-01", Meta: events.Meta{Actor: "phongdaotao", Source: "51-BC/CTĐ"},
				Data: events.ClassEnrollmentChanged{ClassID: classID, Students: int64(k % 90)}}
			t0 := time.Now()
			if _, err := s.Append(ctx, "class-"+classID, events.AnyVersion, ev); err != nil {
				b.Fatal(err)
			}
			lat = append(lat, time.Since(t0))
		}
		b.StopTimer()
		s.Close()
		b.StartTimer()
	}
	slices.Sort(lat)
	ms := func(q float64) float64 {
		i := int(q*float64(len(lat))+0.999999) - 1
		return float64(lat[max(i, 0)]) / float64(time.Millisecond)
	}
	b.ReportMetric(ms(0.50), "p50-ms")
	b.ReportMetric(ms(0.99), "p99-ms")
	b.ReportMetric(ms(1.00), "max-ms")
}

// BenchmarkVerify100k verifies a 100k-event store (verify) and reads every
// column of every event in seq order with a plain SELECT (scan, the limit).
func BenchmarkVerify100k(b *testing.B) {
	s := benchOpen(b, b.TempDir())
	defer s.Close()
	benchAppendAll(b, s, benchWorkload())
	ctx := context.Background()
	benchScan(b, s.DB()) // both start with a warm cache

	b.Run("verify", func(b *testing.B) {
		benchBest(b, benchEvents, func() time.Duration {
			t0 := time.Now()
			rep, err := s.Verify(ctx, events.VerifyOptions{})
			d := time.Since(t0)
			if err != nil {
				b.Fatal(err)
			}
			if !rep.OK || rep.Checked != benchEvents {
				b.Fatalf("verify: ok=%v checked=%d first=%+v", rep.OK, rep.Checked, rep.First)
			}
			return d
		})
	})
	b.Run("scan", func(b *testing.B) {
		benchBest(b, benchEvents, func() time.Duration {
			t0 := time.Now()
			n := benchScan(b, s.DB())
			d := time.Since(t0)
			if n != benchEvents {
				b.Fatalf("scan read %d events", n)
			}
			return d
		})
	})
}

func benchScan(tb testing.TB, db *sql.DB) int {
	rows, err := db.Query(`SELECT seq, id, origin, origin_seq, stream, version, type, schema_version,
		occurred_on, recorded_at, data, meta, prev_hash, hash FROM events ORDER BY seq`)
	if err != nil {
		tb.Fatal(err)
	}
	defer rows.Close()
	var (
		seq, originSeq, version, schemaVersion  int64
		id, origin, stream, typ, occurredOn, at string
		data, meta                              []byte
		prevHash, hash                          string
		n                                       int
	)
	for rows.Next() {
		if err := rows.Scan(&seq, &id, &origin, &originSeq, &stream, &version, &typ, &schemaVersion,
			&occurredOn, &at, &data, &meta, &prevHash, &hash); err != nil {
			tb.Fatal(err)
		}
		n++
	}
	if err := rows.Err(); err != nil {
		tb.Fatal(err)
	}
	return n
}

// TestBenchWorkloadHashes checks, with an encoding written out independently
// of chain.go, that what the store appends for the benchmark workload carries
// the documented hashes and chain links: the guard of every speed-up of the
// append path.
func TestBenchWorkloadHashes(t *testing.T) {
	s := benchOpen(t, t.TempDir())
	defer s.Close()
	batches := benchWorkload()[:3]
	benchAppendAll(t, s, batches)
	ctx := context.Background()
	if _, err := s.Append(ctx, "class-2021-single", events.NoStream, events.Event{OccurredOn: "2021-04-01",
		Meta: events.Meta{Actor: "a"}, Data: events.ClassEnrollmentChanged{ClassID: "2021-single", Students: 3}}); err != nil {
		t.Fatal(err)
	}
	recs, err := s.Read(ctx, events.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 3*benchBatch+1 {
		t.Fatalf("%d events", len(recs))
	}
	prev := events.GenesisHash
	for i, r := range recs {
		var enc []byte
		for _, f := range []string{"socai-event-v1", r.ID, r.Origin, strconv.FormatInt(r.OriginSeq, 10), r.Stream,
			strconv.FormatInt(r.Version, 10), r.Type, strconv.Itoa(r.SchemaVersion), r.OccurredOn, r.RecordedAt,
			string(r.Data), string(r.Meta), r.PrevHash} {
			enc = fmt.Appendf(enc, "%d:%s,", len(f), f)
		}
		sum := sha256.Sum256(enc)
		if want := hex.EncodeToString(sum[:]); r.Hash != want {
			t.Fatalf("event %d: hash %s, recomputed %s", i, r.Hash, want)
		}
		if r.PrevHash != prev || r.OriginSeq != int64(i+1) || r.Seq != int64(i+1) {
			t.Fatalf("event %d: prev %s (want %s), origin_seq %d, seq %d", i, r.PrevHash, prev, r.OriginSeq, r.Seq)
		}
		prev = r.Hash
	}
	m, err := recs[0].DecodeMeta()
	if err != nil || m.CorrelationID != "bench-batch-0000" || m.Actor != "phongdaotao" {
		t.Fatalf("meta %+v %v", m, err)
	}
	if string(recs[len(recs)-1].Meta) != `{"actor":"a"}` {
		t.Fatalf("meta %s", recs[len(recs)-1].Meta)
	}
	rep, err := s.Verify(ctx, events.VerifyOptions{})
	if err != nil || !rep.OK || rep.Checked != int64(len(recs)) {
		t.Fatalf("verify %+v %v", rep, err)
	}
}
