package app_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"socai/app"
	"socai/events"
	"socai/projections"
)

// demoThenClass is the demo recorded on 01/08/2021 and one more 2021-H1
// class recorded on 15/09/2021: H1 executes 260 classes, then 261.
func demoThenClass(t *testing.T) (*app.App, *time.Time) {
	t.Helper()
	a := openApp(t)
	clock := time.Date(2021, 8, 1, 2, 0, 0, 0, time.UTC)
	a.Store.Now = func() time.Time { return clock }
	if _, err := a.LoadDemo(ctx); err != nil {
		t.Fatal(err)
	}
	clock = time.Date(2021, 9, 15, 3, 0, 0, 0, time.UTC)
	if _, err := a.ClassPlans.OpenClass(open("k-moi", "sonla", demoClassType(t, a), 45, "2021-03-15"), app.Note{}); err != nil {
		t.Fatal(err)
	}
	clock = time.Date(2021, 10, 1, 3, 0, 0, 0, time.UTC)
	return a, &clock
}

// demoClassType is a class type of the demo.
func demoClassType(t *testing.T, a *app.App) string {
	t.Helper()
	types, err := a.Org.ClassTypes()
	if err != nil || len(types) == 0 {
		t.Fatalf("class types: %v", err)
	}
	return types[0].ClassType
}

func executed(t *testing.T, a *app.App) int64 {
	t.Helper()
	return figures(t, a, "2021-H1", "").Total.Executed.Classes
}

func setAsOf(t *testing.T, a *app.App, at string) app.AsOfState {
	t.Helper()
	st, err := a.Ledger.SetAsOf(at)
	if err != nil {
		t.Fatalf("SetAsOf(%q): %v", at, err)
	}
	return st
}

// The window's live App switches to 10/08/2021 and back: every service
// answers as of then, nothing can be recorded, and now is now again after.
func TestSetAsOfAndBack(t *testing.T) {
	a, _ := demoThenClass(t)
	total := eventCount(t, a)
	if got := executed(t, a); got != 261 {
		t.Fatalf("now: %d classes, want 261", got)
	}
	if st, err := a.Ledger.AsOfState(); err != nil || st.Historical || st.AsOf != "" || st.Events != total {
		t.Fatalf("the window starts on now: %+v %v", st, err)
	}

	st := setAsOf(t, a, "2021-08-10")
	if !st.Historical || st.AsOf != "2021-08-10T16:59:59.999999999Z" || st.Events != total-1 {
		t.Errorf("as of 10/08/2021: %+v, want historical, the end of that day in Vietnam, %d events", st, total-1)
	}
	checkReference(t, a) // every figure of 51-BC/CTĐ, through the live App
	if got := executed(t, a); got != 260 {
		t.Errorf("as of 10/08/2021: %d classes, want 260", got)
	}
	if again, err := a.Ledger.AsOfState(); err != nil || again != st {
		t.Errorf("AsOfState = %+v %v, want %+v", again, err, st)
	}

	// writing is refused everywhere, and nothing is appended
	_, err := a.ClassPlans.OpenClass(open("k-cam", "sonla", demoClassType(t, a), 40, "2021-04-01"), app.Note{})
	if events.ErrorCode(err) != events.EREADONLY || !strings.Contains(err.Error(), "10/08/2021 23:59:59") {
		t.Errorf("a command in a historical view: %v", err)
	}
	if _, err := a.Import(ctx, strings.NewReader(baseCluster[0])); events.ErrorCode(err) != events.EREADONLY {
		t.Errorf("an import in a historical view: %v", err)
	}
	if got := eventCount(t, a); got != total {
		t.Errorf("%d events after refused commands, want %d", got, total)
	}

	// the deadlines are judged on the day looked at, not today
	list, err := a.Deadlines.List(2023, "")
	if err != nil || len(list) == 0 {
		t.Fatalf("the 2023 deadlines: %v %v", list, err)
	}
	for _, d := range list {
		due, _ := time.Parse("2006-01-02", d.DueDate)
		if want := int(due.Sub(time.Date(2021, 8, 10, 0, 0, 0, 0, time.UTC)).Hours() / 24); d.DaysLeft != want {
			t.Errorf("deadline %s due %s: %d days left as of 10/08/2021, want %d", d.DeadlineID, d.DueDate, d.DaysLeft, want)
		}
	}

	st = setAsOf(t, a, "")
	if st.Historical || st.AsOf != "" || st.Events != total {
		t.Errorf("back to now: %+v", st)
	}
	if got := executed(t, a); got != 261 {
		t.Errorf("back to now: %d classes, want 261", got)
	}
	if _, err := a.ClassPlans.OpenClass(open("k-sau", "sonla", demoClassType(t, a), 40, "2021-04-01"), app.Note{}); err != nil {
		t.Errorf("now records again: %v", err)
	}
}

