public import SkillPathCore
public import SkillPathJSON

/// `employees.get`: one employee with skills, completions, reports and assignments.
public enum EmployeesGet: RPCMethod {
    public static let description = MethodDescription(
        name: "employees.get", summary: "One employee with their skills, completed courses, reports and assignments.",
        description: "Visible to the employee, their managers (direct or indirect), services and administrators. Without `id`, the caller's own record.",
        params: [MethodDescription.Parameter("id", Schema.string, "the employee's id (default: the caller)")],
        resultName: "employee", resultSchema: .object([("type", "object")]), errors: [.unknownEmployee, .forbidden],
        example: .init(
            params: .object([("id", "e-104")]),
            result: .object([
                ("id", "e-104"), ("name", "Dana Ortiz"), ("login", "dana"), ("role", "data-analyst"), ("manager", "e-102"),
                ("skills", .array([.object([("skill", "sql"), ("level", 2), ("source", "manager"), ("setAt", "2026-11-23T09:00:00Z")])])),
                ("completed", .array([])), ("reports", .array([])), ("assignments", .array([])),
            ])),
        access: .scoped)

    public struct Params: RPCParams, Equatable {
        /// nil: the caller.
        public var id: String?

        public init(id: String? = nil) {
            self.id = id
        }

        public init(json params: JSONField) throws {
            id = try params.optional("id")?.string()
        }

        public var json: JSONValue { .object([("id", id.map(JSONValue.string))]) }
    }

    public struct Result: RPCResult {
        public var employee: EmployeeRecord
        public var skills: [SkillView]
        public var completions: [StoredCompletion]
        public var reports: [String]
        public var assignments: [AssignmentSummary]

        public init(employee: EmployeeRecord, skills: [SkillView], completions: [StoredCompletion], reports: [String], assignments: [AssignmentSummary]) {
            self.employee = employee
            self.skills = skills
            self.completions = completions
            self.reports = reports
            self.assignments = assignments
        }

        public var json: JSONValue {
            var object = employee.json.objectValue ?? JSONObject()
            object["skills"] = .array(skills.map(\.json))
            object["completed"] = .array(completions.map(\.json))
            object["reports"] = .strings(reports)
            object["assignments"] = .array(assignments.map(\.json))
            return .object(object)
        }
    }
}

/// `employees.list`: the employees the caller may see, paged.
public enum EmployeesList: RPCMethod {
    public static let description = MethodDescription(
        name: "employees.list", summary: "List the employees the caller may see, paged by cursor.",
        description: "Administrators and services see everyone; a manager sees themself and everyone under them; an employee sees themself.",
        params: [
            MethodDescription.Parameter("role", Schema.string, "only this role"),
            MethodDescription.Parameter("manager", Schema.string, "only direct reports of this employee"),
        ] + PageRequest.parameters,
        resultName: "page", resultSchema: Schema.ref("Page"), errors: [.forbidden],
        example: .init(
            params: .object([("limit", 2)]),
            result: .object([
                ("items", .array([
                    .object([("id", "e-001"), ("name", "Grace Hopper"), ("login", "grace"), ("role", "eng-director")]),
                    .object([("id", "e-002"), ("name", "Alan Turing"), ("login", "alan"), ("role", "eng-manager"), ("manager", "e-001")]),
                ])),
                ("total", 12), ("nextCursor", "e-002"),
            ])),
        access: .scoped)

    public struct Params: RPCParams, Equatable {
        public var role: String?
        public var manager: String?
        public var page: PageRequest

        public init(role: String? = nil, manager: String? = nil, page: PageRequest = PageRequest()) {
            self.role = role
            self.manager = manager
            self.page = page
        }

        public init(json params: JSONField) throws {
            role = try params.optional("role")?.string()
            manager = try params.optional("manager")?.string()
            page = try PageRequest(json: params)
        }

        public var json: JSONValue { .object([("role", role.map(JSONValue.string)), ("manager", manager.map(JSONValue.string))] + page.members) }
    }

    public typealias Result = Page<EmployeeRecord>
}
