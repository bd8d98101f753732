package app

import (
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"socai/events"
	"socai/exchange"
)

// BundleService moves events between installations as signed bundles: a
// school exports its own events, the cluster lead imports them (and the
// other way round for the cluster's own records).
//
// Imported events are not validated again against this ledger: they were
// validated where they were recorded, against what that school knew then,
// and the lead may hold other schools' events in another order (a class
// opened before its type reached the lead); refusing them here would make
// two ledgers disagree about one history. What is checked is what can be
// checked without that order: the signature, the chains, the registry
// (every payload decodes and passes its own Check), streams' owners and
// versions.
type BundleService struct {
	app *App
	mu  sync.Mutex
	job *importJob
}

// BundleExport says what an export wrote.
type BundleExport struct {
	Path        string `json:"path"`
	Name        string `json:"name"`
	Events      int64  `json:"events"`
	Since       int64  `json:"since"`
	Cursor      int64  `json:"cursor"` // pass it as since next time
	ClusterID   string `json:"cluster_id"`
	SchoolID    string `json:"school_id"`
	Fingerprint string `json:"fingerprint"`
	// Content is the file in base64 (BundleContent only: the browser saves it).
	Content string `json:"content,omitempty"`
}

// ledgerCluster is the one cluster of this ledger.
func (a *App) ledgerCluster(ctx context.Context) (string, error) {
	rows, err := a.DB().QueryContext(ctx, `SELECT cluster_id FROM proj_clusters ORDER BY cluster_id LIMIT 2`)
	if err != nil {
		return "", err
	}
	defer rows.Close()
	var ids []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return "", err
		}
		ids = append(ids, id)
	}
	switch len(ids) {
	case 0:
		return "", Fail(EUnknownCluster, "", "sổ cái chưa có cụm thi đua: hãy nhập gói dữ liệu của cụm trưởng hoặc lập cụm trước")
	case 2:
		return "", Fail(events.EINVALID, "", "sổ cái có nhiều cụm thi đua (%s, %s…): không biết gói dữ liệu thuộc cụm nào", ids[0], ids[1])
	}
	return ids[0], rows.Err()
}

// BundleName is the default file name of a bundle.
func BundleName(cluster, school string, since, cursor int64) string {
	who := school
	if who == "" {
		who = "socai"
	}
	return fmt.Sprintf("goi-%s-%s-%d-%d.socai", cluster, who, since, cursor)
}

// The bundle operations take a context and belong to App, for the CLI and
// tests; the BundleService methods are what the window and the HTTP bridge
// call (bound methods take only JSON arguments).

// ExportBundle writes this installation's own events after position since
// to path, signed with its key.
func (a *App) ExportBundle(ctx context.Context, since int64, path string) (BundleExport, error) {
	if since < 0 {
		return BundleExport{}, Fail(events.EINVALID, "since", "vị trí bắt đầu không được âm (nhận %d)", since)
	}
	if strings.TrimSpace(path) == "" {
		return BundleExport{}, Fail(events.EINVALID, "out", "chưa chọn tệp để ghi")
	}
	st := a.Store
	cluster, err := a.ledgerCluster(ctx)
	if err != nil {
		return BundleExport{}, err
	}
	key, err := st.SigningKey(ctx)
	if err != nil {
		return BundleExport{}, err
	}
	info, err := a.InstallationKey(ctx)
	if err != nil {
		return BundleExport{}, err
	}
	cursor := since
	m, err := exchange.Write(ctx, path, exchange.Manifest{Format: exchange.FormatBundle, ClusterID: cluster,
		SchoolID: info.SchoolID, Creator: st.Origin(), AppVersion: Version, Since: &since},
		func(fn func(events.Record) error) error {
			return st.EachOfOrigin(ctx, st.Origin(), since, func(r events.Record) error {
				cursor = r.OriginSeq
				return fn(r)
			})
		}, key)
	if err != nil {
		return BundleExport{}, err
	}
	return BundleExport{Path: path, Name: filepath.Base(path), Events: m.Events, Since: since, Cursor: cursor,
		ClusterID: cluster, SchoolID: info.SchoolID, Fingerprint: m.Fingerprint}, nil
}

