package app

import (
	"context"
	"database/sql"
	"errors"

	"socai/events"
	"socai/projections"
)

// StaffTrainingService records the schools' staff members, their training
// (đào tạo, bồi dưỡng viên chức) and the plans, and answers the figures.
type StaffTrainingService struct{ app *App }

// enrollmentState is what validation needs to know of an enrolment.
type enrollmentState struct {
	status, start string
}

func (c *Check) staffSchool(id string) (string, bool, error) {
	var school string
	err := c.Q().QueryRowContext(c.Ctx, `SELECT school_id FROM proj_staff WHERE staff_id = ?`, id).Scan(&school)
	if errors.Is(err, sql.ErrNoRows) {
		return "", false, nil
	}
	return school, err == nil, err
}

func (c *Check) enrollment(id string) (enrollmentState, bool, error) {
	var st enrollmentState
	err := c.Q().QueryRowContext(c.Ctx, `SELECT status, start_date FROM proj_enrollments WHERE enrollment_id = ?`, id).
		Scan(&st.status, &st.start)
	if errors.Is(err, sql.ErrNoRows) {
		return st, false, nil
	}
	return st, err == nil, err
}

// ongoingEnrollment requires an enrolment that has not ended.
func (c *Check) ongoingEnrollment(id string) (enrollmentState, error) {
	st, ok, err := c.enrollment(id)
	if err != nil {
		return st, err
	}
	if !ok {
		return st, Fail(EUnknownEnrollment, "enrollment_id", "không có lượt đi học %q", id)
	}
	if st.status != projections.EnrollmentOngoing {
		return st, Fail(EInvalidState, "enrollment_id", "lượt đi học %q %s: không thể thay đổi", id, enrollmentStatusVN[st.status])
	}
	return st, nil
}

var enrollmentStatusVN = map[string]string{
	projections.EnrollmentOngoing:   "đang học",
	projections.EnrollmentCompleted: "đã hoàn thành",
	projections.EnrollmentWithdrawn: "đã thôi học",
}

func init() {
	validate("StaffMemberRecorded", func(c *Check, stream string, p events.Payload) error {
		e := p.(events.StaffMemberRecorded)
		if err := firstErr(c.Stream(stream, "staff-"+e.StaffID), c.School("school_id", e.SchoolID)); err != nil {
			return err
		}
		school, ok, err := c.staffSchool(e.StaffID)
		if err != nil || !ok {
			return err
		}
		if school != e.SchoolID {
			return Fail(events.EINVALID, "school_id", "viên chức %q thuộc trường %s, không thể ghi sang trường %s",
				e.StaffID, school, e.SchoolID)
		}
		return nil
	})
	validate("StaffTrainingStarted", func(c *Check, stream string, p events.Payload) error {
		e := p.(events.StaffTrainingStarted)
		if err := firstErr(c.Stream(stream, "enrollment-"+e.EnrollmentID), c.School("school_id", e.SchoolID)); err != nil {
			return err
		}
		school, ok, err := c.staffSchool(e.StaffID)
		if err != nil {
			return err
		}
		if !ok {
			return Fail(EUnknownStaff, "staff_id", "không có viên chức %q trong danh sách", e.StaffID)
		}
		if school != e.SchoolID {
			return Fail(events.EINVALID, "staff_id", "viên chức %q thuộc trường %s, không phải trường %s",
				e.StaffID, school, e.SchoolID)
		}
		if c.On != e.StartDate {
			return Fail(EDateOrder, "occurred_on", "ngày phát sinh của lượt đi học là ngày bắt đầu học %s", e.StartDate)
		}
		if _, exists, err := c.enrollment(e.EnrollmentID); err != nil {
			return err
		} else if exists {
			return Fail(EAlreadyExists, "enrollment_id", "lượt đi học %q đã được ghi nhận", e.EnrollmentID)
		}
		return nil
	})
	validate("StaffTrainingCompleted", func(c *Check, stream string, p events.Payload) error {
		e := p.(events.StaffTrainingCompleted)
		if err := c.Stream(stream, "enrollment-"+e.EnrollmentID); err != nil {
			return err
		}
		st, err := c.ongoingEnrollment(e.EnrollmentID)
		if err != nil {
			return err
		}
		if string(e.EndDate) < st.start {
			return Fail(EDateOrder, "end_date", "ngày kết thúc %s trước ngày bắt đầu học %s", e.EndDate, st.start)
		}
		return nil
	})
	validate("StaffTrainingWithdrawn", func(c *Check, stream string, p events.Payload) error {
		e := p.(events.StaffTrainingWithdrawn)
		if err := c.Stream(stream, "enrollment-"+e.EnrollmentID); err != nil {
			return err
		}
		st, err := c.ongoingEnrollment(e.EnrollmentID)
		if err != nil {
			return err
		}
		if string(c.On) < st.start {
			return Fail(EDateOrder, "occurred_on", "ngày thôi học %s trước ngày bắt đầu học %s", c.On, st.start)
		}
		return nil
	})
	validate("StaffTrainingPlanned", func(c *Check, stream string, p events.Payload) error {
		e := p.(events.StaffTrainingPlanned)
		per, err := projections.ParsePeriod(e.Period)
		if err != nil {
			return Fail(events.EINVALID, "period", "%s", err.(*events.Error).Message)
		}
		if err := c.Stream(stream, yearStream("school-"+e.SchoolID, per.Year())); err != nil {
			return err
		}
		return c.School("school_id", e.SchoolID)
	})
}

