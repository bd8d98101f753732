package app

import (
	"context"

	"socai/events"
)

// The window and the HTTP bridge pass only JSON arguments: a method whose
// first parameter is a context.Context cannot be called from the UI (Wails
// and httpbridge would try to decode "ctx" from JSON). These are the
// KeyService and BundleService methods the exchange page calls.

// Mine is Show for the UI: this installation's key and fingerprint.
func (s *KeyService) Mine() (KeyInfo, error) { return s.Show(context.Background()) }

// Registered is List for the UI: the keys registered in this ledger.
func (s *KeyService) Registered() ([]events.RegisteredKey, error) {
	return s.List(context.Background())
}

// RegisterMine is Register for the UI: this installation's key for its school.
func (s *KeyService) RegisterMine(schoolID string, note Note) (Result, error) {
	return s.Register(context.Background(), schoolID, note)
}

// AddSchoolKey is Add for the UI: a school's key after its fingerprint was
// compared by phone.
func (s *KeyService) AddSchoolKey(in KeyInput) (Result, error) {
	return s.Add(context.Background(), in)
}

// SaveBundle is SaveExport for the window (native save dialog).
func (s *BundleService) SaveBundle(since int64) (BundleExport, error) {
	return s.SaveExport(context.Background(), since)
}

// BundleContent is ExportContent for the browser: the bundle as base64.
func (s *BundleService) BundleContent(since int64) (BundleExport, error) {
	return s.ExportContent(context.Background(), since)
}

// ImportLog is Imports for the UI: the bundles imported here, newest first.
func (s *BundleService) ImportLog() ([]ImportRecord, error) {
	return s.Imports(context.Background())
}
