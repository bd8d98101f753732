package events

import (
	"crypto/sha256"
	"encoding/hex"
	"hash"
	"io"
	"strconv"
)

// GenesisHash is the prev_hash of the first event of every origin's chain.
const GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000"

// hashDomain separates this encoding from any other use of SHA-256.
const hashDomain = "socai-event-v1"

// ComputeHash computes an event's hash: SHA-256, lowercase hex, over the netstrings
// (len ":" bytes ",") of hashDomain and then id, origin, origin_seq, stream,
// version, type, schema_version, occurred_on, recorded_at, data, meta,
// prev_hash, integers in decimal, texts exactly as stored. docs/hash-chain.md
// shows how to recompute it in any language.
func (r *Record) ComputeHash() string {
	var h hashState
	return r.hashWith(&h)
}

// hashWith computes the hash reusing h's buffers (verification hashes millions).
func (r *Record) hashWith(h *hashState) string {
	h.reset()
	h.str(hashDomain)
	h.str(r.ID)
	h.str(r.Origin)
	h.int(r.OriginSeq)
	h.str(r.Stream)
	h.int(r.Version)
	h.str(r.Type)
	h.int(int64(r.SchemaVersion))
	h.str(r.OccurredOn)
	h.str(r.RecordedAt)
	h.bytes(r.Data)
	h.bytes(r.Meta)
	h.str(r.PrevHash)
	return h.sum()
}

type hashState struct {
	h   hash.Hash
	num [24]byte
}

func (s *hashState) reset() {
	if s.h == nil {
		s.h = sha256.New()
	}
	s.h.Reset()
}

func (s *hashState) bytes(b []byte) {
	s.h.Write(strconv.AppendInt(s.num[:0], int64(len(b)), 10))
	s.h.Write([]byte{':'})
	s.h.Write(b)
	s.h.Write([]byte{','})
}

func (s *hashState) str(v string) {
	s.h.Write(strconv.AppendInt(s.num[:0], int64(len(v)), 10))
	s.h.Write([]byte{':'})
	io.WriteString(s.h, v)
	s.h.Write([]byte{','})
}

func (s *hashState) int(v int64) {
	var d [24]byte
	s.bytes(strconv.AppendInt(d[:0], v, 10))
}

func (s *hashState) sum() string {
	var out [sha256.Size]byte
	return hex.EncodeToString(s.h.Sum(out[:0]))
}
