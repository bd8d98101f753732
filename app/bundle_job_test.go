package app_test

import (
	"context"
	"encoding/base64"
	"os"
	"reflect"
	"runtime"
	"strings"
	"testing"

	"socai/app"
)

// TestImportJob: the window's background import, uploaded as the browser
// does, reports its progress and summary; a cancelled import imports nothing.
func TestImportJob(t *testing.T) {
	c := newCluster(t)
	lead := copyLead(t, c)
	before := state(t, lead)

	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	sum, err := lead.ImportBundle(cancelled, c.bundles[0], nil)
	if err == nil || sum.Code != app.PhaseCancelled || sum.Imported != 0 {
		t.Fatalf("cancelled: %+v %v", sum, err)
	}
	if after := state(t, lead); !reflect.DeepEqual(after, before) {
		t.Fatal("a cancelled import changed the ledger")
	}

	b, err := os.ReadFile(c.bundles[0])
	if err != nil {
		t.Fatal(err)
	}
	if _, err := lead.Bundles.UploadAndImport("laichau.socai", base64.StdEncoding.EncodeToString(b)); err != nil {
		t.Fatal(err)
	}
	st := waitImport(lead)
	if st.Progress.Phase != app.PhaseDone || st.Summary == nil || st.Summary.Imported == 0 || st.Summary.File != "laichau.socai" {
		t.Fatalf("status %+v %+v", st, st.Summary)
	}
	if _, err := lead.Bundles.UploadAndImport("x.socai", "không phải base64"); err == nil {
		t.Fatal("bad base64 accepted")
	}

	// A refusal names the file as the user chose it, not the temp copy.
	before = state(t, lead)
	cut := b[:len(b)/2]
	if _, err := lead.Bundles.UploadAndImport("gói hỏng.socai", base64.StdEncoding.EncodeToString(cut)); err != nil {
		t.Fatal(err)
	}
	st = waitImport(lead)
	if st.Progress.Phase != app.PhaseRefused || st.Summary == nil || !strings.Contains(st.Summary.Reason, "tệp gói hỏng.socai ") ||
		strings.Contains(st.Summary.Reason, os.TempDir()) || st.Summary.File != "gói hỏng.socai" {
		t.Fatalf("refused upload: %+v", st.Summary)
	}
	if after := state(t, lead); !reflect.DeepEqual(after, before) {
		t.Fatal("a refused upload changed the ledger")
	}
}

func waitImport(a *app.App) app.ImportStatus {
	st := a.Bundles.ImportStatus()
	for st.Running {
		runtime.Gosched()
		st = a.Bundles.ImportStatus()
	}
	return st
}
