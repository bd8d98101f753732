package app_test

import (
	"fmt"
	"path/filepath"
	"sort"
	"sync"
	"testing"
	"time"

	"socai/app"
	"socai/events"
)

// benchLedger is a ledger of ~100k events of a realistic mix (classes
// opened, enrolment changes, completions, targets), built once per run.
var benchLedger struct {
	once sync.Once
	path string
	err  error
}

const benchEvents = 100_000

func buildBenchLedger(b *testing.B) string {
	benchLedger.once.Do(func() {
		dir, err := tempDir()
		if err != nil {
			benchLedger.err = err
			return
		}
		path := filepath.Join(dir, "bench.db")
		a, err := app.Open(path, nil)
		if err != nil {
			benchLedger.err = err
			return
		}
		defer a.Close()
		a.Actor = "bench"
		if _, err := a.Import(ctx, stringsReader(baseCluster...)); err != nil {
			benchLedger.err = err
			return
		}
		schools := []string{"sonla", "laichau"}
		n, k := int64(len(baseCluster)), 0
		for n < benchEvents {
			var cmds []app.Cmd
			for len(cmds) < 1000 {
				id := fmt.Sprintf("b%d", k)
				stream := "class-" + id
				start := events.Date(fmt.Sprintf("%d-%02d-%02d", 2019+k%4, 1+k%12, 1+k%28))
				ev := func(on events.Date, p events.Payload) app.Cmd {
					return app.Cmd{Stream: stream, Expected: events.AnyVersion, Event: events.Event{OccurredOn: on, Data: p, Meta: events.Meta{Source: "bench"}}}
				}
				cmds = append(cmds,
					ev(start, open(id, schools[k%2], []string{"tc", "cv"}[k%2], int64(20+k%60), start)),
					ev(start, events.ClassEnrollmentChanged{ClassID: id, Students: int64(21 + k%60)}),
					ev(start, events.ClassModeChanged{ClassID: id, Mode: events.ModeTrucTuyen, Reason: "Covid-19"}),
					ev(start, events.ClassCompleted{ClassID: id, EndDate: start, Graduates: int64(20 + k%50)}))
				k++
			}
			if _, err := a.Record(ctx, cmds...); err != nil {
				benchLedger.err = err
				return
			}
			n += int64(len(cmds))
		}
		benchLedger.path = path
	})
	if benchLedger.err != nil {
		b.Fatal(benchLedger.err)
	}
	return benchLedger.path
}

// BenchmarkRebuild100k rebuilds every projection from ~100k events (/rebuild)
// beside a plain scan of the events table (/scan), the limit: goal ≤ 2.5×.
func BenchmarkRebuild100k(b *testing.B) {
	path := buildBenchLedger(b)
	a, err := app.Open(path, nil)
	if err != nil {
		b.Fatal(err)
	}
	defer a.Close()
	best := func(b *testing.B, f func() error) {
		min := time.Duration(1 << 62)
		for i := 0; i < b.N; i++ {
			for round := 0; round < 3; round++ {
				t0 := time.Now()
				if err := f(); err != nil {
					b.Fatal(err)
				}
				if d := time.Since(t0); d < min {
					min = d
				}
			}
		}
		b.ReportMetric(float64(min.Microseconds())/1000, "best-ms")
	}
	b.Run("rebuild", func(b *testing.B) {
		best(b, func() error { return a.Projections.Rebuild(ctx, nil) })
	})
	b.Run("scan", func(b *testing.B) {
		best(b, func() error {
			rows, err := a.Store.DB().Query(`SELECT ` + events.RecordColumns + ` FROM events ORDER BY seq`)
			if err != nil {
				return err
			}
			defer rows.Close()
			for rows.Next() {
				if _, err := events.ScanRecord(rows); err != nil {
					return err
				}
			}
			return rows.Err()
		})
	})
}

// BenchmarkCommand measures one command (validate + append + inline
// projections, one transaction) on the 100k ledger: goal p99 < 10 ms.
func BenchmarkCommand(b *testing.B) {
	path := buildBenchLedger(b)
	a, err := app.Open(path, nil)
	if err != nil {
		b.Fatal(err)
	}
	defer a.Close()
	a.Actor = "bench"
	const n = 2000
	lat := make([]time.Duration, 0, n)
	for i := 0; i < b.N; i++ {
		lat = lat[:0]
		for j := 0; j < n; j++ {
			id := fmt.Sprintf("cmd-%d-%d-%d", time.Now().UnixNano(), i, j)
			t0 := time.Now()
			if _, err := a.ClassPlans.OpenClass(open(id, "sonla", "tc", 40, "2021-03-01"), app.Note{}); err != nil {
				b.Fatal(err)
			}
			lat = append(lat, time.Since(t0))
		}
	}
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
	b.ReportMetric(ms(lat[len(lat)/2]), "p50-ms")
	b.ReportMetric(ms(lat[len(lat)*99/100]), "p99-ms")
	b.ReportMetric(0, "ns/op")
}
