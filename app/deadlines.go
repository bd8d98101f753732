package app

import (
	"context"
	"fmt"
	"time"

	"socai/events"
	"socai/projections"
	"socai/vn"
)

// DeadlineService records the deadlines of the Học viện's calendar and the
// reports sent, and says which deadlines are met, late or near.
type DeadlineService struct{ app *App }

func deadlineKinds() []string {
	out := make([]string, len(projections.DeadlineKinds))
	for i, k := range projections.DeadlineKinds {
		out[i] = k.Kind
	}
	return out
}

func init() {
	validate("DeadlineSet", func(c *Check, stream string, p events.Payload) error {
		e := p.(events.DeadlineSet)
		if err := c.Stream(stream, "deadline-"+e.DeadlineID); err != nil {
			return err
		}
		known := false
		for _, k := range deadlineKinds() {
			known = known || k == e.Kind
		}
		if !known {
			return Fail(events.EINVALID, "kind", "loại thời hạn %q không có trong lịch của Học viện (có: %v)", e.Kind, deadlineKinds())
		}
		if e.AppliesTo == "all" {
			return nil
		}
		ok, err := c.Exists(`SELECT 1 FROM proj_schools WHERE school_id = ? UNION ALL
			SELECT 1 FROM proj_clusters WHERE cluster_id = ?`, e.AppliesTo, e.AppliesTo)
		if err == nil && !ok {
			return Fail(EUnknownSchool, "applies_to", "%q không phải \"all\", mã trường hay mã cụm thi đua đã đăng ký", e.AppliesTo)
		}
		return err
	})
	validate("ReportSubmitted", func(c *Check, stream string, p events.Payload) error {
		e := p.(events.ReportSubmitted)
		if err := c.Stream(stream, "report-"+e.ReportID); err != nil {
			return err
		}
		if _, err := projections.ParsePeriod(e.Period); err != nil {
			return Fail(events.EINVALID, "period", "%s", err.(*events.Error).Message)
		}
		ok, err := c.Exists(`SELECT 1 FROM proj_reports WHERE report_id = ?`, e.ReportID)
		if err == nil && ok {
			return Fail(EAlreadyExists, "report_id", "báo cáo %q đã được ghi", e.ReportID)
		}
		return err
	})
}

// SetDeadline records (or moves) a deadline.
func (s *DeadlineService) SetDeadline(in events.DeadlineSet, on events.Date, note Note) (Result, error) {
	in.DeadlineID = newID(in.DeadlineID)
	return s.app.record(context.Background(), "deadline-"+in.DeadlineID, in.DeadlineID, on, note, in)
}

// SubmitReport records a report that was sent; its date is the date it was
// sent. Its author is the id of the school or cluster that sent it: that is
// how it meets a deadline of the same kind for its period's year.
func (s *DeadlineService) SubmitReport(in events.ReportSubmitted, note Note) (Result, error) {
	in.ReportID = newID(in.ReportID)
	return s.app.record(context.Background(), "report-"+in.ReportID, in.ReportID, in.SubmittedOn, note, in)
}

// vnToday is the date in Vietnam.
func vnToday() events.Date { return events.DateOf(time.Now().In(vn.Zone)) }

// List returns the deadlines of a year with their status as of today (in
// Vietnam; in a view of the past, its day), for a school or the whole ledger
// when school is "".
func (s *DeadlineService) List(year int, school string) ([]projections.DeadlineStatus, error) {
	return projections.Deadlines(context.Background(), s.app.DB(), year, s.app.today(), school)
}

// Next returns up to n deadlines still to meet, nearest first, for the dashboard.
func (s *DeadlineService) Next(n int) ([]projections.DeadlineStatus, error) {
	return projections.NextDeadlines(context.Background(), s.app.DB(), s.app.today(), n)
}

// standardDeadlines are the dates (day, month) of Công văn 3552-CV/HVCTQG.
var standardDeadlines = []struct {
	kind       string
	day, month int
}{
	{events.DeadlineKeHoachThiDua, 5, 3},
	{events.DeadlineKeHoachCum, 15, 3},
	{events.DeadlineSoKet, 30, 7},
	{events.DeadlineGuiHocVien, 10, 8},
	{events.DeadlineTongKetTruong, 5, 11},
	{events.DeadlineTongKetCum, 10, 11},
	{events.DeadlineHoSoKhen, 30, 11},
}

// StandardCalendar records, in one transaction, the seven deadlines of the
// Học viện's letter for a year, applying to a cluster (the schools' kinds
// to each of its schools, the others to the cluster): ids
// <cluster>-<year>-<kind>. Recording it again sets the same deadlines.
func (s *DeadlineService) StandardCalendar(year int, clusterID string) ([]Result, error) {
	on := vnToday()
	note := Note{Reason: fmt.Sprintf("Lịch thời hạn thi đua năm %d theo Công văn 3552-CV/HVCTQG", year),
		Source: "3552-CV/HVCTQG"}
	cmds := make([]Cmd, 0, len(standardDeadlines))
	for _, d := range standardDeadlines {
		id := fmt.Sprintf("%s-%d-%s", clusterID, year, d.kind)
		due := events.Date(fmt.Sprintf("%04d-%02d-%02d", year, d.month, d.day))
		cmds = append(cmds, Cmd{Stream: "deadline-" + id, Expected: events.AnyVersion, Event: events.Event{
			OccurredOn: on, Meta: note.meta(),
			Data: events.DeadlineSet{DeadlineID: id, Year: year, Kind: d.kind, DueDate: due, AppliesTo: clusterID}}})
	}
	recs, err := s.app.Record(context.Background(), cmds...)
	if err != nil {
		return nil, err
	}
	out := make([]Result, len(recs))
	for i, r := range recs {
		out[i] = Result{EventID: r.ID, Seq: r.Seq, Stream: r.Stream, Version: r.Version,
			ID: cmds[i].Event.Data.(events.DeadlineSet).DeadlineID}
	}
	return out, nil
}
