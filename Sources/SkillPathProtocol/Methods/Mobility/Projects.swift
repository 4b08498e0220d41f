public import SkillPathCore
public import SkillPathJSON

/// A project move with the day its status is told on.
public struct ProjectMoveView: RPCResult, Sendable {
    public var project: ProjectMove
    public var today: CalendarDate

    public init(_ project: ProjectMove, today: CalendarDate) {
        self.project = project
        self.today = today
    }

    public var json: JSONValue { project.json(today: today) }
}

/// `projects.list`: the project gigs people took, scoped like moves.
public enum ProjectsList: RPCMethod {
    public static let description = MethodDescription(
        name: "projects.list", summary: "List project moves (gigs taken), latest start first: one employee's, a manager's subtree's, one project's, or all the caller may see.",
        description: """
        An employee sees their own, a manager their subtree's, services and administrators everyone's. Each says where \
        it stands today: `running`, `awaiting-confirmation` (past its planned end, its owner has not said how it went), \
        `completed` or `stopped`. `from` and `to` bound the start dates (inclusive).
        """,
        params: [
            MethodDescription.Parameter("employee", Schema.string, "only this employee's"),
            MethodDescription.Parameter("manager", Schema.string, "only people in this manager's subtree (the manager included)"),
            MethodDescription.Parameter("opportunity", Schema.integer(minimum: 1), "only this project opportunity's"),
            MethodDescription.Parameter("from", Schema.date, "started on or after this day"),
            MethodDescription.Parameter("to", Schema.date, "started on or before this day"),
        ] + PageRequest.parameters,
        resultName: "page", resultSchema: Schema.ref("Page"), errors: [.forbidden, .unknownEmployee],
        example: .init(
            params: .object([("employee", "e-009")]),
            result: .object([
                ("items", .array([.object([
                    ("id", 1), ("employee", "e-009"), ("opportunity", 4), ("title", "Churn dashboard"), ("kind", "project"), ("role", "data-analyst"),
                    ("start", "2026-10-05"), ("plannedEnd", "2026-12-28"), ("hoursPerWeek", 3),
                    ("develops", .array([.object([("skill", "sql"), ("level", 4)])])), ("status", "running"),
                ])])),
                ("total", 1), ("nextCursor", .null),
            ])),
        access: .scoped)

    public struct Params: RPCParams, Equatable {
        public var employee: String?
        public var manager: String?
        public var opportunity: Int64?
        public var from: CalendarDate?
        public var to: CalendarDate?
        public var page: PageRequest

        public init(
            employee: String? = nil, manager: String? = nil, opportunity: Int64? = nil, from: CalendarDate? = nil, to: CalendarDate? = nil,
            page: PageRequest = PageRequest()
        ) {
            self.employee = employee
            self.manager = manager
            self.opportunity = opportunity
            self.from = from
            self.to = to
            self.page = page
        }

        public init(json params: JSONField) throws {
            employee = try params.optional("employee")?.string()
            manager = try params.optional("manager")?.string()
            opportunity = try params.optional("opportunity")?.positiveID()
            from = try params.optional("from")?.date()
            to = try params.optional("to")?.date()
            page = try PageRequest(json: params)
        }

        /// The cursor as this list gives it (`DATE:ID`, the last of the previous page).
        public func cursor() throws(JSONFieldError) -> MoveCursor? { try page.dateCursor() }

        public var json: JSONValue {
            .object([
                ("employee", employee.map(JSONValue.string)), ("manager", manager.map(JSONValue.string)), ("opportunity", opportunity.map(JSONValue.int)),
                ("from", from.map { .string($0.description) }), ("to", to.map { .string($0.description) }),
            ] + page.members)
        }
    }

    public typealias Result = Page<ProjectMoveView>
}

/// `projects.finish`: the owner says how a project gig went.
public enum ProjectsFinish: RPCMethod {
    public static let description = MethodDescription(
        name: "projects.finish", summary: "End a project move with its owner's word: completed (adds manager-confirmed evidence) or stopped.",
        description: """
        By the project's owner (the opportunity's manager), a manager above them, or an administrator; never by the person \
        who did the gig, whose own word is not a confirmation. `completed` adds a piece of manager-confirmed evidence \
        (source `manager`, noted with the project and who confirmed it) for every skill the project develops, at its \
        level: evidence only adds, so a higher level held stays. `stopped` adds none. `date` defaults to today and is \
        not before the start; a project move ends once.
        """,
        params: [
            MethodDescription.Parameter("id", Schema.integer(minimum: 1), required: true, "the project move"),
            MethodDescription.Parameter("outcome", Schema.enumeration(ProjectMove.Outcome.allCases.map(\.rawValue)), required: true, "completed or stopped"),
            MethodDescription.Parameter("date", Schema.date, "the day it ended (default today)"),
            MethodDescription.Parameter("note", Schema.string, "what the owner says (at most 2,000 characters)"),
        ],
        resultName: "project", resultSchema: .object([("type", "object")]),
        errors: [.forbidden, .notFound, .conflict],
        example: .init(
            params: .object([("id", 1), ("outcome", "completed")]),
            result: .object([
                ("id", 1), ("employee", "e-009"), ("opportunity", 4), ("status", "completed"), ("finishedOn", "2026-12-28"),
                ("outcome", "completed"), ("confirmedBy", "e-002"),
            ])),
        access: .scoped)

    public struct Params: RPCParams, Equatable {
        public var id: Int64
        public var outcome: ProjectMove.Outcome
        public var date: CalendarDate?
        public var note: String?

        public init(id: Int64, outcome: ProjectMove.Outcome, date: CalendarDate? = nil, note: String? = nil) {
            self.id = id
            self.outcome = outcome
            self.date = date
            self.note = note
        }

        public init(json params: JSONField) throws {
            id = try params.required("id").positiveID()
            outcome = try params.required("outcome").choice(ProjectMove.Outcome.self)
            date = try params.optional("date")?.date()
            note = try params.note()
        }

        public var json: JSONValue {
            .object([
                ("id", .int(id)), ("outcome", .string(outcome.rawValue)), ("date", date.map { .string($0.description) }), ("note", note.map(JSONValue.string)),
            ])
        }
    }

    public typealias Result = ProjectMoveView
}
