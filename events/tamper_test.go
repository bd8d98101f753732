package events_test

import (
	"database/sql"
	"path/filepath"
	"strings"
	"testing"

	"socai/events"
)

const restoreTriggers = `
CREATE TRIGGER events_no_update BEFORE UPDATE ON events BEGIN SELECT RAISE(ABORT, 'socai: events are append-only (UPDATE refused)'); END;
CREATE TRIGGER events_no_delete BEFORE DELETE ON events BEGIN SELECT RAISE(ABORT, 'socai: events are append-only (DELETE refused)'); END;`

// tamper edits the file as someone with the database and an SQLite tool
// would: drop the triggers, change rows, and (unless keepDropped) put the
// triggers back so that nothing looks touched.
func tamper(t *testing.T, db *sql.DB, keepDropped bool, stmts ...string) {
	t.Helper()
	all := append([]string{`DROP TRIGGER events_no_update`, `DROP TRIGGER events_no_delete`}, stmts...)
	if !keepDropped {
		all = append(all, restoreTriggers)
	}
	for _, q := range all {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
}

func record(t *testing.T, s *events.Store, seq int64) events.Record {
	t.Helper()
	got, err := s.Read(ctx, events.Filter{FromSeq: seq - 1, Limit: 1})
	if err != nil || len(got) != 1 {
		t.Fatalf("read seq %d: %v", seq, err)
	}
	return got[0]
}

func TestTamperingIsNamedBySeq(t *testing.T) {
	cases := []struct {
		name       string
		keepDrop   bool
		sql        func(t *testing.T, s *events.Store) []string
		wantSeq    int64
		wantKind   string
		alsoKind   string
		messageHas string
	}{
		{name: "payload edited", wantSeq: 4, wantKind: events.KindAltered,
			sql: func(*testing.T, *events.Store) []string {
				return []string{`UPDATE events SET data = replace(data, '"students":43', '"students":34') WHERE seq = 4`}
			}},
		{name: "metadata edited", wantSeq: 6, wantKind: events.KindAltered,
			sql: func(*testing.T, *events.Store) []string {
				return []string{`UPDATE events SET meta = replace(meta, '"tester"', '"someone else"') WHERE seq = 6`}
			}},
		{name: "one event deleted", wantSeq: 5, wantKind: events.KindRemoved, messageHas: "5",
			sql: func(*testing.T, *events.Store) []string { return []string{`DELETE FROM events WHERE seq = 5`} }},
		{name: "last event deleted", wantSeq: 10, wantKind: events.KindRemoved,
			sql: func(*testing.T, *events.Store) []string { return []string{`DELETE FROM events WHERE seq = 10`} }},
		{name: "two events swapped", wantSeq: 3, wantKind: events.KindReordered,
			sql: func(*testing.T, *events.Store) []string {
				return []string{`UPDATE events SET seq = -3 WHERE seq = 3`, `UPDATE events SET seq = 3 WHERE seq = 4`,
					`UPDATE events SET seq = 4 WHERE seq = -3`}
			}},
		{name: "one event inserted", wantSeq: 6, wantKind: events.KindInserted, alsoKind: events.KindAltered,
			sql: func(t *testing.T, s *events.Store) []string {
				prev := record(t, s, 5)
				forged := prev
				forged.ID = "01890a5d-ac96-774b-bcce-b302099a9999"
				forged.OriginSeq, forged.Version, forged.Stream = 6, 99, "class-forged"
				forged.Data = []byte(`{"class_id":"class-forged","students":500}`)
				forged.PrevHash = prev.Hash
				forged.Hash = forged.ComputeHash()
				q := []string{}
				for seq := 10; seq >= 6; seq-- { // make room: shift the later events by one
					q = append(q, `UPDATE events SET seq = seq + 1, origin_seq = origin_seq + 1 WHERE seq = `+events.Itoa(int64(seq)))
				}
				return append(q, `INSERT INTO events (seq, id, origin, origin_seq, stream, version, type, schema_version,
					occurred_on, recorded_at, data, meta, prev_hash, hash) VALUES (6, '`+forged.ID+`', '`+forged.Origin+`', 6,
					'class-forged', 99, '`+forged.Type+`', 1, '`+forged.OccurredOn+`', '`+forged.RecordedAt+`', '`+string(forged.Data)+`',
					'`+string(forged.Meta)+`', '`+forged.PrevHash+`', '`+forged.Hash+`')`)
			}},
		{name: "trigger dropped then row edited", keepDrop: true, wantSeq: 0, wantKind: events.KindTriggersMissing, alsoKind: events.KindAltered,
			sql: func(*testing.T, *events.Store) []string {
				return []string{`UPDATE events SET occurred_on = '2020-12-31' WHERE seq = 7`}
			}},
		{name: "edited and its hash recomputed", wantSeq: 5, wantKind: events.KindBrokenLink, messageHas: "seq 4",
			sql: func(t *testing.T, s *events.Store) []string {
				r := record(t, s, 4)
				r.Data = []byte(strings.Replace(string(r.Data), `"students":43`, `"students":34`, 1))
				return []string{`UPDATE events SET data = '` + string(r.Data) + `', hash = '` + r.ComputeHash() + `' WHERE seq = 4`}
			}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := openTemp(t)
			fill(t, s, 10) // seq n carries students 40+n-1
			if rep := mustVerify(t, s, events.VerifyOptions{}); !rep.OK {
				t.Fatalf("untouched store fails: %+v", rep.Problems)
			}
			tamper(t, s.DB(), c.keepDrop, c.sql(t, s)...)
			rep := mustVerify(t, s, events.VerifyOptions{})
			if rep.OK || rep.First == nil {
				t.Fatalf("tampering not detected")
			}
			if rep.First.Seq != c.wantSeq || rep.First.Kind != c.wantKind {
				t.Errorf("first problem = seq %d %s (%s), want seq %d %s; all: %+v",
					rep.First.Seq, rep.First.Kind, rep.First.Message, c.wantSeq, c.wantKind, rep.Problems)
			}
			if c.messageHas != "" && !strings.Contains(rep.First.Message, c.messageHas) {
				t.Errorf("message %q does not say %q", rep.First.Message, c.messageHas)
			}
			if c.alsoKind != "" && !hasKind(rep, c.alsoKind) {
				t.Errorf("no %s problem in %+v", c.alsoKind, rep.Problems)
			}
		})
	}
}

