package app

// BenchmarkLogPage: the global log pages through 1,000,000 events without
// loading them (make bench; scripts/bench-summary.sh prints the verdict,
// goal: a page, its total included, under 100 ms unfiltered, first or deep).
// Internal to package app: the ledger is appended through the event store
// alone, with no projection to keep, which the log does not read.

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"socai/events"
)

const millionEvents = 1_000_000

var millionActors = []string{"Lò Văn Minh", "Cầm Thị Lan", "Vàng A Sùng", "Nguyễn Thị Hoa", "Hoàng Văn Thụ",
	"Lường Văn Ơn", "Sùng Thị Mỷ", "Bế Văn Đàn", "Nông Thị Xuân", "Giàng A Páo"}

var millionSchools = []string{"sonla", "laichau", "dienbien", "laocai", "hagiang", "quangninh", "langson", "caobang"}

// millionLedger appends 1M events: 250k classes of 8 schools, each opened,
// its enrolment changed, moved online and completed, by 10 actors.
// SOCAI_BENCH_LEDGER names a file to keep it between runs (when studying
// the queries); by default it is made in a temporary folder and removed.
func millionLedger(b *testing.B) (*App, func()) {
	dir, err := os.MkdirTemp("", "socai-bench-log-")
	if err != nil {
		b.Fatal(err)
	}
	path := filepath.Join(dir, "million.db")
	if p := os.Getenv("SOCAI_BENCH_LEDGER"); p != "" {
		path = p
	}
	st, err := events.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	t0 := time.Now()
	var have int64
	if err := st.DB().QueryRow(`SELECT COUNT(*) FROM events`).Scan(&have); err != nil {
		b.Fatal(err)
	}
	for k := int(have) / 4; k < millionEvents/4; {
		err := st.Update(ctx, func(tx *events.Tx) error {
			for end := k + 5000; k < end; k++ {
				id := fmt.Sprintf("m%06d", k)
				start := events.Date(fmt.Sprintf("%d-%02d-%02d", 2018+k%6, 1+k%12, 1+k%28))
				m := func(i int) events.Meta {
					return events.Meta{Actor: millionActors[(k+i)%len(millionActors)], Source: "bench"}
				}
				if _, err := tx.Append("class-"+id, events.NoStream,
					events.Event{OccurredOn: start, Meta: m(0), Data: events.ClassOpened{ClassID: id,
						SchoolID: millionSchools[k%len(millionSchools)], ClassType: "tc", Name: "Lớp " + id,
						Students: int64(30 + k%40), StartDate: start, Mode: events.ModeTapTrung}},
					events.Event{OccurredOn: start, Meta: m(1), Data: events.ClassEnrollmentChanged{ClassID: id, Students: int64(31 + k%40)}},
					events.Event{OccurredOn: start, Meta: m(2), Data: events.ClassModeChanged{ClassID: id, Mode: events.ModeTrucTuyen}},
					events.Event{OccurredOn: start, Meta: m(3), Data: events.ClassCompleted{ClassID: id, EndDate: start, Graduates: 30}},
				); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
	}
	b.Logf("appended %d events in %v", millionEvents, time.Since(t0).Round(time.Millisecond))
	a := &App{Store: st}
	a.wire()
	return a, func() { st.Close(); os.RemoveAll(dir) }
}

// BenchmarkLogPage reads one page of 50 of the log over 1M events: the
// newest, one deep in the ledger (by keyset), one 1000 pages on by a skip,
// and pages filtered by type, actor, business dates and school, each with
// its total. best-ms is the fastest of 5 rounds.
func BenchmarkLogPage(b *testing.B) {
	if testing.Short() {
		b.Skip("1M events: make bench only")
	}
	a, done := millionLedger(b)
	defer done()
	for _, c := range []struct {
		name string
		q    LogQuery
	}{
		{"newest", LogQuery{}},
		{"deep", LogQuery{Before: millionEvents / 2}},
		{"skip1000pages", LogQuery{Skip: 1000 * DefaultLogLimit}},
		{"type", LogQuery{HistoryFilter: HistoryFilter{Type: "ClassCompleted"}, Before: millionEvents / 2}},
		{"actor", LogQuery{HistoryFilter: HistoryFilter{Actor: "Giàng A Páo"}}},
		{"dates", LogQuery{HistoryFilter: HistoryFilter{From: "2021-01-01", To: "2021-06-30"}}},
		{"school", LogQuery{HistoryFilter: HistoryFilter{School: "caobang"}}},
		{"actor-nototal", LogQuery{HistoryFilter: HistoryFilter{Actor: "Giàng A Páo"}, Before: millionEvents / 2, NoTotal: true}},
		{"dates-nototal", LogQuery{HistoryFilter: HistoryFilter{From: "2021-01-01", To: "2021-06-30"}, Before: millionEvents / 2, NoTotal: true}},
		{"school-nototal", LogQuery{HistoryFilter: HistoryFilter{School: "caobang"}, Before: millionEvents / 2, NoTotal: true}},
	} {
		b.Run(c.name, func(b *testing.B) {
			if strings.HasPrefix(c.name, "school") {
				// the school must exist for the filter to be accepted
				if _, err := a.Store.Append(context.Background(), "school-caobang", events.NoStream, events.Event{
					OccurredOn: "2018-01-02", Meta: events.Meta{Actor: "bench"},
					Data: events.SchoolRegistered{SchoolID: "caobang", Name: "Cao Bằng", Province: "Cao Bằng", ClusterID: "mnbgpb"}}); err != nil && events.ErrorCode(err) != events.ECONFLICT {
					b.Fatal(err)
				}
			}
			best := time.Duration(1 << 62)
			var page LogPage
			for i := 0; i < b.N; i++ {
				for round := 0; round < 5; round++ {
					t0 := time.Now()
					p, err := a.History.Log(c.q)
					if err != nil {
						b.Fatal(err)
					}
					if d := time.Since(t0); d < best {
						best = d
					}
					page = p
				}
			}
			if len(page.Events) != DefaultLogLimit || page.Total == 0 || (page.Total < 0) != c.q.NoTotal {
				b.Fatalf("%s: %d events of %d", c.name, len(page.Events), page.Total)
			}
			b.ReportMetric(float64(best.Microseconds())/1000, "best-ms")
			b.ReportMetric(float64(page.Total), "total")
		})
	}
	b.Run("classhistory", func(b *testing.B) {
		best := time.Duration(1 << 62)
		for i := 0; i < b.N; i++ {
			for round := 0; round < 5; round++ {
				t0 := time.Now()
				h, err := a.History.Entity("m123456", HistoryFilter{})
				if err != nil || len(h.Events) != 4 {
					b.Fatalf("%v %+v", err, h)
				}
				if d := time.Since(t0); d < best {
					best = d
				}
			}
		}
		b.ReportMetric(float64(best.Microseconds())/1000, "best-ms")
	})
}
