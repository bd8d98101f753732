package app_test

import (
	"testing"

	"socai/projections"
)

// The flat figures of a period carry the reference report's numbers under
// the keys that reports, closes and inspections compare.
func TestFiguresOfReferencePeriod(t *testing.T) {
	a := openApp(t)
	if _, err := a.LoadDemo(ctx); err != nil {
		t.Fatal(err)
	}
	h1, _ := projections.ParsePeriod("2021-H1")
	fs, err := projections.Figures(ctx, a.DB(), h1, "")
	if err != nil {
		t.Fatal(err)
	}
	m := projections.FigureMap(fs)
	if len(m) != len(fs) {
		t.Errorf("%d figures but %d keys: a key is repeated", len(fs), len(m))
	}
	for key, want := range map[string]float64{
		"classplans.target.classes":     323,
		"classplans.target.students":    20399,
		"classplans.executed.classes":   260,
		"classplans.executed.students":  16182,
		"classplans.carried.classes":    147,
		"classplans.carried.students":   9852,
		"classplans.new.classes":        113,
		"classplans.new.students":       6330,
		"stafftraining.total":           86,
		"research.active.total":         83,
		"research.bulletins.issues":     9,
		"research.bulletins.articles":   175,
		"research.bulletins.schools":    7,
		"research.websites.with":        8,
		"stafftraining.program.cao_hoc": 12,
	} {
		if got, ok := m[key]; !ok || got != want {
			t.Errorf("%s = %v (present %v), want %v", key, got, ok, want)
		}
	}
	for _, f := range fs {
		if f.Label == "" || f.Unit == "" {
			t.Errorf("%s has no label or unit", f.Key)
		}
	}
}
