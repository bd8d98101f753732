package cli_test

// These tests build the real socai binary once and run it as a user or a
// script would: arguments, environment, exit code, stdout and stderr. The
// JSON shapes they check are the contract documented in docs/cli.md.

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"sort"
	"strings"
	"syscall"
	"testing"
	"time"
)

var bin string // the socai binary under test

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "socai-cli-test-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	bin = filepath.Join(dir, "socai")
	if runtime.GOOS == "windows" {
		bin += ".exe"
	}
	build := exec.Command("go", "build", "-tags", "webkit2_41", "-o", bin, "socai")
	build.Dir = ".." // the module root
	if out, err := build.CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "go build socai: %v\n%s", err, out)
		os.RemoveAll(dir)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// sandbox is one test's world: its own database, config directory and home,
// and no SOCAI_* variable leaking from the machine running the tests.
type sandbox struct {
	t   *testing.T
	dir string
	db  string
	env map[string]string
}

func newSandbox(t *testing.T) *sandbox {
	t.Helper()
	dir := t.TempDir()
	s := &sandbox{t: t, dir: dir, db: filepath.Join(dir, "socai.db"), env: map[string]string{}}
	for _, kv := range os.Environ() {
		k, v, _ := strings.Cut(kv, "=")
		if strings.HasPrefix(k, "SOCAI_") {
			continue
		}
		s.env[k] = v
	}
	// Never touch the real user's configuration directory.
	s.env["HOME"] = filepath.Join(dir, "home")
	s.env["XDG_CONFIG_HOME"] = filepath.Join(dir, "config")
	s.env["AppData"] = filepath.Join(dir, "appdata")
	return s
}

type result struct {
	code           int
	stdout, stderr string
}

func (r result) String() string {
	return fmt.Sprintf("exit %d\nstdout:\n%s\nstderr:\n%s", r.code, r.stdout, r.stderr)
}

// exec runs socai with exactly args and the sandbox environment.
func (s *sandbox) exec(args ...string) result {
	s.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Dir = s.dir
	cmd.Env = s.environ()
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	r := result{stdout: stdout.String(), stderr: stderr.String()}
	if ee, ok := err.(*exec.ExitError); ok {
		r.code = ee.ExitCode()
	} else if err != nil {
		s.t.Fatalf("socai %v: %v", args, err)
	}
	return r
}

func (s *sandbox) environ() []string {
	env := make([]string, 0, len(s.env))
	for k, v := range s.env {
		env = append(env, k+"="+v)
	}
	return env
}

// run runs socai --db <sandbox db> args...
func (s *sandbox) run(args ...string) result {
	s.t.Helper()
	return s.exec(append([]string{"--db", s.db}, args...)...)
}

// ok runs socai --db <db> args... and fails the test unless it exits 0.
func (s *sandbox) ok(args ...string) result {
	s.t.Helper()
	r := s.run(args...)
	if r.code != 0 {
		s.t.Fatalf("socai %v: %v", args, r)
	}
	return r
}

// expect runs socai --db <db> args... and fails the test unless it exits with code.
func (s *sandbox) expect(code int, args ...string) result {
	s.t.Helper()
	r := s.run(args...)
	if r.code != code {
		s.t.Fatalf("socai %v: want exit %d, got %v", args, code, r)
	}
	return r
}

func (s *sandbox) file(name string, lines ...string) string {
	s.t.Helper()
	p := filepath.Join(s.dir, name)
	if err := os.WriteFile(p, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		s.t.Fatal(err)
	}
	return p
}

func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

// keys returns the sorted keys of a JSON object.
func keys(t *testing.T, raw []byte) []string {
	t.Helper()
	var m map[string]json.RawMessage
	if err := json.Unmarshal(raw, &m); err != nil {
		t.Fatalf("not a JSON object: %v\n%s", err, raw)
	}
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

func wantKeys(t *testing.T, what string, raw []byte, want ...string) {
	t.Helper()
	want = slices.Sorted(slices.Values(want)) // a copy: callers share their lists between parallel tests
	if got := keys(t, raw); strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("%s: keys %v, want %v\n%s", what, got, want, raw)
	}
}

func decode(t *testing.T, s string, v any) {
	t.Helper()
	if err := json.Unmarshal([]byte(s), v); err != nil {
		t.Fatalf("decode %T: %v\n%s", v, err, s)
	}
}

