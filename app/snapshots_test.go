package app

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"socai/events"
	"socai/projections"
)

func snapshotFiles(t *testing.T, a *App) []string {
	t.Helper()
	entries, _ := os.ReadDir(projections.SnapshotDir(a.Store.Path()))
	var out []string
	for _, e := range entries {
		out = append(out, e.Name())
	}
	sort.Strings(out)
	return out
}

func openClasses(t *testing.T, a *App, from, n int) {
	t.Helper()
	var cmds []Cmd
	for i := from; i < from+n; i++ {
		cmds = append(cmds, Cmd{Stream: fmt.Sprintf("class-k%d", i), Expected: events.NoStream, Event: events.Event{
			OccurredOn: "2021-03-01", Data: events.ClassOpened{ClassID: fmt.Sprintf("k%d", i), SchoolID: "sonla",
				ClassType: "tc", Name: "Lớp", Students: 30, StartDate: "2021-03-01", Mode: events.ModeTapTrung}}})
	}
	if _, err := a.Record(context.Background(), cmds...); err != nil {
		t.Fatal(err)
	}
}

func openSnapApp(t *testing.T) *App {
	t.Helper()
	a, err := Open(filepath.Join(t.TempDir(), "socai.db"), nil)
	if err != nil {
		t.Fatal(err)
	}
	a.Actor = "tester"
	a.SnapshotPolicy = projections.SnapshotPolicy{Every: 5, Keep: 10}
	org := []Cmd{
		{Stream: "cluster-mnbgpb", Expected: events.NoStream, Event: events.Event{OccurredOn: "2021-01-01",
			Data: events.ClusterFormed{ClusterID: "mnbgpb", Name: "Cụm", Region: "Miền núi"}}},
		{Stream: "school-sonla", Expected: events.NoStream, Event: events.Event{OccurredOn: "2021-01-01",
			Data: events.SchoolRegistered{SchoolID: "sonla", Name: "Trường Sơn La", Province: "Sơn La", ClusterID: "mnbgpb"}}},
		{Stream: "classtype-tc", Expected: events.NoStream, Event: events.Event{OccurredOn: "2021-01-01",
			Data: events.ClassTypeDefined{ClassType: "tc", Name: "Trung cấp", Group: "dao_tao"}}},
	}
	if _, err := a.Record(context.Background(), org...); err != nil { // seq 1–3: no snapshot due yet
		t.Fatal(err)
	}
	return a
}

// Without the window, the snapshots a session's commits call for are
// taken when the App closes (the CLI's import, demo, close).
func TestSnapshotsTakenOnClose(t *testing.T) {
	a := openSnapApp(t)
	openClasses(t, a, 0, 9) // seq 4–12: crosses 5 and 10
	if files := snapshotFiles(t, a); len(files) != 0 {
		t.Fatalf("snapshots before Close: %v", files)
	}
	a.Close()
	if files := snapshotFiles(t, a); fmt.Sprint(files) != "[10.db 5.db]" {
		t.Errorf("after Close: %v", files)
	}

	b := openSnapApp(t) // seq 1–3: nothing due, nothing taken
	b.Close()
	if _, err := os.Stat(projections.SnapshotDir(b.Store.Path())); !os.IsNotExist(err) {
		t.Errorf("a session that called for no snapshot made the folder: %v", err)
	}
}

// In the window a goroutine takes them after the commits that call for
// them, and the appends never wait for it.
func TestSnapshotsTakenInTheBackground(t *testing.T) {
	a := openSnapApp(t)
	defer a.Close()
	runs := make(chan projections.SnapshotReport, 16)
	a.snaps.bg.ran = func(rep projections.SnapshotReport, err error) {
		if err != nil {
			t.Error(err)
		}
		runs <- rep
	}
	a.startSnapshots()
	if rep := <-runs; len(rep.Created) != 0 { // the run at start: seq 3, nothing due
		t.Errorf("at start: %+v", rep.Created)
	}
	openClasses(t, a, 0, 3) // seq 4–6: crosses 5
	if rep := <-runs; len(rep.Created) != 1 || rep.Created[0].Seq != 5 {
		t.Errorf("after crossing 5: %+v", rep.Created)
	}
	openClasses(t, a, 3, 2) // seq 7–8: nothing due, no run
	openClasses(t, a, 5, 3) // seq 9–11: crosses 10
	if rep := <-runs; len(rep.Created) != 1 || rep.Created[0].Seq != 10 {
		t.Errorf("after crossing 10: %+v", rep.Created)
	}
	if files := snapshotFiles(t, a); fmt.Sprint(files) != "[10.db 5.db]" {
		t.Errorf("files: %v", files)
	}
	v, err := a.AsOf(context.Background(), a.Store.Now())
	if err != nil {
		t.Fatal(err)
	}
	defer v.Close()
	if v.asOf.Snapshot() != 10 {
		t.Errorf("the App's view of now started from snapshot %d, want 10", v.asOf.Snapshot())
	}
}
