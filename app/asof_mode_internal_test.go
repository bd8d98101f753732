package app

import (
	"context"
	"path/filepath"
	"testing"
)

// A query in flight when the window moves on reads its old view to the end;
// the old view is closed when that query lets it go, not before.
func TestRetiredViewClosesAfterItsLastQuery(t *testing.T) {
	ctx := context.Background()
	a, err := Open(filepath.Join(t.TempDir(), "socai.db"), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	if _, err := a.LoadDemo(ctx); err != nil {
		t.Fatal(err)
	}
	var classes int
	if err := a.DB().QueryRowContext(ctx, `SELECT COUNT(*) FROM proj_classes`).Scan(&classes); err != nil || classes == 0 {
		t.Fatalf("classes: %d %v", classes, err)
	}
	if _, err := a.ShowAsOf(ctx, a.Store.Now().Format("2006-01-02T15:04:05.999999999Z07:00")); err != nil {
		t.Fatal(err)
	}
	first := a.mode.current()

	rows, err := a.DB().QueryContext(ctx, `SELECT class_id FROM proj_classes`)
	if err != nil {
		t.Fatal(err)
	}
	rows.Next() // the query is under way, its connection holds the view

	if _, err := a.ShowAsOf(ctx, "2021-01-01"); err != nil { // before the demo was recorded
		t.Fatal(err)
	}
	if closed(a, first) {
		t.Fatal("the old view was closed under a query in flight")
	}
	n := 1
	for rows.Next() {
		n++
	}
	if err := rows.Err(); err != nil || n != classes {
		t.Errorf("the query in flight read %d of %d classes: %v", n, classes, err)
	}
	rows.Close()
	if !closed(a, first) || first.view.DB().Ping() == nil {
		t.Error("the old view stays open after its last query")
	}

	// the view before the demo is empty, and so is what a.DB() reads now
	if err := a.DB().QueryRowContext(ctx, `SELECT COUNT(*) FROM proj_classes`).Scan(&classes); err != nil || classes != 0 {
		t.Errorf("as of 01/01/2021: %d classes, %v", classes, err)
	}
	second := a.mode.current()
	if _, err := a.ShowAsOf(ctx, ""); err != nil {
		t.Fatal(err)
	}
	if !closed(a, second) || second.view.DB().Ping() == nil {
		t.Error("back to now, the idle view stays open")
	}
}

func closed(a *App, v *pinnedView) bool {
	a.mode.mu.Lock()
	defer a.mode.mu.Unlock()
	return v.closed
}
