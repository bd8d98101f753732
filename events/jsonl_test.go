package events_test

import (
	"encoding/json"
	"errors"
	"strconv"
	"strings"
	"testing"

	"github.com/google/uuid"

	"socai/events"
)

// Import lines of the Sơn La school (Cụm thi đua miền núi biên giới phía Bắc).
const (
	jlCluster = `{"type":"ClusterFormed","stream":"cluster-mnbgpb","occurred_on":"2021-01-05","data":{"cluster_id":"mnbgpb","name":"Cụm thi đua các trường chính trị miền núi biên giới phía Bắc","region":"Miền núi phía Bắc"},"meta":{"actor":"Nguyễn Thị Hoa","source":"51-BC/CTĐ"}}`
	jlSchool  = `{"type":"SchoolRegistered","stream":"school-sonla","occurred_on":"2021-01-05","data":{"school_id":"sonla","name":"Trường Chính trị tỉnh Sơn La","province":"Sơn La","cluster_id":"mnbgpb"},"meta":{}}`
	jlOpened  = `{"id":"01890a5d-ac96-774b-bcce-b302099a8057","type":"ClassOpened","stream":"class-sonla-2021-001","occurred_on":"2021-03-01","data":{"class_id":"sonla-2021-001","school_id":"sonla","class_type":"tc-llct-hc","name":"Lớp Trung cấp LLCT-HC K45","students":62,"start_date":"2021-03-01","end_date":"2022-03-01","mode":"tap_trung"},"meta":{"actor":"Lò Văn Minh"}}`
)

func TestParseLineValid(t *testing.T) {
	stream, ev, err := events.ParseLine(events.Vocabulary, []byte(jlOpened), "mặc định")
	if err != nil {
		t.Fatal(err)
	}
	if stream != "class-sonla-2021-001" || ev.OccurredOn != "2021-03-01" || ev.Meta.Actor != "Lò Văn Minh" ||
		ev.ID != "01890a5d-ac96-774b-bcce-b302099a8057" {
		t.Fatalf("got %q %+v", stream, ev)
	}
	c, ok := ev.Data.(events.ClassOpened)
	if !ok || c.Students != 62 || c.Name != "Lớp Trung cấp LLCT-HC K45" {
		t.Fatalf("data %#v", ev.Data)
	}
	// A missing meta.actor is filled with the default actor.
	_, ev, err = events.ParseLine(events.Vocabulary, []byte(jlSchool), "Hoàng Văn An")
	if err != nil || ev.Meta.Actor != "Hoàng Văn An" {
		t.Fatalf("default actor: %v %+v", err, ev.Meta)
	}
	// Surrounding whitespace is fine.
	if _, _, err := events.ParseLine(events.Vocabulary, []byte("  "+jlCluster+" \t"), "x"); err != nil {
		t.Fatal(err)
	}
}

