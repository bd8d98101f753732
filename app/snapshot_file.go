package app

import (
	"context"
	"math"

	"socai/projections"
)

// ScopeFigures are the figures of a period for one scope of a snapshot's
// manifest: Scope "" is the cluster, otherwise a school id.
type ScopeFigures struct {
	Scope   string               `json:"scope"`
	Name    string               `json:"name"`
	Figures []projections.Figure `json:"figures"`
}

// PeriodFigures is every figure of period p for the cluster and for each
// school, from the projections q answers: what a snapshot's manifest states
// and what its verification recomputes from the snapshot's own events. When
// school is not "", only that school's figures.
func PeriodFigures(ctx context.Context, q projections.Querier, p projections.Period, school string) ([]ScopeFigures, error) {
	var scopes []ScopeFigures
	if school == "" {
		scopes = append(scopes, ScopeFigures{Scope: "", Name: "Toàn cụm"})
	}
	rows, err := q.QueryContext(ctx, `SELECT school_id, name FROM proj_schools
		WHERE ? = '' OR school_id = ? ORDER BY school_id`, school, school)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var s ScopeFigures
		if err := rows.Scan(&s.Scope, &s.Name); err != nil {
			rows.Close()
			return nil, err
		}
		scopes = append(scopes, s)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for i := range scopes {
		if scopes[i].Figures, err = projections.Figures(ctx, q, p, scopes[i].Scope); err != nil {
			return nil, err
		}
	}
	return scopes, nil
}

// FigureMismatch is a figure a manifest states that its events do not give.
type FigureMismatch struct {
	Scope string `json:"scope"`
	Key   string `json:"key"`
	Label string `json:"label"`
	// Stated is the manifest's value; Recomputed what the events give, nil
	// when they give no such figure (or no such scope) at all.
	Stated     float64  `json:"stated"`
	Recomputed *float64 `json:"recomputed"`
}

// CompareFigures lists every figure of stated that recomputed does not
// repeat, in stated's order, and counts those compared. Only what the
// manifest states is checked: a later socai may compute more figures.
func CompareFigures(stated, recomputed []ScopeFigures) (mismatches []FigureMismatch, compared int) {
	got := map[string]map[string]float64{}
	for _, s := range recomputed {
		got[s.Scope] = projections.FigureMap(s.Figures)
	}
	mismatches = []FigureMismatch{}
	for _, s := range stated {
		have, scopeOK := got[s.Scope]
		for _, f := range s.Figures {
			compared++
			v, ok := have[f.Key]
			if scopeOK && ok && sameFigure(v, f.Value) {
				continue
			}
			m := FigureMismatch{Scope: s.Scope, Key: f.Key, Label: f.Label, Stated: f.Value}
			if ok {
				m.Recomputed = &v
			}
			mismatches = append(mismatches, m)
		}
	}
	return mismatches, compared
}

// sameFigure compares two figures; shares are fractions computed the same
// way on both sides, the tolerance only absorbs a JSON round trip.
func sameFigure(a, b float64) bool {
	return a == b || math.Abs(a-b) <= 1e-9*math.Max(1, math.Abs(a))
}
