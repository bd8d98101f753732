package app

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"regexp"
	"strings"

	"github.com/google/uuid"

	"socai/events"
	"socai/projections"
	"socai/vn"
)

// Domain error codes, stable for scripts (besides those of package events).
const (
	EUnknownCluster    = "unknown_cluster"
	EUnknownSchool     = "unknown_school"
	EUnknownClassType  = "unknown_class_type"
	EUnknownClass      = "unknown_class"
	EUnknownStaff      = "unknown_staff"
	EUnknownEnrollment = "unknown_enrollment"
	EUnknownTopic      = "unknown_topic"
	EUnknownAward      = "unknown_award"
	EUnknownEvent      = "unknown_event"
	EUnknownCriterion  = "unknown_criterion"
	EUnknownInspection = "unknown_inspection"
	EAlreadyExists     = "already_exists"
	EInvalidState      = "invalid_state"
	EDateOrder         = "date_order"
	EWrongStream       = "wrong_stream"
)

// Validator checks one event against the state of the ledger inside the
// appending transaction. It also checks that the event goes to its own
// stream, so that an import file cannot file a class under a school.
type Validator func(c *Check, stream string, p events.Payload) error

var validators = map[string]Validator{}

// validate registers the validator of an event type; each area registers its own.
func validate(typ string, v Validator) {
	if _, dup := validators[typ]; dup {
		panic("app: validator registered twice: " + typ)
	}
	validators[typ] = v
}

// Check is what a validator may ask of the ledger.
type Check struct {
	Ctx context.Context
	Tx  *events.Tx
	On  events.Date // the event's business date
}

// Q is the transaction, for queries: it sees the events appended so far in it.
func (c *Check) Q() projections.Querier { return c.Tx.SQL() }

// isoDate finds dates written YYYY-MM-DD in a message.
var isoDate = regexp.MustCompile(`\b(\d{4})-(\d{2})-(\d{2})\b`)

// Fail returns a refusal with a code, the field under data, and a Vietnamese
// message, its dates written dd/mm/yyyy.
func Fail(code, field, format string, args ...any) error {
	if field != "" && !strings.HasPrefix(field, "meta.") && field != "stream" && field != "occurred_on" {
		field = "data." + field
	}
	msg := isoDate.ReplaceAllString(fmt.Sprintf(format, args...), "$3/$2/$1")
	return &events.Error{Code: code, Field: field, Message: msg}
}

// Stream requires the event to go to want.
func (c *Check) Stream(got, want string) error {
	if got != want {
		return Fail(EWrongStream, "stream", "sự kiện này phải ghi vào luồng %s, không phải %s", want, got)
	}
	return nil
}

// Exists reports whether a query returns a row.
func (c *Check) Exists(query string, args ...any) (bool, error) {
	var one int
	err := c.Q().QueryRowContext(c.Ctx, query, args...).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	return err == nil, err
}

// School requires a registered school whose cluster is known.
func (c *Check) School(field, id string) error {
	ok, err := c.Exists(`SELECT 1 FROM proj_schools s JOIN proj_clusters c ON c.cluster_id = s.cluster_id
		WHERE s.school_id = ?`, id)
	if err != nil || ok {
		return err
	}
	return Fail(EUnknownSchool, field, "trường %q chưa được đăng ký trong cụm thi đua", id)
}

// Cluster requires a formed cluster.
func (c *Check) Cluster(field, id string) error {
	ok, err := c.Exists(`SELECT 1 FROM proj_clusters WHERE cluster_id = ?`, id)
	if err != nil || ok {
		return err
	}
	return Fail(EUnknownCluster, field, "cụm thi đua %q chưa được thành lập", id)
}

// Cmd is one event to append to one stream.
type Cmd struct {
	Stream   string
	Expected int64
	Event    events.Event
}

// Result tells the UI what a command recorded.
type Result struct {
	EventID string `json:"event_id"`
	Seq     int64  `json:"seq"`
	Stream  string `json:"stream"`
	Version int64  `json:"version"`
	// ID is the entity the command created or changed (class_id, …).
	ID string `json:"id"`
}

// Record validates the commands against the ledger and appends them, all in
// one transaction: a refused command appends nothing.
func (a *App) Record(ctx context.Context, cmds ...Cmd) ([]events.Record, error) {
	if err := a.writable(); err != nil {
		return nil, err
	}
	var out []events.Record
	err := a.Store.Update(ctx, func(tx *events.Tx) error {
		for _, cmd := range cmds {
			recs, err := a.appendChecked(ctx, tx, cmd)
			if err != nil {
				return err
			}
			out = append(out, recs...)
		}
		return nil
	})
	return out, err
}

// appendChecked runs an event's validator then appends it.
func (a *App) appendChecked(ctx context.Context, tx *events.Tx, cmd Cmd) ([]events.Record, error) {
	ev := cmd.Event
	if ev.Meta.Actor == "" {
		ev.Meta.Actor = a.Actor
	}
	typ, ok := a.Store.Types.TypeOf(ev.Data)
	if !ok {
		return nil, events.Errorf(events.EUNKNOWNTYPE, "type", "loại dữ liệu chưa đăng ký: %T", ev.Data)
	}
	if err := ev.Data.Check(); err != nil {
		return nil, prefixData(err)
	}
	if v := validators[typ]; v != nil {
		if err := v(&Check{Ctx: ctx, Tx: tx, On: ev.OccurredOn}, cmd.Stream, ev.Data); err != nil {
			return nil, err
		}
	}
	return tx.Append(cmd.Stream, cmd.Expected, ev)
}

func prefixData(err error) error {
	var e *events.Error
	if errors.As(err, &e) && !strings.HasPrefix(e.Field, "data") {
		c := *e
		c.Field = "data." + c.Field
		return &c
	}
	return err
}

// record appends one event to one stream and returns its Result with id.
func (a *App) record(ctx context.Context, stream, id string, on events.Date, note Note, p events.Payload) (Result, error) {
	recs, err := a.Record(ctx, Cmd{Stream: stream, Expected: events.AnyVersion,
		Event: events.Event{OccurredOn: on, Data: p, Meta: note.meta()}})
	if err != nil {
		return Result{}, err
	}
	r := recs[0]
	return Result{EventID: r.ID, Seq: r.Seq, Stream: r.Stream, Version: r.Version, ID: id}, nil
}

// Note is what a form says of a change besides its data: why, and the
// document it comes from.
type Note struct {
	Reason string `json:"reason"`
	Source string `json:"source"`
}

func (n Note) meta() events.Meta { return events.Meta{Reason: n.Reason, Source: n.Source} }

// newID makes an id for a new entity when the user gives none.
func newID(given string) string {
	if strings.TrimSpace(given) != "" {
		return strings.TrimSpace(given)
	}
	return uuid.Must(uuid.NewV7()).String()
}

// writable refuses every change in a view of the past.
func (a *App) writable() error {
	if err := a.readOnlySnapshot(); err != nil {
		return err
	}
	if at, ok := a.viewedAt(); ok {
		return events.Errorf(events.EREADONLY, "", "đang xem sổ cái tại thời điểm %s: chế độ xem lịch sử không ghi được",
			vn.DateTime(at))
	}
	return nil
}
