package app

import (
	"context"
	"database/sql"
	"errors"
	"strconv"
	"strings"

	"socai/events"
	"socai/projections"
)

// EUnknownMovement: a registration names a movement not launched for its year.
const EUnknownMovement = "unknown_movement"

// EmulationService records the year's targets, movements, registrations,
// titles, ratings, scores and proposals, and answers the award figures.
type EmulationService struct{ app *App }

// clusterYear requires stream to be the year stream of a formed cluster,
// cluster-<id>-<year>, for events that do not name their cluster (targets,
// movements, criteria): the cluster that records them owns them.
func (c *Check) clusterYear(stream string, year int) (string, error) {
	suffix := "-" + strconv.Itoa(year)
	id, ok := strings.CutPrefix(stream, "cluster-")
	if !ok || !strings.HasSuffix(id, suffix) || len(id) <= len(suffix) {
		return "", Fail(EWrongStream, "stream", "sự kiện này phải ghi vào luồng cluster-<mã cụm>%s của cụm thi đua, không phải %s",
			suffix, stream)
	}
	id = strings.TrimSuffix(id, suffix)
	ok, err := c.Exists(`SELECT 1 FROM proj_clusters WHERE cluster_id = ?`, id)
	if err != nil {
		return "", err
	}
	if !ok {
		return "", Fail(EUnknownCluster, "stream", "cụm thi đua %q (luồng %s) chưa được thành lập", id, stream)
	}
	return id, nil
}

// schoolYear requires the school's year stream and a registered school.
func (c *Check) schoolYear(stream, school string, year int) error {
	if err := c.Stream(stream, yearStream("school-"+school, year)); err != nil {
		return err
	}
	return c.School("school_id", school)
}

// titleState is what validation needs to know of an awarded title.
type titleState struct {
	revoked      bool
	decisionDate string
}

func (c *Check) title(id string) (titleState, bool, error) {
	var st titleState
	err := c.Q().QueryRowContext(c.Ctx, `SELECT revoked, decision_date FROM proj_titles WHERE award_id = ?`, id).
		Scan(&st.revoked, &st.decisionDate)
	if errors.Is(err, sql.ErrNoRows) {
		return st, false, nil
	}
	return st, err == nil, err
}

