package cli_test

import (
	"bytes"
	"database/sql"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	_ "github.com/mattn/go-sqlite3"

	"socai/events"
)

// laterLines are recorded after the report: a second class of Sơn La.
var laterLines = []string{
	`{"type":"ClassOpened","stream":"class-sonla-2021-002","occurred_on":"2021-09-06","data":{"class_id":"sonla-2021-002","school_id":"sonla","class_type":"tc-llct-hc","name":"Lớp Trung cấp LLCT-HC huyện Sông Mã K46","students":58,"start_date":"2021-09-06","end_date":"2022-06-30","mode":"tap_trung"},"meta":{}}`,
	`{"type":"ClassEnrollmentChanged","stream":"class-sonla-2021-002","occurred_on":"2021-10-04","data":{"class_id":"sonla-2021-002","students":60},"meta":{}}`,
	`{"type":"ClassModeChanged","stream":"class-sonla-2021-002","occurred_on":"2021-11-01","data":{"class_id":"sonla-2021-002","mode":"truc_tuyen","reason":"Covid-19"},"meta":{}}`,
}

// A report's digest still verifies after later appends, and fails once the
// history before it is altered: the tamper cases of the event store
// (events/tamper_test.go), done to the file with SQLite as a tamperer
// would, each checked with socai verify --digest and the code the report
// printed. The last case rewrites the chain with recomputed hashes: only
// the printed code shows it.
func TestReportDigestVerifies(t *testing.T) {
	t.Parallel()
	base := newSandbox(t)
	base.ok("import", base.file("ke-hoach.jsonl", planLines...)) // seq 1–8
	var rep struct{ Digest digestJSON }
	decode(t, base.ok("report", "classplans", "--period", "2021", "--json").stdout, &rep)
	if len(rep.Digest.Codes) != 1 {
		t.Fatalf("report digest %+v", rep.Digest)
	}
	code := rep.Digest.Codes[0]
	if text := base.ok("report", "classplans", "--period", "2021").stdout; !strings.Contains(text, "Mã xác thực (đầu chuỗi khi lập báo cáo): "+code) {
		t.Fatalf("the printed report does not carry its code %s:\n%s", code, text)
	}
	var dg struct {
		digestJSON
		Text string
	}
	decode(t, base.ok("digest", "--json").stdout, &dg)
	if dg.Codes[0] != code || dg.Text != "socai:digest:"+dg.Full[0] {
		t.Fatalf("socai digest %+v, the report printed %s", dg, code)
	}
	base.ok("import", base.file("sau.jsonl", laterLines...)) // seq 9–11

	// After appends the code, short or full, alone or with another, or the QR text, still verifies.
	for _, c := range []string{code, dg.Full[0], dg.Text, code + "; " + base.stats().Heads[0].digest()} {
		r := base.ok("verify", "--digest", c)
		if !strings.Contains(r.stdout, "Sổ cái còn nguyên lịch sử đến mã này") || !strings.Contains(r.stdout, "3 sự kiện được ghi sau mã") &&
			!strings.Contains(r.stdout, "0 sự kiện được ghi sau mã") {
			t.Errorf("verify --digest %q after appends: %v", c, r)
		}
	}
	base.verify(0, "--digest", code)
	for _, bad := range []string{"", "socai:digest:", code + ";xyz"} {
		if r := base.run("verify", "--digest", bad); r.code != 2 || !strings.Contains(r.stderr, "ORIGIN:SEQ:HASH") {
			t.Errorf("malformed --digest %q: %v", bad, r)
		}
	}

	all := storedRecords(t, base.db)
	cases := []struct {
		name   string
		keep   bool // leave the triggers dropped
		sql    func() []string
		plain  int // exit code of verify without the digest
		before bool
	}{
		{name: "payload edited", plain: 1, before: true, sql: func() []string {
			return []string{`UPDATE events SET data = replace(data, '"students":64', '"students":46') WHERE seq = 7`}
		}},
		{name: "metadata edited", plain: 1, before: true, sql: func() []string {
			return []string{`UPDATE events SET meta = replace(meta, 'Lò Văn Minh', 'Người khác') WHERE seq = 6`}
		}},
		{name: "one event deleted", plain: 1, before: true, sql: func() []string { return []string{`DELETE FROM events WHERE seq = 5`} }},
		{name: "the event of the code deleted", plain: 1, before: true, sql: func() []string { return []string{`DELETE FROM events WHERE seq = 8`} }},
		{name: "two events swapped", plain: 1, before: true, sql: func() []string {
			return []string{`UPDATE events SET seq = -3 WHERE seq = 3`, `UPDATE events SET seq = 3 WHERE seq = 4`, `UPDATE events SET seq = 4 WHERE seq = -3`}
		}},
		{name: "one event inserted", plain: 1, before: true, sql: func() []string {
			prev := all[4]
			forged := prev
			forged.ID = "01890a5d-ac96-774b-bcce-b302099a9999"
			forged.OriginSeq, forged.Version, forged.Stream = 6, 1, "class-forged"
			forged.Data = []byte(`{"class_id":"forged","students":500}`)
			forged.PrevHash = prev.Hash
			forged.Hash = forged.ComputeHash()
			var q []string
			for seq := 11; seq >= 6; seq-- {
				q = append(q, `UPDATE events SET seq = seq + 1, origin_seq = origin_seq + 1 WHERE seq = `+events.Itoa(int64(seq)))
			}
			return append(q, `INSERT INTO events (seq, id, origin, origin_seq, stream, version, type, schema_version,
				occurred_on, recorded_at, data, meta, prev_hash, hash) VALUES (6, '`+forged.ID+`', '`+forged.Origin+`', 6,
				'class-forged', 1, '`+forged.Type+`', 1, '`+forged.OccurredOn+`', '`+forged.RecordedAt+`', '`+string(forged.Data)+`',
				'`+string(forged.Meta)+`', '`+forged.PrevHash+`', '`+forged.Hash+`')`)
		}},
		{name: "trigger dropped then row edited", keep: true, plain: 1, before: true, sql: func() []string {
			return []string{`UPDATE events SET occurred_on = '2020-12-31' WHERE seq = 7`}
		}},
		{name: "edited and its hash recomputed", plain: 1, before: true, sql: func() []string {
			r := all[4] // seq 5, the target of Sơn La
			r.Data = edited(t, r.Data)
			return []string{`UPDATE events SET data = '` + string(r.Data) + `', hash = '` + r.ComputeHash() + `' WHERE seq = 5`}
		}},
		{name: "chain rewritten with recomputed hashes", plain: 0, before: true, sql: func() []string {
			prev := all[3].Hash
			var q []string
			for i := 4; i < len(all); i++ {
				r := all[i]
				if i == 4 {
					r.Data = edited(t, r.Data)
				}
				r.PrevHash = prev
				r.Hash = r.ComputeHash()
				prev = r.Hash
				q = append(q, `UPDATE events SET data = '`+string(r.Data)+`', prev_hash = '`+r.PrevHash+`', hash = '`+r.Hash+`' WHERE seq = `+events.Itoa(r.Seq))
			}
			return q
		}},
		{name: "only an event after the code edited", plain: 1, before: false, sql: func() []string {
			return []string{`UPDATE events SET data = replace(data, '"students":60', '"students":70') WHERE seq = 10`}
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			s := newSandbox(t)
			copyDB(t, base.db, s.db)
			s.verify(0, "--digest", code)
			tamperFile(t, s.db, c.keep, c.sql()...)
			s.verify(c.plain)
			rep := s.verify(1, "--digest", code)
			r := s.expect(1, "verify", "--digest", code)
			switch {
			case c.before && !strings.Contains(r.stdout, "MÃ XÁC THỰC: Lịch sử trước mã này đã bị thay đổi"):
				t.Errorf("the code does not say the history before it changed: %v", r)
			case !c.before && !strings.Contains(r.stdout, "MÃ XÁC THỰC: Sổ cái còn nguyên lịch sử đến mã này, nhưng phần ghi sau mã có vấn đề"):
				t.Errorf("a change after the code: %v", r)
			}
			if c.plain == 0 && (len(rep.Problems) != 1 || rep.First.Kind != "digest_mismatch") {
				t.Errorf("a rewritten chain is shown by the code alone: %+v", rep.Problems)
			}
		})
	}
}

