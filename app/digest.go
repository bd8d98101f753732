package app

import (
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"strings"

	qrcode "github.com/skip2/go-qrcode"

	"socai/events"
	"socai/projections"
	"socai/vn"
)

// DigestService gives the digest printed on every report (the chain heads
// of the data it was made from, as short codes and a QR code) and tells an
// inspector whether this ledger still holds exactly the history up to a
// printed code.
type DigestService struct{ app *App }

// DigestCodes are the heads of a history written two ways: short codes
// (ORIGIN8:SEQ:HASH12) to print and read out, and the full form.
type DigestCodes struct {
	Codes []string `json:"codes"`
	Full  []string `json:"full"`
}

// DigestPrefix starts the text of a digest's QR code.
const DigestPrefix = "socai:digest:"

// DigestInfo is the digest of the ledger now or as of a moment.
type DigestInfo struct {
	DigestCodes
	// Text is what the QR code says: DigestPrefix and the full digests, ";" between.
	Text  string        `json:"text"`
	Heads []events.Head `json:"heads"`
	// AsOf is the record-time cutoff, UTC, "" for now.
	AsOf string `json:"as_of"`
	// QRPNG is the QR code of Text as a data: URL, "" for an empty ledger.
	QRPNG string `json:"qr_png"`
}

// QRSize is the side of the QR image in pixels: readable by a phone from
// a printed A4 page.
const QRSize = 256

// QRPNG encodes text as a QR code (error correction M) in a size×size PNG.
// The report exports reuse it.
func QRPNG(text string, size int) ([]byte, error) {
	if size <= 0 {
		return nil, fmt.Errorf("kích thước mã QR không hợp lệ: %d", size)
	}
	return qrcode.Encode(text, qrcode.Medium, size)
}

// digestOfHeads writes heads as codes.
func digestOfHeads(heads []events.Head) DigestCodes {
	refs := make([]events.ChainRef, len(heads))
	for i, h := range heads {
		refs[i] = events.ChainRef{Origin: h.Origin, OriginSeq: h.OriginSeq, Hash: h.Hash}
	}
	return digestOfRefs(refs)
}

// digestOfRefs writes chain references as codes.
func digestOfRefs(refs []events.ChainRef) DigestCodes {
	d := DigestCodes{Codes: []string{}, Full: []string{}}
	for _, r := range refs {
		dg := events.Digest{Origin: r.Origin, OriginSeq: r.OriginSeq, Hash: r.Hash}
		d.Codes = append(d.Codes, dg.Short())
		d.Full = append(d.Full, dg.String())
	}
	return d
}

// QRText is the text of the QR code of d.
func (d DigestCodes) QRText() string { return DigestPrefix + strings.Join(d.Full, ";") }

// ParseDigestText reads what a report prints or its QR code says: one or
// several digests, short or full, separated by ";", "," or spaces, with
// or without DigestPrefix.
func ParseDigestText(s string) ([]events.Digest, error) {
	s = strings.TrimSpace(s)
	if len(s) >= len(DigestPrefix) && strings.EqualFold(s[:len(DigestPrefix)], DigestPrefix) {
		s = s[len(DigestPrefix):]
	}
	return events.ParseDigests(s)
}

