package app_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"socai/app"
	"socai/events"
)

// classLedger is baseCluster plus one class of Sơn La opened with 45
// students by "Lò Văn Minh", then reduced to 43 by "Cầm Thị Lan".
func classLedger(t *testing.T) *app.App {
	t.Helper()
	a := openApp(t)
	importLines(t, a, baseCluster...)
	importLines(t, a,
		`{"type":"ClassOpened","stream":"class-sl-01","occurred_on":"2021-03-01","data":{"class_id":"sl-01","school_id":"sonla","class_type":"tc","name":"TC LLCT-HC K45","students":45,"start_date":"2021-03-01","end_date":"2021-12-30","mode":"tap_trung"},"meta":{"actor":"Lò Văn Minh","source":"15-QĐ/TCT"}}`,
		`{"type":"ClassEnrollmentChanged","stream":"class-sl-01","occurred_on":"2021-05-10","data":{"class_id":"sl-01","students":43},"meta":{"actor":"Cầm Thị Lan","reason":"02 học viên thôi học","source":"22-TB/TCT"}}`,
		`{"type":"TrainingTargetAssigned","stream":"school-sonla-2021","occurred_on":"2021-01-15","data":{"school_id":"sonla","year":2021,"classes":40,"students":2530},"meta":{}}`,
		`{"type":"ClassOpened","stream":"class-lc-01","occurred_on":"2021-04-01","data":{"class_id":"lc-01","school_id":"laichau","class_type":"cv","name":"BD chuyên viên","students":60,"start_date":"2021-04-01","mode":"truc_tuyen"},"meta":{}}`,
	)
	return a
}

func change(e app.HistoryEvent, field string) (app.FieldChange, bool) {
	for _, c := range e.Changes {
		if c.Field == field {
			return c, true
		}
	}
	return app.FieldChange{}, false
}

func num(v any) string { return fmt.Sprint(v) }

func TestEntityHistoryShowsWhoWhenWhyAndTheDiff(t *testing.T) {
	a := classLedger(t)
	for _, arg := range []string{"class-sl-01", "sl-01", " sl-01 "} {
		h, err := a.History.Entity(arg, app.HistoryFilter{})
		if err != nil {
			t.Fatalf("Entity(%q): %v", arg, err)
		}
		if h.Entity != "class-sl-01" || h.Kind != "class" || h.Name != "TC LLCT-HC K45" || h.Total != 2 || len(h.Events) != 2 {
			t.Fatalf("Entity(%q): %+v", arg, h)
		}
	}
	h, _ := a.History.Entity("sl-01", app.HistoryFilter{})
	opened, changed := h.Events[0], h.Events[1]
	if opened.Type != "ClassOpened" || opened.TypeLabel != "Khai giảng lớp" || opened.Actor != "Lò Văn Minh" ||
		opened.Source != "15-QĐ/TCT" || opened.OccurredOn != "2021-03-01" || opened.RecordedAt == "" || opened.Version != 1 {
		t.Errorf("opened: %+v", opened.LogEntry)
	}
	if c, ok := change(opened, "status"); !ok || c.Before != nil || c.After != "đang học" || c.Label != "trạng thái" {
		t.Errorf("opened status change: %+v", opened.Changes)
	}
	if opened.Changes[0].Field != "status" {
		t.Errorf("status is not the first change: %+v", opened.Changes)
	}
	if changed.Actor != "Cầm Thị Lan" || changed.Reason != "02 học viên thôi học" || changed.Source != "22-TB/TCT" {
		t.Errorf("changed: %+v", changed.LogEntry)
	}
	if len(changed.Changes) != 1 {
		t.Fatalf("an enrolment change changes one field: %+v", changed.Changes)
	}
	if c := changed.Changes[0]; c.Field != "students" || c.Label != "sĩ số" || num(c.Before) != "45" || num(c.After) != "43" {
		t.Errorf("diff: %+v", c)
	}
	if num(changed.Before["students"]) != "45" || num(changed.After["students"]) != "43" || changed.After["name"] != "TC LLCT-HC K45" {
		t.Errorf("before %v after %v", changed.Before, changed.After)
	}
	if num(h.State["students"]) != "43" || h.State["status"] != "đang học" {
		t.Errorf("state: %v", h.State)
	}
	// The CLI's words for the same line.
	if got := app.ValueText("students", changed.Changes[0].Before) + " → " + app.ValueText("students", changed.Changes[0].After); got != "45 → 43" {
		t.Errorf("ValueText: %q", got)
	}
	if got := app.ValueText("start_date", "2021-03-01"); got != "01/03/2021" {
		t.Errorf("ValueText date: %q", got)
	}
	if got := app.ValueText("mode", "truc_tuyen"); got != "trực tuyến" {
		t.Errorf("ValueText mode: %q", got)
	}
	if got := app.ValueText("students", json.Number("16182")); got != "16.182" {
		t.Errorf("ValueText number: %q", got)
	}
}

