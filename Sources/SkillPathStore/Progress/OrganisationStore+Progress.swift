public import SkillPathCore
import SkillPathJSON

extension OrganisationStore {
    /// One progress event: an employee started or completed a course.
    public struct ProgressEvent: Sendable {
        public var employee: String
        public var course: Course
        public var status: ProgressStatus
        /// When it happened, as the store keeps moments.
        public var at: String
        /// The moment the sender gave, if it gave one (`at` is then the same): what a retry is compared on.
        public var givenAt: String?
        public var eventID: String?

        public init(employee: String, course: Course, status: ProgressStatus, at: String, givenAt: String?, eventID: String?) {
            self.employee = employee
            self.course = course
            self.status = status
            self.at = at
            self.givenAt = givenAt
            self.eventID = eventID
        }
    }

    /// Who sent events, and how far their word goes.
    public struct ProgressSender: Sendable {
        /// Whose ids these are: the caller's login, for every event it sends (a service acting for an employee
        /// included). Event ids are unique per scope, so one sender's ids never shadow another's.
        public var scope: String
        /// Who is written in the audit trail and the completion's source.
        public var actor: String
        /// The evidence a completion gives: `course` when the LMS (a service) or an administrator reports it,
        /// `self` when the employee does, until a manager, an assessment or the LMS confirms it.
        public var trust: SkillSource

        public init(scope: String, actor: String, trust: SkillSource) {
            self.scope = scope
            self.actor = actor
            self.trust = trust
        }
    }

    /// Records one event (`recordProgress(_:from:evidence:)`), throwing a conflict when its id was used by
    /// this sender for another event.
    public func recordProgress(_ event: ProgressEvent, from sender: ProgressSender, evidence: SkillEvidence) throws -> ProgressOutcome {
        try write { connection in try Self.record(event, from: sender, evidence: evidence, connection: connection) }
    }

    /// A batch of events in one transaction (an LMS's xAPI batch), in order: an event repeating an earlier
    /// one's id in the same batch is a duplicate of it, or, with other content, a conflict for that event alone.
    public func recordProgress(_ events: [ProgressEvent], from sender: ProgressSender, evidence: SkillEvidence) throws -> [Result<ProgressOutcome, DomainError>] {
        try write { connection in
            try events.map { event in
                do {
                    return .success(try Self.record(event, from: sender, evidence: evidence, connection: connection))
                } catch let error as DomainError {
                    return .failure(error)
                }
            }
        }
    }

    /// Idempotent by event id within the sender's scope: the same event sent again (the same employee,
    /// course, status and, when both gave one, moment) is a duplicate and changes nothing; other content under
    /// the same id is a conflict, refused. A completion records the course as done and adds the evidence it
    /// gives (`addCompletion`): a course taken without its entry requirements is flagged and counts as the
    /// employee's own word. Every active assignment containing the course advances.
    static func record(_ event: ProgressEvent, from sender: ProgressSender, evidence: SkillEvidence, connection: SQLiteConnection) throws -> ProgressOutcome {
        if let eventID = event.eventID, let earlier = try recorded(eventID, scope: sender.scope, connection: connection) {
            guard earlier.matches(event) else { throw DomainError.eventConflict(eventID, first: earlier.description) }
            return ProgressOutcome(duplicate: true, eventID: eventID, at: earlier.at, skillsRaised: [], assignments: [])
        }
        guard try Self.record(event.employee, connection: connection) != nil else { throw DomainError.unknownEmployee(event.employee) }
        let now = Timestamps.now()
        try connection.prepare("""
            INSERT INTO progress_events (scope, event_id, employee, course, status, at, given_at, source, recorded_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
            """)
            .bind(.text(sender.scope), event.eventID.map(SQLiteValue.text), .text(event.employee), .text(event.course.id), .text(event.status.rawValue),
                  .text(event.at), event.givenAt.map(SQLiteValue.text), .text(sender.actor), .text(now))
            .run()
        let skills = event.course.teaches.map(\.skill)
        let before = try standings(of: event.employee, skills: skills, evidence: evidence, connection: connection)
        var note: String?
        if event.status == .completed {
            note = try completionNote(event, sender: sender, evidence: evidence, connection: connection)
            try connection.prepare("INSERT OR IGNORE INTO completions (employee, course, completed_at, source) VALUES (?1, ?2, ?3, ?4)")
                .bind(.text(event.employee), .text(event.course.id), .text(event.at), .text(sender.actor)).run()
            try addCompletion(of: event.course, by: event.employee, source: note == nil ? sender.trust : .selfRated, at: event.at, note: note, connection: connection)
        }
        let affected = try advanceAssignments(event, now: now, connection: connection)
        let after = try standings(of: event.employee, skills: skills, evidence: evidence, connection: connection)
        let changes = skillChanges(before: before, after: after)
        try audit(connection, at: now, actor: sender.actor, action: "progress.\(event.status.rawValue)", subject: event.employee, detail: .object([
            ("course", .string(event.course.id)), ("at", .string(event.at)), ("eventId", event.eventID.map(JSONValue.string)),
            ("evidence", note.map(JSONValue.string)),
            ("changed", changes.isEmpty ? nil : .object(JSONObject(changes.map { JSONMember($0.field, .object([("from", $0.from), ("to", $0.to)])) }))),
        ]))
        try appendEvent(EventDraft(.progressRecorded, employee: event.employee, data: .object([
            ("course", .string(event.course.id)), ("status", .string(event.status.rawValue)), ("at", .string(event.at)),
            ("eventId", event.eventID.map(JSONValue.string)), ("assignments", .array(affected.map(JSONValue.int))),
        ])), at: now, connection: connection)
        try skillChanged(event.employee, changes, cause: "progress", at: now, connection: connection)
        let raised = skills.compactMap { skill -> ProgressOutcome.RaisedSkill? in
            let (from, to) = (before[skill]?.level ?? 0, after[skill]?.level ?? 0)
            return to > from ? ProgressOutcome.RaisedSkill(skill: skill, from: from, to: to) : nil
        }
        return ProgressOutcome(
            duplicate: false, eventID: event.eventID, at: event.at, skillsRaised: raised, note: note,
            assignments: try affected.compactMap { try Self.assignment($0, connection: connection) })
    }

