package events

import (
	"errors"
	"fmt"
)

// Error codes are stable: scripts and the UI switch on them.
const (
	ECONFLICT     = "version_conflict"
	ENOTOWNER     = "not_owner"
	EINVALID      = "invalid"
	EUNKNOWNTYPE  = "unknown_type"
	EFUTURESCHEMA = "future_schema"
	EDUPLICATE    = "duplicate_id"
	ENOTFOUND     = "not_found"
	EREADONLY     = "read_only"
	EINTERNAL     = "internal"
)

// Error is a domain error: a stable Code, the Field it concerns (if any) and a
// message a Vietnamese user can read.
type Error struct {
	Code    string
	Field   string
	Message string
}

func (e *Error) Error() string {
	if e.Field != "" {
		return e.Field + ": " + e.Message
	}
	return e.Message
}

// Errorf returns an *Error with a formatted message.
func Errorf(code, field, format string, args ...any) *Error {
	return &Error{Code: code, Field: field, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of err, EINTERNAL for foreign errors and "" for nil.
func ErrorCode(err error) string {
	var e *Error
	switch {
	case err == nil:
		return ""
	case errors.As(err, &e):
		return e.Code
	}
	return EINTERNAL
}

// ErrorField returns the field named by err, if it is an *Error.
func ErrorField(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Field
	}
	return ""
}

// ConflictError is returned when an append's expected version is not the
// stream's version: someone else wrote first.
type ConflictError struct {
	Stream   string
	Expected int64
	Actual   int64
}

func (e *ConflictError) Error() string {
	return fmt.Sprintf("xung đột phiên bản: luồng %s đang ở phiên bản %d, lệnh ghi mong đợi %d (có người khác vừa ghi trước)",
		e.Stream, e.Actual, e.Expected)
}

// As lets errors.As(err, **Error) see a conflict as a domain error.
func (e *ConflictError) As(target any) bool {
	if t, ok := target.(**Error); ok {
		*t = &Error{Code: ECONFLICT, Field: "version", Message: e.Error()}
		return true
	}
	return false
}