func TestEntityHistoryOfSchoolAndCluster(t *testing.T) {
	a := classLedger(t)
	for _, arg := range []string{"sonla", "school-sonla"} {
		h, err := a.History.Entity(arg, app.HistoryFilter{})
		if err != nil {
			t.Fatal(err)
		}
		// its registration, its yearly target, and its class's two events;
		// not Lai Châu's class
		if h.Entity != "school-sonla" || h.Kind != "school" || h.Name != "Trường Chính trị tỉnh Sơn La" ||
			strings.Join(h.Streams, ",") != "school-sonla,class-sl-01,school-sonla-2021" || len(h.Events) != 4 {
			t.Fatalf("school history %q: streams %v, %d events", arg, h.Streams, len(h.Events))
		}
	}
	// a yearly stream alone
	h, err := a.History.Entity("school-sonla-2021", app.HistoryFilter{})
	if err != nil || len(h.Events) != 1 || h.Events[0].Type != "TrainingTargetAssigned" {
		t.Fatalf("yearly stream: %v %+v", err, h)
	}
	if c, ok := change(h.Events[0], "students"); !ok || num(c.After) != "2530" {
		t.Errorf("target diff: %+v", h.Events[0].Changes)
	}
	h, err = a.History.Entity("mnbgpb", app.HistoryFilter{})
	if err != nil || h.Entity != "cluster-mnbgpb" || len(h.Events) != 1 {
		t.Fatalf("cluster: %v %+v", err, h)
	}
}

func TestEntityHistoryRefusesUnknownAndAmbiguous(t *testing.T) {
	a := classLedger(t)
	before := eventCount(t, a)
	for arg, code := range map[string]string{"khong-co": app.EUnknownEntity, "class-khong-co": app.EUnknownEntity, "": events.EINVALID} {
		_, err := a.History.Entity(arg, app.HistoryFilter{})
		if events.ErrorCode(err) != code || events.ErrorField(err) != "entity" {
			t.Errorf("Entity(%q): %v (%s)", arg, err, events.ErrorCode(err))
		}
	}
	// "tc" is both a class type and, now, a class
	importLines(t, a, `{"type":"ClassOpened","stream":"class-tc","occurred_on":"2021-03-01","data":{"class_id":"tc","school_id":"sonla","class_type":"tc","name":"x","students":1,"start_date":"2021-03-01","mode":"tap_trung"},"meta":{}}`)
	_, err := a.History.Entity("tc", app.HistoryFilter{})
	if events.ErrorCode(err) != app.EAmbiguousEntity || !strings.Contains(err.Error(), "class-tc, classtype-tc") {
		t.Errorf("ambiguous: %v", err)
	}
	if eventCount(t, a) != before+1 {
		t.Error("a history question appended something")
	}
}

