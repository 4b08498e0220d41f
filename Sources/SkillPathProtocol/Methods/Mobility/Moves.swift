public import SkillPathCore
public import SkillPathJSON

/// `moves.record`: an employee changes role (a promotion, a lateral move, a secondment).
public enum MovesRecord: RPCMethod {
    public static let description = MethodDescription(
        name: "moves.record", summary: "Record that an employee moved to another role (administrators; managers for their subtree).",
        description: """
        Changes the employee's role and keeps the move in their history. The kind comes from the catalog's transition \
        between the two roles when there is one, else `kind`, else lateral (`kindFrom` says which). `date` defaults to \
        today and may not be in the future or before the employee's last move. A secondment may have an `endDate`: on that \
        day the employee returns to their home role by themself (or end it early with `moves.end`). A move while a \
        secondment runs ends the secondment (`superseded`).
        """,
        params: [
            MethodDescription.Parameter("employee", Schema.string, required: true, "who moves"),
            MethodDescription.Parameter("toRole", Schema.string, required: true, "the new role"),
            MethodDescription.Parameter("kind", Schema.enumeration(Transition.Kind.allCases.map(\.rawValue)), "the kind when no catalog transition says"),
            MethodDescription.Parameter("date", Schema.date, "the day the move took effect (default today)"),
            MethodDescription.Parameter("endDate", Schema.date, "a secondment's planned end: the day the employee returns home"),
        ],
        resultName: "move", resultSchema: .object([("type", "object")]),
        errors: [.forbidden, .unknownEmployee, .unknownRole, .conflict],
        example: .init(
            params: .object([("employee", "e-005"), ("toRole", "eng-senior"), ("date", "2026-03-01")]),
            result: .object([
                ("id", 7), ("employee", "e-005"), ("fromRole", "eng-mid"), ("toRole", "eng-senior"), ("kind", "promotion"), ("kindFrom", "transition"),
                ("date", "2026-03-01"), ("source", "moves.record"), ("recordedBy", "grace"), ("recordedAt", "2026-03-01T09:12:00Z"),
            ])),
        access: .scoped)

    public struct Params: RPCParams, Equatable {
        public var employee: String
        public var toRole: String
        public var kind: Transition.Kind?
        public var date: CalendarDate?
        public var endDate: CalendarDate?

        public init(employee: String, toRole: String, kind: Transition.Kind? = nil, date: CalendarDate? = nil, endDate: CalendarDate? = nil) {
            self.employee = employee
            self.toRole = toRole
            self.kind = kind
            self.date = date
            self.endDate = endDate
        }

        public init(json params: JSONField) throws {
            employee = try params.required("employee").string()
            toRole = try params.required("toRole").string()
            kind = try params.optional("kind")?.choice(Transition.Kind.self)
            date = try params.optional("date")?.date()
            endDate = try params.optional("endDate")?.date()
        }

        public var json: JSONValue {
            .object([
                ("employee", .string(employee)), ("toRole", .string(toRole)), ("kind", kind.map { .string($0.rawValue) }),
                ("date", date.map { .string($0.description) }), ("endDate", endDate.map { .string($0.description) }),
            ])
        }
    }

    public typealias Result = MoveRecord
}

/// `moves.list`: role history, scoped like employees.
public enum MovesList: RPCMethod {
    public static let description = MethodDescription(
        name: "moves.list", summary: "List moves, newest first: one employee's, a manager's subtree's, or all the caller may see.",
        description: """
        An employee sees their own moves, a manager their subtree's, services and administrators everyone's. `from` and \
        `to` bound the move dates (inclusive). Secondment returns and conversions are moves too (`source` \
        `secondment-return`, `secondment-conversion`, with `ends` naming the secondment).
        """,
        params: [
            MethodDescription.Parameter("employee", Schema.string, "only this employee's moves"),
            MethodDescription.Parameter("manager", Schema.string, "only moves of people in this manager's subtree (the manager included)"),
            MethodDescription.Parameter("from", Schema.date, "moves on or after this day"),
            MethodDescription.Parameter("to", Schema.date, "moves on or before this day"),
        ] + PageRequest.parameters,
        resultName: "page", resultSchema: Schema.ref("Page"), errors: [.forbidden, .unknownEmployee],
        example: .init(
            params: .object([("manager", "e-002"), ("from", "2026-01-01")]),
            result: .object([
                ("items", .array([.object([
                    ("id", 7), ("employee", "e-005"), ("fromRole", "eng-mid"), ("toRole", "eng-senior"), ("kind", "promotion"), ("date", "2026-03-01"),
                ])])),
                ("total", 1), ("nextCursor", .null),
            ])),
        access: .scoped)

