//go:build unix

package events_test

// The crash test: a child process appends batches in a loop and is killed
// with SIGKILL at random moments; after every kill the file must open, verify
// and hold only whole batches. The child is this test binary run again with
// -test.run=^TestCrashChild$ and SOCAI_CRASH_CHILD_DB set.

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/google/uuid"

	"socai/events"
)

const (
	crashEnvDB      = "SOCAI_CRASH_CHILD_DB"
	crashEnvSeed    = "SOCAI_CRASH_CHILD_SEED"
	crashRounds     = 24
	crashStreams    = 40
	crashReasonPref = "batch-size="
)

// TestCrashChild is the appending child of TestCrashKeepsWholeBatches; run
// without SOCAI_CRASH_CHILD_DB it does nothing.
func TestCrashChild(t *testing.T) {
	path := os.Getenv(crashEnvDB)
	if path == "" {
		return
	}
	seed, _ := strconv.ParseUint(os.Getenv(crashEnvSeed), 10, 64)
	rng := rand.New(rand.NewPCG(seed, 0x50ca1))
	s, err := events.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	stop := time.Now().Add(30 * time.Second) // never outlive a parent that died
	for time.Now().Before(stop) {
		if err := s.Update(ctx, func(tx *events.Tx) error { return crashBatch(tx, rng) }); err != nil {
			t.Fatal(err)
		}
	}
	t.Fatal("the child was not killed within 30 s")
}

// crashBatch appends 1–20 events over 1–3 streams; every event carries the
// batch's correlation id and its size.
func crashBatch(tx *events.Tx, rng *rand.Rand) error {
	n := 1 + rng.IntN(20)
	k := min(n, 1+rng.IntN(3))
	m := events.Meta{Actor: "crash-child", Reason: crashReasonPref + strconv.Itoa(n),
		Source: "crash_test", CorrelationID: uuid.NewString()}
	first := rng.IntN(crashStreams)
	for j := 0; j < k; j++ {
		classID := fmt.Sprintf("crash-%02d", (first+j)%crashStreams)
		count := n / k
		if j < n%k {
			count++
		}
		evs := make([]events.Event, count)
		for i := range evs {
			evs[i] = events.Event{OccurredOn: "2021-06-30", Meta: m,
				Data: events.ClassEnrollmentChanged{ClassID: classID, Students: int64(n)}}
		}
		if _, err := tx.Append("class-"+classID, events.AnyVersion, evs...); err != nil {
			return err
		}
	}
	return nil
}

// TestCrashKeepsWholeBatches kills an appending child crashRounds times,
// always on the same file, and checks the file after every kill.
func TestCrashKeepsWholeBatches(t *testing.T) {
	if os.Getenv(crashEnvDB) != "" {
		return // we are a child
	}
	path := filepath.Join(t.TempDir(), "crash.db")
	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 7))
	ctx := context.Background()
	var last int64
	grew := 0
	for round := 0; round < crashRounds; round++ {
		// Every fourth round dies at once: before the first commit, often
		// before the file or its schema exists.
		wait := time.Duration(20+rng.IntN(281)) * time.Millisecond
		if round%4 == 1 {
			wait = time.Duration(rng.IntN(10)) * time.Millisecond
		}
		cmd := exec.Command(os.Args[0], "-test.run=^TestCrashChild$", "-test.count=1")
		cmd.Env = append(os.Environ(), crashEnvDB+"="+path, crashEnvSeed+"="+strconv.FormatUint(rng.Uint64(), 10))
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &out
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(wait)
		if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
			t.Fatalf("round %d: kill: %v", round, err)
		}
		err := cmd.Wait()
		var exit *exec.ExitError
		if !errors.As(err, &exit) || exit.Sys().(syscall.WaitStatus).Signal() != syscall.SIGKILL {
			t.Fatalf("round %d: the child ended by itself (%v) before the kill after %v:\n%s", round, err, wait, out.String())
		}

		n := crashCheck(t, ctx, path, round)
		if n < last {
			t.Fatalf("round %d: %d events, %d before the kill", round, n, last)
		}
		if n > last {
			grew++
		}
		t.Logf("round %d: killed after %v, %d events", round, wait, n)
		last = n
	}
	if last == 0 || grew == 0 {
		t.Fatalf("the children never committed a batch (%d events)", last)
	}
}

// crashCheck opens the store after a kill, verifies it and checks that every
// batch is whole; it returns the number of events.
func crashCheck(t *testing.T, ctx context.Context, path string, round int) int64 {
	t.Helper()
	s, err := events.Open(path)
	if err != nil {
		t.Fatalf("round %d: open after the kill: %v", round, err)
	}
	defer s.Close()
	rep, err := s.Verify(ctx, events.VerifyOptions{})
	if err != nil {
		t.Fatalf("round %d: verify: %v", round, err)
	}
	if !rep.OK {
		t.Fatalf("round %d: verify found %d problems, first: %+v", round, len(rep.Problems), rep.First)
	}
	type group struct{ size, count int }
	groups := map[string]*group{}
	var n int64
	err = s.Each(ctx, events.Filter{}, func(r events.Record) error {
		n++
		m, err := r.DecodeMeta()
		if err != nil {
			return err
		}
		size, err := strconv.Atoi(strings.TrimPrefix(m.Reason, crashReasonPref))
		if err != nil || m.CorrelationID == "" {
			return fmt.Errorf("seq %d: meta %s", r.Seq, r.Meta)
		}
		g := groups[m.CorrelationID]
		if g == nil {
			g = &group{size: size}
			groups[m.CorrelationID] = g
		}
		if g.size != size {
			return fmt.Errorf("seq %d: batch %s says size %d and %d", r.Seq, m.CorrelationID, g.size, size)
		}
		g.count++
		return nil
	})
	if err != nil {
		t.Fatalf("round %d: %v", round, err)
	}
	if rep.Checked != n {
		t.Fatalf("round %d: verify checked %d events, the store holds %d", round, rep.Checked, n)
	}
	for id, g := range groups {
		if g.count != g.size {
			t.Fatalf("round %d: batch %s holds %d of its %d events", round, id, g.count, g.size)
		}
	}
	return n
}
