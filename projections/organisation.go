package projections

import (
	"context"
	"database/sql"
	"encoding/json"
)

// Organisation holds the cluster, its schools, the yearly roles, the class
// type catalogue and the staff counts.
type Organisation struct{}

func (Organisation) Name() string { return "organisation" }
func (Organisation) Version() int { return 1 }
func (Organisation) Tables() []string {
	return []string{"proj_clusters", "proj_schools", "proj_cluster_roles", "proj_class_types", "proj_staff_counts"}
}

func (Organisation) Create(tx *sql.Tx) error {
	_, err := tx.Exec(`
	CREATE TABLE IF NOT EXISTS proj_clusters (
		cluster_id TEXT PRIMARY KEY, stream TEXT NOT NULL, name TEXT NOT NULL, region TEXT NOT NULL);
	CREATE TABLE IF NOT EXISTS proj_schools (
		school_id TEXT PRIMARY KEY, stream TEXT NOT NULL, name TEXT NOT NULL, province TEXT NOT NULL,
		cluster_id TEXT NOT NULL, registered_on TEXT NOT NULL);
	CREATE TABLE IF NOT EXISTS proj_cluster_roles (
		cluster_id TEXT NOT NULL, year INTEGER NOT NULL, stream TEXT NOT NULL, lead TEXT NOT NULL,
		standing_deputy TEXT NOT NULL, deputies TEXT NOT NULL, PRIMARY KEY (cluster_id, year));
	CREATE TABLE IF NOT EXISTS proj_class_types (
		class_type TEXT PRIMARY KEY, stream TEXT NOT NULL, name TEXT NOT NULL, grp TEXT NOT NULL);
	CREATE TABLE IF NOT EXISTS proj_staff_counts (
		school_id TEXT NOT NULL, year INTEGER NOT NULL, stream TEXT NOT NULL, staff INTEGER NOT NULL,
		units INTEGER NOT NULL, party_orgs INTEGER NOT NULL, PRIMARY KEY (school_id, year));`)
	return err
}

func (Organisation) Types() []string {
	return []string{"ClusterFormed", "SchoolRegistered", "ClusterRolesAssigned", "ClassTypeDefined", "StaffCountRecorded"}
}

// Recompute: each row is the last word of its stream; a school keeps the
// date it was first registered.
func (Organisation) Recompute() []string {
	return []string{
		`INSERT OR REPLACE INTO proj_clusters (cluster_id, stream, name, region)
		SELECT e.data ->> '$.cluster_id', e.stream, e.data ->> '$.name', COALESCE(e.data ->> '$.region', '')
		FROM events e WHERE e.type = 'ClusterFormed' AND {{streams}} AND {{live}} ORDER BY e.seq`,
		`WITH k AS (SELECT e.stream, MAX(e.seq) AS last, MIN(e.occurred_on) AS first_on FROM events e
			WHERE e.type = 'SchoolRegistered' AND {{streams}} AND {{live}} GROUP BY e.stream)
		INSERT OR REPLACE INTO proj_schools (school_id, stream, name, province, cluster_id, registered_on)
		SELECT l.data ->> '$.school_id', k.stream, l.data ->> '$.name', l.data ->> '$.province',
			l.data ->> '$.cluster_id', k.first_on
		FROM k JOIN events l ON l.seq = k.last`,
		`INSERT OR REPLACE INTO proj_cluster_roles (cluster_id, year, stream, lead, standing_deputy, deputies)
		SELECT e.data ->> '$.cluster_id', e.data ->> '$.year', e.stream, e.data ->> '$.lead',
			COALESCE(e.data ->> '$.standing_deputy', ''), COALESCE(e.data -> '$.deputies', '[]')
		FROM events e WHERE e.type = 'ClusterRolesAssigned' AND {{streams}} AND {{live}} ORDER BY e.seq`,
		`INSERT OR REPLACE INTO proj_class_types (class_type, stream, name, grp)
		SELECT e.data ->> '$.class_type', e.stream, e.data ->> '$.name', e.data ->> '$.group'
		FROM events e WHERE e.type = 'ClassTypeDefined' AND {{streams}} AND {{live}} ORDER BY e.seq`,
		`INSERT OR REPLACE INTO proj_staff_counts (school_id, year, stream, staff, units, party_orgs)
		SELECT e.data ->> '$.school_id', e.data ->> '$.year', e.stream, e.data ->> '$.staff', e.data ->> '$.units',
			e.data ->> '$.party_orgs'
		FROM events e WHERE e.type = 'StaffCountRecorded' AND {{streams}} AND {{live}} ORDER BY e.seq`,
	}
}

// Roles is the Cụm trưởng, Cụm phó thường trực and Cụm phó of a year.
type Roles struct {
	ClusterID      string   `json:"cluster_id"`
	Year           int      `json:"year"`
	Lead           string   `json:"lead"`
	StandingDeputy string   `json:"standing_deputy"`
	Deputies       []string `json:"deputies"`
}

// ClusterRoles lists the roles of a year, one entry per cluster.
func ClusterRoles(ctx context.Context, q Querier, year int) ([]Roles, error) {
	out := []Roles{}
	err := eachRow(ctx, q, `SELECT cluster_id, year, lead, standing_deputy, deputies FROM proj_cluster_roles
		WHERE year = ? ORDER BY cluster_id`, []any{year}, func(scan func(...any) error) error {
		var r Roles
		var deputies string
		if err := scan(&r.ClusterID, &r.Year, &r.Lead, &r.StandingDeputy, &deputies); err != nil {
			return err
		}
		if err := json.Unmarshal([]byte(deputies), &r.Deputies); err != nil || r.Deputies == nil {
			r.Deputies = []string{}
		}
		out = append(out, r)
		return nil
	})
	return out, err
}