// edited is the target of Sơn La with 1.000 more students.
func edited(t *testing.T, data []byte) []byte {
	t.Helper()
	out := strings.Replace(string(data), `"students":2530`, `"students":3530`, 1)
	if out == string(data) {
		t.Fatalf("not the target of Sơn La: %s", data)
	}
	return []byte(out)
}

// storedRecords reads every event of a closed ledger exactly as stored, for a tamperer's hashes.
func storedRecords(t *testing.T, path string) []events.Record {
	t.Helper()
	db, err := sql.Open("sqlite3", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.Query(`SELECT ` + events.RecordColumns + ` FROM events ORDER BY seq`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []events.Record
	for rows.Next() {
		r, err := events.ScanRecord(rows)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, r)
	}
	return out
}

// tamperFile edits a closed ledger as someone with an SQLite tool would:
// drops the append-only triggers, runs stmts, and puts the triggers back
// unless keepDropped.
func tamperFile(t *testing.T, path string, keepDropped bool, stmts ...string) {
	t.Helper()
	db, err := sql.Open("sqlite3", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	all := append([]string{`DROP TRIGGER events_no_update`, `DROP TRIGGER events_no_delete`}, stmts...)
	if !keepDropped {
		all = append(all,
			`CREATE TRIGGER events_no_update BEFORE UPDATE ON events BEGIN SELECT RAISE(ABORT, 'socai: events are append-only (UPDATE refused)'); END`,
			`CREATE TRIGGER events_no_delete BEFORE DELETE ON events BEGIN SELECT RAISE(ABORT, 'socai: events are append-only (DELETE refused)'); END`)
	}
	for _, q := range all {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
}

// socai digest --qr writes a PNG of the QR code; on an empty ledger there is none.
func TestDigestQR(t *testing.T) {
	t.Parallel()
	s := newSandbox(t)
	s.ok("init")
	if r := s.expect(1, "digest", "--qr", filepath.Join(s.dir, "qr.png")); !strings.Contains(r.stderr, "chưa có") {
		t.Errorf("QR of an empty ledger: %v", r)
	}
	s.ok("import", s.file("ke-hoach.jsonl", planLines...))
	path := filepath.Join(s.dir, "qr.png")
	r := s.ok("digest", "--qr", path)
	if !strings.Contains(r.stdout, "Đã ghi mã QR") || !strings.Contains(r.stdout, s.stats().Heads[0].digest()) {
		t.Errorf("digest --qr: %v", r)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil || img.Bounds().Dx() != 256 || img.Bounds().Dy() != 256 {
		t.Fatalf("the QR file is not a 256×256 PNG: %v", err)
	}
	var old struct{ Codes []string }
	decode(t, s.ok("digest", "--as-of", "2020-01-01", "--json").stdout, &old)
	if len(old.Codes) != 0 {
		t.Errorf("as of 2020 the ledger had no head: %v", old.Codes)
	}
	s.expect(2, "digest", "--as-of", "hôm qua")
	s.expect(2, "digest", "x")
}
