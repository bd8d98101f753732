package events

import (
	"bytes"
	"database/sql"
	"errors"
	"regexp"
	"strings"
	"time"

	"github.com/google/uuid"
	"github.com/mattn/go-sqlite3"
)

// Expected versions with a special meaning.
const (
	// AnyVersion appends whatever the stream's version is.
	AnyVersion int64 = -1
	// NoStream requires that the stream does not exist yet.
	NoStream int64 = 0
)

var streamPattern = regexp.MustCompile(`^[a-z]+-[A-Za-z0-9][A-Za-z0-9._:-]*$`)

// Tx is one write transaction of the store.
type Tx struct {
	tx       *sql.Tx
	store    *Store
	now      time.Time
	streams  map[string]streamState
	head     *Head
	insert   *sql.Stmt
	version  *sql.Stmt // the stream version query, prepared once per transaction
	appended []Record
	failed   error // a hook's error: the transaction must not commit

	// What build reuses from one event to the next: the hash buffer, and the
	// last metadata and business date, which a batch usually repeats.
	hash     hashState
	lastMeta Meta
	metaJSON []byte // nil until a metadata is encoded
	lastDate Date   // "" until a date is checked
	lastAt   string // the recorded_at of the last Append, "" before the first
}

type streamState struct {
	version int64
	owner   string
}

// SQL is the underlying transaction, for inline projections.
func (tx *Tx) SQL() *sql.Tx { return tx.tx }

// Now is the transaction's record time (the store's clock at its start).
func (tx *Tx) Now() time.Time { return tx.now }

// Origin is the appending installation.
func (tx *Tx) Origin() string { return tx.store.origin }

func (tx *Tx) close() {
	if tx.insert != nil {
		tx.insert.Close()
	}
	if tx.version != nil {
		tx.version.Close()
	}
}

// StreamVersion returns a stream's current version (0 if it does not exist)
// and its owner origin.
func (tx *Tx) StreamVersion(stream string) (int64, string, error) {
	if st, ok := tx.streams[stream]; ok {
		return st.version, st.owner, nil
	}
	if tx.version == nil {
		st, err := tx.tx.Prepare(`SELECT version, origin FROM events WHERE stream = ? ORDER BY version DESC LIMIT 1`)
		if err != nil {
			return 0, "", err
		}
		tx.version = st
	}
	var st streamState
	err := tx.version.QueryRow(stream).Scan(&st.version, &st.owner)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return 0, "", err
	}
	tx.streams[stream] = st
	return st.version, st.owner, nil
}

func (tx *Tx) chainHead() (*Head, error) {
	if tx.head != nil {
		return tx.head, nil
	}
	h := &Head{Origin: tx.store.origin, Hash: GenesisHash, Local: true}
	err := tx.tx.QueryRow(`SELECT origin_seq, seq, hash, recorded_at FROM events
		WHERE origin = ? ORDER BY origin_seq DESC LIMIT 1`, tx.store.origin).
		Scan(&h.OriginSeq, &h.Seq, &h.Hash, &h.RecordedAt)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return nil, err
	}
	tx.head = h
	return h, nil
}

// Append adds events to stream after checking that the stream is at version
// expected (AnyVersion skips the check, NoStream requires a new stream) and
// that this installation owns it. Each event gets the next version, the next
// position in this origin's chain and its hash. Nothing is written if any
// event is invalid.
func (tx *Tx) Append(stream string, expected int64, evs ...Event) ([]Record, error) {
	if !streamPattern.MatchString(stream) {
		return nil, Errorf(EINVALID, "stream", "tên luồng không hợp lệ %q (dạng <loại>-<mã>, ví dụ class-2021-001)", stream)
	}
	if len(evs) == 0 {
		return nil, Errorf(EINVALID, "events", "không có sự kiện nào để ghi")
	}
	version, owner, err := tx.StreamVersion(stream)
	if err != nil {
		return nil, err
	}
	if expected != AnyVersion && expected != version {
		return nil, &ConflictError{Stream: stream, Expected: expected, Actual: version}
	}
	if version > 0 && owner != tx.store.origin {
		return nil, Errorf(ENOTOWNER, "stream", "luồng %s thuộc về bản cài đặt %s; chỉ nơi đó được ghi", stream, owner)
	}
	head, err := tx.chainHead()
	if err != nil {
		return nil, err
	}
	at := tx.lastAt
	if at == "" || head.RecordedAt != at { // else the same computation gives the same at
		recordedAt := tx.now
		if last, err := ParseRecordedAt(head.RecordedAt); err == nil && last.After(recordedAt) {
			recordedAt = last // the chain's record time never goes back, even if the PC clock does
		}
		at = FormatRecordedAt(recordedAt)
		tx.lastAt = at
	}

	recs := make([]Record, len(evs))
	prev := *head
	for i, ev := range evs {
		r, err := tx.build(ev, stream, version+int64(i)+1, &prev, at)
		if err != nil {
			return nil, err
		}
		recs[i] = r
		prev = Head{Origin: r.Origin, OriginSeq: r.OriginSeq, Hash: r.Hash, RecordedAt: r.RecordedAt, Local: true}
	}
	if err := tx.insertAll(recs); err != nil {
		return nil, err
	}
	prev.Seq = recs[len(recs)-1].Seq
	tx.head = &prev
	tx.streams[stream] = streamState{version: version + int64(len(evs)), owner: tx.store.origin}
	if err := tx.inserted(recs); err != nil {
		return nil, err
	}
	return recs, nil
}

