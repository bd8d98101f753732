package events

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"reflect"
	"sort"
	"strings"
)

// Payload is implemented by every registered event type: Check validates what
// the event says on its own (required fields, enums, dates in order), not
// against the state of the ledger; that is app's job.
type Payload interface {
	Check() error
}

// Upcaster turns the JSON object of schema version v into version v+1.
type Upcaster func(data map[string]any) (map[string]any, error)

type typeInfo struct {
	name      string
	version   int
	goType    reflect.Type
	upcasters []Upcaster // upcasters[i] lifts version i+1 to i+2
}

// Registry maps event type names to Go structs and their schema versions.
type Registry struct {
	types map[string]*typeInfo
	byGo  map[reflect.Type]*typeInfo
}

// NewRegistry returns an empty registry.
func NewRegistry() *Registry {
	return &Registry{types: map[string]*typeInfo{}, byGo: map[reflect.Type]*typeInfo{}}
}

// Register adds an event type. sample is a zero value of its struct; the
// current schema version is len(upcasters)+1. It panics on a duplicate name,
// which is a programming error.
func (r *Registry) Register(name string, sample Payload, upcasters ...Upcaster) {
	t := reflect.TypeOf(sample)
	if t.Kind() != reflect.Struct {
		panic("events: Register wants a struct value for " + name)
	}
	if _, dup := r.types[name]; dup {
		panic("events: type registered twice: " + name)
	}
	ti := &typeInfo{name: name, version: len(upcasters) + 1, goType: t, upcasters: upcasters}
	r.types[name] = ti
	r.byGo[t] = ti
}

