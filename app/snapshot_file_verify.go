package app

import (
	"context"
	"encoding/json"
	"errors"
	"strings"

	"socai/events"
	"socai/exchange"
	"socai/projections"
)

// What a verifying ledger knows of a snapshot's signer (SnapshotState.KeyStatus).
const (
	// KeyMatches: the ledger registered (KeyRegistered) this very key for the
	// installation that made the snapshot.
	KeyMatches = "khop"
	// KeyDiffers: it registered another key for that installation: a
	// forgery, or an installation that changed its key.
	KeyDiffers = "khac"
	// KeyUnknown: it registered no key for that installation. The snapshot
	// carries its public key in its manifest, so its signature proves that
	// nothing was changed since it was signed by that key, not who holds the
	// key: compare the fingerprint by phone with the sender.
	KeyUnknown = "chua_dang_ky"
)

// SnapshotCheck is the verification of a snapshot file.
type SnapshotCheck struct {
	// OK: signature, chains and every figure are right, and the signer is
	// known (its key registered here, or the fingerprint given matches).
	OK       bool          `json:"ok"`
	Snapshot SnapshotState `json:"snapshot"`
	// SignerKnown: the key is registered here or the fingerprint given
	// (FingerprintGiven) is the manifest's.
	SignerKnown      bool   `json:"signer_known"`
	SignerNote       string `json:"signer_note"`
	FingerprintGiven string `json:"fingerprint_given,omitempty"`
	// Chains is the recomputation of every hash chain of the file.
	Chains events.Report `json:"chains"`
	// Compared figures, and those the events do not give.
	Compared   int              `json:"compared"`
	Mismatches []FigureMismatch `json:"mismatches"`
}

// loadedSnapshot is a snapshot file that passed the container's checks.
type loadedSnapshot struct {
	file    *exchange.File
	cutoff  snapshotCutoff
	figures snapshotFigures
	state   SnapshotState
}

// readSnapshot opens and checks the snapshot at path: a socai file (size,
// structure, format version, signature, event types, chains, digest, all
// checked by exchange.Open) that is a snapshot, whose manifest reads. The
// signer is judged against ledger (nil: none). Refusals are *events.Error.
func readSnapshot(ctx context.Context, path string, ledger *events.Store) (*loadedSnapshot, error) {
	f, err := exchange.Open(ctx, path, exchange.OpenOptions{})
	if err != nil {
		return nil, err
	}
	m := f.Manifest
	if m.Format != exchange.FormatSnapshot {
		f.Close()
		return nil, events.Errorf(exchange.EBADMANIFEST, "file",
			"tệp %s là gói dữ liệu (%s), không phải bản chụp số liệu: nhập nó bằng socai bundle import", path, m.Format)
	}
	ls := &loadedSnapshot{file: f}
	c, _, err := snapshotCutoffOf(m)
	if err == nil {
		ls.cutoff = c
		if err = json.Unmarshal(m.Figures, &ls.figures); err != nil {
			err = events.Errorf(exchange.EBADMANIFEST, "file", "bản kê số liệu của bản chụp %s không đọc được: %v", path, err)
		}
	}
	if err == nil {
		_, err = projections.ParsePeriod(m.Period)
	}
	if err != nil {
		f.Close()
		return nil, err
	}
	st := SnapshotState{Path: path, Period: m.Period, School: m.SchoolID, ScopeName: "toàn cụm",
		Cutoff: c.At, Creator: c.Actor, Origin: m.Creator, AppVersion: m.AppVersion, CreatedAt: m.CreatedAt,
		Fingerprint: m.Fingerprint, KeyStatus: KeyUnknown, Events: m.Events}
	for _, s := range ls.figures.Scopes {
		if s.Scope == m.SchoolID && s.Scope != "" {
			st.ScopeName = s.Name
		}
	}
	if st.Creator == "" {
		st.Creator = m.Creator
	}
	if ledger != nil {
		_, err := exchange.Signer(ctx, ledger, f)
		switch code := events.ErrorCode(err); {
		case err == nil:
			st.KeyStatus = KeyMatches
		case code == exchange.EWRONGSIGNER:
			st.KeyStatus = KeyDiffers
		case code != exchange.EUNKNOWNSIGNER:
			f.Close()
			return nil, err
		}
	}
	ls.state = st
	return ls, nil
}

