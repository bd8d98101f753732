package app

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strconv"
	"strings"
)

// csvBOM starts the CSV: without it Excel reads UTF-8 as the Windows code
// page and garbles the diacritics; scripts strip it (encoding/csv does not:
// docs/reports.md).
const csvBOM = "\ufeff"

// CSVHeader is the header row of the figures CSV.
var CSVHeader = []string{"key", "label", "value", "unit", "period", "school", "as_of", "digest"}

// CSV is the flat figures, one per row (RFC 4180, UTF-8 with BOM, CRLF),
// each row repeating the period, the school ("" the cluster), the as-of
// moment and the full digest, so that files of several schools can be
// concatenated and still say where each number comes from. Values are
// written as a program reads them: 16182, 80.5.
func (x FiguresExport) CSV() ([]byte, error) {
	var b bytes.Buffer
	b.WriteString(csvBOM)
	w := csv.NewWriter(&b)
	w.UseCRLF = true
	digest := strings.Join(x.Digest.Full, ";")
	if err := w.Write(CSVHeader); err != nil {
		return nil, err
	}
	for _, f := range x.Figures {
		row := []string{f.Key, f.Label, strconv.FormatFloat(f.Value, 'f', -1, 64), f.Unit,
			x.Period.Label, x.School, x.AsOf, digest}
		if err := w.Write(row); err != nil {
			return nil, err
		}
	}
	w.Flush()
	return b.Bytes(), w.Error()
}

// JSON is x as documented in docs/cli.md (socai export json), indented.
func (x FiguresExport) JSON() ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	err := enc.Encode(x)
	return b.Bytes(), err
}
