package exchange

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/sha256"
	"database/sql"
	"encoding/base64"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"slices"
	"strings"

	"socai/events"
)

// Error codes of reading a socai file, stable for scripts and the window.
const (
	ENOTFILE      = "not_file"
	ETOOBIG       = "too_big"
	ENOTSQLITE    = "not_sqlite"
	ENOTSOCAI     = "not_socai"
	ECORRUPT      = "corrupt"
	EFUTUREFORMAT = "future_format"
	ENOMANIFEST   = "no_manifest"
	EBADMANIFEST  = "bad_manifest"
	ENOSIGNATURE  = "no_signature"
	EBADSIGNATURE = "bad_signature"
	EDIGEST       = "digest_mismatch"
	EBROKENCHAIN  = events.EBROKENCHAIN
	EWRONGSIGNER  = "wrong_signer"
	// EUNKNOWNSIGNER, events.EUNKNOWNTYPE and events.EFUTURESCHEMA come from events.
	EUNKNOWNSIGNER = events.EUNKNOWNSIGNER
)

// DefaultMaxSize is the largest file Open reads unless told otherwise: a
// cluster's bundle or snapshot of many years is tens of MB; a file past
// 512 MB is not one, or has been padded, and checking it would hold the
// PC for minutes.
const DefaultMaxSize int64 = 512 << 20

// OpenOptions tune Open.
type OpenOptions struct {
	MaxSize int64 // 0: DefaultMaxSize
	// Progress, if set, hears how many events have been checked out of Manifest.Events.
	Progress func(done, total int64)
	// DeferEvents leaves the events to EachChecked, for a reader that goes
	// through them anyway and undoes what it did if the check fails at the
	// end (an import, in one transaction): the file is read once, not twice.
	DeferEvents bool
	// Name is what messages call the file (default: its path), for a file
	// received under another name (a browser upload kept in a temp folder).
	Name string
}

// File is an open, checked socai file.
type File struct {
	Path         string
	Name         string // in messages
	Size         int64
	SHA256       string // of the whole file, for the import log
	Manifest     Manifest
	ManifestJSON []byte // exactly as signed
	Signature    []byte
	db           *sql.DB
}

// Close closes the file.
func (f *File) Close() error { return f.db.Close() }

// DB is the file's database, read-only (for a snapshot's projections).
func (f *File) DB() *sql.DB { return f.db }

func fail(code, format string, args ...any) error {
	return events.Errorf(code, "file", format, args...)
}

// Open opens a socai file read-only and checks it whole (see the package
// doc for the order); any refusal closes it.
func Open(ctx context.Context, path string, opt OpenOptions) (*File, error) {
	max := opt.MaxSize
	if max <= 0 {
		max = DefaultMaxSize
	}
	name := opt.Name
	if name == "" {
		name = path
	}
	st, err := os.Stat(path)
	if err != nil {
		return nil, fail(ENOTFILE, "không mở được tệp %s: %v", name, err)
	}
	if !st.Mode().IsRegular() {
		return nil, fail(ENOTFILE, "%s không phải một tệp", name)
	}
	if st.Size() > max {
		return nil, fail(ETOOBIG, "tệp %s nặng %s, quá giới hạn %s: tệp socai của cả một cụm chỉ vài chục MB; "+
			"tệp lớn thế này không phải tệp socai hoặc đã bị độn thêm dữ liệu, nên không đọc", name, mb(st.Size()), mb(max))
	}
	if err := checkHeader(path, name, st.Size()); err != nil {
		return nil, err
	}
	f := &File{Path: path, Name: name, Size: st.Size()}
	q := url.Values{}
	q.Set("mode", "ro")
	q.Set("immutable", "1") // nothing else writes it: no locks, no journal
	if f.db, err = sql.Open("sqlite3", "file:"+(&url.URL{Path: path}).EscapedPath()+"?"+q.Encode()); err != nil {
		return nil, err
	}
	if err := f.check(ctx, opt); err != nil {
		f.db.Close()
		return nil, err
	}
	return f, nil
}

func mb(n int64) string { return fmt.Sprintf("%d MB", (n+(1<<20)-1)>>20) }

var sqliteMagic = []byte("SQLite format 3\x00")