func TestHistoryFilters(t *testing.T) {
	a := classLedger(t)
	get := func(f app.HistoryFilter) []string {
		t.Helper()
		h, err := a.History.Entity("sonla", f)
		if err != nil {
			t.Fatalf("%+v: %v", f, err)
		}
		var types []string
		for _, e := range h.Events {
			types = append(types, e.Type)
		}
		return types
	}
	if got := get(app.HistoryFilter{Actor: "Cầm Thị Lan"}); strings.Join(got, ",") != "ClassEnrollmentChanged" {
		t.Errorf("actor: %v", got)
	}
	if got := get(app.HistoryFilter{Type: "ClassOpened"}); strings.Join(got, ",") != "ClassOpened" {
		t.Errorf("type: %v", got)
	}
	if got := get(app.HistoryFilter{From: "2021-01-15", To: "2021-03-01"}); strings.Join(got, ",") != "ClassOpened,TrainingTargetAssigned" {
		t.Errorf("business dates: %v", got)
	}
	today := time.Now().In(time.FixedZone("ICT", 7*3600)).Format("2006-01-02")
	if got := get(app.HistoryFilter{Clock: app.ClockRecorded, From: today, To: today}); len(got) != 4 {
		t.Errorf("recorded today: %v", got)
	}
	if got := get(app.HistoryFilter{Clock: app.ClockRecorded, To: "2021-03-01"}); len(got) != 0 {
		t.Errorf("recorded in 2021: %v", got)
	}
	for _, c := range []struct {
		f     app.HistoryFilter
		field string
	}{
		{app.HistoryFilter{From: "2021-02-30"}, "from"},
		{app.HistoryFilter{To: "30/06/2021"}, "to"},
		{app.HistoryFilter{From: "2021-07-01", To: "2021-06-30"}, "to"},
		{app.HistoryFilter{Clock: "wall"}, "clock"},
		{app.HistoryFilter{Type: "ClassOpend"}, "type"},
		{app.HistoryFilter{School: "hanoi"}, "school"},
		{app.HistoryFilter{AsOf: "hôm qua"}, "as_of"},
	} {
		_, err := a.History.Entity("sonla", c.f)
		if events.ErrorField(err) != c.field {
			t.Errorf("%+v: %v, want a refusal at %s", c.f, err, c.field)
		}
		_, err = a.History.Log(app.LogQuery{HistoryFilter: c.f})
		if events.ErrorField(err) != c.field {
			t.Errorf("log %+v: %v, want a refusal at %s", c.f, err, c.field)
		}
	}
	// the log's school filter: Sơn La's events, its class's included
	page, err := a.History.Log(app.LogQuery{HistoryFilter: app.HistoryFilter{School: "sonla"}})
	if err != nil || page.Total != 4 || len(page.Events) != 4 {
		t.Fatalf("log of sonla: %v %+v", err, page)
	}
}