func hasKind(rep events.Report, kind string) bool {
	for _, p := range rep.Problems {
		if p.Kind == kind {
			return true
		}
	}
	return false
}

// A tamperer who recomputes the whole chain from a changed event onward
// leaves a file that is consistent in itself. A surviving copy shows the
// fork, and so does a head printed before.
func TestRecomputedChainIsCaughtByACopyAndADigest(t *testing.T) {
	s := openTemp(t)
	fill(t, s, 10)
	copyPath := filepath.Join(t.TempDir(), "copy.db")
	if _, err := s.DB().Exec(`VACUUM INTO ?`, copyPath); err != nil {
		t.Fatal(err)
	}
	heads, _ := s.Heads(ctx)
	printed := events.Digest{Origin: heads[0].Origin, OriginSeq: heads[0].OriginSeq, Hash: heads[0].Hash[:16]}

	// Change event 4 and rewrite every hash from it onward.
	all, _ := s.Read(ctx, events.Filter{})
	prev := all[2].Hash
	var stmts []string
	for i := 3; i < len(all); i++ {
		r := all[i]
		if i == 3 {
			r.Data = []byte(strings.Replace(string(r.Data), `"students":43`, `"students":34`, 1))
		}
		r.PrevHash = prev
		r.Hash = r.ComputeHash()
		prev = r.Hash
		stmts = append(stmts, `UPDATE events SET data = '`+string(r.Data)+`', prev_hash = '`+r.PrevHash+`', hash = '`+r.Hash+`' WHERE seq = `+events.Itoa(r.Seq))
	}
	tamper(t, s.DB(), false, stmts...)

	if rep := mustVerify(t, s, events.VerifyOptions{}); !rep.OK {
		t.Fatalf("a recomputed chain is consistent in itself; got %+v", rep.Problems)
	}
	other, err := events.OpenReadOnly(copyPath)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	rep := mustVerify(t, s, events.VerifyOptions{Against: other})
	if rep.OK || rep.First.Kind != events.KindFork || rep.First.Seq != 4 || rep.First.OriginSeq != 4 {
		t.Errorf("against the copy: %+v", rep.Problems)
	}
	if n := len(rep.Problems); n != 1 {
		t.Errorf("a fork is reported once, at its first position; got %d problems", n)
	}
	rep = mustVerify(t, s, events.VerifyOptions{Digests: []events.Digest{printed}})
	if rep.OK || rep.First.Kind != events.KindDigestMismatch || rep.First.Seq != 10 {
		t.Errorf("with the printed head: %+v", rep.Problems)
	}
	short, err := events.ParseDigest(printed.Short())
	if err != nil {
		t.Fatal(err)
	}
	rep = mustVerify(t, s, events.VerifyOptions{Digests: []events.Digest{short}})
	if rep.OK || rep.First.Kind != events.KindDigestMismatch || rep.First.Seq != 10 {
		t.Errorf("with the printed short code %s: %+v", printed.Short(), rep.Problems)
	}
	// The untouched copy still matches the printed head.
	if rep := mustVerify(t, other, events.VerifyOptions{Digests: []events.Digest{printed}}); !rep.OK {
		t.Errorf("copy against its own head: %+v", rep.Problems)
	}
}

