package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"runtime"
	"strings"
	"text/tabwriter"

	"socai/app"
	"socai/events"
	"socai/vn"
)

func printJSON(env *Env, v any) error {
	enc := json.NewEncoder(env.Stdout)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

func runInit(env *Env, args []string) error {
	fs := flags(env, "init")
	asJSON := fs.Bool("json", false, "JSON")
	if err := noArgs(fs, args); err != nil {
		return err
	}
	_, statErr := os.Stat(env.dbPath())
	a, err := env.open()
	if err != nil {
		return err
	}
	defer a.Close()
	created := statErr != nil
	if *asJSON {
		return printJSON(env, map[string]any{"db_path": a.Store.Path(), "origin": a.Store.Origin(), "created": created})
	}
	if created {
		fmt.Fprintf(env.Stdout, "Đã tạo sổ cái %s\n", a.Store.Path())
	} else {
		fmt.Fprintf(env.Stdout, "Sổ cái đã có: %s\n", a.Store.Path())
	}
	fmt.Fprintf(env.Stdout, "Định danh bản cài đặt (origin): %s\n", a.Store.Origin())
	return nil
}

func runImport(env *Env, args []string) error {
	fs := flags(env, "import")
	asJSON := fs.Bool("json", false, "JSON")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("cách dùng: socai import TỆP.jsonl")
	}
	f, err := os.Open(pos[0])
	if err != nil {
		return usagef("không mở được tệp %s: %v", pos[0], err)
	}
	defer f.Close()
	a, err := env.open()
	if err != nil {
		return err
	}
	defer a.Close()
	res, err := a.Import(context.Background(), f)
	if ie, ok := err.(*app.ImportError); ok {
		if *asJSON {
			printJSON(env, map[string]any{"imported": 0, "errors": ie.Problems})
		} else {
			for _, p := range ie.Problems {
				field := ""
				if p.Field != "" {
					field = ", trường " + p.Field
				}
				fmt.Fprintf(env.Stderr, "%s: dòng %d%s: %s [%s]\n", pos[0], p.Line, field, p.Message, p.Code)
			}
		}
		return failedError{fmt.Sprintf("tệp bị từ chối (%d lỗi); không ghi sự kiện nào", len(ie.Problems))}
	}
	if err != nil {
		return err
	}
	if *asJSON {
		return printJSON(env, map[string]any{"imported": res.Imported, "streams": res.Streams,
			"first_seq": res.FirstSeq, "last_seq": res.LastSeq, "errors": []app.LineProblem{}})
	}
	fmt.Fprintf(env.Stdout, "Đã ghi %s sự kiện vào %s luồng (seq %d–%d)\n",
		vn.Int(int64(res.Imported)), vn.Int(int64(res.Streams)), res.FirstSeq, res.LastSeq)
	return nil
}

func runLog(env *Env, args []string) error {
	fs := flags(env, "log")
	asJSON := fs.Bool("json", false, "JSON Lines, một sự kiện mỗi dòng")
	var f events.Filter
	fs.StringVar(&f.Stream, "stream", "", "chỉ một luồng")
	fs.StringVar(&f.Type, "type", "", "chỉ một loại sự kiện")
	fs.Int64Var(&f.FromSeq, "from", 0, "sau seq này")
	fs.IntVar(&f.Limit, "limit", 0, "tối đa N sự kiện")
	if pos, err := parse(fs, args); err != nil {
		return err
	} else if len(pos) > 0 {
		return usagef("log không nhận đối số %q", pos[0])
	}
	a, err := env.openExisting()
	if err != nil {
		return err
	}
	defer a.Close()
	ctx := context.Background()
	if *asJSON {
		enc := json.NewEncoder(env.Stdout)
		enc.SetEscapeHTML(false)
		return a.Store.Each(ctx, f, func(r events.Record) error { return enc.Encode(r) })
	}
	tw := tabwriter.NewWriter(env.Stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "SEQ\tGHI NHẬN LÚC\tNGÀY PHÁT SINH\tLUỒNG\tPB\tLOẠI\tNGƯỜI GHI")
	err = a.Store.Each(ctx, f, func(r events.Record) error {
		m, _ := r.DecodeMeta()
		_, err := fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%d\t%s\t%s\n", r.Seq, vn.DateTimeText(r.RecordedAt),
			vn.Date(r.OccurredOn), r.Stream, r.Version, r.Type, m.Actor)
		return err
	})
	if err != nil {
		return err
	}
	return tw.Flush()
}

