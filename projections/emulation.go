package projections

import (
	"database/sql"
	"encoding/json"

	"socai/events"
)

// Emulation holds the year's emulation targets (chỉ tiêu thi đua), the
// movements and the schools' registrations, the titles awarded (and
// revoked), the ratings of party organisations and units, the scoring
// criteria and scores, and the award proposals of the cluster.
//
// Streams: targets, movements, criteria and proposals belong to the
// cluster's year stream (cluster-<id>-<year>); registrations, ratings and
// scores to the school's year stream (school-<id>-<year>); a title and its
// revocation to award-<award_id>.
type Emulation struct{}

func (Emulation) Name() string { return "emulation" }
func (Emulation) Version() int { return 1 }
func (Emulation) Tables() []string {
	return []string{"proj_emulation_targets", "proj_emulation_movements", "proj_emulation_registrations",
		"proj_titles", "proj_party_ratings", "proj_unit_ratings", "proj_scoring_criteria", "proj_scores",
		"proj_award_proposals"}
}

func (Emulation) Create(tx *sql.Tx) error {
	_, err := tx.Exec(`
	CREATE TABLE IF NOT EXISTS proj_emulation_targets (
		stream TEXT PRIMARY KEY, year INTEGER NOT NULL, seq INTEGER NOT NULL, issuer TEXT NOT NULL,
		ldtt_min REAL NOT NULL, cstd_min REAL NOT NULL, cstd_max REAL NOT NULL, ttldxs_min INTEGER NOT NULL,
		commended_min REAL NOT NULL, party_htt_min REAL NOT NULL, party_htxs_min REAL NOT NULL,
		units_htt_min REAL NOT NULL);
	CREATE INDEX IF NOT EXISTS proj_emulation_targets_year ON proj_emulation_targets (year, seq);
	CREATE TABLE IF NOT EXISTS proj_emulation_movements (
		movement_id TEXT PRIMARY KEY, stream TEXT NOT NULL, year INTEGER NOT NULL, level TEXT NOT NULL,
		theme TEXT NOT NULL);
	CREATE TABLE IF NOT EXISTS proj_emulation_registrations (
		school_id TEXT NOT NULL, year INTEGER NOT NULL, movement_id TEXT NOT NULL, stream TEXT NOT NULL,
		titles TEXT NOT NULL, registered_on TEXT NOT NULL, PRIMARY KEY (school_id, year, movement_id));
	CREATE TABLE IF NOT EXISTS proj_titles (
		award_id TEXT PRIMARY KEY, stream TEXT NOT NULL, year INTEGER NOT NULL, school_id TEXT NOT NULL,
		recipient_kind TEXT NOT NULL, recipient TEXT NOT NULL, title TEXT NOT NULL, decision_no TEXT NOT NULL,
		decision_date TEXT NOT NULL, issuer TEXT NOT NULL, revoked INTEGER NOT NULL DEFAULT 0,
		revoked_on TEXT, revoke_reason TEXT);
	CREATE INDEX IF NOT EXISTS proj_titles_year ON proj_titles (year, school_id);
	CREATE TABLE IF NOT EXISTS proj_party_ratings (
		school_id TEXT NOT NULL, year INTEGER NOT NULL, org TEXT NOT NULL, stream TEXT NOT NULL,
		rating TEXT NOT NULL, PRIMARY KEY (school_id, year, org));
	CREATE TABLE IF NOT EXISTS proj_unit_ratings (
		school_id TEXT NOT NULL, year INTEGER NOT NULL, unit TEXT NOT NULL, stream TEXT NOT NULL,
		rating TEXT NOT NULL, PRIMARY KEY (school_id, year, unit));
	CREATE TABLE IF NOT EXISTS proj_scoring_criteria (
		stream TEXT NOT NULL, criterion_id TEXT NOT NULL, year INTEGER NOT NULL, seq INTEGER NOT NULL,
		form TEXT NOT NULL, title TEXT NOT NULL, max_points REAL NOT NULL, PRIMARY KEY (stream, criterion_id));
	CREATE INDEX IF NOT EXISTS proj_scoring_criteria_year ON proj_scoring_criteria (year, criterion_id);
	CREATE TABLE IF NOT EXISTS proj_scores (
		school_id TEXT NOT NULL, year INTEGER NOT NULL, criterion_id TEXT NOT NULL, scored_by TEXT NOT NULL,
		stream TEXT NOT NULL, points REAL NOT NULL, PRIMARY KEY (school_id, year, criterion_id, scored_by));
	CREATE TABLE IF NOT EXISTS proj_award_proposals (
		cluster_id TEXT NOT NULL, year INTEGER NOT NULL, school_id TEXT NOT NULL, award TEXT NOT NULL,
		stream TEXT NOT NULL, rank INTEGER NOT NULL, proposed_on TEXT NOT NULL,
		PRIMARY KEY (cluster_id, year, school_id, award));`)
	return err
}

