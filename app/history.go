package app

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"sort"
	"strings"
	"sync"
	"time"

	"socai/events"
	"socai/projections"
	"socai/vn"
)

// HistoryService answers "who changed what, when and why": the history of
// one entity with the state before and after each event, and the global
// event log, page by page. It also records corrections (corrections.go).
type HistoryService struct {
	app     *App
	schools schoolCache
}

// History error codes, stable for scripts.
const (
	EUnknownEntity   = "unknown_entity"
	EAmbiguousEntity = "ambiguous_entity"
)

// HistoryFilter narrows a history or the log; empty fields do not filter.
type HistoryFilter struct {
	// Actor keeps the events recorded by this person (meta.actor, exact).
	Actor string `json:"actor"`
	// Type keeps one event type.
	Type string `json:"type"`
	// From and To are dates (YYYY-MM-DD, inclusive) on the clock Clock.
	From string `json:"from"`
	To   string `json:"to"`
	// Clock is "occurred" (business date, the default) or "recorded"
	// (record time, days in Vietnam time).
	Clock string `json:"clock"`
	// School keeps the events of a school: its own and yearly streams, and
	// every stream of an entity that belongs to it (see schoolStreams).
	School string `json:"school"`
	// AsOf is a record time (RFC 3339, or a date: the end of that day in
	// Vietnam time): only the events recorded by then exist.
	AsOf string `json:"as_of"`
}

// Clocks of HistoryFilter.Clock.
const (
	ClockOccurred = "occurred"
	ClockRecorded = "recorded"
)

// where is the SQL condition of a filter over events e, with its arguments.
type where struct {
	conds []string
	args  []any
}

func (w *where) add(cond string, args ...any) {
	w.conds = append(w.conds, cond)
	w.args = append(w.args, args...)
}

func (w *where) sql() string {
	if len(w.conds) == 0 {
		return "1"
	}
	return strings.Join(w.conds, " AND ")
}

// bySeq is the condition for a walk in seq order: a school's streams are
// then looked up per event (unary plus: not by the stream index, which
// would fetch and sort all of the school's events before the first page).
func (w *where) bySeq() string {
	return strings.ReplaceAll(w.sql(), schoolCond, "+"+schoolCond)
}

const schoolCond = "e.stream IN (SELECT value FROM json_each(?))"

// asOfCond adds the record-time cutoff of f, if any.
func (f HistoryFilter) asOfCond(w *where) error {
	if f.AsOf == "" {
		return nil
	}
	t, err := projections.ParseAsOf(f.AsOf)
	if err != nil {
		return err
	}
	w.add("e.recorded_at <= ?", events.FormatRecordedAt(t))
	return nil
}

// compile checks f and returns its conditions besides the cutoff; a bad
// value is refused at its field, in Vietnamese.
func (s *HistoryService) compile(ctx context.Context, f HistoryFilter) (*where, error) {
	q := s.app.DB()
	w := &where{}
	if f.Type != "" {
		if _, ok := events.Vocabulary.Version(f.Type); !ok {
			return nil, events.Errorf(events.EUNKNOWNTYPE, "type", "loại sự kiện không xác định: %q", f.Type)
		}
		w.add("e.type = ?", f.Type)
	}
	if a := strings.TrimSpace(f.Actor); a != "" {
		// instr first: the stored meta is Go's JSON, so the exact text of the
		// field is known, and a text search is far cheaper than parsing.
		w.add("instr(e.meta, ?) > 0 AND json_extract(e.meta, '$.actor') = ?", `"actor":`+jsonText(a), a)
	}
	col := "e.occurred_on"
	switch f.Clock {
	case "", ClockOccurred:
	case ClockRecorded:
		col = "e.recorded_at"
	default:
		return nil, events.Errorf(events.EINVALID, "clock", "đồng hồ %q không hợp lệ (chỉ nhận: %s, %s)", f.Clock, ClockOccurred, ClockRecorded)
	}
	for _, d := range []struct{ field, value string }{{"from", f.From}, {"to", f.To}} {
		if d.value != "" && !events.Date(d.value).Valid() {
			return nil, events.Errorf(events.EINVALID, d.field, "ngày không hợp lệ %q (cần dạng YYYY-MM-DD, ví dụ 2021-06-30)", d.value)
		}
	}
	if f.From != "" && f.To != "" && f.To < f.From {
		return nil, events.Errorf(events.EINVALID, "to", "ngày cuối %s trước ngày đầu %s", events.Date(f.To).VN(), events.Date(f.From).VN())
	}
	if f.From != "" {
		w.add(col+" >= ?", dayBound(f.From, col == "e.recorded_at", false))
	}
	if f.To != "" {
		w.add(col+" <= ?", dayBound(f.To, col == "e.recorded_at", true))
	}
	if f.School != "" {
		ok, err := exists(ctx, q, `SELECT 1 FROM events WHERE stream = ?`, "school-"+f.School)
		if err != nil {
			return nil, err
		}
		if !ok {
			return nil, events.Errorf(EUnknownSchool, "school", "không có trường %q trong sổ cái", f.School)
		}
		streams, err := s.schoolStreams(ctx, f.School)
		if err != nil {
			return nil, err
		}
		w.add(schoolCond, streams)
	}
	return w, nil
}

