import SkillPathProtocol

/// Every method the daemon serves.
public enum MethodRegistry {
    static let handled: [any HandledMethod.Type] = [
        SystemHealth.self, CatalogSkills.self, CatalogCourses.self, CatalogRoles.self, CatalogGet.self, CatalogSearch.self, CatalogReload.self,
        PathsPlan.self, PathsCompare.self, RolesRoute.self,
        EmployeesUpsert.self, EmployeesGet.self, EmployeesList.self, EmployeesSetSkills.self, EmployeesSetPreferences.self,
        EmployeesSetAspirations.self, EmployeesAspirations.self, ReportsAspirations.self,
        OpportunitiesApply.self, ApplicationsMove.self, ApplicationsWithdraw.self, ApplicationsList.self,
        MentorsOffer.self, MentorsFind.self, MentoringStart.self, MentoringEnd.self, MentoringList.self,
        AssignmentsCreate.self, AssignmentsList.self, AssignmentsGet.self, AssignmentsCancel.self, AssignmentsReplan.self,
        ProgressRecord.self, ProgressXAPI.self, ReportsTeam.self, MovesRecord.self, MovesList.self, MovesEnd.self, MovesFeedback.self,
        OpportunitiesCreate.self, OpportunitiesList.self, OpportunitiesClose.self, RolesSuggest.self, CandidatesRank.self,
        ProjectsList.self, ProjectsFinish.self, ReportsMobility.self, ReportsSuccession.self, ReportsSpend.self, EventsList.self, EventsSubscribe.self, RolesCritical.self, RolesSetCritical.self, ReportsSkills.self, AuditList.self,
    ]

    /// Every method, and `rpc.discover`, which describes all of them and itself. Its document depends only on
    /// the build, so it is made here once and every call sends the same value.
    public static func all(version: String) -> [MethodDefinition] {
        let methods = handled.map { MethodDefinition($0) }
        let document = OpenRPCDocument(methods: methods.map(\.description) + [RPCDiscover.description], version: version).json
        return methods + [MethodDefinition(description: RPCDiscover.description) { _, _ in document }]
    }
}
