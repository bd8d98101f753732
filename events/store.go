package events

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/google/uuid"
	_ "github.com/mattn/go-sqlite3" // the SQLite driver, with cgo
)

//go:embed migrations/*.sql
var migrationFS embed.FS

// Store is one SQLite event store file.
type Store struct {
	db       *sql.DB
	path     string
	origin   string
	readOnly bool

	// Now is the clock of record time; tests replace it.
	Now func() time.Time
	// Types decodes and encodes payloads.
	Types *Registry

	mu    sync.RWMutex
	hooks []Hook
	subs  map[int]func([]Record)
	subID int
}

// Hook runs inside the appending transaction right after each Append has
// inserted its events, so that later commands of the same transaction (the
// next line of an import) see them: inline projections use it, and a figure
// is never behind its events. An error rolls the whole transaction back.
type Hook func(tx *Tx, appended []Record) error

// Open opens (creating if needed) the event store at path, applies pending
// migrations and makes sure the installation has an origin.
func Open(path string) (*Store, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, fmt.Errorf("tạo thư mục cơ sở dữ liệu: %w", err)
	}
	s, err := open(path, false)
	if err != nil {
		return nil, err
	}
	if err := s.migrate(); err != nil {
		s.Close()
		return nil, err
	}
	if err := s.loadOrigin(true); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