// The organisation and one class of the Sơn La school, as an import file.
var planLines = []string{
	`{"type":"ClusterFormed","stream":"cluster-mnbgpb","occurred_on":"2021-02-25","data":{"cluster_id":"mnbgpb","name":"Cụm thi đua các trường chính trị khu vực miền núi biên giới phía Bắc","region":"Miền núi biên giới phía Bắc"},"meta":{"source":"683-QĐ/HVCTQG"}}`,
	`{"type":"SchoolRegistered","stream":"school-sonla","occurred_on":"2021-02-25","data":{"school_id":"sonla","name":"Trường Chính trị tỉnh Sơn La","province":"Sơn La","cluster_id":"mnbgpb"},"meta":{"source":"683-QĐ/HVCTQG"}}`,
	``,
	`{"type":"SchoolRegistered","stream":"school-dienbien","occurred_on":"2021-02-25","data":{"school_id":"dienbien","name":"Trường Chính trị tỉnh Điện Biên","province":"Điện Biên","cluster_id":"mnbgpb"},"meta":{}}`,
	`{"type":"ClassTypeDefined","stream":"classtype-tc-llct-hc","occurred_on":"2021-01-04","data":{"class_type":"tc-llct-hc","name":"Trung cấp lý luận chính trị - hành chính","group":"dao_tao"},"meta":{}}`,
	`{"type":"TrainingTargetAssigned","stream":"school-sonla-2021","occurred_on":"2021-01-15","data":{"school_id":"sonla","year":2021,"classes":40,"students":2530},"meta":{"source":"Kế hoạch 04-KH/TCT"}}`,
	`{"type":"ClassOpened","stream":"class-sonla-2021-001","occurred_on":"2021-03-01","data":{"class_id":"sonla-2021-001","school_id":"sonla","class_type":"tc-llct-hc","name":"Lớp Trung cấp LLCT-HC huyện Mộc Châu K45","students":62,"start_date":"2021-03-01","end_date":"2021-12-30","mode":"tap_trung"},"meta":{"actor":"Lò Văn Minh"}}`,
	`{"type":"ClassEnrollmentChanged","stream":"class-sonla-2021-001","occurred_on":"2021-05-10","data":{"class_id":"sonla-2021-001","students":64},"meta":{"reason":"bổ sung 02 học viên"}}`,
	`{"type":"ClassCompleted","stream":"class-sonla-2021-001","occurred_on":"2021-12-30","data":{"class_id":"sonla-2021-001","end_date":"2021-12-30","graduates":63},"meta":{}}`,
}

const (
	planEvents  = 8
	planStreams = 6
	planClass   = "class-sonla-2021-001"
)

// stats is the JSON of socai stats --json.
type stats struct {
	DBPath  string `json:"db_path"`
	Origin  string `json:"origin"`
	Events  int64  `json:"events"`
	Streams int64  `json:"streams"`
	Origins int64  `json:"origins"`
	ByType  []struct {
		Type  string `json:"type"`
		Count int64  `json:"count"`
	} `json:"by_type"`
	Heads []head `json:"heads"`
}

type head struct {
	Origin    string `json:"origin"`
	OriginSeq int64  `json:"origin_seq"`
	Seq       int64  `json:"seq"`
	Hash      string `json:"hash"`
}

func (h head) digest() string { return fmt.Sprintf("%s:%d:%s", h.Origin, h.OriginSeq, h.Hash) }

func (s *sandbox) stats() stats {
	s.t.Helper()
	var st stats
	decode(s.t, s.ok("stats", "--json").stdout, &st)
	return st
}

// record is one line of socai log --json.
type record struct {
	Seq           int64           `json:"seq"`
	ID            string          `json:"id"`
	Origin        string          `json:"origin"`
	OriginSeq     int64           `json:"origin_seq"`
	Stream        string          `json:"stream"`
	Version       int64           `json:"version"`
	Type          string          `json:"type"`
	SchemaVersion int             `json:"schema_version"`
	OccurredOn    string          `json:"occurred_on"`
	RecordedAt    string          `json:"recorded_at"`
	Data          json.RawMessage `json:"data"`
	Meta          struct {
		Actor  string `json:"actor"`
		Reason string `json:"reason"`
		Source string `json:"source"`
	} `json:"meta"`
	PrevHash string `json:"prev_hash"`
	Hash     string `json:"hash"`
}

var recordKeys = []string{"seq", "id", "origin", "origin_seq", "stream", "version", "type", "schema_version",
	"occurred_on", "recorded_at", "data", "meta", "prev_hash", "hash"}

// log runs log --json with args and returns its records, checking that every
// line is one JSON object with exactly the contract's fields.
func (s *sandbox) log(args ...string) []record {
	s.t.Helper()
	out := s.ok(append([]string{"log", "--json"}, args...)...).stdout
	var recs []record
	for _, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		if line == "" {
			continue
		}
		wantKeys(s.t, "log record", []byte(line), recordKeys...)
		var r record
		decode(s.t, line, &r)
		recs = append(recs, r)
	}
	return recs
}

var (
	uuidPattern = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)
	hashPattern = regexp.MustCompile(`^[0-9a-f]{64}$`)
	genesis     = strings.Repeat("0", 64)
)

