package app

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"io"
)

// The proxy of asOfMode is a database/sql driver whose connections forward
// every query to the view of the past they hold (asof_mode.go says why).

type viewConnector struct{ m *asOfMode }

// Connect opens a connection on the view shown now.
func (c viewConnector) Connect(context.Context) (driver.Conn, error) {
	return &viewConn{m: c.m, v: c.m.acquire()}, nil
}

func (viewConnector) Driver() driver.Driver { return viewDriver{} }

type viewDriver struct{}

func (viewDriver) Open(string) (driver.Conn, error) {
	return nil, errors.New("app: a view of the past is opened through its connector")
}

// viewConn forwards to the view it holds, or to the live ledger if it was
// opened while the window came back to now.
type viewConn struct {
	m *asOfMode
	v *pinnedView
}

var (
	_ driver.QueryerContext    = (*viewConn)(nil)
	_ driver.ExecerContext     = (*viewConn)(nil)
	_ driver.NamedValueChecker = (*viewConn)(nil)
	_ driver.Validator         = (*viewConn)(nil)
	_ driver.SessionResetter   = (*viewConn)(nil)
	_ driver.StmtQueryContext  = (*viewStmt)(nil)
	_ driver.StmtExecContext   = (*viewStmt)(nil)
	_ driver.NamedValueChecker = (*viewStmt)(nil)
)

func (c *viewConn) db() *sql.DB {
	if c.v != nil {
		return c.v.view.DB()
	}
	return c.m.live
}

func (c *viewConn) QueryContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Rows, error) {
	rows, err := c.db().QueryContext(ctx, query, values(args)...)
	if err != nil {
		return nil, err
	}
	cols, err := rows.Columns()
	if err != nil {
		rows.Close()
		return nil, err
	}
	r := &viewRows{rows: rows, cols: cols, vals: make([]any, len(cols)), ptrs: make([]any, len(cols))}
	for i := range r.vals {
		r.ptrs[i] = &r.vals[i]
	}
	return r, nil
}

func (c *viewConn) ExecContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Result, error) {
	return c.db().ExecContext(ctx, query, values(args)...)
}

// CheckNamedValue passes every argument on unchanged: the view's own driver
// converts it, exactly as it would without the proxy.
func (c *viewConn) CheckNamedValue(*driver.NamedValue) error { return nil }

// IsValid is false once the window shows another moment: the pool then
// drops the connection, and with it its hold on the old view.
func (c *viewConn) IsValid() bool { return c.m.current() == c.v }

func (c *viewConn) ResetSession(context.Context) error {
	if !c.IsValid() {
		return driver.ErrBadConn
	}
	return nil
}

func (c *viewConn) Prepare(query string) (driver.Stmt, error) {
	return &viewStmt{c: c, query: query}, nil
}

func (c *viewConn) Begin() (driver.Tx, error) { return viewTx{}, nil }

func (c *viewConn) Close() error {
	c.m.release(c.v)
	return nil
}

// viewTx does nothing: a view is never written, and the queries of a
// transaction all go through its one connection, hence to one view.
type viewTx struct{}

func (viewTx) Commit() error   { return nil }
func (viewTx) Rollback() error { return nil }

// values turns driver arguments back into database/sql ones.
func values(args []driver.NamedValue) []any {
	out := make([]any, len(args))
	for i, a := range args {
		if a.Name != "" {
			out[i] = sql.Named(a.Name, a.Value)
		} else {
			out[i] = a.Value
		}
	}
	return out
}

type viewStmt struct {
	c     *viewConn
	query string
}

func (s *viewStmt) Close() error  { return nil }
func (s *viewStmt) NumInput() int { return -1 }

func (s *viewStmt) CheckNamedValue(*driver.NamedValue) error { return nil }

func (s *viewStmt) QueryContext(ctx context.Context, args []driver.NamedValue) (driver.Rows, error) {
	return s.c.QueryContext(ctx, s.query, args)
}

func (s *viewStmt) ExecContext(ctx context.Context, args []driver.NamedValue) (driver.Result, error) {
	return s.c.ExecContext(ctx, s.query, args)
}

func (s *viewStmt) Query(args []driver.Value) (driver.Rows, error) {
	return s.QueryContext(context.Background(), named(args))
}

func (s *viewStmt) Exec(args []driver.Value) (driver.Result, error) {
	return s.ExecContext(context.Background(), named(args))
}

func named(args []driver.Value) []driver.NamedValue {
	out := make([]driver.NamedValue, len(args))
	for i, v := range args {
		out[i] = driver.NamedValue{Ordinal: i + 1, Value: v}
	}
	return out
}

// viewRows hands on the values the view's driver produced, unconverted.
type viewRows struct {
	rows *sql.Rows
	cols []string
	vals []any // a row, scanned into *any: as the view's driver gave it
	ptrs []any // &vals[i]
}

func (r *viewRows) Columns() []string { return r.cols }
func (r *viewRows) Close() error      { return r.rows.Close() }

func (r *viewRows) Next(dest []driver.Value) error {
	if !r.rows.Next() {
		if err := r.rows.Err(); err != nil {
			return err
		}
		return io.EOF
	}
	if err := r.rows.Scan(r.ptrs...); err != nil {
		return err
	}
	for i, v := range r.vals {
		dest[i] = v
	}
	return nil
}
