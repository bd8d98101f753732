package events_test

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"socai/events"
)

// storeFactory opens a store for one conformance case. Every way of opening
// the store runs the same suite.
type storeFactory func(t *testing.T) (s *events.Store, reopen func() *events.Store)

func TestConformance(t *testing.T) {
	factories := map[string]storeFactory{
		"file": func(t *testing.T) (*events.Store, func() *events.Store) {
			s := openTemp(t)
			return s, func() *events.Store { return s }
		},
		// reopened: every read goes through a fresh handle on the same file,
		// so nothing may live only in memory.
		"reopened": func(t *testing.T) (*events.Store, func() *events.Store) {
			path := filepath.Join(t.TempDir(), "socai.db")
			s, err := events.Open(path)
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { s.Close() })
			return s, func() *events.Store {
				r, err := events.Open(path)
				if err != nil {
					t.Fatal(err)
				}
				t.Cleanup(func() { r.Close() })
				return r
			}
		},
	}
	for name, f := range factories {
		t.Run(name, func(t *testing.T) { runConformance(t, f) })
	}
}

func runConformance(t *testing.T, open storeFactory) {
	t.Run("append and read a stream", func(t *testing.T) {
		s, reopen := open(t)
		recs, err := s.Append(ctx, "class-1", events.NoStream, opened("1", 60), enrollment("1", 58))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.Append(ctx, "class-1", 2, enrollment("1", 57)); err != nil {
			t.Fatal(err)
		}
		got, err := reopen().ReadStream(ctx, "class-1")
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 3 {
			t.Fatalf("read %d events, want 3", len(got))
		}
		prev := events.GenesisHash
		for i, r := range got {
			if r.Version != int64(i+1) || r.OriginSeq != int64(i+1) || r.Origin != s.Origin() {
				t.Errorf("event %d: version %d origin_seq %d origin %s", i, r.Version, r.OriginSeq, r.Origin)
			}
			if r.PrevHash != prev || r.ComputeHash() != r.Hash {
				t.Errorf("event %d: chain broken", i)
			}
			prev = r.Hash
		}
		if got[0].Type != "ClassOpened" || got[0].SchemaVersion != 1 || got[0].ID != recs[0].ID {
			t.Errorf("first event = %+v", got[0])
		}
		if !strings.Contains(string(got[0].Data), `"name":"Lớp TC LLCT-HC K1"`) {
			t.Errorf("data stored as %s", got[0].Data)
		}
		m, _ := got[0].DecodeMeta()
		if m.Actor != "tester" || m.Source != "51-BC/CTĐ" {
			t.Errorf("meta = %+v", m)
		}
	})

	t.Run("expected version conflict appends nothing", func(t *testing.T) {
		s, reopen := open(t)
		if _, err := s.Append(ctx, "class-1", events.NoStream, opened("1", 60)); err != nil {
			t.Fatal(err)
		}
		for _, expected := range []int64{events.NoStream, 2, 5} {
			_, err := s.Append(ctx, "class-1", expected, enrollment("1", 1))
			var ce *events.ConflictError
			if !errors.As(err, &ce) || ce.Actual != 1 || ce.Expected != expected {
				t.Fatalf("expected %d: err = %v", expected, err)
			}
			if events.ErrorCode(err) != events.ECONFLICT {
				t.Errorf("code = %q", events.ErrorCode(err))
			}
		}
		if got, _ := reopen().ReadStream(ctx, "class-1"); len(got) != 1 {
			t.Errorf("stream has %d events after refused appends", len(got))
		}
		if _, err := s.Append(ctx, "class-1", events.AnyVersion, enrollment("1", 2)); err != nil {
			t.Errorf("AnyVersion: %v", err)
		}
	})

	t.Run("one invalid event refuses the whole append", func(t *testing.T) {
		s, reopen := open(t)
		bad := enrollment("1", -5)
		_, err := s.Append(ctx, "class-1", events.AnyVersion, opened("1", 60), bad)
		if events.ErrorCode(err) != events.EINVALID || events.ErrorField(err) != "data.students" {
			t.Fatalf("err = %v (code %s field %s)", err, events.ErrorCode(err), events.ErrorField(err))
		}
		noActor := opened("1", 1)
		noActor.Meta.Actor = " "
		if _, err := s.Append(ctx, "class-1", events.AnyVersion, noActor); events.ErrorField(err) != "meta.actor" {
			t.Errorf("missing actor: %v", err)
		}
		badDate := opened("1", 1)
		badDate.OccurredOn = "2021-02-30"
		if _, err := s.Append(ctx, "class-1", events.AnyVersion, badDate); events.ErrorField(err) != "occurred_on" {
			t.Errorf("bad date: %v", err)
		}
		if _, err := s.Append(ctx, "Class 1", events.AnyVersion, opened("1", 1)); events.ErrorField(err) != "stream" {
			t.Errorf("bad stream name: %v", err)
		}
		if st, _ := reopen().Stats(ctx); st.Events != 0 {
			t.Errorf("%d events written by refused appends", st.Events)
		}
	})

	t.Run("a failed transaction over several streams writes nothing", func(t *testing.T) {
		s, reopen := open(t)
		err := s.Update(ctx, func(tx *events.Tx) error {
			if _, err := tx.Append("class-1", events.NoStream, opened("1", 60)); err != nil {
				return err
			}
			if _, err := tx.Append("class-2", events.NoStream, opened("2", 50)); err != nil {
				return err
			}
			_, err := tx.Append("class-1", events.NoStream, opened("1", 60)) // conflict inside the tx
			return err
		})
		if events.ErrorCode(err) != events.ECONFLICT {
			t.Fatalf("err = %v", err)
		}
		if st, _ := reopen().Stats(ctx); st.Events != 0 {
			t.Errorf("%d events left by a rolled back transaction", st.Events)
		}
	})

	t.Run("duplicate event id is refused", func(t *testing.T) {
		s, _ := open(t)
		ev := opened("1", 60)
		ev.ID = "01890a5d-ac96-774b-bcce-b302099a8057"
		if _, err := s.Append(ctx, "class-1", events.AnyVersion, ev); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Append(ctx, "class-2", events.AnyVersion, ev); events.ErrorCode(err) != events.EDUPLICATE {
			t.Errorf("err = %v", err)
		}
	})

	t.Run("a stream is written by its owner only", func(t *testing.T) {
		s, _ := open(t)
		// Another installation's event, as a bundle import would bring it.
		r := events.Record{ID: "01890a5d-ac96-774b-bcce-b302099a8058", Origin: "01890a5d-0000-7000-8000-000000000001",
			OriginSeq: 1, Stream: "school-laichau", Version: 1, Type: "SchoolRegistered", SchemaVersion: 1,
			OccurredOn: "2021-01-01", RecordedAt: "2021-01-01T00:00:00.000000000Z",
			Data: []byte(`{"school_id":"laichau","name":"Trường Chính trị tỉnh Lai Châu","province":"Lai Châu","cluster_id":"mnbg"}`),
			Meta: []byte(`{"actor":"laichau"}`), PrevHash: events.GenesisHash}
		r.Hash = r.ComputeHash()
		insertRaw(t, s, r)
		_, err := s.Append(ctx, "school-laichau", events.AnyVersion, events.Event{OccurredOn: "2021-02-01", Meta: meta(),
			Data: events.SchoolRegistered{SchoolID: "laichau", Name: "x", Province: "x", ClusterID: "mnbg"}})
		if events.ErrorCode(err) != events.ENOTOWNER {
			t.Errorf("err = %v", err)
		}
		if rep := mustVerify(t, s, events.VerifyOptions{}); !rep.OK || rep.Origins != 1 {
			t.Errorf("foreign chain does not verify: %+v", rep)
		}
	})

	t.Run("UPDATE and DELETE are refused by SQLite", func(t *testing.T) {
		s, _ := open(t)
		fill(t, s, 3)
		for _, q := range []string{`UPDATE events SET data = '{}' WHERE seq = 1`, `DELETE FROM events WHERE seq = 1`,
			`UPDATE installation SET origin = 'x'`} {
			if _, err := s.DB().Exec(q); err == nil || !strings.Contains(err.Error(), "socai:") {
				t.Errorf("%s: err = %v", q, err)
			}
		}
	})

	t.Run("record time never goes back", func(t *testing.T) {
		s, reopen := open(t)
		now := time.Date(2021, 8, 12, 3, 0, 0, 0, time.UTC)
		s.Now = func() time.Time { return now }
		fill(t, s, 1)
		now = now.Add(-time.Hour) // the PC clock is set back
		fill(t, s, 1)
		got, _ := reopen().Read(ctx, events.Filter{})
		if got[1].RecordedAt < got[0].RecordedAt {
			t.Errorf("recorded_at went back: %s then %s", got[0].RecordedAt, got[1].RecordedAt)
		}
		if got[0].RecordedAt != "2021-08-12T03:00:00.000000000Z" {
			t.Errorf("recorded_at = %s", got[0].RecordedAt)
		}
	})

	t.Run("hooks run inside the transaction, subscribers after commit", func(t *testing.T) {
		s, reopen := open(t)
		if _, err := s.DB().Exec(`CREATE TABLE seen (seq INTEGER)`); err != nil {
			t.Fatal(err)
		}
		fail := false
		s.OnAppend(func(tx *events.Tx, recs []events.Record) error {
			for _, r := range recs {
				if _, err := tx.SQL().Exec(`INSERT INTO seen VALUES (?)`, r.Seq); err != nil {
					return err
				}
			}
			if fail {
				return errors.New("projection refused")
			}
			return nil
		})
		var got [][]events.Record
		stop := s.Subscribe(func(recs []events.Record) { got = append(got, recs) })
		fill(t, s, 2)
		fail = true
		if _, err := s.Append(ctx, "class-9", events.AnyVersion, opened("9", 1)); err == nil {
			t.Fatal("hook error did not refuse the append")
		}
		stop()
		fail = false
		fill(t, s, 1)
		var n int
		reopen().DB().QueryRow(`SELECT COUNT(*) FROM seen`).Scan(&n)
		if n != 3 {
			t.Errorf("hook saw %d events, want 3", n)
		}
		if st, _ := reopen().Stats(ctx); st.Events != 3 {
			t.Errorf("%d events, want 3 (the refused one rolled back)", st.Events)
		}
		if len(got) != 2 || got[0][0].Seq != 1 || got[1][0].Seq != 2 {
			t.Errorf("subscriber got %v", got)
		}
	})

	t.Run("read from a position and filter", func(t *testing.T) {
		s, reopen := open(t)
		fill(t, s, 10)
		r := reopen()
		got, _ := r.Read(ctx, events.Filter{FromSeq: 7})
		if len(got) != 3 || got[0].Seq != 8 {
			t.Errorf("from 7: %d events", len(got))
		}
		got, _ = r.Read(ctx, events.Filter{Stream: "class-1", Limit: 2})
		if len(got) != 2 || got[1].Stream != "class-1" {
			t.Errorf("stream filter: %v", got)
		}
		heads, _ := r.Heads(ctx)
		if len(heads) != 1 || heads[0].OriginSeq != 10 || !heads[0].Local {
			t.Errorf("heads = %+v", heads)
		}
	})
}

// insertRaw writes a row as a bundle import or a tamperer would.
func insertRaw(t testing.TB, s *events.Store, r events.Record) {
	t.Helper()
	_, err := s.DB().Exec(`INSERT INTO events (id, origin, origin_seq, stream, version, type, schema_version,
		occurred_on, recorded_at, data, meta, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)`,
		r.ID, r.Origin, r.OriginSeq, r.Stream, r.Version, r.Type, r.SchemaVersion, r.OccurredOn, r.RecordedAt,
		string(r.Data), string(r.Meta), r.PrevHash, r.Hash)
	if err != nil {
		t.Fatal(err)
	}
}
