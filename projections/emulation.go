package projections

import "database/sql"

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
func (Emulation) Version() int { return 2 }
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

func (Emulation) Types() []string {
	return []string{"EmulationTargetsSet", "EmulationMovementLaunched", "EmulationRegistered", "TitleAwarded",
		"TitleRevoked", "PartyOrgRated", "UnitRated", "ScoringCriterionDefined", "ScoreRecorded", "AwardProposed"}
}

// Recompute: every row is the last word of its key, except that a title is
// its last award, revoked by the last revocation after it, and a criterion
// keeps the year and seq of its first definition in the stream.
func (Emulation) Recompute() []string {
	return []string{
		`INSERT OR REPLACE INTO proj_emulation_targets (stream, year, seq, issuer, ldtt_min, cstd_min, cstd_max,
			ttldxs_min, commended_min, party_htt_min, party_htxs_min, units_htt_min)
		SELECT e.stream, e.data ->> '$.year', e.seq, e.data ->> '$.issuer',
			e.data ->> '$.targets.lao_dong_tien_tien_min_pct', e.data ->> '$.targets.cstd_co_so_min_pct',
			e.data ->> '$.targets.cstd_co_so_max_pct', e.data ->> '$.targets.ttldxs_min',
			e.data ->> '$.targets.commended_min_pct', e.data ->> '$.targets.party_htt_min_pct',
			e.data ->> '$.targets.party_htxs_min_pct', e.data ->> '$.targets.units_htt_min_pct'
		FROM events e WHERE e.type = 'EmulationTargetsSet' AND {{streams}} AND {{live}} ORDER BY e.seq`,
		`INSERT OR REPLACE INTO proj_emulation_movements (movement_id, stream, year, level, theme)
		SELECT e.data ->> '$.movement_id', e.stream, e.data ->> '$.year', e.data ->> '$.level', e.data ->> '$.theme'
		FROM events e WHERE e.type = 'EmulationMovementLaunched' AND {{streams}} AND {{live}} ORDER BY e.seq`,
		`INSERT OR REPLACE INTO proj_emulation_registrations (school_id, year, movement_id, stream, titles, registered_on)
		SELECT e.data ->> '$.school_id', e.data ->> '$.year', e.data ->> '$.movement_id', e.stream,
			COALESCE(e.data ->> '$.titles', '[]'), e.occurred_on
		FROM events e WHERE e.type = 'EmulationRegistered' AND {{streams}} AND {{live}} ORDER BY e.seq`,
		`WITH k AS (SELECT e.stream,
				MAX(CASE WHEN e.type = 'TitleAwarded' THEN e.seq END) AS aw,
				MAX(CASE WHEN e.type = 'TitleRevoked' THEN e.seq END) AS rv
			FROM events e WHERE e.type IN ('TitleAwarded', 'TitleRevoked') AND {{streams}} AND {{live}}
			GROUP BY e.stream)
		INSERT OR REPLACE INTO proj_titles (award_id, stream, year, school_id, recipient_kind, recipient, title,
			decision_no, decision_date, issuer, revoked, revoked_on, revoke_reason)
		SELECT aw.data ->> '$.award_id', k.stream, aw.data ->> '$.year', aw.data ->> '$.school_id',
			aw.data ->> '$.recipient_kind', aw.data ->> '$.recipient', aw.data ->> '$.title',
			aw.data ->> '$.decision_no', aw.data ->> '$.decision_date', aw.data ->> '$.issuer',
			rv.seq IS NOT NULL, rv.occurred_on, rv.data ->> '$.reason'
		FROM k JOIN events aw ON aw.seq = k.aw LEFT JOIN events rv ON rv.seq = k.rv AND k.rv > k.aw`,
		`INSERT OR REPLACE INTO proj_party_ratings (school_id, year, org, stream, rating)
		SELECT e.data ->> '$.school_id', e.data ->> '$.year', e.data ->> '$.org', e.stream, e.data ->> '$.rating'
		FROM events e WHERE e.type = 'PartyOrgRated' AND {{streams}} AND {{live}} ORDER BY e.seq`,
		`INSERT OR REPLACE INTO proj_unit_ratings (school_id, year, unit, stream, rating)
		SELECT e.data ->> '$.school_id', e.data ->> '$.year', e.data ->> '$.unit', e.stream, e.data ->> '$.rating'
		FROM events e WHERE e.type = 'UnitRated' AND {{streams}} AND {{live}} ORDER BY e.seq`,
		`WITH k AS (SELECT e.stream, e.data ->> '$.criterion_id' AS criterion_id, MIN(e.seq) AS first,
				MAX(e.seq) AS last
			FROM events e WHERE e.type = 'ScoringCriterionDefined' AND {{streams}} AND {{live}}
			GROUP BY e.stream, e.data ->> '$.criterion_id')
		INSERT OR REPLACE INTO proj_scoring_criteria (stream, criterion_id, year, seq, form, title, max_points)
		SELECT k.stream, k.criterion_id, f.data ->> '$.year', k.first, l.data ->> '$.form', l.data ->> '$.title',
			l.data ->> '$.max_points'
		FROM k JOIN events f ON f.seq = k.first JOIN events l ON l.seq = k.last`,
		`INSERT OR REPLACE INTO proj_scores (school_id, year, criterion_id, scored_by, stream, points)
		SELECT e.data ->> '$.school_id', e.data ->> '$.year', e.data ->> '$.criterion_id', e.data ->> '$.scored_by',
			e.stream, e.data ->> '$.points'
		FROM events e WHERE e.type = 'ScoreRecorded' AND {{streams}} AND {{live}} ORDER BY e.seq`,
		`INSERT OR REPLACE INTO proj_award_proposals (cluster_id, year, school_id, award, stream, rank, proposed_on)
		SELECT e.data ->> '$.cluster_id', e.data ->> '$.year', e.data ->> '$.school_id', e.data ->> '$.award',
			e.stream, e.data ->> '$.rank', e.occurred_on
		FROM events e WHERE e.type = 'AwardProposed' AND {{streams}} AND {{live}} ORDER BY e.seq`,
	}
}