// jsonText is a string as Go's encoder writes it in stored data and meta.
func jsonText(s string) string {
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.Encode(s)
	return strings.TrimSuffix(b.String(), "\n")
}

// dayBound is the first or last moment of a day on a clock: the date itself
// for business dates, the day in Vietnam time as stored UTC for record times.
func dayBound(day string, recorded, end bool) string {
	if !recorded {
		return day
	}
	t, _ := time.ParseInLocation(events.DateLayout, day, vn.Zone)
	if end {
		t = t.Add(24*time.Hour - time.Nanosecond)
	}
	return events.FormatRecordedAt(t)
}

// schoolStreams are the streams of a school, as a JSON array: school-<id>,
// its yearly streams school-<id>-<year>, and every stream in which an event
// names the school in data.school_id (its classes, staff, enrolments,
// topics, workshops, awards …). Finding the last reads every event once;
// the service keeps the answer and later reads only the events since.
func (s *HistoryService) schoolStreams(ctx context.Context, id string) (string, error) {
	db := s.app.DB()
	c := &s.schools
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.by == nil {
		c.by = map[string]*schoolSet{}
	}
	set := c.by[id]
	if set == nil {
		set = &schoolSet{streams: map[string]bool{}}
		c.by[id] = set
	}
	// A view of the past never changes; the live ledger grows at its end.
	if s.app.asOf == nil || set.upTo == 0 {
		var last int64
		if err := db.QueryRowContext(ctx, `SELECT COALESCE(MAX(seq), 0) FROM events`).Scan(&last); err != nil {
			return "", err
		}
		rows, err := db.QueryContext(ctx, `SELECT DISTINCT stream FROM events WHERE seq > ? AND seq <= ?
			AND instr(data, ?) > 0 AND json_extract(data, '$.school_id') = ?`, set.upTo, last, `"school_id":`+jsonText(id), id)
		if err != nil {
			return "", err
		}
		for rows.Next() {
			var st string
			if err := rows.Scan(&st); err != nil {
				rows.Close()
				return "", err
			}
			set.streams[st] = true
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return "", err
		}
		set.upTo = last
	}
	list := make([]string, 0, len(set.streams))
	for st := range set.streams {
		list = append(list, st)
	}
	yearly, err := streamList(ctx, db, `SELECT DISTINCT stream FROM events WHERE `+yearlyCond("school-"+id))
	if err != nil {
		return "", err
	}
	var more []string
	_ = json.Unmarshal([]byte(yearly), &more)
	b, _ := json.Marshal(append(list, more...))
	return string(b), nil
}

// schoolCache keeps the streams of each school asked about.
type schoolCache struct {
	mu sync.Mutex
	by map[string]*schoolSet
}

// schoolSet is the streams naming a school among the events up to seq upTo.
type schoolSet struct {
	upTo    int64
	streams map[string]bool
}

// yearlyCond matches a stream and its yearly streams <stream>-<4 digits>,
// by a range of the stream index.
func yearlyCond(stream string) string {
	q := quoteSQL(stream)
	return `(stream = ` + q + ` OR (stream BETWEEN ` + quoteSQL(stream+"-0000") + ` AND ` + quoteSQL(stream+"-9999") +
		` AND length(stream) = ` + itoa(len(stream)+5) + ` AND substr(stream, ` + itoa(len(stream)+2) + `) GLOB '[0-9][0-9][0-9][0-9]'))`
}

func quoteSQL(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }

