package app_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"socai/app"
	"socai/events"
	"socai/exchange"
	"socai/projections"
)

var bundleSchools = []string{"sonla", "laichau", "dienbien"}

// orgLines are the cluster's records, made by the lead.
func orgLines() []string {
	lines := []string{
		`{"type":"ClusterFormed","stream":"cluster-mnbgpb","occurred_on":"2021-01-01","data":{"cluster_id":"mnbgpb","name":"Cụm thi đua miền núi biên giới phía Bắc","region":"Miền núi biên giới phía Bắc"},"meta":{}}`,
		`{"type":"ClassTypeDefined","stream":"classtype-tc","occurred_on":"2021-01-01","data":{"class_type":"tc","name":"Trung cấp LLCT-HC","group":"dao_tao"},"meta":{}}`,
		`{"type":"ClassTypeDefined","stream":"classtype-cv","occurred_on":"2021-01-01","data":{"class_type":"cv","name":"Bồi dưỡng chuyên viên","group":"boi_duong"},"meta":{}}`,
	}
	for _, s := range bundleSchools {
		lines = append(lines, fmt.Sprintf(`{"type":"SchoolRegistered","stream":"school-%s","occurred_on":"2021-01-01","data":{"school_id":"%s","name":"Trường Chính trị %s","province":"%s","cluster_id":"mnbgpb"},"meta":{}}`, s, s, s, s))
	}
	return lines
}

// schoolLines are one school's own records: a target, classes carried over,
// opened, completed, re-enrolled, and research.
func schoolLines(i int) []string {
	s := bundleSchools[i]
	lines := []string{fmt.Sprintf(`{"type":"TrainingTargetAssigned","stream":"school-%s-2021","occurred_on":"2021-01-15","data":{"school_id":"%s","year":2021,"classes":%d,"students":%d},"meta":{}}`, s, s, 10+i, 500+100*i)}
	for k := 0; k < 4+i; k++ {
		id := fmt.Sprintf("%s-%d", s, k)
		start := fmt.Sprintf("202%d-0%d-1%d", k%2, 2+k%5, k%9)
		typ := []string{"tc", "cv"}[k%2]
		lines = append(lines, fmt.Sprintf(`{"type":"ClassOpened","stream":"class-%s","occurred_on":"%s","data":{"class_id":"%s","school_id":"%s","class_type":"%s","name":"Lớp %s","students":%d,"start_date":"%s","mode":"tap_trung"},"meta":{}}`, id, start, id, s, typ, id, 30+k, start))
		if k%3 == 1 {
			lines = append(lines, fmt.Sprintf(`{"type":"ClassCompleted","stream":"class-%s","occurred_on":"2021-05-20","data":{"class_id":"%s","end_date":"2021-05-20","graduates":%d},"meta":{}}`, id, id, 28+k))
		}
		if k%3 == 2 {
			lines = append(lines, fmt.Sprintf(`{"type":"ClassEnrollmentChanged","stream":"class-%s","occurred_on":"2021-04-01","data":{"class_id":"%s","students":%d},"meta":{}}`, id, id, 45+k))
		}
	}
	lines = append(lines, fmt.Sprintf(`{"type":"ResearchTopicRegistered","stream":"topic-%s-1","occurred_on":"2021-02-01","data":{"topic_id":"%s-1","school_id":"%s","level":"co_so","kind":"de_tai","title":"Đề tài %s","lead":"TS. A","start_date":"2021-02-01"},"meta":{}}`, s, s, s, s))
	return lines
}

// cluster is a lead and three schools that exchanged keys and the lead's bundle.
type cluster struct {
	lead     *app.App
	leadPath string
	schools  []*app.App
	bundles  []string // each school's bundle
}

func keyOf(t testing.TB, a *app.App, school string) app.KeyInput {
	t.Helper()
	k, err := a.InstallationKey(ctx)
	if err != nil {
		t.Fatal(err)
	}
	return app.KeyInput{SchoolID: school, Origin: k.Origin, PublicKey: k.PublicKey, Fingerprint: k.Fingerprint}
}

func exportBundle(t testing.TB, a *app.App, since int64) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "goi.socai")
	if _, err := a.ExportBundle(ctx, since, path); err != nil {
		t.Fatal(err)
	}
	return path
}

