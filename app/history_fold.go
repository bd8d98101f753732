package app

import (
	"bytes"
	"encoding/json"
	"sort"
	"strconv"
	"strings"

	"socai/vn"
)

// The state of an entity in a history is a fold of its stream's payloads:
// each event's fields override the earlier ones, nested objects flattened
// to "targets.ttldxs_min", and the event type sets "status" (statusOf).
// A retraction removes the retracted event's effect: the state after it is
// the fold recomputed without that event, so its diff undoes what the
// event did, and the replacement that follows shows its own change.

// state is one stream's fields, in the order they first appeared.
type state struct {
	values map[string]any
	order  []string
}

func newState() *state { return &state{values: map[string]any{}} }

func (s *state) clone() *state {
	c := &state{values: make(map[string]any, len(s.values)), order: append([]string(nil), s.order...)}
	for k, v := range s.values {
		c.values[k] = v
	}
	return c
}

func (s *state) set(k string, v any) {
	if _, ok := s.values[k]; !ok {
		s.order = append(s.order, k)
	}
	s.values[k] = v
}

// apply folds one event into the state.
func (s *state) apply(typ string, data []byte) {
	if st, ok := statusOf[typ]; ok {
		s.set("status", st)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return
	}
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return
		}
		key, _ := t.(string)
		var v any
		if err := dec.Decode(&v); err != nil {
			return
		}
		s.setFlat(key, v)
	}
}

// setFlat sets a value, an object's fields one by one under "key.field".
func (s *state) setFlat(key string, v any) {
	obj, ok := v.(map[string]any)
	if !ok {
		s.set(key, v)
		return
	}
	keys := make([]string, 0, len(obj))
	for k := range obj {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		s.setFlat(key+"."+k, obj[k])
	}
}

// same reports whether two state values are equal.
func same(a, b any) bool {
	x, _ := json.Marshal(a)
	y, _ := json.Marshal(b)
	return bytes.Equal(x, y)
}

// diff lists the fields that differ from before to after: status first,
// then in the order the fields appeared.
func diff(typ string, before, after *state) []FieldChange {
	out := []FieldChange{}
	seen := map[string]bool{}
	keys := append([]string{"status"}, append(append([]string{}, before.order...), after.order...)...)
	for _, k := range keys {
		if seen[k] {
			continue
		}
		seen[k] = true
		b, inB := before.values[k]
		a, inA := after.values[k]
		if (!inB && !inA) || (inB && inA && same(a, b)) {
			continue
		}
		out = append(out, FieldChange{Field: k, Label: FieldLabel(typ, k), Before: b, After: a})
	}
	return out
}

// foldHistory fills the states, diffs and correction links of evs (in seq
// order, every event of their streams) and returns each stream's last state.
func foldHistory(evs []HistoryEvent) map[string]*state {
	byStream := map[string][]int{}
	byID := map[string]int{}
	for i, e := range evs {
		byStream[e.Stream] = append(byStream[e.Stream], i)
		byID[e.ID] = i
	}
	final := map[string]*state{}
	for stream, idx := range byStream {
		cur := newState()
		removed := map[string]bool{}
		for n, i := range idx {
			e := &evs[i]
			before := cur
			if e.Type == "EventRetracted" {
				var r struct {
					EventID string `json:"event_id"`
				}
				_ = json.Unmarshal(e.Data, &r)
				removed[r.EventID] = true
				if j, ok := byID[r.EventID]; ok && evs[j].Stream == stream {
					e.Retracts = refOf(evs[j].LogEntry)
					evs[j].RetractedBy = refOf(e.LogEntry)
					evs[j].Retracted = true
					linkReplacement(evs, idx[n+1:], j, e)
				}
				cur = refold(evs, idx[:n+1], removed)
			} else {
				cur = cur.clone()
				cur.apply(e.Type, e.Data)
			}
			e.Before, e.After = before.values, cur.values
			e.Changes = diff(e.Type, before, cur)
		}
		final[stream] = cur
	}
	return final
}

// refold is the state of a stream's events idx without the removed ones
// and without retractions.
func refold(evs []HistoryEvent, idx []int, removed map[string]bool) *state {
	st := newState()
	for _, i := range idx {
		if e := evs[i]; e.Type != "EventRetracted" && !removed[e.ID] {
			st.apply(e.Type, e.Data)
		}
	}
	return st
}

// linkReplacement links a retracted event j with its replacement: the next
// event of the stream after the retraction r, of the same type, recorded
// with r's correlation id (as HistoryService.Correct records them).
func linkReplacement(evs []HistoryEvent, after []int, j int, r *HistoryEvent) {
	if len(after) == 0 || r.CorrelationID == "" {
		return
	}
	next := &evs[after[0]]
	if next.Type == evs[j].Type && next.CorrelationID == r.CorrelationID {
		next.Replaces = refOf(evs[j].LogEntry)
		evs[j].ReplacedBy = refOf(next.LogEntry)
	}
}

// numberText writes a JSON number the Vietnamese way, keeping its decimals.
func numberText(n json.Number) string {
	s := n.String()
	if i, err := strconv.ParseInt(s, 10, 64); err == nil {
		return vn.Int(i)
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return s
	}
	prec := 0
	if i := strings.IndexByte(s, '.'); i >= 0 && !strings.ContainsAny(s, "eE") {
		prec = len(s) - i - 1
	}
	return vn.Decimal(f, prec)
}