    /// Why a completion counts for less than the course teaches, or nil when it counts in full: the course's
    /// entry requirements the employee did not hold ("completed without statistics 3"), or that the employee
    /// reported it themself.
    static func completionNote(_ event: ProgressEvent, sender: ProgressSender, evidence: SkillEvidence, connection: SQLiteConnection) throws -> String? {
        let held = try standings(of: event.employee, skills: event.course.requires.map(\.skill), evidence: evidence, connection: connection)
        let missing = event.course.requires.filter { (held[$0.skill]?.level ?? 0) < $0.level }
        if !missing.isEmpty {
            return "completed without " + missing.map { "\($0.skill) \($0.level)" }.joined(separator: ", ")
        }
        return sender.trust == .selfRated ? "reported by the employee, not yet confirmed by the LMS, a manager or an assessment" : nil
    }

    /// Marks the course started or done in every active assignment containing it; returns those assignments.
    static func advanceAssignments(_ event: ProgressEvent, now: String, connection: SQLiteConnection) throws -> [Int64] {
        let affected = try connection.prepare("""
            SELECT DISTINCT s.assignment FROM assignment_steps s JOIN assignments a ON a.id = s.assignment
            WHERE a.employee = ?1 AND a.status = 'active' AND s.course = ?2 ORDER BY s.assignment
            """).bind(.text(event.employee), .text(event.course.id)).rows { $0.int64(0) }
        for assignment in affected {
            switch event.status {
            case .started:
                try connection.prepare("UPDATE assignment_steps SET started_at = COALESCE(started_at, ?3) WHERE assignment = ?1 AND course = ?2")
                    .bind(.integer(assignment), .text(event.course.id), .text(event.at)).run()
            case .completed:
                try connection.prepare("""
                    UPDATE assignment_steps SET completed_at = COALESCE(completed_at, ?3), started_at = COALESCE(started_at, ?3)
                    WHERE assignment = ?1 AND course = ?2
                    """).bind(.integer(assignment), .text(event.course.id), .text(event.at)).run()
                try Self.completeIfDone(assignment, at: now, connection: connection)
            }
        }
        return affected
    }

    /// An event already recorded under an id, as its sender sent it.
    struct RecordedEvent {
        var employee: String
        var course: String
        var status: String
        var at: String
        var givenAt: String?

        /// The same event again: the same employee, course and status, and, when the retry names a moment,
        /// the moment recorded. A retry may leave the moment out; naming another one is other content.
        func matches(_ event: ProgressEvent) -> Bool {
            employee == event.employee && course == event.course.id && status == event.status.rawValue && (event.givenAt == nil || event.at == at)
        }

        var description: String { "\(employee)'s \(status == "completed" ? "completion" : "start") of \(course) at \(at)" }
    }

    static func recorded(_ eventID: String, scope: String, connection: SQLiteConnection) throws -> RecordedEvent? {
        let seen = try connection.prepare("SELECT employee, course, status, at, given_at FROM progress_events WHERE scope = ?1 AND event_id = ?2")
            .bind(.text(scope), .text(eventID))
        guard try seen.step() else { return nil }
        return RecordedEvent(employee: seen.text(0), course: seen.text(1), status: seen.text(2), at: seen.text(3), givenAt: seen.optionalText(4))
    }
}
