import SkillPathCore
import SkillPathJSON
import SkillPathStore

/// `progress.xapi`: progress as LMSs report it, xAPI 1.0.3 statements (services and administrators).
enum ProgressXAPI {
    static let maximumBatch = 1_000

    static let method = MethodDefinition(
        name: "progress.xapi", summary: "Record progress from xAPI 1.0.3 statements, one or a batch of up to 1,000.",
        description: """
        The actor is matched to an employee by mbox (mailto: email) or account name (login); the object's id to \
        a course by its externalIds.xapi or its url. completed and passed complete the course; attempted, \
        launched, experienced and failed start it. The statement id is the idempotency key; timestamp, when \
        given, is when it happened. Each statement gets its own result, and one bad statement never rejects \
        the others.
        """,
        params: [
            MethodDefinition.Parameter("statements", Schema.array(.object([("type", "object")])), required: true, "the statements (or one statement object)"),
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
        access: .scoped
    ) { context, params in
        switch try context.requireKnown() {
        case .admin, .service: break
        case .employee, .unknown:
            throw AccessRefusal("services-and-admins", "progress.xapi is for the LMS (services) and administrators", method: context.method)
        }
        let field = try params.required("statements")
        let statements: [JSONValue]
        switch field.value {
        case .array(let list): statements = list
        case .object: statements = [field.value]
        default: throw field.mismatch("an array of statements or one statement object")
        }
        guard !statements.isEmpty, statements.count <= maximumBatch else {
            throw JSONFieldError(path: field.path, message: "has \(statements.count) statements; send 1 to \(maximumBatch) per call")
        }
        let store = context.store
        let snapshot = context.snapshot
        var results = [JSONValue?](repeating: nil, count: statements.count)
        var events: [(position: Int, statement: XAPIStatement, employee: String, event: OrganisationStore.ProgressEvent)] = []
        let now = Timestamps.now()
        for (position, raw) in statements.enumerated() {
            func reject(_ id: String?, _ reason: String) {
                results[position] = .object([("id", id.map(JSONValue.string)), ("outcome", "rejected"), ("reason", .string(reason))])
            }
            switch XAPIStatement.read(raw) {
            case .failure(let rejection):
                reject(rejection.id, rejection.reason)
            case .success(let statement):
                let employee: String? = switch statement.actor {
                case .email(let email): try store.employeeID(email: email)
                case .login(let login): try store.employeeID(login: login)
                }
                guard let employee else {
                    reject(statement.id, "unknown actor: no employee has \(statement.actor.description)")
                    continue
                }
                guard let courseID = snapshot.xapiActivities[statement.activity], let course = snapshot.catalog.course(courseID) else {
                    reject(statement.id, "unknown activity '\(statement.activity)': no course has it as externalIds.xapi or url")
                    continue
                }
                events.append((position, statement, employee, OrganisationStore.ProgressEvent(
                    employee: employee, course: course, status: statement.status, at: statement.at ?? now, eventID: "xapi:\(statement.id)")))
            }
        }
        let outcomes = events.isEmpty ? [] : try store.recordProgress(events.map(\.event), source: context.auditActor)
        for (entry, outcome) in zip(events, outcomes) {
            results[entry.position] = .object([
                ("id", .string(entry.statement.id)), ("outcome", .string(outcome.duplicate ? "duplicate" : "recorded")),
                ("employee", .string(entry.employee)), ("course", .string(entry.event.course.id)), ("status", .string(entry.statement.status.rawValue)),
                ("at", .string(outcome.at)),
                ("skillsRaised", outcome.skillsRaised.isEmpty ? nil : .array(outcome.skillsRaised.map { .object([("skill", .string($0.skill)), ("from", .int($0.from)), ("to", .int($0.to))]) })),
            ])
        }
        let list = results.map { $0 ?? .null }
        func count(_ outcome: String) -> Int { list.count { $0["outcome"]?.stringValue == outcome } }
        return .object([
            ("results", .array(list)), ("recorded", .int(count("recorded"))), ("duplicate", .int(count("duplicate"))), ("rejected", .int(count("rejected"))),
        ])
    }
}

extension XAPIStatement.Actor: CustomStringConvertible {
    var description: String {
        switch self {
        case .email(let email): "the email '\(email)'"
        case .login(let login): "the login '\(login)'"
        }
    }
}