// checkHeader reads the 100-byte SQLite header: the magic, socai's
// application_id, the format version, and the size it announces.
func checkHeader(path, name string, size int64) error {
	fh, err := os.Open(path)
	if err != nil {
		return fail(ENOTFILE, "không mở được tệp %s: %v", name, err)
	}
	defer fh.Close()
	var h [100]byte
	if size == 0 {
		return fail(ENOTSQLITE, "tệp %s rỗng (0 byte): không phải tệp socai", name)
	}
	if _, err := io.ReadFull(fh, h[:]); err != nil || !bytes.Equal(h[:16], sqliteMagic) {
		return fail(ENOTSQLITE, "tệp %s không phải tệp socai (không phải cơ sở dữ liệu SQLite)", name)
	}
	if id := binary.BigEndian.Uint32(h[68:72]); id != AppID {
		return fail(ENOTSOCAI, "tệp %s là cơ sở dữ liệu SQLite nhưng không phải tệp socai (application_id %#x): "+
			"có thể là một sổ cái hay tệp của chương trình khác", name, id)
	}
	pageSize := int64(binary.BigEndian.Uint16(h[16:18]))
	if pageSize == 1 {
		pageSize = 65536
	}
	pages := int64(binary.BigEndian.Uint32(h[28:32]))
	if binary.BigEndian.Uint32(h[24:28]) == binary.BigEndian.Uint32(h[92:96]) && size < pageSize*pages {
		return fail(ECORRUPT, "tệp %s bị cắt cụt: có %d byte, cần %d byte; hãy nhận lại tệp", name, size, pageSize*pages)
	}
	if v := int64(binary.BigEndian.Uint32(h[60:64])); v > FormatVersion {
		return fail(EFUTUREFORMAT, "tệp %s có định dạng phiên bản %d, mới hơn phiên bản %d mà chương trình này đọc được: hãy cập nhật socai",
			name, v, FormatVersion)
	}
	return nil
}

func (f *File) check(ctx context.Context, opt OpenOptions) error {
	var qc string
	err := f.db.QueryRowContext(ctx, `PRAGMA quick_check`).Scan(&qc)
	if ctx.Err() != nil { // cancelled, not corrupt
		return ctx.Err()
	}
	if err != nil || qc != "ok" {
		if err != nil {
			qc = err.Error()
		}
		return fail(ECORRUPT, "tệp %s bị hỏng (SQLite: %s); hãy nhận lại tệp", f.Name, qc)
	}
	var body, sig string
	if err := f.db.QueryRowContext(ctx, `SELECT json, signature FROM manifest WHERE id = 1`).Scan(&body, &sig); err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if errors.Is(err, sql.ErrNoRows) || strings.Contains(err.Error(), "no such") {
			return fail(ENOMANIFEST, "tệp %s không có bản kê (manifest): không phải tệp socai hoàn chỉnh", f.Name)
		}
		return fail(ECORRUPT, "tệp %s bị hỏng: %v", f.Name, err)
	}
	f.ManifestJSON = []byte(body)
	m := &f.Manifest
	if err := json.Unmarshal(f.ManifestJSON, m); err != nil {
		return fail(EBADMANIFEST, "bản kê của tệp %s không đọc được: %v", f.Name, err)
	}
	if m.Format != FormatBundle && m.Format != FormatSnapshot {
		return fail(EBADMANIFEST, "bản kê của tệp %s có định dạng lạ %q", f.Name, m.Format)
	}
	if m.FormatVersion > FormatVersion {
		return fail(EFUTUREFORMAT, "tệp %s có định dạng phiên bản %d, mới hơn phiên bản %d mà chương trình này đọc được: hãy cập nhật socai",
			f.Name, m.FormatVersion, FormatVersion)
	}
	if strings.TrimSpace(sig) == "" {
		return fail(ENOSIGNATURE, "tệp %s không có chữ ký: không biết ai đã làm ra nó, không nhận", f.Name)
	}
	s, err := base64.StdEncoding.DecodeString(sig)
	if err != nil || len(s) != ed25519.SignatureSize {
		return fail(EBADSIGNATURE, "chữ ký của tệp %s không đúng dạng", f.Name)
	}
	f.Signature = s
	pub, err := events.DecodeKey("public_key", m.PublicKey)
	if err != nil {
		return fail(EBADSIGNATURE, "khóa công khai trong bản kê của tệp %s không hợp lệ", f.Name)
	}
	if !events.SameFingerprint(events.Fingerprint(pub), m.Fingerprint) {
		return fail(EBADSIGNATURE, "dấu vân tay %s trong bản kê không phải của khóa công khai đi kèm (%s)", m.Fingerprint, events.Fingerprint(pub))
	}
	if !ed25519.Verify(pub, f.ManifestJSON, f.Signature) {
		return fail(EBADSIGNATURE, "chữ ký của tệp %s không hợp lệ: bản kê đã bị sửa hoặc được ký bằng khóa khác", f.Name)
	}
	if !opt.DeferEvents {
		if err := f.checkEvents(ctx, opt.Progress, nil); err != nil {
			return err
		}
	}
	return f.hashFile()
}

