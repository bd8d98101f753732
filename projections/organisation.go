package projections

import (
	"database/sql"
	"encoding/json"

	"socai/events"
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

func (Organisation) Apply(tx *sql.Tx, r events.Record) error {
	switch r.Type {
	case "ClusterFormed":
		var e events.ClusterFormed
		return decodeExec(tx, r, &e, func() (string, []any) {
			return `INSERT INTO proj_clusters VALUES (?,?,?,?) ON CONFLICT (cluster_id) DO UPDATE SET
				name = excluded.name, region = excluded.region`, []any{e.ClusterID, r.Stream, e.Name, e.Region}
		})
	case "SchoolRegistered":
		var e events.SchoolRegistered
		return decodeExec(tx, r, &e, func() (string, []any) {
			return `INSERT INTO proj_schools VALUES (?,?,?,?,?,?) ON CONFLICT (school_id) DO UPDATE SET
				name = excluded.name, province = excluded.province, cluster_id = excluded.cluster_id`,
				[]any{e.SchoolID, r.Stream, e.Name, e.Province, e.ClusterID, r.OccurredOn}
		})
	case "ClusterRolesAssigned":
		var e events.ClusterRolesAssigned
		return decodeExec(tx, r, &e, func() (string, []any) {
			deputies, _ := json.Marshal(nonNil(e.Deputies))
			return `INSERT OR REPLACE INTO proj_cluster_roles VALUES (?,?,?,?,?,?)`,
				[]any{e.ClusterID, e.Year, r.Stream, e.Lead, e.StandingDeputy, string(deputies)}
		})
	case "ClassTypeDefined":
		var e events.ClassTypeDefined
		return decodeExec(tx, r, &e, func() (string, []any) {
			return `INSERT OR REPLACE INTO proj_class_types VALUES (?,?,?,?)`, []any{e.ClassType, r.Stream, e.Name, e.Group}
		})
	case "StaffCountRecorded":
		var e events.StaffCountRecorded
		return decodeExec(tx, r, &e, func() (string, []any) {
			return `INSERT OR REPLACE INTO proj_staff_counts VALUES (?,?,?,?,?,?)`,
				[]any{e.SchoolID, e.Year, r.Stream, e.Staff, e.Units, e.PartyOrgs}
		})
	}
	return nil
}

// decodeExec decodes the record's data (upcast by the registry) into e, a
// pointer to its struct, and runs the statement stmt builds from it.
func decodeExec(tx *sql.Tx, r events.Record, e any, stmt func() (string, []any)) error {
	if err := events.Vocabulary.DecodeInto(r, e); err != nil {
		return err
	}
	q, args := stmt()
	_, err := tx.Exec(q, args...)
	return err
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
