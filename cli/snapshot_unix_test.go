//go:build unix

package cli_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// A ledger its user cannot write (another user's file, read-only) has no
// snapshots, and socai snapshot says so without failing. Run as root, the
// test runs socai as the user nobody, for whom root's files are read-only.
func TestSnapshotReadOnlyLedger(t *testing.T) {
	t.Parallel()
	s := newSandbox(t)
	s.ok("import", s.file("lop.jsonl", classLines(10)...))

	dir, err := os.MkdirTemp("", "socai-chi-doc-")
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(dir)
	ledger, prog := filepath.Join(dir, "socai.db"), filepath.Join(dir, "socai")
	copyFile(t, s.db, ledger, 0o644)
	copyFile(t, bin, prog, 0o755)
	var cred *syscall.Credential
	if os.Geteuid() == 0 {
		cred = &syscall.Credential{Uid: 65534, Gid: 65534}
		os.Chmod(dir, 0o755)
	} else {
		os.Chmod(ledger, 0o444)
		os.Chmod(dir, 0o555)
		defer os.Chmod(dir, 0o755)
	}
	run := func(args ...string) (int, string) {
		t.Helper()
		cmd := exec.Command(prog, append([]string{"--db", ledger, "snapshot"}, args...)...)
		cmd.Env = append(s.environ(), "HOME="+dir)
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: cred}
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &out
		err := cmd.Run()
		if ee, ok := err.(*exec.ExitError); ok {
			return ee.ExitCode(), out.String()
		} else if err != nil {
			t.Fatal(err)
		}
		return 0, out.String()
	}
	if code, out := run(); code != 0 || !strings.Contains(out, "Không lưu được ảnh chụp: sổ cái chỉ đọc") {
		t.Errorf("exit %d:\n%s", code, out)
	}
	if code, out := run("--json"); code != 0 || !strings.Contains(out, `"disabled": "sổ cái chỉ đọc`) {
		t.Errorf("exit %d:\n%s", code, out)
	}
	if code, out := run("--list"); code != 0 || !strings.Contains(out, "Chưa có ảnh chụp nào") {
		t.Errorf("exit %d:\n%s", code, out)
	}
	if exists(ledger + ".snapshots") {
		t.Error("a snapshot folder was made beside a read-only ledger")
	}
}

func copyFile(t *testing.T, from, to string, mode os.FileMode) {
	t.Helper()
	data, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, data, mode); err != nil {
		t.Fatal(err)
	}
	os.Chmod(to, mode)
}
