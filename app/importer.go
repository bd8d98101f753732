package app

import (
	"context"
	"errors"
	"io"
	"strconv"

	"socai/events"
)

// ImportResult says what an import appended.
type ImportResult struct {
	Imported int   `json:"imported"`
	Streams  int   `json:"streams"`
	FirstSeq int64 `json:"first_seq"`
	LastSeq  int64 `json:"last_seq"`
}

// LineProblem is one refused line of an import file.
type LineProblem struct {
	Line    int    `json:"line"`
	Field   string `json:"field"`
	Code    string `json:"code"`
	Message string `json:"message"`
}

// ImportError lists every refused line; nothing was appended.
type ImportError struct {
	Problems []LineProblem
}

func (e *ImportError) Error() string {
	p := e.Problems[0]
	msg := "dòng " + itoa(p.Line)
	if p.Field != "" {
		msg += ", trường " + p.Field
	}
	msg += ": " + p.Message
	if len(e.Problems) > 1 {
		msg += " (và " + itoa(len(e.Problems)-1) + " lỗi khác)"
	}
	return msg + "; không ghi sự kiện nào"
}

// As makes an ImportError a validation failure for ErrorCode.
func (e *ImportError) As(target any) bool {
	if t, ok := target.(**events.Error); ok {
		p := e.Problems[0]
		*t = &events.Error{Code: p.Code, Field: p.Field, Message: e.Error()}
		return true
	}
	return false
}

// maxImportErrors caps how many bad lines one import reports.
const maxImportErrors = 50

// Import appends every event of a JSON Lines file in one transaction, or
// none: one bad line refuses the whole file, naming line and field. Each
// line goes through the same validation as the forms, and sees the lines
// before it.
func (a *App) Import(ctx context.Context, r io.Reader) (ImportResult, error) {
	if err := a.writable(); err != nil {
		return ImportResult{}, err
	}
	parsed, lineErrs := events.ParseLines(a.Store.Types, r, a.Actor, maxImportErrors)
	if len(lineErrs) > 0 {
		ie := &ImportError{}
		for _, le := range lineErrs {
			ie.Problems = append(ie.Problems, lineProblem(le.Line, le.Err))
		}
		return ImportResult{}, ie
	}
	if len(parsed) == 0 {
		return ImportResult{}, &ImportError{Problems: []LineProblem{{Line: 1, Code: events.EINVALID, Message: "tệp không có sự kiện nào"}}}
	}
	var res ImportResult
	streams := map[string]bool{}
	err := a.Store.Update(ctx, func(tx *events.Tx) error {
		for _, p := range parsed {
			recs, err := a.appendChecked(ctx, tx, Cmd{Stream: p.Stream, Expected: events.AnyVersion, Event: p.Event})
			if err != nil {
				return &ImportError{Problems: []LineProblem{lineProblem(p.Line, err)}}
			}
			if res.FirstSeq == 0 {
				res.FirstSeq = recs[0].Seq
			}
			res.LastSeq = recs[len(recs)-1].Seq
			streams[p.Stream] = true
			res.Imported++
		}
		return nil
	})
	if err != nil {
		return ImportResult{}, err
	}
	res.Streams = len(streams)
	return res, nil
}

func lineProblem(line int, err error) LineProblem {
	var e *events.Error
	if errors.As(err, &e) {
		return LineProblem{Line: line, Field: e.Field, Code: e.Code, Message: e.Message}
	}
	return LineProblem{Line: line, Code: events.ErrorCode(err), Message: err.Error()}
}

func itoa(n int) string { return strconv.Itoa(n) }