func init() {
	validate("EmulationTargetsSet", func(c *Check, stream string, p events.Payload) error {
		_, err := c.clusterYear(stream, p.(events.EmulationTargetsSet).Year)
		return err
	})
	validate("EmulationMovementLaunched", func(c *Check, stream string, p events.Payload) error {
		e := p.(events.EmulationMovementLaunched)
		if _, err := c.clusterYear(stream, e.Year); err != nil {
			return err
		}
		var other string
		err := c.Q().QueryRowContext(c.Ctx, `SELECT stream FROM proj_emulation_movements WHERE movement_id = ?`, e.MovementID).
			Scan(&other)
		if err == nil && other != stream {
			return Fail(EAlreadyExists, "movement_id", "phong trào %q đã được phát động (luồng %s)", e.MovementID, other)
		}
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		return nil
	})
	validate("ScoringCriterionDefined", func(c *Check, stream string, p events.Payload) error {
		_, err := c.clusterYear(stream, p.(events.ScoringCriterionDefined).Year)
		return err
	})
	validate("AwardProposed", func(c *Check, stream string, p events.Payload) error {
		e := p.(events.AwardProposed)
		if err := firstErr(c.Stream(stream, yearStream("cluster-"+e.ClusterID, e.Year)),
			c.Cluster("cluster_id", e.ClusterID), c.School("school_id", e.SchoolID)); err != nil {
			return err
		}
		ok, err := c.Exists(`SELECT 1 FROM proj_schools WHERE school_id = ? AND cluster_id = ?`, e.SchoolID, e.ClusterID)
		if err == nil && !ok {
			return Fail(events.EINVALID, "school_id", "trường %q không thuộc cụm thi đua %q", e.SchoolID, e.ClusterID)
		}
		return err
	})
	validate("EmulationRegistered", func(c *Check, stream string, p events.Payload) error {
		e := p.(events.EmulationRegistered)
		if err := c.schoolYear(stream, e.SchoolID, e.Year); err != nil {
			return err
		}
		ok, err := c.Exists(`SELECT 1 FROM proj_emulation_movements WHERE movement_id = ? AND year = ?`, e.MovementID, e.Year)
		if err == nil && !ok {
			return Fail(EUnknownMovement, "movement_id", "không có phong trào thi đua %q năm %d", e.MovementID, e.Year)
		}
		return err
	})
	validate("TitleAwarded", func(c *Check, stream string, p events.Payload) error {
		e := p.(events.TitleAwarded)
		if err := firstErr(c.Stream(stream, "award-"+e.AwardID), c.School("school_id", e.SchoolID)); err != nil {
			return err
		}
		if _, exists, err := c.title(e.AwardID); err != nil || exists {
			if err == nil {
				err = Fail(EAlreadyExists, "award_id", "danh hiệu/khen thưởng %q đã được ghi", e.AwardID)
			}
			return err
		}
		// Titles for year Y are decided late in Y or early in Y+1.
		if y, _ := strconv.Atoi(string(e.DecisionDate)[:4]); y != e.Year && y != e.Year+1 {
			return Fail(EDateOrder, "decision_date", "quyết định ngày %s không thể công nhận danh hiệu năm %d (chỉ trong năm %d hoặc %d)",
				e.DecisionDate, e.Year, e.Year, e.Year+1)
		}
		return nil
	})
	validate("TitleRevoked", func(c *Check, stream string, p events.Payload) error {
		e := p.(events.TitleRevoked)
		if err := c.Stream(stream, "award-"+e.AwardID); err != nil {
			return err
		}
		st, exists, err := c.title(e.AwardID)
		switch {
		case err != nil:
			return err
		case !exists:
			return Fail(EUnknownAward, "award_id", "không có danh hiệu/khen thưởng %q", e.AwardID)
		case st.revoked:
			return Fail(EInvalidState, "award_id", "danh hiệu/khen thưởng %q đã bị thu hồi", e.AwardID)
		case string(c.On) < st.decisionDate:
			return Fail(EDateOrder, "occurred_on", "ngày thu hồi %s trước ngày quyết định %s", c.On, st.decisionDate)
		}
		return nil
	})
	validate("PartyOrgRated", func(c *Check, stream string, p events.Payload) error {
		e := p.(events.PartyOrgRated)
		return c.schoolYear(stream, e.SchoolID, e.Year)
	})
	validate("UnitRated", func(c *Check, stream string, p events.Payload) error {
		e := p.(events.UnitRated)
		return c.schoolYear(stream, e.SchoolID, e.Year)
	})
	validate("ScoreRecorded", func(c *Check, stream string, p events.Payload) error {
		e := p.(events.ScoreRecorded)
		if err := c.schoolYear(stream, e.SchoolID, e.Year); err != nil {
			return err
		}
		// The school's own cluster's definition first, else any of the year.
		var max float64
		err := c.Q().QueryRowContext(c.Ctx, `SELECT max_points FROM proj_scoring_criteria
			WHERE year = ? AND criterion_id = ?
			ORDER BY stream = 'cluster-' || (SELECT cluster_id FROM proj_schools WHERE school_id = ?) || '-' || year DESC,
				seq DESC LIMIT 1`, e.Year, e.CriterionID, e.SchoolID).Scan(&max)
		if errors.Is(err, sql.ErrNoRows) {
			return Fail(EUnknownCriterion, "criterion_id", "tiêu chí chấm điểm %q chưa được xác định cho năm %d", e.CriterionID, e.Year)
		}
		if err != nil {
			return err
		}
		if e.Points > max {
			return Fail(events.EINVALID, "points", "%v điểm vượt điểm tối đa %v của tiêu chí %q", e.Points, max, e.CriterionID)
		}
		return nil
	})
}

// SetTargets records the year's chỉ tiêu thi đua in the year stream of the
// cluster that records them.
func (s *EmulationService) SetTargets(clusterID string, in events.EmulationTargetsSet, on events.Date, note Note) (Result, error) {
	return s.app.record(context.Background(), yearStream("cluster-"+clusterID, in.Year), clusterID, on, note, in)
}

