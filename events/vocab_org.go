package events

// Organisation: the cluster, its schools, roles, the class-type catalogue and staff counts.

type ClusterFormed struct {
	ClusterID string `json:"cluster_id"`
	Name      string `json:"name"`
	Region    string `json:"region"`
}

func (e ClusterFormed) Check() error {
	return firstErr(required("cluster_id", e.ClusterID), required("name", e.Name))
}

type SchoolRegistered struct {
	SchoolID  string `json:"school_id"`
	Name      string `json:"name"`
	Province  string `json:"province"`
	ClusterID string `json:"cluster_id"`
}

func (e SchoolRegistered) Check() error {
	return firstErr(required("school_id", e.SchoolID), required("name", e.Name),
		required("province", e.Province), required("cluster_id", e.ClusterID))
}

// ClusterRolesAssigned names the Cụm trưởng, Cụm phó thường trực and Cụm phó of a year.
type ClusterRolesAssigned struct {
	ClusterID      string   `json:"cluster_id"`
	Year           int      `json:"year"`
	Lead           string   `json:"lead"`
	StandingDeputy string   `json:"standing_deputy"`
	Deputies       []string `json:"deputies"`
}

func (e ClusterRolesAssigned) Check() error {
	return firstErr(required("cluster_id", e.ClusterID), validYear("year", e.Year), required("lead", e.Lead))
}

// Class type groups.
const (
	GroupDaoTao   = "dao_tao"
	GroupBoiDuong = "boi_duong"
	GroupLienKet  = "lien_ket"
)

type ClassTypeDefined struct {
	ClassType string `json:"class_type"`
	Name      string `json:"name"`
	Group     string `json:"group"`
}

func (e ClassTypeDefined) Check() error {
	return firstErr(required("class_type", e.ClassType), required("name", e.Name),
		oneOf("group", e.Group, GroupDaoTao, GroupBoiDuong, GroupLienKet))
}

type StaffCountRecorded struct {
	SchoolID  string `json:"school_id"`
	Year      int    `json:"year"`
	Staff     int64  `json:"staff"`
	Units     int64  `json:"units"`
	PartyOrgs int64  `json:"party_orgs"`
}

func (e StaffCountRecorded) Check() error {
	return firstErr(required("school_id", e.SchoolID), validYear("year", e.Year),
		nonNegative("staff", e.Staff), nonNegative("units", e.Units), nonNegative("party_orgs", e.PartyOrgs))
}

func validYear(field string, y int) error {
	if y < 1945 || y > 2200 {
		return Errorf(EINVALID, field, "năm không hợp lệ: %d", y)
	}
	return nil
}