// RecordStaff records a staff member (viên chức) of a school, or changes
// their unit and position.
func (s *StaffTrainingService) RecordStaff(in events.StaffMemberRecorded, on events.Date, note Note) (Result, error) {
	in.StaffID = newID(in.StaffID)
	return s.app.record(context.Background(), "staff-"+in.StaffID, in.StaffID, on, note, in)
}

// StartTraining records a staff member sent to study; its date is the start date.
func (s *StaffTrainingService) StartTraining(in events.StaffTrainingStarted, note Note) (Result, error) {
	in.EnrollmentID = newID(in.EnrollmentID)
	return s.app.record(context.Background(), "enrollment-"+in.EnrollmentID, in.EnrollmentID, in.StartDate, note, in)
}

// CompleteTraining records the end of a study; its date is the end date.
func (s *StaffTrainingService) CompleteTraining(in events.StaffTrainingCompleted, note Note) (Result, error) {
	return s.app.record(context.Background(), "enrollment-"+in.EnrollmentID, in.EnrollmentID, in.EndDate, note, in)
}

// WithdrawTraining records that a staff member stopped studying on date on.
func (s *StaffTrainingService) WithdrawTraining(in events.StaffTrainingWithdrawn, on events.Date, note Note) (Result, error) {
	return s.app.record(context.Background(), "enrollment-"+in.EnrollmentID, in.EnrollmentID, on, note, in)
}

// PlanTraining records how many staff a school plans to send to a
// programme in a period; it goes to the school's stream of the period's year.
func (s *StaffTrainingService) PlanTraining(in events.StaffTrainingPlanned, on events.Date, note Note) (Result, error) {
	p, err := projections.ParsePeriod(in.Period)
	if err != nil {
		return Result{}, Fail(events.EINVALID, "period", "%s", err.(*events.Error).Message)
	}
	return s.app.record(context.Background(), yearStream("school-"+in.SchoolID, p.Year()), in.SchoolID, on, note, in)
}

// Figures returns the staff-training figures of a period ("2021-H1",
// "2021", "2021-03-01..2021-05-31") for a school, or the cluster when school is "".
func (s *StaffTrainingService) Figures(period, school string) (projections.StaffTrainingReport, error) {
	p, err := projections.ParsePeriod(period)
	if err != nil {
		return projections.StaffTrainingReport{}, err
	}
	return projections.StaffTrainingFigures(context.Background(), s.app.DB(), p, school)
}

// Enrollments lists the enrolments of a school (all if ""), latest first.
func (s *StaffTrainingService) Enrollments(school string) ([]projections.EnrollmentInfo, error) {
	return projections.Enrollments(context.Background(), s.app.DB(), school)
}

// Staff lists the staff members of a school (all if "").
func (s *StaffTrainingService) Staff(school string) ([]projections.StaffInfo, error) {
	return projections.Staff(context.Background(), s.app.DB(), school)
}
