// Package docxreport writes the sơ kết (6-month) and tổng kết (year)
// report of a school or of the cluster as a DOCX laid out as a Party
// document (Hướng dẫn 36-HD/VPTW): A4, Times New Roman 14, margins 20/15
// mm top/right, 20 mm bottom, 30 mm left, the header block, sections
// I–III as the reference report has them, tables, "Nơi nhận" and the
// signature block, and the digest of the data in the footer.
//
// The document body, tables, styles and section properties are written
// with github.com/gomutex/godocx (MIT). That library has no footer part and
// its vertical cell merge writes a revision mark instead of w:vMerge: the
// footer (digest text, QR image, page numbers — footer.go) and the vMerge
// flag are the only OOXML written by hand here.
package docxreport

import (
	"bytes"

	"github.com/gomutex/godocx"
	"github.com/gomutex/godocx/docx"
	"github.com/gomutex/godocx/wml/ctypes"
	"github.com/gomutex/godocx/wml/stypes"
)

// Page geometry in twentieths of a point (twips): A4, margins of Nghị
// định 30/2020 for administrative documents.
const (
	pageWidth  = 11906 // 210 mm
	pageHeight = 16838 // 297 mm
	marginTop  = 1134  // 20 mm
	marginBot  = 1134  // 20 mm
	marginLeft = 1701  // 30 mm
	marginRigh = 850   // 15 mm
	textWidth  = pageWidth - marginLeft - marginRigh
	// Font is the typeface of every run; BodySize the body size in points.
	Font     = "Times New Roman"
	BodySize = 14
)

// doc wraps the godocx document with the few paragraph shapes a Party
// report uses.
type doc struct {
	rd *docx.RootDoc
}

func newDoc() (*doc, error) {
	rd, err := godocx.NewDocument()
	if err != nil {
		return nil, err
	}
	setDefaults(rd)
	return &doc{rd: rd}, nil
}

// setDefaults makes Times New Roman 14 with 6 pt after each paragraph the
// document default, replacing the template's theme fonts.
func setDefaults(rd *docx.RootDoc) {
	size := uint64(BodySize * 2)
	after, line := uint64(120), 276
	auto := stypes.LineSpacingRuleAuto
	rd.DocStyles.DocDefaults = &ctypes.DocDefault{
		RunProp: &ctypes.RunPropDefault{RunProp: &ctypes.RunProperty{
			Fonts: &ctypes.RunFonts{Ascii: Font, HAnsi: Font, EastAsia: Font, CS: Font},
			Size:  ctypes.NewFontSize(size), SizeCs: ctypes.NewFontSizeCS(size),
			Lang: &ctypes.Lang{Val: strPtr("vi-VN")},
		}},
		ParaProp: &ctypes.ParaPropDefault{ParaProp: &ctypes.ParagraphProp{
			Spacing: &ctypes.Spacing{After: &after, Line: &line, LineRule: &auto},
		}},
	}
}

func strPtr(s string) *string { return &s }

// span is a piece of text with its emphasis.
type span struct {
	text         string
	bold, italic bool
	size         uint64 // points; 0 the default
	underline    bool
}

func plain(s string) span  { return span{text: s} }
func bold(s string) span   { return span{text: s, bold: true} }
func italic(s string) span { return span{text: s, italic: true} }

// fill writes spans into paragraph p.
func fill(p *docx.Paragraph, spans ...span) {
	for _, s := range spans {
		r := p.AddText(s.text)
		if s.bold {
			r.Bold(true)
		}
		if s.italic {
			r.Italic(true)
		}
		if s.size != 0 {
			r.Size(s.size)
		}
		if s.underline {
			r.Underline(stypes.UnderlineSingle)
		}
	}
}

// para adds a body paragraph: justified, first line indented 1 cm as
// Vietnamese administrative text is.
func (d *doc) para(spans ...span) *docx.Paragraph {
	p := d.rd.AddEmptyParagraph()
	p.Justification(stypes.JustificationBoth)
	first := uint64(1 * 567)
	p.Indent(&ctypes.Indent{FirstLine: &first})
	fill(p, spans...)
	return p
}

// heading adds a section heading (I-, 1-, 1.1-): bold, justified, indented
// like the text.
func (d *doc) heading(text string, emph bool) {
	p := d.para(span{text: text, bold: true, italic: emph})
	p.Spacing(120, 120)
}

// centre adds a centred paragraph.
func (d *doc) centre(spans ...span) *docx.Paragraph {
	p := d.rd.AddEmptyParagraph()
	p.Justification(stypes.JustificationCenter)
	p.Spacing(0, 0)
	fill(p, spans...)
	return p
}

// bytes writes the document.
func (d *doc) bytes() ([]byte, error) {
	var b bytes.Buffer
	if err := d.rd.Write(&b); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// section sets A4, the margins and the footer reference.
func (d *doc) section(footerRel string) {
	w, h := uint64(pageWidth), uint64(pageHeight)
	top, bot, left, right := marginTop, marginBot, marginLeft, marginRigh
	header, footer, gutter := 567, 454, 0 // 10 mm, 8 mm
	d.rd.Document.Body.SectPr = &ctypes.SectionProp{
		PageSize:   &ctypes.PageSize{Width: &w, Height: &h},
		PageMargin: &ctypes.PageMargin{Top: &top, Bottom: &bot, Left: &left, Right: &right, Header: &header, Footer: &footer, Gutter: &gutter},
	}
	if footerRel != "" {
		d.rd.Document.Body.SectPr.FooterReference = &ctypes.FooterReference{Type: stypes.HdrFtrDefault, ID: footerRel}
	}
}