// SaveBundle exports the events after since and asks where to save the
// bundle with the native dialog; Path is "" when the user cancels.
func (s *BundleService) SaveBundle(since int64) (BundleExport, error) {
	tmp, err := s.BundleContent(since)
	if err != nil {
		return tmp, err
	}
	b, _ := base64.StdEncoding.DecodeString(tmp.Content)
	path, err := s.app.runtime.saveFile("Lưu gói dữ liệu", tmp.Name, b)
	if err != nil || path == "" {
		return BundleExport{}, err
	}
	tmp.Path, tmp.Name, tmp.Content = path, filepath.Base(path), ""
	return tmp, nil
}

// BundleContent returns the bundle of the events after since itself
// (base64), for the browser to save.
func (s *BundleService) BundleContent(since int64) (BundleExport, error) {
	dir, err := os.MkdirTemp("", "socai-bundle-")
	if err != nil {
		return BundleExport{}, err
	}
	defer os.RemoveAll(dir)
	x, err := s.app.ExportBundle(context.Background(), since, filepath.Join(dir, "bundle.socai"))
	if err != nil {
		return x, err
	}
	b, err := os.ReadFile(x.Path)
	if err != nil {
		return x, err
	}
	x.Name = BundleName(x.ClusterID, x.SchoolID, x.Since, x.Cursor)
	x.Path, x.Content = "", base64.StdEncoding.EncodeToString(b)
	return x, nil
}

// ImportSummary is the result of an import: what came in, from whom, or
// why nothing did.
type ImportSummary struct {
	File        string `json:"file"`
	FileSHA256  string `json:"file_sha256"`
	Signer      string `json:"signer"` // origin
	SchoolID    string `json:"school_id"`
	SchoolName  string `json:"school_name"`
	Fingerprint string `json:"fingerprint"`
	ClusterID   string `json:"cluster_id"`
	Events      int64  `json:"events"` // in the file
	Imported    int64  `json:"imported"`
	Skipped     int64  `json:"skipped"` // already here
	Refused     bool   `json:"refused"`
	Code        string `json:"code,omitempty"`
	Reason      string `json:"reason,omitempty"`
}

// Import phases.
const (
	PhaseChecking  = "checking"
	PhaseImporting = "importing"
	PhaseDone      = "done"
	PhaseRefused   = "refused"
	PhaseCancelled = "cancelled"
)

// ImportProgress is where a long import stands.
type ImportProgress struct {
	Phase string `json:"phase"`
	Done  int64  `json:"done"`
	Total int64  `json:"total"`
}

// ImportBundle checks and imports the bundle at path in one transaction. A
// refusal returns the summary with Refused, Code and Reason, and the error.
func (a *App) ImportBundle(ctx context.Context, path string, progress func(ImportProgress)) (ImportSummary, error) {
	return a.importAs(ctx, path, "", progress)
}

// importAs is ImportBundle of a file that messages call name ("": its path).
func (a *App) importAs(ctx context.Context, path, name string, progress func(ImportProgress)) (ImportSummary, error) {
	if name == "" {
		name = path
	}
	sum := ImportSummary{File: filepath.Base(name)}
	err := a.importBundle(ctx, path, name, &sum, progress)
	if err != nil {
		sum.Refused, sum.Code, sum.Reason = true, events.ErrorCode(err), errorText(err)
		if errors.Is(err, context.Canceled) {
			sum.Code, sum.Reason = PhaseCancelled, "đã hủy: không nhập sự kiện nào"
		}
	}
	return sum, err
}

