public import SkillPathCore
import SkillPathJSON

/// Project gigs taken (issue 21): learning on the job beside one's role. Taking one records a project move
/// and leaves the role alone; its owner's word on how it went adds manager-confirmed evidence.
extension OrganisationStore {
    /// Records that `employee` took a seat of a project opportunity on `date`, inside the write that fills it.
    static func startProject(_ opportunity: OpportunityRecord, employee: String, date: CalendarDate, actor: String, connection: SQLiteConnection) throws -> ProjectMove {
        guard let record = try record(employee, connection: connection) else { throw DomainError.unknownEmployee(employee) }
        if let left = record.leftOn { throw DomainError.conflict("employee '\(employee)' left on \(left)") }
        guard let hours = opportunity.hoursPerWeek, let weeks = opportunity.durationWeeks else {
            throw StoreError(.database, "project opportunity \(opportunity.id) has no hours or duration")
        }
        let taken = try connection.prepare("SELECT id FROM project_moves WHERE opportunity = ?1 AND employee = ?2")
            .bind(.integer(opportunity.id), .text(employee))
        if try taken.step() { throw DomainError.conflict("employee '\(employee)' already took project \(opportunity.id) (project move \(taken.int64(0)))") }
        let now = Timestamps.now()
        let end = date.adding(days: weeks * 7)
        try connection.prepare("""
            INSERT INTO project_moves (employee, opportunity, role, start_date, planned_end, hours_per_week, develops, recorded_by, recorded_at)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
            """)
            .bind(.text(employee), .integer(opportunity.id), .text(record.role), .text(date.description), .text(end.description),
                  .integer(hours.hundredths), .text(skillLevelsText(opportunity.develops)), .text(actor), .text(now))
            .run()
        let id = connection.lastInsertRowID
        try audit(connection, at: now, actor: actor, action: "project.start", subject: employee, detail: .object([
            ("project", .int(id)), ("opportunity", .int(opportunity.id)), ("start", .string(date.description)), ("plannedEnd", .string(end.description)),
            ("hoursPerWeek", hours.json),
        ]))
        guard let started = try projectMove(id, connection: connection) else { throw StoreError(.database, "project move \(id) vanished after insert") }
        return started
    }

    /// Ends a project move with its owner's word: `completed` adds a piece of manager-confirmed evidence for
    /// every skill it develops, at its level (evidence only adds: a higher level held stays), dated `date`;
    /// `stopped` adds none. Refused: a date in the future or before it started, one already finished.
    public func finishProject(
        _ id: Int64, outcome: ProjectMove.Outcome, date: CalendarDate, note: String?, confirmedBy: String, actor: String, today: CalendarDate
    ) throws -> ProjectMove {
        guard date <= today else { throw DomainError.invalidValue(field: "date", message: "is in the future (\(date))") }
        return try write { connection in
            guard let project = try Self.projectMove(id, connection: connection) else { throw DomainError.notVisible(kind: "project move", id: id) }
            if let outcome = project.outcome, let finished = project.finishedOn {
                throw DomainError.conflict("project move \(id) already ended: \(outcome.rawValue) on \(finished)")
            }
            guard date >= project.start else { throw DomainError.invalidValue(field: "date", message: "is before the project began on \(project.start)") }
            let now = Timestamps.now()
            try connection.prepare("UPDATE project_moves SET finished_on = ?2, outcome = ?3, confirmed_by = ?4, note = ?5 WHERE id = ?1")
                .bind(.integer(id), .text(date.description), .text(outcome.rawValue), .text(confirmedBy), note.map(SQLiteValue.text)).run()
            if outcome == .completed {
                let said = "project \(project.opportunity)\(project.title.map { " (\($0))" } ?? ""), confirmed by \(confirmedBy)"
                for developed in project.develops {
                    try Self.insert(
                        StoredSkill(skill: developed.skill, level: developed.level, source: .manager, setAt: "\(date)T00:00:00Z", note: said),
                        of: project.employee, connection: connection)
                }
                // The evidence stated; what it counts for depends on the policy and the person's other evidence.
                try Self.appendEvent(EventDraft(.skillChanged, employee: project.employee, data: .object([
                    ("cause", "project"), ("project", .int(id)),
                    ("skills", .array(project.develops.map { .object([("skill", .string($0.skill)), ("to", .object([("level", .int($0.level)), ("source", "manager")]))]) })),
                ])), at: now, connection: connection)
            }
            try Self.audit(connection, at: now, actor: actor, action: "project.finish", subject: project.employee, detail: .object([
                ("project", .int(id)), ("outcome", .string(outcome.rawValue)), ("date", .string(date.description)), ("note", note.map(JSONValue.string)),
                ("evidence", outcome == .completed ? .array(project.develops.map(\.json)) : nil),
            ]))
            guard let finished = try Self.projectMove(id, connection: connection) else { throw StoreError(.database, "project move \(id) vanished") }
            return finished
        }
    }

