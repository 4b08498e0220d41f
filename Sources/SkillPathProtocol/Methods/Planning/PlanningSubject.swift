public import SkillPathCore
public import SkillPathJSON

/// Whom the planning methods plan for: a profile given in the call, a stored employee, or (neither given)
/// the caller's own stored profile.
public enum PlanningSubject: Sendable, Equatable {
    case profile(Profile)
    case employee(String)
    case caller

    public static let parameters = [
        MethodDescription.Parameter("profile", Schema.ref("Profile"), "the employee's skills, completed courses and current role"),
        MethodDescription.Parameter("employee", Schema.string, "instead of profile: a stored employee's id (their stored skills and completions)"),
    ]

    /// The `options` parameter every planning method takes.
    public static let options = MethodDescription.Parameter("options", Schema.ref("PlanOptions"), "objective, filters, budget and pace (docs/planning.md)")

    public init(json params: JSONField) throws {
        switch (try params.optional("profile"), try params.optional("employee")?.string()) {
        case (let field?, nil): self = .profile(try Profile(json: field))
        case (nil, let id?): self = .employee(id)
        case (nil, nil): self = .caller
        case (.some, .some): throw JSONFieldError(path: "employee", message: "cannot be combined with profile: give one or the other")
        }
    }

    public var members: [(String, JSONValue?)] {
        switch self {
        case .profile(let profile): [("profile", profile.json)]
        case .employee(let id): [("employee", .string(id))]
        case .caller: []
        }
    }

    /// The `options` parameter, when given.
    public static func options(_ params: JSONField) throws -> PlanOptions? {
        try params.optional("options").map { field in try PlanOptions(json: field) }
    }
}

/// `paths.plan`: the best learning path from a profile to a target role.
public enum PathsPlan: RPCMethod {
    public static let description = MethodDescription(
        name: "paths.plan", summary: "Plan the learning path from a profile to a target role.",
        description: """
        The same plan object `skillpath plan --json` prints: the gap, ordered and explained steps, totals, unmet skills \
        with reasons, and with a pace a schedule. Deterministic: the same catalog, profile and options give the same bytes.
        """,
        params: PlanningSubject.parameters + [
            MethodDescription.Parameter("targetRole", Schema.string, required: true, "the role to plan for"),
            PlanningSubject.options,
        ],
        resultName: "plan", resultSchema: Schema.ref("Plan"),
        errors: [.unknownEmployee, .forbidden, .unknownRole, .unknownSkill, .unknownCourse, .noCurrentRole],
        example: .init(
            params: .object([
                ("profile", .object([("skills", .array([.object([("skill", "python"), ("level", 1)])])), ("completed", .array([]))])),
                ("targetRole", "data-analyst"), ("options", .object([("hoursPerWeek", 5), ("startDate", "2027-01-04")])),
            ]),
            result: .object([
                ("targetRole", "data-analyst"), ("targetTitle", "Data Analyst"), ("objective", "hours"),
                ("gap", .array([.object([("skill", "sql"), ("name", "SQL"), ("have", 0), ("need", 2), ("importance", "essential"), ("role", "data-analyst")])])),
                ("steps", .array([.object([
                    ("course", "analysis-101"), ("title", "Introduction to Data analysis"), ("format", "hands-on"), ("language", "en"), ("hours", 8), ("cost", 135),
                    ("teaches", .array([.object([("skill", "data-analysis"), ("level", 1)])])), ("closes", .array([])),
                    ("neededBy", .strings(["dataviz-201", "analysis-201"])), ("start", "2027-01-04"), ("end", "2027-01-15"),
                ])])),
                ("totals", .object([("hours", 81), ("cost", 1755), ("currency", "USD"), ("courses", 11)])),
                ("unmet", .array([])), ("estimatedCompletion", "2027-04-27"), ("optimal", true), ("catalogVersion", "sha256:0850b3839cc00dac"),
            ])))

    public struct Params: RPCParams, Equatable {
        public var subject: PlanningSubject
        public var targetRole: String
        public var options: PlanOptions?

        public init(subject: PlanningSubject, targetRole: String, options: PlanOptions? = nil) {
            self.subject = subject
            self.targetRole = targetRole
            self.options = options
        }

        public init(json params: JSONField) throws {
            subject = try PlanningSubject(json: params)
            targetRole = try params.required("targetRole").string()
            options = try PlanningSubject.options(params)
        }

        public var json: JSONValue { .object(subject.members + [("targetRole", .string(targetRole)), ("options", options?.json)]) }
    }

    public typealias Result = Plan
}

extension Plan: RPCResult {}
extension RoleComparison: RPCResult {}
extension Route: RPCResult {}