func TestInit(t *testing.T) {
	t.Parallel()
	s := newSandbox(t)
	s.db = filepath.Join(s.dir, "Sơn La", "dữ liệu", "socai.db") // directories are created
	r := s.ok("init")
	if !exists(s.db) {
		t.Fatalf("init did not create %s", s.db)
	}
	origin := regexp.MustCompile(`[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}`).FindString(r.stdout)
	if !uuidPattern.MatchString(origin) || !strings.Contains(r.stdout, "Đã tạo sổ cái") {
		t.Fatalf("init does not print the origin: %v", r)
	}
	// Idempotent: the same installation, nothing new.
	r = s.ok("init")
	if !strings.Contains(r.stdout, origin) || !strings.Contains(r.stdout, "đã có") {
		t.Fatalf("second init: %v", r)
	}
	var got struct {
		DBPath  string `json:"db_path"`
		Origin  string `json:"origin"`
		Created bool   `json:"created"`
	}
	out := s.ok("init", "--json").stdout
	wantKeys(t, "init --json", []byte(out), "db_path", "origin", "created")
	decode(t, out, &got)
	if got.Origin != origin || got.Created || got.DBPath != s.db {
		t.Fatalf("init --json on an existing ledger: %+v", got)
	}
	s.db = filepath.Join(s.dir, "khac.db")
	decode(t, s.ok("init", "--json").stdout, &got)
	if !got.Created || got.Origin == origin || !uuidPattern.MatchString(got.Origin) {
		t.Fatalf("init --json on a new ledger: %+v", got)
	}
	if st := s.stats(); st.Events != 0 || st.Heads == nil || len(st.Heads) != 0 || st.ByType == nil {
		t.Fatalf("stats of an empty ledger: %+v", st)
	}
}

func TestImportStatsLog(t *testing.T) {
	t.Parallel()
	s := newSandbox(t)
	s.ok("init")
	file := s.file("ke-hoach-2021.jsonl", planLines...)
	r := s.ok("--actor", "Cầm Thị Lan", "import", file)
	if !strings.Contains(r.stdout, fmt.Sprintf("Đã ghi %d sự kiện vào %d luồng (seq 1–%d)", planEvents, planStreams, planEvents)) {
		t.Fatalf("import output: %v", r)
	}

	st := s.stats()
	if st.Events != planEvents || st.Streams != planStreams || st.Origins != 1 || st.DBPath != s.db {
		t.Fatalf("stats: %+v", st)
	}
	counts := map[string]int64{}
	for _, tc := range st.ByType {
		counts[tc.Type] = tc.Count
	}
	want := map[string]int64{"ClusterFormed": 1, "SchoolRegistered": 2, "ClassTypeDefined": 1,
		"TrainingTargetAssigned": 1, "ClassOpened": 1, "ClassEnrollmentChanged": 1, "ClassCompleted": 1}
	if fmt.Sprint(counts) != fmt.Sprint(want) {
		t.Fatalf("by_type %v, want %v", counts, want)
	}
	if len(st.Heads) != 1 || st.Heads[0].Origin != st.Origin || st.Heads[0].OriginSeq != planEvents ||
		st.Heads[0].Seq != planEvents || !hashPattern.MatchString(st.Heads[0].Hash) {
		t.Fatalf("heads: %+v", st.Heads)
	}
	out := s.ok("stats", "--json").stdout
	wantKeys(t, "stats --json", []byte(out), "db_path", "origin", "events", "streams", "origins",
		"first_recorded_at", "last_recorded_at", "by_type", "heads")

	recs := s.log()
	if len(recs) != planEvents {
		t.Fatalf("log --json: %d records", len(recs))
	}
	versions := map[string]int64{}
	prev := genesis
	for i, r := range recs {
		versions[r.Stream]++
		switch {
		case r.Seq != int64(i+1) || r.OriginSeq != int64(i+1) || r.Origin != st.Origin:
			t.Errorf("record %d: seq %d origin %s:%d", i, r.Seq, r.Origin, r.OriginSeq)
		case r.Version != versions[r.Stream]:
			t.Errorf("record %d: version %d of %s, want %d", i, r.Version, r.Stream, versions[r.Stream])
		case !uuidPattern.MatchString(r.ID) || r.SchemaVersion != 1 || r.RecordedAt == "":
			t.Errorf("record %d: id %q schema %d recorded_at %q", i, r.ID, r.SchemaVersion, r.RecordedAt)
		case r.PrevHash != prev || !hashPattern.MatchString(r.Hash):
			t.Errorf("record %d: prev_hash %s hash %s, want prev %s", i, r.PrevHash, r.Hash, prev)
		}
		prev = r.Hash
	}
	if prev != st.Heads[0].Hash {
		t.Errorf("the last hash %s is not the head %s", prev, st.Heads[0].Hash)
	}
	if recs[1].Type != "SchoolRegistered" || recs[1].OccurredOn != "2021-02-25" || recs[1].Meta.Source != "683-QĐ/HVCTQG" ||
		!strings.Contains(string(recs[1].Data), `"name":"Trường Chính trị tỉnh Sơn La"`) {
		t.Errorf("record 2: %+v %s", recs[1], recs[1].Data)
	}
	if recs[6].Meta.Reason != "bổ sung 02 học viên" || !strings.Contains(string(recs[6].Data), `"students":64`) {
		t.Errorf("record 7: %+v %s", recs[6].Meta, recs[6].Data)
	}

	class := s.log("--stream", planClass)
	if len(class) != 3 || class[0].Type != "ClassOpened" || class[1].Type != "ClassEnrollmentChanged" ||
		class[2].Type != "ClassCompleted" || class[2].Version != 3 {
		t.Fatalf("log --stream %s: %+v", planClass, class)
	}
	if got := s.log("--stream", "class-khong-co"); len(got) != 0 {
		t.Fatalf("log of an unknown stream: %+v", got)
	}
	if got := s.log("--type", "SchoolRegistered"); len(got) != 2 || got[1].Stream != "school-dienbien" {
		t.Fatalf("log --type: %+v", got)
	}
	if got := s.log("--from", "6", "--limit", "2"); len(got) != 2 || got[0].Seq != 7 || got[1].Seq != 8 {
		t.Fatalf("log --from 6 --limit 2: %+v", got)
	}

	text := s.ok("log", "--stream", planClass).stdout
	lines := strings.Split(strings.TrimSpace(text), "\n")
	if len(lines) != 4 || !strings.HasPrefix(lines[0], "SEQ") || !strings.Contains(lines[1], "01/03/2021") ||
		!strings.Contains(lines[1], "ClassOpened") || !strings.Contains(lines[1], "Lò Văn Minh") ||
		!strings.Contains(lines[2], "Cầm Thị Lan") {
		t.Fatalf("log --stream (text):\n%s", text)
	}
	if text := s.ok("stats").stdout; !strings.Contains(text, "Sự kiện: 8, luồng: 6, chuỗi: 1") {
		t.Fatalf("stats (text):\n%s", text)
	}
}

