package events_test

import (
	"strings"
	"testing"

	"socai/events"
)

// renamed is a test type whose v1 called "students" "hoc_vien".
type renamed struct {
	ClassID  string `json:"class_id"`
	Students int64  `json:"students"`
}

func (renamed) Check() error { return nil }

func TestRegistryUpcastsOldVersions(t *testing.T) {
	r := events.NewRegistry()
	r.Register("Renamed", renamed{}, func(m map[string]any) (map[string]any, error) {
		m["students"] = m["hoc_vien"]
		delete(m, "hoc_vien")
		return m, nil
	})
	if v, _ := r.Version("Renamed"); v != 2 {
		t.Fatalf("version = %d", v)
	}
	p, err := r.Decode("Renamed", 1, []byte(`{"class_id":"k1","hoc_vien":45}`))
	if err != nil {
		t.Fatal(err)
	}
	if got := p.(renamed); got.Students != 45 || got.ClassID != "k1" {
		t.Errorf("upcast = %+v", got)
	}
	if _, err := r.Decode("Renamed", 2, []byte(`{"class_id":"k1","students":45}`)); err != nil {
		t.Errorf("current version: %v", err)
	}
}

func TestRegistryNamesUnknownAndFutureTypes(t *testing.T) {
	_, err := events.Vocabulary.Decode("ClassTeleported", 1, []byte(`{}`))
	if events.ErrorCode(err) != events.EUNKNOWNTYPE || !strings.Contains(err.Error(), "ClassTeleported") {
		t.Errorf("unknown type: %v", err)
	}
	_, err = events.Vocabulary.Decode("ClassOpened", 7, []byte(`{}`))
	if events.ErrorCode(err) != events.EFUTURESCHEMA || !strings.Contains(err.Error(), "ClassOpened") || !strings.Contains(err.Error(), "7") {
		t.Errorf("future schema: %v", err)
	}
}

func TestRegistryNamesTheField(t *testing.T) {
	cases := map[string]string{
		`{"class_id":"k1","students":"nhiều"}`:        "data.students",
		`{"class_id":"k1","students":-1}`:             "data.students",
		`{"students":3}`:                              "data.class_id",
		`{"class_id":"k1","students":3,"hoc_vien":3}`: "data.hoc_vien",
		`{"class_id":"k1","end_date":"2021-13-01"}`:   "data.end_date",
		`{"class_id":"k1","end_date":"2021-06-30"}}`:  "data",
	}
	for data, field := range cases {
		typ := "ClassEnrollmentChanged"
		if strings.Contains(data, "end_date") {
			typ = "ClassCompleted"
		}
		_, err := events.Vocabulary.Decode(typ, 1, []byte(data))
		if got := events.ErrorField(err); got != field {
			t.Errorf("%s: field %q, want %q (%v)", data, got, field, err)
		}
	}
}

func TestClassOpenedChecksDatesInOrder(t *testing.T) {
	_, err := events.Vocabulary.Decode("ClassOpened", 1, []byte(`{"class_id":"k1","school_id":"sonla","class_type":"tc",
		"name":"K1","students":50,"start_date":"2021-06-30","end_date":"2021-01-01","mode":"tap_trung"}`))
	if events.ErrorField(err) != "data.end_date" {
		t.Errorf("end before start: %v", err)
	}
}

// TestHashVector pins the documented encoding (docs/hash-chain.md): anyone
// recomputing it in another language must get this hash.
func TestHashVector(t *testing.T) {
	r := events.Record{
		ID: "01890a5d-ac96-774b-bcce-b302099a8057", Origin: "01890a5d-0000-7000-8000-000000000001", OriginSeq: 1,
		Stream: "school-sonla", Version: 1, Type: "SchoolRegistered", SchemaVersion: 1,
		OccurredOn: "2021-01-01", RecordedAt: "2021-08-12T03:00:00.000000000Z",
		Data:     []byte(`{"school_id":"sonla","name":"Trường Chính trị tỉnh Sơn La","province":"Sơn La","cluster_id":"mnbg"}`),
		Meta:     []byte(`{"actor":"phongdaotao","source":"51-BC/CTĐ"}`),
		PrevHash: events.GenesisHash,
	}
	const want = "99cc016938d79e4414b1e48f835af9e7a802158550808acbea7455f1d028100e"
	if got := r.ComputeHash(); got != want {
		t.Errorf("hash = %s, want %s", got, want)
	}
}