// VerifySnapshot checks the snapshot at path: the container's checks
// (refusals are returned as errors), then every hash chain again, then every
// figure of its manifest recomputed from its own events. The signer is
// judged against ledger, if given, and against fingerprint, if given.
func VerifySnapshot(ctx context.Context, path string, ledger *events.Store, fingerprint string) (SnapshotCheck, error) {
	ls, err := readSnapshot(ctx, path, ledger)
	if err != nil {
		return SnapshotCheck{}, err
	}
	defer ls.file.Close()
	out := SnapshotCheck{Snapshot: ls.state, FingerprintGiven: strings.TrimSpace(fingerprint), Mismatches: []FigureMismatch{}}
	st, err := events.OpenReadOnly(path)
	if err != nil {
		return out, err
	}
	defer st.Close()
	if out.Chains, err = st.Verify(ctx, events.VerifyOptions{}); err != nil {
		return out, err
	}
	p, _ := projections.ParsePeriod(ls.state.Period)
	view, err := projections.OpenView(ctx, path, projections.Cutoff{}, projections.All()...)
	if err != nil {
		return out, err
	}
	defer view.Close()
	recomputed, err := PeriodFigures(ctx, view.DB(), p, ls.state.School)
	if err != nil {
		return out, err
	}
	out.Mismatches, out.Compared = CompareFigures(ls.figures.Scopes, recomputed)
	out.SignerKnown, out.SignerNote = judgeSigner(ls.state, out.FingerprintGiven)
	out.OK = out.Chains.OK && len(out.Mismatches) == 0 && out.SignerKnown
	return out, nil
}

// judgeSigner says whether the signer of a snapshot is known, and why.
func judgeSigner(s SnapshotState, given string) (bool, string) {
	switch {
	case s.KeyStatus == KeyDiffers:
		return false, "khóa ký KHÁC khóa mà sổ cái này đã đăng ký cho bản cài đặt " + s.Origin +
			": bản chụp giả danh, hoặc bản cài đặt đã đổi khóa — không tin được"
	case given != "" && !events.SameFingerprint(given, s.Fingerprint):
		return false, "dấu vân tay khóa ký là " + s.Fingerprint + ", không phải " + given + " như đã đối chiếu: không tin được"
	case s.KeyStatus == KeyMatches:
		return true, "khóa ký khớp khóa đã đăng ký (KeyRegistered) của bản cài đặt " + s.Origin
	case given != "":
		return true, "dấu vân tay khóa ký khớp dấu vân tay đã đối chiếu (" + given + ")"
	}
	return false, "người ký chưa được xác minh: sổ cái này chưa đăng ký khóa của bản cài đặt " + s.Origin +
		". Chữ ký chỉ chứng minh tệp không bị sửa từ khi được ký bằng khóa có dấu vân tay " + s.Fingerprint +
		"; hãy gọi điện cho người gửi để đối chiếu dấu vân tay, rồi chạy lại với --fingerprint " + s.Fingerprint
}

// loadSnapshot opens the snapshot at path for the window: checked whole,
// its signer judged against this ledger; a key other than the one
// registered for its maker is refused.
func (a *App) loadSnapshot(ctx context.Context, path string) (*openSnapshot, error) {
	ls, err := readSnapshot(ctx, path, a.Store)
	if err != nil {
		return nil, err
	}
	ls.file.Close()
	if ls.state.KeyStatus == KeyDiffers {
		_, note := judgeSigner(ls.state, "")
		return nil, events.Errorf(exchange.EWRONGSIGNER, "file", "không mở bản chụp %s: %s", path, note)
	}
	_, at, _ := snapshotCutoffOf(ls.file.Manifest)
	st, err := events.OpenReadOnly(path)
	if err != nil {
		var e *events.Error
		if errors.As(err, &e) {
			return nil, err
		}
		return nil, events.Errorf(exchange.ECORRUPT, "file", "không mở được bản chụp %s: %v", path, err)
	}
	return &openSnapshot{state: ls.state, store: st, at: at}, nil
}
