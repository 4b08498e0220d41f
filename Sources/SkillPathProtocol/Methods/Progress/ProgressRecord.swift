public import SkillPathCore
public import SkillPathJSON

/// `progress.record`: an employee started or completed a course.
public enum ProgressRecord: RPCMethod {
    public static let description = MethodDescription(
        name: "progress.record", summary: "Record that an employee started or completed a course.",
        description: """
        Idempotent by `eventId`: the same event sent twice is recorded once (the second reply says `duplicate`). A \
        completion raises the employee's skills to what the course teaches (source `course`) and advances every \
        active assignment containing the course. The reply is sent only once the event is on disk. Employees \
        record their own progress; services (the LMS) and administrators anyone's.
        """,
        params: [
            MethodDescription.Parameter("employee", Schema.string, required: true, "whose progress"),
            MethodDescription.Parameter("course", Schema.string, required: true, "the course"),
            MethodDescription.Parameter("status", Schema.enumeration(ProgressStatus.allCases.map(\.rawValue)), required: true, "what happened"),
            MethodDescription.Parameter("at", Schema.dateOrDateTime, "when: YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ (default now)"),
            MethodDescription.Parameter("eventId", Schema.string, "the sender's id for this event, for safe retries"),
        ],
        resultName: "progress",
        resultSchema: Schema.object([
            ("recorded", Schema.boolean), ("duplicate", Schema.boolean), ("eventId", Schema.string), ("at", Schema.string),
            ("skillsRaised", Schema.array(Schema.object([("skill", Schema.string), ("from", Schema.integer()), ("to", Schema.integer())]))),
            ("assignments", Schema.array(.object([("type", "object")]))),
        ], additional: true),
        errors: [.forbidden, .unknownEmployee, .unknownCourse],
        example: .init(
            params: .object([("employee", "e-104"), ("course", "stats-101"), ("status", "completed"), ("eventId", "lms-8812")]),
            result: .object([
                ("recorded", true), ("duplicate", false), ("eventId", "lms-8812"), ("employee", "e-104"), ("course", "stats-101"), ("status", "completed"),
                ("at", "2026-11-23T10:15:00Z"), ("skillsRaised", .array([.object([("skill", "statistics"), ("from", 1), ("to", 2)])])),
                ("assignments", .array([.object([("id", 1), ("percentComplete", .number("8.3")), ("progress", "on-track")])])),
            ])),
        access: .scoped)

    public struct Params: RPCParams, Equatable {
        public var employee: String
        public var course: String
        public var status: ProgressStatus
        /// When it happened, as the store keeps moments (`Timestamps`); nil for now.
        public var at: String?
        public var eventID: String?

        public init(employee: String, course: String, status: ProgressStatus, at: String? = nil, eventID: String? = nil) {
            self.employee = employee
            self.course = course
            self.status = status
            self.at = at
            self.eventID = eventID
        }

        public init(json params: JSONField) throws {
            employee = try params.required("employee").string()
            course = try params.required("course").string()
            let status = try params.required("status")
            let text = try status.string()
            guard let parsed = ProgressStatus(rawValue: text) else {
                throw JSONFieldError(path: status.path, message: "must be \"started\" or \"completed\", got \"\(text)\"")
            }
            self.status = parsed
            if let field = try params.optional("at") {
                let text = try field.string()
                guard let parsed = Timestamps.parse(text) else {
                    throw JSONFieldError(path: field.path, message: "must be YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ, got \"\(text)\"")
                }
                at = parsed
            }
            eventID = try params.optional("eventId")?.string()
        }

        public var json: JSONValue {
            .object([
                ("employee", .string(employee)), ("course", .string(course)), ("status", .string(status.rawValue)),
                ("at", at.map(JSONValue.string)), ("eventId", eventID.map(JSONValue.string)),
            ])
        }
    }

    public struct Result: RPCResult {
        public var outcome: ProgressOutcome
        public var employee: String
        public var course: String
        public var status: ProgressStatus
        public var today: CalendarDate

        public init(outcome: ProgressOutcome, employee: String, course: String, status: ProgressStatus, today: CalendarDate) {
            self.outcome = outcome
            self.employee = employee
            self.course = course
            self.status = status
            self.today = today
        }

        public var json: JSONValue {
            .object([
                ("recorded", .bool(!outcome.duplicate)), ("duplicate", .bool(outcome.duplicate)), ("eventId", outcome.eventID.map(JSONValue.string)),
                ("employee", .string(employee)), ("course", .string(course)), ("status", .string(status.rawValue)), ("at", .string(outcome.at)),
                ("skillsRaised", .array(outcome.skillsRaised.map(\.json))), ("evidence", outcome.note.map(JSONValue.string)),
                ("assignments", .array(outcome.assignments.map { AssignmentSummary($0, today: today).json })),
            ])
        }
    }
}

