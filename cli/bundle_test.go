package cli_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

type keyJSON struct {
	Origin      string `json:"origin"`
	PublicKey   string `json:"public_key"`
	Fingerprint string `json:"fingerprint"`
}

func showKey(t *testing.T, s *sandbox) keyJSON {
	t.Helper()
	var k keyJSON
	if err := json.Unmarshal([]byte(s.ok("key", "show", "--json").stdout), &k); err != nil {
		t.Fatal(err)
	}
	return k
}

func addKey(s *sandbox, school string, k keyJSON, fingerprint string) result {
	return s.run("key", "add", "--school", school, "--origin", k.Origin, "--public-key", k.PublicKey, "--fingerprint", fingerprint)
}

type summaryJSON struct {
	Events, Imported, Skipped int64
	Refused                   bool
	Code, Reason              string
	SchoolID                  string `json:"school_id"`
}

func importJSON(t *testing.T, s *sandbox, code int, file string) summaryJSON {
	t.Helper()
	r := s.expect(code, "bundle", "import", file, "--json")
	var sum summaryJSON
	if err := json.Unmarshal([]byte(r.stdout), &sum); err != nil {
		t.Fatalf("%v: %v", err, r)
	}
	return sum
}

// TestBundleCLI: the lead sends the cluster to a school, the school sends
// its class back; twice changes nothing; bad input is refused with exit 1.
func TestBundleCLI(t *testing.T) {
	lead, school := newSandbox(t), newSandbox(t)
	lead.ok("demo")
	lead.ok("key", "register", "--school", "sonla")
	leadKey := showKey(t, lead)
	leadFile := filepath.Join(lead.dir, "cum.socai")
	if r := lead.ok("bundle", "export", "--out", leadFile); !strings.Contains(r.stdout, "--since") {
		t.Fatalf("no cursor printed: %v", r)
	}

	school.ok("init")
	if r := addKey(school, "sonla", leadKey, "AAAA-BBBB-CCCC-DDDD-EEEE"); r.code != 1 || !strings.Contains(r.stderr, "dấu vân tay") {
		t.Fatalf("mismatched fingerprint: %v", r)
	}
	refused := importJSON(t, school, 1, leadFile)
	if refused.Code != "unknown_signer" || refused.Imported != 0 {
		t.Fatalf("unknown signer: %+v", refused)
	}
	if r := addKey(school, "sonla", leadKey, strings.ToLower(leadKey.Fingerprint)); r.code != 0 {
		t.Fatal(r)
	}
	sum := importJSON(t, school, 0, leadFile)
	if sum.Imported == 0 || sum.Imported != sum.Events || sum.SchoolID != "sonla" {
		t.Fatalf("lead's bundle: %+v", sum)
	}
	school.ok("key", "register", "--school", "laichau")
	jsonl := filepath.Join(school.dir, "lop.jsonl")
	os.WriteFile(jsonl, []byte(`{"type":"ClassOpened","stream":"class-lc-bundle-1","occurred_on":"2021-03-01","data":{"class_id":"lc-bundle-1","school_id":"laichau","class_type":"tc-llct-hc","name":"Lớp mới","students":40,"start_date":"2021-03-01","mode":"tap_trung"},"meta":{}}`+"\n"), 0o644)
	school.ok("import", jsonl)
	schoolFile := filepath.Join(school.dir, "laichau.socai")
	school.ok("bundle", "export", "--out", schoolFile)

	before := lead.ok("stats", "--json").stdout
	if r := lead.run("bundle", "import", schoolFile); r.code != 1 || !strings.Contains(r.stderr, "chưa được đăng ký khóa") {
		t.Fatalf("unknown signer at the lead: %v", r)
	}
	addKeyOK := addKey(lead, "laichau", showKey(t, school), showKey(t, school).Fingerprint)
	if addKeyOK.code != 0 {
		t.Fatal(addKeyOK)
	}
	r := lead.ok("bundle", "import", schoolFile)
	if !strings.Contains(r.stdout, "nhập 3") || !strings.Contains(r.stdout, "Lai Châu") {
		t.Fatalf("summary: %v", r)
	}
	again := importJSON(t, lead, 0, schoolFile)
	if again.Imported != 0 || again.Skipped != again.Events {
		t.Fatalf("twice: %+v", again)
	}
	after := lead.ok("stats", "--json").stdout
	if before == after {
		t.Fatal("nothing imported")
	}

	png := filepath.Join(lead.dir, "anh.png")
	os.WriteFile(png, []byte("\x89PNG\r\n\x1a\nkhông phải socai"), 0o644)
	if r := lead.run("bundle", "import", png); r.code != 1 || !strings.Contains(r.stderr, "không phải tệp socai") {
		t.Fatalf("png: %v", r)
	}
	if lead.ok("stats", "--json").stdout != after {
		t.Fatal("a refused import changed the ledger")
	}
	lead.expect(2, "bundle", "import")
	lead.expect(2, "bundle", "export")
	lead.expect(2, "bundle", "export", "--out", "x.socai", "--since", "-3")
	lead.expect(2, "key", "add", "--school", "x")
	lead.expect(2, "key")
	if r := lead.ok("key", "list"); !strings.Contains(r.stdout, "laichau") || !strings.Contains(r.stdout, "sonla") {
		t.Fatalf("key list: %v", r)
	}
}
