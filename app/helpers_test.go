package app_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"socai/app"
	"socai/events"
)

var ctx = context.Background()

// openApp opens a fresh ledger with projections attached.
func openApp(t testing.TB) *app.App {
	t.Helper()
	a, err := app.Open(filepath.Join(t.TempDir(), "socai.db"), nil)
	if err != nil {
		t.Fatal(err)
	}
	a.Actor = "tester"
	t.Cleanup(func() { a.Close() })
	return a
}

// importLines imports JSONL lines through the same validation as the forms.
func importLines(t testing.TB, a *app.App, lines ...string) {
	t.Helper()
	if _, err := a.Import(ctx, strings.NewReader(strings.Join(lines, "\n"))); err != nil {
		t.Fatal(err)
	}
}

// baseCluster is a cluster with two schools and two class types.
var baseCluster = []string{
	`{"type":"ClusterFormed","stream":"cluster-mnbgpb","occurred_on":"2021-01-01","data":{"cluster_id":"mnbgpb","name":"Cụm thi đua miền núi biên giới phía Bắc","region":"Miền núi biên giới phía Bắc"},"meta":{}}`,
	`{"type":"SchoolRegistered","stream":"school-sonla","occurred_on":"2021-01-01","data":{"school_id":"sonla","name":"Trường Chính trị tỉnh Sơn La","province":"Sơn La","cluster_id":"mnbgpb"},"meta":{}}`,
	`{"type":"SchoolRegistered","stream":"school-laichau","occurred_on":"2021-01-01","data":{"school_id":"laichau","name":"Trường Chính trị tỉnh Lai Châu","province":"Lai Châu","cluster_id":"mnbgpb"},"meta":{}}`,
	`{"type":"ClassTypeDefined","stream":"classtype-tc","occurred_on":"2021-01-01","data":{"class_type":"tc","name":"Trung cấp LLCT-HC","group":"dao_tao"},"meta":{}}`,
	`{"type":"ClassTypeDefined","stream":"classtype-cv","occurred_on":"2021-01-01","data":{"class_type":"cv","name":"Bồi dưỡng chuyên viên","group":"boi_duong"},"meta":{}}`,
}

func eventCount(t testing.TB, a *app.App) int64 {
	t.Helper()
	st, err := a.Store.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	return st.Events
}

func open(id, school, typ string, students int64, start events.Date) events.ClassOpened {
	return events.ClassOpened{ClassID: id, SchoolID: school, ClassType: typ, Name: "Lớp " + id,
		Students: students, StartDate: start, Mode: events.ModeTapTrung}
}

func stringsReader(lines ...string) *strings.Reader {
	return strings.NewReader(strings.Join(lines, "\n"))
}

func asImportError(err error, target **app.ImportError) bool {
	ie, ok := err.(*app.ImportError)
	*target = ie
	return ok
}

// refusal is a command that must be refused with code and field.
type refusal struct {
	name  string
	do    func() (app.Result, error)
	code  string
	field string
}

// expectRefusals runs each case and checks its code, field, that its
// message is Vietnamese and that the ledger did not change.
func expectRefusals(t *testing.T, a *app.App, cases []refusal) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			before := eventCount(t, a)
			_, err := c.do()
			if events.ErrorCode(err) != c.code || events.ErrorField(err) != c.field {
				t.Errorf("got code %q field %q (%v), want %q %q", events.ErrorCode(err), events.ErrorField(err), err, c.code, c.field)
			}
			if err != nil && !hasVietnamese(err.Error()) {
				t.Errorf("message is not Vietnamese: %v", err)
			}
			if after := eventCount(t, a); after != before {
				t.Errorf("a refused command appended %d events", after-before)
			}
		})
	}
}

// hasVietnamese reports whether s has a letter with a Vietnamese diacritic.
func hasVietnamese(s string) bool {
	for _, r := range s {
		if r > 0x7f {
			return true
		}
	}
	return false
}

// sameAfterRebuild checks that rebuilding every projection from zero leaves
// the figures of each period exactly as they were kept inline.
func sameAfterRebuild(t *testing.T, a *app.App, periods []string, figures func(period string) any) {
	t.Helper()
	var before []string
	for _, p := range periods {
		before = append(before, jsonOf(t, figures(p)))
	}
	if err := a.Projections.Rebuild(ctx, nil); err != nil {
		t.Fatal(err)
	}
	for i, p := range periods {
		if got := jsonOf(t, figures(p)); got != before[i] {
			t.Errorf("%s: rebuild changed the figures:\n%s\n%s", p, got, before[i])
		}
	}
}
