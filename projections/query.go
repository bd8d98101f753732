package projections

import (
	"context"
	"database/sql"
)

// Querier is a database or a transaction: figures are read from either, so
// that a command validates against the state inside its own transaction.
type Querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// Count is a number of classes and of their students.
type Count struct {
	Classes  int64 `json:"classes"`
	Students int64 `json:"students"`
}

func (c *Count) add(o Count) {
	c.Classes += o.Classes
	c.Students += o.Students
}

// pct is 100·n/d, or nil when there is nothing to compare with.
func pct(n, d int64) *float64 {
	if d <= 0 {
		return nil
	}
	v := float64(n) * 100 / float64(d)
	return &v
}

// SchoolName returns a school's name, or its id if unknown.
func SchoolName(ctx context.Context, q Querier, id string) string {
	var name string
	if err := q.QueryRowContext(ctx, `SELECT name FROM proj_schools WHERE school_id = ?`, id).Scan(&name); err != nil {
		return id
	}
	return name
}

// School is a school of the cluster.
type School struct {
	SchoolID  string `json:"school_id"`
	Name      string `json:"name"`
	Province  string `json:"province"`
	ClusterID string `json:"cluster_id"`
}

// Schools lists the schools, by name.
func Schools(ctx context.Context, q Querier) ([]School, error) {
	rows, err := q.QueryContext(ctx, `SELECT school_id, name, province, cluster_id FROM proj_schools ORDER BY name`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []School{}
	for rows.Next() {
		var s School
		if err := rows.Scan(&s.SchoolID, &s.Name, &s.Province, &s.ClusterID); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

func sqlNamed(name string, v any) sql.NamedArg { return sql.Named(name, v) }

// eachRow runs a query and calls each with the Scan of every row.
func eachRow(ctx context.Context, q Querier, query string, args []any, each func(scan func(...any) error) error) error {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := each(rows.Scan); err != nil {
			return err
		}
	}
	return rows.Err()
}
