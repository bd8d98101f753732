package events

import (
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"strings"
	"time"
)

// EUNKNOWNSIGNER: no key is registered for the installation that signed a file.
const EUNKNOWNSIGNER = "unknown_signer"

// SigningKey returns this installation's Ed25519 private key, making it on
// first use. It is stored in the ledger (table installation_key, written
// once) and never leaves it: files carry only the public key.
func (s *Store) SigningKey(ctx context.Context) (ed25519.PrivateKey, error) {
	key, err := s.loadKey(ctx)
	if err == nil || !errors.Is(err, sql.ErrNoRows) {
		return key, err
	}
	if s.readOnly {
		return nil, Errorf(EREADONLY, "", "sổ cái mở chỉ đọc chưa có khóa ký")
	}
	pub, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return nil, err
	}
	if _, err := s.db.ExecContext(ctx, `INSERT OR IGNORE INTO installation_key (id, public_key, private_key, created_at)
		VALUES (1, ?, ?, ?)`, base64.StdEncoding.EncodeToString(pub), base64.StdEncoding.EncodeToString(priv.Seed()),
		FormatRecordedAt(time.Now())); err != nil {
		return nil, err
	}
	return s.loadKey(ctx) // another process may have won the race: its key is the key
}

func (s *Store) loadKey(ctx context.Context) (ed25519.PrivateKey, error) {
	var seed string
	if err := s.db.QueryRowContext(ctx, `SELECT private_key FROM installation_key WHERE id = 1`).Scan(&seed); err != nil {
		return nil, err
	}
	b, err := base64.StdEncoding.DecodeString(seed)
	if err != nil || len(b) != ed25519.SeedSize {
		return nil, Errorf(EINTERNAL, "", "khóa ký của bản cài đặt bị hỏng")
	}
	return ed25519.NewKeyFromSeed(b), nil
}

// PublicKey returns this installation's public key (making the pair on first use).
func (s *Store) PublicKey(ctx context.Context) (ed25519.PublicKey, error) {
	k, err := s.SigningKey(ctx)
	if err != nil {
		return nil, err
	}
	return k.Public().(ed25519.PublicKey), nil
}

// EncodeKey writes a public key as standard base64, the form of KeyRegistered.
func EncodeKey(pub ed25519.PublicKey) string { return base64.StdEncoding.EncodeToString(pub) }

// DecodeKey reads a base64 public key.
func DecodeKey(field, b64 string) (ed25519.PublicKey, error) {
	b, err := base64.StdEncoding.DecodeString(strings.TrimSpace(b64))
	if err != nil || len(b) != ed25519.PublicKeySize {
		return nil, Errorf(EINVALID, field, "khóa công khai không hợp lệ (cần %d byte Ed25519 viết base64)", ed25519.PublicKeySize)
	}
	return ed25519.PublicKey(b), nil
}

// Fingerprint is what two people compare by phone to be sure a public key
// is the right one: the first 20 hex digits of its SHA-256, upper case, in
// five groups of four (3F2A-91C4-0B7E-55D2-A8F1).
func Fingerprint(pub ed25519.PublicKey) string {
	sum := sha256.Sum256(pub)
	h := strings.ToUpper(hex.EncodeToString(sum[:10]))
	return h[0:4] + "-" + h[4:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20]
}

// SameFingerprint compares fingerprints as people write them: case, spaces
// and dashes do not matter.
func SameFingerprint(a, b string) bool {
	norm := func(s string) string {
		return strings.Map(func(r rune) rune {
			if r == '-' || r == ' ' || r == ':' {
				return -1
			}
			return r
		}, strings.ToUpper(strings.TrimSpace(s)))
	}
	return norm(a) != "" && norm(a) == norm(b)
}

// RegisteredKey is a KeyRegistered event as the ledger holds it.
type RegisteredKey struct {
	KeyRegistered
	// By is the installation that recorded it; Trusted when that is this
	// ledger (a person here compared the fingerprint, or it is our own key).
	By         string `json:"by"`
	Trusted    bool   `json:"trusted"`
	RecordedAt string `json:"recorded_at"`
}

// RegisteredKeys lists every KeyRegistered of the ledger in seq order.
// q is the store's DB or an appending transaction.
func (s *Store) RegisteredKeys(ctx context.Context, q interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}) ([]RegisteredKey, error) {
	if q == nil {
		q = s.db
	}
	rows, err := q.QueryContext(ctx, `SELECT `+RecordColumns+` FROM events WHERE type = 'KeyRegistered' ORDER BY seq`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []RegisteredKey{}
	for rows.Next() {
		r, err := ScanRecord(rows)
		if err != nil {
			return nil, err
		}
		var k KeyRegistered
		if err := s.Types.DecodeInto(r, &k); err != nil {
			return nil, err
		}
		out = append(out, RegisteredKey{KeyRegistered: k, By: r.Origin, Trusted: r.Origin == s.origin, RecordedAt: r.RecordedAt})
	}
	return out, rows.Err()
}

// TrustedKey returns the key registered in this ledger, by this
// installation, for origin: the only key whose signature it accepts from
// that origin. A key registered elsewhere and imported is not enough: no
// one here compared its fingerprint.
func (s *Store) TrustedKey(ctx context.Context, origin string) (RegisteredKey, error) {
	keys, err := s.RegisteredKeys(ctx, nil)
	if err != nil {
		return RegisteredKey{}, err
	}
	for _, k := range keys {
		if k.Trusted && k.Origin == origin {
			return k, nil
		}
	}
	return RegisteredKey{}, Errorf(EUNKNOWNSIGNER, "signer",
		"bản cài đặt %s chưa được đăng ký khóa ở sổ cái này: hãy so dấu vân tay khóa qua điện thoại rồi đăng ký (socai key add)", origin)
}

// Store is the store a transaction writes to (validators read its keys).
func (tx *Tx) Store() *Store { return tx.store }
