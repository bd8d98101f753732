package app

import (
	"context"
	"strings"

	"github.com/google/uuid"

	"socai/events"
)

// KeyService shows this installation's signing key and registers the keys
// of the installations whose bundles this ledger accepts.
type KeyService struct{ app *App }

// KeyInfo is this installation's public key, to read out by phone.
type KeyInfo struct {
	Origin      string `json:"origin"`
	PublicKey   string `json:"public_key"`
	Fingerprint string `json:"fingerprint"`
	// SchoolID is the school this installation registered its key for, "" if not yet.
	SchoolID string `json:"school_id"`
}

// KeyInput registers another installation's key after its fingerprint was
// compared by phone.
type KeyInput struct {
	SchoolID    string `json:"school_id"`
	Origin      string `json:"origin"`
	PublicKey   string `json:"public_key"`
	Fingerprint string `json:"fingerprint"`
	Note
}

// KeyStream is the stream of a KeyRegistered: key-<origin> when an
// installation registers its own key, key-<origin>.<registrar> when another
// one registers it, so that the school's own registration and the lead's
// never meet in one stream when bundles are imported.
func KeyStream(origin, registrar string) string {
	if origin == registrar {
		return "key-" + origin
	}
	return "key-" + origin + "." + registrar
}

func init() {
	validate("KeyRegistered", func(c *Check, stream string, p events.Payload) error {
		e := p.(events.KeyRegistered)
		if err := c.Stream(stream, KeyStream(e.Origin, c.Tx.Origin())); err != nil {
			return err
		}
		pub, err := events.DecodeKey("data.public_key", e.PublicKey)
		if err != nil {
			return err
		}
		if !events.SameFingerprint(events.Fingerprint(pub), e.Fingerprint) {
			return Fail(events.EINVALID, "fingerprint", "dấu vân tay %s không khớp khóa công khai (khóa này có dấu vân tay %s): "+
				"hãy đọc lại với trường qua điện thoại", e.Fingerprint, events.Fingerprint(pub))
		}
		// school_id is not checked against the schools: a school registers
		// the lead's key before the cluster's records reach it.
		keys, err := c.Tx.Store().RegisteredKeys(c.Ctx, c.Tx.SQL())
		if err != nil {
			return err
		}
		for _, k := range keys {
			if k.Origin != e.Origin {
				continue
			}
			if k.PublicKey != events.EncodeKey(pub) {
				return Fail(EAlreadyExists, "public_key", "bản cài đặt %s đã có khóa khác (dấu vân tay %s): một bản cài đặt chỉ có một khóa",
					e.Origin, k.Fingerprint)
			}
			if k.By == c.Tx.Origin() {
				return Fail(EAlreadyExists, "public_key", "khóa của bản cài đặt %s đã được đăng ký", e.Origin)
			}
		}
		return nil
	})
}

// The key operations take a context and belong to App, for the CLI and
// tests; KeyService below is what the window and the HTTP bridge call
// (bound methods take only JSON arguments).

// InstallationKey returns this installation's public key and fingerprint
// (the key pair is made on first use).
func (a *App) InstallationKey(ctx context.Context) (KeyInfo, error) {
	st := a.Store
	pub, err := st.PublicKey(ctx)
	if err != nil {
		return KeyInfo{}, err
	}
	info := KeyInfo{Origin: st.Origin(), PublicKey: events.EncodeKey(pub), Fingerprint: events.Fingerprint(pub)}
	keys, err := st.RegisteredKeys(ctx, nil)
	if err != nil {
		return info, err
	}
	for _, k := range keys {
		if k.Origin == st.Origin() && k.Trusted {
			info.SchoolID = k.SchoolID
		}
	}
	return info, nil
}

// RegisterOwnKey records this installation's own key for schoolID.
func (a *App) RegisterOwnKey(ctx context.Context, schoolID string, note Note) (Result, error) {
	if err := a.writable(); err != nil {
		return Result{}, err
	}
	info, err := a.InstallationKey(ctx)
	if err != nil {
		return Result{}, err
	}
	return a.AddKey(ctx, KeyInput{SchoolID: schoolID, Origin: info.Origin, PublicKey: info.PublicKey,
		Fingerprint: info.Fingerprint, Note: note})
}

// AddKey records an installation's key, after a person compared its
// fingerprint by phone: a fingerprint that does not match is refused.
func (a *App) AddKey(ctx context.Context, in KeyInput) (Result, error) {
	in.Origin = strings.ToLower(strings.TrimSpace(in.Origin))
	e := events.KeyRegistered{Origin: in.Origin, SchoolID: strings.TrimSpace(in.SchoolID),
		PublicKey: strings.TrimSpace(in.PublicKey), Fingerprint: strings.ToUpper(strings.TrimSpace(in.Fingerprint))}
	if _, err := uuid.Parse(in.Origin); err != nil {
		return Result{}, Fail(events.EINVALID, "origin", "mã bản cài đặt %q không hợp lệ (dạng UUID)", in.Origin)
	}
	return a.record(ctx, KeyStream(in.Origin, a.Store.Origin()), in.Origin, events.DateOf(a.Store.Now()), in.Note, e)
}

// Mine is this installation's key and fingerprint.
func (s *KeyService) Mine() (KeyInfo, error) { return s.app.InstallationKey(context.Background()) }

// Registered lists the keys registered in this ledger.
func (s *KeyService) Registered() ([]events.RegisteredKey, error) {
	return s.app.Store.RegisteredKeys(context.Background(), nil)
}

// RegisterMine records this installation's key for its school.
func (s *KeyService) RegisterMine(schoolID string, note Note) (Result, error) {
	return s.app.RegisterOwnKey(context.Background(), schoolID, note)
}

// AddSchoolKey records a school's key after its fingerprint was compared
// by phone.
func (s *KeyService) AddSchoolKey(in KeyInput) (Result, error) {
	return s.app.AddKey(context.Background(), in)
}