func TestParseLineErrorsNameTheField(t *testing.T) {
	school := func(repl ...string) string { return strings.NewReplacer(repl...).Replace(jlSchool) }
	cases := []struct {
		name, line, field, code string
	}{
		{"bad JSON", `{"type":"ClusterFormed",`, "", events.EINVALID},
		{"not an object", `[1,2]`, "", events.EINVALID},
		{"two objects", jlSchool + jlSchool, "", events.EINVALID},
		{"trailing brace", jlSchool + "}", "", events.EINVALID},
		{"missing type", school(`"type":"SchoolRegistered",`, ``), "type", events.EINVALID},
		{"missing stream", school(`"stream":"school-sonla",`, ``), "stream", events.EINVALID},
		{"bad stream", school(`"school-sonla"`, `"Sơn La"`), "stream", events.EINVALID},
		{"stream not a string", school(`"school-sonla"`, `42`), "stream", events.EINVALID},
		{"unknown type", school(`SchoolRegistered`, `SchoolOpened`), "type", events.EUNKNOWNTYPE},
		{"missing date", school(`"occurred_on":"2021-01-05",`, ``), "occurred_on", events.EINVALID},
		{"invalid date", school(`2021-01-05`, `2021-02-30`), "occurred_on", events.EINVALID},
		{"Vietnamese date", school(`2021-01-05`, `05/01/2021`), "occurred_on", events.EINVALID},
		{"missing data", school(`"data":{"school_id":"sonla","name":"Trường Chính trị tỉnh Sơn La","province":"Sơn La","cluster_id":"mnbgpb"},`, ``), "data", events.EINVALID},
		{"null data", school(`{"school_id":"sonla","name":"Trường Chính trị tỉnh Sơn La","province":"Sơn La","cluster_id":"mnbgpb"}`, `null`), "data", events.EINVALID},
		{"missing required field", school(`"province":"Sơn La",`, ``), "data.province", events.EINVALID},
		{"unknown data field", school(`"province":"Sơn La"`, `"province":"Sơn La","tinh":"Sơn La"`), "data.tinh", events.EINVALID},
		{"unknown top-level field", school(`"meta":{}`, `"meta":{},"ghi_chu":"x"`), "ghi_chu", events.EINVALID},
		{"wrong field type", strings.Replace(jlOpened, `"students":62`, `"students":"62"`, 1), "data.students", events.EINVALID},
		{"bad enum", strings.Replace(jlOpened, `tap_trung`, `tập trung`, 1), "data.mode", events.EINVALID},
		{"end before start", strings.Replace(jlOpened, `"end_date":"2022-03-01"`, `"end_date":"2020-03-01"`, 1), "data.end_date", events.EINVALID},
		{"blank actor", school(`"meta":{}`, `"meta":{"actor":"   "}`), "meta.actor", events.EINVALID},
		{"actor not a string", school(`"meta":{}`, `"meta":{"actor":7}`), "meta.actor", events.EINVALID},
		{"unknown meta field", school(`"meta":{}`, `"meta":{"nguoi_ghi":"Hoa"}`), "meta.nguoi_ghi", events.EINVALID},
		{"meta not an object", school(`"meta":{}`, `"meta":"Hoa"`), "meta", events.EINVALID},
		{"id not a UUID", strings.Replace(jlOpened, `01890a5d-ac96-774b-bcce-b302099a8057`, `lop-45`, 1), "id", events.EINVALID},
		{"id not a string", strings.Replace(jlOpened, `"01890a5d-ac96-774b-bcce-b302099a8057"`, `17`, 1), "id", events.EINVALID},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, _, err := events.ParseLine(events.Vocabulary, []byte(c.line), "tester")
			if err == nil {
				t.Fatalf("accepted %s", c.line)
			}
			var e *events.Error
			if !errors.As(err, &e) {
				t.Fatalf("not an *events.Error: %T %v", err, err)
			}
			if e.Field != c.field || e.Code != c.code {
				t.Fatalf("field %q code %q, want %q %q (%v)", e.Field, e.Code, c.field, c.code, err)
			}
			if e.Message == "" {
				t.Fatal("empty message")
			}
		})
	}
}

func TestParseLinesNumbersLinesAndSkipsBlanks(t *testing.T) {
	file := "\n" + jlCluster + "\r\n   \n" + jlSchool + "\n\n" + jlOpened + "\n"
	parsed, errs := events.ParseLines(events.Vocabulary, strings.NewReader(file), "tester", 50)
	if len(errs) != 0 {
		t.Fatalf("errors: %v", errs)
	}
	want := []struct {
		line   int
		stream string
	}{{2, "cluster-mnbgpb"}, {4, "school-sonla"}, {6, "class-sonla-2021-001"}}
	if len(parsed) != len(want) {
		t.Fatalf("parsed %d lines, want %d", len(parsed), len(want))
	}
	for i, w := range want {
		if parsed[i].Line != w.line || parsed[i].Stream != w.stream {
			t.Errorf("#%d: line %d stream %s, want %d %s", i, parsed[i].Line, parsed[i].Stream, w.line, w.stream)
		}
	}
	if parsed[1].Event.Meta.Actor != "tester" || parsed[0].Event.Meta.Actor != "Nguyễn Thị Hoa" {
		t.Errorf("actors %q %q", parsed[0].Event.Meta.Actor, parsed[1].Event.Meta.Actor)
	}
}

func TestParseLineNormalisesTheID(t *testing.T) {
	_, ev, err := events.ParseLine(events.Vocabulary, []byte(strings.Replace(jlOpened, "01890a5d-ac96-774b-bcce-b302099a8057", "01890A5D-AC96-774B-BCCE-B302099A8057", 1)), "x")
	if err != nil || ev.ID != "01890a5d-ac96-774b-bcce-b302099a8057" {
		t.Fatalf("id %q: %v", ev.ID, err)
	}
	// Two spellings of one id are one id.
	file := jlOpened + "\n" + strings.NewReplacer("01890a5d", "01890A5D", "class-sonla-2021-001", "class-sonla-2021-002").Replace(jlOpened)
	_, errs := events.ParseLines(events.Vocabulary, strings.NewReader(file), "x", 50)
	if len(errs) != 1 || errs[0].Line != 2 || events.ErrorCode(errs[0]) != events.EDUPLICATE {
		t.Fatalf("errors %v", errs)
	}
}