func TestImportJSON(t *testing.T) {
	t.Parallel()
	s := newSandbox(t)
	// import creates the ledger when it does not exist yet.
	out := s.ok("import", "--json", s.file("a.jsonl", planLines...)).stdout
	wantKeys(t, "import --json", []byte(out), "imported", "streams", "first_seq", "last_seq", "errors")
	var got struct {
		Imported int   `json:"imported"`
		Streams  int   `json:"streams"`
		First    int64 `json:"first_seq"`
		Last     int64 `json:"last_seq"`
		Errors   []any `json:"errors"`
	}
	decode(t, out, &got)
	if got.Imported != planEvents || got.Streams != planStreams || got.First != 1 || got.Last != planEvents ||
		got.Errors == nil || len(got.Errors) != 0 {
		t.Fatalf("import --json: %s", out)
	}
	// A file saved by Windows Notepad: a byte order mark and CRLF line ends.
	notepad := filepath.Join(s.dir, "notepad.jsonl")
	if err := os.WriteFile(notepad, []byte("\ufeff"+planLines[1]+"\r\n"+planLines[3]+"\r\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	decode(t, s.ok("import", "--json", notepad).stdout, &got)
	if got.Imported != 2 || got.First != planEvents+1 {
		t.Fatalf("import of a Notepad file: %+v", got)
	}
	// A second file continues the chain.
	decode(t, s.ok("import", s.file("b.jsonl", planLines[1]), "--json").stdout, &got)
	if got.Imported != 1 || got.First != planEvents+3 || got.Last != planEvents+3 {
		t.Fatalf("second import --json: %+v", got)
	}
}

// importFailure is the JSON of a refused import.
type importFailure struct {
	Imported int `json:"imported"`
	Errors   []struct {
		Line    int    `json:"line"`
		Field   string `json:"field"`
		Code    string `json:"code"`
		Message string `json:"message"`
	} `json:"errors"`
}

func TestImportRefusesTheWholeFile(t *testing.T) {
	t.Parallel()
	s := newSandbox(t)
	s.ok("import", s.file("ke-hoach.jsonl", planLines...))
	before := s.stats()
	existing := s.log()[1].ID

	good := `{"type":"SchoolRegistered","stream":"school-laichau","occurred_on":"2021-02-25","data":{"school_id":"laichau","name":"Trường Chính trị tỉnh Lai Châu","province":"Lai Châu","cluster_id":"mnbgpb"},"meta":{}}`
	edit := func(old, new string) string {
		if !strings.Contains(good, old) {
			t.Fatalf("%q not in the line", old)
		}
		return strings.Replace(good, old, new, 1)
	}
	withID := func(id, stream string) string {
		return strings.Replace(edit(`"school-laichau"`, `"`+stream+`"`), `{`, `{"id":"`+id+`",`, 1)
	}
	const id = "01890a5d-ac96-774b-bcce-b302099a8057"
	cases := []struct {
		name  string
		lines []string // the bad line is the last one
		field string   // "" when the line has no field to name
		code  string
	}{
		{"bad JSON", []string{good, `{"type":"SchoolRegistered","stream":"school-laichau",`}, "", "invalid"},
		{"missing stream", []string{good, edit(`"stream":"school-laichau",`, ``)}, "stream", "invalid"},
		{"unknown type", []string{good, edit(`SchoolRegistered`, `TruongDangKy`)}, "type", "unknown_type"},
		{"wrong field type", []string{good, strings.Replace(planLines[5], `"students":2530`, `"students":"2530"`, 1)}, "data.students", "invalid"},
		{"duplicate id in the file", []string{withID(id, "school-a"), "", withID(id, "school-b")}, "id", "duplicate_id"},
		{"id already in the ledger", []string{good, withID(existing, "school-laichau")}, "id", "duplicate_id"},
		{"missing required field", []string{good, edit(`"province":"Lai Châu",`, ``)}, "data.province", "invalid"},
		{"invalid date", []string{good, edit(`2021-02-25`, `2021-02-29`)}, "occurred_on", "invalid"},
		{"unknown field", []string{good, edit(`"meta":{}`, `"meta":{},"ghi_chu":"x"`)}, "ghi_chu", "invalid"},
		{"unknown meta field", []string{good, edit(`"meta":{}`, `"meta":{"nguoi_ghi":"Hoa"}`)}, "meta.nguoi_ghi", "invalid"},
		{"id not a UUID", []string{good, withID("sonla-001", "school-d")}, "id", "invalid"},
		{"invalid stream name", []string{good, edit(`"school-laichau"`, `"Lai Châu"`)}, "stream", "invalid"},
	}
	for i, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			file := s.file(fmt.Sprintf("loi-%d.jsonl", i), c.lines...)
			line := len(c.lines)

			r := s.expect(1, "import", file)
			want := fmt.Sprintf("%s: dòng %d", file, line)
			if c.field != "" {
				want += ", trường " + c.field
			}
			if !strings.Contains(r.stderr, want) || !strings.Contains(r.stderr, "["+c.code+"]") ||
				!strings.Contains(r.stderr, "không ghi sự kiện nào") {
				t.Errorf("stderr does not say %q [%s]:\n%s", want, c.code, r.stderr)
			}

			r = s.expect(1, "import", "--json", file)
			wantKeys(t, "import --json (refused)", []byte(r.stdout), "imported", "errors")
			var f importFailure
			decode(t, r.stdout, &f)
			if f.Imported != 0 || len(f.Errors) != 1 {
				t.Fatalf("import --json: %s", r.stdout)
			}
			wantKeys(t, "import error", firstError(t, r.stdout), "line", "field", "code", "message")
			if e := f.Errors[0]; e.Line != line || e.Field != c.field || e.Code != c.code || e.Message == "" {
				t.Errorf("error %+v, want line %d field %q code %q", e, line, c.field, c.code)
			}

			if after := s.stats(); after.Events != before.Events || after.Heads[0] != before.Heads[0] {
				t.Fatalf("a refused file appended: %d events before, %d after", before.Events, after.Events)
			}
		})
	}

	t.Run("every bad line at once", func(t *testing.T) {
		file := s.file("nhieu-loi.jsonl", cases[1].lines[1], good, cases[7].lines[1], cases[3].lines[1])
		var f importFailure
		decode(t, s.expect(1, "import", "--json", file).stdout, &f)
		var got []string
		for _, e := range f.Errors {
			got = append(got, fmt.Sprintf("%d:%s", e.Line, e.Field))
		}
		if strings.Join(got, " ") != "1:stream 3:occurred_on 4:data.students" {
			t.Fatalf("errors %v", got)
		}
	})
	t.Run("empty file", func(t *testing.T) {
		s.expect(1, "import", s.file("trong.jsonl", "", "  "))
	})
	if after := s.stats(); after.Events != before.Events {
		t.Fatalf("refused files appended %d events", after.Events-before.Events)
	}
}

