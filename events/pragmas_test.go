package events_test

import "testing"

// The durability settings an auditor relies on are in force on every
// connection of the pool, not only the first.
func TestPragmas(t *testing.T) {
	s := openTemp(t)
	s.DB().SetMaxIdleConns(4)
	for i := 0; i < 3; i++ {
		conn, err := s.DB().Conn(ctx)
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close()
		var mode string
		var sync, fk, busy int
		conn.QueryRowContext(ctx, `PRAGMA journal_mode`).Scan(&mode)
		conn.QueryRowContext(ctx, `PRAGMA synchronous`).Scan(&sync)
		conn.QueryRowContext(ctx, `PRAGMA foreign_keys`).Scan(&fk)
		conn.QueryRowContext(ctx, `PRAGMA busy_timeout`).Scan(&busy)
		if mode != "wal" || sync != 2 || fk != 1 || busy < 1000 {
			t.Errorf("connection %d: journal_mode=%s synchronous=%d foreign_keys=%d busy_timeout=%d", i, mode, sync, fk, busy)
		}
	}
}
