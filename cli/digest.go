package cli

import (
	"fmt"
	"os"
	"strings"

	"socai/app"
	"socai/projections"
	"socai/vn"
)

// runDigest prints the digest of the ledger now or as of a moment, the
// code a report carries, and writes its QR code if asked.
func runDigest(env *Env, args []string) error {
	fs := flags(env, "digest")
	asJSON := fs.Bool("json", false, "JSON")
	asOf := fs.String("as-of", "", "mã của sổ cái như đã ghi nhận đến thời điểm này (2021-08-10 = hết ngày, giờ Việt Nam; hoặc RFC 3339)")
	qr := fs.String("qr", "", "ghi mã QR (PNG) vào tệp này")
	if err := noArgs(fs, args); err != nil {
		return err
	}
	if *asOf != "" {
		if _, err := projections.ParseAsOf(*asOf); err != nil {
			return usagef("--as-of: %v", err)
		}
	}
	a, err := env.openExisting()
	if err != nil {
		return err
	}
	defer a.Close()
	info, err := a.Digest.Current(*asOf)
	if err != nil {
		return err
	}
	if *qr != "" {
		if len(info.Codes) == 0 {
			return failedError{"sổ cái chưa có sự kiện nào: chưa có mã xác thực để in thành mã QR"}
		}
		png, err := app.QRPNG(info.Text, app.QRSize)
		if err != nil {
			return err
		}
		if err := os.WriteFile(*qr, png, 0o644); err != nil {
			return failedError{fmt.Sprintf("không ghi được mã QR vào %s: %v", *qr, err)}
		}
	}
	if *asJSON {
		return printJSON(env, struct {
			app.DigestCodes
			Text   string `json:"text"`
			AsOf   string `json:"as_of"`
			Heads  any    `json:"heads"`
			QRFile string `json:"qr_file"`
		}{info.DigestCodes, info.Text, info.AsOf, info.Heads, *qr})
	}
	if info.AsOf != "" {
		fmt.Fprintf(env.Stdout, "Sổ cái như đã ghi nhận đến %s (giờ Việt Nam)\n", vn.DateTimeText(info.AsOf))
	}
	if len(info.Codes) == 0 {
		fmt.Fprintln(env.Stdout, "Mã xác thực: – (sổ cái chưa có sự kiện nào)")
		return nil
	}
	fmt.Fprintf(env.Stdout, "Mã xác thực: %s\n  Đầy đủ: %s\n  Mã QR: %s\n", strings.Join(info.Codes, "; "),
		strings.Join(info.Full, "; "), info.Text)
	if *qr != "" {
		fmt.Fprintf(env.Stdout, "Đã ghi mã QR vào %s\n", *qr)
	}
	return nil
}