// inserted runs the hooks on records just inserted and keeps them for the
// subscribers. A hook error poisons the transaction.
func (tx *Tx) inserted(recs []Record) error {
	tx.store.mu.RLock()
	hooks := tx.store.hooks
	tx.store.mu.RUnlock()
	for _, h := range hooks {
		if err := h(tx, recs); err != nil {
			tx.failed = err
			return err
		}
	}
	tx.appended = append(tx.appended, recs...)
	return nil
}

func (tx *Tx) build(ev Event, stream string, version int64, prev *Head, at string) (Record, error) {
	if ev.Data == nil {
		return Record{}, Errorf(EINVALID, "data", "thiếu dữ liệu sự kiện")
	}
	typ, schema, data, err := tx.store.Types.Encode(ev.Data)
	if err != nil {
		return Record{}, err
	}
	if ev.OccurredOn != tx.lastDate || tx.lastDate == "" {
		if err := validDate("occurred_on", ev.OccurredOn); err != nil {
			return Record{}, err
		}
		tx.lastDate = ev.OccurredOn
	}
	if tx.metaJSON == nil || ev.Meta != tx.lastMeta {
		if err := ev.Meta.check(); err != nil {
			return Record{}, err
		}
		m, err := marshal(ev.Meta)
		if err != nil {
			return Record{}, err
		}
		tx.lastMeta, tx.metaJSON = ev.Meta, m
	}
	meta := bytes.Clone(tx.metaJSON) // every record owns its bytes
	id := ev.ID
	if id == "" {
		u, err := uuid.NewV7()
		if err != nil {
			return Record{}, err
		}
		id = u.String()
	} else if _, err := uuid.Parse(id); err != nil {
		return Record{}, Errorf(EINVALID, "id", "mã sự kiện không phải UUID: %q", id)
	}
	r := Record{
		ID: id, Origin: tx.store.origin, OriginSeq: prev.OriginSeq + 1,
		Stream: stream, Version: version, Type: typ, SchemaVersion: schema,
		OccurredOn: string(ev.OccurredOn), RecordedAt: at,
		Data: data, Meta: meta, PrevHash: prev.Hash,
	}
	r.Hash = r.hashWith(&tx.hash)
	return r, nil
}

const insertSQL = `INSERT INTO events (id, origin, origin_seq, stream, version, type, schema_version,
	occurred_on, recorded_at, data, meta, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)`

func (tx *Tx) insertAll(recs []Record) error {
	if tx.insert == nil {
		st, err := tx.tx.Prepare(insertSQL)
		if err != nil {
			return err
		}
		tx.insert = st
	}
	for i := range recs {
		r := &recs[i]
		res, err := tx.insert.Exec(r.ID, r.Origin, r.OriginSeq, r.Stream, r.Version, r.Type, r.SchemaVersion,
			r.OccurredOn, r.RecordedAt, string(r.Data), string(r.Meta), r.PrevHash, r.Hash)
		if err != nil {
			return insertError(err, r)
		}
		if r.Seq, err = res.LastInsertId(); err != nil {
			return err
		}
	}
	return nil
}

// insertError maps SQLite constraint errors to domain errors.
func insertError(err error, r *Record) error {
	var se sqlite3.Error
	if errors.As(err, &se) && se.Code == sqlite3.ErrConstraint {
		msg := se.Error()
		switch {
		case strings.Contains(msg, "events.id"):
			return Errorf(EDUPLICATE, "id", "sự kiện %s đã có trong sổ cái", r.ID)
		case strings.Contains(msg, "events.stream"):
			return &ConflictError{Stream: r.Stream, Expected: r.Version - 1, Actual: r.Version}
		case strings.Contains(msg, "events.origin"):
			return Errorf(ECONFLICT, "origin_seq", "vị trí %d của chuỗi %s đã có người ghi", r.OriginSeq, r.Origin)
		}
	}
	return err
}