func importBundle(t testing.TB, a *app.App, path string) app.ImportSummary {
	t.Helper()
	sum, err := a.ImportBundle(ctx, path, nil)
	if err != nil {
		t.Fatalf("import %s: %v", path, err)
	}
	return sum
}

func newCluster(t *testing.T) *cluster {
	t.Helper()
	c := &cluster{lead: openApp(t)}
	c.leadPath = c.lead.Store.Path()
	importLines(t, c.lead, orgLines()...)
	if _, err := c.lead.RegisterOwnKey(ctx, "sonla", app.Note{}); err != nil {
		t.Fatal(err)
	}
	leadBundle := exportBundle(t, c.lead, 0)
	for i, s := range bundleSchools {
		sc := openApp(t)
		if _, err := sc.AddKey(ctx, keyOf(t, c.lead, "sonla")); err != nil {
			t.Fatal(err)
		}
		if sum := importBundle(t, sc, leadBundle); sum.Imported != int64(len(orgLines())+1) {
			t.Fatalf("school imports the lead's bundle: %+v", sum)
		}
		if _, err := sc.RegisterOwnKey(ctx, s, app.Note{}); err != nil {
			t.Fatal(err)
		}
		importLines(t, sc, schoolLines(i)...)
		if _, err := c.lead.AddKey(ctx, keyOf(t, sc, s)); err != nil {
			t.Fatal(err)
		}
		c.schools = append(c.schools, sc)
		c.bundles = append(c.bundles, exportBundle(t, sc, 0))
	}
	return c
}

// copyLead is a copy of the lead's ledger (same installation) as it is now.
func copyLead(t *testing.T, c *cluster) *app.App {
	t.Helper()
	dst := filepath.Join(t.TempDir(), "lead.db")
	if _, err := c.lead.Store.DB().ExecContext(ctx, `VACUUM INTO ?`, dst); err != nil {
		t.Fatal(err)
	}
	a, err := app.Open(dst, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { a.Close() })
	return a
}

func clusterFigures(t testing.TB, a *app.App) []projections.Figure {
	t.Helper()
	var all []projections.Figure
	for _, p := range []string{"2021-H1", "2021", "2020"} {
		per, err := projections.ParsePeriod(p)
		if err != nil {
			t.Fatal(err)
		}
		for _, school := range append([]string{""}, bundleSchools...) {
			f, err := projections.Figures(ctx, a.DB(), per, school)
			if err != nil {
				t.Fatal(err)
			}
			all = append(all, f...)
		}
	}
	return all
}

// TestBundleRoundTrip imports the three schools' bundles at the lead in
// every order, each twice: the figures are those of one ledger holding
// every record, and the second import changes nothing.
func TestBundleRoundTrip(t *testing.T) {
	c := newCluster(t)
	one := openApp(t)
	importLines(t, one, orgLines()...)
	for i := range bundleSchools {
		importLines(t, one, schoolLines(i)...)
	}
	want := clusterFigures(t, one)
	nonzero := 0
	for _, f := range want {
		if f.Value != 0 {
			nonzero++
		}
	}
	if nonzero < 10 {
		t.Fatalf("the reference figures are mostly zero: %+v", want)
	}
	orders := [][]int{{0, 1, 2}, {0, 2, 1}, {1, 0, 2}, {1, 2, 0}, {2, 0, 1}, {2, 1, 0}}
	for _, order := range orders {
		lead := copyLead(t, c)
		before := eventCount(t, lead)
		var total int64
		for _, i := range order {
			sum := importBundle(t, lead, c.bundles[i])
			if sum.Imported != sum.Events || sum.Skipped != 0 || sum.SchoolID != bundleSchools[i] || sum.SchoolName == "" {
				t.Fatalf("order %v, bundle %d: %+v", order, i, sum)
			}
			total += sum.Imported
		}
		after := eventCount(t, lead)
		if after != before+total {
			t.Fatalf("order %v: %d events, want %d", order, after, before+total)
		}
		heads := state(t, lead)
		for _, i := range order {
			sum := importBundle(t, lead, c.bundles[i])
			if sum.Imported != 0 || sum.Skipped != sum.Events {
				t.Fatalf("second import: %+v", sum)
			}
		}
		if got := state(t, lead); !reflect.DeepEqual(got, heads) {
			t.Fatalf("a second import changed the ledger")
		}
		if got := clusterFigures(t, lead); !reflect.DeepEqual(got, want) {
			t.Fatalf("order %v: figures differ\n got %+v\nwant %+v", order, got, want)
		}
		rep, err := lead.Store.Verify(ctx, events.VerifyOptions{})
		if err != nil || !rep.OK || rep.Origins != 4 {
			t.Fatalf("verify after import: %+v %v", rep, err)
		}
	}
	// Imported events keep their origin, hashes and record time.
	lead := copyLead(t, c)
	importBundle(t, lead, c.bundles[0])
	src, _ := c.schools[0].Store.Read(ctx, events.Filter{})
	for _, r := range src {
		if r.Origin != c.schools[0].Store.Origin() {
			continue
		}
		h, err := lead.Store.ChainAt(ctx, r.Origin, r.OriginSeq)
		if err != nil || h != r.Hash {
			t.Fatalf("event %d of the school: hash %q at the lead", r.OriginSeq, h)
		}
	}
	imps, err := lead.Bundles.ImportLog()
	if err != nil || len(imps) != 1 || imps[0].Signer != c.schools[0].Store.Origin() {
		t.Fatalf("import log %+v %v", imps, err)
	}
}