/// `progress.xapi`: progress as LMSs report it, xAPI 1.0.3 statements (services and administrators).
public enum ProgressXAPI: RPCMethod {
    public static let maximumBatch = 1_000

    public static let description = MethodDescription(
        name: "progress.xapi", summary: "Record progress from xAPI 1.0.3 statements, one or a batch of up to 1,000.",
        description: """
        The actor is matched to an employee by mbox (mailto: email) or account name (login); the object's id to \
        a course by its externalIds.xapi or its url. completed and passed complete the course; attempted, \
        launched, experienced and failed start it. The statement id is the idempotency key; timestamp, when \
        given, is when it happened. Each statement gets its own result, and one bad statement never rejects \
        the others.
        """,
        params: [
            MethodDescription.Parameter("statements", Schema.array(.object([("type", "object")])), required: true, "the statements (or one statement object)"),
        ],
        resultName: "results",
        resultSchema: Schema.object([("results", Schema.array(.object([("type", "object")]))), ("recorded", Schema.integer()), ("duplicate", Schema.integer()), ("rejected", Schema.integer())]),
        errors: [.forbidden],
        example: .init(
            params: .object([("statements", .array([.object([
                ("id", "fd41c918-b88b-4b20-a0a5-a4c32391aaa0"), ("actor", .object([("objectType", "Agent"), ("mbox", "mailto:dana@example.com")])),
                ("verb", .object([("id", "http://adlnet.gov/expapi/verbs/completed"), ("display", .object([("en-US", "completed")]))])),
                ("object", .object([("id", "https://lms.example.com/courses/sql-301"), ("objectType", "Activity")])),
                ("timestamp", "2026-11-23T10:15:00Z"),
            ])]))]),
            result: .object([
                ("results", .array([.object([
                    ("id", "fd41c918-b88b-4b20-a0a5-a4c32391aaa0"), ("outcome", "recorded"), ("employee", "e-008"), ("course", "sql-301"), ("status", "completed"),
                ])])),
                ("recorded", 1), ("duplicate", 0), ("rejected", 0),
            ])),
        access: .scoped)

    public struct Params: RPCParams {
        /// The statements as sent: an LRS's export passes through unchanged.
        public var statements: [JSONValue]
        /// Each statement read, or why it could not be (which rejects that statement alone).
        public var read: [Swift.Result<XAPIStatement, XAPIStatement.Rejection>]

        public init(statements: [JSONValue]) {
            self.statements = statements
            self.read = statements.map(XAPIStatement.read)
        }

        public init(json params: JSONField) throws {
            let field = try params.required("statements")
            let list: [JSONValue]
            switch field.value {
            case .array(let items): list = items
            case .object: list = [field.value]
            default: throw field.mismatch("an array of statements or one statement object")
            }
            guard !list.isEmpty, list.count <= maximumBatch else {
                throw JSONFieldError(path: field.path, message: "has \(list.count) statements; send 1 to \(maximumBatch) per call")
            }
            self.init(statements: list)
        }

        public var json: JSONValue {
            .object([("statements", .array(statements))])
        }
    }

    /// What became of one statement.
    public enum Outcome: Sendable {
        case recorded(XAPIStatement, employee: String, course: String, ProgressOutcome)
        case rejected(id: String?, reason: String)

        public var json: JSONValue {
            switch self {
            case .recorded(let statement, let employee, let course, let outcome):
                .object([
                    ("id", .string(statement.id)), ("outcome", .string(outcome.duplicate ? "duplicate" : "recorded")),
                    ("employee", .string(employee)), ("course", .string(course)), ("status", .string(statement.status.rawValue)),
                    ("at", .string(outcome.at)),
                    ("skillsRaised", outcome.skillsRaised.isEmpty ? nil : .array(outcome.skillsRaised.map(\.json))),
                    ("evidence", outcome.note.map(JSONValue.string)),
                ])
            case .rejected(let id, let reason):
                .object([("id", id.map(JSONValue.string)), ("outcome", "rejected"), ("reason", .string(reason))])
            }
        }

        var name: String {
            switch self {
            case .recorded(_, _, _, let outcome): outcome.duplicate ? "duplicate" : "recorded"
            case .rejected: "rejected"
            }
        }
    }

    public struct Result: RPCResult {
        public var outcomes: [Outcome]

        public init(outcomes: [Outcome]) {
            self.outcomes = outcomes
        }

        public var json: JSONValue {
            func count(_ name: String) -> Int { outcomes.count { $0.name == name } }
            return .object([
                ("results", .array(outcomes.map(\.json))), ("recorded", .int(count("recorded"))), ("duplicate", .int(count("duplicate"))),
                ("rejected", .int(count("rejected"))),
            ])
        }
    }
}

extension ProgressOutcome.RaisedSkill {
    public var json: JSONValue { .object([("skill", .string(skill)), ("from", .int(from)), ("to", .int(to))]) }
}
