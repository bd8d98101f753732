package cli

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"socai/app"
	"socai/events"
	"socai/vn"
)

// historyUsageCodes are the refusals of a history question that mean the
// question was wrong (exit 2): a bad filter or an entity the ledger lacks.
var historyUsageCodes = map[string]bool{events.EINVALID: true, events.EUNKNOWNTYPE: true,
	app.EUnknownSchool: true, app.EUnknownEntity: true, app.EAmbiguousEntity: true}

func runHistory(env *Env, args []string) error {
	fs := flags(env, "history")
	asJSON := fs.Bool("json", false, "JSON")
	var f app.HistoryFilter
	fs.StringVar(&f.Type, "type", "", "chỉ một loại sự kiện, ví dụ ClassEnrollmentChanged")
	fs.StringVar(&f.From, "from", "", "từ ngày (YYYY-MM-DD, kể cả ngày đó)")
	fs.StringVar(&f.To, "to", "", "đến ngày (YYYY-MM-DD, kể cả ngày đó)")
	fs.StringVar(&f.Clock, "clock", app.ClockOccurred, "--from/--to theo ngày phát sinh (occurred) hay thời điểm ghi nhận (recorded)")
	fs.StringVar(&f.School, "school", "", "chỉ các sự kiện của một trường (mã trường)")
	fs.StringVar(&f.AsOf, "as-of", "", "như sổ cái biết tại thời điểm này (2021-08-10 = hết ngày, giờ Việt Nam; hoặc RFC 3339)")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("cách dùng: socai history <mã lớp | viên chức | đề tài | khen thưởng | trường … hoặc tên luồng> [--json]")
	}
	// --actor is the common flag (who records); as a filter it means who recorded.
	f.Actor = env.Actor
	a, err := env.openExisting()
	if err != nil {
		return err
	}
	defer a.Close()
	h, err := a.History.Entity(pos[0], f)
	if err != nil {
		if historyUsageCodes[events.ErrorCode(err)] {
			return usagef("%s", message(err))
		}
		return err
	}
	if *asJSON {
		return printJSON(env, h)
	}
	printHistory(env.Stdout, h)
	return nil
}

// printHistory writes a history for people: one block per event.
func printHistory(w io.Writer, h app.EntityHistory) {
	title := h.Entity
	if h.Name != "" {
		title = h.Name + " (" + h.Entity + ")"
	}
	fmt.Fprintf(w, "LỊCH SỬ: %s\n", title)
	if n := len(h.Streams); n > 1 {
		shown := h.Streams
		if n > 6 {
			shown = append(shown[:6:6], "…")
		}
		fmt.Fprintf(w, "Gồm %s luồng: %s\n", vn.Int(int64(n)), strings.Join(shown, ", "))
	}
	if len(h.Events) == h.Total {
		fmt.Fprintf(w, "%s sự kiện\n", vn.Int(int64(h.Total)))
	} else {
		fmt.Fprintf(w, "%s trong %s sự kiện (đã lọc)\n", vn.Int(int64(len(h.Events))), vn.Int(int64(h.Total)))
	}
	for _, e := range h.Events {
		fmt.Fprintln(w)
		mark := ""
		switch {
		case e.RetractedBy != nil:
			mark = fmt.Sprintf("  [ĐÃ HỦY bởi sự kiện #%d]", e.RetractedBy.Seq)
		case e.Retracts != nil:
			mark = fmt.Sprintf("  [hủy sự kiện #%d: %s]", e.Retracts.Seq, e.Retracts.TypeLabel)
		}
		if e.Replaces != nil {
			mark += fmt.Sprintf("  [thay cho sự kiện #%d]", e.Replaces.Seq)
		}
		fmt.Fprintf(w, "#%d  %s (%s)%s\n", e.Seq, e.TypeLabel, e.Type, mark)
		fmt.Fprintf(w, "  luồng %s, phiên bản %d\n", e.Stream, e.Version)
		fmt.Fprintf(w, "  ngày phát sinh: %s; ghi nhận lúc: %s\n", vn.Date(e.OccurredOn), vn.DateTimeText(e.RecordedAt))
		fmt.Fprintf(w, "  người ghi: %s\n", orDash(e.Actor))
		fmt.Fprintf(w, "  lý do: %s\n", orDash(e.Reason))
		fmt.Fprintf(w, "  căn cứ: %s\n", orDash(e.Source))
		if e.RetractedBy != nil {
			fmt.Fprintf(w, "  hủy lúc %s, người hủy: %s, lý do: %s\n", vn.DateTimeText(e.RetractedBy.RecordedAt),
				orDash(e.RetractedBy.Actor), orDash(e.RetractedBy.Reason))
		}
		if e.ReplacedBy != nil {
			fmt.Fprintf(w, "  được thay bằng sự kiện #%d\n", e.ReplacedBy.Seq)
		}
		if len(e.Changes) == 0 {
			fmt.Fprintln(w, "  (không thay đổi trường nào)")
		}
		for _, c := range e.Changes {
			fmt.Fprintf(w, "  %s: %s → %s\n", c.Label, app.ValueText(c.Field, c.Before), app.ValueText(c.Field, c.After))
		}
	}
}

// message is the Vietnamese message of a refusal, without its field.
func message(err error) string {
	var e *events.Error
	if errors.As(err, &e) {
		return e.Message
	}
	return err.Error()
}

func orDash(s string) string {
	if strings.TrimSpace(s) == "" {
		return "–"
	}
	return s
}

func runRetract(env *Env, args []string) error {
	fs := flags(env, "retract")
	asJSON := fs.Bool("json", false, "JSON")
	reason := fs.String("reason", "", "vì sao hủy hoặc sửa (bắt buộc)")
	source := fs.String("source", "", "căn cứ (số, ký hiệu văn bản)")
	replacement := fs.String("replacement", "", "dữ liệu đúng (JSON, cùng loại sự kiện) để ghi thay")
	on := fs.String("on", "", "ngày phát sinh của bản ghi thay (mặc định: ngày của sự kiện bị hủy)")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("cách dùng: socai retract <mã sự kiện> --reason LÝ_DO [--replacement JSON] [--on YYYY-MM-DD]")
	}
	if strings.TrimSpace(*reason) == "" {
		return usagef("retract: thiếu --reason (vì sao hủy hoặc sửa bản ghi)")
	}
	if *replacement != "" && !json.Valid([]byte(*replacement)) {
		return usagef("retract: --replacement không phải JSON hợp lệ")
	}
	if *on != "" && !events.Date(*on).Valid() {
		return usagef("retract: --on %q không phải ngày (YYYY-MM-DD)", *on)
	}
	a, err := env.openExisting()
	if err != nil {
		return err
	}
	defer a.Close()
	res, err := a.History.Correct(app.CorrectionInput{EventID: pos[0], Reason: *reason, Source: *source,
		Replacement: json.RawMessage(*replacement), OccurredOn: *on})
	if err != nil {
		field := events.ErrorField(err)
		if field != "" {
			field = ", trường " + field
		}
		return failedError{fmt.Sprintf("không ghi được%s: %s [%s]", field, message(err), events.ErrorCode(err))}
	}
	if *asJSON {
		return printJSON(env, res)
	}
	fmt.Fprintf(env.Stdout, "Đã hủy sự kiện %s (bản ghi hủy #%d, luồng %s)\n", pos[0], res.Retraction.Seq, res.Retraction.Stream)
	if res.Replacement != nil {
		fmt.Fprintf(env.Stdout, "Đã ghi bản ghi thay #%d\n", res.Replacement.Seq)
	}
	return nil
}