// LaunchMovement records a movement launched by the cluster (phát động).
func (s *EmulationService) LaunchMovement(clusterID string, in events.EmulationMovementLaunched, on events.Date, note Note) (Result, error) {
	in.MovementID = newID(in.MovementID)
	return s.app.record(context.Background(), yearStream("cluster-"+clusterID, in.Year), in.MovementID, on, note, in)
}

// Register records a school's registration to a movement (đăng ký thi đua).
func (s *EmulationService) Register(in events.EmulationRegistered, on events.Date, note Note) (Result, error) {
	return s.app.record(context.Background(), yearStream("school-"+in.SchoolID, in.Year), in.MovementID, on, note, in)
}

// AwardTitle records a title or commendation; its date is the decision date.
func (s *EmulationService) AwardTitle(in events.TitleAwarded, note Note) (Result, error) {
	in.AwardID = newID(in.AwardID)
	return s.app.record(context.Background(), "award-"+in.AwardID, in.AwardID, in.DecisionDate, note, in)
}

// RevokeTitle records that a title was withdrawn: it stops counting.
func (s *EmulationService) RevokeTitle(in events.TitleRevoked, on events.Date, note Note) (Result, error) {
	return s.app.record(context.Background(), "award-"+in.AwardID, in.AwardID, on, note, in)
}

// RateParty records a party organisation's rating for the year.
func (s *EmulationService) RateParty(in events.PartyOrgRated, on events.Date, note Note) (Result, error) {
	return s.app.record(context.Background(), yearStream("school-"+in.SchoolID, in.Year), in.Org, on, note, in)
}

// RateUnit records a unit's (khoa, phòng, đoàn thể) rating for the year.
func (s *EmulationService) RateUnit(in events.UnitRated, on events.Date, note Note) (Result, error) {
	return s.app.record(context.Background(), yearStream("school-"+in.SchoolID, in.Year), in.Unit, on, note, in)
}

// DefineCriterion records a criterion of the year's scoring form in the
// year stream of the cluster.
func (s *EmulationService) DefineCriterion(clusterID string, in events.ScoringCriterionDefined, on events.Date, note Note) (Result, error) {
	return s.app.record(context.Background(), yearStream("cluster-"+clusterID, in.Year), in.CriterionID, on, note, in)
}

// RecordScore records a school's points on a criterion (self, cluster or inspection).
func (s *EmulationService) RecordScore(in events.ScoreRecorded, on events.Date, note Note) (Result, error) {
	return s.app.record(context.Background(), yearStream("school-"+in.SchoolID, in.Year), in.CriterionID, on, note, in)
}

// ProposeAward records a line of the cluster's tờ trình đề nghị khen thưởng.
func (s *EmulationService) ProposeAward(in events.AwardProposed, on events.Date, note Note) (Result, error) {
	return s.app.record(context.Background(), yearStream("cluster-"+in.ClusterID, in.Year), in.SchoolID, on, note, in)
}

// Figures returns the award figures of a year against its targets, for a
// school or every school when school is "".
func (s *EmulationService) Figures(year int, school string) (projections.AwardReport, error) {
	return projections.AwardFigures(context.Background(), s.app.DB(), year, school)
}

// Titles lists the titles of a year (revoked ones flagged), for a school or all.
func (s *EmulationService) Titles(year int, school string) ([]projections.TitleInfo, error) {
	return projections.Titles(context.Background(), s.app.DB(), year, school)
}

// Scores returns the bảng tổng hợp điểm of a year: points per school and
// criterion, totals and rank.
func (s *EmulationService) Scores(year int) (projections.ScoreTable, error) {
	return projections.Scores(context.Background(), s.app.DB(), year)
}

// Movements lists the emulation movements of a year.
func (s *EmulationService) Movements(year int) ([]projections.Movement, error) {
	return projections.Movements(context.Background(), s.app.DB(), year)
}

// Registrations lists the đăng ký thi đua of a year, of one school or all.
func (s *EmulationService) Registrations(year int, school string) ([]projections.Registration, error) {
	return projections.Registrations(context.Background(), s.app.DB(), year, school)
}
