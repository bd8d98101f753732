package projections

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"socai/events"
)

// Inline, a projection recomputes one stream after every append: each of
// its statements must find that stream's events through the stream index,
// never by scanning the table or every event of a type.
func TestOneStreamRecomputeUsesTheStreamIndex(t *testing.T) {
	s, err := events.Open(filepath.Join(t.TempDir(), "socai.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := Attach(context.Background(), s, nil, All()...); err != nil {
		t.Fatal(err)
	}
	for _, m := range All() {
		p, ok := m.(SQLProjection)
		if !ok {
			continue
		}
		for i, q := range p.Recompute() {
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
				fullScan := strings.HasPrefix(detail, "SCAN e") || strings.HasPrefix(detail, "SCAN r") || strings.HasPrefix(detail, "SCAN events")
				if fullScan || strings.Contains(detail, "events_type") {
					t.Errorf("%s statement %d: %s", p.Name(), i, detail)
				}
			}
			rows.Close()
		}
	}
}
