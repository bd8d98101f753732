package cli_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// snapshotList is the JSON of socai snapshot [--list] --json.
type snapshotList struct {
	DBPath string `json:"db_path"`
	Dir    string `json:"dir"`
	Policy struct {
		Every int64 `json:"every"`
		Keep  int   `json:"keep"`
	} `json:"policy"`
	Head      int64          `json:"head"`
	Disabled  string         `json:"disabled"`
	Created   []snapshotInfo `json:"created"`
	Removed   []snapshotInfo `json:"removed"`
	Snapshots []snapshotInfo `json:"snapshots"`
}

type snapshotInfo struct {
	Seq        int64  `json:"seq"`
	Kind       string `json:"kind"`
	RecordedAt string `json:"recorded_at"`
	File       string `json:"file"`
	Bytes      int64  `json:"bytes"`
	Problem    string `json:"problem"`
}

// classLines are n classes of the plan's school, one event each.
func classLines(n int) []string {
	lines := append([]string{}, planLines...)
	for i := 0; i < n; i++ {
		lines = append(lines, fmt.Sprintf(`{"type":"ClassOpened","stream":"class-k%d","occurred_on":"2021-04-01","data":{"class_id":"k%d","school_id":"sonla","class_type":"tc-llct-hc","name":"Lớp %d","students":40,"start_date":"2021-04-01","end_date":"2021-12-30","mode":"tap_trung"},"meta":{}}`, i, i, i))
	}
	return lines
}

// An import that crosses 4.000 events leaves a snapshot when the ledger
// closes; socai snapshot lists it, makes it again when it is gone, and
// reports --as-of give the same figures with it.
func TestSnapshotCommand(t *testing.T) {
	t.Parallel()
	s := newSandbox(t)
	dir := s.db + ".snapshots"
	if r := s.expect(2, "snapshot"); !strings.Contains(r.stderr, "init") {
		t.Errorf("no ledger: %v", r)
	}
	s.ok("init")
	if r := s.ok("snapshot"); !strings.Contains(r.stdout, "Chưa có ảnh chụp nào") || exists(dir) {
		t.Errorf("an empty ledger: %v (folder made: %v)", r, exists(dir))
	}
	s.ok("import", s.file("lop.jsonl", classLines(4000)...))
	if !exists(filepath.Join(dir, "4000.db")) {
		t.Fatalf("the import of 4.008 events left no snapshot at 4.000: %v", s.ok("snapshot", "--list"))
	}

	var list snapshotList
	out := s.ok("snapshot", "--list", "--json").stdout
	wantKeys(t, "snapshot --list --json", []byte(out), "db_path", "dir", "policy", "snapshots")
	decode(t, out, &list)
	if list.Dir != dir || list.Policy.Every != 4000 || list.Policy.Keep != 25 || len(list.Snapshots) != 1 {
		t.Fatalf("list: %+v", list)
	}
	if sn := list.Snapshots[0]; sn.Seq != 4000 || sn.Kind != "regular" || sn.Problem != "" || sn.Bytes <= 0 ||
		sn.File != filepath.Join(dir, "4000.db") || sn.RecordedAt == "" {
		t.Errorf("snapshot: %+v", sn)
	}

	type count struct{ Classes, Students int64 }
	var now, then struct {
		Total struct{ Executed count }
	}
	decode(t, s.ok("report", "classplans", "--period", "2021", "--json").stdout, &now)
	decode(t, s.ok("report", "classplans", "--period", "2021", "--as-of", "2999-12-31", "--json").stdout, &then)
	if now.Total.Executed != (count{4001, 4000*40 + 64}) || then != now {
		t.Errorf("now %+v, as of 2999 %+v", now, then)
	}

	os.Remove(filepath.Join(dir, "4000.db"))
	out = s.ok("snapshot", "--json").stdout
	wantKeys(t, "snapshot --json", []byte(out), "db_path", "dir", "policy", "head", "disabled", "created", "removed", "snapshots")
	decode(t, out, &list)
	if list.Head != 4008 || list.Disabled != "" || len(list.Created) != 1 || list.Created[0].Seq != 4000 || len(list.Snapshots) != 1 {
		t.Errorf("snapshot --json: %+v", list)
	}
	if r := s.ok("snapshot"); !strings.Contains(r.stdout, "Đã tạo 0, đã xóa 0") || !strings.Contains(r.stdout, "dùng được") {
		t.Errorf("up to date: %v", r)
	}

	// A snapshot of another ledger put in its place is listed as unusable,
	// then removed and made again.
	other := newSandbox(t)
	other.ok("import", other.file("lop.jsonl", classLines(4000)...))
	data, err := os.ReadFile(filepath.Join(other.db+".snapshots", "4000.db"))
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "4000.db"), data, 0o644)
	if r := s.ok("snapshot", "--list"); !strings.Contains(r.stdout, "không dùng: sự kiện seq 4000 của sổ cái đã khác") {
		t.Errorf("a foreign snapshot: %v", r)
	}
	decode(t, s.ok("snapshot", "--json").stdout, &list)
	if len(list.Removed) != 1 || len(list.Created) != 1 || list.Snapshots[0].Problem != "" {
		t.Errorf("the foreign snapshot was not replaced: %+v", list)
	}
}

func TestSnapshotUsage(t *testing.T) {
	t.Parallel()
	s := newSandbox(t)
	s.ok("init")
	for _, args := range [][]string{{"snapshot", "thừa"}, {"snapshot", "--nope"}, {"snapshot", "--list=có"}} {
		s.expect(2, args...)
	}
	notLedger := s.file("khong-phai.db", "đây không phải sổ cái")
	r := s.exec("--db", notLedger, "snapshot")
	if r.code != 1 || !strings.Contains(r.stderr, "mở sổ cái") {
		t.Errorf("a file that is not a ledger: %v", r)
	}
	if exists(notLedger + ".snapshots") {
		t.Error("a folder was made beside a file that is not a ledger")
	}
}
