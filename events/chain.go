package events

import (
	"crypto/sha256"
	"encoding/hex"
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
	var buf [512]byte
	h := hashState{buf: buf[:0]}
	return r.hashWith(&h)
}

// hashWith computes the hash reusing h's buffers (verification hashes millions).
func (r *Record) hashWith(h *hashState) string {
	hx := r.hexHash(h)
	return string(hx[:])
}

// hexHash is the hash as lowercase hex digits, without allocating a string:
// verification compares it with the stored hash.
func (r *Record) hexHash(h *hashState) [2 * sha256.Size]byte {
	b := h.buf[:0]
	b = appendNetstring(b, hashDomain)
	b = appendNetstring(b, r.ID)
	b = appendNetstring(b, r.Origin)
	b = appendNetint(b, r.OriginSeq)
	b = appendNetstring(b, r.Stream)
	b = appendNetint(b, r.Version)
	b = appendNetstring(b, r.Type)
	b = appendNetint(b, int64(r.SchemaVersion))
	b = appendNetstring(b, r.OccurredOn)
	b = appendNetstring(b, r.RecordedAt)
	b = appendNetstring(b, r.Data)
	b = appendNetstring(b, r.Meta)
	b = appendNetstring(b, r.PrevHash)
	h.buf = b
	sum := sha256.Sum256(b)
	var out [2 * sha256.Size]byte
	hex.Encode(out[:], sum[:])
	return out
}

// hashState holds what hashing reuses from one event to the next: the
// buffer of the encoding.
type hashState struct {
	buf []byte
}

// appendNetstring appends len ":" v ",".
func appendNetstring[T ~string | ~[]byte](b []byte, v T) []byte {
	b = strconv.AppendInt(b, int64(len(v)), 10)
	b = append(b, ':')
	b = append(b, v...)
	return append(b, ',')
}

// appendNetint appends the netstring of v in decimal.
func appendNetint(b []byte, v int64) []byte {
	var d [20]byte
	return appendNetstring(b, strconv.AppendInt(d[:0], v, 10))
}
