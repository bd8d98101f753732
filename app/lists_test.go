package app_test

import (
	"testing"

	"socai/app"
	"socai/events"
)

// The lists the Tổ chức and Thi đua pages show: roles, movements, registrations.
func TestRolesMovementsRegistrations(t *testing.T) {
	a := openApp(t)
	importLines(t, a, baseCluster...)
	n := app.Note{}
	if _, err := a.Org.AssignRoles(events.ClusterRolesAssigned{ClusterID: "mnbgpb", Year: 2021, Lead: "sonla",
		StandingDeputy: "laichau"}, "2021-02-25", n); err != nil {
		t.Fatal(err)
	}
	roles, err := a.Org.Roles(2021)
	if err != nil || len(roles) != 1 || roles[0].Lead != "sonla" || roles[0].Deputies == nil {
		t.Fatalf("roles = %+v, %v", roles, err)
	}
	if r, _ := a.Org.Roles(2022); len(r) != 0 {
		t.Errorf("roles of 2022 = %+v", r)
	}
	if _, err := a.Emulation.LaunchMovement("mnbgpb", events.EmulationMovementLaunched{MovementID: "pt2021", Year: 2021,
		Level: "cum", Theme: "Đổi mới, sáng tạo"}, "2021-03-01", n); err != nil {
		t.Fatal(err)
	}
	if _, err := a.Emulation.Register(events.EmulationRegistered{SchoolID: "sonla", Year: 2021, MovementID: "pt2021",
		Titles: []string{events.TitleLaoDongTienTien, events.TitleCoThiDua}}, "2021-03-10", n); err != nil {
		t.Fatal(err)
	}
	ms, err := a.Emulation.Movements(2021)
	if err != nil || len(ms) != 1 || ms[0].Theme != "Đổi mới, sáng tạo" {
		t.Errorf("movements = %+v, %v", ms, err)
	}
	regs, err := a.Emulation.Registrations(2021, "sonla")
	if err != nil || len(regs) != 1 || len(regs[0].Titles) != 2 || regs[0].RegisteredOn != "2021-03-10" {
		t.Errorf("registrations = %+v, %v", regs, err)
	}
	if r, _ := a.Emulation.Registrations(2021, "laichau"); len(r) != 0 {
		t.Errorf("Lai Châu registrations = %+v", r)
	}
}
