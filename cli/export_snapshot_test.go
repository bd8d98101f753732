package cli_test

import (
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"socai/events"
	"socai/exchange"
	"socai/projections"
)

// snapshotJSON is what socai export snapshot --json prints.
type snapshotJSON struct {
	Path        string `json:"path"`
	Period      string `json:"period"`
	Cutoff      string `json:"cutoff"`
	Events      int64  `json:"events"`
	Figures     int    `json:"figures"`
	Fingerprint string `json:"fingerprint"`
}

// scopeFigures is one scope of a snapshot manifest's figures.
type scopeFigures struct {
	Scope   string               `json:"scope"`
	Figures []projections.Figure `json:"figures"`
}

// demoSnapshot loads the demo into a new sandbox and exports its 2021-H1 snapshot.
func demoSnapshot(t *testing.T) (*sandbox, snapshotJSON) {
	t.Helper()
	src := newSandbox(t)
	src.ok("demo")
	var res snapshotJSON
	decode(t, src.ok("export", "snapshot", "--period", "2021-H1", "--out", filepath.Join(src.dir, "2021-H1.socai"), "--json").stdout, &res)
	return src, res
}

// manifestFigures reads the figures a snapshot states, through the container.
func manifestFigures(t *testing.T, path string) (exchange.Manifest, []scopeFigures) {
	t.Helper()
	f, err := exchange.Open(context.Background(), path, exchange.OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var figs struct{ Scopes []scopeFigures }
	if err := json.Unmarshal(f.Manifest.Figures, &figs); err != nil {
		t.Fatal(err)
	}
	return f.Manifest, figs.Scopes
}

func fileSum(t *testing.T, path string) [32]byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(b)
}

// Round trip: the demo's 2021-H1 snapshot verifies on another PC (another
// ledger, another directory); the figures it states are the source's,
// computed with projections.Figures on the source ledger as of the cutoff,
// for the cluster and each school; verifying changes neither file nor ledger.
func TestSnapshotRoundTrip(t *testing.T) {
	t.Parallel()
	src, res := demoSnapshot(t)
	if res.Period != "2021-H1" || res.Events == 0 || res.Figures == 0 || res.Fingerprint == "" {
		t.Fatalf("export result %+v", res)
	}
	man, scopes := manifestFigures(t, res.Path)
	if man.Format != exchange.FormatSnapshot || man.Period != "2021-H1" || len(scopes) != 9 || man.Events != res.Events {
		t.Fatalf("manifest %+v, %d scopes", man, len(scopes))
	}

	// The source's figures, from its own ledger as of the cutoff.
	at, err := events.ParseRecordedAt(res.Cutoff)
	if err != nil {
		t.Fatal(err)
	}
	view, err := projections.OpenAsOf(context.Background(), src.db, at, projections.All()...)
	if err != nil {
		t.Fatal(err)
	}
	defer view.Close()
	p, _ := projections.ParsePeriod("2021-H1")
	for _, s := range scopes {
		want, err := projections.Figures(context.Background(), view.DB(), p, s.Scope)
		if err != nil {
			t.Fatal(err)
		}
		if fmt.Sprint(want) != fmt.Sprint(s.Figures) {
			t.Errorf("scope %q: the manifest's figures differ from the source's", s.Scope)
		}
	}
	if got := projections.FigureMap(scopes[0].Figures)["classplans.executed.classes"]; got != 260 {
		t.Errorf("cluster executed classes in the manifest = %v, want 260", got)
	}

	// Another PC: a fresh ledger in another directory.
	dst := newSandbox(t)
	dst.ok("init")
	before, srcBefore := fileSum(t, res.Path), src.stats().Events
	r := dst.ok("verify", res.Path, "--fingerprint", res.Fingerprint)
	for _, want := range []string{"KẾT LUẬN: ĐẠT", "khớp hết", res.Fingerprint, "kỳ 2021-H1"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("verify output lacks %q:\n%s", want, r.stdout)
		}
	}
	var check struct {
		OK         bool `json:"ok"`
		Compared   int  `json:"compared"`
		Mismatches []any
		Chains     struct{ OK bool }
	}
	decode(t, dst.ok("verify", res.Path, "--fingerprint", res.Fingerprint, "--json").stdout, &check)
	if !check.OK || check.Compared != res.Figures || len(check.Mismatches) != 0 || !check.Chains.OK {
		t.Errorf("verify --json: %+v, want %d figures compared", check, res.Figures)
	}
	if fileSum(t, res.Path) != before || src.stats().Events != srcBefore || dst.stats().Events != 0 {
		t.Error("verifying changed the snapshot or a ledger")
	}
}

