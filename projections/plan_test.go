package projections

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"socai/events"
)

// Inline, a projection recomputes one stream after every append: each of
// its statements, and the deletes before them, must find that stream's rows
// through an index on the stream, never by scanning a table or every event
// of a type (the CTE k is the small per-stream result, scanned by design).
func TestOneStreamRecomputeUsesTheStreamIndex(t *testing.T) {
	s, err := events.Open(filepath.Join(t.TempDir(), "socai.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := Attach(context.Background(), s, nil, All()...); err != nil {
		t.Fatal(err)
	}
	for _, p := range All() {
		stmts := p.Recompute()
		for _, t := range p.Tables() {
			stmts = append(stmts, `DELETE FROM `+t+` WHERE stream = :stream`)
		}
		for i, q := range stmts {
			rows, err := s.DB().Query(`EXPLAIN QUERY PLAN `+expand(q, true), sqlNamed("stream", "class-k1"))
			if err != nil {
				t.Fatalf("%s statement %d: %v", p.Name(), i, err)
			}
			for rows.Next() {
				var id, parent, unused int
				var detail string
				if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
					t.Fatal(err)
				}
				if strings.HasPrefix(detail, "SCAN ") && !strings.HasPrefix(detail, "SCAN k") || strings.Contains(detail, "events_type") {
					t.Errorf("%s statement %d: %s", p.Name(), i, detail)
				}
			}
			rows.Close()
		}
	}
}
