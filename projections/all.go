package projections

// All is every projection of this version, in the order they are applied.
func All() []Projection {
	return []Projection{Organisation{}, ClassPlans{}, StaffTraining{}, Research{}, Emulation{}, DeadlineCalendar{}, Inspections{}}
}
