package vn

import (
	"testing"
	"time"
)

func TestInt(t *testing.T) {
	for n, want := range map[int64]string{0: "0", 7: "7", 999: "999", 1000: "1.000", 16182: "16.182",
		20399: "20.399", 1234567: "1.234.567", -9852: "-9.852"} {
		if got := Int(n); got != want {
			t.Errorf("Int(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestDecimal(t *testing.T) {
	cases := []struct {
		f    float64
		prec int
		want string
	}{{80.5, 1, "80,5"}, {12345.678, 2, "12.345,68"}, {15, 0, "15"}, {-0.25, 2, "-0,25"}}
	for _, c := range cases {
		if got := Decimal(c.f, c.prec); got != c.want {
			t.Errorf("Decimal(%v,%d) = %q, want %q", c.f, c.prec, got, c.want)
		}
	}
}

func TestDates(t *testing.T) {
	if got := Date("2021-06-30"); got != "30/06/2021" {
		t.Errorf("Date = %q", got)
	}
	if got := Date("not a date"); got != "not a date" {
		t.Errorf("Date passes text through, got %q", got)
	}
	// 17:30 UTC is 00:30 the next day in Vietnam.
	if got := DateTime(time.Date(2021, 8, 11, 17, 30, 0, 0, time.UTC)); got != "12/08/2021 00:30:00" {
		t.Errorf("DateTime = %q", got)
	}
	if got := DateTimeText("2021-08-11T17:30:00.000000000Z"); got != "12/08/2021 00:30:00" {
		t.Errorf("DateTimeText = %q", got)
	}
}
