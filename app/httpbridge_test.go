package app_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"

	"socai/app"
	"socai/events"
)

// probe is a bound service with the shapes the bridge must handle.
type probe struct{}

func (probe) Echo(name string, n int) (map[string]any, error) {
	return map[string]any{"name": name, "n": n}, nil
}
func (probe) Refuse() error {
	return events.Errorf(events.EINVALID, "students", "không được âm")
}

func TestHTTPBridge(t *testing.T) {
	a, err := app.Open(filepath.Join(t.TempDir(), "socai.db"), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	assets := fstest.MapFS{"index.html": {Data: []byte("<html>socai</html>")}}
	srv := httptest.NewServer(app.HTTPHandler(append(a.Services(), &probe{}), "secret", assets))
	defer srv.Close()

	post := func(path, token, body string) (int, string) {
		req, _ := http.NewRequest(http.MethodPost, srv.URL+path, strings.NewReader(body))
		if token != "" {
			req.Header.Set(app.TokenHeader, token)
		}
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		return res.StatusCode, string(b)
	}

	if code, _ := post("/api/LedgerService/Info", "", "[]"); code != http.StatusUnauthorized {
		t.Errorf("no token: %d", code)
	}
	if code, _ := post("/api/LedgerService/Info", "wrong", "[]"); code != http.StatusUnauthorized {
		t.Errorf("wrong token: %d", code)
	}
	code, body := post("/api/LedgerService/Info", "secret", "[]")
	var info app.LedgerInfo
	if code != 200 || json.Unmarshal([]byte(body), &info) != nil || info.Origin != a.Store.Origin() || info.Heads == nil {
		t.Errorf("Info: %d %s", code, body)
	}
	if code, body := post("/api/probe/Echo", "secret", `["Sơn La", 17]`); code != 200 || !strings.Contains(body, `"n":17`) {
		t.Errorf("Echo: %d %s", code, body)
	}
	if code, _ := post("/api/probe/Echo", "secret", `["Sơn La"]`); code != http.StatusBadRequest {
		t.Errorf("wrong arity: %d", code)
	}
	if code, _ := post("/api/probe/Echo", "secret", `[1, 2]`); code != http.StatusBadRequest {
		t.Errorf("wrong type: %d", code)
	}
	code, body = post("/api/probe/Refuse", "secret", `[]`)
	var apiErr app.APIError
	json.Unmarshal([]byte(body), &apiErr)
	if code != http.StatusUnprocessableEntity || apiErr.Code != events.EINVALID || apiErr.Field != "students" {
		t.Errorf("Refuse: %d %s", code, body)
	}
	if code, _ := post("/api/Nope/Info", "secret", `[]`); code != http.StatusNotFound {
		t.Errorf("unknown service: %d", code)
	}
	res, err := http.Get(srv.URL + "/")
	if err != nil || res.StatusCode != 200 {
		t.Errorf("assets: %v %v", res, err)
	}
}

// In the window a refusal travels as JSON text: Wails rejects with
// new Error(value), which keeps a string and loses an object.
func TestFormatErrorJSON(t *testing.T) {
	err := app.Fail(app.EDateOrder, "end_date", "ngày kết thúc %s trước ngày khai giảng %s", "2021-02-28", "2021-03-01")
	text, ok := app.FormatErrorJSON(err).(string)
	var got app.APIError
	if !ok || json.Unmarshal([]byte(text), &got) != nil {
		t.Fatalf("not JSON text: %#v", app.FormatErrorJSON(err))
	}
	if got.Code != app.EDateOrder || got.Field != "data.end_date" || got.Error != "ngày kết thúc 28/02/2021 trước ngày khai giảng 01/03/2021" {
		t.Errorf("got %+v", got)
	}
}

// Every method the window and the bridge can call takes only what JSON can
// carry: a context or a callback would be asked of the page, which cannot
// send one (the ctx-taking operations belong to App, for the CLI).
func TestBoundMethodsTakeJSON(t *testing.T) {
	a, err := app.Open(filepath.Join(t.TempDir(), "socai.db"), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	ctxType := reflect.TypeFor[context.Context]()
	for _, svc := range a.Services() {
		v := reflect.TypeOf(svc)
		for i := range v.NumMethod() {
			m := v.Method(i)
			for j := 1; j < m.Type.NumIn(); j++ { // 0 is the receiver
				in := m.Type.In(j)
				switch {
				case in.Implements(ctxType), in.Kind() == reflect.Func, in.Kind() == reflect.Chan:
					t.Errorf("%s.%s: parameter %d is %s, which the page cannot send", v.Elem().Name(), m.Name, j, in)
				}
			}
		}
	}
}