// The signer: the key is in the manifest, so the signature alone proves
// the file is as its key signed it, not whose key it is. Unknown to the
// verifying ledger and no fingerprint compared: exit 1 with the fingerprint
// to compare by phone; registered (KeyRegistered) here: exit 0; another key
// registered for that installation, or another fingerprint given: exit 1.
func TestSnapshotSigner(t *testing.T) {
	t.Parallel()
	_, res := demoSnapshot(t)
	man, _ := manifestFigures(t, res.Path)
	dst := newSandbox(t)
	dst.ok("init")

	r := dst.expect(1, "verify", res.Path)
	for _, want := range []string{"NGƯỜI KÝ: CHƯA XÁC MINH", "--fingerprint " + res.Fingerprint, "khớp hết", "KHÔNG ĐẠT"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("unknown signer: output lacks %q:\n%s", want, r.stdout)
		}
	}
	r = dst.expect(1, "verify", res.Path, "--fingerprint", "0000-1111-2222-3333-4444")
	if !strings.Contains(r.stdout, "không phải 0000-1111-2222-3333-4444") {
		t.Errorf("wrong fingerprint given:\n%s", r.stdout)
	}

	other, _, _ := ed25519.GenerateKey(rand.Reader)
	register := func(s *sandbox, pub ed25519.PublicKey) {
		s.ok("key", "add", "--school", "sonla", "--origin", man.Creator, "--public-key", events.EncodeKey(pub),
			"--fingerprint", events.Fingerprint(pub))
	}
	wrong := newSandbox(t)
	register(wrong, other)
	r = wrong.expect(1, "verify", res.Path)
	if !strings.Contains(r.stdout, "khóa ký KHÁC khóa mà sổ cái này đã đăng ký") {
		t.Errorf("another key registered:\n%s", r.stdout)
	}

	pub, err := events.DecodeKey("public_key", man.PublicKey)
	if err != nil {
		t.Fatal(err)
	}
	known := newSandbox(t)
	register(known, pub)
	r = known.ok("verify", res.Path)
	if !strings.Contains(r.stdout, "NGƯỜI KÝ: ĐÃ XÁC MINH") || !strings.Contains(r.stdout, "KẾT LUẬN: ĐẠT") {
		t.Errorf("registered key:\n%s", r.stdout)
	}
}

// rewriteFile changes a copy of a file with SQL, as a forger would.
func rewriteFile(t *testing.T, src, name string, stmts ...string) string {
	t.Helper()
	b, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	dst := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(dst, b, 0o644); err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite3", dst)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, s := range stmts {
		if _, err := db.Exec(s); err != nil {
			t.Fatal(s, err)
		}
	}
	return dst
}

