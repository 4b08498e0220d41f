public import SkillPathCore
public import SkillPathJSON

/// `employees.setAspirations`: what someone wants from their career, said by themself.
public enum EmployeesSetAspirations: RPCMethod {
    public static let description = MethodDescription(
        name: "employees.setAspirations", summary: "Set an employee's career aspirations: wanted roles, skills to grow, moves they are open to.",
        description: """
        `roles`: the roles they would like, most wanted first (at most 5, each in the catalog); `skills`: skills they \
        want to grow (at most 10); `openTo`: the kinds of move they would take (promotion, lateral, secondment, \
        project); `notLooking`: they want to stay where they are for now (the rest is kept for later). Fields given \
        replace the stored ones (null or [] clears), fields left out are kept. The employee sets their own (a service \
        acting for them with `actor`, or an administrator, e.g. for an HRIS import); every change is in the audit \
        trail. Their managers, services and administrators can read them (employees.aspirations); other \
        employees cannot (docs/access.md).
        """,
        params: [
            MethodDescription.Parameter("employee", Schema.string, "whose (default: the caller's own)"),
            MethodDescription.Parameter("roles", Schema.array(Schema.string), "wanted role ids, most wanted first (at most \(Aspirations.maximumRoles))"),
            MethodDescription.Parameter("skills", Schema.array(Schema.string), "skill ids to grow (at most \(Aspirations.maximumSkills))"),
            MethodDescription.Parameter("openTo", Schema.array(Schema.enumeration(Aspirations.Move.allCases.map(\.rawValue))), "the kinds of move they would take"),
            MethodDescription.Parameter("notLooking", Schema.boolean, "true: not looking for a move now"),
        ],
        resultName: "aspirations",
        resultSchema: Schema.object([("employee", Schema.string), ("aspirations", Schema.ref("Aspirations")), ("setAt", Schema.string)]),
        errors: [.unknownEmployee, .unknownRole, .unknownSkill, .forbidden],
        example: .init(
            params: .object([("roles", .strings(["data-engineer"])), ("skills", .strings(["python"])), ("openTo", .strings(["lateral", "project"]))]),
            result: .object([
                ("employee", "e-010"),
                ("aspirations", .object([
                    ("roles", .strings(["data-engineer"])), ("skills", .strings(["python"])), ("openTo", .strings(["lateral", "project"])), ("notLooking", false),
                ])),
                ("setAt", "2026-12-06T16:00:00Z"),
            ])),
        access: .scoped)

    public struct Params: RPCParams, Equatable {
        /// nil: the caller.
        public var employee: String?
        public var update: AspirationsUpdate

        public init(employee: String? = nil, update: AspirationsUpdate) {
            self.employee = employee
            self.update = update
        }

        public init(json params: JSONField) throws {
            employee = try params.optional("employee")?.string()
            // The aspiration fields are the parameters but for whose they are.
            let fields = JSONValue.object(JSONObject((params.value.objectValue?.members ?? []).filter { $0.key != "employee" && $0.key != "actor" }))
            update = try AspirationsUpdate(json: JSONField(fields, path: params.path))
        }

        public var json: JSONValue {
            .object([("employee", employee.map(JSONValue.string))] + (update.json.objectValue?.members.map { ($0.key, Optional($0.value)) } ?? []))
        }
    }

    public struct Result: RPCResult {
        public var employee: String
        public var stored: StoredAspirations

        public init(employee: String, stored: StoredAspirations) {
            self.employee = employee
            self.stored = stored
        }

        public var json: JSONValue {
            .object([("employee", .string(employee)), ("aspirations", stored.aspirations.json), ("setAt", stored.setAt.map(JSONValue.string))])
        }
    }
}

/// `employees.aspirations`: what someone wants, and how far they are from each wanted role.
public enum EmployeesAspirations: RPCMethod {
    public static let description = MethodDescription(
        name: "employees.aspirations", summary: "An employee's career aspirations, with how far they are from each wanted role.",
        description: """
        For the employee, their managers (direct or indirect), services and administrators; other employees are \
        refused. Each wanted role comes with the plan to it from the employee's stored skills at their pace (hours, \
        `readyBy`, what no course can close); a wanted role the employee now holds is listed in `reached` instead.
        """,
        params: [
            MethodDescription.Parameter("employee", Schema.string, "whose (default: the caller's own)"),
            MethodDescription.Parameter("hoursPerWeek", Schema.number, "the pace for `readyBy` (default: the employee's preferred weekly hours, else 4)"),
        ],
        resultName: "aspirations",
        resultSchema: Schema.object([
            ("employee", Schema.string), ("currentRole", Schema.string), ("aspirations", Schema.ref("Aspirations")), ("setAt", Schema.string),
            ("wanted", Schema.array(.object([("type", "object")]))), ("reached", Schema.array(Schema.string)),
        ]),
        errors: [.unknownEmployee, .forbidden],
        example: .init(
            params: .object([("employee", "e-010")]),
            result: .object([
                ("employee", "e-010"), ("currentRole", "data-analyst"),
                ("aspirations", .object([("roles", .strings(["data-engineer"])), ("skills", .strings([])), ("openTo", .strings(["lateral"])), ("notLooking", false)])),
                ("setAt", "2026-12-06T16:00:00Z"),
                ("wanted", .array([.object([
                    ("role", "data-engineer"), ("title", "Data Engineer"), ("choice", 1), ("inCatalog", true), ("hours", 38), ("cost", 0), ("currency", "USD"),
                    ("courses", 2), ("complete", true), ("unmet", .array([])), ("cannotClose", .array([])), ("readyBy", "2027-02-12"),
                ])])),
                ("reached", .array([])),
            ])),
        access: .scoped)

    public struct Params: RPCParams, Equatable {
        public var employee: String?
        public var hoursPerWeek: Quantity?

        public init(employee: String? = nil, hoursPerWeek: Quantity? = nil) {
            self.employee = employee
            self.hoursPerWeek = hoursPerWeek
        }

        public init(json params: JSONField) throws {
            employee = try params.optional("employee")?.string()
            hoursPerWeek = try PlanFigures.pace(params)
        }

        public var json: JSONValue {
            .object([("employee", employee.map(JSONValue.string)), ("hoursPerWeek", hoursPerWeek?.json)])
        }
    }

    /// One wanted role: its plan, or, for a role the catalog no longer has, only its id.
    public struct WantedRole: Sendable {
        public var role: String
        public var title: String?
        public var choice: Int
        public var figures: PlanFigures?

        public init(role: String, title: String?, choice: Int, figures: PlanFigures?) {
            self.role = role
            self.title = title
            self.choice = choice
            self.figures = figures
        }

        public var json: JSONValue {
            .object([("role", .string(role)), ("title", title.map(JSONValue.string)), ("choice", .int(choice)), ("inCatalog", .bool(figures != nil))] + (figures?.members ?? []))
        }
    }

    public struct Result: RPCResult {
        public var employee: String
        public var currentRole: String
        public var stored: StoredAspirations
        public var wanted: [WantedRole]
        public var reached: [String]

        public init(employee: String, currentRole: String, stored: StoredAspirations, wanted: [WantedRole], reached: [String]) {
            self.employee = employee
            self.currentRole = currentRole
            self.stored = stored
            self.wanted = wanted
            self.reached = reached
        }

        public var json: JSONValue {
            .object([
                ("employee", .string(employee)), ("currentRole", .string(currentRole)), ("aspirations", stored.aspirations.json),
                ("setAt", stored.setAt.map(JSONValue.string)), ("wanted", .array(wanted.map(\.json))), ("reached", .strings(reached)),
            ])
        }
    }
}
