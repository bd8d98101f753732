package events

import (
	"encoding/json"
	"strings"
)

// Meta says who recorded an event, why, from which document, and which
// command it belongs to. Actor is required.
type Meta struct {
	Actor         string `json:"actor"`
	Reason        string `json:"reason,omitempty"`
	Source        string `json:"source,omitempty"`
	CorrelationID string `json:"correlation_id,omitempty"`
}

func (m Meta) check() error {
	if strings.TrimSpace(m.Actor) == "" {
		return Errorf(EINVALID, "meta.actor", "bắt buộc: ai ghi nhận sự kiện này")
	}
	return nil
}

// Event is what a caller appends: the payload of a registered type, its
// business date, and its metadata. ID is optional (a UUIDv7 is made).
type Event struct {
	ID         string
	OccurredOn Date
	Data       Payload
	Meta       Meta
}

// Record is an event as stored, with every field of the contract.
type Record struct {
	Seq           int64           `json:"seq"`
	ID            string          `json:"id"`
	Origin        string          `json:"origin"`
	OriginSeq     int64           `json:"origin_seq"`
	Stream        string          `json:"stream"`
	Version       int64           `json:"version"`
	Type          string          `json:"type"`
	SchemaVersion int             `json:"schema_version"`
	OccurredOn    string          `json:"occurred_on"`
	RecordedAt    string          `json:"recorded_at"`
	Data          json.RawMessage `json:"data"`
	Meta          json.RawMessage `json:"meta"`
	PrevHash      string          `json:"prev_hash"`
	Hash          string          `json:"hash"`
}

// DecodeMeta returns the record's metadata.
func (r Record) DecodeMeta() (Meta, error) {
	var m Meta
	err := json.Unmarshal(r.Meta, &m)
	return m, err
}

// Head is the last event of one origin's chain.
type Head struct {
	Origin     string `json:"origin"`
	OriginSeq  int64  `json:"origin_seq"`
	Seq        int64  `json:"seq"`
	Hash       string `json:"hash"`
	RecordedAt string `json:"recorded_at"`
	Local      bool   `json:"local"`
}
