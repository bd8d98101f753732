package app

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"strings"
	"time"

	"github.com/google/uuid"

	"socai/events"
	"socai/vn"
)

// A mistake is corrected by new events, never by an edit: EventRetracted
// withdraws an event of the same stream (every projection then leaves it
// out), and the right event, if any, follows it.

func init() {
	validate("EventRetracted", func(c *Check, stream string, p events.Payload) error {
		e := p.(events.EventRetracted)
		var target, typ string
		err := c.Q().QueryRowContext(c.Ctx, `SELECT stream, type FROM events WHERE id = ?`, e.EventID).Scan(&target, &typ)
		if errors.Is(err, sql.ErrNoRows) {
			return Fail(EUnknownEvent, "event_id", "không có sự kiện %q trong sổ cái", e.EventID)
		}
		if err != nil {
			return err
		}
		if target != stream {
			return Fail(EWrongStream, "stream", "sự kiện %s thuộc luồng %s: bản ghi hủy phải ghi vào luồng đó, không phải %s",
				e.EventID, target, stream)
		}
		if typ == "EventRetracted" {
			return Fail(EInvalidState, "event_id", "sự kiện %s là một bản ghi hủy: không hủy được bản ghi hủy", e.EventID)
		}
		var by int64
		err = c.Q().QueryRowContext(c.Ctx, `SELECT seq FROM events WHERE stream = ? AND +type = 'EventRetracted'
			AND json_extract(data, '$.event_id') = ?`, stream, e.EventID).Scan(&by)
		if err == nil {
			return Fail(EInvalidState, "event_id", "sự kiện %s đã bị hủy (bản ghi hủy số %d)", e.EventID, by)
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		return nil
	})
}

// CorrectionInput is the "Sửa / hủy bản ghi" form: the event to withdraw,
// why, from which document, and the corrected payload if any.
type CorrectionInput struct {
	EventID string `json:"event_id"`
	Reason  string `json:"reason"`
	Source  string `json:"source"`
	// Replacement is the corrected payload, of the same type as the event;
	// absent or null only withdraws it (hủy).
	Replacement json.RawMessage `json:"replacement"`
	// OccurredOn is the replacement's business date; "" keeps the event's.
	OccurredOn string `json:"occurred_on"`
}

// CorrectionResult says what a correction recorded.
type CorrectionResult struct {
	Retraction  Result  `json:"retraction"`
	Replacement *Result `json:"replacement"`
}

// Correct withdraws an event and, if a replacement is given, records the
// right one of the same type in the same stream: both in one transaction,
// with the same reason, source and correlation id. A refusal names its
// field: "reason", "event_id", "occurred_on" or the replacement's
// "data.<field>".
func (s *HistoryService) Correct(in CorrectionInput) (CorrectionResult, error) {
	ctx := context.Background()
	if err := s.app.writable(); err != nil {
		return CorrectionResult{}, err
	}
	reason := strings.TrimSpace(in.Reason)
	if reason == "" {
		return CorrectionResult{}, events.Errorf(events.EINVALID, "reason", "bắt buộc: vì sao sửa hoặc hủy bản ghi này")
	}
	var stream, typ, on string
	err := s.app.Store.DB().QueryRowContext(ctx, `SELECT stream, type, occurred_on FROM events WHERE id = ?`,
		strings.TrimSpace(in.EventID)).Scan(&stream, &typ, &on)
	if errors.Is(err, sql.ErrNoRows) {
		return CorrectionResult{}, events.Errorf(EUnknownEvent, "event_id", "không có sự kiện %q trong sổ cái", in.EventID)
	}
	if err != nil {
		return CorrectionResult{}, err
	}
	meta := events.Meta{Reason: reason, Source: strings.TrimSpace(in.Source), CorrelationID: uuid.Must(uuid.NewV7()).String()}
	today := events.DateOf(time.Now().In(vn.Zone))
	cmds := []Cmd{{Stream: stream, Expected: events.AnyVersion, Event: events.Event{OccurredOn: today, Meta: meta,
		Data: events.EventRetracted{EventID: strings.TrimSpace(in.EventID), Reason: reason}}}}
	if raw := bytes.TrimSpace(in.Replacement); len(raw) > 0 && string(raw) != "null" {
		if typ == "EventRetracted" {
			return CorrectionResult{}, events.Errorf(EInvalidState, "event_id", "sự kiện %s là một bản ghi hủy: không hủy được bản ghi hủy", in.EventID)
		}
		version, _ := s.app.Store.Types.Version(typ)
		p, err := s.app.Store.Types.Decode(typ, version, raw)
		if err != nil {
			return CorrectionResult{}, err
		}
		when := events.Date(on)
		if in.OccurredOn != "" {
			when = events.Date(in.OccurredOn)
		}
		cmds = append(cmds, Cmd{Stream: stream, Expected: events.AnyVersion,
			Event: events.Event{OccurredOn: when, Meta: meta, Data: p}})
	}
	recs, err := s.app.Record(ctx, cmds...)
	if err != nil {
		return CorrectionResult{}, correctionField(err)
	}
	res := CorrectionResult{Retraction: resultOf(recs[0])}
	if len(recs) > 1 {
		r := resultOf(recs[1])
		res.Replacement = &r
	}
	return res, nil
}

// correctionField names the retraction's own fields as the form does.
func correctionField(err error) error {
	var e *events.Error
	if errors.As(err, &e) && e.Field == "data.event_id" {
		c := *e
		c.Field = "event_id"
		return &c
	}
	return err
}

func resultOf(r events.Record) Result {
	_, id, _ := strings.Cut(r.Stream, "-")
	return Result{EventID: r.ID, Seq: r.Seq, Stream: r.Stream, Version: r.Version, ID: id}
}