// A moment that cannot be read or lies in the future is refused in
// Vietnamese, and the window stays where it was.
func TestSetAsOfRefusals(t *testing.T) {
	a, _ := demoThenClass(t)
	for _, from := range []string{"", "2021-08-10"} {
		before := setAsOf(t, a, from)
		for _, bad := range []string{"hôm qua", "10/08/2021", "2021-02-30", "2021-10-02", "2031-01-01T00:00:00+07:00"} {
			_, err := a.Ledger.SetAsOf(bad)
			if events.ErrorCode(err) != events.EINVALID || events.ErrorField(err) != "as_of" {
				t.Errorf("SetAsOf(%q) from %q: %v, want invalid at as_of", bad, from, err)
				continue
			}
			if msg := err.Error(); !strings.ContainsAny(msg, "ờợạ") {
				t.Errorf("SetAsOf(%q): not Vietnamese: %s", bad, msg)
			}
			if st, _ := a.Ledger.AsOfState(); st != before {
				t.Errorf("SetAsOf(%q) from %q moved the window: %+v, was %+v", bad, from, st, before)
			}
		}
	}
	_, err := a.Ledger.SetAsOf("2031-01-01")
	if err == nil || !strings.Contains(err.Error(), "chưa tới") {
		t.Errorf("a future moment: %v", err)
	}
}

// Before the first event the ledger is empty: no school, no class, no figure.
func TestSetAsOfBeforeTheFirstEvent(t *testing.T) {
	a, _ := demoThenClass(t)
	st := setAsOf(t, a, "2021-07-31")
	if !st.Historical || st.Events != 0 {
		t.Errorf("before anything was recorded: %+v", st)
	}
	schools, err := a.Org.Schools()
	if err != nil || len(schools) != 0 {
		t.Errorf("schools before anything was recorded: %v %v", schools, err)
	}
	if got := figures(t, a, "2021-H1", "").Total.Executed; got != (projections.Count{}) {
		t.Errorf("figures before anything was recorded: %+v", got)
	}
	if empty, err := a.Ledger.IsEmpty(); err != nil || empty {
		t.Errorf("IsEmpty speaks of the ledger itself, which holds events: %v %v", empty, err)
	}
}

// While the window looks at the past the ledger goes on changing underneath
// (a command already under way, another program on the same file): the view
// does not move, the UI is still told, and now shows it all.
func TestHistoricalViewStaysWhileTheLedgerChanges(t *testing.T) {
	a, clock := demoThenClass(t)
	var told int
	var mu sync.Mutex
	a.Store.Subscribe(func(recs []events.Record) { mu.Lock(); told += len(recs); mu.Unlock() })
	setAsOf(t, a, "2021-08-10")

	// a command that was under way when the window switched appends as usual
	typ := demoClassType(t, a)
	if err := a.Store.Update(ctx, func(tx *events.Tx) error {
		_, err := tx.Append("class-k-dang", events.AnyVersion, events.Event{OccurredOn: "2021-04-01",
			Data: open("k-dang", "sonla", typ, 30, "2021-04-01"), Meta: events.Meta{Actor: "tester"}})
		return err
	}); err != nil {
		t.Fatal(err)
	}
	// and another program on the same file records a class
	other, err := app.Open(a.Store.Path(), nil)
	if err != nil {
		t.Fatal(err)
	}
	other.Store.Now = func() time.Time { return *clock }
	if _, err := other.ClassPlans.OpenClass(open("k-khac", "sonla", typ, 30, "2021-04-02"), app.Note{}); err != nil {
		t.Fatal(err)
	}
	other.Close()

	mu.Lock()
	if told != 1 {
		t.Errorf("the UI was told of %d appended events, want 1 (its own store's)", told)
	}
	mu.Unlock()
	if got := executed(t, a); got != 260 {
		t.Errorf("the view of 10/08/2021 moved: %d classes, want 260", got)
	}
	setAsOf(t, a, "")
	if got := executed(t, a); got != 263 {
		t.Errorf("now: %d classes, want 263", got)
	}
}

