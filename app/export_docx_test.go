package app_test

// The report as DOCX: read back with godocx (not by searching the zip),
// the reference figures in the right cells and sentences, A4, Times New
// Roman, the digest in the footer; bad requests refused. Rendered with
// LibreOffice to PDF and PNG (scripts/deps.sh installs it; without it the
// test fails rather than pass unchecked).

import (
	"encoding/base64"
	"encoding/xml"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/gomutex/godocx"
	"github.com/gomutex/godocx/docx"
	"github.com/gomutex/godocx/wml/ctypes"

	"socai/app"
	"socai/events"
)

func paraText(p *ctypes.Paragraph) string {
	var b strings.Builder
	for _, c := range p.Children {
		if c.Run == nil {
			continue
		}
		for _, rc := range c.Run.Children {
			if rc.Text != nil {
				b.WriteString(rc.Text.Text)
			}
		}
	}
	return b.String()
}

// readDocx opens the DOCX with godocx and gives its paragraphs and its
// tables as rows of cell texts.
func readDocx(t *testing.T, body []byte) (*docx.RootDoc, []string, [][][]string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "r.docx")
	if err := os.WriteFile(path, body, 0o644); err != nil {
		t.Fatal(err)
	}
	rd, err := godocx.OpenDocument(path)
	if err != nil {
		t.Fatalf("godocx cannot open the report: %v", err)
	}
	var paras []string
	var tables [][][]string
	for _, ch := range rd.Document.Body.Children {
		if ch.Para != nil {
			paras = append(paras, paraText(ch.Para.GetCT()))
		}
		if ch.Table != nil {
			var rows [][]string
			for _, rc := range ch.Table.GetCT().RowContents {
				var cells []string
				for _, tc := range rc.Row.Contents {
					var texts []string
					for _, b := range tc.Cell.Contents {
						if b.Paragraph != nil {
							texts = append(texts, paraText(b.Paragraph))
						}
					}
					cells = append(cells, strings.Join(texts, "\n"))
				}
				rows = append(rows, cells)
			}
			tables = append(tables, rows)
		}
	}
	return rd, paras, tables
}

// rowOf finds the row of a table whose second cell is name.
func rowOf(tables [][][]string, first, name string) []string {
	for _, tb := range tables {
		if len(tb) == 0 || len(tb[0]) < 2 || tb[0][1] != first {
			continue
		}
		for _, r := range tb {
			if len(r) > 1 && r[1] == name {
				return r
			}
		}
	}
	return nil
}

func hasPara(paras []string, sub string) bool {
	for _, p := range paras {
		if strings.Contains(p, sub) {
			return true
		}
	}
	return false
}

