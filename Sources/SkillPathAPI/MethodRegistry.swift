/// Every method the daemon serves.
public enum MethodRegistry {
    public static func all() -> [MethodDefinition] {
        catalogAndPlanning() + organisation()
    }

    static func catalogAndPlanning() -> [MethodDefinition] {
        [
            SystemHealth.method, CatalogLists.skills, CatalogLists.courses, CatalogLists.roles, CatalogGet.method,
            CatalogSearch.method, CatalogReload.method, PathsPlan.method, PathsCompare.method, RolesRoute.method,
        ]
    }

    static func organisation() -> [MethodDefinition] {
        [
            EmployeesUpsert.method, EmployeesGet.method, EmployeesList.method, EmployeesSetSkills.method, EmployeesSetPreferences.method, AssignmentsCreate.method,
            AssignmentsRead.list, AssignmentsRead.get, AssignmentsCancel.method, AssignmentsReplan.method, ProgressRecord.method, ProgressXAPI.method,
            ReportsTeam.method, MovesRecord.method, MovesList.method, MovesEnd.method, OpportunitiesCreate.method, OpportunitiesList.method,
            OpportunitiesClose.method, RolesSuggest.method, CandidatesRank.method, ReportsMobility.method, ReportsSkills.method, AuditList.method,
        ]
    }

    /// `methods` plus `rpc.discover`, which describes all of them and itself.
    public static func withDiscovery(_ methods: [MethodDefinition]) -> [MethodDefinition] {
        let box = MethodList()
        let all = methods + [RPCDiscover.method { box.methods }]
        box.methods = all
        return all
    }
}

/// Lets `rpc.discover` see the final method list, itself included.
/// `@unchecked Sendable`: written once in `withDiscovery` before any request can read it.
final class MethodList: @unchecked Sendable {
    var methods: [MethodDefinition] = []
}
