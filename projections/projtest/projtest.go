// Package projtest holds what tests of several packages need to compare
// read models: a dump of every projection table.
package projtest

import (
	"database/sql"
	"fmt"
	"sort"
	"testing"

	"socai/projections"
)

// Dump reads every table of every projection, rows sorted, keyed by table:
// two ledgers (or a ledger before and after a rebuild) hold the same read
// models when their dumps are equal.
func Dump(t testing.TB, db *sql.DB) map[string][]string {
	t.Helper()
	out := map[string][]string{}
	for _, p := range projections.All() {
		for _, table := range p.Tables() {
			rows, err := db.Query(`SELECT * FROM ` + table)
			if err != nil {
				t.Fatal(err)
			}
			cols, _ := rows.Columns()
			var lines []string
			for rows.Next() {
				vals := make([]any, len(cols))
				ptrs := make([]any, len(cols))
				for i := range vals {
					ptrs[i] = &vals[i]
				}
				if err := rows.Scan(ptrs...); err != nil {
					t.Fatal(err)
				}
				lines = append(lines, fmt.Sprint(vals...))
			}
			rows.Close()
			sort.Strings(lines)
			out[table] = lines
		}
	}
	return out
}