func TestReportDocxReferenceFigures(t *testing.T) {
	a := openApp(t)
	if _, err := a.LoadDemo(ctx); err != nil {
		t.Fatal(err)
	}
	f, err := a.Export.DocxFile(app.DocxRequest{Kind: "so-ket", Period: "2021-H1"})
	if err != nil {
		t.Fatal(err)
	}
	if f.Name != "so-ket-cum-2021-H1.docx" || f.MIME != app.MIMEDocx {
		t.Errorf("file %q %q", f.Name, f.MIME)
	}
	body, err := base64.StdEncoding.DecodeString(f.Content)
	if err != nil {
		t.Fatal(err)
	}
	rd, paras, tables := readDocx(t, body)

	for _, want := range []string{
		"ĐẢNG CỘNG SẢN VIỆT NAM", "BÁO CÁO", "sơ kết công tác 6 tháng đầu năm 2021,",
		"thực hiện được tổng số 260 lớp với 16.182 học viên so với kế hoạch được giao là: 323 lớp/20.399 học viên",
		"+ Số lớp từ kỳ trước chuyển sang: 147 lớp/9.852 học viên.",
		"+ Số lớp mở mới trong 6 tháng đầu năm 2021: 113 lớp/6.330 học viên.",
		"đã cử 86 lượt viên chức", "- Cao học: 12 viên chức.", "- Bồi dưỡng chuyên môn, nghiệp vụ: 39 viên chức.",
		"triển khai được 83 đề tài", "04 đề tài, đề án cấp bộ/tỉnh", "64 đề tài, đề án cấp cơ sở", "15 đề tài, đề án cấp khoa/phòng",
		"có 07/08 trường phát hành Bản tin", "09 số bản tin với tổng số 175 tin, bài viết", "có 08/08 trường đã có Website",
		"III- PHƯƠNG HƯỚNG, NHIỆM VỤ 6 THÁNG CUỐI NĂM 2021",
	} {
		if !hasPara(paras, want) && !inTables(tables, want) {
			t.Errorf("the report does not say %q", want)
		}
	}
	// Table 1, by school: the total row.
	total := rowOf(tables, "Trường", "Tổng cộng")
	want := []string{"", "Tổng cộng", "323", "20.399", "147", "9.852", "113", "6.330", "260", "16.182", "80,5%"}
	if strings.Join(total, "|") != strings.Join(want, "|") {
		t.Errorf("class table total row = %q, want %q", total, want)
	}
	if r := rowOf(tables, "Chương trình", "Tổng cộng"); len(r) < 3 || r[2] != "86" {
		t.Errorf("staff table total = %q", r)
	}
	if r := rowOf(tables, "Cấp", "Tổng cộng"); len(r) < 6 || r[5] != "83" {
		t.Errorf("research table total = %q", r)
	}
	if r := rowOf(tables, "Trường", "Tổng cộng"); r == nil {
		t.Error("no school table")
	}
	var pubs []string
	for _, tb := range tables {
		if len(tb) > 0 && len(tb[0]) == 8 && tb[0][5] == "Số bản tin" {
			pubs = tb[len(tb)-1]
		}
	}
	if len(pubs) != 8 || pubs[5] != "9" || pubs[6] != "175" || pubs[7] != "08/08" {
		t.Errorf("publications total row = %q", pubs)
	}

	// Page: A4, margins of Nghị định 30; font Times New Roman 14.
	sp := rd.Document.Body.SectPr
	if sp == nil || sp.PageSize == nil || *sp.PageSize.Width != 11906 || *sp.PageSize.Height != 16838 {
		t.Fatalf("page size is not A4: %+v", sp)
	}
	if m := sp.PageMargin; *m.Left < 1701 || *m.Right < 850 || *m.Top < 1134 || *m.Bottom < 1134 {
		t.Errorf("margins %d/%d/%d/%d", *m.Top, *m.Right, *m.Bottom, *m.Left)
	}
	rp := rd.DocStyles.DocDefaults.RunProp.RunProp
	if rp.Fonts.Ascii != "Times New Roman" || rp.Fonts.HAnsi != "Times New Roman" || rp.Size.Value != 28 {
		t.Errorf("default font %+v size %v", rp.Fonts, rp.Size)
	}

	// Footer: the section refers to it, it carries the digest now.
	if sp.FooterReference == nil {
		t.Fatal("no footer reference")
	}
	var target string
	for _, rel := range rd.Document.DocRels.Relationships {
		if rel.ID == sp.FooterReference.ID {
			target = rel.Target
		}
	}
	raw, ok := rd.FileMap.Load("word/" + target)
	if !ok || target == "" {
		t.Fatalf("footer part %q missing", target)
	}
	footer := footerText(t, raw.([]byte))
	digest, _, err := a.ReportDigest(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, code := range append(digest.Codes, digest.Full...) {
		if !strings.Contains(footer, code) {
			t.Errorf("footer lacks digest %s: %q", code, footer)
		}
	}
	if _, ok := rd.FileMap.Load("word/media/digest-qr.png"); !ok {
		t.Error("no QR image in the package")
	}
	render(t, body, "so-ket-cum-2021-H1")
}

// footerText is the text of a footer part (godocx reads no footers).
func footerText(t *testing.T, raw []byte) string {
	var b strings.Builder
	dec := xml.NewDecoder(strings.NewReader(string(raw)))
	inText := false
	for {
		tok, err := dec.Token()
		if err != nil {
			break
		}
		switch x := tok.(type) {
		case xml.StartElement:
			inText = x.Name.Local == "t"
		case xml.EndElement:
			inText = false
		case xml.CharData:
			if inText {
				b.Write(x)
			}
		}
	}
	return b.String()
}

func TestReportDocxSchoolAndYear(t *testing.T) {
	a := openApp(t)
	if _, err := a.LoadDemo(ctx); err != nil {
		t.Fatal(err)
	}
	school := firstSchool(t, a)
	_, body, err := a.ReportDocx(ctx, app.DocxRequest{Kind: "tong-ket", Period: "2021", School: school}, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	_, paras, tables := readDocx(t, body)
	for _, want := range []string{"tổng kết công tác năm 2021,", "II- KẾT QUẢ THỰC HIỆN NĂM 2021", "4- Công tác thi đua, khen thưởng", "T/M BAN GIÁM HIỆU"} {
		if !hasPara(paras, want) && !inTables(tables, want) {
			t.Errorf("school year report lacks %q", want)
		}
	}
	render(t, body, "tong-ket-"+school+"-2021")
}

func inTables(tables [][][]string, s string) bool {
	for _, tb := range tables {
		for _, r := range tb {
			for _, c := range r {
				if strings.Contains(c, s) {
					return true
				}
			}
		}
	}
	return false
}

func firstSchool(t *testing.T, a *app.App) string {
	var id string
	if err := a.DB().QueryRow(`SELECT school_id FROM proj_schools ORDER BY rowid LIMIT 1`).Scan(&id); err != nil {
		t.Fatal(err)
	}
	return id
}

func TestReportDocxRefusals(t *testing.T) {
	a := openApp(t)
	if _, err := a.LoadDemo(ctx); err != nil {
		t.Fatal(err)
	}
	before := eventCount(t, a)
	for _, c := range []struct {
		req  app.DocxRequest
		code string
	}{
		{app.DocxRequest{Kind: "bao-cao", Period: "2021-H1"}, events.EINVALID},
		{app.DocxRequest{Kind: "so-ket", Period: "2021-13"}, events.EINVALID},
		{app.DocxRequest{Kind: "so-ket", Period: "2021"}, events.EINVALID},
		{app.DocxRequest{Kind: "tong-ket", Period: "2021-H2"}, events.EINVALID},
		{app.DocxRequest{Kind: "so-ket", Period: "2021-H1", AsOf: "hôm qua"}, events.EINVALID},
		{app.DocxRequest{Kind: "so-ket", Period: "2021-H1", School: "khong-co"}, app.EUnknownSchool},
	} {
		_, err := a.Export.DocxFile(c.req)
		if events.ErrorCode(err) != c.code || !hasVietnamese(err.Error()) {
			t.Errorf("%+v: %v (code %s), want %s with a Vietnamese message", c.req, err, events.ErrorCode(err), c.code)
		}
	}
	if _, err := a.Export.SaveDocx(app.DocxRequest{Kind: "so-ket", Period: "2021-H1"}); events.ErrorCode(err) != app.EUnavailable {
		t.Errorf("save dialog outside the window: %v", err)
	}
	if eventCount(t, a) != before {
		t.Error("a refused export changed the ledger")
	}
}

// render converts the DOCX to PDF and PNG pages with LibreOffice and
// poppler (scripts/deps.sh installs both); the pages go to
// SOCAI_SCREENSHOTS when set (make screenshots), to look at.
func render(t *testing.T, body []byte, name string) {
	t.Helper()
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Fatal("soffice (LibreOffice) is not installed, so the report's pages cannot be checked: run scripts/deps.sh (make deps)")
	}
	dir := t.TempDir()
	src := filepath.Join(dir, name+".docx")
	if err := os.WriteFile(src, body, 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(soffice, "-env:UserInstallation=file://"+filepath.Join(dir, "lo"), "--headless", "--convert-to", "pdf", "--outdir", dir, src)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("LibreOffice cannot convert the report: %v\n%s", err, out)
	}
	pdf := filepath.Join(dir, name+".pdf")
	info, err := exec.Command("pdfinfo", pdf).Output()
	if err != nil {
		t.Fatalf("pdfinfo: %v", err)
	}
	if !strings.Contains(string(info), "(A4)") {
		t.Errorf("PDF is not A4:\n%s", info)
	}
	if !strings.Contains(mustRun(t, "pdffonts", pdf), "TimesNewRoman") && !strings.Contains(mustRun(t, "pdffonts", pdf), "LiberationSerif") {
		t.Errorf("PDF does not use Times New Roman (or its metric twin Liberation Serif)")
	}
	text := mustRun(t, "pdftotext", "-layout", pdf, "-")
	if !strings.Contains(text, "ĐẢNG CỘNG SẢN VIỆT NAM") || !strings.Contains(text, "Nơi nhận:") {
		t.Errorf("rendered text lacks the header or Nơi nhận:\n%.600s", text)
	}
	out := os.Getenv("SOCAI_SCREENSHOTS")
	if out == "" {
		out = dir
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		t.Fatal(err)
	}
	mustRun(t, "pdftoppm", "-r", "80", "-png", pdf, filepath.Join(out, name+"-p"))
}

func mustRun(t *testing.T, name string, args ...string) string {
	t.Helper()
	out, err := exec.Command(name, args...).Output()
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return string(out)
}