    public func projectMove(_ id: Int64) throws(StoreError) -> ProjectMove? {
        try read { connection in try Self.projectMove(id, connection: connection) }
    }

    /// A page of project moves the caller may see, the latest start first: `employee`'s, or everyone's under
    /// `manager`, or one opportunity's; started between `from` and `to` inclusive.
    public func projectMoves(
        visible: Visibility, employee: String?, manager: String?, opportunity: Int64?, from: CalendarDate?, to: CalendarDate?, limit: Int,
        after cursor: MoveCursor?
    ) throws(StoreError) -> (items: [ProjectMove], total: Int, hasMore: Bool) {
        try read { connection in
            var scopes: [String] = []
            var values: [SQLiteValue?] = []
            func bind(_ value: SQLiteValue) -> String {
                values.append(value)
                return "?\(values.count)"
            }
            func subtree(_ root: String) -> String {
                "p.employee IN (WITH RECURSIVE s(id) AS (SELECT \(bind(.text(root))) UNION ALL SELECT e.id FROM s JOIN employees e ON e.manager = s.id) SELECT id FROM s)"
            }
            switch visible {
            case .everyone: break
            case .subtree(let root): scopes.append(subtree(root))
            case .only(let id): scopes.append("p.employee = \(bind(.text(id)))")
            }
            if let employee { scopes.append("p.employee = \(bind(.text(employee)))") }
            if let manager { scopes.append(subtree(manager)) }
            if let opportunity { scopes.append("p.opportunity = \(bind(.integer(opportunity)))") }
            if let from { scopes.append("p.start_date >= \(bind(.text(from.description)))") }
            if let to { scopes.append("p.start_date <= \(bind(.text(to.description)))") }
            let filter = scopes.isEmpty ? "" : "WHERE " + scopes.joined(separator: " AND ")
            let total = try connection.prepare("SELECT count(*) FROM project_moves p \(filter)").bind(values)
            _ = try total.step()
            let count = total.int(0)
            var page = scopes
            if let cursor {
                let date = bind(.text(cursor.date.description))
                page.append("(p.start_date < \(date) OR (p.start_date = \(date) AND p.id < \(bind(.integer(cursor.id)))))")
            }
            let limitValue = bind(.int(limit + 1))
            let items = try connection.prepare("""
                SELECT \(Self.projectColumns) FROM project_moves p JOIN opportunities o ON o.id = p.opportunity
                \(page.isEmpty ? "" : "WHERE " + page.joined(separator: " AND ")) ORDER BY p.start_date DESC, p.id DESC LIMIT \(limitValue)
                """).bind(values).rows(Self.projectMove)
            return (Array(items.prefix(limit)), count, items.count > limit)
        }
    }

    /// Who took a seat of the project opportunity `opportunity`, whatever became of it.
    public func takers(of opportunity: Int64) throws(StoreError) -> Set<String> {
        try read { connection in
            Set(try connection.prepare("SELECT employee FROM project_moves WHERE opportunity = ?1").bind(.integer(opportunity)).rows { $0.text(0) })
        }
    }

    /// The project opportunities `employee` took a seat of, whatever became of them.
    public func projectsTaken(by employee: String) throws(StoreError) -> Set<Int64> {
        try read { connection in
            Set(try connection.prepare("SELECT opportunity FROM project_moves WHERE employee = ?1").bind(.text(employee)).rows { $0.int64(0) })
        }
    }

