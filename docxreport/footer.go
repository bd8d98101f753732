package docxreport

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"strings"

	"github.com/gomutex/godocx/docx"
)

// The footer is written by hand: godocx has no footer part. It is one
// borderless row: the QR code of the digest on the left, the digest as
// short codes and in full, the as-of moment and "Trang X/Y" on the right.

const (
	footerPart  = "word/footer1.xml"
	footerRels  = "word/_rels/footer1.xml.rels"
	qrPart      = "word/media/digest-qr.png"
	relFooter   = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer"
	relImage    = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"
	ctFooter    = "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"
	qrEMU       = 648000 // 18 mm
	footerSize  = 16     // half-points: 8 pt
	footerWidth = textWidth
)

// Footer is what the footer of every page says.
type Footer struct {
	Lines []string // the text lines above the page number
	QR    []byte   // PNG of the digest's QR code, nil for none
}

// addFooter puts the footer part (and its QR image) in the package and
// returns the relationship id the section refers to.
func (d *doc) addFooter(f Footer) (string, error) {
	var rels bytes.Buffer
	rels.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
		`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`)
	if f.QR != nil {
		fmt.Fprintf(&rels, `<Relationship Id="rIdQR" Type="%s" Target="media/digest-qr.png"/>`, relImage)
		d.rd.FileMap.Store(qrPart, f.QR)
		_ = d.rd.ContentType.AddExtension("png", "image/png") // present already is fine
	}
	rels.WriteString(`</Relationships>`)
	d.rd.FileMap.Store(footerRels, rels.Bytes())
	d.rd.FileMap.Store(footerPart, footerXML(f))
	if err := d.rd.ContentType.AddOverride("/"+footerPart, ctFooter); err != nil {
		return "", err
	}
	id := fmt.Sprintf("rId%d", d.rd.Document.IncRelationID())
	d.rd.Document.DocRels.Relationships = append(d.rd.Document.DocRels.Relationships,
		&docx.Relationship{ID: id, Type: relFooter, Target: "footer1.xml"})
	return id, nil
}

func esc(s string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(s))
	return b.String()
}

// run is one footer run of text in Times New Roman 8 pt.
func run(text string) string {
	return fmt.Sprintf(`<w:r><w:rPr><w:rFonts w:ascii="%[1]s" w:hAnsi="%[1]s" w:cs="%[1]s"/><w:sz w:val="%[2]d"/><w:szCs w:val="%[2]d"/></w:rPr><w:t xml:space="preserve">%[3]s</w:t></w:r>`,
		Font, footerSize, esc(text))
}

// field is a simple field (PAGE, NUMPAGES) in the footer's font.
func field(instr string) string {
	return fmt.Sprintf(`<w:fldSimple w:instr=" %s "><w:r><w:rPr><w:rFonts w:ascii="%[2]s" w:hAnsi="%[2]s"/><w:sz w:val="%[3]d"/></w:rPr><w:t>1</w:t></w:r></w:fldSimple>`,
		instr, Font, footerSize)
}

func fpara(jc string, body string) string {
	return `<w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/><w:jc w:val="` + jc + `"/></w:pPr>` + body + `</w:p>`
}

func footerXML(f Footer) []byte {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
		`<w:ftr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ` +
		`xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ` +
		`xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" ` +
		`xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" ` +
		`xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture">`)
	qrWidth := 0
	if f.QR != nil {
		qrWidth = 1247 // 22 mm
	}
	fmt.Fprintf(&b, `<w:tbl><w:tblPr><w:tblW w:w="%d" w:type="dxa"/><w:tblLayout w:type="fixed"/>`+
		`<w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="000000"/></w:tblBorders>`+
		`<w:tblCellMar><w:left w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tblCellMar></w:tblPr>`+
		`<w:tblGrid>`, footerWidth)
	if qrWidth > 0 {
		fmt.Fprintf(&b, `<w:gridCol w:w="%d"/>`, qrWidth)
	}
	fmt.Fprintf(&b, `<w:gridCol w:w="%d"/></w:tblGrid><w:tr>`, footerWidth-qrWidth)
	if qrWidth > 0 {
		fmt.Fprintf(&b, `<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr>`, qrWidth)
		b.WriteString(fpara("left", qrDrawing()))
		b.WriteString(`</w:tc>`)
	}
	fmt.Fprintf(&b, `<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr>`, footerWidth-qrWidth)
	for _, l := range f.Lines {
		b.WriteString(fpara("left", run(l)))
	}
	b.WriteString(fpara("right", run("Trang ")+field("PAGE")+run("/")+field("NUMPAGES")))
	b.WriteString(`</w:tc></w:tr></w:tbl>`)
	b.WriteString(`<w:p><w:pPr><w:spacing w:before="0" w:after="0"/></w:pPr></w:p></w:ftr>`)
	return []byte(b.String())
}

// qrDrawing is the inline picture of the QR image.
func qrDrawing() string {
	return fmt.Sprintf(`<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0">`+
		`<wp:extent cx="%[1]d" cy="%[1]d"/><wp:docPr id="1001" name="Mã QR xác thực số liệu"/>`+
		`<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">`+
		`<pic:pic><pic:nvPicPr><pic:cNvPr id="1001" name="digest-qr.png"/><pic:cNvPicPr/></pic:nvPicPr>`+
		`<pic:blipFill><a:blip r:embed="rIdQR"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>`+
		`<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="%[1]d" cy="%[1]d"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr>`+
		`</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>`, qrEMU)
}
