import SkillPathCore
import SkillPathJSON
import SkillPathStore

/// `progress.record`: an employee started or completed a course.
enum ProgressRecord {
    static let method = MethodDefinition(
        name: "progress.record", summary: "Record that an employee started or completed a course.",
        description: """
        Idempotent by `eventId`: the same event sent twice is recorded once (the second reply says `duplicate`). A \
        completion raises the employee's skills to what the course teaches (source `course`) and advances every \
        active assignment containing the course. The reply is sent only once the event is on disk. Employees \
        record their own progress; services (the LMS) and administrators anyone's.
        """,
        params: [
            MethodDefinition.Parameter("employee", Schema.string, required: true, "whose progress"),
            MethodDefinition.Parameter("course", Schema.string, required: true, "the course"),
            MethodDefinition.Parameter("status", Schema.enumeration(["started", "completed"]), required: true, "what happened"),
            MethodDefinition.Parameter("at", Schema.dateOrDateTime, "when: YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ (default now)"),
            MethodDefinition.Parameter("eventId", Schema.string, "the sender's id for this event, for safe retries"),
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
        access: .scoped
    ) { context, params in
        let employee = try params.required("employee").string()
        let courseField = try params.required("course")
        let courseID = try courseField.string()
        let statusField = try params.required("status")
        let statusText = try statusField.string()
        guard let status = ProgressStatus(rawValue: statusText) else {
            throw JSONFieldError(path: statusField.path, message: "must be \"started\" or \"completed\", got \"\(statusText)\"")
        }
        var at = Timestamps.now()
        if let field = try params.optional("at") {
            let text = try field.string()
            guard let parsed = Timestamps.parse(text) else {
                throw JSONFieldError(path: field.path, message: "must be YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ, got \"\(text)\"")
            }
            at = parsed
        }
        let eventID = try params.optional("eventId")?.string()
        switch try context.requireKnown() {
        case .admin, .service: break
        case .employee(let id) where id == employee: break
        case .employee, .unknown:
            throw AccessRefusal("self-service-or-admin", "employees record only their own progress; services and administrators anyone's", method: context.method)
        }
        let course = try context.snapshot.catalog.requireCourse(courseID, field: courseField.path)
        let outcome = try context.store.recordProgress(employee: employee, course: course, status: status, at: at, eventID: eventID, source: context.auditActor)
        let today = context.today
        return .object([
            ("recorded", .bool(!outcome.duplicate)), ("duplicate", .bool(outcome.duplicate)), ("eventId", outcome.eventID.map(JSONValue.string)),
            ("employee", .string(employee)), ("course", .string(course.id)), ("status", .string(status.rawValue)), ("at", .string(outcome.at)),
            ("skillsRaised", .array(outcome.skillsRaised.map { .object([("skill", .string($0.skill)), ("from", .int($0.from)), ("to", .int($0.to))]) })),
            ("assignments", .array(outcome.assignments.map { $0.summaryJSON(today: today) })),
        ])
    }
}
