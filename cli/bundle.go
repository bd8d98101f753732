package cli

import (
	"context"
	"fmt"

	"socai/vn"
)

var bundleCommands = subcommands{
	"export": runBundleExport,
	"import": runBundleImport,
}

func init() {
	commands["bundle"] = command{"gói dữ liệu giữa các bản cài đặt: bundle export [--since VỊ_TRÍ] --out TỆP | import TỆP [--json]",
		func(env *Env, args []string) error {
			return bundleCommands.run(env, "bundle", "docs/exchange.md", args)
		}}
}

func runBundleExport(env *Env, args []string) error {
	fs := flags(env, "bundle export")
	since := fs.Int64("since", 0, "chỉ xuất các sự kiện sau vị trí này (số in ra ở lần xuất trước)")
	out := fs.String("out", "", "tệp gói dữ liệu (.socai), bắt buộc")
	asJSON := fs.Bool("json", false, "JSON")
	if err := noArgs(fs, args); err != nil {
		return err
	}
	if *out == "" {
		return usagef("bundle export: thiếu --out TỆP")
	}
	if *since < 0 {
		return usagef("bundle export: --since không được âm")
	}
	a, err := env.openExisting()
	if err != nil {
		return err
	}
	defer a.Close()
	x, err := a.ExportBundle(context.Background(), *since, *out)
	if err != nil {
		return err
	}
	if *asJSON {
		return printJSON(env, x)
	}
	fmt.Fprintf(env.Stdout, "Đã xuất %s sự kiện (cụm %s, trường %s) vào %s\nDấu vân tay khóa ký: %s\nLần sau: socai bundle export --since %d --out …\n",
		vn.Int(x.Events), x.ClusterID, orDash(x.SchoolID), x.Path, x.Fingerprint, x.Cursor)
	return nil
}

func runBundleImport(env *Env, args []string) error {
	fs := flags(env, "bundle import")
	asJSON := fs.Bool("json", false, "JSON")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("cách dùng: socai bundle import TỆP [--json]")
	}
	a, err := env.openExisting()
	if err != nil {
		return err
	}
	defer a.Close()
	sum, err := a.ImportBundle(context.Background(), pos[0], nil)
	if *asJSON {
		if perr := printJSON(env, sum); perr != nil {
			return perr
		}
		if err != nil {
			return failedError{}
		}
		return nil
	}
	if err != nil {
		return failedError{fmt.Sprintf("không nhập gói %s: %s (mã lỗi %s)", sum.File, sum.Reason, sum.Code)}
	}
	who := sum.SchoolID
	if sum.SchoolName != "" {
		who = sum.SchoolName + " (" + sum.SchoolID + ")"
	}
	fmt.Fprintf(env.Stdout, "Gói %s của %s\n  bản cài đặt %s, dấu vân tay %s\n  %s sự kiện trong gói: nhập %s, đã có từ trước %s\n",
		sum.File, who, sum.Signer, sum.Fingerprint, vn.Int(sum.Events), vn.Int(sum.Imported), vn.Int(sum.Skipped))
	return nil
}
