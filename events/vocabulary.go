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

	r.Register("StaffMemberRecorded", StaffMemberRecorded{})
	r.Register("StaffTrainingStarted", StaffTrainingStarted{})
	r.Register("StaffTrainingCompleted", StaffTrainingCompleted{})
	r.Register("StaffTrainingWithdrawn", StaffTrainingWithdrawn{})
	r.Register("StaffTrainingPlanned", StaffTrainingPlanned{})

	r.Register("ResearchTopicRegistered", ResearchTopicRegistered{})
	r.Register("ResearchTopicAccepted", ResearchTopicAccepted{})
	r.Register("ResearchTopicCancelled", ResearchTopicCancelled{})
	r.Register("WorkshopHeld", WorkshopHeld{})
	r.Register("BulletinIssued", BulletinIssued{})
	r.Register("WebsiteRegistered", WebsiteRegistered{})

	r.Register("EmulationTargetsSet", EmulationTargetsSet{})
	r.Register("EmulationMovementLaunched", EmulationMovementLaunched{})
	r.Register("EmulationRegistered", EmulationRegistered{})
	r.Register("TitleAwarded", TitleAwarded{})
	r.Register("TitleRevoked", TitleRevoked{})
	r.Register("PartyOrgRated", PartyOrgRated{})
	r.Register("UnitRated", UnitRated{})
	r.Register("ScoringCriterionDefined", ScoringCriterionDefined{})
	r.Register("ScoreRecorded", ScoreRecorded{})
	r.Register("AwardProposed", AwardProposed{})

	r.Register("DeadlineSet", DeadlineSet{})
	r.Register("ReportSubmitted", ReportSubmitted{})
	r.Register("PeriodClosed", PeriodClosed{})
	r.Register("EventRetracted", EventRetracted{})
	r.Register("InspectionOpened", InspectionOpened{})
	r.Register("InspectionFindingRecorded", InspectionFindingRecorded{})
	r.Register("InspectionFiguresEntered", InspectionFiguresEntered{})
	r.Register("InspectionClosed", InspectionClosed{})
	r.Register("KeyRegistered", KeyRegistered{})
	return r
}