// OpenReadOnly opens an existing store without writing to it (another copy,
// a snapshot under inspection).
func OpenReadOnly(path string) (*Store, error) {
	if _, err := os.Stat(path); err != nil {
		return nil, Errorf(ENOTFOUND, "path", "không mở được tệp %s: %v", path, err)
	}
	s, err := open(path, true)
	if err != nil {
		return nil, err
	}
	if err := s.loadOrigin(false); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

func open(path string, readOnly bool) (*Store, error) {
	q := url.Values{}
	q.Set("_busy_timeout", "10000")
	q.Set("_foreign_keys", "on")
	// Projections run the same few statements for every event: keep them prepared.
	q.Set("_stmt_cache_size", "64")
	if readOnly {
		q.Set("mode", "ro")
	} else {
		q.Set("_journal_mode", "WAL")
		q.Set("_synchronous", "FULL")
		q.Set("_txlock", "immediate")
	}
	dsn := "file:" + (&url.URL{Path: path}).EscapedPath() + "?" + q.Encode()
	db, err := sql.Open("sqlite3", dsn)
	if err != nil {
		return nil, err
	}
	if err := db.Ping(); err != nil {
		db.Close()
		return nil, fmt.Errorf("mở cơ sở dữ liệu %s: %w", path, err)
	}
	return &Store{db: db, path: path, readOnly: readOnly, Now: time.Now, Types: Vocabulary, subs: map[int]func([]Record){}}, nil
}

// Close closes the database.
func (s *Store) Close() error { return s.db.Close() }

// Path is the database file.
func (s *Store) Path() string { return s.path }

// Origin is this installation's identity (UUID).
func (s *Store) Origin() string { return s.origin }

// DB exposes the database to projections and benchmarks in this module.
func (s *Store) DB() *sql.DB { return s.db }

// migrate applies the embedded migrations not yet recorded, each in its own
// transaction, in file-name order.
func (s *Store) migrate() error {
	if _, err := s.db.Exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
		name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)`); err != nil {
		return fmt.Errorf("migrations: %w", err)
	}
	names, err := fs.Glob(migrationFS, "migrations/*.sql")
	if err != nil {
		return err
	}
	sort.Strings(names)
	for _, name := range names {
		if err := s.migrateFile(name); err != nil {
			return fmt.Errorf("migration %s: %w", name, err)
		}
	}
	return nil
}

func (s *Store) migrateFile(name string) error {
	tx, err := s.db.Begin()
	if err != nil {
		return err
	}
	defer tx.Rollback()
	var n int
	if err := tx.QueryRow(`SELECT COUNT(*) FROM schema_migrations WHERE name = ?`, name).Scan(&n); err != nil {
		return err
	}
	if n > 0 {
		return nil
	}
	body, err := fs.ReadFile(migrationFS, name)
	if err != nil {
		return err
	}
	if _, err := tx.Exec(string(body)); err != nil {
		return err
	}
	if _, err := tx.Exec(`INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)`,
		name, FormatRecordedAt(time.Now())); err != nil {
		return err
	}
	return tx.Commit()
}

func (s *Store) loadOrigin(create bool) error {
	err := s.db.QueryRow(`SELECT origin FROM installation WHERE id = 1`).Scan(&s.origin)
	if errors.Is(err, sql.ErrNoRows) && create {
		id, uerr := uuid.NewV7()
		if uerr != nil {
			return uerr
		}
		if _, err = s.db.Exec(`INSERT OR IGNORE INTO installation (id, origin, created_at) VALUES (1, ?, ?)`,
			id.String(), FormatRecordedAt(time.Now())); err != nil {
			return err
		}
		err = s.db.QueryRow(`SELECT origin FROM installation WHERE id = 1`).Scan(&s.origin)
	}
	if err != nil {
		if strings.Contains(err.Error(), "no such table") || errors.Is(err, sql.ErrNoRows) {
			return Errorf(EINVALID, "path", "%s không phải cơ sở dữ liệu socai", s.path)
		}
		return fmt.Errorf("đọc định danh cài đặt: %w", err)
	}
	return nil
}

// OnAppend registers a hook that runs inside every appending transaction.
func (s *Store) OnAppend(h Hook) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.hooks = append(s.hooks, h)
}

// Subscribe calls fn with the records of every committed append, in the
// appending goroutine, after commit. It returns the function that stops it.
func (s *Store) Subscribe(fn func([]Record)) (unsubscribe func()) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.subID++
	id := s.subID
	s.subs[id] = fn
	return func() {
		s.mu.Lock()
		defer s.mu.Unlock()
		delete(s.subs, id)
	}
}

// Update runs fn in one write transaction (BEGIN IMMEDIATE): everything fn
// appends is committed together or not at all.
func (s *Store) Update(ctx context.Context, fn func(tx *Tx) error) error {
	if s.readOnly {
		return Errorf(EREADONLY, "", "cơ sở dữ liệu đang mở ở chế độ chỉ đọc")
	}
	sqlTx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("bắt đầu giao dịch: %w", err)
	}
	tx := &Tx{tx: sqlTx, store: s, now: s.Now().UTC(), streams: map[string]streamState{}}
	defer tx.close()
	if err := fn(tx); err != nil {
		sqlTx.Rollback()
		return err
	}
	if tx.failed != nil { // a hook failed and fn went on regardless: never commit events without their projections
		sqlTx.Rollback()
		return tx.failed
	}
	if err := sqlTx.Commit(); err != nil {
		return fmt.Errorf("ghi giao dịch: %w", err)
	}
	s.notify(tx.appended)
	return nil
}

func (s *Store) notify(recs []Record) {
	if len(recs) == 0 {
		return
	}
	s.mu.RLock()
	subs := make([]func([]Record), 0, len(s.subs))
	for _, fn := range s.subs {
		subs = append(subs, fn)
	}
	s.mu.RUnlock()
	for _, fn := range subs {
		fn(recs)
	}
}

// Append appends events to one stream in one transaction; see Tx.Append.
func (s *Store) Append(ctx context.Context, stream string, expected int64, evs ...Event) ([]Record, error) {
	var out []Record
	err := s.Update(ctx, func(tx *Tx) error {
		var err error
		out, err = tx.Append(stream, expected, evs...)
		return err
	})
	return out, err
}

// Itoa formats an integer for messages.
func Itoa(v int64) string { return strconv.FormatInt(v, 10) }
