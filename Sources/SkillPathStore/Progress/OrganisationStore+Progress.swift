public import SkillPathCore
import SkillPathJSON

extension OrganisationStore {
    /// Records that an employee started or completed a course.
    ///
    /// Idempotent by `eventID`: the same event sent twice (a retry after a lost reply) is recorded once. A
    /// completion raises the employee's skills to what the course teaches (source `course`), records the
    /// completion, and advances every active assignment containing the course, completing those that are done.
    public func recordProgress(
        employee: String, course: Course, status: ProgressStatus, at: String, eventID: String?, source: String
    ) throws -> ProgressOutcome {
        try write { connection in
            try Self.recordProgress(employee: employee, course: course, status: status, at: at, eventID: eventID, source: source, connection: connection)
        }
    }

    /// One progress event of a batch (`recordProgress(_:source:)`).
    public struct ProgressEvent: Sendable {
        public var employee: String
        public var course: Course
        public var status: ProgressStatus
        public var at: String
        public var eventID: String?

        public init(employee: String, course: Course, status: ProgressStatus, at: String, eventID: String?) {
            self.employee = employee
            self.course = course
            self.status = status
            self.at = at
            self.eventID = eventID
        }
    }

    /// A batch of events in one transaction (an LMS's xAPI batch), each as `recordProgress` records it, in
    /// order: an event repeating an earlier one's id in the same batch is a duplicate of it.
    public func recordProgress(_ events: [ProgressEvent], source: String) throws -> [ProgressOutcome] {
        try write { connection in
            try events.map { event in
                try Self.recordProgress(
                    employee: event.employee, course: event.course, status: event.status, at: event.at, eventID: event.eventID, source: source,
                    connection: connection)
            }
        }
    }

    static func recordProgress(
        employee: String, course: Course, status: ProgressStatus, at: String, eventID: String?, source: String, connection: SQLiteConnection
    ) throws -> ProgressOutcome {
        do {
            if let eventID {
                let seen = try connection.prepare("SELECT at FROM progress_events WHERE event_id = ?1").bind(.text(eventID))
                if try seen.step() {
                    return ProgressOutcome(duplicate: true, eventID: eventID, at: seen.text(0), skillsRaised: [], assignments: [])
                }
            }
            guard try Self.record(employee, connection: connection) != nil else { throw DomainError.unknownEmployee(employee) }
            let now = Timestamps.now()
            try connection.prepare("""
                INSERT INTO progress_events (event_id, employee, course, status, at, source, recorded_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                """)
                .bind(eventID.map(SQLiteValue.text), .text(employee), .text(course.id), .text(status.rawValue), .text(at), .text(source), .text(now))
                .run()
            var raised: [ProgressOutcome.RaisedSkill] = []
            let affected = try connection.prepare("""
                SELECT DISTINCT s.assignment FROM assignment_steps s JOIN assignments a ON a.id = s.assignment
                WHERE a.employee = ?1 AND a.status = 'active' AND s.course = ?2 ORDER BY s.assignment
                """).bind(.text(employee), .text(course.id)).rows { $0.int64(0) }
            switch status {
            case .started:
                for assignment in affected {
                    try connection.prepare("UPDATE assignment_steps SET started_at = COALESCE(started_at, ?3) WHERE assignment = ?1 AND course = ?2")
                        .bind(.integer(assignment), .text(course.id), .text(at)).run()
                }
            case .completed:
                try connection.prepare("INSERT OR IGNORE INTO completions (employee, course, completed_at, source) VALUES (?1, ?2, ?3, ?4)")
                    .bind(.text(employee), .text(course.id), .text(at), .text(source)).run()
                for taught in course.teaches {
                    let current = try connection.prepare("SELECT level FROM skill_levels WHERE employee = ?1 AND skill = ?2").bind(.text(employee), .text(taught.skill))
                    let before = try current.step() ? current.int(0) : 0
                    guard before < taught.level else { continue }
                    _ = try Self.setSkill(taught, of: employee, source: .course, at: at, connection: connection)
                    raised.append(ProgressOutcome.RaisedSkill(skill: taught.skill, from: before, to: taught.level))
                }
                for assignment in affected {
                    try connection.prepare("""
                        UPDATE assignment_steps SET completed_at = COALESCE(completed_at, ?3), started_at = COALESCE(started_at, ?3)
                        WHERE assignment = ?1 AND course = ?2
                        """).bind(.integer(assignment), .text(course.id), .text(at)).run()
                    try Self.completeIfDone(assignment, at: now, connection: connection)
                }
            }
            try Self.audit(connection, at: now, actor: source, action: "progress.\(status.rawValue)", subject: employee, detail: .object([
                ("course", .string(course.id)), ("at", .string(at)), ("eventId", eventID.map(JSONValue.string)),
            ]))
            return ProgressOutcome(
                duplicate: false, eventID: eventID, at: at, skillsRaised: raised,
                assignments: try affected.compactMap { try Self.assignment($0, connection: connection) })
        }
    }
}
