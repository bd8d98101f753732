package cli_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
)

// closeJSON is socai close --json and an element of close --list --json.
type closeJSON struct {
	EventID string `json:"event_id"`
	Seq     int64  `json:"seq"`
	Stream  string `json:"stream"`
	Period  struct {
		Label, From, To string
	} `json:"period"`
	Scope     string `json:"scope"`
	ScopeKind string `json:"scope_kind"`
	ClosedAt  string `json:"closed_at"`
	Reason    string `json:"reason"`
	Source    string `json:"source"`
	Heads     []struct {
		Origin    string `json:"origin"`
		OriginSeq int64  `json:"origin_seq"`
		Hash      string `json:"hash"`
	} `json:"heads"`
	Digest digestJSON `json:"digest"`
}

type digestJSON struct {
	Codes []string `json:"codes"`
	Full  []string `json:"full"`
}

var closeKeys = []string{"event_id", "seq", "stream", "period", "scope", "scope_kind", "scope_name", "closed_at",
	"occurred_on", "actor", "reason", "source", "heads", "digest"}

// The chốt số liệu through the real binary: a close, its refusals (which
// change nothing), the list, and a correction recorded afterwards that the
// reports flag and --amendments names.
func TestClose(t *testing.T) {
	t.Parallel()
	s := newSandbox(t)
	s.ok("demo")
	before := s.stats()

	// Wrong usage: exit 2, nothing recorded.
	for _, c := range []struct {
		args []string
		says string
	}{
		{[]string{"close"}, "thiếu --period"},
		{[]string{"close", "--period", "2021-H3"}, "không hợp lệ"},
		{[]string{"close", "--list", "--period", "2021-H1"}, "--list"},
		{[]string{"close", "--amendments", "--period", "2021-H1", "--reason", "x"}, "--amendments"},
		{[]string{"close", "--amendments"}, "thiếu --period"},
		{[]string{"close", "2021-H1"}, `"2021-H1"`},
	} {
		if r := s.expect(2, c.args...); !strings.Contains(r.stderr, c.says) {
			t.Errorf("%v: stderr does not say %q: %v", c.args, c.says, r)
		}
	}
	fresh := newSandbox(t)
	fresh.expect(2, "close", "--period", "2021-H1")
	if exists(fresh.db) {
		t.Error("close created a ledger")
	}
	if r := s.expect(1, "close", "--period", "2021-H1", "--scope", "hanoi"); !strings.Contains(r.stderr, "unknown_scope") || !strings.Contains(r.stderr, "hanoi") {
		t.Errorf("unknown scope: %v", r)
	}
	if r := s.expect(1, "close", "--amendments", "--period", "2021-H1"); !strings.Contains(r.stderr, "not_closed") || !strings.Contains(r.stderr, "chưa được chốt") {
		t.Errorf("amendments of a period not closed: %v", r)
	}
	if s.stats().Events != before.Events {
		t.Fatal("a refused close recorded something")
	}

	out := s.ok("close", "--period", "2021-H1", "--reason", "chốt số liệu sơ kết 6 tháng", "--source", "51-BC/CTĐ", "--json").stdout
	wantKeys(t, "close --json", []byte(out), closeKeys...)
	var cl closeJSON
	decode(t, out, &cl)
	if cl.Scope != "mnbgpb" || cl.ScopeKind != "cluster" || cl.Stream != "cluster-mnbgpb-2021" || cl.Period.To != "2021-06-30" ||
		cl.Seq != before.Events+1 || len(cl.Heads) != 1 || cl.Heads[0].OriginSeq != before.Heads[0].OriginSeq ||
		cl.Heads[0].Hash != before.Heads[0].Hash || cl.Reason == "" || cl.Source != "51-BC/CTĐ" {
		t.Fatalf("close: %+v, heads before %+v", cl, before.Heads)
	}
	if len(cl.Digest.Codes) != 1 || !strings.HasPrefix(before.Heads[0].digest(), cl.Digest.Full[0]) {
		t.Errorf("close digest %+v, head %s", cl.Digest, before.Heads[0].digest())
	}
	if r := s.expect(1, "close", "--period", "2021-01-01..2021-06-30"); !strings.Contains(r.stderr, "already_closed") {
		t.Errorf("a second close of the same period: %v", r)
	}
	if s.stats().Events != before.Events+1 {
		t.Fatal("a refused second close recorded something")
	}

	var list struct{ Closes []json.RawMessage }
	decode(t, s.ok("close", "--list", "--json").stdout, &list)
	if len(list.Closes) != 1 {
		t.Fatalf("close --list: %d closes", len(list.Closes))
	}
	wantKeys(t, "close --list --json element", list.Closes[0], closeKeys...)
	if r := s.ok("close", "--list"); !strings.Contains(r.stdout, "2021-H1") || !strings.Contains(r.stdout, cl.Digest.Codes[0]) {
		t.Errorf("close --list (text): %v", r)
	}

	// Right after the close: closed, nothing amended.
	r := s.ok("report", "classplans", "--period", "2021-H1")
	if !strings.Contains(r.stdout, "ĐÃ CHỐT SỐ LIỆU ngày") || strings.Contains(r.stdout, "ĐIỀU CHỈNH SAU CHỐT") {
		t.Errorf("report right after the close:\n%s", r.stdout)
	}
	if r := s.ok("report", "classplans", "--period", "2021-H2"); strings.Contains(r.stdout, "ĐÃ CHỐT") {
		t.Errorf("2021-H2 is not closed:\n%s", r.stdout)
	}

	// A class of the first half-year was entered twice: its opening is retracted.
	var opening record
	for _, rec := range s.log("--type", "ClassOpened") {
		if rec.OccurredOn >= "2021-01-01" && rec.OccurredOn <= "2021-06-30" {
			opening = rec
			break
		}
	}
	s.ok("import", s.file("rut-lai.jsonl", fmt.Sprintf(`{"type":"EventRetracted","stream":%q,"occurred_on":"2021-09-15","data":{"event_id":%q,"reason":"nhập trùng"},"meta":{"reason":"nhập trùng","source":"kiểm tra chéo"}}`,
		opening.Stream, opening.ID)))
	retraction := s.log("--from", fmt.Sprint(cl.Seq))[0]

	r = s.ok("report", "classplans", "--period", "2021-H1")
	if !strings.Contains(r.stdout, "ĐIỀU CHỈNH SAU CHỐT: 1 sự kiện thay đổi") || !strings.Contains(r.stdout, "socai close --amendments --period 2021-H1") {
		t.Errorf("the class-plan report does not flag the amendment:\n%s", r.stdout)
	}
	var rep struct {
		Total struct {
			Executed struct{ Classes int64 }
		}
		Closed     *closeJSON
		Amendments *struct {
			Events []struct {
				Seq int64
				ID  string
			}
			Changed []struct {
				Key     string
				AtClose *float64 `json:"at_close"`
				Now     *float64
			}
		}
		Digest digestJSON
	}
	decode(t, s.ok("report", "classplans", "--period", "2021-H1", "--json").stdout, &rep)
	if rep.Closed == nil || rep.Closed.EventID != cl.EventID || rep.Amendments == nil || len(rep.Amendments.Events) != 1 ||
		rep.Amendments.Events[0].ID != retraction.ID || rep.Total.Executed.Classes != 259 {
		t.Fatalf("report --json after the correction: %+v", rep)
	}
	if len(rep.Digest.Codes) != 1 || !strings.HasPrefix(rep.Digest.Full[0], retraction.Origin+":"+fmt.Sprint(retraction.OriginSeq)+":") {
		t.Errorf("the report's digest %+v is not the head %s:%d", rep.Digest, retraction.Origin, retraction.OriginSeq)
	}
	// The research report is closed too, and not amended.
	decode(t, s.ok("report", "research", "--period", "2021-H1", "--json").stdout, &rep)
	if rep.Closed == nil || rep.Amendments == nil || len(rep.Amendments.Events) != 0 {
		t.Errorf("research after a class-plan correction: closed %v, amendments %+v", rep.Closed != nil, rep.Amendments)
	}
	// As of before the close, nothing was closed.
	decode(t, s.ok("report", "classplans", "--period", "2021-H1", "--as-of", "2020-01-01", "--json").stdout, &rep)
	if rep.Closed != nil || rep.Amendments != nil || len(rep.Digest.Codes) != 0 {
		t.Errorf("as of 2020: %+v", rep)
	}

	var am struct {
		FiguresAtClose []struct {
			Key   string
			Value float64
		} `json:"figures_at_close"`
		Changed []json.RawMessage
		Events  []struct {
			Seq      int64
			Type     string
			Retracts *struct{ ID string }
			Changes  []struct {
				Key           string
				Before, After *float64
			}
		}
	}
	out = s.ok("close", "--amendments", "--period", "2021-H1", "--json").stdout
	wantKeys(t, "close --amendments --json", []byte(out), "close", "closed_at", "heads", "digest",
		"figures_at_close", "figures_now", "changed", "events", "later", "views")
	decode(t, out, &am)
	if len(am.Events) != 1 || am.Events[0].Seq != retraction.Seq || am.Events[0].Retracts == nil || am.Events[0].Retracts.ID != opening.ID ||
		len(am.Events[0].Changes) == 0 || len(am.Changed) == 0 {
		t.Fatalf("amendments: %+v", am.Events)
	}
	for _, f := range am.FiguresAtClose {
		if f.Key == "classplans.executed.classes" && f.Value != 260 {
			t.Errorf("executed at close: %v, want 260", f.Value)
		}
	}
	r = s.ok("close", "--amendments", "--period", "2021-H1")
	for _, want := range []string{"ĐIỀU CHỈNH SAU CHỐT", "thực hiện (lớp)", "260", "259", fmt.Sprintf("seq %d", retraction.Seq), "nhập trùng"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("close --amendments (text) has no %q:\n%s", want, r.stdout)
		}
	}
}
