package events

// Vocabulary is the registry of every event type socai knows (DESIGN.md,
// "Domain vocabulary"). Stores use it unless told otherwise.
var Vocabulary = newVocabulary()

func newVocabulary() *Registry {
	r := NewRegistry()
	r.Register("ClusterFormed", ClusterFormed{})
	r.Register("SchoolRegistered", SchoolRegistered{})
	r.Register("ClusterRolesAssigned", ClusterRolesAssigned{})
	r.Register("ClassTypeDefined", ClassTypeDefined{})
	r.Register("StaffCountRecorded", StaffCountRecorded{})

	r.Register("TrainingTargetAssigned", TrainingTargetAssigned{})
	r.Register("ClassPlanned", ClassPlanned{})
	r.Register("ClassOpened", ClassOpened{})
	r.Register("ClassEnrollmentChanged", ClassEnrollmentChanged{})
	r.Register("ClassModeChanged", ClassModeChanged{})
	r.Register("ClassCompleted", ClassCompleted{})
	r.Register("ClassCancelled", ClassCancelled{})
	return r
}
