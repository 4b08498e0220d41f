public import SkillPathCore
import SkillPathJSON

extension OrganisationStore {
    /// Records a move and changes the employee's role, in one write. The kind is resolved against the
    /// catalog (`MoveKind`). Refused: an unknown employee or role, a move to the role the employee holds, a
    /// date in the future or before the employee's last move, an end date on anything but a secondment.
    /// A secondment still running is ended by this move (`superseded`).
    public func recordMove(_ move: NewMove, catalog: Catalog, actor: String, today: CalendarDate) throws -> MoveRecord {
        guard catalog.role(move.toRole) != nil else { throw DomainError.unknownRole(move.toRole, field: "toRole") }
        guard move.date <= today else {
            throw DomainError.invalidValue(field: "date", message: "is in the future (\(move.date)); record a move on the day it takes effect")
        }
        return try write { connection in
            guard let employee = try Self.record(move.employee, connection: connection) else { throw DomainError.unknownEmployee(move.employee) }
            if let left = employee.leftOn { throw DomainError.conflict("employee '\(move.employee)' left on \(left); a move cannot be recorded") }
            guard employee.role != move.toRole else {
                throw DomainError.conflict("employee '\(move.employee)' already holds role '\(move.toRole)'")
            }
            try Self.checkChronology(of: move.employee, date: move.date, field: "date", connection: connection)
            let kind = MoveKind.resolve(from: employee.role, to: move.toRole, given: move.kind, catalog: catalog)
            if let end = move.endDate {
                guard kind.kind == .secondment else {
                    throw DomainError.invalidValue(field: "endDate", message: "is for secondments only, and this move is a \(kind.kind.rawValue) (\(kind.origin == .transition ? "the catalog's transition" : "as given"))")
                }
                guard end > move.date else { throw DomainError.invalidValue(field: "endDate", message: "must be after the move's date \(move.date), got \(end)") }
            }
            let recorded = try Self.insertMove(
                employee: move.employee, from: employee.role, to: move.toRole, kind: kind, date: move.date, endDate: move.endDate,
                ends: nil, opportunity: move.opportunity, source: move.source, actor: actor, connection: connection)
            try Self.setRole(move.toRole, of: move.employee, connection: connection)
            return recorded
        }
    }

    /// Ends a running secondment: the employee returns to the home role, or the secondment becomes a
    /// permanent move (`converted`, a move from the home role of the kind a non-secondment transition gives,
    /// else lateral). Both the secondment and the move that ends it are kept.
    public func endSecondment(_ id: Int64, outcome: MoveRecord.Outcome, date: CalendarDate, catalog: Catalog, actor: String, today: CalendarDate) throws -> (secondment: MoveRecord, ending: MoveRecord) {
        guard outcome != .superseded else { throw DomainError.invalidValue(field: "outcome", message: "must be return or convert") }
        guard date <= today else { throw DomainError.invalidValue(field: "date", message: "is in the future (\(date))") }
        return try write { connection in
            guard let secondment = try Self.move(id, connection: connection) else { throw DomainError.unknownMove(id) }
            guard secondment.kind == .secondment else { throw DomainError.conflict("move \(id) is a \(secondment.kind.rawValue), not a secondment") }
            if let endedBy = secondment.endedBy {
                throw DomainError.conflict("secondment \(id) already ended (\(secondment.outcome?.rawValue ?? "ended") by move \(endedBy))")
            }
            guard date >= secondment.date else {
                throw DomainError.invalidValue(field: "date", message: "is before the secondment began on \(secondment.date)")
            }
            let ending = try Self.endSecondment(secondment, outcome: outcome, date: date, catalog: catalog, actor: actor, connection: connection)
            return (try Self.move(id, connection: connection) ?? secondment, ending)
        }
    }

    /// Returns every secondee whose secondment's planned end date has come, dated that day. Run at start,
    /// periodically, and before anything that reads moves, so the history is right whenever it is read.
    @discardableResult
    public func endDueSecondments(today: CalendarDate, catalog: Catalog) throws -> [MoveRecord] {
        let due = try read { connection in
            try connection.prepare("""
                SELECT \(Self.moveColumns) FROM moves WHERE kind = 'secondment' AND ended_by IS NULL AND end_date <= ?1 ORDER BY end_date, id
                """).bind(.text(today.description)).rows(Self.moveRecord)
        }
        guard !due.isEmpty else { return [] }
        return try write { connection in
            var returns: [MoveRecord] = []
            for candidate in due {
                // Read again inside the write: a request may have ended it meanwhile.
                guard let secondment = try Self.move(candidate.id, connection: connection), secondment.endedBy == nil, let end = secondment.endDate else { continue }
                returns.append(try Self.endSecondment(secondment, outcome: .returned, date: end, catalog: catalog, actor: "skillpathd", connection: connection))
            }
            return returns
        }
    }

    /// One move; nil when there is none.
    public func move(_ id: Int64) throws(StoreError) -> MoveRecord? {
        try read { connection in try Self.move(id, connection: connection) }
    }

    /// A page of moves the caller may see, newest first: `employee`'s, or everyone's under `manager`,
    /// between `from` and `to` inclusive. The cursor is the last move of the previous page.
    public func moves(
        visible: Visibility, employee: String?, manager: String?, from: CalendarDate?, to: CalendarDate?, limit: Int, after cursor: MoveCursor?
    ) throws(StoreError) -> (items: [MoveRecord], total: Int, hasMore: Bool) {
        try read { connection in
            var scopes: [String] = []
            var values: [SQLiteValue?] = []
            func subtree(_ root: String) -> String {
                values.append(.text(root))
                return """
                    employee IN (WITH RECURSIVE s(id) AS (SELECT ?\(values.count) UNION ALL SELECT e.id FROM s JOIN employees e ON e.manager = s.id) SELECT id FROM s)
                    """
            }
            switch visible {
            case .everyone: break
            case .subtree(let root): scopes.append(subtree(root))
            case .only(let id):
                values.append(.text(id))
                scopes.append("employee = ?\(values.count)")
            }
            if let employee {
                values.append(.text(employee))
                scopes.append("employee = ?\(values.count)")
            }
            if let manager { scopes.append(subtree(manager)) }
            if let from {
                values.append(.text(from.description))
                scopes.append("date >= ?\(values.count)")
            }
            if let to {
                values.append(.text(to.description))
                scopes.append("date <= ?\(values.count)")
            }
            let filter = scopes.isEmpty ? "" : "WHERE " + scopes.joined(separator: " AND ")
            let total = try connection.prepare("SELECT count(*) FROM moves \(filter)").bind(values)
            _ = try total.step()
            let count = total.int(0)
            var page = scopes
            if let cursor {
                values.append(.text(cursor.date.description))
                values.append(.integer(cursor.id))
                page.append("(date < ?\(values.count - 1) OR (date = ?\(values.count - 1) AND id < ?\(values.count)))")
            }
            values.append(.int(limit + 1))
            let items = try connection.prepare("""
                SELECT \(Self.moveColumns) FROM moves \(page.isEmpty ? "" : "WHERE " + page.joined(separator: " AND ")) ORDER BY date DESC, id DESC LIMIT ?\(values.count)
                """).bind(values).rows(Self.moveRecord)
            return (Array(items.prefix(limit)), count, items.count > limit)
        }
    }

    // MARK: Shared by the writes that move people

    static let moveColumns = """
        id, employee, from_role, to_role, kind, kind_from, date, end_date, ends, ended_by, outcome, opportunity, source, recorded_by, recorded_at
        """

    static func moveRecord(_ row: SQLiteStatement) -> MoveRecord {
        MoveRecord(
            id: row.int64(0), employee: row.text(1), fromRole: row.text(2), toRole: row.text(3),
            kind: Transition.Kind(rawValue: row.text(4)) ?? .lateral, kindFrom: MoveKind.Origin(rawValue: row.text(5)) ?? .default,
            date: CalendarDate(iso: row.text(6)) ?? CalendarDate(daysSinceEpoch: 0), endDate: row.optionalText(7).flatMap(CalendarDate.init(iso:)),
            ends: row.isNull(8) ? nil : row.int64(8), endedBy: row.isNull(9) ? nil : row.int64(9),
            outcome: row.optionalText(10).flatMap(MoveRecord.Outcome.init(rawValue:)), opportunity: row.isNull(11) ? nil : row.int64(11),
            source: row.text(12), recordedBy: row.text(13), recordedAt: row.text(14))
    }

    static func move(_ id: Int64, connection: SQLiteConnection) throws -> MoveRecord? {
        let statement = try connection.prepare("SELECT \(moveColumns) FROM moves WHERE id = ?1").bind(.integer(id))
        return try statement.step() ? moveRecord(statement) : nil
    }

    /// Moves are kept in the order they happened: a new one may not be dated before the employee's last.
    static func checkChronology(of employee: String, date: CalendarDate, field: String, connection: SQLiteConnection) throws {
        let last = try connection.prepare("SELECT max(date) FROM moves WHERE employee = ?1").bind(.text(employee))
        guard try last.step(), let latest = last.optionalText(0).flatMap(CalendarDate.init(iso:)), date < latest else { return }
        throw DomainError.invalidValue(field: field, message: "is \(date), before the employee's last move on \(latest); moves are recorded in the order they happen")
    }

    /// Inserts a move; a secondment the employee is still on is ended by it (`superseded`), unless this
    /// move is that secondment's own end.
    static func insertMove(
        employee: String, from: String, to: String, kind: MoveKind, date: CalendarDate, endDate: CalendarDate?, ends: Int64?,
        opportunity: Int64?, source: String, actor: String, connection: SQLiteConnection
    ) throws -> MoveRecord {
        let now = Timestamps.now()
        try connection.prepare("""
            INSERT INTO moves (employee, from_role, to_role, kind, kind_from, date, end_date, ends, opportunity, source, recorded_by, recorded_at)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)
            """)
            .bind(.text(employee), .text(from), .text(to), .text(kind.kind.rawValue), .text(kind.origin.rawValue), .text(date.description),
                  endDate.map { .text($0.description) }, ends.map(SQLiteValue.integer), opportunity.map(SQLiteValue.integer), .text(source),
                  .text(actor), .text(now))
            .run()
        let id = connection.lastInsertRowID
        if ends == nil {
            let superseded = try connection.prepare("""
                UPDATE moves SET ended_by = ?1, outcome = 'superseded'
                WHERE employee = ?2 AND kind = 'secondment' AND ended_by IS NULL AND id <> ?1
                """).bind(.integer(id), .text(employee))
            try superseded.run()
        }
        try audit(connection, at: now, actor: actor, action: "move.record", subject: employee, detail: .object([
            ("move", .int(id)), ("from", .string(from)), ("to", .string(to)), ("kind", .string(kind.kind.rawValue)),
            ("date", .string(date.description)), ("endDate", endDate.map { .string($0.description) }), ("source", .string(source)),
        ]))
        try appendEvent(EventDraft(.moveRecorded, employee: employee, data: .object([
            ("move", .int(id)), ("from", .string(from)), ("to", .string(to)), ("kind", .string(kind.kind.rawValue)), ("date", .string(date.description)),
            ("endDate", endDate.map { .string($0.description) }), ("ends", ends.map(JSONValue.int)), ("opportunity", opportunity.map(JSONValue.int)),
            ("source", .string(source)),
        ])), at: now, connection: connection)
        try closeAssignments(of: employee, reaching: to, move: id, at: now, actor: actor, connection: connection)
        guard let recorded = try move(id, connection: connection) else { throw StoreError(.database, "move \(id) vanished after insert") }
        return recorded
    }

    /// The employee now holds `role`: their open assignments to it are done, closed as `role-reached`.
    static func closeAssignments(of employee: String, reaching role: String, move: Int64, at now: String, actor: String, connection: SQLiteConnection) throws {
        let open = try connection.prepare("SELECT id FROM assignments WHERE employee = ?1 AND target_role = ?2 AND status = 'active' ORDER BY id")
            .bind(.text(employee), .text(role)).rows { $0.int64(0) }
        for id in open {
            try closeAssignment(
                id, of: employee, to: role, as: .completed, reason: AssignmentRecord.roleReached, because: ("move", .int(move)), move: move,
                at: now, actor: actor, connection: connection)
        }
    }

    /// The employee left: their active assignments are cancelled, closed as `left`, so that no team report,
    /// verdict or reminder goes on counting a path nobody is on.
    static func closeAssignments(ofLeaver employee: String, on date: CalendarDate, at now: String, actor: String, connection: SQLiteConnection) throws {
        let open = try connection.prepare("SELECT id, target_role FROM assignments WHERE employee = ?1 AND status = 'active' ORDER BY id")
            .bind(.text(employee)).rows { ($0.int64(0), $0.text(1)) }
        for (id, role) in open {
            try closeAssignment(
                id, of: employee, to: role, as: .cancelled, reason: AssignmentRecord.employeeLeft, because: ("leftOn", .string(date.description)), move: nil,
                at: now, actor: actor, connection: connection)
        }
    }

    /// Closes one active assignment for a `reason` other than its courses: its status and reason, the audit
    /// entry (with what caused it), and the `assignment.changed` event (naming the move, when a move did).
    private static func closeAssignment(
        _ id: Int64, of employee: String, to role: String, as status: AssignmentRecord.Status, reason: String, because cause: (String, JSONValue),
        move: Int64?, at now: String, actor: String, connection: SQLiteConnection
    ) throws {
        try connection.prepare("UPDATE assignments SET status = ?2, closed_reason = ?3, updated_at = ?4 WHERE id = ?1")
            .bind(.integer(id), .text(status.rawValue), .text(reason), .text(now)).run()
        try audit(connection, at: now, actor: actor, action: "assignment.close", subject: employee, detail: .object([
            ("assignment", .int(id)), ("reason", .string(reason)), (cause.0, cause.1),
            ("changed", .object([("status", .object([("from", "active"), ("to", .string(status.rawValue))]))])),
        ]))
        try appendEvent(EventDraft(.assignmentChanged, employee: employee, data: .object([
            ("assignment", .int(id)), ("targetRole", .string(role)), ("change", .string(reason)), ("status", .string(status.rawValue)),
            ("move", move.map(JSONValue.int)),
        ])), at: now, connection: connection)
    }

    static func setRole(_ role: String, of employee: String, connection: SQLiteConnection) throws {
        try connection.prepare("UPDATE employees SET role = ?2, updated_at = ?3 WHERE id = ?1").bind(.text(employee), .text(role), .text(Timestamps.now())).run()
    }

    /// Ends `secondment` inside a write: a return home, or a conversion into a permanent move.
    static func endSecondment(
        _ secondment: MoveRecord, outcome: MoveRecord.Outcome, date: CalendarDate, catalog: Catalog, actor: String, connection: SQLiteConnection
    ) throws -> MoveRecord {
        let current = try record(secondment.employee, connection: connection)?.role
        let ending: MoveRecord
        switch outcome {
        case .returned:
            ending = try insertMove(
                employee: secondment.employee, from: secondment.toRole, to: secondment.fromRole,
                kind: MoveKind.resolve(from: secondment.toRole, to: secondment.fromRole, given: nil, catalog: catalog), date: date, endDate: nil,
                ends: secondment.id, opportunity: nil, source: MoveRecord.returnSource, actor: actor, connection: connection)
            // Back home, unless the role changed some other way since (then the record shows both).
            if current == secondment.toRole { try setRole(secondment.fromRole, of: secondment.employee, connection: connection) }
        case .converted, .superseded:
            guard current == secondment.toRole else {
                throw DomainError.conflict("employee '\(secondment.employee)' no longer holds role '\(secondment.toRole)'; the secondment cannot become permanent")
            }
            ending = try insertMove(
                employee: secondment.employee, from: secondment.fromRole, to: secondment.toRole,
                kind: MoveKind.permanent(from: secondment.fromRole, to: secondment.toRole, catalog: catalog), date: date, endDate: nil,
                ends: secondment.id, opportunity: nil, source: MoveRecord.conversionSource, actor: actor, connection: connection)
        }
        try connection.prepare("UPDATE moves SET ended_by = ?2, outcome = ?3 WHERE id = ?1")
            .bind(.integer(secondment.id), .integer(ending.id), .text(outcome == .returned ? "returned" : "converted")).run()
        return ending
    }
}