// Every damaged, forged or foreign file is refused by socai verify with exit
// 1 and a message that says what is wrong; neither the file nor the
// verifying ledger changes.
func TestSnapshotBadFiles(t *testing.T) {
	t.Parallel()
	src, res := demoSnapshot(t)
	good := res.Path
	dir := t.TempDir()
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	whole, err := os.ReadFile(good)
	if err != nil {
		t.Fatal(err)
	}
	corrupted := append([]byte(nil), whole...)
	for i := len(corrupted) / 2; i < len(corrupted)/2+4096; i++ {
		corrupted[i] ^= 0x5a
	}
	big := filepath.Join(dir, "lon.socai")
	if f, err := os.Create(big); err != nil {
		t.Fatal(err)
	} else {
		f.Close()
	}
	if err := os.Truncate(big, 700<<20); err != nil { // sparse: nothing is written
		t.Fatal(err)
	}
	// A forger changes a figure and signs again with their own key: the
	// signature is valid, the figure does not follow from the events.
	forged := filepath.Join(dir, "gia.socai")
	{
		f, err := exchange.Open(context.Background(), good, exchange.OpenOptions{})
		if err != nil {
			t.Fatal(err)
		}
		m := f.Manifest
		m.Figures = json.RawMessage(strings.Replace(string(m.Figures),
			`"key":"classplans.executed.classes","label":"thực hiện (lớp)","value":260`,
			`"key":"classplans.executed.classes","label":"thực hiện (lớp)","value":280`, 1))
		if string(m.Figures) == string(f.Manifest.Figures) {
			t.Fatal("the figure to forge is not in the manifest")
		}
		_, key, _ := ed25519.GenerateKey(rand.Reader)
		if _, err := exchange.Write(context.Background(), forged, m, func(fn func(events.Record) error) error { return f.Each(context.Background(), fn) }, key); err != nil {
			t.Fatal(err)
		}
		f.Close()
	}

	cases := []struct {
		name, path string
		args       []string
		want       string
	}{
		{"truncated", write("cut.socai", whole[:len(whole)/2]), nil, "bị cắt cụt"},
		{"corrupted", write("hong.socai", corrupted), nil, "hỏng"},
		{"missing signature", rewriteFile(t, good, "khong-ky.socai", "UPDATE manifest SET signature = ''"), nil, "không có chữ ký"},
		{"wrong signature", rewriteFile(t, good, "sua.socai",
			`UPDATE manifest SET json = replace(json, '"value":260', '"value":261')`), nil, "chữ ký của tệp"},
		{"figure forged and signed again", forged, []string{"--fingerprint", res.Fingerprint}, "classplans.executed.classes\tbản kê 280\ttính lại 260"},
		{"future schema version", rewriteFile(t, good, "moi.socai", "PRAGMA user_version = 9"), nil, "mới hơn phiên bản"},
		{"future event schema", rewriteFile(t, good, "su-kien-moi.socai", "DROP TRIGGER events_no_update",
			"UPDATE events SET schema_version = 7 WHERE seq = 10"), nil, "phiên bản"},
		{"unknown event type", rewriteFile(t, good, "la.socai", "DROP TRIGGER events_no_update",
			"UPDATE events SET type = 'ClusterDissolved' WHERE seq = 10"), nil, "ClusterDissolved"},
		{"a ledger, not a snapshot", src.db, nil, "không phải tệp socai"},
		{"a text file", write("ghi-chu.socai", []byte("Báo cáo sơ kết 6 tháng\n")), nil, "không phải tệp socai"},
		{"several hundred MB", big, nil, "quá giới hạn"},
	}
	dst := newSandbox(t)
	dst.ok("init")
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var sum [32]byte
			if c.path != big && exists(c.path) {
				sum = fileSum(t, c.path)
			}
			r := dst.expect(1, append([]string{"verify", c.path}, c.args...)...)
			if out := r.stdout + r.stderr; !strings.Contains(out, c.want) {
				t.Errorf("want %q in:\n%v", c.want, r)
			}
			if c.path != big && exists(c.path) && fileSum(t, c.path) != sum {
				t.Error("the file changed")
			}
		})
	}
	if r := dst.expect(2, "verify", filepath.Join(dir, "khong-co.socai")); !strings.Contains(r.stderr, "không có tệp") {
		t.Errorf("a missing file: %v", r)
	}
	if dst.stats().Events != 0 {
		t.Error("the verifying ledger changed")
	}
}

// Bad export requests are refused before anything is written.
func TestSnapshotExportRefusals(t *testing.T) {
	t.Parallel()
	s := newSandbox(t)
	s.ok("demo")
	out := filepath.Join(s.dir, "x.socai")
	for _, c := range []struct {
		code int
		args []string
		want string
	}{
		{2, []string{"--period", "2021-H3", "--out", out}, "không hợp lệ"},
		{2, []string{"--period", "2021-H1", "--as-of", "2999-01-01", "--out", out}, "chưa tới"},
		{2, []string{"--period", "2021-H1"}, "cách dùng"},
		{1, []string{"--period", "2021-H1", "--school", "hanoi", "--out", out}, "chưa được đăng ký"},
	} {
		r := s.expect(c.code, append([]string{"export", "snapshot"}, c.args...)...)
		if !strings.Contains(r.stderr, c.want) {
			t.Errorf("%v: want %q in %v", c.args, c.want, r)
		}
		if exists(out) {
			t.Fatalf("%v wrote %s", c.args, out)
		}
	}
	// One school: its figures only; as of a date before the demo: no event
	var one snapshotJSON
	decode(t, s.ok("export", "snapshot", "--period", "2021-H1", "--school", "sonla", "--out", out, "--json").stdout, &one)
	if _, scopes := manifestFigures(t, out); len(scopes) != 1 || scopes[0].Scope != "sonla" {
		t.Errorf("one school's snapshot has scopes %+v", scopes)
	}
}
