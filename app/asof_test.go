package app_test

import (
	"testing"
	"time"

	"socai/app"
	"socai/events"
	"socai/projections"
)

// The cluster report as it stood on 10/08/2021 stays reproducible after
// later corrections: a retraction and its replacement, recorded in
// September, change today's figures but not those as of 10/08/2021.
func TestReferenceReportAsOfAfterCorrections(t *testing.T) {
	a := openApp(t)
	clock := time.Date(2021, 8, 1, 2, 0, 0, 0, time.UTC) // 09:00 in Vietnam
	a.Store.Now = func() time.Time { return clock }
	if _, err := a.LoadDemo(ctx); err != nil {
		t.Fatal(err)
	}

	// September: one carried-over class was entered twice; it is retracted,
	// and another's enrolment is corrected by a retraction and the right event.
	clock = time.Date(2021, 9, 15, 3, 0, 0, 0, time.UTC)
	classes, err := a.ClassPlans.Classes("quangninh")
	if err != nil || len(classes) < 2 {
		t.Fatalf("classes: %v", err)
	}
	var carried []projections.ClassInfo
	for _, c := range classes {
		if c.StartDate < "2021-01-01" && c.Status != projections.ClassCancelledStatus {
			carried = append(carried, c)
		}
	}
	if len(carried) < 2 {
		t.Fatal("the demo has too few carried-over classes to correct")
	}
	dup, fixed := carried[0], carried[1]
	retract := func(stream string, eventType string) {
		t.Helper()
		recs, _ := a.Store.ReadStream(ctx, stream)
		for _, r := range recs {
			if r.Type == eventType {
				if _, err := a.Record(ctx, app.Cmd{Stream: stream, Expected: events.AnyVersion, Event: events.Event{
					OccurredOn: "2021-09-15", Meta: events.Meta{Reason: "nhập trùng", Source: "kiểm tra chéo"},
					Data: events.EventRetracted{EventID: r.ID, Reason: "nhập trùng"}}}); err != nil {
					t.Fatal(err)
				}
				return
			}
		}
		t.Fatalf("no %s in %s", eventType, stream)
	}
	retract("class-"+dup.ClassID, "ClassOpened")
	retract("class-"+fixed.ClassID, "ClassOpened")
	right := open(fixed.ClassID, "quangninh", fixed.ClassType, 55, events.Date(fixed.StartDate))
	if _, err := a.ClassPlans.OpenClass(right, app.Note{Reason: "sửa sĩ số khai giảng"}); err != nil {
		t.Fatalf("the right event after the retraction: %v", err)
	}

	if got := figures(t, a, "2021-H1", "").Total.Executed.Classes; got != 259 {
		t.Errorf("today 2021-H1 executes %d classes, want 259 (one retracted, one replaced)", got)
	}

	at, err := projections.ParseAsOf("2021-08-10")
	if err != nil {
		t.Fatal(err)
	}
	then, err := a.AsOf(ctx, at)
	if err != nil {
		t.Fatal(err)
	}
	defer then.Close()
	checkReference(t, then) // every figure of 51-BC/CTĐ, exactly

	if _, err := then.ClassPlans.OpenClass(open("k99", "sonla", "tc", 40, "2021-08-01"), app.Note{}); events.ErrorCode(err) != events.EREADONLY {
		t.Errorf("a view of the past recorded a class: %v", err)
	}
	before, err := a.AsOf(ctx, time.Date(2021, 7, 31, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	defer before.Close()
	if got := figures(t, before, "2021-H1", "").Total.Executed; got != (projections.Count{}) {
		t.Errorf("before anything was recorded: %+v", got)
	}
}

func TestParseAsOf(t *testing.T) {
	d, err := projections.ParseAsOf("2021-08-10")
	if err != nil || !d.Equal(time.Date(2021, 8, 10, 16, 59, 59, 999999999, time.UTC)) {
		t.Errorf("a date is the end of that day in Vietnam: %v %v", d, err)
	}
	r, err := projections.ParseAsOf("2021-08-10T09:30:00+07:00")
	if err != nil || !r.Equal(time.Date(2021, 8, 10, 2, 30, 0, 0, time.UTC)) {
		t.Errorf("RFC 3339: %v %v", r, err)
	}
	for _, bad := range []string{"", "10/08/2021", "2021-02-30", "hôm qua"} {
		if _, err := projections.ParseAsOf(bad); events.ErrorCode(err) != events.EINVALID {
			t.Errorf("ParseAsOf(%q) = %v", bad, err)
		}
	}
}
