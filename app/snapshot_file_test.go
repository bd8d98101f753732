package app_test

import (
	"testing"

	"socai/app"
	"socai/projections"
)

// The manifest's figures: the cluster first, then every school, each with
// the figures of its area reports; the reference figure is there.
func TestPeriodFiguresOfTheDemo(t *testing.T) {
	a := openApp(t)
	if _, err := a.LoadDemo(ctx); err != nil {
		t.Fatal(err)
	}
	p, _ := projections.ParsePeriod("2021-H1")
	scopes, err := app.PeriodFigures(ctx, a.DB(), p, "")
	if err != nil {
		t.Fatal(err)
	}
	if len(scopes) != 9 || scopes[0].Scope != "" {
		t.Fatalf("%d scopes, first %q: want the cluster then 8 schools", len(scopes), scopes[0].Scope)
	}
	if got := projections.FigureMap(scopes[0].Figures)["classplans.executed.classes"]; got != 260 {
		t.Errorf("cluster executed classes = %v, want 260", got)
	}
	var sum float64
	for _, s := range scopes[1:] {
		sum += projections.FigureMap(s.Figures)["classplans.executed.classes"]
	}
	if sum != 260 {
		t.Errorf("schools' executed classes add up to %v, want 260", sum)
	}
	one, err := app.PeriodFigures(ctx, a.DB(), p, scopes[3].Scope)
	if err != nil || len(one) != 1 || one[0].Scope != scopes[3].Scope {
		t.Fatalf("one school: %+v, %v", one, err)
	}

	// The figures repeat themselves; a changed one, a missing key and a
	// missing school are each named.
	if mm, n := app.CompareFigures(scopes, scopes); len(mm) != 0 || n == 0 {
		t.Fatalf("compare with itself: %d mismatches of %d", len(mm), n)
	}
	recomputed, _ := app.PeriodFigures(ctx, a.DB(), p, "")
	recomputed[0].Figures[0].Value++
	recomputed[0].Figures = recomputed[0].Figures[:len(recomputed[0].Figures)-1]
	lastKey := scopes[0].Figures[len(scopes[0].Figures)-1].Key
	recomputed = append(recomputed[:1], recomputed[2:]...)
	mm, _ := app.CompareFigures(scopes, recomputed)
	if len(mm) != 2+len(scopes[1].Figures) {
		t.Fatalf("%d mismatches, want %d: %+v", len(mm), 2+len(scopes[1].Figures), mm[:2])
	}
	if mm[0].Key != scopes[0].Figures[0].Key || mm[0].Recomputed == nil || *mm[0].Recomputed != mm[0].Stated+1 {
		t.Errorf("changed figure: %+v", mm[0])
	}
	if mm[1].Key != lastKey || mm[1].Recomputed != nil {
		t.Errorf("missing figure: %+v", mm[1])
	}
	if mm[2].Scope != scopes[1].Scope || mm[2].Recomputed != nil {
		t.Errorf("missing school: %+v", mm[2])
	}
}