func firstError(t *testing.T, out string) []byte {
	t.Helper()
	var f struct{ Errors []json.RawMessage }
	decode(t, out, &f)
	return f.Errors[0]
}

func TestActorPrecedence(t *testing.T) {
	t.Parallel()
	me, err := user.Current()
	if err != nil || me.Username == "" {
		t.Skip("no OS user name")
	}
	line := func(n int, actor string) string {
		meta := `{}`
		if actor != "" {
			meta = `{"actor":"` + actor + `"}`
		}
		return fmt.Sprintf(`{"type":"ClusterFormed","stream":"cluster-c%03d","occurred_on":"2021-05-10","data":{"cluster_id":"c%03d","name":"Cụm %d","region":"Tây Bắc"},"meta":%s}`, n, n, n, meta)
	}
	s := newSandbox(t)
	file := s.file("a.jsonl", line(1, "Nguyễn Thị Hoa"), line(2, ""))

	type step struct {
		env  string   // SOCAI_ACTOR
		args []string // before the file
		want [2]string
	}
	steps := []step{
		{"Cầm Thị Lan", []string{"--actor", "Lò Văn Minh", "import"}, [2]string{"Nguyễn Thị Hoa", "Lò Văn Minh"}},
		{"Cầm Thị Lan", []string{"import", "--actor", "Lò Văn Minh"}, [2]string{"Nguyễn Thị Hoa", "Lò Văn Minh"}},
		{"Cầm Thị Lan", []string{"import"}, [2]string{"Nguyễn Thị Hoa", "Cầm Thị Lan"}},
		{"", []string{"import"}, [2]string{"Nguyễn Thị Hoa", me.Username}},
	}
	for i, st := range steps {
		if st.env != "" {
			s.env["SOCAI_ACTOR"] = st.env
		} else {
			delete(s.env, "SOCAI_ACTOR")
		}
		s.ok(append(st.args, file)...)
		recs := s.log("--from", fmt.Sprint(2*i))
		if len(recs) != 2 || recs[0].Meta.Actor != st.want[0] || recs[1].Meta.Actor != st.want[1] {
			t.Errorf("step %d (SOCAI_ACTOR=%q, %v): actors %q %q, want %q", i, st.env, st.args,
				recs[0].Meta.Actor, recs[1].Meta.Actor, st.want)
		}
	}
}