// TestBundleSince: a school sends only what is new; a bundle that skips
// events the lead lacks is a gap, refused with the cursor to export from.
func TestBundleSince(t *testing.T) {
	c := newCluster(t)
	lead := copyLead(t, c)
	sc := c.schools[0]
	first, err := sc.ExportBundle(ctx, 0, filepath.Join(t.TempDir(), "a.socai"))
	if err != nil {
		t.Fatal(err)
	}
	importBundle(t, lead, first.Path)
	importLines(t, sc, `{"type":"TrainingTargetAssigned","stream":"school-sonla-2022","occurred_on":"2022-01-15","data":{"school_id":"sonla","year":2022,"classes":3,"students":90},"meta":{}}`)
	next, err := sc.ExportBundle(ctx, first.Cursor, filepath.Join(t.TempDir(), "b.socai"))
	if err != nil || next.Events != 1 || next.Cursor != first.Cursor+1 {
		t.Fatalf("since export %+v %v", next, err)
	}
	importLines(t, sc, `{"type":"TrainingTargetAssigned","stream":"school-sonla-2023","occurred_on":"2023-01-15","data":{"school_id":"sonla","year":2023,"classes":3,"students":90},"meta":{}}`)
	gap := exportBundle(t, sc, next.Cursor)
	refusedImport(t, lead, gap, events.EGAP)
	importBundle(t, lead, next.Path)
	if sum := importBundle(t, lead, gap); sum.Imported != 1 {
		t.Fatalf("after the gap is filled: %+v", sum)
	}
}

// ledgerState is what must not change when an import is refused.
type ledgerState struct {
	Events int64
	Heads  []events.Head
	Imps   int
}

func state(t testing.TB, a *app.App) ledgerState {
	t.Helper()
	h, err := a.Store.Heads(ctx)
	if err != nil {
		t.Fatal(err)
	}
	imps, err := a.Bundles.ImportLog()
	if err != nil {
		t.Fatal(err)
	}
	return ledgerState{Events: eventCount(t, a), Heads: h, Imps: len(imps)}
}

// refusedImport imports path expecting a refusal with code, and no change.
func refusedImport(t *testing.T, a *app.App, path, code string) {
	t.Helper()
	before := state(t, a)
	sum, err := a.ImportBundle(ctx, path, nil)
	if err == nil {
		t.Fatalf("%s: imported %+v", code, sum)
	}
	if events.ErrorCode(err) != code || !sum.Refused || sum.Reason == "" || sum.Code != code {
		t.Fatalf("want %s, got %s: %v (%+v)", code, events.ErrorCode(err), err, sum)
	}
	if after := state(t, a); !reflect.DeepEqual(after, before) {
		t.Fatalf("%s: the ledger changed: %+v → %+v", code, before, after)
	}
	t.Log(sum.Reason)
}