func errorText(err error) string {
	var e *events.Error
	if errors.As(err, &e) {
		return e.Message
	}
	return err.Error()
}

func (a *App) importBundle(ctx context.Context, path, name string, sum *ImportSummary, progress func(ImportProgress)) error {
	if progress == nil {
		progress = func(ImportProgress) {}
	}
	if err := a.writable(); err != nil {
		return err
	}
	st := a.Store
	// The events are checked as they are imported: a bad one, or a digest
	// that does not match at the end, rolls the whole import back.
	progress(ImportProgress{Phase: PhaseChecking})
	f, err := exchange.Open(ctx, path, exchange.OpenOptions{DeferEvents: true, Name: name})
	if err != nil {
		return err
	}
	defer f.Close()
	m := f.Manifest
	sum.FileSHA256, sum.Signer, sum.SchoolID, sum.Fingerprint, sum.ClusterID, sum.Events =
		f.SHA256, m.Creator, m.SchoolID, m.Fingerprint, m.ClusterID, m.Events
	if m.Format != exchange.FormatBundle {
		return Fail(exchange.EBADMANIFEST, "", "tệp %s là %s, không phải gói dữ liệu: mở nó ở chế độ kiểm tra thay vì nhập", sum.File, m.Format)
	}
	key, err := exchange.Signer(ctx, st, f)
	if err != nil {
		return err
	}
	sum.SchoolID = key.SchoolID
	_ = a.DB().QueryRowContext(ctx, `SELECT name FROM proj_schools WHERE school_id = ?`, key.SchoolID).Scan(&sum.SchoolName)
	// A ledger without a cluster yet takes the cluster of its first bundle
	// (a school receiving the lead's records); otherwise they must agree.
	cluster, err := a.ledgerCluster(ctx)
	if events.ErrorCode(err) == EUnknownCluster {
		cluster, err = m.ClusterID, nil
	}
	if err != nil {
		return err
	}
	if m.ClusterID != cluster {
		return Fail(EUnknownCluster, "", "gói dữ liệu của cụm %q, sổ cái này là của cụm %q: không nhập", m.ClusterID, cluster)
	}
	res, err := st.Import(ctx, func(fn func(events.Record) error) error { return f.EachChecked(ctx, fn) }, events.ImportLog{FileSHA256: f.SHA256, Signer: m.Creator, Fingerprint: m.Fingerprint},
		func(done int64) { progress(ImportProgress{Phase: PhaseImporting, Done: done, Total: m.Events}) })
	if err != nil {
		return err
	}
	sum.Imported, sum.Skipped = res.Imported, res.Skipped
	return nil
}

// importJob is the import running in the background for the window.
type importJob struct {
	cancel   context.CancelFunc
	progress ImportProgress
	summary  *ImportSummary
	running  bool
	cleanup  func()
}

// ImportStatus is what the window shows of the background import.
type ImportStatus struct {
	Running  bool           `json:"running"`
	Progress ImportProgress `json:"progress"`
	Summary  *ImportSummary `json:"summary"`
}

// StartImport starts importing path in the background; ImportStatus (or
// the "bundle:progress" window event) follows it, CancelImport stops it
// with nothing imported.
func (s *BundleService) StartImport(path string) (ImportStatus, error) {
	return s.start(path, "", nil)
}

