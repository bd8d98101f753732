package projections

import "database/sql"

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