func TestDigestSurvivesLaterAppends(t *testing.T) {
	s := openTemp(t)
	fill(t, s, 5)
	heads, _ := s.Heads(ctx)
	d, err := events.ParseDigest(heads[0].Origin + ":" + events.Itoa(heads[0].OriginSeq) + ":" + heads[0].Hash[:12])
	if err != nil {
		t.Fatal(err)
	}
	fill(t, s, 5)
	if rep := mustVerify(t, s, events.VerifyOptions{Digests: []events.Digest{d}}); !rep.OK {
		t.Errorf("digest after appends: %+v", rep.Problems)
	}
	full := events.Digest{Origin: heads[0].Origin, OriginSeq: heads[0].OriginSeq, Hash: heads[0].Hash}
	code := full.Short()
	if len(code) > 30 || !strings.HasPrefix(code, heads[0].Origin[:8]+":5:") {
		t.Errorf("short code %q", code)
	}
	several, err := events.ParseDigests(code + "; " + full.String())
	if err != nil || len(several) != 2 {
		t.Fatalf("ParseDigests: %v %v", several, err)
	}
	if rep := mustVerify(t, s, events.VerifyOptions{Digests: several}); !rep.OK {
		t.Errorf("short code after appends: %+v", rep.Problems)
	}
	stranger := events.Digest{Origin: "ffffffff", OriginSeq: 5, Hash: heads[0].Hash[:12]}
	if rep := mustVerify(t, s, events.VerifyOptions{Digests: []events.Digest{stranger}}); rep.OK || rep.First.Kind != events.KindDigestMismatch {
		t.Errorf("a short code of no chain here: %+v", rep.Problems)
	}
	for _, bad := range []string{"", "x:1:abc", heads[0].Origin + ":0:" + heads[0].Hash, heads[0].Origin + ":1:abc"} {
		if _, err := events.ParseDigest(bad); err == nil {
			t.Errorf("ParseDigest(%q) accepted", bad)
		}
	}
}

func TestConcurrentWritersOneWins(t *testing.T) {
	path := filepath.Join(t.TempDir(), "socai.db")
	a, err := events.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	b, err := events.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	for round := 0; round < 30; round++ {
		stream := "class-" + events.Itoa(int64(round))
		if _, err := a.Append(ctx, stream, events.NoStream, opened(stream, 50)); err != nil {
			t.Fatal(err)
		}
		start := make(chan struct{})
		errs := make(chan error, 2)
		for _, s := range []*events.Store{a, b} {
			go func() {
				<-start
				_, err := s.Append(ctx, stream, 1, enrollment(stream, 49))
				errs <- err
			}()
		}
		close(start)
		e1, e2 := <-errs, <-errs
		wins, conflicts := 0, 0
		for _, err := range []error{e1, e2} {
			switch events.ErrorCode(err) {
			case "":
				wins++
			case events.ECONFLICT:
				conflicts++
			default:
				t.Fatalf("round %d: unexpected error %v", round, err)
			}
		}
		if wins != 1 || conflicts != 1 {
			t.Fatalf("round %d: %d wins, %d conflicts", round, wins, conflicts)
		}
	}
	rep := mustVerify(t, a, events.VerifyOptions{})
	if !rep.OK || rep.Checked != 60 {
		t.Errorf("after the race: %+v", rep)
	}
}