/// `paths.compare`: several target roles side by side for one profile.
public enum PathsCompare: RPCMethod {
    public static let description = MethodDescription(
        name: "paths.compare", summary: "Compare the best plans to several target roles (a what-if).",
        description: "Plans each role with the same profile and options; each entry has totals, unmet skills, the completion date with a pace, and the transition kind from the current role.",
        params: PlanningSubject.parameters + [
            MethodDescription.Parameter("targetRoles", Schema.array(Schema.string), required: true, "the roles to compare, in display order"),
            PlanningSubject.options,
        ],
        resultName: "comparison",
        resultSchema: Schema.object([("currentRole", Schema.string), ("entries", Schema.array(.object([("type", "object")])))]),
        errors: [.unknownEmployee, .forbidden, .unknownRole, .unknownSkill, .unknownCourse],
        example: .init(
            params: .object([
                ("profile", .object([("skills", .array([])), ("role", "eng-mid")])), ("targetRoles", .strings(["eng-senior", "data-engineer"])),
            ]),
            result: .object([
                ("currentRole", "eng-mid"),
                ("entries", .array([
                    .object([("targetRole", "eng-senior"), ("title", "Senior Software Engineer"), ("transition", "promotion"),
                             ("totals", .object([("hours", 212), ("cost", 3580), ("currency", "USD"), ("courses", 25)])), ("gap", 10), ("unmet", .array([])), ("courses", .strings(["api-101"]))]),
                ])),
            ])))

    public struct Params: RPCParams, Equatable {
        public var subject: PlanningSubject
        public var targetRoles: [String]
        public var options: PlanOptions?

        public init(subject: PlanningSubject, targetRoles: [String], options: PlanOptions? = nil) {
            self.subject = subject
            self.targetRoles = targetRoles
            self.options = options
        }

        public init(json params: JSONField) throws {
            subject = try PlanningSubject(json: params)
            targetRoles = try params.required("targetRoles").strings()
            options = try PlanningSubject.options(params)
        }

        public var json: JSONValue { .object(subject.members + [("targetRoles", .strings(targetRoles)), ("options", options?.json)]) }
    }

    public typealias Result = RoleComparison
}

/// `roles.route`: the cheapest sequence of role moves from the current role to a target.
public enum RolesRoute: RPCMethod {
    public static let maximumHops = 10

    public static let description = MethodDescription(
        name: "roles.route", summary: "Find the cheapest sequence of transitions from the profile's role to a target role.",
        description: """
        Each hop costs the objective of its plan, with skills learnt on earlier hops counted. A hop whose gap no course in \
        the catalog teaches is taken and marked `gapOnly` (with its `gap`, `gapLevels` and `gapWeight`); routes rank by the levels \
        left missing first, each weighted by its skill's importance to the hop's role (`gapWeight`). `found: false` with a `reason` when no route exists.
        """,
        params: PlanningSubject.parameters + [
            MethodDescription.Parameter("targetRole", Schema.string, required: true, "the role to reach"),
            MethodDescription.Parameter("maxHops", Schema.integer(minimum: 1, maximum: maximumHops), "the most transitions to take (default \(Planner.defaultMaxHops))"),
            PlanningSubject.options,
        ],
        resultName: "route",
        resultSchema: Schema.object([
            ("from", Schema.string), ("to", Schema.string), ("found", Schema.boolean), ("reason", Schema.string),
            ("hops", Schema.array(.object([("type", "object")]))), ("totals", .object([("type", "object")])), ("optimal", Schema.boolean),
        ], additional: true),
        errors: [.unknownEmployee, .forbidden, .unknownRole, .noCurrentRole],
        example: .init(
            params: .object([("profile", .object([("skills", .array([])), ("role", "eng-mid")])), ("targetRole", "eng-staff")]),
            result: .object([
                ("from", "eng-mid"), ("to", "eng-staff"), ("found", true),
                ("hops", .array([
                    .object([
                        ("from", "eng-mid"), ("fromTitle", "Software Engineer"), ("to", "eng-senior"), ("toTitle", "Senior Software Engineer"), ("kind", "promotion"),
                        ("steps", .array([])), ("totals", .object([("hours", 212)])),
                    ]),
                    .object([
                        ("from", "eng-senior"), ("fromTitle", "Senior Software Engineer"), ("to", "eng-staff"), ("toTitle", "Staff Engineer"), ("kind", "promotion"),
                        ("steps", .array([])), ("totals", .object([("hours", 135)])),
                    ]),
                ])),
                ("totals", .object([("hours", 347), ("cost", 10140), ("currency", "USD"), ("courses", 41)])), ("optimal", false),
            ])))

    public struct Params: RPCParams, Equatable {
        public var subject: PlanningSubject
        public var targetRole: String
        public var maxHops: Int?
        public var options: PlanOptions?

        public init(subject: PlanningSubject, targetRole: String, maxHops: Int? = nil, options: PlanOptions? = nil) {
            self.subject = subject
            self.targetRole = targetRole
            self.maxHops = maxHops
            self.options = options
        }

        public init(json params: JSONField) throws {
            subject = try PlanningSubject(json: params)
            targetRole = try params.required("targetRole").string()
            maxHops = try params.optional("maxHops")?.int(in: 1...maximumHops)
            options = try PlanningSubject.options(params)
        }

        public var json: JSONValue {
            .object(subject.members + [("targetRole", .string(targetRole)), ("maxHops", maxHops.map(JSONValue.int)), ("options", options?.json)])
        }
    }

    public typealias Result = Route
}