func TestCorrectionRetractsAndReplaces(t *testing.T) {
	a := classLedger(t)
	h, _ := a.History.Entity("sl-01", app.HistoryFilter{})
	wrong := h.Events[1]
	beforeCorrection := time.Now()
	time.Sleep(2 * time.Millisecond) // record times are compared below

	res, err := a.History.Correct(app.CorrectionInput{EventID: wrong.ID, Reason: "nhập nhầm: 04 học viên thôi học",
		Source: "23-TB/TCT", Replacement: json.RawMessage(`{"class_id":"sl-01","students":41}`)})
	if err != nil {
		t.Fatal(err)
	}
	if res.Replacement == nil || res.Retraction.Stream != "class-sl-01" || res.Replacement.Version != 4 || res.Retraction.ID != "sl-01" {
		t.Fatalf("result: %+v", res)
	}
	h, _ = a.History.Entity("sl-01", app.HistoryFilter{})
	if len(h.Events) != 4 {
		t.Fatalf("%d events", len(h.Events))
	}
	old, retraction, replacement := h.Events[1], h.Events[2], h.Events[3]
	if !old.Retracted || old.RetractedBy == nil || old.RetractedBy.Seq != retraction.Seq ||
		old.RetractedBy.Reason != "nhập nhầm: 04 học viên thôi học" || old.ReplacedBy == nil || old.ReplacedBy.Seq != replacement.Seq {
		t.Errorf("the retracted event: %+v", old)
	}
	if retraction.Type != "EventRetracted" || retraction.Retracts == nil || retraction.Retracts.EventID != wrong.ID ||
		retraction.Source != "23-TB/TCT" || retraction.Actor != "tester" {
		t.Errorf("the retraction: %+v", retraction)
	}
	if c, ok := change(retraction, "students"); !ok || num(c.Before) != "43" || num(c.After) != "45" {
		t.Errorf("the retraction undoes 45 → 43: %+v", retraction.Changes)
	}
	if replacement.Replaces == nil || replacement.Replaces.EventID != wrong.ID || replacement.OccurredOn != "2021-05-10" {
		t.Errorf("the replacement: %+v", replacement)
	}
	if c, ok := change(replacement, "students"); !ok || num(c.Before) != "45" || num(c.After) != "41" {
		t.Errorf("the replacement: %+v", replacement.Changes)
	}
	// the figures skip the retracted event
	classes, err := a.ClassPlans.Classes("sonla")
	if err != nil || len(classes) != 1 || classes[0].Students != 41 {
		t.Fatalf("classes after the correction: %v %+v", err, classes)
	}
	// the log marks it
	page, _ := a.History.Log(app.LogQuery{HistoryFilter: app.HistoryFilter{Type: "ClassEnrollmentChanged"}})
	if len(page.Events) != 2 || page.Events[0].Retracted || !page.Events[1].Retracted {
		t.Errorf("log: %+v", page.Events)
	}

	// as of before the correction: nothing retracted, 43 students
	asOf := beforeCorrection.UTC().Format(time.RFC3339Nano)
	then, err := a.History.Entity("sl-01", app.HistoryFilter{AsOf: asOf})
	if err != nil || len(then.Events) != 2 || then.Events[1].Retracted || num(then.State["students"]) != "43" {
		t.Fatalf("as of %s: %v %+v", asOf, err, then)
	}
	view, err := a.AsOf(ctx, beforeCorrection)
	if err != nil {
		t.Fatal(err)
	}
	defer view.Close()
	if h, err := view.History.Entity("sl-01", app.HistoryFilter{}); err != nil || len(h.Events) != 2 {
		t.Fatalf("the as-of view's history: %v %+v", err, h)
	}
	if _, err := view.History.Correct(app.CorrectionInput{EventID: wrong.ID, Reason: "x"}); events.ErrorCode(err) != events.EREADONLY {
		t.Errorf("a correction in a view of the past: %v", err)
	}

	// cancel only (hủy): the class's opening withdrawn, nothing replaces it
	res, err = a.History.Correct(app.CorrectionInput{EventID: h.Events[0].ID, Reason: "lớp không mở", Replacement: json.RawMessage(`null`)})
	if err != nil || res.Replacement != nil {
		t.Fatalf("cancel: %v %+v", err, res)
	}
}