    public struct Params: RPCParams, Equatable {
        public var employee: String?
        public var manager: String?
        public var from: CalendarDate?
        public var to: CalendarDate?
        public var page: PageRequest

        public init(employee: String? = nil, manager: String? = nil, from: CalendarDate? = nil, to: CalendarDate? = nil, page: PageRequest = PageRequest()) {
            self.employee = employee
            self.manager = manager
            self.from = from
            self.to = to
            self.page = page
        }

        public init(json params: JSONField) throws {
            employee = try params.optional("employee")?.string()
            manager = try params.optional("manager")?.string()
            from = try params.optional("from")?.date()
            to = try params.optional("to")?.date()
            page = try PageRequest(json: params)
        }

        /// The cursor as moves give it (`DATE:ID`, the last move of the previous page).
        public func cursor() throws(JSONFieldError) -> MoveCursor? { try page.dateCursor() }

        public var json: JSONValue {
            .object([
                ("employee", employee.map(JSONValue.string)), ("manager", manager.map(JSONValue.string)),
                ("from", from.map { .string($0.description) }), ("to", to.map { .string($0.description) }),
            ] + page.members)
        }
    }

    public typealias Result = Page<MoveRecord>
}

/// `moves.end`: a secondment ends early, or becomes permanent.
public enum MovesEnd: RPCMethod {
    public static let description = MethodDescription(
        name: "moves.end", summary: "End a secondment: the employee returns home, or the move becomes permanent (administrators; managers for their subtree).",
        description: """
        `outcome: return` moves the employee back to the role they came from; `convert` keeps them in the new role as a \
        permanent move (a promotion or lateral move, as the catalog's non-secondment transitions say). Both the secondment \
        and the move that ends it stay in the history. Secondments also end by themselves on their `endDate`.
        """,
        params: [
            MethodDescription.Parameter("move", Schema.integer(minimum: 1), required: true, "the secondment's move id"),
            MethodDescription.Parameter("outcome", Schema.enumeration(Ending.allCases.map(\.rawValue)), required: true, "home, or permanent"),
            MethodDescription.Parameter("date", Schema.date, "the day it ends (default today)"),
        ],
        resultName: "ended", resultSchema: Schema.object([("secondment", .object([("type", "object")])), ("move", .object([("type", "object")]))]),
        errors: [.forbidden, .notFound, .conflict],
        example: .init(
            params: .object([("move", 9), ("outcome", "return")]),
            result: .object([
                ("secondment", .object([("id", 9), ("kind", "secondment"), ("outcome", "returned"), ("endedBy", 12)])),
                ("move", .object([("id", 12), ("fromRole", "data-engineer"), ("toRole", "eng-mid"), ("source", "secondment-return"), ("ends", 9)])),
            ])),
        access: .scoped)

    /// How the caller ends a secondment.
    public enum Ending: String, Sendable, CaseIterable {
        case `return`, convert

        public var outcome: MoveRecord.Outcome { self == .return ? .returned : .converted }
    }

    public struct Params: RPCParams, Equatable {
        public var move: Int64
        public var ending: Ending
        public var date: CalendarDate?

        public init(move: Int64, ending: Ending, date: CalendarDate? = nil) {
            self.move = move
            self.ending = ending
            self.date = date
        }

        public init(json params: JSONField) throws {
            move = try params.required("move").positiveID()
            let outcome = try params.required("outcome")
            let text = try outcome.string()
            guard let parsed = Ending(rawValue: text) else { throw JSONFieldError(path: outcome.path, message: "must be return or convert, got \"\(text)\"") }
            ending = parsed
            date = try params.optional("date")?.date()
        }

        public var json: JSONValue {
            .object([("move", .int(move)), ("outcome", .string(ending.rawValue)), ("date", date.map { .string($0.description) })])
        }
    }

    public struct Result: RPCResult {
        public var secondment: MoveRecord
        public var ending: MoveRecord

        public init(secondment: MoveRecord, ending: MoveRecord) {
            self.secondment = secondment
            self.ending = ending
        }

        public var json: JSONValue { .object([("secondment", secondment.json), ("move", ending.json)]) }
    }
}