// Names returns the registered type names, sorted.
func (r *Registry) Names() []string {
	names := make([]string, 0, len(r.types))
	for n := range r.types {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// Version returns the current schema version of a type.
func (r *Registry) Version(name string) (int, bool) {
	ti, ok := r.types[name]
	if !ok {
		return 0, false
	}
	return ti.version, true
}

// TypeOf returns the registered name of a payload value.
func (r *Registry) TypeOf(p Payload) (string, bool) {
	ti, ok := r.byGo[reflect.TypeOf(p)]
	if !ok {
		return "", false
	}
	return ti.name, true
}

func (r *Registry) lookup(name string) (*typeInfo, error) {
	ti, ok := r.types[name]
	if !ok {
		return nil, Errorf(EUNKNOWNTYPE, "type", "loại sự kiện không xác định: %q", name)
	}
	return ti, nil
}

// Decode reads the data of an event of the given type and schema version,
// upcasting old versions, into a value of the registered struct. An unknown
// type or a schema version newer than this program knows is an error naming it.
func (r *Registry) Decode(name string, schemaVersion int, data []byte) (Payload, error) {
	ti, err := r.lookup(name)
	if err != nil {
		return nil, err
	}
	if schemaVersion > ti.version {
		return nil, Errorf(EFUTURESCHEMA, "schema_version",
			"%s phiên bản %d mới hơn phiên bản %d mà chương trình này biết: hãy cập nhật socai", name, schemaVersion, ti.version)
	}
	if schemaVersion < 1 {
		return nil, Errorf(EINVALID, "schema_version", "phiên bản lược đồ không hợp lệ: %d", schemaVersion)
	}
	if schemaVersion < ti.version {
		var m map[string]any
		if err := json.Unmarshal(data, &m); err != nil {
			return nil, jsonError("data", err)
		}
		for v := schemaVersion; v < ti.version; v++ {
			if m, err = ti.upcasters[v-1](m); err != nil {
				return nil, Errorf(EINVALID, "data", "không nâng cấp được %s từ phiên bản %d: %v", name, v, err)
			}
		}
		if data, err = json.Marshal(m); err != nil {
			return nil, err
		}
	}
	ptr := reflect.New(ti.goType)
	if err := decodeStrict(data, ptr.Interface(), "data"); err != nil {
		return nil, err
	}
	p := ptr.Elem().Interface().(Payload)
	if err := p.Check(); err != nil {
		return nil, prefixField("data", err)
	}
	return p, nil
}

// Encode checks a payload and returns its type name, schema version and
// canonical JSON. A json.RawMessage must come with its type name via
// EncodeRaw instead.
func (r *Registry) Encode(p Payload) (string, int, []byte, error) {
	ti, ok := r.byGo[reflect.TypeOf(p)]
	if !ok {
		return "", 0, nil, Errorf(EUNKNOWNTYPE, "type", "loại dữ liệu chưa đăng ký: %T", p)
	}
	if err := p.Check(); err != nil {
		return "", 0, nil, prefixField("data", err)
	}
	b, err := marshal(p)
	if err != nil {
		return "", 0, nil, err
	}
	return ti.name, ti.version, b, nil
}

// decodeStrict decodes exactly one JSON value with no unknown fields and
// nothing after it; errors name the field under prefix.
func decodeStrict(data []byte, v any, prefix string) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return jsonError(prefix, err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return Errorf(EINVALID, prefix, "dữ liệu thừa sau đối tượng JSON")
	}
	return nil
}

// marshal is json.Marshal without HTML escaping, so stored text is what was said.
func marshal(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimRight(buf.Bytes(), "\n"), nil
}

// jsonError names the field of a JSON decoding error where Go knows it.
func jsonError(prefix string, err error) error {
	var te *json.UnmarshalTypeError
	var se *json.SyntaxError
	switch {
	case errors.As(err, &te):
		return Errorf(EINVALID, joinField(prefix, te.Field), "sai kiểu dữ liệu: cần %s, nhận được %s", vnKind(te.Type.Kind()), vnJSONKind(te.Value))
	case errors.As(err, &se):
		return Errorf(EINVALID, prefix, "JSON không hợp lệ tại ký tự %d: %v", se.Offset, err)
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		name := strings.Trim(strings.TrimPrefix(err.Error(), "json: unknown field "), `"`)
		return Errorf(EINVALID, joinField(prefix, name), "trường không có trong loại sự kiện này")
	}
	return Errorf(EINVALID, prefix, "JSON không hợp lệ: %v", err)
}

// vnJSONKind names a JSON value kind as encoding/json reports it.
func vnJSONKind(v string) string {
	switch {
	case v == "string":
		return "chuỗi"
	case v == "bool":
		return "đúng/sai"
	case v == "array":
		return "danh sách"
	case v == "object":
		return "đối tượng"
	case strings.HasPrefix(v, "number"):
		return strings.TrimSpace("số " + strings.TrimSpace(strings.TrimPrefix(v, "number")))
	}
	return v
}

func joinField(prefix, name string) string {
	if prefix == "" || name == "" {
		return prefix + name
	}
	return prefix + "." + name
}

func vnKind(k reflect.Kind) string {
	switch k {
	case reflect.String:
		return "chuỗi"
	case reflect.Int, reflect.Int64, reflect.Int32, reflect.Uint, reflect.Uint64:
		return "số nguyên"
	case reflect.Float64, reflect.Float32:
		return "số"
	case reflect.Bool:
		return "đúng/sai"
	case reflect.Slice, reflect.Array:
		return "danh sách"
	case reflect.Struct, reflect.Map:
		return "đối tượng"
	}
	return k.String()
}

func prefixField(prefix string, err error) error {
	var e *Error
	if errors.As(err, &e) {
		c := *e
		c.Field = joinField(prefix, c.Field)
		return &c
	}
	return Errorf(EINVALID, prefix, "%v", err)
}

// Check helpers used by the payload types.

func required(field, v string) error {
	if strings.TrimSpace(v) == "" {
		return Errorf(EINVALID, field, "bắt buộc, không được để trống")
	}
	return nil
}

func nonNegative(field string, v int64) error {
	if v < 0 {
		return Errorf(EINVALID, field, "không được âm (nhận %d)", v)
	}
	return nil
}

func validDate(field string, d Date) error {
	if !d.Valid() {
		return Errorf(EINVALID, field, "ngày không hợp lệ %q (cần dạng YYYY-MM-DD, ví dụ 2021-06-30)", string(d))
	}
	return nil
}

func optionalDate(field string, d Date) error {
	if d == "" {
		return nil
	}
	return validDate(field, d)
}

func oneOf(field, v string, allowed ...string) error {
	for _, a := range allowed {
		if v == a {
			return nil
		}
	}
	return Errorf(EINVALID, field, "giá trị %q không hợp lệ (chỉ nhận: %s)", v, strings.Join(allowed, ", "))
}

func notBefore(field string, d, from Date, fromLabel string) error {
	if d != "" && from != "" && d < from {
		return Errorf(EINVALID, field, "không được trước %s (%s trước %s)", fromLabel, d.VN(), from.VN())
	}
	return nil
}

// firstErr returns the first non-nil error.
func firstErr(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// DecodeInto decodes a stored record's data into dst, a pointer to the
// struct registered for its type, upcasting old schema versions.
func (r *Registry) DecodeInto(rec Record, dst any) error {
	p, err := r.Decode(rec.Type, rec.SchemaVersion, rec.Data)
	if err != nil {
		return err
	}
	v := reflect.ValueOf(dst)
	if v.Kind() != reflect.Pointer || v.Elem().Type() != reflect.TypeOf(p) {
		return Errorf(EINTERNAL, "data", "không giải mã được %s vào %T", rec.Type, dst)
	}
	v.Elem().Set(reflect.ValueOf(p))
	return nil
}