// resign writes a school's bundle again with its events changed by edit
// (hashes and links recomputed) and the manifest by meta, signed with key.
func resign(t *testing.T, sc *app.App, key *app.App, edit func([]events.Record) []events.Record, meta func(*exchange.Manifest)) string {
	t.Helper()
	recs, err := sc.Store.Read(ctx, events.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	var own []events.Record
	for _, r := range recs {
		if r.Origin == sc.Store.Origin() {
			own = append(own, r)
		}
	}
	own = edit(own)
	for i := range own {
		if i > 0 {
			own[i].PrevHash = own[i-1].Hash
		}
		own[i].Hash = own[i].ComputeHash()
	}
	k, err := key.Store.SigningKey(ctx)
	if err != nil {
		t.Fatal(err)
	}
	m := exchange.Manifest{Format: exchange.FormatBundle, ClusterID: "mnbgpb", SchoolID: "sonla", Creator: sc.Store.Origin()}
	if meta != nil {
		meta(&m)
	}
	path := filepath.Join(t.TempDir(), "forged.socai")
	if _, err := exchange.Write(ctx, path, m, func(fn func(events.Record) error) error {
		for _, r := range own {
			if err := fn(r); err != nil {
				return err
			}
		}
		return nil
	}, k); err != nil {
		t.Fatal(err)
	}
	return path
}

func same(r []events.Record) []events.Record { return r }

func TestBundleRefusals(t *testing.T) {
	c := newCluster(t)
	lead := copyLead(t, c)
	sc := c.schools[0]
	good := c.bundles[0]
	dir := t.TempDir()
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	raw, err := os.ReadFile(good)
	if err != nil {
		t.Fatal(err)
	}

	t.Run("truncated", func(t *testing.T) { refusedImport(t, lead, write("cut.socai", raw[:len(raw)*2/3]), exchange.ECORRUPT) })
	t.Run("corrupted bytes in the middle", func(t *testing.T) {
		// Bytes that carry data (a class's record): slack space of a page
		// carries none, and changing it changes nothing that is read.
		b := append([]byte(nil), raw...)
		at := bytes.Index(b, []byte(`"class_id":"sonla-2"`))
		if at < 0 {
			t.Fatal("no class record in the bundle")
		}
		for i := at; i < at+12; i++ {
			b[i] ^= 0x01
		}
		refusedImport(t, lead, write("bad.socai", b), exchange.EBROKENCHAIN)
	})
	t.Run("wrong signature", func(t *testing.T) {
		refusedImport(t, lead, resign(t, sc, c.schools[1], same, nil), exchange.EWRONGSIGNER)
	})
	t.Run("missing signature", func(t *testing.T) {
		p := resign(t, sc, sc, same, nil)
		execSQL(t, p, `UPDATE manifest SET signature = ''`)
		refusedImport(t, lead, p, exchange.ENOSIGNATURE)
	})
	t.Run("unknown signer", func(t *testing.T) {
		stranger := openApp(t)
		importLines(t, stranger, orgLines()...)
		refusedImport(t, lead, exportBundle(t, stranger, 0), exchange.EUNKNOWNSIGNER)
	})
	t.Run("fork", func(t *testing.T) {
		importBundle(t, lead, good)
		forked := resign(t, sc, sc, func(r []events.Record) []events.Record {
			r[len(r)-1].Data = []byte(`{"topic_id":"sonla-1","school_id":"sonla","level":"co_so","kind":"de_tai","title":"Đề tài khác","lead":"TS. A","start_date":"2021-02-01"}`)
			return r
		}, nil)
		before := state(t, lead)
		_, err := lead.ImportBundle(ctx, forked, nil)
		var fe *events.ForkError
		if !errorsAs(err, &fe) || fe.Ours == fe.Theirs || fe.OriginSeq == 0 {
			t.Fatalf("fork: %v", err)
		}
		if after := state(t, lead); !reflect.DeepEqual(after, before) {
			t.Fatal("the ledger changed")
		}
		refusedImport(t, lead, forked, events.EFORK)
	})
	t.Run("future format", func(t *testing.T) {
		p := resign(t, sc, sc, same, nil)
		execSQL(t, p, `PRAGMA user_version = 2`)
		refusedImport(t, lead, p, exchange.EFUTUREFORMAT)
	})
	t.Run("future schema version", func(t *testing.T) {
		refusedImport(t, lead, resign(t, sc, sc, func(r []events.Record) []events.Record {
			r[len(r)-1].SchemaVersion = 9
			return r
		}, nil), events.EFUTURESCHEMA)
	})
	t.Run("unknown event type", func(t *testing.T) {
		refusedImport(t, lead, resign(t, sc, sc, func(r []events.Record) []events.Record {
			r[len(r)-1].Type = "ClassTeleported"
			return r
		}, nil), events.EUNKNOWNTYPE)
	})
	t.Run("another cluster", func(t *testing.T) {
		refusedImport(t, lead, resign(t, sc, sc, same, func(m *exchange.Manifest) { m.ClusterID = "tayNguyen" }), app.EUnknownCluster)
	})
	t.Run("same bundle twice", func(t *testing.T) {
		importBundle(t, lead, c.bundles[1])
		before := state(t, lead)
		if sum := importBundle(t, lead, c.bundles[1]); sum.Imported != 0 || sum.Skipped != sum.Events || sum.Refused {
			t.Fatalf("twice: %+v", sum)
		}
		if after := state(t, lead); !reflect.DeepEqual(after, before) {
			t.Fatal("the ledger changed")
		}
	})
	t.Run("png", func(t *testing.T) {
		png, err := app.QRPNG("socai", 64)
		if err != nil {
			t.Fatal(err)
		}
		refusedImport(t, lead, write("anh.png", png), exchange.ENOTSQLITE)
	})
	t.Run("plain sqlite", func(t *testing.T) { refusedImport(t, lead, sc.Store.Path(), exchange.ENOTSOCAI) })
	t.Run("empty", func(t *testing.T) { refusedImport(t, lead, write("rong.socai", nil), exchange.ENOTSQLITE) })
	t.Run("several hundred MB", func(t *testing.T) {
		p := write("lon.socai", nil)
		if err := os.Truncate(p, 700<<20); err != nil { // sparse: refused by its size before any read
			t.Fatal(err)
		}
		refusedImport(t, lead, p, exchange.ETOOBIG)
	})
}

// TestKeys: the key is made once; a fingerprint that does not match, or a
// second key for one installation, is refused.
func TestKeys(t *testing.T) {
	a := openApp(t)
	importLines(t, a, orgLines()...)
	k1, err := a.InstallationKey(ctx)
	if err != nil {
		t.Fatal(err)
	}
	k2, _ := a.InstallationKey(ctx)
	if k1 != k2 || len(k1.Fingerprint) != 24 || k1.SchoolID != "" {
		t.Fatalf("key %+v / %+v", k1, k2)
	}
	other := openApp(t)
	in := keyOf(t, other, "laichau")
	bad := in
	bad.Fingerprint = "0000-0000-0000-0000-0000"
	n := eventCount(t, a)
	if _, err := a.AddKey(ctx, bad); events.ErrorCode(err) != events.EINVALID {
		t.Fatalf("mismatched fingerprint: %v", err)
	}
	if _, err := a.AddKey(ctx, in); err != nil {
		t.Fatal(err)
	}
	third := keyOf(t, openApp(t), "laichau")
	third.Origin = in.Origin
	if _, err := a.AddKey(ctx, third); events.ErrorCode(err) != app.EAlreadyExists {
		t.Fatalf("second key: %v", err)
	}
	if _, err := a.RegisterOwnKey(ctx, "sonla", app.Note{}); err != nil {
		t.Fatal(err)
	}
	if k, _ := a.InstallationKey(ctx); k.SchoolID != "sonla" {
		t.Fatalf("registered %+v", k)
	}
	keys, err := a.Keys.Registered()
	if err != nil || len(keys) != 2 || eventCount(t, a) != n+2 {
		t.Fatalf("keys %+v %v", keys, err)
	}
	if _, err := a.Store.DB().Exec(`UPDATE installation_key SET public_key = 'x'`); err == nil {
		t.Fatal("the installation key was changed")
	}
}
