package cli

import (
	"context"
	"fmt"
	"math"
	"os"

	"socai/app"
	"socai/events"
	"socai/vn"
)

func init() { exportKinds["snapshot"] = runExportSnapshot }

// runExportSnapshot writes a period snapshot (.socai): docs/snapshot-file.md.
func runExportSnapshot(env *Env, args []string) error {
	fs := flags(env, "export snapshot")
	asJSON := fs.Bool("json", false, "JSON")
	period := fs.String("period", "", "kỳ: 2021-H1, 2021-H2, 2021 hoặc 2021-03-01..2021-05-31 (bắt buộc)")
	asOf := fs.String("as-of", "", "chốt đến thời điểm ghi nhận này (2021-08-10 hoặc RFC 3339); mặc định: bây giờ")
	school := fs.String("school", "", "chỉ số liệu của một trường (mặc định: toàn cụm và từng trường)")
	out := fs.String("out", "", "tệp .socai sẽ ghi (bắt buộc)")
	if err := noArgs(fs, args); err != nil {
		return err
	}
	if *period == "" || *out == "" {
		return usagef("cách dùng: socai export snapshot --period P [--as-of T] [--school MÃ] --out TỆP.socai")
	}
	a, err := env.openExisting()
	if err != nil {
		return err
	}
	defer a.Close()
	res, err := a.WriteSnapshot(context.Background(), *out, *period, *asOf, *school)
	if err != nil {
		if c := events.ErrorCode(err); c == events.EINVALID {
			return usagef("%v", err)
		}
		return err
	}
	if *asJSON {
		return printJSON(env, res)
	}
	fmt.Fprintf(env.Stdout, "Đã ghi bản chụp số liệu kỳ %s vào %s (%s byte)\n", res.Period, res.Path, vn.Int(res.Bytes))
	fmt.Fprintf(env.Stdout, "Chốt đến: %s; %s sự kiện; %s số liệu trong bản kê\n",
		vn.DateTimeText(res.Cutoff), vn.Int(res.Events), vn.Int(int64(res.Figures)))
	for _, h := range res.Heads {
		fmt.Fprintf(env.Stdout, "Đầu chuỗi %s:%d:%s\n", h.Origin, h.OriginSeq, h.Hash)
	}
	fmt.Fprintf(env.Stdout, "Dấu vân tay khóa ký: %s (đọc cho người nhận qua điện thoại)\n", res.Fingerprint)
	return nil
}

// runVerifySnapshot is socai verify FILE.socai: signature, chains and every
// figure of the manifest recomputed; the ledger (--db), if it exists, says
// whether it knows the signer's key.
func runVerifySnapshot(env *Env, path string, asJSON bool, fingerprint string) error {
	ctx := context.Background()
	var ledger *events.Store
	if _, err := os.Stat(env.dbPath()); err == nil {
		if ledger, err = events.OpenReadOnly(env.dbPath()); err != nil {
			return usagef("--db: %v", err)
		}
		defer ledger.Close()
	}
	check, err := app.VerifySnapshot(ctx, path, ledger, fingerprint)
	if err != nil {
		if asJSON {
			printJSON(env, map[string]any{"ok": false, "code": events.ErrorCode(err), "error": err.Error()})
		}
		return err
	}
	if asJSON {
		if err := printJSON(env, check); err != nil {
			return err
		}
	} else {
		printSnapshotCheck(env, check)
	}
	if !check.OK {
		return failedError{}
	}
	return nil
}

func printSnapshotCheck(env *Env, c app.SnapshotCheck) {
	s := c.Snapshot
	scope := "toàn cụm"
	if s.School != "" {
		scope = s.ScopeName
	}
	w := env.Stdout
	fmt.Fprintf(w, "BẢN CHỤP SỐ LIỆU: kỳ %s, %s, chốt đến %s, lập bởi %s (bản cài đặt %s, socai %s) lúc %s\n",
		s.Period, scope, vn.DateTimeText(s.Cutoff), s.Creator, s.Origin, s.AppVersion, vn.DateTimeText(s.CreatedAt))
	fmt.Fprintf(w, "CHỮ KÝ: hợp lệ (Ed25519). Dấu vân tay khóa ký: %s\n", s.Fingerprint)
	verdict := "ĐÃ XÁC MINH"
	if !c.SignerKnown {
		verdict = "CHƯA XÁC MINH"
	}
	fmt.Fprintf(w, "NGƯỜI KÝ: %s — %s\n", verdict, c.SignerNote)
	printReport(env, c.Chains)
	if len(c.Mismatches) == 0 {
		fmt.Fprintf(w, "SỐ LIỆU: đã tính lại %s số liệu của bản kê từ %s sự kiện của bản chụp: khớp hết.\n",
			vn.Int(int64(c.Compared)), vn.Int(s.Events))
	} else {
		fmt.Fprintf(w, "SỐ LIỆU: %s trong %s số liệu của bản kê không khớp với số liệu tính lại từ sự kiện:\n",
			vn.Int(int64(len(c.Mismatches))), vn.Int(int64(c.Compared)))
		for _, m := range c.Mismatches {
			scope := m.Scope
			if scope == "" {
				scope = "toàn cụm"
			}
			got := "không có"
			if m.Recomputed != nil {
				got = number(*m.Recomputed)
			}
			fmt.Fprintf(w, "  %s\t%s\tbản kê %s\ttính lại %s\t(%s)\n", scope, m.Key, number(m.Stated), got, m.Label)
		}
	}
	if c.OK {
		fmt.Fprintln(w, "KẾT LUẬN: ĐẠT — chữ ký, chuỗi băm và mọi số liệu đều đúng.")
	} else {
		fmt.Fprintln(w, "KẾT LUẬN: KHÔNG ĐẠT")
	}
}

// number writes a figure the Vietnamese way: 16.182, 0,85.
func number(v float64) string {
	if v == math.Trunc(v) && math.Abs(v) < 1e15 {
		return vn.Int(int64(v))
	}
	return vn.Decimal(v, 4)
}