// verifyReport is the JSON of verify --json.
type verifyReport struct {
	OK       bool    `json:"ok"`
	Checked  int64   `json:"checked"`
	Origins  int     `json:"origins"`
	Heads    []head  `json:"heads"`
	Problems []issue `json:"problems"`
	First    *issue  `json:"first"`
	Verified string  `json:"verified_at"`
}

type issue struct {
	Seq       int64  `json:"seq"`
	Origin    string `json:"origin"`
	OriginSeq int64  `json:"origin_seq"`
	Kind      string `json:"kind"`
	Message   string `json:"message"`
}

func (s *sandbox) verify(code int, args ...string) verifyReport {
	s.t.Helper()
	out := s.expect(code, append([]string{"verify", "--json"}, args...)...).stdout
	wantKeys(s.t, "verify --json", []byte(out), "ok", "checked", "origins", "heads", "problems", "first", "verified_at")
	var rep verifyReport
	decode(s.t, out, &rep)
	if rep.OK != (code == 0) || rep.OK != (len(rep.Problems) == 0) || rep.OK != (rep.First == nil) ||
		rep.Problems == nil || rep.Verified == "" {
		s.t.Fatalf("verify --json %v: inconsistent report\n%s", args, out)
	}
	return rep
}

// copyDB copies a closed ledger, with its write-ahead log if one was left.
func copyDB(t *testing.T, from, to string) {
	t.Helper()
	for _, suffix := range []string{"", "-wal"} {
		b, err := os.ReadFile(from + suffix)
		if suffix != "" && os.IsNotExist(err) {
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(to+suffix, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestVerify(t *testing.T) {
	t.Parallel()
	s := newSandbox(t)
	s.ok("import", s.file("ke-hoach.jsonl", planLines...))
	st := s.stats()

	r := s.ok("verify")
	if !strings.Contains(r.stdout, "TOÀN VẸN") || !strings.Contains(r.stdout, st.Heads[0].digest()) {
		t.Fatalf("verify (text): %v", r)
	}
	rep := s.verify(0)
	if rep.Checked != planEvents || rep.Origins != 1 || len(rep.Heads) != 1 || rep.Heads[0] != st.Heads[0] {
		t.Fatalf("verify --json: %+v", rep)
	}

	t.Run("digest", func(t *testing.T) {
		h := st.Heads[0]
		s.verify(0, "--digest", h.digest())
		s.verify(0, "--digest", fmt.Sprintf("%s:%d:%s", h.Origin, h.OriginSeq, h.Hash[:8])) // a prefix is enough
		s.verify(0, "--digest", h.digest(), "--digest", fmt.Sprintf("%s:3:%s", h.Origin, s.log()[2].Hash))

		wrong := fmt.Sprintf("%s:%d:%s", h.Origin, h.OriginSeq, strings.Repeat("ab", 32))
		rep := s.verify(1, "--digest", wrong)
		if len(rep.Problems) != 1 || rep.First.Kind != "digest_mismatch" || rep.First.Seq != h.Seq ||
			rep.First.Origin != h.Origin || rep.First.OriginSeq != h.OriginSeq || rep.First.Message == "" {
			t.Fatalf("wrong digest: %+v", rep)
		}
		r := s.expect(1, "verify", "--digest", wrong)
		if !strings.Contains(r.stdout, "KHÔNG TOÀN VẸN") || !strings.Contains(r.stdout, "digest_mismatch") {
			t.Fatalf("wrong digest (text): %v", r)
		}
		// A position the ledger never had.
		rep = s.verify(1, "--digest", fmt.Sprintf("%s:%d:%s", h.Origin, 99, h.Hash))
		if rep.First.Kind != "digest_mismatch" || rep.First.OriginSeq != 99 {
			t.Fatalf("digest beyond the head: %+v", rep)
		}
		for _, bad := range []string{"", "abc", h.Origin + ":0:" + h.Hash, h.Origin + ":8:xyz", h.Origin + ":8:abc", "8:" + h.Hash} {
			if r := s.run("verify", "--digest", bad); r.code != 2 || !strings.Contains(r.stderr, "ORIGIN:SEQ:HASH") {
				t.Errorf("malformed digest %q: %v", bad, r)
			}
		}
	})

	t.Run("against a copy", func(t *testing.T) {
		cp := filepath.Join(s.dir, "ban-sao.db")
		copyDB(t, s.db, cp)
		s.verify(0, "--against", cp)
		r := s.expect(2, "verify", "--against", filepath.Join(s.dir, "khong-co.db"))
		if !strings.Contains(r.stderr, "--against") {
			t.Fatalf("--against a missing file: %v", r)
		}
		s.expect(2, "verify", "--against", s.file("khong-phai.db", "không phải SQLite"))
	})

	t.Run("fork", func(t *testing.T) {
		a := newSandbox(t)
		a.ok("import", a.file("chung.jsonl", planLines[:5]...))
		b := newSandbox(t)
		copyDB(t, a.db, b.db) // the same origin: a copy that goes on living
		a.ok("import", a.file("a.jsonl", planLines[5]))
		b.ok("import", b.file("b.jsonl", planLines[6]))
		origin := a.stats().Origin
		if b.stats().Origin != origin {
			t.Fatal("a file copy has another origin")
		}
		// Each copy is consistent on its own.
		a.verify(0)
		b.verify(0)
		for _, x := range []struct {
			s     *sandbox
			other string
		}{{a, b.db}, {b, a.db}} {
			rep := x.s.verify(1, "--against", x.other)
			if len(rep.Problems) != 1 || rep.First.Kind != "fork" || rep.First.Origin != origin ||
				rep.First.OriginSeq != 5 || rep.First.Seq != 5 || !strings.Contains(rep.First.Message, x.other) {
				t.Fatalf("fork: %+v", rep)
			}
			if r := x.s.expect(1, "verify", "--against", x.other); !strings.Contains(r.stdout, "fork") {
				t.Fatalf("fork (text): %v", r)
			}
		}
	})
}

func TestUsageErrors(t *testing.T) {
	t.Parallel()
	s := newSandbox(t)
	missing := filepath.Join(s.dir, "chua-co", "socai.db")
	cases := []struct {
		name string
		args []string
		say  string // in stderr
	}{
		{"no command", []string{"--db", missing}, ""},
		{"unknown command", []string{"--db", missing, "xoa"}, `"xoa"`},
		{"unknown global flag", []string{"--nope", "stats"}, "nope"},
		{"unknown command flag", []string{"--db", missing, "stats", "--nope"}, "nope"},
		{"flag without value", []string{"--db"}, "db"},
		{"import without file", []string{"--db", missing, "import"}, "socai import TỆP.jsonl"},
		{"import of two files", []string{"--db", missing, "import", "a.jsonl", "b.jsonl"}, "socai import TỆP.jsonl"},
		{"import of a missing file", []string{"--db", missing, "import", filepath.Join(s.dir, "khong-co.jsonl")}, "khong-co.jsonl"},
		{"log without ledger", []string{"--db", missing, "log"}, "init"},
		{"log --json without ledger", []string{"--db", missing, "log", "--json"}, "init"},
		{"stats without ledger", []string{"--db", missing, "stats", "--json"}, "init"},
		{"verify without ledger", []string{"--db", missing, "verify"}, "init"},
		{"log with an argument", []string{"--db", missing, "log", "class-1"}, "class-1"},
		{"verify with an argument", []string{"--db", missing, "verify", "x.db"}, "x.db"},
		{"stats with an argument", []string{"--db", missing, "stats", "x"}, `"x"`},
		{"init with an argument", []string{"--db", missing, "init", "x.db"}, "x.db"},
		{"version with an argument", []string{"version", "x"}, `"x"`},
		{"bad --limit", []string{"--db", missing, "log", "--limit", "mười"}, "limit"},
		{"serve on all interfaces", []string{"--db", missing, "serve", "--addr", "0.0.0.0:0"}, "loopback"},
		{"serve on a LAN address", []string{"--db", missing, "serve", "--addr", "192.168.1.10:8080"}, "loopback"},
		{"serve on a host name", []string{"--db", missing, "serve", "--addr", "example.org:80"}, "loopback"},
		{"serve without port", []string{"--db", missing, "serve", "--addr", "127.0.0.1"}, "--addr"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := s.exec(c.args...)
			if r.code != 2 {
				t.Fatalf("want exit 2: %v", r)
			}
			if c.say != "" && !strings.Contains(r.stderr, c.say) {
				t.Errorf("stderr does not mention %q: %v", c.say, r)
			}
			if exists(missing) || exists(filepath.Dir(missing)) {
				t.Fatalf("%v created the database", c.args)
			}
		})
	}
	t.Run("usage", func(t *testing.T) {
		r := s.exec("--db", missing)
		if !strings.Contains(r.stdout, "import") || !strings.Contains(r.stdout, "verify") {
			t.Errorf("no command does not print the usage: %v", r)
		}
		for _, args := range [][]string{{"help"}, {"-h"}, {"--help"}} {
			if r := s.exec(args...); r.code != 0 || !strings.Contains(r.stdout, "Mã thoát") {
				t.Errorf("%v: %v", args, r)
			}
		}
		// A command's own help lists its flags, and is not an error.
		for _, args := range [][]string{{"verify", "-h"}, {"--db", missing, "import", "--help"}} {
			if r := s.exec(args...); r.code != 0 || !strings.Contains(r.stdout, "-json") || !strings.Contains(r.stdout, "-db") {
				t.Errorf("%v: %v", args, r)
			}
		}
		if exists(missing) {
			t.Fatal("help created the database")
		}
	})
}

func TestVersion(t *testing.T) {
	t.Parallel()
	s := newSandbox(t)
	if r := s.exec("version"); r.code != 0 || !strings.HasPrefix(r.stdout, "socai ") {
		t.Fatalf("version: %v", r)
	}
	out := s.exec("version", "--json").stdout
	wantKeys(t, "version --json", []byte(out), "version", "go", "os", "event_types")
	var v struct {
		Version    string   `json:"version"`
		Go         string   `json:"go"`
		OS         string   `json:"os"`
		EventTypes []string `json:"event_types"`
	}
	decode(t, out, &v)
	if v.Version == "" || !strings.HasPrefix(v.Go, "go") || v.OS != runtime.GOOS+"/"+runtime.GOARCH ||
		!sort.StringsAreSorted(v.EventTypes) || !strings.Contains(strings.Join(v.EventTypes, " "), "ClassOpened") {
		t.Fatalf("version --json: %+v", v)
	}
	if exists(filepath.Join(s.env["XDG_CONFIG_HOME"], "socai")) {
		t.Fatal("version created a ledger")
	}
}

func TestDefaultDatabase(t *testing.T) {
	t.Parallel()
	s := newSandbox(t)
	var def string
	switch runtime.GOOS {
	case "windows":
		def = filepath.Join(s.env["AppData"], "socai", "socai.db")
	case "darwin", "ios":
		def = filepath.Join(s.env["HOME"], "Library", "Application Support", "socai", "socai.db")
	default:
		def = filepath.Join(s.env["XDG_CONFIG_HOME"], "socai", "socai.db")
	}
	initPath := func(args ...string) string {
		t.Helper()
		var got struct {
			DBPath string `json:"db_path"`
		}
		r := s.exec(append(args, "init", "--json")...)
		if r.code != 0 {
			t.Fatalf("init: %v", r)
		}
		decode(t, r.stdout, &got)
		return got.DBPath
	}

	if got := initPath(); got != def || !exists(def) {
		t.Fatalf("default ledger at %q, want %q", got, def)
	}
	env := filepath.Join(s.dir, "env", "socai.db")
	s.env["SOCAI_DB"] = env
	if got := initPath(); got != env || !exists(env) {
		t.Fatalf("SOCAI_DB: ledger at %q, want %q", got, env)
	}
	flag := filepath.Join(s.dir, "flag.db")
	if got := initPath("--db", flag); got != flag || !exists(flag) {
		t.Fatalf("--db over SOCAI_DB: ledger at %q, want %q", got, flag)
	}
	// The commands after init use the same precedence.
	s.exec("--db", flag, "import", s.file("a.jsonl", planLines[0]))
	var st stats
	decode(t, s.exec("stats", "--json").stdout, &st)
	if st.DBPath != env || st.Events != 0 {
		t.Fatalf("stats with SOCAI_DB read %s (%d events)", st.DBPath, st.Events)
	}
	decode(t, s.exec("stats", "--db", flag, "--json").stdout, &st) // --db after the command
	if st.DBPath != flag || st.Events != 1 {
		t.Fatalf("stats --db read %s (%d events)", st.DBPath, st.Events)
	}
}

func TestServe(t *testing.T) {
	t.Parallel()
	if runtime.GOOS == "windows" {
		t.Skip("SIGTERM")
	}
	s := newSandbox(t)
	s.ok("import", s.file("ke-hoach.jsonl", planLines...))

	cmd := exec.Command(bin, "--db", s.db, "serve", "--addr", "127.0.0.1:0")
	cmd.Env = s.environ()
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	stopped := false
	t.Cleanup(func() {
		if !stopped {
			cmd.Process.Kill()
			<-done
		}
	})
	first := make(chan string, 1)
	go func() {
		line, _ := bufio.NewReader(stdout).ReadString('\n')
		first <- line
		io.Copy(io.Discard, stdout)
		done <- cmd.Wait()
	}()
	var line string
	select {
	case line = <-first:
	case <-time.After(time.Minute):
		t.Fatalf("serve printed nothing; stderr: %s", stderr.String())
	}
	m := regexp.MustCompile(`^socai serve: (http://127\.0\.0\.1:[1-9][0-9]*)/\?token=([0-9a-f]{32})\n$`).FindStringSubmatch(line)
	if m == nil {
		t.Fatalf("serve printed %q; stderr: %s", line, stderr.String())
	}
	base, token := m[1], m[2]

	post := func(tok string) (*http.Response, []byte) {
		t.Helper()
		req, _ := http.NewRequest(http.MethodPost, base+"/api/LedgerService/Info", strings.NewReader(`[]`))
		if tok != "" {
			req.Header.Set("X-Socai-Token", tok)
		}
		req.Header.Set("Content-Type", "application/json")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		return resp, body
	}
	resp, body := post(token)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("Info: %s %s", resp.Status, body)
	}
	var info struct {
		DBPath string `json:"db_path"`
		Events int64  `json:"events"`
		Heads  []head `json:"heads"`
	}
	decode(t, string(body), &info)
	if info.Events != planEvents || info.DBPath != s.db || len(info.Heads) != 1 {
		t.Fatalf("Info: %s", body)
	}
	for _, tok := range []string{"", strings.Repeat("0", 32)} {
		if resp, body := post(tok); resp.StatusCode != http.StatusUnauthorized {
			t.Fatalf("Info with token %q: %s %s", tok, resp.Status, body)
		}
	}
	if resp, err := http.Get(base + "/"); err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("GET /: %v %v", resp, err)
	} else {
		resp.Body.Close()
	}

	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-done:
		stopped = true
		if err != nil {
			t.Fatalf("serve after SIGTERM: %v; stderr: %s", err, stderr.String())
		}
	case <-time.After(time.Minute):
		t.Fatal("serve did not stop on SIGTERM")
	}
}
