package events

import "time"

// DateLayout is the business-date format of occurred_on and every date field.
const DateLayout = "2006-01-02"

// Date is a business date (ngày phát sinh), "YYYY-MM-DD", with no time or zone.
type Date string

// Time returns the date at midnight UTC, or an error if it is not a real date.
func (d Date) Time() (time.Time, error) { return time.Parse(DateLayout, string(d)) }

// Valid reports whether d is a real calendar date in YYYY-MM-DD form.
func (d Date) Valid() bool {
	t, err := d.Time()
	return err == nil && t.Format(DateLayout) == string(d)
}

// VN writes the date as Vietnamese documents do: 30/06/2021.
func (d Date) VN() string {
	t, err := d.Time()
	if err != nil {
		return string(d)
	}
	return t.Format("02/01/2006")
}

// DateOf returns the business date of t in its own location.
func DateOf(t time.Time) Date { return Date(t.Format(DateLayout)) }

// recordedLayout is fixed-width so that text order is time order in SQL.
const recordedLayout = "2006-01-02T15:04:05.000000000Z"

// FormatRecordedAt formats a record time as stored in recorded_at.
func FormatRecordedAt(t time.Time) string { return t.UTC().Format(recordedLayout) }

// ParseRecordedAt parses a stored recorded_at.
func ParseRecordedAt(s string) (time.Time, error) { return time.Parse(time.RFC3339Nano, s) }
