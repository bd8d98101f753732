package cli

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"socai/app"
	"socai/events"
	"socai/vn"
)

func init() {
	for _, format := range app.FiguresFormats {
		exportKinds[format] = func(env *Env, args []string) error { return runExportFigures(env, format, args) }
	}
}

// runExportFigures is socai export xlsx|csv|json --period P [--school ID]
// [--as-of T] --out FILE: the period's figures of a school or the cluster.
// Bad input is wrong usage (exit 2) and leaves no file behind.
func runExportFigures(env *Env, format string, args []string) error {
	fs := flags(env, "export "+format)
	period := fs.String("period", "", "kỳ báo cáo: 2021-H1, 2021-H2, 2021 hoặc 2021-03-01..2021-05-31")
	school := fs.String("school", "", "mã trường (mặc định: cả cụm)")
	asOf := fs.String("as-of", "", "số liệu như sổ cái biết tại thời điểm này (2021-08-10 = hết ngày, giờ Việt Nam; hoặc RFC 3339)")
	out := fs.String("out", "", "tệp ghi ra (."+format+")")
	if err := noArgs(fs, args); err != nil {
		return err
	}
	cmd := "export " + format
	switch {
	case *period == "":
		return usagef("%s: thiếu --period (ví dụ --period 2021-H1)", cmd)
	case *out == "":
		return usagef("%s: thiếu --out TỆP", cmd)
	}
	if st, err := os.Stat(filepath.Dir(*out)); err != nil || !st.IsDir() {
		return usagef("%s: không có thư mục %s để ghi %s", cmd, filepath.Dir(*out), *out)
	}
	a, err := env.openExisting()
	if err != nil {
		return err
	}
	defer a.Close()
	x, err := a.FiguresExport(context.Background(), *period, *school, *asOf)
	if code := events.ErrorCode(err); code == events.EINVALID || code == events.ENOTFOUND {
		return usagef("%s: %v", cmd, err)
	} else if err != nil {
		return err
	}
	content, _, err := x.Encode(format)
	if err != nil {
		return err
	}
	if err := writeFileWhole(*out, content); err != nil {
		return err
	}
	codes := "– (sổ cái trống)"
	if len(x.Digest.Codes) > 0 {
		codes = strings.Join(x.Digest.Codes, "; ")
	}
	fmt.Fprintf(env.Stdout, "Đã ghi %s (%s, %s byte): số liệu kỳ %s, %s, tại thời điểm %s\n", *out, strings.ToUpper(format),
		vn.Int(int64(len(content))), x.Period.Label, x.Scope, vn.DateTimeText(x.AsOf))
	fmt.Fprintf(env.Stdout, "Mã xác thực: %s\n", codes)
	return nil
}

// writeFileWhole writes content to path through a temporary file in the
// same folder and a rename: a reader never sees half a file, and a failure
// leaves none.
func writeFileWhole(path string, content []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	_, err = tmp.Write(content)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(tmp.Name(), 0o644)
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		os.Remove(tmp.Name())
	}
	return err
}