func TestParseLinesSkipsTheBOM(t *testing.T) {
	// Notepad on Windows saves UTF-8 with a byte order mark.
	file := "\ufeff" + jlCluster + "\r\n" + jlSchool + "\r\n"
	parsed, errs := events.ParseLines(events.Vocabulary, strings.NewReader(file), "x", 50)
	if len(errs) != 0 || len(parsed) != 2 {
		t.Fatalf("parsed %d, errors %v", len(parsed), errs)
	}
	// Only at the start of the file.
	_, errs = events.ParseLines(events.Vocabulary, strings.NewReader(jlCluster+"\n\ufeff"+jlSchool), "x", 50)
	if len(errs) != 1 || errs[0].Line != 2 {
		t.Fatalf("errors %v", errs)
	}
}

func TestParseLinesReportsEveryBadLine(t *testing.T) {
	bad := strings.Replace(jlSchool, `"province":"Sơn La",`, ``, 1)
	file := strings.Join([]string{jlCluster, bad, jlSchool, `{`, "", strings.Replace(jlSchool, "2021-01-05", "2021-13-01", 1)}, "\n")
	_, errs := events.ParseLines(events.Vocabulary, strings.NewReader(file), "tester", 50)
	got := []string{}
	for _, e := range errs {
		got = append(got, strconv.Itoa(e.Line)+":"+events.ErrorField(e))
	}
	if want := "2:data.province 4: 6:occurred_on"; strings.Join(got, " ") != want {
		t.Fatalf("got %v, want %s", got, want)
	}
	if !strings.HasPrefix(errs[0].Error(), "dòng 2: ") {
		t.Errorf("LineError text %q", errs[0].Error())
	}
	// max caps the report.
	_, errs = events.ParseLines(events.Vocabulary, strings.NewReader(strings.Repeat("{\n", 10)), "tester", 3)
	if len(errs) != 3 {
		t.Fatalf("%d errors with max 3", len(errs))
	}
}

func TestParseLinesRefusesDuplicateIDs(t *testing.T) {
	other := strings.Replace(jlOpened, "class-sonla-2021-001", "class-sonla-2021-002", 1)
	file := strings.Join([]string{jlOpened, jlSchool, other, other}, "\n")
	_, errs := events.ParseLines(events.Vocabulary, strings.NewReader(file), "tester", 50)
	if len(errs) != 2 {
		t.Fatalf("errors: %v", errs)
	}
	for i, wantLine := range []int{3, 4} {
		e := errs[i]
		if e.Line != wantLine || events.ErrorField(e) != "id" || events.ErrorCode(e) != events.EDUPLICATE {
			t.Errorf("line %d field %q code %q: %v", e.Line, events.ErrorField(e), events.ErrorCode(e), e)
		}
		if !strings.Contains(e.Error(), "dòng 1") {
			t.Errorf("line %d does not name the first line: %v", e.Line, e)
		}
	}
}

// FuzzParseLine: whatever a file holds, ParseLine never panics, and a line it
// accepts is an event the store can encode, on a named stream, at a real date.
func FuzzParseLine(f *testing.F) {
	for _, s := range []string{jlCluster, jlSchool, jlOpened, "", "{}", "null", `{"type":"ClassCompleted"}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, line []byte) {
		stream, ev, err := events.ParseLine(events.Vocabulary, line, "fuzz")
		if err != nil {
			if events.ErrorCode(err) == events.EINTERNAL {
				t.Fatalf("error without a code: %v", err)
			}
			return
		}
		if stream == "" {
			t.Fatal("accepted a line without a stream")
		}
		if !ev.OccurredOn.Valid() {
			t.Fatalf("accepted an invalid date %q", ev.OccurredOn)
		}
		if strings.TrimSpace(ev.Meta.Actor) == "" {
			t.Fatal("accepted a line without an actor")
		}
		if ev.ID != "" {
			if u, err := uuid.Parse(ev.ID); err != nil || u.String() != ev.ID {
				t.Fatalf("accepted id %q", ev.ID)
			}
		}
		typ, _, data, err := events.Vocabulary.Encode(ev.Data)
		if err != nil {
			t.Fatalf("accepted a line whose event does not encode: %v", err)
		}
		// What was accepted, written back as a line, reads back the same.
		again, err := json.Marshal(events.Line{Type: typ, Stream: stream, OccurredOn: ev.OccurredOn, Data: data, Meta: ev.Meta, ID: ev.ID})
		if err != nil {
			t.Fatal(err)
		}
		stream2, ev2, err := events.ParseLine(events.Vocabulary, again, "other")
		if err != nil {
			t.Fatalf("the line written back is refused: %v\n%s", err, again)
		}
		_, _, data2, _ := events.Vocabulary.Encode(ev2.Data)
		if stream2 != stream || ev2.ID != ev.ID || ev2.OccurredOn != ev.OccurredOn || ev2.Meta != ev.Meta || string(data2) != string(data) {
			t.Fatalf("round trip changed the event:\n%s\n%+v\n%+v", again, ev, ev2)
		}
	})
}