func (Emulation) Apply(tx *sql.Tx, r events.Record) error {
	switch r.Type {
	case "EmulationTargetsSet":
		var e events.EmulationTargetsSet
		return decodeExec(tx, r, &e, func() (string, []any) {
			t := e.Targets
			return `INSERT OR REPLACE INTO proj_emulation_targets VALUES (?,?,?,?,?,?,?,?,?,?,?,?)`,
				[]any{r.Stream, e.Year, r.Seq, e.Issuer, t.LaoDongTienTienMinPct, t.CSTDCoSoMinPct, t.CSTDCoSoMaxPct,
					t.TTLDXSMin, t.CommendedMinPct, t.PartyHTTMinPct, t.PartyHTXSMinPct, t.UnitsHTTMinPct}
		})
	case "EmulationMovementLaunched":
		var e events.EmulationMovementLaunched
		return decodeExec(tx, r, &e, func() (string, []any) {
			return `INSERT OR REPLACE INTO proj_emulation_movements VALUES (?,?,?,?,?)`,
				[]any{e.MovementID, r.Stream, e.Year, e.Level, e.Theme}
		})
	case "EmulationRegistered":
		var e events.EmulationRegistered
		return decodeExec(tx, r, &e, func() (string, []any) {
			if e.Titles == nil {
				e.Titles = []string{}
			}
			titles, _ := json.Marshal(e.Titles)
			return `INSERT OR REPLACE INTO proj_emulation_registrations VALUES (?,?,?,?,?,?)`,
				[]any{e.SchoolID, e.Year, e.MovementID, r.Stream, string(titles), r.OccurredOn}
		})
	case "TitleAwarded":
		var e events.TitleAwarded
		return decodeExec(tx, r, &e, func() (string, []any) {
			return `INSERT OR REPLACE INTO proj_titles (award_id, stream, year, school_id, recipient_kind, recipient,
				title, decision_no, decision_date, issuer) VALUES (?,?,?,?,?,?,?,?,?,?)`,
				[]any{e.AwardID, r.Stream, e.Year, e.SchoolID, e.RecipientKind, e.Recipient, e.Title, e.DecisionNo,
					string(e.DecisionDate), e.Issuer}
		})
	case "TitleRevoked":
		var e events.TitleRevoked
		return decodeExec(tx, r, &e, func() (string, []any) {
			return `UPDATE proj_titles SET revoked = 1, revoked_on = ?, revoke_reason = ? WHERE award_id = ?`,
				[]any{r.OccurredOn, e.Reason, e.AwardID}
		})
	case "PartyOrgRated":
		var e events.PartyOrgRated
		return decodeExec(tx, r, &e, func() (string, []any) {
			return `INSERT OR REPLACE INTO proj_party_ratings VALUES (?,?,?,?,?)`,
				[]any{e.SchoolID, e.Year, e.Org, r.Stream, e.Rating}
		})
	case "UnitRated":
		var e events.UnitRated
		return decodeExec(tx, r, &e, func() (string, []any) {
			return `INSERT OR REPLACE INTO proj_unit_ratings VALUES (?,?,?,?,?)`,
				[]any{e.SchoolID, e.Year, e.Unit, r.Stream, e.Rating}
		})
	case "ScoringCriterionDefined":
		var e events.ScoringCriterionDefined
		return decodeExec(tx, r, &e, func() (string, []any) {
			return `INSERT INTO proj_scoring_criteria VALUES (?,?,?,?,?,?,?)
				ON CONFLICT (stream, criterion_id) DO UPDATE SET form = excluded.form, title = excluded.title,
				max_points = excluded.max_points`,
				[]any{r.Stream, e.CriterionID, e.Year, r.Seq, e.Form, e.Title, e.MaxPoints}
		})
	case "ScoreRecorded":
		var e events.ScoreRecorded
		return decodeExec(tx, r, &e, func() (string, []any) {
			return `INSERT OR REPLACE INTO proj_scores VALUES (?,?,?,?,?,?)`,
				[]any{e.SchoolID, e.Year, e.CriterionID, e.ScoredBy, r.Stream, e.Points}
		})
	case "AwardProposed":
		var e events.AwardProposed
		return decodeExec(tx, r, &e, func() (string, []any) {
			return `INSERT OR REPLACE INTO proj_award_proposals VALUES (?,?,?,?,?,?,?)`,
				[]any{e.ClusterID, e.Year, e.SchoolID, e.Award, r.Stream, e.Rank, r.OccurredOn}
		})
	}
	return nil
}
