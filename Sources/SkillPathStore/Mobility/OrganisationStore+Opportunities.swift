public import SkillPathCore
import SkillPathJSON

extension OrganisationStore {
    public func createOpportunity(_ new: NewOpportunity, catalog: Catalog, actor: String) throws -> OpportunityRecord {
        guard catalog.role(new.role) != nil else { throw DomainError.unknownRole(new.role, field: "role") }
        for (position, developed) in new.develops.enumerated() {
            _ = try catalog.requireSkill(developed.skill, field: "develops[\(position)].skill")
        }
        return try write { connection in
            if let manager = new.manager, try Self.record(manager, connection: connection) == nil { throw DomainError.unknownEmployee(manager) }
            let now = Timestamps.now()
            try connection.prepare("""
                INSERT INTO opportunities (role, title, manager, kind, headcount, opens, closes, duration_weeks, status, created_by, created_at, hours_per_week, develops,
                                           external_cost, external_currency, external_days)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 'open', ?9, ?10, ?11, ?12, ?13, ?14, ?15)
                """)
                .bind(.text(new.role), new.title.map(SQLiteValue.text), new.manager.map(SQLiteValue.text), .text(new.kind.rawValue),
                      .int(new.headcount), .text(new.opens.description), new.closes.map { .text($0.description) },
                      new.durationWeeks.map(SQLiteValue.int), .text(actor), .text(now), new.hoursPerWeek.map { .integer($0.hundredths) },
                      new.kind == .project ? .text(Self.skillLevelsText(new.develops)) : nil,
                      new.externalCost.map { .integer($0.amount.hundredths) }, new.externalCost.map { .text($0.currency) },
                      new.externalDaysToFill.map(SQLiteValue.int))
                .run()
            let id = connection.lastInsertRowID
            try Self.audit(connection, at: now, actor: actor, action: "opportunity.create", subject: "opportunity \(id)", detail: .object([
                ("role", .string(new.role)), ("kind", .string(new.kind.rawValue)), ("headcount", .int(new.headcount)),
                ("hoursPerWeek", new.hoursPerWeek?.json), ("develops", new.kind == .project ? .array(new.develops.map(\.json)) : nil),
                ("externalCost", new.externalCost?.json), ("externalDaysToFill", new.externalDaysToFill.map(JSONValue.int)),
            ]))
            try Self.appendEvent(EventDraft(.opportunityOpened, employee: nil, data: .object([
                ("opportunity", .int(id)), ("role", .string(new.role)), ("title", new.title.map(JSONValue.string)), ("kind", .string(new.kind.rawValue)),
                ("manager", new.manager.map(JSONValue.string)), ("headcount", .int(new.headcount)), ("opens", .string(new.opens.description)),
                ("closes", new.closes.map { .string($0.description) }),
            ])), at: now, connection: connection)
            guard let created = try Self.opportunity(id, connection: connection) else { throw StoreError(.database, "opportunity \(id) vanished after insert") }
            return created
        }
    }

    public func opportunity(_ id: Int64) throws(StoreError) -> OpportunityRecord? {
        try read { connection in try Self.opportunity(id, connection: connection) }
    }

    /// Opportunities by status (all when nil), role and kind, oldest id first, after `cursor`.
    public func opportunities(status: OpportunityRecord.Status?, role: String?, kind: OpportunityRecord.Kind?, limit: Int, after cursor: Int64?) throws(StoreError) -> (items: [OpportunityRecord], total: Int, hasMore: Bool) {
        try read { connection in
            var conditions: [String] = []
            var values: [SQLiteValue?] = []
            for (column, value) in [("status", status?.rawValue), ("role", role), ("kind", kind?.rawValue)] {
                guard let value else { continue }
                values.append(.text(value))
                conditions.append("\(column) = ?\(values.count)")
            }
            let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
            let total = try connection.prepare("SELECT count(*) FROM opportunities \(filter)").bind(values)
            _ = try total.step()
            let count = total.int(0)
            if let cursor {
                values.append(.integer(cursor))
                conditions.append("id > ?\(values.count)")
            }
            values.append(.int(limit + 1))
            let ids = try connection.prepare("""
                SELECT id FROM opportunities \(conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")) ORDER BY id LIMIT ?\(values.count)
                """).bind(values).rows { $0.int64(0) }
            let items = try ids.prefix(limit).compactMap { try Self.opportunity($0, connection: connection) }
            return (items, count, ids.count > limit)
        }
    }

