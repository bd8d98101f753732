package app

import (
	"context"
	"strconv"

	"socai/events"
	"socai/projections"
)

// OrganisationService records the cluster, its schools, roles, class types
// and staff counts.
type OrganisationService struct{ app *App }

func init() {
	validate("ClusterFormed", func(c *Check, stream string, p events.Payload) error {
		e := p.(events.ClusterFormed)
		return c.Stream(stream, "cluster-"+e.ClusterID)
	})
	validate("SchoolRegistered", func(c *Check, stream string, p events.Payload) error {
		e := p.(events.SchoolRegistered)
		if err := c.Stream(stream, "school-"+e.SchoolID); err != nil {
			return err
		}
		return c.Cluster("cluster_id", e.ClusterID)
	})
	validate("ClusterRolesAssigned", func(c *Check, stream string, p events.Payload) error {
		e := p.(events.ClusterRolesAssigned)
		if err := c.Stream(stream, yearStream("cluster-"+e.ClusterID, e.Year)); err != nil {
			return err
		}
		if err := c.Cluster("cluster_id", e.ClusterID); err != nil {
			return err
		}
		if err := c.School("lead", e.Lead); err != nil {
			return err
		}
		if e.StandingDeputy != "" {
			if err := c.School("standing_deputy", e.StandingDeputy); err != nil {
				return err
			}
		}
		for i, d := range e.Deputies {
			if err := c.School("deputies["+strconv.Itoa(i)+"]", d); err != nil {
				return err
			}
		}
		return nil
	})
	validate("ClassTypeDefined", func(c *Check, stream string, p events.Payload) error {
		return c.Stream(stream, "classtype-"+p.(events.ClassTypeDefined).ClassType)
	})
	validate("StaffCountRecorded", func(c *Check, stream string, p events.Payload) error {
		e := p.(events.StaffCountRecorded)
		if err := c.Stream(stream, yearStream("school-"+e.SchoolID, e.Year)); err != nil {
			return err
		}
		return c.School("school_id", e.SchoolID)
	})
}

// yearStream is the stream of an entity's facts for a year: school-sonla-2021.
func yearStream(entity string, year int) string { return entity + "-" + strconv.Itoa(year) }

// FormCluster records the cluster.
func (s *OrganisationService) FormCluster(in events.ClusterFormed, on events.Date, note Note) (Result, error) {
	return s.app.record(context.Background(), "cluster-"+in.ClusterID, in.ClusterID, on, note, in)
}

// RegisterSchool records a school of the cluster.
func (s *OrganisationService) RegisterSchool(in events.SchoolRegistered, on events.Date, note Note) (Result, error) {
	return s.app.record(context.Background(), "school-"+in.SchoolID, in.SchoolID, on, note, in)
}

// AssignRoles records the year's Cụm trưởng and Cụm phó.
func (s *OrganisationService) AssignRoles(in events.ClusterRolesAssigned, on events.Date, note Note) (Result, error) {
	return s.app.record(context.Background(), yearStream("cluster-"+in.ClusterID, in.Year), in.ClusterID, on, note, in)
}

// DefineClassType adds a type of class to the catalogue.
func (s *OrganisationService) DefineClassType(in events.ClassTypeDefined, on events.Date, note Note) (Result, error) {
	return s.app.record(context.Background(), "classtype-"+in.ClassType, in.ClassType, on, note, in)
}

// RecordStaffCount records a school's staff, units and party organisations for a year.
func (s *OrganisationService) RecordStaffCount(in events.StaffCountRecorded, on events.Date, note Note) (Result, error) {
	return s.app.record(context.Background(), yearStream("school-"+in.SchoolID, in.Year), in.SchoolID, on, note, in)
}

// Schools lists the schools of the cluster.
func (s *OrganisationService) Schools() ([]projections.School, error) {
	return projections.Schools(context.Background(), s.app.DB())
}

// ClassType is an entry of the class-type catalogue.
type ClassType struct {
	ClassType string `json:"class_type"`
	Name      string `json:"name"`
	Group     string `json:"group"`
}

// ClassTypes lists the catalogue.
func (s *OrganisationService) ClassTypes() ([]ClassType, error) {
	rows, err := s.app.DB().Query(`SELECT class_type, name, grp FROM proj_class_types ORDER BY grp, name`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []ClassType{}
	for rows.Next() {
		var t ClassType
		if err := rows.Scan(&t.ClassType, &t.Name, &t.Group); err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, rows.Err()
}

// Cluster is a cluster of the ledger.
type Cluster struct {
	ClusterID string `json:"cluster_id"`
	Name      string `json:"name"`
	Region    string `json:"region"`
}

// Clusters lists the clusters (a ledger usually holds one).
func (s *OrganisationService) Clusters() ([]Cluster, error) {
	rows, err := s.app.DB().Query(`SELECT cluster_id, name, region FROM proj_clusters ORDER BY name`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []Cluster{}
	for rows.Next() {
		var c Cluster
		if err := rows.Scan(&c.ClusterID, &c.Name, &c.Region); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// Roles lists the year's Cụm trưởng, Cụm phó thường trực and Cụm phó.
func (s *OrganisationService) Roles(year int) ([]projections.Roles, error) {
	return projections.ClusterRoles(context.Background(), s.app.DB(), year)
}
