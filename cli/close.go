package cli

import (
	"context"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"socai/app"
	"socai/projections"
	"socai/vn"
)

// runClose records a chốt số liệu (socai close --period P), lists the
// closes (--list), or shows the amendments after a close (--amendments).
func runClose(env *Env, args []string) error {
	fs := flags(env, "close")
	asJSON := fs.Bool("json", false, "JSON")
	period := fs.String("period", "", "kỳ: 2021-H1, 2021-H2, 2021 hoặc 2021-03-01..2021-05-31")
	scope := fs.String("scope", "", "mã trường hoặc mã cụm (mặc định: cụm duy nhất của sổ cái)")
	reason := fs.String("reason", "", "lý do chốt số liệu")
	source := fs.String("source", "", "văn bản căn cứ, ví dụ 51-BC/CTĐ")
	list := fs.Bool("list", false, "liệt kê các lần chốt số liệu")
	amendments := fs.Bool("amendments", false, "điều chỉnh sau chốt của kỳ --period: số liệu lúc chốt, hiện nay và các sự kiện làm thay đổi")
	if err := noArgs(fs, args); err != nil {
		return err
	}
	const use = "cách dùng: socai close --period P [--scope MÃ] [--reason LÝ DO] [--source VĂN BẢN] | --list | --amendments --period P [--scope MÃ]"
	switch {
	case *list && (*amendments || *period != "" || *scope != "" || *reason != "" || *source != ""):
		return usagef("close --list không đi cùng cờ nào khác ngoài --json; %s", use)
	case *amendments && (*reason != "" || *source != ""):
		return usagef("close --amendments không ghi gì: bỏ --reason, --source; %s", use)
	case !*list && *period == "":
		return usagef("close: thiếu --period (ví dụ --period 2021-H1); %s", use)
	}
	if !*list {
		if _, err := projections.ParsePeriod(*period); err != nil {
			return usagef("%v", err)
		}
	}
	a, err := env.openExisting()
	if err != nil {
		return err
	}
	defer a.Close()
	ctx := context.Background()
	switch {
	case *list:
		closes, err := a.Closing.Closes()
		if err != nil {
			return err
		}
		if *asJSON {
			return printJSON(env, map[string]any{"closes": closes})
		}
		printCloses(env.Stdout, closes)
		return nil
	case *amendments:
		rep, err := a.Closing.Amendments(*period, *scope)
		if err != nil {
			return err
		}
		if *asJSON {
			return printJSON(env, rep)
		}
		printAmendments(env.Stdout, rep)
		return nil
	}
	cl, err := a.ClosePeriod(ctx, app.CloseInput{Period: *period, Scope: *scope, Reason: *reason, Source: *source})
	if err != nil {
		return err
	}
	if *asJSON {
		return printJSON(env, cl)
	}
	fmt.Fprintf(env.Stdout, "Đã chốt số liệu kỳ %s (%s–%s) của %s lúc %s (seq %d).\n", cl.Period.Label,
		vn.Date(string(cl.Period.From)), vn.Date(string(cl.Period.To)), cl.ScopeName, vn.DateTimeText(cl.ClosedAt), cl.Seq)
	fmt.Fprintf(env.Stdout, "Mã xác thực lúc chốt: %s\n  Đầy đủ: %s\n", strings.Join(cl.Digest.Codes, "; "), strings.Join(cl.Digest.Full, "; "))
	fmt.Fprintln(env.Stdout, "Sự kiện nào ghi sau đây làm thay đổi số liệu của kỳ là điều chỉnh sau chốt: socai close --amendments --period "+cl.Period.Label)
	return nil
}

func printCloses(w io.Writer, closes []app.PeriodClose) {
	if len(closes) == 0 {
		fmt.Fprintln(w, "Chưa có lần chốt số liệu nào.")
		return
	}
	var rows [][]string
	for _, c := range closes {
		rows = append(rows, []string{fmt.Sprint(c.Seq), c.Period.Label, c.ScopeName, vn.DateTimeText(c.ClosedAt), c.Actor,
			strings.Join(c.Digest.Codes, "; ")})
	}
	leftTable(w, "SEQ\tKỲ\tPHẠM VI\tCHỐT LÚC\tNGƯỜI CHỐT\tMÃ XÁC THỰC", rows)
}

// leftTable writes columns aligned on the left: lists whose first columns are text.
func leftTable(w io.Writer, header string, rows [][]string) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, header)
	for _, r := range rows {
		fmt.Fprintln(tw, strings.Join(r, "\t"))
	}
	tw.Flush()
}

// figure writes a figure's value, "–" when it did not exist.
func figure(v *float64) string {
	if v == nil {
		return "–"
	}
	if *v == float64(int64(*v)) {
		return vn.Int(int64(*v))
	}
	return vn.Decimal(*v, 1)
}

func printAmendments(w io.Writer, rep app.AmendmentReport) {
	cl := rep.Close
	fmt.Fprintf(w, "ĐIỀU CHỈNH SAU CHỐT – kỳ %s (%s–%s), %s; chốt lúc %s\n", cl.Period.Label, vn.Date(string(cl.Period.From)),
		vn.Date(string(cl.Period.To)), cl.ScopeName, vn.DateTimeText(cl.ClosedAt))
	fmt.Fprintf(w, "Mã xác thực lúc chốt: %s\n", strings.Join(cl.Digest.Codes, "; "))
	if len(rep.Changed) == 0 {
		fmt.Fprintf(w, "Không có điều chỉnh sau chốt: số liệu hiện nay đúng như lúc chốt (%s sự kiện ghi sau chốt không làm thay đổi số liệu của kỳ).\n",
			vn.Int(int64(rep.Later)))
		return
	}
	fmt.Fprintf(w, "\n%d số liệu đã thay đổi\n", len(rep.Changed))
	var rows [][]string
	for _, c := range rep.Changed {
		rows = append(rows, []string{c.Label, figure(c.AtClose), figure(c.Now)})
	}
	leftTable(w, "SỐ LIỆU\tLÚC CHỐT\tHIỆN NAY", rows)
	fmt.Fprintf(w, "\n%d sự kiện ghi sau chốt làm thay đổi số liệu (trong %s sự kiện ghi sau chốt)\n", len(rep.Events), vn.Int(int64(rep.Later)))
	for _, e := range rep.Events {
		what := e.Type
		if e.Retracts != nil {
			what += fmt.Sprintf(" (rút lại seq %d %s)", e.Retracts.Seq, e.Retracts.Type)
		}
		fmt.Fprintf(w, "  seq %d  ghi lúc %s  ngày phát sinh %s  %s  %s  %s", e.Seq, vn.DateTimeText(e.RecordedAt),
			vn.Date(e.OccurredOn), what, e.Stream, e.Actor)
		if e.Reason != "" {
			fmt.Fprintf(w, "  lý do: %s", e.Reason)
		}
		fmt.Fprintln(w)
		for _, c := range e.Changes {
			fmt.Fprintf(w, "      %s: %s → %s\n", c.Label, figure(c.Before), figure(c.After))
		}
	}
}
