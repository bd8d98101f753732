package exchange

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"hash"
	"sort"
	"strconv"

	"socai/events"
)

// AppID is the SQLite application_id of every socai file ("soca").
const AppID = 0x736F6361

// FormatVersion is the version of the container this program writes and
// the newest it reads.
const FormatVersion = 1

// Formats of socai files.
const (
	FormatBundle   = "socai-bundle"
	FormatSnapshot = "socai-snapshot"
)

// Manifest says what a socai file holds and who made it; it is signed as
// the exact JSON stored in the file.
type Manifest struct {
	Format        string `json:"format"`
	FormatVersion int    `json:"format_version"`
	ClusterID     string `json:"cluster_id"`
	SchoolID      string `json:"school_id"`
	// Creator is the origin of the installation that made and signed the file.
	Creator     string `json:"creator"`
	PublicKey   string `json:"public_key"`
	Fingerprint string `json:"fingerprint"`
	AppVersion  string `json:"app_version"`
	CreatedAt   string `json:"created_at"`
	// Heads are the last event of each origin in the file.
	Heads []events.ChainRef `json:"heads"`
	// Starts are the positions just before the first event of each origin
	// that does not start at its genesis (a bundle --since).
	Starts []events.ChainRef `json:"starts,omitempty"`
	// Events is how many events the file holds; EventsDigest is the SHA-256
	// (hex) over "origin:origin_seq:hash\n" of each, in file order.
	Events       int64  `json:"events"`
	EventsDigest string `json:"events_digest"`

	// Bundle: the cursor the events follow (origin_seq of the creator).
	Since *int64 `json:"since,omitempty"`
	// Snapshot: the period, the cutoff and the figures, as the snapshot defines them.
	Period  string          `json:"period,omitempty"`
	Cutoff  json.RawMessage `json:"cutoff,omitempty"`
	Figures json.RawMessage `json:"figures,omitempty"`
}

// digester computes count, events_digest, heads and starts of records in order.
type digester struct {
	h      hash.Hash
	n      int64
	heads  map[string]events.ChainRef
	starts map[string]events.ChainRef
	line   []byte
}

func newDigester() *digester {
	return &digester{h: sha256.New(), heads: map[string]events.ChainRef{}, starts: map[string]events.ChainRef{}}
}

func (d *digester) add(r *events.Record) {
	d.n++
	b := append(d.line[:0], r.Origin...)
	b = append(b, ':')
	b = strconv.AppendInt(b, r.OriginSeq, 10)
	b = append(b, ':')
	b = append(b, r.Hash...)
	b = append(b, '\n')
	d.line = b
	d.h.Write(b)
	if _, seen := d.heads[r.Origin]; !seen && r.OriginSeq > 1 {
		d.starts[r.Origin] = events.ChainRef{Origin: r.Origin, OriginSeq: r.OriginSeq - 1, Hash: r.PrevHash}
	}
	if h, ok := d.heads[r.Origin]; !ok || r.OriginSeq > h.OriginSeq {
		d.heads[r.Origin] = events.ChainRef{Origin: r.Origin, OriginSeq: r.OriginSeq, Hash: r.Hash}
	}
}

func (d *digester) sum() string { return hex.EncodeToString(d.h.Sum(nil)) }

func sortedRefs(m map[string]events.ChainRef) []events.ChainRef {
	out := make([]events.ChainRef, 0, len(m))
	for _, r := range m {
		out = append(out, r)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Origin < out[j].Origin })
	return out
}
