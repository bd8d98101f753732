package events

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"

	"github.com/google/uuid"
)

// Line is one event of an import file: {type, stream, occurred_on, data, meta}
// and optionally id.
type Line struct {
	Type       string          `json:"type"`
	Stream     string          `json:"stream"`
	OccurredOn Date            `json:"occurred_on"`
	Data       json.RawMessage `json:"data"`
	Meta       Meta            `json:"meta"`
	ID         string          `json:"id,omitempty"`
}

// rawLine is a Line whose meta is decoded on its own, so that an error in
// it is named meta.<field>.
type rawLine struct {
	Type       string          `json:"type"`
	Stream     string          `json:"stream"`
	OccurredOn Date            `json:"occurred_on"`
	Data       json.RawMessage `json:"data"`
	Meta       json.RawMessage `json:"meta"`
	ID         string          `json:"id"`
}

// LineError says which line of a file is wrong and why.
type LineError struct {
	Line int
	Err  error
}

func (e *LineError) Error() string { return fmt.Sprintf("dòng %d: %v", e.Line, e.Err) }
func (e *LineError) Unwrap() error { return e.Err }

// ParseLine reads one import line into an Event for stream, decoding and
// checking its payload with reg. defaultActor fills a missing meta.actor.
func ParseLine(reg *Registry, b []byte, defaultActor string) (string, Event, error) {
	var raw rawLine
	if err := decodeStrict(b, &raw, ""); err != nil {
		return "", Event{}, err
	}
	l := Line{Type: raw.Type, Stream: raw.Stream, OccurredOn: raw.OccurredOn, Data: raw.Data, ID: raw.ID}
	if len(raw.Meta) > 0 && string(raw.Meta) != "null" {
		if err := decodeStrict(raw.Meta, &l.Meta, "meta"); err != nil {
			return "", Event{}, err
		}
	}
	if l.ID != "" {
		u, err := uuid.Parse(l.ID)
		if err != nil {
			return "", Event{}, Errorf(EINVALID, "id", "mã sự kiện không phải UUID: %q", l.ID)
		}
		l.ID = u.String() // one spelling, so that duplicates are found
	}
	if l.Type == "" {
		return "", Event{}, Errorf(EINVALID, "type", "bắt buộc: loại sự kiện")
	}
	if l.Stream == "" {
		return "", Event{}, Errorf(EINVALID, "stream", "bắt buộc: luồng của sự kiện")
	}
	if !streamPattern.MatchString(l.Stream) {
		return "", Event{}, Errorf(EINVALID, "stream", "tên luồng không hợp lệ %q (dạng <loại>-<mã>)", l.Stream)
	}
	if err := validDate("occurred_on", l.OccurredOn); err != nil {
		return "", Event{}, err
	}
	if len(l.Data) == 0 || string(l.Data) == "null" {
		return "", Event{}, Errorf(EINVALID, "data", "bắt buộc: dữ liệu của sự kiện")
	}
	version, ok := reg.Version(l.Type)
	if !ok {
		return "", Event{}, Errorf(EUNKNOWNTYPE, "type", "loại sự kiện không xác định: %q", l.Type)
	}
	p, err := reg.Decode(l.Type, version, l.Data)
	if err != nil {
		return "", Event{}, err
	}
	if l.Meta.Actor == "" {
		l.Meta.Actor = defaultActor
	}
	if err := l.Meta.check(); err != nil {
		return "", Event{}, err
	}
	return l.Stream, Event{ID: l.ID, OccurredOn: l.OccurredOn, Data: p, Meta: l.Meta}, nil
}

// Parsed is one line of a file, parsed.
type Parsed struct {
	Line   int
	Stream string
	Event  Event
}

// ParseLines reads a JSON Lines file; blank lines are skipped. It returns
// every bad line (up to max) so a user can mend the file in one go, and
// nothing is appended by anyone while errors remain.
func ParseLines(reg *Registry, r io.Reader, defaultActor string, max int) ([]Parsed, []*LineError) {
	var out []Parsed
	var errs []*LineError
	seen := map[string]int{}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), 16<<20)
	n := 0
	for sc.Scan() {
		n++
		b := sc.Bytes()
		if n == 1 {
			b = bytes.TrimPrefix(b, []byte("\ufeff")) // the BOM Windows Notepad writes
		}
		b = bytes.TrimSpace(b)
		if len(b) == 0 {
			continue
		}
		stream, ev, err := ParseLine(reg, b, defaultActor)
		if err == nil && ev.ID != "" {
			if first, dup := seen[ev.ID]; dup {
				err = Errorf(EDUPLICATE, "id", "mã sự kiện %s trùng với dòng %d", ev.ID, first)
			} else {
				seen[ev.ID] = n
			}
		}
		if err != nil {
			if errs = append(errs, &LineError{Line: n, Err: err}); len(errs) >= max {
				return nil, errs
			}
			continue
		}
		out = append(out, Parsed{Line: n, Stream: stream, Event: ev})
	}
	if err := sc.Err(); err != nil {
		errs = append(errs, &LineError{Line: n + 1, Err: Errorf(EINVALID, "", "không đọc được tệp: %v", err)})
	}
	return out, errs
}
