package events

import (
	"context"
	"database/sql"
)

// RecordColumns are the events table columns in Record order, for ScanRecord.
const RecordColumns = `seq, id, origin, origin_seq, stream, version, type, schema_version,
	occurred_on, recorded_at, data, meta, prev_hash, hash`

// ScanRecord reads one row selected with RecordColumns.
func ScanRecord(rows *sql.Rows) (Record, error) {
	var r Record
	err := scanRecord(rows, &r)
	return r, err
}

func scanRecord(rows *sql.Rows, r *Record) error {
	var data, meta []byte
	err := rows.Scan(&r.Seq, &r.ID, &r.Origin, &r.OriginSeq, &r.Stream, &r.Version, &r.Type, &r.SchemaVersion,
		&r.OccurredOn, &r.RecordedAt, &data, &meta, &r.PrevHash, &r.Hash)
	r.Data, r.Meta = data, meta
	return err
}

// Filter narrows a read of the whole store.
type Filter struct {
	FromSeq int64  // seq > FromSeq
	Stream  string // exact stream, or all
	Type    string // exact type, or all
	Limit   int    // 0: no limit
}

// Each calls fn for every event matching f, in seq order, without loading
// them all: rebuilds and verification scan millions this way.
func (s *Store) Each(ctx context.Context, f Filter, fn func(Record) error) error {
	q := `SELECT ` + RecordColumns + ` FROM events WHERE seq > ?`
	args := []any{f.FromSeq}
	if f.Stream != "" {
		q += ` AND stream = ?`
		args = append(args, f.Stream)
	}
	if f.Type != "" {
		q += ` AND type = ?`
		args = append(args, f.Type)
	}
	q += ` ORDER BY seq`
	if f.Limit > 0 {
		q += ` LIMIT ?`
		args = append(args, f.Limit)
	}
	return s.eachRow(ctx, fn, q, args...)
}

// eachRow runs a query selecting RecordColumns and calls fn for each row.
func (s *Store) eachRow(ctx context.Context, fn func(Record) error, q string, args ...any) error {
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var r Record
		if err := scanRecord(rows, &r); err != nil {
			return err
		}
		if err := fn(r); err != nil {
			return err
		}
	}
	return rows.Err()
}

// Read returns the events matching f, in seq order.
func (s *Store) Read(ctx context.Context, f Filter) ([]Record, error) {
	var out []Record
	err := s.Each(ctx, f, func(r Record) error {
		out = append(out, r)
		return nil
	})
	return out, err
}

// ReadStream returns one stream's events in version order.
func (s *Store) ReadStream(ctx context.Context, stream string) ([]Record, error) {
	return s.Read(ctx, Filter{Stream: stream})
}

// Heads returns the last event of every origin's chain, this installation first.
func (s *Store) Heads(ctx context.Context) ([]Head, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT e.origin, e.origin_seq, e.seq, e.hash, e.recorded_at
		FROM events e JOIN (SELECT origin, MAX(origin_seq) AS m FROM events GROUP BY origin) h
		ON e.origin = h.origin AND e.origin_seq = h.m
		ORDER BY e.origin = ? DESC, e.origin`, s.origin)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Head
	for rows.Next() {
		var h Head
		if err := rows.Scan(&h.Origin, &h.OriginSeq, &h.Seq, &h.Hash, &h.RecordedAt); err != nil {
			return nil, err
		}
		h.Local = h.Origin == s.origin
		out = append(out, h)
	}
	return out, rows.Err()
}

// TypeCount is how many events of one type the store holds.
type TypeCount struct {
	Type  string `json:"type"`
	Count int64  `json:"count"`
}

// Stats summarises the store.
type Stats struct {
	Events        int64       `json:"events"`
	Streams       int64       `json:"streams"`
	Origins       int64       `json:"origins"`
	FirstRecorded string      `json:"first_recorded_at"`
	LastRecorded  string      `json:"last_recorded_at"`
	ByType        []TypeCount `json:"by_type"`
}

// Stats counts events, streams and origins, and events by type.
func (s *Store) Stats(ctx context.Context) (Stats, error) {
	var st Stats
	err := s.db.QueryRowContext(ctx, `SELECT COUNT(*), COUNT(DISTINCT stream), COUNT(DISTINCT origin),
		COALESCE(MIN(recorded_at), ''), COALESCE(MAX(recorded_at), '') FROM events`).
		Scan(&st.Events, &st.Streams, &st.Origins, &st.FirstRecorded, &st.LastRecorded)
	if err != nil {
		return st, err
	}
	rows, err := s.db.QueryContext(ctx, `SELECT type, COUNT(*) FROM events GROUP BY type ORDER BY type`)
	if err != nil {
		return st, err
	}
	defer rows.Close()
	st.ByType = []TypeCount{}
	for rows.Next() {
		var tc TypeCount
		if err := rows.Scan(&tc.Type, &tc.Count); err != nil {
			return st, err
		}
		st.ByType = append(st.ByType, tc)
	}
	return st, rows.Err()
}
