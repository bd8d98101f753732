package cli

import (
	"context"
	"fmt"

	"socai/app"
	"socai/events"
)

// keyCommands: the installation's signing key and the keys it trusts.
var keyCommands = subcommands{
	"show":     runKeyShow,
	"register": runKeyRegister,
	"add":      runKeyAdd,
	"list":     runKeyList,
}

func init() {
	commands["key"] = command{"khóa ký gói dữ liệu: key show|register --school MÃ|add --school MÃ --origin O --public-key B64 --fingerprint F|list [--json]",
		func(env *Env, args []string) error { return keyCommands.run(env, "key", "docs/exchange.md", args) }}
}

func runKeyShow(env *Env, args []string) error {
	return show(env, "key show", args, env.open, func(a *app.App) (app.KeyInfo, error) {
		return a.InstallationKey(context.Background())
	}, func(k app.KeyInfo) {
		fmt.Fprintf(env.Stdout, "Bản cài đặt: %s\nKhóa công khai: %s\nDấu vân tay: %s\n", k.Origin, k.PublicKey, k.Fingerprint)
		if k.SchoolID != "" {
			fmt.Fprintf(env.Stdout, "Đã đăng ký cho trường: %s\n", k.SchoolID)
		} else {
			fmt.Fprintln(env.Stdout, "Chưa đăng ký: socai key register --school MÃ")
		}
	})
}

func runKeyRegister(env *Env, args []string) error {
	fs := flags(env, "key register")
	school := fs.String("school", "", "mã trường của bản cài đặt này (bắt buộc)")
	asJSON := fs.Bool("json", false, "JSON")
	if err := noArgs(fs, args); err != nil {
		return err
	}
	if *school == "" {
		return usagef("key register: thiếu --school MÃ")
	}
	a, err := env.open()
	if err != nil {
		return err
	}
	defer a.Close()
	r, err := a.RegisterOwnKey(context.Background(), *school, app.Note{})
	if err != nil {
		return err
	}
	return printKeyResult(env, a, r, *asJSON)
}

func runKeyAdd(env *Env, args []string) error {
	fs := flags(env, "key add")
	var in app.KeyInput
	fs.StringVar(&in.SchoolID, "school", "", "mã trường (bắt buộc)")
	fs.StringVar(&in.Origin, "origin", "", "mã bản cài đặt của trường (bắt buộc)")
	fs.StringVar(&in.PublicKey, "public-key", "", "khóa công khai base64 (bắt buộc)")
	fs.StringVar(&in.Fingerprint, "fingerprint", "", "dấu vân tay đã so qua điện thoại (bắt buộc)")
	asJSON := fs.Bool("json", false, "JSON")
	if err := noArgs(fs, args); err != nil {
		return err
	}
	if in.SchoolID == "" || in.Origin == "" || in.PublicKey == "" || in.Fingerprint == "" {
		return usagef("key add: cần đủ --school, --origin, --public-key và --fingerprint")
	}
	a, err := env.open()
	if err != nil {
		return err
	}
	defer a.Close()
	r, err := a.AddKey(context.Background(), in)
	if err != nil {
		return err
	}
	return printKeyResult(env, a, r, *asJSON)
}

func printKeyResult(env *Env, a *app.App, r app.Result, asJSON bool) error {
	if asJSON {
		return printJSON(env, r)
	}
	fmt.Fprintf(env.Stdout, "Đã đăng ký khóa (luồng %s, seq %d)\n", r.Stream, r.Seq)
	return nil
}

func runKeyList(env *Env, args []string) error {
	return show(env, "key list", args, env.openExisting, func(a *app.App) ([]events.RegisteredKey, error) {
		return a.Keys.Registered()
	}, func(keys []events.RegisteredKey) {
		if len(keys) == 0 {
			fmt.Fprintln(env.Stdout, "Chưa có khóa nào được đăng ký")
		}
		for _, k := range keys {
			trust := "tin cậy (đăng ký tại đây)"
			if !k.Trusted {
				trust = "nhận từ bản cài đặt " + k.By
			}
			fmt.Fprintf(env.Stdout, "%-10s %s  %s  %s\n", k.SchoolID, k.Fingerprint, k.Origin, trust)
		}
	})
}