    /// The weekly hours each of `employees`' project gigs takes, and when: what their shared schedule of
    /// assignments is laid out around (`WeeklyBudget`). Gigs stopped or completed take hours only until then.
    public func gigReservations(of employees: [String]) throws(StoreError) -> [String: [WeeklyBudget.Reservation]] {
        guard !employees.isEmpty else { return [:] }
        return try read { connection in
            var result: [String: [WeeklyBudget.Reservation]] = [:]
            let statement = try connection.prepare("""
                SELECT \(Self.projectColumns) FROM project_moves p JOIN opportunities o ON o.id = p.opportunity
                WHERE p.employee IN (SELECT value FROM json_each(?1)) ORDER BY p.employee, p.start_date, p.id
                """).bind(.text(JSONWriter.string(.strings(employees))))
            for project in try statement.rows(Self.projectMove) { result[project.employee, default: []].append(project.reservation) }
            return result
        }
    }

    /// Stops the project gigs of an employee who left, on the day they left.
    static func stopProjects(ofLeaver employee: String, on date: CalendarDate, actor: String, connection: SQLiteConnection) throws {
        let running = try connection.prepare("SELECT id, start_date FROM project_moves WHERE employee = ?1 AND outcome IS NULL ORDER BY id")
            .bind(.text(employee)).rows { ($0.int64(0), CalendarDate(iso: $0.text(1)) ?? date) }
        for (id, start) in running {
            try connection.prepare("UPDATE project_moves SET finished_on = ?2, outcome = 'stopped', confirmed_by = ?3, note = ?4 WHERE id = ?1")
                .bind(.integer(id), .text(max(start, date).description), .text(actor), .text("the employee left on \(date)")).run()
            try audit(connection, at: Timestamps.now(), actor: actor, action: "project.finish", subject: employee, detail: .object([
                ("project", .int(id)), ("outcome", "stopped"), ("note", .string("the employee left on \(date)")),
            ]))
        }
    }

    // MARK: Reading

    static let projectColumns = """
        p.id, p.employee, p.opportunity, o.title, p.role, p.start_date, p.planned_end, p.hours_per_week, p.develops, p.finished_on, p.outcome,
        p.confirmed_by, p.note, p.recorded_by, p.recorded_at
        """

    static func projectMove(_ row: SQLiteStatement) -> ProjectMove {
        let epoch = CalendarDate(daysSinceEpoch: 0)
        return ProjectMove(
            id: row.int64(0), employee: row.text(1), opportunity: row.int64(2), title: row.optionalText(3), role: row.text(4),
            start: CalendarDate(iso: row.text(5)) ?? epoch, plannedEnd: CalendarDate(iso: row.text(6)) ?? epoch,
            hoursPerWeek: Quantity(hundredths: row.int64(7)), develops: skillLevels(row.text(8)),
            finishedOn: row.optionalText(9).flatMap(CalendarDate.init(iso:)), outcome: row.optionalText(10).flatMap(ProjectMove.Outcome.init(rawValue:)),
            confirmedBy: row.optionalText(11), note: row.optionalText(12), recordedBy: row.text(13), recordedAt: row.text(14))
    }

    static func projectMove(_ id: Int64, connection: SQLiteConnection) throws -> ProjectMove? {
        let statement = try connection.prepare("SELECT \(projectColumns) FROM project_moves p JOIN opportunities o ON o.id = p.opportunity WHERE p.id = ?1")
            .bind(.integer(id))
        return try statement.step() ? projectMove(statement) : nil
    }

    /// Skill levels as stored: JSON pairs `[["sql", 3], …]`.
    static func skillLevelsText(_ levels: [SkillLevel]) -> String {
        JSONWriter.string(.array(levels.map { .array([.string($0.skill), .int($0.level)]) }))
    }

    /// Skill levels as stored; a pair that cannot be read is left out.
    static func skillLevels(_ text: String) -> [SkillLevel] {
        ((try? JSONParser.parse(Array(text.utf8)))?.arrayValue ?? []).compactMap { pair in
            guard let items = pair.arrayValue, items.count == 2, let skill = items[0].stringValue, let level = items[1].intValue else { return nil }
            return SkillLevel(skill: skill, level: level)
        }
    }
}