    /// Fills one seat of an open opportunity (by an employee, which records their move, or from outside),
    /// or withdraws it. The opportunity is `filled` once every seat is, `closed` when withdrawn.
    public func closeOpportunity(
        _ id: Int64, _ closing: OpportunityClosing, date: CalendarDate, catalog: Catalog, actor: String, today: CalendarDate
    ) throws -> (opportunity: OpportunityRecord, move: MoveRecord?, project: ProjectMove?) {
        guard date <= today else { throw DomainError.invalidValue(field: "date", message: "is in the future (\(date))") }
        return try write { connection in
            let taken = try Self.close(id, closing, date: date, catalog: catalog, actor: actor, connection: connection)
            guard let updated = try Self.opportunity(id, connection: connection) else { throw StoreError(.database, "opportunity \(id) vanished") }
            return (updated, taken.move, taken.project)
        }
    }

    /// What filling a seat recorded: a move of role, or (for a project) a project move; neither for an
    /// external hire or a withdrawal.
    typealias SeatTaken = (move: MoveRecord?, project: ProjectMove?)

    /// `closeOpportunity` inside a write: fills a seat or withdraws the opportunity; once it is no longer open,
    /// the applications still waiting for a decision are closed, saying why.
    static func close(
        _ id: Int64, _ closing: OpportunityClosing, date: CalendarDate, catalog: Catalog, actor: String, connection: SQLiteConnection
    ) throws -> SeatTaken {
        guard let opportunity = try Self.opportunity(id, connection: connection) else { throw DomainError.unknownOpportunity(id) }
        guard opportunity.status == .open else { throw DomainError.conflict("opportunity \(id) is \(opportunity.status.rawValue) and can no longer change") }
        guard date >= opportunity.opens else {
            throw DomainError.invalidValue(field: "date", message: "is before the opportunity opened on \(opportunity.opens)")
        }
        var move: MoveRecord?
        var project: ProjectMove?
        var ended: String?
        switch closing {
        case .withdrawn:
            try connection.prepare("UPDATE opportunities SET status = 'closed', closed_on = ?2 WHERE id = ?1").bind(.integer(id), .text(date.description)).run()
            try Self.audit(connection, at: Timestamps.now(), actor: actor, action: "opportunity.close", subject: "opportunity \(id)", detail: .object([("status", "closed")]))
            try appendEvent(EventDraft(.opportunityClosed, employee: nil, data: .object([
                ("opportunity", .int(id)), ("role", .string(opportunity.role)), ("kind", .string(opportunity.kind.rawValue)), ("status", "closed"),
                ("date", .string(date.description)),
            ])), at: Timestamps.now(), connection: connection)
            ended = "the opportunity was withdrawn"
        case .filledBy, .filledExternally:
            var employee: String?
            if case .filledBy(let who) = closing {
                employee = who
                if opportunity.kind == .project {
                    project = try Self.startProject(opportunity, employee: who, date: date, actor: actor, connection: connection)
                } else {
                    move = try Self.moveForFill(opportunity, employee: who, date: date, catalog: catalog, actor: actor, connection: connection)
                }
                try acceptOpenApplication(of: who, to: id, actor: actor, connection: connection)
            }
            let seat = opportunity.fills.count + 1
            try connection.prepare("INSERT INTO opportunity_fills (opportunity, seat, employee, external, date, move, project) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
                .bind(.integer(id), .int(seat), employee.map(SQLiteValue.text), .int(employee == nil ? 1 : 0), .text(date.description),
                      move.map { .integer($0.id) }, project.map { .integer($0.id) })
                .run()
            if seat >= opportunity.headcount {
                try connection.prepare("UPDATE opportunities SET status = 'filled', closed_on = ?2 WHERE id = ?1").bind(.integer(id), .text(date.description)).run()
                ended = "every seat of the opportunity is filled"
            }
            try Self.audit(connection, at: Timestamps.now(), actor: actor, action: "opportunity.fill", subject: "opportunity \(id)", detail: .object([
                ("seat", .int(seat)), ("employee", employee.map(JSONValue.string)), ("external", .bool(employee == nil)),
            ]))
            // The market is open, so is who filled a seat: the same as opportunities.list shows in `fills`.
            try appendEvent(EventDraft(.opportunityFilled, employee: nil, data: .object([
                ("opportunity", .int(id)), ("role", .string(opportunity.role)), ("kind", .string(opportunity.kind.rawValue)), ("seat", .int(seat)),
                ("employee", employee.map(JSONValue.string)), ("external", .bool(employee == nil)), ("date", .string(date.description)),
                ("status", .string(seat >= opportunity.headcount ? "filled" : "open")),
            ])), at: Timestamps.now(), connection: connection)
        }
        if let ended { try closeOpenApplications(of: id, because: ended, actor: actor, connection: connection) }
        return (move, project)
    }

    /// The move that filling a seat means: to the opportunity's role, as a secondment (ending after its
    /// duration) or a permanent move of the kind the catalog gives.
    private static func moveForFill(_ opportunity: OpportunityRecord, employee: String, date: CalendarDate, catalog: Catalog, actor: String, connection: SQLiteConnection) throws -> MoveRecord {
        guard let record = try record(employee, connection: connection) else { throw DomainError.unknownEmployee(employee) }
        if let left = record.leftOn { throw DomainError.conflict("employee '\(employee)' left on \(left)") }
        guard record.role != opportunity.role else { throw DomainError.conflict("employee '\(employee)' already holds role '\(opportunity.role)'") }
        try checkChronology(of: employee, date: date, field: "date", connection: connection)
        let kind: MoveKind
        var endDate: CalendarDate?
        switch opportunity.kind {
        case .secondment:
            kind = MoveKind(kind: .secondment, origin: .given)
            endDate = opportunity.durationWeeks.map { date.adding(days: $0 * 7) }
        case .position, .project:
            // A project never comes here (`startProject` takes it): it changes nobody's role.
            kind = MoveKind.permanent(from: record.role, to: opportunity.role, catalog: catalog)
        }
        let move = try insertMove(
            employee: employee, from: record.role, to: opportunity.role, kind: kind, date: date, endDate: endDate, ends: nil,
            opportunity: opportunity.id, source: "opportunity", actor: actor, connection: connection)
        try setRole(opportunity.role, of: employee, connection: connection)
        return move
    }

    static func opportunity(_ id: Int64, connection: SQLiteConnection) throws -> OpportunityRecord? {
        let statement = try connection.prepare("""
            SELECT id, role, title, manager, kind, headcount, opens, closes, duration_weeks, status, created_by, created_at, closed_on,
                   hours_per_week, develops, external_cost, external_currency, external_days
            FROM opportunities WHERE id = ?1
            """).bind(.integer(id))
        guard try statement.step() else { return nil }
        let fills = try connection.prepare("SELECT seat, employee, external, date, move, project FROM opportunity_fills WHERE opportunity = ?1 ORDER BY seat")
            .bind(.integer(id))
            .rows { row in
                OpportunityRecord.Fill(
                    seat: row.int(0), employee: row.optionalText(1), external: row.int(2) == 1,
                    date: CalendarDate(iso: row.text(3)) ?? CalendarDate(daysSinceEpoch: 0), move: row.isNull(4) ? nil : row.int64(4),
                    project: row.isNull(5) ? nil : row.int64(5))
            }
        var record = OpportunityRecord(
            id: statement.int64(0), role: statement.text(1), title: statement.optionalText(2), manager: statement.optionalText(3),
            kind: OpportunityRecord.Kind(rawValue: statement.text(4)) ?? .position, headcount: statement.int(5),
            opens: CalendarDate(iso: statement.text(6)) ?? CalendarDate(daysSinceEpoch: 0), closes: statement.optionalText(7).flatMap(CalendarDate.init(iso:)),
            durationWeeks: statement.isNull(8) ? nil : statement.int(8),
            hoursPerWeek: statement.isNull(13) ? nil : Quantity(hundredths: statement.int64(13)),
            develops: statement.optionalText(14).map(Self.skillLevels) ?? [], status: OpportunityRecord.Status(rawValue: statement.text(9)) ?? .open,
            createdBy: statement.text(10), createdAt: statement.text(11), closedOn: statement.optionalText(12).flatMap(CalendarDate.init(iso:)),
            fills: fills)
        if !statement.isNull(15), let currency = statement.optionalText(16) {
            record.externalCost = Money(amount: Quantity(hundredths: statement.int64(15)), currency: currency)
        }
        record.externalDaysToFill = statement.isNull(17) ? nil : statement.int(17)
        return record
    }
}

extension OrganisationStore {
    /// Every open opportunity, for suggestions (the market is small next to the catalog).
    public func allOpenOpportunities() throws(StoreError) -> [OpportunityRecord] {
        var all: [OpportunityRecord] = []
        var cursor: Int64?
        while true {
            let page = try opportunities(status: .open, role: nil, kind: nil, limit: 1000, after: cursor)
            all += page.items
            guard page.hasMore, let last = page.items.last else { return all }
            cursor = last.id
        }
    }
}