// EachChecked calls fn for every event, in order, once its hash is checked;
// the chains, the count and the digest are only known at the end, so an
// error may come after fn has seen every event, and the caller must then
// undo what fn did. Decoding the payloads is left to fn (Store.Import
// decodes every record it takes).
func (f *File) EachChecked(ctx context.Context, fn func(events.Record) error) error {
	return f.checkEvents(ctx, nil, fn)
}

// checkEvents reads every event once: type known (unless handed on),
// hash and chain, digest; then, if given, hands it on.
func (f *File) checkEvents(ctx context.Context, progress func(done, total int64), then func(events.Record) error) error {
	m := &f.Manifest
	d := newDigester()
	chk := events.NewChainChecker(m.Starts)
	var thenErr error
	err := f.Each(ctx, func(r events.Record) error {
		if d.n%1024 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
			if progress != nil {
				progress(d.n, m.Events)
			}
		}
		if then == nil { // a reader decodes what it takes
			if err := f.decodes(&r); err != nil {
				return err
			}
		}
		chk.Check(&r)
		d.add(&r)
		if then != nil {
			thenErr = then(r)
			return thenErr
		}
		return nil
	})
	if err != nil {
		var e *events.Error
		if err == thenErr || errors.As(err, &e) || ctx.Err() != nil { // the reader's own errors are not the file's
			return err
		}
		return fail(ECORRUPT, "tệp %s bị hỏng: %v", f.Name, err)
	}
	if progress != nil {
		progress(d.n, m.Events)
	}
	if rep := chk.Finish(); !rep.OK {
		return fail(EBROKENCHAIN, "chuỗi sự kiện trong tệp %s bị hỏng: %s", f.Name, rep.First.Message)
	}
	if d.n != m.Events || d.sum() != m.EventsDigest {
		return fail(EDIGEST, "các sự kiện trong tệp %s không khớp bản kê đã ký (%d sự kiện, bản kê ghi %d): tệp đã bị thêm, bớt hoặc sửa",
			f.Name, d.n, m.Events)
	}
	if !slices.Equal(sortedRefs(d.heads), m.Heads) {
		return fail(EDIGEST, "đầu chuỗi trong tệp %s không khớp bản kê đã ký", f.Name)
	}
	return nil
}

// decodes checks that the vocabulary knows r's type and version and that
// its payload is valid.
func (f *File) decodes(r *events.Record) error {
	_, err := events.Vocabulary.Decode(r.Type, r.SchemaVersion, r.Data)
	if err == nil {
		return nil
	}
	code := events.ErrorCode(err)
	if code != events.EUNKNOWNTYPE && code != events.EFUTURESCHEMA {
		code = EBROKENCHAIN
	}
	return events.Errorf(code, "file", "sự kiện %s (vị trí %d của chuỗi %s) trong tệp %s: %v",
		r.ID, r.OriginSeq, r.Origin, f.Name, err)
}

func (f *File) hashFile() error {
	fh, err := os.Open(f.Path)
	if err != nil {
		return err
	}
	defer fh.Close()
	h := sha256.New()
	if _, err := io.Copy(h, fh); err != nil {
		return err
	}
	f.SHA256 = hex.EncodeToString(h.Sum(nil))
	return nil
}

// Each calls fn for every event of the file in file order.
func (f *File) Each(ctx context.Context, fn func(events.Record) error) error {
	rows, err := f.db.QueryContext(ctx, `SELECT `+events.RecordColumns+` FROM events ORDER BY seq`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		r, err := events.ScanRecord(rows)
		if err != nil {
			return err
		}
		if err := fn(r); err != nil {
			return err
		}
	}
	return rows.Err()
}

// SignedBy checks that the file was signed with pub.
func (f *File) SignedBy(pub ed25519.PublicKey) error {
	if f.Manifest.PublicKey != events.EncodeKey(pub) || !ed25519.Verify(pub, f.ManifestJSON, f.Signature) {
		return fail(EWRONGSIGNER, "tệp %s được ký bằng khóa %s, không phải khóa đã đăng ký của bản cài đặt %s (%s): "+
			"tệp giả danh hoặc bản cài đặt đã đổi khóa", f.Name, f.Manifest.Fingerprint, f.Manifest.Creator, events.Fingerprint(pub))
	}
	return nil
}

// Signer returns the key st registered for the file's creator, after
// checking that it signed the file: an unknown creator is EUNKNOWNSIGNER, another key EWRONGSIGNER.
func Signer(ctx context.Context, st *events.Store, f *File) (events.RegisteredKey, error) {
	k, err := st.TrustedKey(ctx, f.Manifest.Creator)
	if err != nil {
		return k, err
	}
	pub, err := events.DecodeKey("public_key", k.PublicKey)
	if err != nil {
		return k, err
	}
	return k, f.SignedBy(pub)
}
