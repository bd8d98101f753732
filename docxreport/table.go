package docxreport

import (
	"github.com/gomutex/godocx/wml/ctypes"
	"github.com/gomutex/godocx/wml/stypes"
)

// TableSize is the size of table text in points.
const TableSize = 12

// cell is one table cell: its text, how many grid columns it spans, and
// whether it starts or continues a vertical merge.
type cell struct {
	text  string
	span  int
	merge stypes.MergeCell // "", MergeCellRestart, MergeCellContinue
	bold  bool
	left  bool // aligned left (names); numbers and headings are centred
}

func c(text string) cell    { return cell{text: text} }
func name(text string) cell { return cell{text: text, left: true} }
func head(text string) cell { return cell{text: text, bold: true} }
func spanH(text string, n int) cell {
	return cell{text: text, span: n, bold: true}
}
func downH(text string) cell { return cell{text: text, bold: true, merge: stypes.MergeCellRestart} }

var below = cell{merge: stypes.MergeCellContinue}

// table adds a bordered table (style TableGrid) of the given column widths
// in twips, text in TableSize; the first headRows rows repeat on every page.
func (d *doc) table(widths []int, rows [][]cell, headRows int) {
	d.tableSized(TableSize, widths, rows, headRows)
}

// tableSized is table with text of size points (wide tables use 10).
func (d *doc) tableSized(size uint64, widths []int, rows [][]cell, headRows int) {
	t := d.rd.AddTable()
	t.Style("TableGrid")
	pad := ctypes.NewTableWidth(57, stypes.TableWidthDxa) // 1 mm each side
	t.CellMargin(nil, pad, nil, pad)
	total := 0
	for _, w := range widths {
		total += w
	}
	t.Width(total, stypes.TableWidthDxa)
	t.Layout(stypes.TableLayoutFixed)
	grid := make([]uint64, len(widths))
	for i, w := range widths {
		grid[i] = uint64(w)
	}
	t.Grid(grid...)
	for ri, cells := range rows {
		row := t.AddRow()
		col := 0
		for _, cl := range cells {
			n := max(cl.span, 1)
			w := 0
			for _, x := range widths[col : col+n] {
				w += x
			}
			col += n
			tc := row.AddCell().Width(w, stypes.TableWidthDxa).VerticalAlign("center")
			if n > 1 {
				tc.ColSpan(n)
			}
			p := tc.AddEmptyPara()
			p.Spacing(40, 40)
			one := 240
			auto := stypes.LineSpacingRuleAuto
			p.GetCT().Property.Spacing.Line, p.GetCT().Property.Spacing.LineRule = &one, &auto
			if cl.left {
				p.Justification(stypes.JustificationLeft)
			} else {
				p.Justification(stypes.JustificationCenter)
			}
			if cl.text != "" {
				fill(p, span{text: cl.text, bold: cl.bold || ri < headRows, size: size})
			}
		}
	}
	// The library's RowSpan writes a revision mark (w:cellMerge) rather than
	// w:vMerge: set the merge flag on the cells themselves.
	ct := t.GetCT()
	for ri, cells := range rows {
		tcs := ct.RowContents[ri].Row.Contents
		for ci, cl := range cells {
			if cl.merge != "" {
				tcs[ci].Cell.Property.VMerge = ctypes.NewGenOptStrVal(cl.merge)
			}
		}
	}
	for ri := 0; ri < headRows && ri < len(rows); ri++ {
		r := ct.RowContents[ri].Row
		if r.Property == nil {
			r.Property = &ctypes.RowProperty{}
		}
		r.Property.Header = &ctypes.OnOff{}
	}
	d.rd.AddEmptyParagraph().Spacing(0, 0)
}

// frame adds a borderless table of two columns of paragraphs: the header
// block and the signature block are laid out this way in Party documents.
func (d *doc) frame(widths [2]int, left, right [][]span, centre [2]bool) {
	t := d.rd.AddTable()
	t.Width(widths[0]+widths[1], stypes.TableWidthDxa)
	t.Layout(stypes.TableLayoutFixed)
	t.Grid(uint64(widths[0]), uint64(widths[1]))
	row := t.AddRow()
	t.GetCT().RowContents[0].Row.Property = &ctypes.RowProperty{CantSplit: &ctypes.OnOff{}}
	for i, lines := range [][][]span{left, right} {
		tc := row.AddCell().Width(widths[i], stypes.TableWidthDxa)
		for _, l := range lines {
			p := tc.AddEmptyPara()
			p.Spacing(0, 0)
			if centre[i] {
				p.Justification(stypes.JustificationCenter)
			}
			fill(p, l...)
		}
	}
}
