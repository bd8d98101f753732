package app

import (
	"context"
	"database/sql"
	"errors"

	"socai/events"
	"socai/projections"
)

// ClassPlanService records targets and classes and answers the class-plan figures.
type ClassPlanService struct{ app *App }

// classState is what validation needs to know of a class.
type classState struct {
	status, school, start, completed string
}

func (c *Check) class(field, id string) (classState, error) {
	var st classState
	var start, completed sql.NullString
	err := c.Q().QueryRowContext(c.Ctx, `SELECT status, school_id, start_date, completed_on FROM proj_classes WHERE class_id = ?`, id).
		Scan(&st.status, &st.school, &start, &completed)
	if errors.Is(err, sql.ErrNoRows) {
		return st, Fail(EUnknownClass, field, "không có lớp %q", id)
	}
	st.start, st.completed = start.String, completed.String
	return st, err
}

// openClass requires a class that is open (not planned only, completed or cancelled).
func (c *Check) openClass(id string) (classState, error) {
	st, err := c.class("class_id", id)
	if err != nil {
		return st, err
	}
	if st.status != projections.ClassOpenStatus {
		return st, Fail(EInvalidState, "class_id", "lớp %q %s: không thể thay đổi", id, classStatusVN[st.status])
	}
	return st, nil
}

var classStatusVN = map[string]string{
	projections.ClassPlannedStatus:   "mới dự kiến, chưa khai giảng",
	projections.ClassOpenStatus:      "đang học",
	projections.ClassCompletedStatus: "đã kết thúc",
	projections.ClassCancelledStatus: "đã hủy",
}

func (c *Check) classType(id string) error {
	ok, err := c.Exists(`SELECT 1 FROM proj_class_types WHERE class_type = ?`, id)
	if err != nil || ok {
		return err
	}
	return Fail(EUnknownClassType, "class_type", "loại lớp %q không có trong danh mục", id)
}

// notBefore refuses a date before the class's start.
func notBeforeStart(field string, d events.Date, st classState) error {
	if st.start != "" && string(d) < st.start {
		return Fail(EDateOrder, field, "ngày %s trước ngày khai giảng %s", d, st.start)
	}
	return nil
}

func init() {
	validate("TrainingTargetAssigned", func(c *Check, stream string, p events.Payload) error {
		e := p.(events.TrainingTargetAssigned)
		if err := c.Stream(stream, yearStream("school-"+e.SchoolID, e.Year)); err != nil {
			return err
		}
		return c.School("school_id", e.SchoolID)
	})
	validate("ClassPlanned", func(c *Check, stream string, p events.Payload) error {
		e := p.(events.ClassPlanned)
		if err := firstErr(c.Stream(stream, "class-"+e.ClassID), c.School("school_id", e.SchoolID), c.classType(e.ClassType)); err != nil {
			return err
		}
		if _, err := projections.ParsePeriod(e.Period); err != nil {
			return Fail(events.EINVALID, "period", "%s", err.(*events.Error).Message)
		}
		if st, err := c.class("class_id", e.ClassID); err == nil && st.status != projections.ClassPlannedStatus {
			return Fail(EAlreadyExists, "class_id", "lớp %q đã khai giảng", e.ClassID)
		}
		return nil
	})
	validate("ClassOpened", func(c *Check, stream string, p events.Payload) error {
		e := p.(events.ClassOpened)
		if err := firstErr(c.Stream(stream, "class-"+e.ClassID), c.School("school_id", e.SchoolID), c.classType(e.ClassType)); err != nil {
			return err
		}
		if c.On != e.StartDate {
			return Fail(EDateOrder, "occurred_on", "ngày phát sinh của lớp khai giảng là ngày khai giảng %s", e.StartDate)
		}
		st, err := c.class("class_id", e.ClassID)
		if err != nil {
			return nil // a new class
		}
		if st.status != projections.ClassPlannedStatus {
			return Fail(EAlreadyExists, "class_id", "lớp %q đã khai giảng", e.ClassID)
		}
		if st.school != e.SchoolID {
			return Fail(events.EINVALID, "school_id", "lớp %q được dự kiến cho trường %s", e.ClassID, st.school)
		}
		return nil
	})
	validate("ClassEnrollmentChanged", func(c *Check, stream string, p events.Payload) error {
		e := p.(events.ClassEnrollmentChanged)
		if err := c.Stream(stream, "class-"+e.ClassID); err != nil {
			return err
		}
		// A change dated while the class ran may be recorded (or corrected)
		// after it ended: the roll of a finished class is still its history.
		st, err := c.class("class_id", e.ClassID)
		if err != nil {
			return err
		}
		if st.status == projections.ClassCompletedStatus && st.completed != "" && string(c.On) <= st.completed {
			return notBeforeStart("occurred_on", c.On, st)
		}
		if _, err := c.openClass(e.ClassID); err != nil {
			return err
		}
		return notBeforeStart("occurred_on", c.On, st)
	})
	validate("ClassModeChanged", func(c *Check, stream string, p events.Payload) error {
		e := p.(events.ClassModeChanged)
		if err := c.Stream(stream, "class-"+e.ClassID); err != nil {
			return err
		}
		_, err := c.openClass(e.ClassID)
		return err
	})
	validate("ClassCompleted", func(c *Check, stream string, p events.Payload) error {
		e := p.(events.ClassCompleted)
		if err := c.Stream(stream, "class-"+e.ClassID); err != nil {
			return err
		}
		st, err := c.openClass(e.ClassID)
		if err != nil {
			return err
		}
		return notBeforeStart("end_date", e.EndDate, st)
	})
	validate("ClassCancelled", func(c *Check, stream string, p events.Payload) error {
		e := p.(events.ClassCancelled)
		if err := c.Stream(stream, "class-"+e.ClassID); err != nil {
			return err
		}
		st, err := c.class("class_id", e.ClassID)
		if err != nil {
			return err
		}
		if st.status == projections.ClassCompletedStatus || st.status == projections.ClassCancelledStatus {
			return Fail(EInvalidState, "class_id", "lớp %q %s: không thể hủy", e.ClassID, classStatusVN[st.status])
		}
		return nil
	})
}