// streamList runs a query of stream names and returns them as a JSON array.
func streamList(ctx context.Context, q projections.Querier, query string, args ...any) (string, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return "", err
	}
	defer rows.Close()
	list := []string{}
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return "", err
		}
		list = append(list, s)
	}
	b, _ := json.Marshal(list)
	return string(b), rows.Err()
}

func exists(ctx context.Context, q projections.Querier, query string, args ...any) (bool, error) {
	var one int
	err := q.QueryRowContext(ctx, query, args...).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	return err == nil, err
}

// LogEntry is one event as the log and a history show it.
type LogEntry struct {
	Seq           int64           `json:"seq"`
	ID            string          `json:"id"`
	Type          string          `json:"type"`
	TypeLabel     string          `json:"type_label"`
	Stream        string          `json:"stream"`
	Version       int64           `json:"version"`
	OccurredOn    string          `json:"occurred_on"`
	RecordedAt    string          `json:"recorded_at"`
	Actor         string          `json:"actor"`
	Reason        string          `json:"reason"`
	Source        string          `json:"source"`
	CorrelationID string          `json:"correlation_id"`
	Origin        string          `json:"origin"`
	OriginSeq     int64           `json:"origin_seq"`
	Hash          string          `json:"hash"`
	Data          json.RawMessage `json:"data"`
	// Retracted: an EventRetracted of its stream withdrew it (as of the question).
	Retracted bool `json:"retracted"`
}

const entryColumns = `e.seq, e.id, e.type, e.stream, e.version, e.occurred_on, e.recorded_at,
	e.meta, e.origin, e.origin_seq, e.hash, e.data`

func scanEntry(scan func(...any) error) (LogEntry, error) {
	var e LogEntry
	var meta, data []byte
	if err := scan(&e.Seq, &e.ID, &e.Type, &e.Stream, &e.Version, &e.OccurredOn, &e.RecordedAt,
		&meta, &e.Origin, &e.OriginSeq, &e.Hash, &data); err != nil {
		return e, err
	}
	var m events.Meta
	_ = json.Unmarshal(meta, &m) // every stored meta is JSON; a foreign one shows empty
	e.Actor, e.Reason, e.Source, e.CorrelationID = m.Actor, m.Reason, m.Source, m.CorrelationID
	e.TypeLabel = EventTypeLabel(e.Type)
	e.Data = data
	return e, nil
}

// LogQuery asks for one page of the log, newest first. Paging is by seq
// (keyset): Before gives the page after one (older events), After the page
// before one (newer events); neither starts at the newest. Skip jumps that
// many matching events further in the same direction (a page number far
// from a known one); it walks the index, never loads the skipped events.
type LogQuery struct {
	HistoryFilter
	Before int64 `json:"before"`
	After  int64 `json:"after"`
	Skip   int64 `json:"skip"`
	Limit  int   `json:"limit"`
	// NoTotal skips the count (Total is then -1): a filtered count reads
	// every event, and the next page of the same filter has the same total.
	NoTotal bool `json:"no_total"`
}

// Paging bounds of the log.
const (
	DefaultLogLimit = 50
	MaxLogLimit     = 500
)

// LogPage is one page of the log.
type LogPage struct {
	// Events, newest first, at most the limit.
	Events []LogEntry `json:"events"`
	// Total is how many events match the filter, -1 when not asked.
	Total int64 `json:"total"`
	// HasNewer and HasOlder say whether pages exist before and after this one.
	HasNewer bool `json:"has_newer"`
	HasOlder bool `json:"has_older"`
}