// start imports path in the background, calling it name in messages, and
// runs cleanup when done.
func (s *BundleService) start(path, name string, cleanup func()) (ImportStatus, error) {
	if err := s.app.writable(); err != nil {
		if cleanup != nil {
			cleanup()
		}
		return ImportStatus{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.job != nil && s.job.running {
		if cleanup != nil {
			cleanup()
		}
		return ImportStatus{}, Fail(EInvalidState, "", "đang nhập một gói dữ liệu khác: hãy chờ hoặc hủy")
	}
	ctx, cancel := context.WithCancel(context.Background())
	job := &importJob{cancel: cancel, running: true, cleanup: cleanup, progress: ImportProgress{Phase: PhaseChecking}}
	s.job = job
	go func() {
		sum, err := s.app.importAs(ctx, path, name, func(p ImportProgress) {
			s.mu.Lock()
			job.progress = p
			s.mu.Unlock()
			s.app.runtime.emit("bundle:progress", p)
		})
		s.mu.Lock()
		job.running, job.summary = false, &sum
		switch {
		case errors.Is(err, context.Canceled):
			job.progress.Phase = PhaseCancelled
		case err != nil:
			job.progress.Phase = PhaseRefused
		default:
			job.progress.Phase = PhaseDone
		}
		s.mu.Unlock()
		cancel()
		if job.cleanup != nil {
			job.cleanup()
		}
		s.app.runtime.emit("bundle:done", sum)
	}()
	return s.status(), nil
}

// ChooseAndImport asks for the bundle with the native open dialog and
// starts importing it; nothing starts when the user cancels.
func (s *BundleService) ChooseAndImport() (ImportStatus, error) {
	path, err := s.app.runtime.openFile("Nhập gói dữ liệu", "*.socai", "Gói dữ liệu socai (*.socai)")
	if err != nil || path == "" {
		return s.ImportStatus(), err
	}
	return s.StartImport(path)
}

// UploadAndImport imports a bundle the browser sends (base64): the HTTP
// harness has no file dialog.
func (s *BundleService) UploadAndImport(name, content string) (ImportStatus, error) {
	b, err := base64.StdEncoding.DecodeString(content)
	if err != nil {
		return ImportStatus{}, Fail(events.EINVALID, "content", "nội dung tệp không đúng dạng base64")
	}
	dir, err := os.MkdirTemp("", "socai-import-")
	if err != nil {
		return ImportStatus{}, err
	}
	path := filepath.Join(dir, filepath.Base(strings.TrimSpace(name)))
	if filepath.Base(path) == "." || filepath.Base(path) == "/" {
		path = filepath.Join(dir, "bundle.socai")
	}
	if err := os.WriteFile(path, b, 0o600); err != nil {
		os.RemoveAll(dir)
		return ImportStatus{}, err
	}
	return s.start(path, filepath.Base(path), func() { os.RemoveAll(dir) })
}

// ImportStatus is where the background import stands (polled by the HTTP harness).
func (s *BundleService) ImportStatus() ImportStatus {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.status()
}

func (s *BundleService) status() ImportStatus {
	if s.job == nil {
		return ImportStatus{}
	}
	return ImportStatus{Running: s.job.running, Progress: s.job.progress, Summary: s.job.summary}
}

// CancelImport stops the background import: its transaction is rolled
// back, nothing is imported.
func (s *BundleService) CancelImport() ImportStatus {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.job != nil && s.job.running {
		s.job.cancel()
	}
	return s.status()
}

// ImportLog lists the bundles imported into this ledger, newest first.
func (s *BundleService) ImportLog() ([]ImportRecord, error) {
	rows, err := s.app.Store.DB().QueryContext(context.Background(), `SELECT imported_at, file_sha256, signer_origin, fingerprint, first_seq, last_seq, events
		FROM imports ORDER BY id DESC`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []ImportRecord{}
	for rows.Next() {
		var r ImportRecord
		if err := rows.Scan(&r.ImportedAt, &r.FileSHA256, &r.Signer, &r.Fingerprint, &r.FirstSeq, &r.LastSeq, &r.Events); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// ImportRecord is one row of the import log.
type ImportRecord struct {
	ImportedAt  string `json:"imported_at"`
	FileSHA256  string `json:"file_sha256"`
	Signer      string `json:"signer"`
	Fingerprint string `json:"fingerprint"`
	FirstSeq    int64  `json:"first_seq"`
	LastSeq     int64  `json:"last_seq"`
	Events      int64  `json:"events"`
}
