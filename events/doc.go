// Package events is socai's event store: an append-only SQLite table with one
// SHA-256 hash chain per origin (installation), a registry of event types with
// upcasters, in-transaction hooks for projections and after-commit
// subscriptions, and verification that names the first event a tamperer broke.
//
// It imports nothing else of socai; projections and app build on it.
package events