// Log returns one page of the events matching q, newest first.
func (s *HistoryService) Log(q LogQuery) (LogPage, error) {
	ctx := context.Background()
	db := s.app.DB()
	if q.Limit <= 0 {
		q.Limit = DefaultLogLimit
	}
	if q.Limit > MaxLogLimit {
		return LogPage{}, events.Errorf(events.EINVALID, "limit", "tối đa %d sự kiện một trang (nhận %d)", MaxLogLimit, q.Limit)
	}
	if q.Before < 0 || q.After < 0 || q.Skip < 0 || (q.Before > 0 && q.After > 0) {
		return LogPage{}, events.Errorf(events.EINVALID, "before", "vị trí trang không hợp lệ")
	}
	w, err := s.compile(ctx, q.HistoryFilter)
	if err != nil {
		return LogPage{}, err
	}
	if err := q.asOfCond(w); err != nil {
		return LogPage{}, err
	}
	page := LogPage{Events: []LogEntry{}, Total: -1}
	if !q.NoTotal {
		if page.Total, err = s.count(ctx, w); err != nil {
			return page, err
		}
	}
	cond, args := w.bySeq(), append([]any{}, w.args...)
	order := "DESC"
	switch {
	case q.Before > 0:
		cond += " AND e.seq < ?"
		args = append(args, q.Before)
	case q.After > 0:
		cond += " AND e.seq > ?"
		args = append(args, q.After)
		order = "ASC"
	}
	rows, err := db.QueryContext(ctx, `SELECT `+entryColumns+` FROM events e WHERE `+cond+
		` ORDER BY e.seq `+order+` LIMIT ? OFFSET ?`, append(args, q.Limit+1, q.Skip)...)
	if err != nil {
		return page, err
	}
	defer rows.Close()
	for rows.Next() {
		e, err := scanEntry(rows.Scan)
		if err != nil {
			return page, err
		}
		page.Events = append(page.Events, e)
	}
	if err := rows.Err(); err != nil {
		return page, err
	}
	more := len(page.Events) > q.Limit
	if more {
		page.Events = page.Events[:q.Limit]
	}
	if order == "ASC" {
		for i, j := 0, len(page.Events)-1; i < j; i, j = i+1, j-1 {
			page.Events[i], page.Events[j] = page.Events[j], page.Events[i]
		}
		page.HasNewer = more
	} else {
		page.HasOlder = more
	}
	// The other side: is there a match beyond this page's first (or last) event?
	if n := len(page.Events); n > 0 {
		var probe string
		var at int64
		if order == "ASC" {
			probe, at = "e.seq < ?", page.Events[n-1].Seq
		} else {
			probe, at = "e.seq > ?", page.Events[0].Seq
		}
		other, err := exists(ctx, db, `SELECT 1 FROM events e WHERE `+w.bySeq()+` AND `+probe+` LIMIT 1`, append(append([]any{}, w.args...), at)...)
		if err != nil {
			return page, err
		}
		if order == "ASC" {
			page.HasOlder = other
		} else {
			page.HasNewer = other
		}
	}
	return page, markRetracted(ctx, db, page.Events)
}

// count is how many events match w; without a filter SQLite counts the
// smallest index, 1M events in about 10 ms.
func (s *HistoryService) count(ctx context.Context, w *where) (int64, error) {
	var n int64
	err := s.app.DB().QueryRowContext(ctx, `SELECT COUNT(*) FROM events e WHERE `+w.sql(), w.args...).Scan(&n)
	return n, err
}

// markRetracted sets Retracted on the entries withdrawn by a retraction of
// their stream.
func markRetracted(ctx context.Context, db projections.Querier, es []LogEntry) error {
	if len(es) == 0 {
		return nil
	}
	streams := map[string]bool{}
	var list []string
	for _, e := range es {
		if !streams[e.Stream] {
			streams[e.Stream] = true
			list = append(list, e.Stream)
		}
	}
	b, _ := json.Marshal(list)
	rows, err := db.QueryContext(ctx, `SELECT json_extract(r.data, '$.event_id') FROM events r
		WHERE r.stream IN (SELECT value FROM json_each(?)) AND +r.type = 'EventRetracted'`, string(b))
	if err != nil {
		return err
	}
	defer rows.Close()
	gone := map[string]bool{}
	for rows.Next() {
		var id sql.NullString
		if err := rows.Scan(&id); err != nil {
			return err
		}
		gone[id.String] = true
	}
	for i := range es {
		es[i].Retracted = gone[es[i].ID]
	}
	return rows.Err()
}

// EntityHistory is every event that touched an entity, oldest first.
type EntityHistory struct {
	// Entity is the argument as resolved: a stream, or school-<id> for a school.
	Entity string `json:"entity"`
	// Kind is the entity's kind: class, staff, enrollment, topic, workshop,
	// award, school, cluster … (the stream's prefix).
	Kind string `json:"kind"`
	// Name is what the entity is called (the class's name, the person's …).
	Name string `json:"name"`
	// Streams are the streams read, in order of first event.
	Streams []string `json:"streams"`
	// State is the entity's state after its last event (of its own stream).
	State map[string]any `json:"state"`
	// Events are those the filter keeps, in seq order; Total counts all.
	Events []HistoryEvent `json:"events"`
	Total  int            `json:"total"`
}