func TestCorrectionRefusals(t *testing.T) {
	a := classLedger(t)
	h, _ := a.History.Entity("sl-01", app.HistoryFilter{})
	opened, changed := h.Events[0], h.Events[1]
	other, _ := a.History.Entity("lc-01", app.HistoryFilter{})
	n := eventCount(t, a)
	refuse := func(in app.CorrectionInput, code, field string) {
		t.Helper()
		_, err := a.History.Correct(in)
		if events.ErrorCode(err) != code || events.ErrorField(err) != field {
			t.Errorf("%+v: %v (code %s, field %s), want %s at %s", in, err, events.ErrorCode(err), events.ErrorField(err), code, field)
		}
		var e *events.Error
		if asErr(err, &e) && !hasVietnamese(e.Message) {
			t.Errorf("not a Vietnamese message: %q", e.Message)
		}
		if eventCount(t, a) != n {
			t.Fatalf("a refused correction appended events")
		}
	}
	refuse(app.CorrectionInput{EventID: changed.ID, Reason: "  "}, events.EINVALID, "reason")
	refuse(app.CorrectionInput{EventID: "khong-co", Reason: "x"}, app.EUnknownEvent, "event_id")
	refuse(app.CorrectionInput{EventID: changed.ID, Reason: "x", Replacement: json.RawMessage(`{"class_id":"sl-01","students":-3}`)}, events.EINVALID, "data.students")
	refuse(app.CorrectionInput{EventID: changed.ID, Reason: "x", Replacement: json.RawMessage(`{"class_id":"sl-01","students":"bốn"}`)}, events.EINVALID, "data.students")
	refuse(app.CorrectionInput{EventID: changed.ID, Reason: "x", Replacement: json.RawMessage(`{"class_id":"sl-01","students":4,"hoc_vien":4}`)}, events.EINVALID, "data.hoc_vien")
	refuse(app.CorrectionInput{EventID: changed.ID, Reason: "x", Replacement: json.RawMessage(`{"class_id":"lc-01","students":4}`)}, app.EWrongStream, "stream")
	refuse(app.CorrectionInput{EventID: changed.ID, Reason: "x", OccurredOn: "2021-02-01", Replacement: json.RawMessage(`{"class_id":"sl-01","students":4}`)}, app.EDateOrder, "occurred_on")
	refuse(app.CorrectionInput{EventID: opened.ID, Reason: "x", OccurredOn: "2021-03-02", Replacement: json.RawMessage(`{"class_id":"sl-01","school_id":"sonla","class_type":"tc","name":"K45","students":45,"start_date":"2021-03-01","mode":"tap_trung"}`)}, app.EDateOrder, "occurred_on")

	// once retracted, not again; a retraction is not retracted
	if _, err := a.History.Correct(app.CorrectionInput{EventID: changed.ID, Reason: "sai"}); err != nil {
		t.Fatal(err)
	}
	n = eventCount(t, a)
	refuse(app.CorrectionInput{EventID: changed.ID, Reason: "lần nữa"}, app.EInvalidState, "event_id")
	h, _ = a.History.Entity("sl-01", app.HistoryFilter{})
	refuse(app.CorrectionInput{EventID: h.Events[2].ID, Reason: "hủy bản ghi hủy"}, app.EInvalidState, "event_id")

	// the validator holds for import files too: the retraction goes to the event's own stream
	for _, line := range []string{
		fmt.Sprintf(`{"type":"EventRetracted","stream":"class-lc-01","occurred_on":"2021-06-01","data":{"event_id":%q,"reason":"x"},"meta":{}}`, opened.ID),
		`{"type":"EventRetracted","stream":"class-lc-01","occurred_on":"2021-06-01","data":{"event_id":"01890a5d-ac96-774b-bcce-b302099a8057","reason":"x"},"meta":{}}`,
		`{"type":"EventRetracted","stream":"class-lc-01","occurred_on":"2021-06-01","data":{"event_id":"` + other.Events[0].ID + `","reason":""},"meta":{}}`,
	} {
		if _, err := a.Import(ctx, strings.NewReader(line)); err == nil {
			t.Errorf("import accepted %s", line)
		}
	}
	if eventCount(t, a) != n {
		t.Fatal("a refused import appended events")
	}
	// and accepts a retraction plus its replacement in one file
	importLines(t, a,
		`{"type":"EventRetracted","stream":"class-lc-01","occurred_on":"2021-06-01","data":{"event_id":"`+other.Events[0].ID+`","reason":"sai sĩ số"},"meta":{"correlation_id":"k1"}}`,
		`{"type":"ClassOpened","stream":"class-lc-01","occurred_on":"2021-04-01","data":{"class_id":"lc-01","school_id":"laichau","class_type":"cv","name":"BD chuyên viên","students":58,"start_date":"2021-04-01","mode":"truc_tuyen"},"meta":{"correlation_id":"k1"}}`)
	other, _ = a.History.Entity("lc-01", app.HistoryFilter{})
	if len(other.Events) != 3 || other.Events[2].Replaces == nil || other.Events[0].ReplacedBy == nil || num(other.State["students"]) != "58" {
		t.Fatalf("imported correction: %+v", other)
	}
}

