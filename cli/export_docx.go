package cli

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"socai/app"
	"socai/events"
	"socai/vn"
)

func init() { exportKinds["docx"] = runExportDocx }

// runExportDocx writes the sơ kết or tổng kết report as DOCX. Wrong kind,
// period, as-of or school is wrong usage (exit 2); a file that cannot be
// written fails (exit 1). Nothing is left behind on failure: the report is
// written to a temporary file beside the target and renamed at the end.
func runExportDocx(env *Env, args []string) error {
	fs := flags(env, "export docx")
	kind := fs.String("kind", "", "so-ket (sơ kết 6 tháng) hoặc tong-ket (tổng kết năm)")
	period := fs.String("period", "", "kỳ: 2021-H1 hoặc 2021-H2 cho so-ket, 2021 cho tong-ket")
	school := fs.String("school", "", "mã trường (mặc định: cả cụm)")
	asOf := fs.String("as-of", "", "số liệu như sổ cái biết tại thời điểm này (2021-08-10 = hết ngày, giờ Việt Nam; hoặc RFC 3339)")
	out := fs.String("out", "", "tệp .docx sẽ ghi")
	if _, err := parse(fs, args); err != nil {
		return err
	}
	if *kind == "" || *period == "" || *out == "" {
		return usagef("cách dùng: socai export docx --kind so-ket|tong-ket --period P [--school MÃ] [--as-of T] --out TỆP.docx")
	}
	if _, err := app.DocxPeriod(*kind, *period); err != nil {
		return usagef("%v", err)
	}
	a, err := env.openExisting()
	if err != nil {
		return err
	}
	defer a.Close()
	req := app.DocxRequest{Kind: *kind, Period: *period, School: *school, AsOf: *asOf}
	_, body, err := a.ReportDocx(context.Background(), req, time.Now())
	switch events.ErrorCode(err) {
	case events.EINVALID, app.EUnknownSchool, app.EUnknownCluster:
		return usagef("%v", err)
	}
	if err != nil {
		return err
	}
	if err := writeFileAtomic(*out, body); err != nil {
		return failedError{fmt.Sprintf("không ghi được tệp %s: %v", *out, err)}
	}
	fmt.Fprintf(env.Stdout, "Đã ghi báo cáo %s kỳ %s vào %s (%s byte)\n", *kind, *period, *out, vn.Int(int64(len(body))))
	return nil
}

// writeFileAtomic writes body to path through a temporary file in the same
// folder, so that a failure leaves neither a partial file nor a stray one.
func writeFileAtomic(path string, body []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return err
	}
	_, err = tmp.Write(body)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		os.Remove(tmp.Name())
	}
	return err
}