// HistoryEvent is one event of a history with what it changed.
type HistoryEvent struct {
	LogEntry
	// Before and After are the state of the event's stream around it: a fold
	// of the stream's live payloads, plus "status" from the event types.
	Before map[string]any `json:"before"`
	After  map[string]any `json:"after"`
	// Changes are the fields that differ, status first then payload order.
	Changes []FieldChange `json:"changes"`
	// RetractedBy is the retraction that withdrew this event, if any.
	RetractedBy *LinkedEvent `json:"retracted_by"`
	// Retracts is, for a retraction, the event it withdraws.
	Retracts *LinkedEvent `json:"retracts"`
	// Replaces is, for a replacement, the event it corrects; ReplacedBy
	// is the reverse link.
	Replaces   *LinkedEvent `json:"replaces"`
	ReplacedBy *LinkedEvent `json:"replaced_by"`
}

// FieldChange is one line of a diff: "sĩ số: 45 → 43". Before or After
// is null when the field was absent.
type FieldChange struct {
	Field  string `json:"field"`
	Label  string `json:"label"`
	Before any    `json:"before"`
	After  any    `json:"after"`
}

// LinkedEvent points at another event of the history (a retraction, a replacement).
type LinkedEvent struct {
	EventID    string `json:"event_id"`
	Seq        int64  `json:"seq"`
	Type       string `json:"type"`
	TypeLabel  string `json:"type_label"`
	RecordedAt string `json:"recorded_at"`
	Actor      string `json:"actor"`
	Reason     string `json:"reason"`
}

func refOf(e LogEntry) *LinkedEvent {
	return &LinkedEvent{EventID: e.ID, Seq: e.Seq, Type: e.Type, TypeLabel: e.TypeLabel,
		RecordedAt: e.RecordedAt, Actor: e.Actor, Reason: e.Reason}
}

// entityPrefixes are the kinds an id is looked up as, in this order.
var entityPrefixes = []string{"class", "staff", "enrollment", "topic", "workshop", "award", "school",
	"cluster", "classtype", "deadline", "report", "inspection"}

// yearly are the kinds whose facts of a year go to <kind>-<id>-<year>.
var yearly = map[string]bool{"school": true, "cluster": true}

// resolve finds the entity an argument names: an exact stream, else an id
// under one of entityPrefixes. It returns the kind, id and main stream.
func (s *HistoryService) resolve(ctx context.Context, arg string, cut *where) (kind, id, stream string, err error) {
	arg = strings.TrimSpace(arg)
	if arg == "" {
		return "", "", "", events.Errorf(events.EINVALID, "entity", "cần mã đối tượng hoặc tên luồng (ví dụ class-sonla-20-tc-01)")
	}
	has := func(stream string) (bool, error) {
		return exists(ctx, s.app.DB(), `SELECT 1 FROM events e WHERE e.stream = ? AND `+cut.sql()+` LIMIT 1`,
			append([]any{stream}, cut.args...)...)
	}
	ok, err := has(arg)
	if err != nil {
		return "", "", "", err
	}
	if ok {
		kind, id, _ = strings.Cut(arg, "-")
		return kind, id, arg, nil
	}
	var found []string
	for _, p := range entityPrefixes {
		ok, err := has(p + "-" + arg)
		if err != nil {
			return "", "", "", err
		}
		if ok {
			found = append(found, p+"-"+arg)
		}
	}
	switch len(found) {
	case 0:
		return "", "", "", events.Errorf(EUnknownEntity, "entity", "không có đối tượng %q trong sổ cái (mã lớp, viên chức, lượt đi học, đề tài, hội thảo, khen thưởng, trường, hoặc tên luồng)", arg)
	case 1:
		kind, id, _ = strings.Cut(found[0], "-")
		return kind, id, found[0], nil
	}
	return "", "", "", events.Errorf(EAmbiguousEntity, "entity", "mã %q trùng với nhiều đối tượng: %s; hãy ghi tên luồng", arg, strings.Join(found, ", "))
}