func asErr(err error, e **events.Error) bool {
	x, ok := err.(*events.Error)
	if ok {
		*e = x
	}
	return ok
}

// threeThousand is a ledger of 3.000 events and more, of a few types, actors and dates.
func threeThousand(t *testing.T) *app.App {
	t.Helper()
	a := openApp(t)
	importLines(t, a, baseCluster...)
	var cmds []app.Cmd
	for k := 0; k < 1000; k++ {
		id := fmt.Sprintf("p%d", k)
		start := events.Date(fmt.Sprintf("%d-%02d-%02d", 2019+k%4, 1+k%12, 1+k%28))
		ev := func(p events.Payload, actor string) app.Cmd {
			return app.Cmd{Stream: "class-" + id, Expected: events.AnyVersion,
				Event: events.Event{OccurredOn: start, Data: p, Meta: events.Meta{Actor: actor}}}
		}
		cmds = append(cmds,
			ev(open(id, []string{"sonla", "laichau"}[k%2], "tc", int64(30+k%20), start), "Lò Văn Minh"),
			ev(events.ClassEnrollmentChanged{ClassID: id, Students: int64(31 + k%20)}, []string{"Cầm Thị Lan", "Lò Văn Minh", "Vàng A Sùng"}[k%3]),
			ev(events.ClassCompleted{ClassID: id, EndDate: start, Graduates: 30}, "Vàng A Sùng"))
	}
	if _, err := a.Record(ctx, cmds...); err != nil {
		t.Fatal(err)
	}
	return a
}

func TestLogPagesForwardAndBackward(t *testing.T) {
	a := threeThousand(t)
	total := eventCount(t, a)
	for _, c := range []struct {
		name  string
		f     app.HistoryFilter
		limit int
	}{
		{"all", app.HistoryFilter{}, 97},
		{"one type", app.HistoryFilter{Type: "ClassEnrollmentChanged"}, 50},
		{"one actor", app.HistoryFilter{Actor: "Cầm Thị Lan"}, 40},
		{"a school in 2020", app.HistoryFilter{School: "laichau", From: "2020-01-01", To: "2020-12-31"}, 33},
	} {
		t.Run(c.name, func(t *testing.T) {
			// forward: from the newest, each page continuing before the last one
			var pages []app.LogPage
			var seqs []int64
			q := app.LogQuery{HistoryFilter: c.f, Limit: c.limit}
			for {
				p, err := a.History.Log(q)
				if err != nil {
					t.Fatal(err)
				}
				if len(p.Events) > c.limit {
					t.Fatalf("page of %d, limit %d", len(p.Events), c.limit)
				}
				if p.HasNewer != (len(pages) > 0) {
					t.Fatalf("page %d: has_newer %v", len(pages)+1, p.HasNewer)
				}
				pages = append(pages, p)
				for _, e := range p.Events {
					seqs = append(seqs, e.Seq)
				}
				if !p.HasOlder {
					break
				}
				q.Before, q.After = p.Events[len(p.Events)-1].Seq, 0
			}
			want := wantSeqs(t, a, c.f)
			if fmt.Sprint(seqs) != fmt.Sprint(want) {
				t.Fatalf("forward: %d seqs, want %d", len(seqs), len(want))
			}
			if pages[0].Total != int64(len(want)) || (c.name == "all" && pages[0].Total != total) {
				t.Fatalf("total %d, want %d", pages[0].Total, len(want))
			}
			// backward: from the last page, each page before the first one of the next
			for i := len(pages) - 2; i >= 0; i-- {
				p, err := a.History.Log(app.LogQuery{HistoryFilter: c.f, Limit: c.limit, After: pages[i+1].Events[0].Seq})
				if err != nil {
					t.Fatal(err)
				}
				if fmt.Sprint(seqsOf(p)) != fmt.Sprint(seqsOf(pages[i])) || p.HasOlder != true || p.HasNewer != (i > 0) {
					t.Fatalf("backward page %d: %v, want %v (newer %v older %v)", i+1, seqsOf(p), seqsOf(pages[i]), p.HasNewer, p.HasOlder)
				}
			}
			// a jump: page 3 straight from the first, by skipping two pages
			if len(pages) >= 3 {
				p, err := a.History.Log(app.LogQuery{HistoryFilter: c.f, Limit: c.limit, Skip: int64(2 * c.limit)})
				if err != nil || fmt.Sprint(seqsOf(p)) != fmt.Sprint(seqsOf(pages[2])) {
					t.Fatalf("skip to page 3: %v %v", err, seqsOf(p))
				}
			}
		})
	}
	if _, err := a.History.Log(app.LogQuery{Limit: app.MaxLogLimit + 1}); events.ErrorField(err) != "limit" {
		t.Errorf("a page too large: %v", err)
	}
	if _, err := a.History.Log(app.LogQuery{Before: 10, After: 5}); events.ErrorCode(err) != events.EINVALID {
		t.Errorf("before and after: %v", err)
	}
}

