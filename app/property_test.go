package app_test

import (
	"fmt"
	"math/rand"
	"reflect"
	"strings"
	"testing"

	"socai/app"
	"socai/events"
	"socai/projections"
	"socai/projections/projtest"
)

// randomCommands drives the services with a random but reproducible
// sequence of commands; refused ones are part of the game.
func randomCommands(t *testing.T, a *app.App, r *rand.Rand, n int) (accepted int) {
	t.Helper()
	schools := []string{"sonla", "laichau"}
	types := []string{"tc", "cv"}
	var classes []string
	date := func() events.Date {
		return events.Date(fmt.Sprintf("%d-%02d-%02d", 2020+r.Intn(3), 1+r.Intn(12), 1+r.Intn(28)))
	}
	pick := func(s []string) string { return s[r.Intn(len(s))] }
	note := app.Note{Reason: "property"}
	for i := 0; i < n; i++ {
		var err error
		switch k := r.Intn(10); {
		case k < 3 || len(classes) == 0:
			id := fmt.Sprintf("c%d", i)
			_, err = a.ClassPlans.OpenClass(open(id, pick(schools), pick(types), int64(10+r.Intn(70)), date()), note)
			if err == nil {
				classes = append(classes, id)
			}
		case k == 3:
			_, err = a.ClassPlans.ChangeEnrollment(events.ClassEnrollmentChanged{ClassID: pick(classes), Students: int64(r.Intn(90))}, date(), note)
		case k == 4:
			_, err = a.ClassPlans.CompleteClass(events.ClassCompleted{ClassID: pick(classes), EndDate: date(), Graduates: int64(r.Intn(60))}, note)
		case k == 5:
			_, err = a.ClassPlans.CancelClass(events.ClassCancelled{ClassID: pick(classes), Reason: "không đủ học viên"}, date(), note)
		case k == 6:
			_, err = a.ClassPlans.ChangeMode(events.ClassModeChanged{ClassID: pick(classes), Mode: events.ModeTrucTuyen, Reason: "Covid-19"}, date(), note)
		case k == 7:
			_, err = a.ClassPlans.AssignTarget(events.TrainingTargetAssigned{SchoolID: pick(schools), Year: 2020 + r.Intn(3),
				Classes: int64(r.Intn(50)), Students: int64(r.Intn(3000))}, date(), note)
		default: // retract a random event of a class that is not itself a retraction
			stream := "class-" + pick(classes)
			recs, _ := a.Store.ReadStream(ctx, stream)
			if len(recs) == 0 {
				continue
			}
			target := recs[r.Intn(len(recs))]
			if target.Type == "EventRetracted" {
				continue
			}
			_, err = a.Record(ctx, app.Cmd{Stream: stream, Expected: events.AnyVersion, Event: events.Event{
				OccurredOn: date(), Data: events.EventRetracted{EventID: target.ID, Reason: "sửa sai"}}})
		}
		if err == nil {
			accepted++
		} else if events.ErrorCode(err) == events.EINTERNAL {
			t.Fatalf("command %d: %v", i, err)
		}
	}
	return accepted
}

// Rebuild equals incremental: for random valid command sequences, the
// projections rebuilt from zero equal those kept inline, table by table.
func TestRebuildEqualsIncremental(t *testing.T) {
	for seed := int64(1); seed <= 12; seed++ {
		t.Run(fmt.Sprint("seed ", seed), func(t *testing.T) {
			a := openApp(t)
			importLines(t, a, baseCluster...)
			accepted := randomCommands(t, a, rand.New(rand.NewSource(seed)), 80)
			if accepted < 20 {
				t.Fatalf("only %d commands accepted: the generator tests too little", accepted)
			}
			inline := projtest.Dump(t, a.Store.DB())
			periods := []string{"2020-H2", "2021-H1", "2021", "2022-H2"}
			var before []projections.ClassPlanReport
			for _, p := range periods {
				before = append(before, figures(t, a, p, ""))
			}
			if err := a.Projections.Rebuild(ctx, nil); err != nil {
				t.Fatal(err)
			}
			rebuilt := projtest.Dump(t, a.Store.DB())
			for table, rows := range inline {
				if !reflect.DeepEqual(rows, rebuilt[table]) {
					t.Errorf("%s differs after rebuild:\ninline  %s\nrebuilt %s", table,
						strings.Join(rows, "\n        "), strings.Join(rebuilt[table], "\n        "))
				}
			}
			for i, p := range periods {
				if after := figures(t, a, p, ""); !reflect.DeepEqual(after, before[i]) {
					t.Errorf("%s figures differ after rebuild", p)
				}
			}
		})
	}
}
