package app_test

import (
	"bytes"
	"encoding/base64"
	"image/png"
	"strings"
	"testing"
	"time"

	"github.com/makiuchi-d/gozxing"
	"github.com/makiuchi-d/gozxing/qrcode"

	"socai/app"
	"socai/events"
)

// decodeQR reads the text of a QR code image with an independent decoder
// (a port of ZXing): as a photo first, then as a clean image, which it is
// (its detector misreads a few clean images with a wide margin).
func decodeQR(t *testing.T, pngBytes []byte, size int) string {
	t.Helper()
	img, err := png.Decode(bytes.NewReader(pngBytes))
	if err != nil {
		t.Fatalf("not a PNG: %v", err)
	}
	if b := img.Bounds(); b.Dx() != size || b.Dy() != size {
		t.Errorf("QR image %dx%d, want %dx%d", b.Dx(), b.Dy(), size, size)
	}
	bmp, err := gozxing.NewBinaryBitmapFromImage(img)
	if err != nil {
		t.Fatal(err)
	}
	res, err := qrcode.NewQRCodeReader().Decode(bmp, nil)
	if err != nil {
		res, err = qrcode.NewQRCodeReader().Decode(bmp, map[gozxing.DecodeHintType]any{gozxing.DecodeHintType_PURE_BARCODE: true})
	}
	if err != nil {
		t.Fatalf("the QR code does not decode: %v", err)
	}
	return res.GetText()
}

func TestQRPNG(t *testing.T) {
	text := app.DigestPrefix + "01a1ff20-df23-74bf-9b69-27b30d7256f7:1761:" + strings.Repeat("ab", 32) +
		";01a1ff20-df23-74bf-9b69-27b30d725600:12:" + strings.Repeat("cd", 32)
	for _, size := range []int{256, 512} {
		b, err := app.QRPNG(text, size)
		if err != nil {
			t.Fatal(err)
		}
		if got := decodeQR(t, b, size); got != text {
			t.Errorf("QR says %q, want %q", got, text)
		}
	}
	if _, err := app.QRPNG(text, 0); err == nil {
		t.Error("a QR code of size 0")
	}
}

// The digest of a report names the chain heads of the data it was made
// from; it still verifies after later appends, and names what changed
// when the history before it was altered.
func TestDigestService(t *testing.T) {
	a := openApp(t)
	clock := time.Date(2021, 8, 1, 2, 0, 0, 0, time.UTC)
	a.Store.Now = func() time.Time { return clock }
	if empty, err := a.Digest.Current(""); err != nil || len(empty.Codes) != 0 || empty.QRPNG != "" {
		t.Errorf("empty ledger: %+v %v", empty, err)
	}
	importLines(t, a, baseCluster...)
	d, err := a.Digest.Current("")
	if err != nil {
		t.Fatal(err)
	}
	heads, _ := a.Store.Heads(ctx)
	full := events.Digest{Origin: heads[0].Origin, OriginSeq: heads[0].OriginSeq, Hash: heads[0].Hash}
	if len(d.Codes) != 1 || d.Codes[0] != full.Short() || d.Full[0] != full.String() || d.AsOf != "" ||
		d.Text != app.DigestPrefix+full.String() {
		t.Fatalf("digest %+v, head %+v", d, heads[0])
	}
	pngBytes, err := base64.StdEncoding.DecodeString(strings.TrimPrefix(d.QRPNG, "data:image/png;base64,"))
	if err != nil || !strings.HasPrefix(d.QRPNG, "data:image/png;base64,") {
		t.Fatalf("qr_png is not a PNG data URL: %.40s", d.QRPNG)
	}
	if got := decodeQR(t, pngBytes, app.QRSize); got != d.Text {
		t.Errorf("QR says %q, want %q", got, d.Text)
	}

	clock = time.Date(2021, 9, 1, 2, 0, 0, 0, time.UTC)
	importLines(t, a, `{"type":"TrainingTargetAssigned","stream":"school-sonla-2021","occurred_on":"2021-01-15","data":{"school_id":"sonla","year":2021,"classes":40,"students":2530},"meta":{}}`)
	then, err := a.Digest.Current("2021-08-15")
	if err != nil || then.Full[0] != d.Full[0] || then.AsOf == "" {
		t.Errorf("as of 15/08/2021 the digest is the one of 01/08: %+v %v", then, err)
	}
	if _, err := a.Digest.Current("hôm qua"); events.ErrorCode(err) != events.EINVALID {
		t.Errorf("a bad moment: %v", err)
	}

	for _, code := range []string{d.Codes[0], d.Full[0], d.Text, "  " + d.Codes[0] + " ; " + d.Full[0]} {
		c, err := a.Digest.Verify(code)
		if err != nil {
			t.Fatal(err)
		}
		if !c.OK || !c.Intact || c.Verdict != "Sổ cái còn nguyên lịch sử đến mã này" || len(c.Digests) == 0 ||
			!c.Digests[0].Found || c.Digests[0].Later != 1 || c.Digests[0].Origin != heads[0].Origin {
			t.Errorf("Verify(%q) after an append: %+v", code, c)
		}
	}
	wrong := heads[0].Origin[:8] + ":" + events.Itoa(heads[0].OriginSeq) + ":" + strings.Repeat("0", 12)
	if c, err := a.Digest.Verify(wrong); err != nil || c.OK || c.Intact || c.Verdict != "Lịch sử trước mã này đã bị thay đổi" ||
		c.Digests[0].Found || c.Detail == "" {
		t.Errorf("a code whose hash is not this history's: %+v %v", c, err)
	}
	for _, bad := range []string{"", "abc", "socai:digest:", "12345678:0:abcdef12"} {
		if _, err := a.Digest.Verify(bad); events.ErrorCode(err) != events.EINVALID || events.ErrorField(err) != "code" {
			t.Errorf("Verify(%q): %v", bad, err)
		}
	}
	if n := eventCount(t, a); n != int64(len(baseCluster)+1) {
		t.Errorf("checking digests appended: %d events", n)
	}
}