func seqsOf(p app.LogPage) []int64 {
	var out []int64
	for _, e := range p.Events {
		out = append(out, e.Seq)
	}
	return out
}

// wantSeqs computes the log's answer the slow way: every event, filtered in Go.
func wantSeqs(t *testing.T, a *app.App, f app.HistoryFilter) []int64 {
	t.Helper()
	recs, err := a.Store.Read(ctx, events.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	schoolStreams := map[string]bool{}
	for _, r := range recs {
		var d struct {
			SchoolID string `json:"school_id"`
		}
		json.Unmarshal(r.Data, &d)
		if f.School != "" && d.SchoolID == f.School {
			schoolStreams[r.Stream] = true
		}
	}
	var out []int64
	for i := len(recs) - 1; i >= 0; i-- {
		r := recs[i]
		m, _ := r.DecodeMeta()
		switch {
		case f.Type != "" && r.Type != f.Type,
			f.Actor != "" && m.Actor != f.Actor,
			f.From != "" && r.OccurredOn < f.From,
			f.To != "" && r.OccurredOn > f.To,
			f.School != "" && !schoolStreams[r.Stream] && r.Stream != "school-"+f.School:
			continue
		}
		out = append(out, r.Seq)
	}
	return out
}

func TestSearchFindsEntities(t *testing.T) {
	a := classLedger(t)
	got, err := a.History.Search("k45", 10)
	if err != nil || len(got) != 1 || got[0].Entity != "class-sl-01" || got[0].Name != "TC LLCT-HC K45" || got[0].Kind != "class" {
		t.Fatalf("search k45: %v %+v", err, got)
	}
	got, _ = a.History.Search("Sơn La", 10)
	if len(got) != 1 || got[0].Entity != "school-sonla" {
		t.Fatalf("search Sơn La: %+v", got)
	}
	if got, _ := a.History.Search("100%", 10); len(got) != 0 {
		t.Fatalf("search with a wildcard: %+v", got)
	}
}

func TestEveryEventTypeHasALabel(t *testing.T) {
	for _, typ := range events.Vocabulary.Names() {
		if app.EventTypeLabel(typ) == typ {
			t.Errorf("no Vietnamese label for %s", typ)
		}
	}
}