func firstErr(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// AssignTarget records a school's chỉ tiêu for a year.
func (s *ClassPlanService) AssignTarget(in events.TrainingTargetAssigned, on events.Date, note Note) (Result, error) {
	return s.app.record(context.Background(), yearStream("school-"+in.SchoolID, in.Year), in.SchoolID, on, note, in)
}

// PlanClass records a class planned for a period (dự kiến mở).
func (s *ClassPlanService) PlanClass(in events.ClassPlanned, on events.Date, note Note) (Result, error) {
	in.ClassID = newID(in.ClassID)
	return s.app.record(context.Background(), "class-"+in.ClassID, in.ClassID, on, note, in)
}

// OpenClass records a class that started (khai giảng); its date is the start date.
func (s *ClassPlanService) OpenClass(in events.ClassOpened, note Note) (Result, error) {
	in.ClassID = newID(in.ClassID)
	return s.app.record(context.Background(), "class-"+in.ClassID, in.ClassID, in.StartDate, note, in)
}

// ChangeEnrollment records the class's number of students from date on.
func (s *ClassPlanService) ChangeEnrollment(in events.ClassEnrollmentChanged, on events.Date, note Note) (Result, error) {
	return s.app.record(context.Background(), "class-"+in.ClassID, in.ClassID, on, note, in)
}

// ChangeMode records a change of mode (e.g. online for Covid-19).
func (s *ClassPlanService) ChangeMode(in events.ClassModeChanged, on events.Date, note Note) (Result, error) {
	return s.app.record(context.Background(), "class-"+in.ClassID, in.ClassID, on, note, in)
}

// CompleteClass records the end of a class; its date is the end date.
func (s *ClassPlanService) CompleteClass(in events.ClassCompleted, note Note) (Result, error) {
	return s.app.record(context.Background(), "class-"+in.ClassID, in.ClassID, in.EndDate, note, in)
}

// CancelClass records that a class did not take place.
func (s *ClassPlanService) CancelClass(in events.ClassCancelled, on events.Date, note Note) (Result, error) {
	return s.app.record(context.Background(), "class-"+in.ClassID, in.ClassID, on, note, in)
}

// Figures returns the class-plan figures of a period ("2021-H1", "2021",
// "2021-03-01..2021-05-31") for a school, or the cluster when school is "".
func (s *ClassPlanService) Figures(period, school string) (projections.ClassPlanReport, error) {
	p, err := projections.ParsePeriod(period)
	if err != nil {
		return projections.ClassPlanReport{}, err
	}
	return projections.ClassPlanFigures(context.Background(), s.app.DB(), p, school)
}

// Classes lists the classes of a school (all if ""), latest first.
func (s *ClassPlanService) Classes(school string) ([]projections.ClassInfo, error) {
	return projections.Classes(context.Background(), s.app.DB(), school)
}
