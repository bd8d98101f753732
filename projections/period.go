package projections

import (
	"regexp"
	"strconv"

	"socai/events"
)

// Period is a business-time range, both ends inclusive.
type Period struct {
	Label string      `json:"label"`
	From  events.Date `json:"from"`
	To    events.Date `json:"to"`
}

var (
	yearRe  = regexp.MustCompile(`^(\d{4})$`)
	halfRe  = regexp.MustCompile(`^(\d{4})-H([12])$`)
	rangeRe = regexp.MustCompile(`^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$`)
)

// ParsePeriod reads "2021-H1" (01/01–30/06), "2021-H2" (01/07–31/12),
// "2021" (the year) or "2021-03-01..2021-05-31".
func ParsePeriod(s string) (Period, error) {
	bad := func(msg string) (Period, error) {
		return Period{}, events.Errorf(events.EINVALID, "period", "kỳ %q không hợp lệ: %s", s, msg)
	}
	switch {
	case yearRe.MatchString(s):
		return Period{Label: s, From: events.Date(s + "-01-01"), To: events.Date(s + "-12-31")}, nil
	case halfRe.MatchString(s):
		m := halfRe.FindStringSubmatch(s)
		if m[2] == "1" {
			return Period{Label: s, From: events.Date(m[1] + "-01-01"), To: events.Date(m[1] + "-06-30")}, nil
		}
		return Period{Label: s, From: events.Date(m[1] + "-07-01"), To: events.Date(m[1] + "-12-31")}, nil
	case rangeRe.MatchString(s):
		m := rangeRe.FindStringSubmatch(s)
		p := Period{Label: s, From: events.Date(m[1]), To: events.Date(m[2])}
		if !p.From.Valid() || !p.To.Valid() {
			return bad("ngày không có thật")
		}
		if p.To < p.From {
			return bad("ngày cuối trước ngày đầu")
		}
		return p, nil
	}
	return bad("dùng 2021-H1, 2021-H2, 2021 hoặc 2021-03-01..2021-05-31")
}

// Year is the year the period ends in: its targets are that year's.
func (p Period) Year() int {
	y, _ := strconv.Atoi(string(p.To)[:4])
	return y
}
