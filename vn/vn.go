// Package vn formats numbers, dates and times as Vietnamese offices write
// them: 16.182 (dot for thousands), 12,5 (comma for decimals), dd/mm/yyyy,
// times in Vietnam time (UTC+7, no daylight saving: no tz database needed).
package vn

import (
	"strconv"
	"strings"
	"time"
)

// Zone is Vietnam time.
var Zone = time.FixedZone("ICT", 7*3600)

// Int formats n with dots between thousands: 16182 → "16.182".
func Int(n int64) string {
	s := strconv.FormatInt(n, 10)
	neg := strings.HasPrefix(s, "-")
	if neg {
		s = s[1:]
	}
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(c)
	}
	return b.String()
}

// Decimal formats f with prec decimals, comma as the decimal mark: 80.5 → "80,5".
func Decimal(f float64, prec int) string {
	s := strconv.FormatFloat(f, 'f', prec, 64)
	whole, frac, _ := strings.Cut(s, ".")
	n, _ := strconv.ParseInt(whole, 10, 64)
	out := Int(n)
	if n == 0 && strings.HasPrefix(whole, "-") {
		out = "-0"
	}
	if frac != "" {
		out += "," + frac
	}
	return out
}

// Date formats an ISO date "2021-06-30" as "30/06/2021"; other text is returned as is.
func Date(iso string) string {
	t, err := time.Parse("2006-01-02", iso)
	if err != nil {
		return iso
	}
	return t.Format("02/01/2006")
}

// DateTime formats an instant in Vietnam time: "12/08/2021 14:05:09".
func DateTime(t time.Time) string { return t.In(Zone).Format("02/01/2006 15:04:05") }

// DateTimeText formats a stored RFC 3339 instant; other text is returned as is.
func DateTimeText(s string) string {
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return s
	}
	return DateTime(t)
}