// Entity returns the history of an entity: an exact stream
// ("class-sonla-20-tc-01") or an id ("sonla-20-tc-01"). A school
// ("school-sonla" or "sonla") brings its yearly streams and the streams of
// everything that belongs to it; a cluster its yearly streams.
func (s *HistoryService) Entity(entity string, f HistoryFilter) (EntityHistory, error) {
	ctx := context.Background()
	db := s.app.DB()
	keep, err := s.compile(ctx, f)
	if err != nil {
		return EntityHistory{}, err
	}
	cut := &where{}
	if err := f.asOfCond(cut); err != nil {
		return EntityHistory{}, err
	}
	kind, id, main, err := s.resolve(ctx, entity, cut)
	if err != nil {
		return EntityHistory{}, err
	}
	var streams string
	switch {
	case kind == "school" && main == "school-"+id:
		streams, err = s.schoolStreams(ctx, id)
	case yearly[kind] && main == kind+"-"+id:
		streams, err = streamList(ctx, db, `SELECT DISTINCT stream FROM events WHERE `+yearlyCond(main))
	default:
		b, _ := json.Marshal([]string{main})
		streams = string(b)
	}
	if err != nil {
		return EntityHistory{}, err
	}
	// Every event of the streams (as of the cutoff), for the folds; the
	// filter then chooses which to show.
	rows, err := db.QueryContext(ctx, `SELECT `+entryColumns+`, `+keep.sql()+` FROM events e
		WHERE e.stream IN (SELECT value FROM json_each(?)) AND `+cut.sql()+` ORDER BY e.seq`,
		append(append(append([]any{}, keep.args...), streams), cut.args...)...)
	if err != nil {
		return EntityHistory{}, err
	}
	var all []HistoryEvent
	var shown []bool
	for rows.Next() {
		var show bool
		var e LogEntry
		e, err = scanEntry(func(dest ...any) error { return rows.Scan(append(dest, &show)...) })
		if err != nil {
			rows.Close()
			return EntityHistory{}, err
		}
		all = append(all, HistoryEvent{LogEntry: e})
		shown = append(shown, show)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return EntityHistory{}, err
	}
	h := EntityHistory{Entity: main, Kind: kind, Streams: []string{}, Events: []HistoryEvent{}, Total: len(all)}
	states := foldHistory(all)
	for _, e := range all {
		if !contains(h.Streams, e.Stream) {
			h.Streams = append(h.Streams, e.Stream)
		}
	}
	h.State = states[main].values
	if h.State == nil {
		h.State = map[string]any{}
	}
	h.Name = nameOf(h.State)
	for i, e := range all {
		if shown[i] {
			h.Events = append(h.Events, e)
		}
	}
	return h, nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// nameOf is what a state calls its entity.
func nameOf(st map[string]any) string {
	for _, k := range []string{"name", "full_name", "title", "recipient", "subject", "url"} {
		if v, ok := st[k].(string); ok && v != "" {
			return v
		}
	}
	return ""
}

// EntityMatch is one answer of Search.
type EntityMatch struct {
	Entity string `json:"entity"`
	Kind   string `json:"kind"`
	Name   string `json:"name"`
}

// searchTypes are the events that name an entity when it comes to be.
var searchTypes = []string{"SchoolRegistered", "ClusterFormed", "ClassTypeDefined", "ClassPlanned", "ClassOpened",
	"StaffMemberRecorded", "StaffTrainingStarted", "ResearchTopicRegistered", "WorkshopHeld", "TitleAwarded",
	"DeadlineSet", "ReportSubmitted", "InspectionOpened"}

// Search finds up to limit entities whose stream or name contains text
// (case-insensitive for Latin letters), for the history's search box.
func (s *HistoryService) Search(text string, limit int) ([]EntityMatch, error) {
	ctx := context.Background()
	text = strings.TrimSpace(text)
	out := []EntityMatch{}
	if text == "" {
		return out, nil
	}
	if limit <= 0 || limit > 100 {
		limit = 20
	}
	like := "%" + strings.NewReplacer(`\`, `\\`, "%", `\%`, "_", `\_`).Replace(text) + "%"
	types, _ := json.Marshal(searchTypes)
	rows, err := s.app.DB().QueryContext(ctx, `SELECT e.stream, e.data FROM events e
		WHERE e.type IN (SELECT value FROM json_each(?)) AND (e.stream LIKE ? ESCAPE '\' OR e.data LIKE ? ESCAPE '\')
		ORDER BY e.seq DESC`, string(types), like, like)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	seen := map[string]bool{}
	for rows.Next() && len(out) < limit {
		var stream string
		var data []byte
		if err := rows.Scan(&stream, &data); err != nil {
			return nil, err
		}
		if seen[stream] {
			continue
		}
		seen[stream] = true
		var st map[string]any
		_ = json.Unmarshal(data, &st)
		kind, _, _ := strings.Cut(stream, "-")
		out = append(out, EntityMatch{Entity: stream, Kind: kind, Name: nameOf(st)})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Entity < out[j].Entity })
	return out, rows.Err()
}
