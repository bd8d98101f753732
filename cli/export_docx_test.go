package cli_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gomutex/godocx"
	"github.com/gomutex/godocx/wml/ctypes"
)

func paragraphText(children []ctypes.ParagraphChild) string {
	var b strings.Builder
	for _, c := range children {
		if c.Run != nil {
			for _, rc := range c.Run.Children {
				if rc.Text != nil {
					b.WriteString(rc.Text.Text)
				}
			}
		}
	}
	return b.String()
}

// socai export docx writes a report godocx opens, with the reference total;
// bad input is wrong usage (exit 2), an unwritable path fails (exit 1), and
// neither leaves a file behind.
func TestExportDocx(t *testing.T) {
	t.Parallel()
	s := newSandbox(t)
	s.ok("demo")
	out := filepath.Join(s.dir, "so-ket.docx")
	r := s.ok("export", "docx", "--kind", "so-ket", "--period", "2021-H1", "--out", out)
	if !strings.Contains(r.stdout, "Đã ghi báo cáo") {
		t.Errorf("stdout %q", r.stdout)
	}
	rd, err := godocx.OpenDocument(out)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, ch := range rd.Document.Body.Children {
		if ch.Table == nil {
			continue
		}
		for _, rc := range ch.Table.GetCT().RowContents {
			var cells []string
			for _, tc := range rc.Row.Contents {
				for _, b := range tc.Cell.Contents {
					if b.Paragraph != nil {
						cells = append(cells, paragraphText(b.Paragraph.Children))
					}
				}
			}
			if strings.Join(cells, "|") == "|Tổng cộng|323|20.399|147|9.852|113|6.330|260|16.182|80,5%" {
				found = true
			}
		}
	}
	if !found {
		t.Error("no class table with the reference total row")
	}

	bad := filepath.Join(s.dir, "bad.docx")
	for _, args := range [][]string{
		{"--kind", "bao-cao", "--period", "2021-H1"},
		{"--kind", "so-ket", "--period", "2021"},
		{"--kind", "tong-ket", "--period", "2021-H1"},
		{"--kind", "so-ket", "--period", "2021-H7"},
		{"--kind", "so-ket", "--period", "2021-H1", "--school", "khong-co"},
		{"--kind", "so-ket", "--period", "2021-H1", "--as-of", "mai"},
	} {
		r := s.expect(2, append(append([]string{"export", "docx"}, args...), "--out", bad)...)
		if !strings.Contains(r.stderr, "socai: ") || r.stderr == "" {
			t.Errorf("%v: stderr %q", args, r.stderr)
		}
		if exists(bad) {
			t.Fatalf("%v left %s behind", args, bad)
		}
	}
	if r := s.expect(2, "export", "docx", "--kind", "so-ket", "--period", "2021-H1"); !strings.Contains(r.stderr, "cách dùng") {
		t.Errorf("no --out: %q", r.stderr)
	}
	missing := filepath.Join(s.dir, "khong-co-thu-muc", "r.docx")
	r = s.expect(1, "export", "docx", "--kind", "so-ket", "--period", "2021-H1", "--out", missing)
	if !strings.Contains(r.stderr, "không ghi được tệp") {
		t.Errorf("unwritable: %q", r.stderr)
	}
	entries, _ := os.ReadDir(s.dir)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") && strings.Contains(e.Name(), ".docx") {
			t.Errorf("temporary file %s left behind", e.Name())
		}
	}
}
