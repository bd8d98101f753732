package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"socai/app"
	"socai/events"
	"socai/projections"
	"socai/vn"
)

// reportStamp is what every report carries besides its figures: the
// digest of the data it was made from, and whether its period is closed
// and amended since.
type reportStamp struct {
	Digest     app.DigestCodes   `json:"digest"`
	Closed     *app.PeriodClose  `json:"closed"`
	Amendments *reportAmendments `json:"amendments"`
	school     string
}

// reportAmendments are the amendments after close of one area's figures.
type reportAmendments struct {
	Events  []app.Amendment    `json:"events"`
	Changed []app.FigureChange `json:"changed"`
}

// stampReport finds the digest, close and amendments of a report of area
// for period p and school ("" the cluster) as the ledger a stands. A
// report for the cluster goes with the close of the cluster, a school's
// with the close of that school.
func stampReport(ctx context.Context, a *app.App, area string, p projections.Period, school string) (reportStamp, error) {
	st := reportStamp{school: school}
	var err error
	if st.Digest, _, err = a.ReportDigest(ctx); err != nil {
		return st, err
	}
	cl, err := a.CloseOf(ctx, p, school)
	var refusal *events.Error
	if errors.As(err, &refusal) { // no cluster, or several: nothing can be closed for "the cluster"
		return st, nil
	}
	if err != nil || cl == nil {
		return st, err
	}
	st.Closed = cl
	am, err := a.Amendments(ctx, *cl)
	if err != nil {
		return st, err
	}
	prefix := area + "."
	st.Amendments = &reportAmendments{Events: []app.Amendment{}, Changed: []app.FigureChange{}}
	for _, c := range am.Changed {
		if strings.HasPrefix(c.Key, prefix) {
			st.Amendments.Changed = append(st.Amendments.Changed, c)
		}
	}
	for _, e := range am.Events {
		var mine []app.FigureDelta
		for _, c := range e.Changes {
			if strings.HasPrefix(c.Key, prefix) {
				mine = append(mine, c)
			}
		}
		if len(mine) > 0 {
			e.Changes = mine
			st.Amendments.Events = append(st.Amendments.Events, e)
		}
	}
	return st, nil
}

// addTo adds the stamp's fields to a report's JSON object. A report whose
// JSON is not an object (deadlines: an array, by contract) is left as is.
func (st reportStamp) addTo(report any) json.RawMessage {
	body := encodeJSON(report)
	if len(body) < 2 || body[0] != '{' {
		return body
	}
	out := bytes.TrimSuffix(body, []byte("}"))
	for _, f := range []struct {
		key string
		v   any
	}{{"closed", st.Closed}, {"amendments", st.Amendments}, {"digest", st.Digest}} {
		if len(out) > 1 {
			out = append(out, ',')
		}
		out = append(append(out, encodeJSON(f.key)...), ':')
		out = append(out, encodeJSON(f.v)...)
	}
	return append(out, '}')
}

// encodeJSON is compact JSON as printJSON writes it (no HTML escaping).
func encodeJSON(v any) []byte {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		panic(err) // our own types always encode
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n"))
}

// printHead says, above the figures, that the period is closed and
// whether figures of this report changed since.
func (st reportStamp) printHead(w io.Writer) {
	if st.Closed == nil {
		return
	}
	fmt.Fprintf(w, "ĐÃ CHỐT SỐ LIỆU ngày %s (kỳ %s, %s)\n", vn.DateTimeText(st.Closed.ClosedAt), st.Closed.Period.Label, st.Closed.ScopeName)
	if am := st.Amendments; am != nil && len(am.Events) > 0 {
		see := "socai close --amendments --period " + st.Closed.Period.Label
		if st.school != "" {
			see += " --scope " + st.school
		}
		fmt.Fprintf(w, "ĐIỀU CHỈNH SAU CHỐT: %d sự kiện thay đổi %d số liệu — xem %s\n", len(am.Events), len(am.Changed), see)
	}
}

// printDigest writes the digest under the figures, as a printed report carries it.
func (st reportStamp) printDigest(w io.Writer) {
	if len(st.Digest.Codes) == 0 {
		fmt.Fprintln(w, "\nMã xác thực: – (sổ cái trống)")
		return
	}
	fmt.Fprintf(w, "\nMã xác thực (đầu chuỗi khi lập báo cáo): %s\n", strings.Join(st.Digest.Codes, "; "))
	fmt.Fprintf(w, "  Đầy đủ: %s\n", strings.Join(st.Digest.Full, "; "))
	fmt.Fprintln(w, "  Kiểm tra: socai verify --digest \"MÃ\"")
}