// chainHeads are the last events of every chain among the events q holds
// (a live ledger, a view of the past, or a transaction), recorded at or
// before at when at is not "", this installation's chain first.
func chainHeads(ctx context.Context, q projections.Querier, local, at string) ([]events.Head, error) {
	cond, args := "1", []any{}
	if at != "" {
		cond, args = "recorded_at <= ?", append(args, at)
	}
	rows, err := q.QueryContext(ctx, `SELECT e.origin, e.origin_seq, e.seq, e.hash, e.recorded_at
		FROM events e JOIN (SELECT origin, MAX(origin_seq) AS m FROM events WHERE `+cond+` GROUP BY origin) h
		ON e.origin = h.origin AND e.origin_seq = h.m
		ORDER BY e.origin = ? DESC, e.origin`, append(args, local)...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []events.Head{}
	for rows.Next() {
		var h events.Head
		if err := rows.Scan(&h.Origin, &h.OriginSeq, &h.Seq, &h.Hash, &h.RecordedAt); err != nil {
			return nil, err
		}
		h.Local = h.Origin == local
		out = append(out, h)
	}
	return out, rows.Err()
}

// ReportDigest is the digest of the data a report of a is made from: the
// chain heads now, or within the cutoff of a view of the past.
func (a *App) ReportDigest(ctx context.Context) (DigestCodes, []events.Head, error) {
	heads, err := chainHeads(ctx, a.DB(), a.source().Origin(), "")
	if err != nil {
		return DigestCodes{}, nil, err
	}
	return digestOfHeads(heads), heads, nil
}

// Current is the digest of the ledger now (asOf "") or as it stood at
// record time asOf (2021-08-10 or RFC 3339), with its QR code.
func (s *DigestService) Current(asOf string) (DigestInfo, error) {
	ctx := context.Background()
	var heads []events.Head
	var err error
	info := DigestInfo{}
	if strings.TrimSpace(asOf) == "" {
		_, heads, err = s.app.ReportDigest(ctx)
	} else {
		t, perr := projections.ParseAsOf(strings.TrimSpace(asOf))
		if perr != nil {
			return DigestInfo{}, perr
		}
		info.AsOf = events.FormatRecordedAt(t)
		heads, err = chainHeads(ctx, s.app.DB(), s.app.source().Origin(), info.AsOf)
	}
	if err != nil {
		return DigestInfo{}, err
	}
	info.DigestCodes, info.Heads = digestOfHeads(heads), heads
	if len(heads) > 0 {
		info.Text = info.QRText()
		png, err := QRPNG(info.Text, QRSize)
		if err != nil {
			return DigestInfo{}, err
		}
		info.QRPNG = "data:image/png;base64," + base64.StdEncoding.EncodeToString(png)
	}
	return info, nil
}

// DigestFound is one printed code and the event it names in this ledger.
type DigestFound struct {
	Code      string `json:"code"`
	Origin    string `json:"origin"`
	OriginSeq int64  `json:"origin_seq"`
	// Found: this ledger has an event at that position whose hash starts
	// with the code's; Seq, Hash and RecordedAt describe it.
	Found      bool   `json:"found"`
	Seq        int64  `json:"seq"`
	Hash       string `json:"hash"`
	RecordedAt string `json:"recorded_at"`
	// Later is how many events this ledger recorded after it.
	Later int64 `json:"later"`
}

// DigestCheck is the answer to "does this ledger still contain exactly
// the history of this printed code?".
type DigestCheck struct {
	// OK: the whole ledger verifies and every code is in its history.
	OK bool `json:"ok"`
	// Intact: the history up to every code is unchanged (events recorded
	// after them may still have problems: then OK is false).
	Intact  bool          `json:"intact"`
	Verdict string        `json:"verdict"`
	Detail  string        `json:"detail"`
	Digests []DigestFound `json:"digests"`
	Report  events.Report `json:"report"`
}

// Verify checks a printed code (or several, as a report prints them, or
// the text of its QR code) against this ledger: every hash chain is
// recomputed, and each code must name an event still in it.
func (s *DigestService) Verify(code string) (DigestCheck, error) {
	ds, err := ParseDigestText(code)
	if err != nil {
		return DigestCheck{}, digestInputError(err)
	}
	return s.app.CheckDigests(context.Background(), ds, nil)
}

// digestInputError is a malformed code, named as the field the UI asked for.
func digestInputError(err error) error {
	var e *events.Error
	if errors.As(err, &e) {
		return events.Errorf(e.Code, "code", "%s", e.Message)
	}
	return err
}

// CheckDigests verifies the ledger with digests (and against another copy,
// if given) and says in Vietnamese whether the history up to them is intact.
// A problem counts against a digest when it is the digest itself or an
// event recorded at or before the latest digest's event (by seq).
func (a *App) CheckDigests(ctx context.Context, ds []events.Digest, against *events.Store) (DigestCheck, error) {
	rep, err := a.source().Verify(ctx, events.VerifyOptions{Digests: ds, Against: against})
	if err != nil {
		return DigestCheck{}, err
	}
	out := DigestCheck{OK: rep.OK, Report: rep, Digests: []DigestFound{}}
	var last, top int64
	allFound := true
	if err := a.source().DB().QueryRowContext(ctx, `SELECT COALESCE(MAX(seq), 0) FROM events`).Scan(&top); err != nil {
		return DigestCheck{}, err
	}
	for _, d := range ds {
		f := DigestFound{Code: d.String(), Origin: d.Origin, OriginSeq: d.OriginSeq}
		err := a.source().DB().QueryRowContext(ctx, `SELECT origin, seq, hash, recorded_at FROM events
			WHERE origin >= ? AND origin < ? AND origin_seq = ? ORDER BY origin LIMIT 1`, d.Origin, d.Origin+"~", d.OriginSeq).
			Scan(&f.Origin, &f.Seq, &f.Hash, &f.RecordedAt)
		if err == nil && strings.HasPrefix(f.Hash, d.Hash) {
			f.Found = true
			f.Later = top - f.Seq
			last = max(last, f.Seq)
		} else {
			allFound = false
		}
		out.Digests = append(out.Digests, f)
	}
	var before, after []events.Problem
	for _, p := range rep.Problems {
		switch {
		case p.Kind == events.KindDigestMismatch || (p.Seq > 0 && p.Seq <= last):
			before = append(before, p)
		default:
			after = append(after, p)
		}
	}
	out.Intact = allFound && len(before) == 0
	switch {
	case !out.Intact:
		out.Verdict = "Lịch sử trước mã này đã bị thay đổi"
		first := rep.First
		if len(before) > 0 {
			first = &before[0]
		}
		if first != nil {
			out.Detail = fmt.Sprintf("%d vấn đề; đầu tiên: %s", len(before), first.Message)
		}
	case out.OK:
		out.Verdict = "Sổ cái còn nguyên lịch sử đến mã này"
		out.Detail = fmt.Sprintf("Đã kiểm tra %s sự kiện của %d chuỗi, không phát hiện sửa đổi; %s sự kiện được ghi sau mã.",
			vn.Int(rep.Checked), rep.Origins, vn.Int(top-last))
	default:
		out.Verdict = "Sổ cái còn nguyên lịch sử đến mã này, nhưng phần ghi sau mã có vấn đề"
		out.Detail = fmt.Sprintf("%d vấn đề sau mã; đầu tiên: %s", len(after), after[0].Message)
	}
	return out, nil
}