// Pages query from many goroutines while the user switches moments: no
// query fails and each sees one of the moments (run with -race).
func TestQueriesWhileSwitching(t *testing.T) {
	a, _ := demoThenClass(t)
	moments := []string{"2021-08-10", "", "2021-07-31", "2021-09-15T10:00:00+07:00", "2021-09-15T10:00:01+07:00"}
	valid := map[int64]bool{0: true, 260: true, 261: true}

	stop := make(chan struct{})
	var wg sync.WaitGroup
	errs := make(chan error, 100)
	for g := 0; g < 6; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			db := a.DB() // held across switches, as a caller may
			for i := 0; ; i++ {
				select {
				case <-stop:
					return
				default:
				}
				var err error
				switch (g + i) % 4 {
				case 0:
					var rep projections.ClassPlanReport
					if rep, err = a.ClassPlans.Figures("2021-H1", ""); err == nil && !valid[rep.Total.Executed.Classes] {
						err = fmt.Errorf("executed %d classes", rep.Total.Executed.Classes)
					}
				case 1:
					_, err = a.Org.Schools()
				case 2:
					_, err = a.Ledger.AsOfState()
				case 3:
					var n int64
					err = db.QueryRowContext(ctx, `SELECT COUNT(*) FROM proj_classes`).Scan(&n)
				}
				if err != nil {
					errs <- err
					return
				}
			}
		}(g)
	}
	for i := 0; i < 3*len(moments); i++ {
		if _, err := a.Ledger.SetAsOf(moments[i%len(moments)]); err != nil {
			t.Fatalf("SetAsOf(%q): %v", moments[i%len(moments)], err)
		}
	}
	close(stop)
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Errorf("a query while switching: %v", err)
	}
	if st := setAsOf(t, a, ""); st.Historical {
		t.Errorf("back to now: %+v", st)
	}
	if got := executed(t, a); got != 261 {
		t.Errorf("now after the switching: %d classes", got)
	}
}

// socai serve exposes the same switch: the browser and the window share it.
func TestSetAsOfOverHTTP(t *testing.T) {
	a, _ := demoThenClass(t)
	srv := httptest.NewServer(app.HTTPHandler(a.Services(), "secret", fstest.MapFS{}))
	defer srv.Close()
	call := func(service, method string, out any, args ...any) int {
		t.Helper()
		body, _ := json.Marshal(args)
		req, _ := http.NewRequest(http.MethodPost, srv.URL+"/api/"+service+"/"+method, bytes.NewReader(body))
		req.Header.Set(app.TokenHeader, "secret")
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		if err := json.NewDecoder(res.Body).Decode(out); err != nil {
			t.Fatal(err)
		}
		return res.StatusCode
	}
	var st app.AsOfState
	if code := call("LedgerService", "SetAsOf", &st, "2021-08-10"); code != 200 || !st.Historical {
		t.Fatalf("SetAsOf over HTTP: %d %+v", code, st)
	}
	var refusal app.APIError
	in := open("k-http", "sonla", demoClassType(t, a), 40, "2021-04-01")
	if code := call("ClassPlanService", "OpenClass", &refusal, in, app.Note{}); code != 422 || refusal.Code != events.EREADONLY {
		t.Errorf("a write over HTTP in a historical view: %d %+v", code, refusal)
	}
	if code := call("LedgerService", "SetAsOf", &refusal, "mai"); code != 422 || refusal.Code != events.EINVALID || refusal.Field != "as_of" {
		t.Errorf("an unreadable moment over HTTP: %d %+v", code, refusal)
	}
	if code := call("LedgerService", "SetAsOf", &st, ""); code != 200 || st.Historical {
		t.Errorf("back to now over HTTP: %d %+v", code, st)
	}
}
