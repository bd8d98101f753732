package events_test

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"socai/events"
)

var ctx = context.Background()

func openTemp(t testing.TB) *events.Store {
	t.Helper()
	s, err := events.Open(filepath.Join(t.TempDir(), "socai.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func meta() events.Meta { return events.Meta{Actor: "tester", Source: "51-BC/CTĐ"} }

func opened(id string, students int64) events.Event {
	return events.Event{OccurredOn: "2021-01-04", Meta: meta(), Data: events.ClassOpened{
		ClassID: id, SchoolID: "sonla", ClassType: "tc-llct-hc", Name: "Lớp TC LLCT-HC K" + id,
		Students: students, StartDate: "2021-01-04", EndDate: "2021-12-30", Mode: events.ModeTapTrung}}
}

func enrollment(id string, students int64) events.Event {
	return events.Event{OccurredOn: "2021-02-01", Meta: meta(),
		Data: events.ClassEnrollmentChanged{ClassID: id, Students: students}}
}

// fill appends n events over a few streams and returns the store.
func fill(t testing.TB, s *events.Store, n int) {
	t.Helper()
	for i := 0; i < n; i++ {
		stream := fmt.Sprintf("class-%d", i%3)
		if _, err := s.Append(ctx, stream, events.AnyVersion, enrollment(stream, int64(40+i))); err != nil {
			t.Fatal(err)
		}
	}
}

func mustVerify(t testing.TB, s *events.Store, opt events.VerifyOptions) events.Report {
	t.Helper()
	rep, err := s.Verify(ctx, opt)
	if err != nil {
		t.Fatal(err)
	}
	return rep
}