func runVerify(env *Env, args []string) error {
	fs := flags(env, "verify")
	asJSON := fs.Bool("json", false, "JSON")
	against := fs.String("against", "", "so với một bản sao khác (tệp .db)")
	var digests multiFlag
	fs.Var(&digests, "digest", "mã xác thực in trên báo cáo (ORIGIN:SEQ:HASH, mã ngắn; nhiều mã cách nhau bởi ;), lặp lại được")
	fingerprint := fs.String("fingerprint", "", "với TỆP.socai: dấu vân tay khóa ký đã đối chiếu qua điện thoại")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	} else if len(pos) > 1 {
		return usagef("verify nhận nhiều nhất một tệp, không phải %q", pos[1])
	} else if len(pos) == 1 {
		// a file to verify: a period snapshot (its content decides, not its name)
		if *against != "" || len(digests) > 0 {
			return usagef("--against và --digest dùng cho sổ cái, không dùng với tệp %s", pos[0])
		}
		if _, err := os.Stat(pos[0]); err != nil {
			return usagef("không có tệp %s để kiểm tra (socai verify TỆP.socai)", pos[0])
		}
		return runVerifySnapshot(env, pos[0], *asJSON, *fingerprint)
	}
	var opt events.VerifyOptions
	for _, d := range digests {
		// What a report prints: short or full codes, several separated by ";", or its QR text.
		dg, err := app.ParseDigestText(d)
		if err != nil {
			return usagef("--digest: %v (dạng ORIGIN:SEQ:HASH, mã in trên báo cáo)", err)
		}
		opt.Digests = append(opt.Digests, dg...)
	}
	a, err := env.openExisting()
	if err != nil {
		return err
	}
	defer a.Close()
	if *against != "" {
		other, err := events.OpenReadOnly(*against)
		if err != nil {
			return usagef("--against: %v", err)
		}
		defer other.Close()
		opt.Against = other
	}
	check, err := a.CheckDigests(context.Background(), opt.Digests, opt.Against)
	if err != nil {
		return err
	}
	rep := check.Report
	if *asJSON {
		if err := printJSON(env, rep); err != nil {
			return err
		}
	} else {
		printReport(env, rep)
		if len(opt.Digests) > 0 {
			fmt.Fprintf(env.Stdout, "MÃ XÁC THỰC: %s. %s\n", check.Verdict, check.Detail)
		}
	}
	if !rep.OK {
		return failedError{}
	}
	return nil
}

func printReport(env *Env, rep events.Report) {
	if rep.OK {
		fmt.Fprintf(env.Stdout, "TOÀN VẸN: đã kiểm tra %s sự kiện của %d chuỗi, không phát hiện sửa đổi.\n",
			vn.Int(rep.Checked), rep.Origins)
	} else {
		fmt.Fprintf(env.Stdout, "KHÔNG TOÀN VẸN: %d vấn đề trong %s sự kiện. Đầu tiên: seq %d (%s)\n",
			len(rep.Problems), vn.Int(rep.Checked), rep.First.Seq, rep.First.Kind)
		for _, p := range rep.Problems {
			fmt.Fprintf(env.Stdout, "  seq %d\t%s\t%s\n", p.Seq, p.Kind, p.Message)
		}
	}
	for _, h := range rep.Heads {
		fmt.Fprintf(env.Stdout, "Đầu chuỗi %s:%d:%s (seq %d)\n", h.Origin, h.OriginSeq, h.Hash, h.Seq)
	}
}

func runStats(env *Env, args []string) error {
	fs := flags(env, "stats")
	asJSON := fs.Bool("json", false, "JSON")
	if err := noArgs(fs, args); err != nil {
		return err
	}
	a, err := env.openExisting()
	if err != nil {
		return err
	}
	defer a.Close()
	ctx := context.Background()
	st, err := a.Store.Stats(ctx)
	if err != nil {
		return err
	}
	heads, err := a.Store.Heads(ctx)
	if err != nil {
		return err
	}
	if heads == nil {
		heads = []events.Head{}
	}
	if *asJSON {
		return printJSON(env, struct {
			DBPath string `json:"db_path"`
			Origin string `json:"origin"`
			events.Stats
			Heads []events.Head `json:"heads"`
		}{a.Store.Path(), a.Store.Origin(), st, heads})
	}
	fmt.Fprintf(env.Stdout, "Sổ cái: %s\nBản cài đặt: %s\nSự kiện: %s, luồng: %s, chuỗi: %s\n",
		a.Store.Path(), a.Store.Origin(), vn.Int(st.Events), vn.Int(st.Streams), vn.Int(st.Origins))
	if st.Events > 0 {
		fmt.Fprintf(env.Stdout, "Ghi nhận từ %s đến %s\n", vn.DateTimeText(st.FirstRecorded), vn.DateTimeText(st.LastRecorded))
	}
	tw := tabwriter.NewWriter(env.Stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	for _, tc := range st.ByType {
		fmt.Fprintf(tw, "  %s\t%s\t\n", tc.Type, vn.Int(tc.Count))
	}
	return tw.Flush()
}

func runVersion(env *Env, args []string) error {
	fs := flags(env, "version")
	asJSON := fs.Bool("json", false, "JSON")
	if err := noArgs(fs, args); err != nil {
		return err
	}
	types := events.Vocabulary.Names()
	if *asJSON {
		return printJSON(env, map[string]any{"version": app.Version, "go": runtime.Version(),
			"os": runtime.GOOS + "/" + runtime.GOARCH, "event_types": types})
	}
	fmt.Fprintf(env.Stdout, "socai %s (%s, %s/%s), %d loại sự kiện\n", app.Version, runtime.Version(),
		runtime.GOOS, runtime.GOARCH, len(types))
	return nil
}

// multiFlag collects a repeated flag.
type multiFlag []string

func (m *multiFlag) String() string     { return strings.Join(*m, ",") }
func (m *multiFlag) Set(v string) error { *m = append(*m, v); return nil }

func runRebuild(env *Env, args []string) error {
	fs := flags(env, "rebuild")
	names, err := parse(fs, args)
	if err != nil {
		return err
	}
	a, err := env.openExisting()
	if err != nil {
		return err
	}
	defer a.Close()
	if err := a.Projections.Rebuild(context.Background(), env.progress, names...); err != nil {
		if events.ErrorCode(err) == events.ENOTFOUND {
			return usagef("%v", err)
		}
		return err
	}
	if len(names) == 0 {
		names = a.Projections.Names()
	}
	fmt.Fprintf(env.Stdout, "Đã dựng lại: %s\n", strings.Join(names, ", "))
	return nil
}
