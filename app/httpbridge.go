package app

import (
	"crypto/subtle"
	"encoding/json"
	"errors"
	"io"
	"io/fs"
	"net/http"
	"reflect"
	"strings"

	"socai/events"
)

// TokenHeader carries the harness token on every API call.
const TokenHeader = "X-Socai-Token"

// HTTPHandler serves the built frontend and the same bound methods the
// window gets, as POST /api/<Service>/<Method> with the arguments as a JSON
// array, so that a real browser can drive the real Go code in tests. Every
// API call must carry token.
func HTTPHandler(services []any, token string, assets fs.FS) http.Handler {
	byName := map[string]reflect.Value{}
	for _, s := range services {
		v := reflect.ValueOf(s)
		byName[v.Elem().Type().Name()] = v
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/api/", func(w http.ResponseWriter, r *http.Request) {
		if subtle.ConstantTimeCompare([]byte(r.Header.Get(TokenHeader)), []byte(token)) != 1 {
			writeError(w, http.StatusUnauthorized, "unauthorized", "thiếu hoặc sai mã truy cập")
			return
		}
		if r.Method != http.MethodPost {
			writeError(w, http.StatusMethodNotAllowed, "method", "chỉ nhận POST")
			return
		}
		parts := strings.Split(strings.TrimPrefix(r.URL.Path, "/api/"), "/")
		svc, ok := byName[parts[0]]
		if len(parts) != 2 || !ok {
			writeError(w, http.StatusNotFound, events.ENOTFOUND, "không có dịch vụ "+r.URL.Path)
			return
		}
		m := svc.MethodByName(parts[1])
		if !m.IsValid() {
			writeError(w, http.StatusNotFound, events.ENOTFOUND, "không có phương thức "+r.URL.Path)
			return
		}
		call(w, r, m)
	})
	mux.Handle("/", http.FileServerFS(assets))
	return mux
}

func call(w http.ResponseWriter, r *http.Request, m reflect.Value) {
	body, err := io.ReadAll(io.LimitReader(r.Body, 64<<20))
	if err != nil {
		writeError(w, http.StatusBadRequest, events.EINVALID, err.Error())
		return
	}
	var raw []json.RawMessage
	if len(body) > 0 {
		if err := json.Unmarshal(body, &raw); err != nil {
			writeError(w, http.StatusBadRequest, events.EINVALID, "thân yêu cầu phải là mảng JSON các tham số")
			return
		}
	}
	t := m.Type()
	if len(raw) != t.NumIn() {
		writeError(w, http.StatusBadRequest, events.EINVALID, "sai số tham số")
		return
	}
	args := make([]reflect.Value, t.NumIn())
	for i := range args {
		p := reflect.New(t.In(i))
		if err := json.Unmarshal(raw[i], p.Interface()); err != nil {
			writeError(w, http.StatusBadRequest, events.EINVALID, "tham số "+t.In(i).String()+": "+err.Error())
			return
		}
		args[i] = p.Elem()
	}
	out := m.Call(args)
	if n := len(out); n > 0 && t.Out(n-1) == reflect.TypeFor[error]() {
		if err, _ := out[n-1].Interface().(error); err != nil {
			w.Header().Set("Content-Type", "application/json; charset=utf-8")
			w.WriteHeader(http.StatusUnprocessableEntity)
			json.NewEncoder(w).Encode(FormatError(err))
			return
		}
		out = out[:n-1]
	}
	var result any
	if len(out) > 0 {
		result = out[0].Interface()
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	json.NewEncoder(w).Encode(result)
}

// FormatError is how a refused call reaches the UI, in the window (Wails'
// ErrorFormatter) and over HTTP alike: the message, its code and its field.
func FormatError(err error) any {
	msg := err.Error()
	var e *events.Error
	if errors.As(err, &e) {
		msg = e.Message
	}
	return APIError{Error: msg, Code: events.ErrorCode(err), Field: events.ErrorField(err)}
}

// FormatErrorJSON is FormatError as JSON text, for the window.
func FormatErrorJSON(err error) any {
	b, _ := json.Marshal(FormatError(err))
	return string(b)
}

// APIError is the body of a refused call; the frontend shows Error at Field.
type APIError struct {
	Error string `json:"error"`
	Code  string `json:"code"`
	Field string `json:"field,omitempty"`
}

func writeError(w http.ResponseWriter, status int, code, msg string) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(APIError{Error: msg, Code: code})
}
