public import SkillPathCore
import SkillPathJSON

/// Applications to opportunities: raising a hand, and the hiring side's decisions (docs/mobility.md,
/// "Applications"). Every change is one transaction with its audit entry.
extension OrganisationStore {
    /// Applies `employee` to an open opportunity. Refused, naming why: an opportunity not open (or not yet
    /// open, or past its closing date), an applicant who left, holds the role already (took the project, for one) or is its hiring manager,
    /// and a second application while one is still open.
    public func apply(
        to opportunity: Int64, employee: String, note: String?, confidential: Bool, actor: String, today: CalendarDate
    ) throws -> ApplicationRecord {
        try write { connection in
            guard let opening = try Self.opportunity(opportunity, connection: connection) else { throw DomainError.unknownOpportunity(opportunity) }
            guard opening.status == .open else { throw DomainError.conflict("opportunity \(opportunity) is \(opening.status.rawValue): it takes no applications") }
            if opening.opens > today { throw DomainError.conflict("opportunity \(opportunity) opens on \(opening.opens)") }
            if let closes = opening.closes, closes < today { throw DomainError.conflict("opportunity \(opportunity) closed for applications on \(closes)") }
            guard let record = try Self.record(employee, connection: connection) else { throw DomainError.unknownEmployee(employee) }
            if let left = record.leftOn { throw DomainError.conflict("employee '\(employee)' left on \(left)") }
            // A project changes no role: holding its role is no bar, having taken it already is.
            if opening.kind != .project, record.role == opening.role { throw DomainError.conflict("employee '\(employee)' already holds role '\(opening.role)'") }
            if opening.kind == .project, try connection.prepare("SELECT 1 FROM project_moves WHERE opportunity = ?1 AND employee = ?2")
                .bind(.integer(opportunity), .text(employee)).step() {
                throw DomainError.conflict("employee '\(employee)' already took project \(opportunity)")
            }
            if opening.manager == employee { throw DomainError.conflict("employee '\(employee)' is the hiring manager of opportunity \(opportunity)") }
            let open = try connection.prepare("SELECT id FROM applications WHERE opportunity = ?1 AND employee = ?2 AND status IN ('applied', 'shortlisted', 'offered')")
                .bind(.integer(opportunity), .text(employee))
            if try open.step() { throw DomainError.conflict("employee '\(employee)' already applied to opportunity \(opportunity) (application \(open.int64(0)))") }
            try connection.prepare("INSERT INTO applications (opportunity, employee, status, confidential) VALUES (?1, ?2, 'applied', ?3)")
                .bind(.integer(opportunity), .text(employee), .int(confidential ? 1 : 0)).run()
            let id = connection.lastInsertRowID
            let now = Timestamps.now()
            try Self.addStep(to: id, .applied, at: now, by: actor, note: note, connection: connection)
            try Self.audit(connection, at: now, actor: actor, action: "application.apply", subject: employee, detail: .object([
                ("application", .int(id)), ("opportunity", .int(opportunity)), ("confidential", .bool(confidential)),
            ]))
            try Self.applicationMoved(id, to: .applied, at: now, connection: connection)
            return try Self.requireApplication(id, connection: connection)
        }
    }

    /// Moves an application to `status` (the hiring side's decisions, `ApplicationRecord.Status.next`, or the
    /// applicant's `withdrawn`). `accepted` fills a seat of the opportunity with the applicant, which records
    /// their move, in the same transaction.
    public func moveApplication(
        _ id: Int64, to status: ApplicationRecord.Status, note: String?, date: CalendarDate, catalog: Catalog, actor: String
    ) throws -> (application: ApplicationRecord, move: MoveRecord?, project: ProjectMove?) {
        try write { connection in
            let application = try Self.requireApplication(id, connection: connection)
            let allowed = status == .withdrawn ? application.status.isActive : application.status.next.contains(status)
            guard allowed else {
                let next = application.status.next.map(\.rawValue) + (application.status.isActive ? ["withdrawn"] : [])
                throw DomainError.conflict("application \(id) is \(application.status.rawValue): it can move to \(next.isEmpty ? "nothing (it is decided)" : next.joined(separator: ", ")), not \(status.rawValue)")
            }
            try Self.setStatus(of: id, to: status, by: actor, note: note, connection: connection)
            // Accepted first, so that filling the seat (which closes the other applications once the last
            // seat is taken) finds this one decided.
            let taken: SeatTaken = status == .accepted
                ? try Self.close(application.opportunity, .filledBy(application.employee), date: date, catalog: catalog, actor: actor, connection: connection)
                : (nil, nil)
            return (try Self.requireApplication(id, connection: connection), taken.move, taken.project)
        }
    }

    /// One application, or nil.
    public func application(_ id: Int64) throws(StoreError) -> ApplicationRecord? {
        try read { connection in try Self.application(id, connection: connection) }
    }

    /// Applications by opportunity, applicant and status (any left nil: all), by id.
    public func applications(opportunity: Int64?, employee: String?, status: ApplicationRecord.Status?) throws(StoreError) -> [ApplicationRecord] {
        try read { connection in
            let ids = try connection.prepare("""
                SELECT id FROM applications WHERE (?1 IS NULL OR opportunity = ?1) AND (?2 IS NULL OR employee = ?2) AND (?3 IS NULL OR status = ?3)
                ORDER BY id
                """).bind(opportunity.map(SQLiteValue.integer), employee.map(SQLiteValue.text), status.map { .text($0.rawValue) }).rows { $0.int64(0) }
            return try ids.compactMap { id in try Self.application(id, connection: connection) }
        }
    }

    /// Closes the applications to `opportunity` still waiting for a decision: it takes no one more.
    static func closeOpenApplications(of opportunity: Int64, because reason: String, actor: String, connection: SQLiteConnection) throws {
        let open = try connection.prepare("SELECT id FROM applications WHERE opportunity = ?1 AND status IN ('applied', 'shortlisted', 'offered') ORDER BY id")
            .bind(.integer(opportunity)).rows { $0.int64(0) }
        for id in open { try setStatus(of: id, to: .closed, by: actor, note: reason, connection: connection) }
    }

    /// Accepts `employee`'s open application to `opportunity`, if they have one: the seat was filled with them.
    static func acceptOpenApplication(of employee: String, to opportunity: Int64, actor: String, connection: SQLiteConnection) throws {
        let open = try connection.prepare("SELECT id FROM applications WHERE opportunity = ?1 AND employee = ?2 AND status IN ('applied', 'shortlisted', 'offered')")
            .bind(.integer(opportunity), .text(employee)).rows { $0.int64(0) }
        for id in open { try setStatus(of: id, to: .accepted, by: actor, note: nil, connection: connection) }
    }

    /// Closes every open application of an employee who left.
    static func closeApplications(ofLeaver employee: String, on date: CalendarDate, actor: String, connection: SQLiteConnection) throws {
        let open = try connection.prepare("SELECT id FROM applications WHERE employee = ?1 AND status IN ('applied', 'shortlisted', 'offered') ORDER BY id")
            .bind(.text(employee)).rows { $0.int64(0) }
        for id in open { try setStatus(of: id, to: .closed, by: actor, note: "the applicant left on \(date)", connection: connection) }
    }

    private static func setStatus(of id: Int64, to status: ApplicationRecord.Status, by actor: String, note: String?, connection: SQLiteConnection) throws {
        try connection.prepare("UPDATE applications SET status = ?2 WHERE id = ?1").bind(.integer(id), .text(status.rawValue)).run()
        let now = Timestamps.now()
        try addStep(to: id, status, at: now, by: actor, note: note, connection: connection)
        try audit(connection, at: now, actor: actor, action: "application.\(status.rawValue)", subject: "application \(id)", detail: .object([
            ("note", note.map(JSONValue.string)),
        ]))
        try applicationMoved(id, to: status, at: now, connection: connection)
    }

    /// An `application.moved` event, seen by the applicant and the hiring side, and by the applicant's
    /// managers unless the application is confidential and not yet shortlisted (docs/access.md).
    private static func applicationMoved(_ id: Int64, to status: ApplicationRecord.Status, at now: String, connection: SQLiteConnection) throws {
        let row = try connection.prepare("""
            SELECT a.employee, a.opportunity, a.confidential, o.manager, o.role,
                   EXISTS (SELECT 1 FROM application_steps s WHERE s.application = a.id AND s.status = 'shortlisted')
            FROM applications a JOIN opportunities o ON o.id = a.opportunity WHERE a.id = ?1
            """).bind(.integer(id))
        guard try row.step() else { return }
        let hidden = row.int(2) == 1 && row.int(5) == 0
        try appendEvent(EventDraft(.applicationMoved, employee: row.text(0), also: row.optionalText(3), hiddenFromManagers: hidden, data: .object([
            ("application", .int(id)), ("opportunity", .int(row.int64(1))), ("role", .string(row.text(4))), ("status", .string(status.rawValue)),
        ])), at: now, connection: connection)
    }

    private static func addStep(to id: Int64, _ status: ApplicationRecord.Status, at: String, by actor: String, note: String?, connection: SQLiteConnection) throws {
        try connection.prepare("""
            INSERT INTO application_steps (application, position, status, at, by, note)
            VALUES (?1, (SELECT COUNT(*) FROM application_steps WHERE application = ?1), ?2, ?3, ?4, ?5)
            """).bind(.integer(id), .text(status.rawValue), .text(at), .text(actor), note.map(SQLiteValue.text)).run()
    }

    private static func requireApplication(_ id: Int64, connection: SQLiteConnection) throws -> ApplicationRecord {
        guard let application = try application(id, connection: connection) else { throw DomainError.notVisible(kind: "application", id: id) }
        return application
    }

    static func application(_ id: Int64, connection: SQLiteConnection) throws -> ApplicationRecord? {
        let row = try connection.prepare("SELECT opportunity, employee, status, confidential FROM applications WHERE id = ?1").bind(.integer(id))
        guard try row.step() else { return nil }
        let steps = try connection.prepare("SELECT status, at, by, note FROM application_steps WHERE application = ?1 ORDER BY position")
            .bind(.integer(id)).rows { step in
                ApplicationRecord.Step(status: ApplicationRecord.Status(rawValue: step.text(0)) ?? .applied, at: step.text(1), by: step.text(2), note: step.optionalText(3))
            }
        return ApplicationRecord(
            id: id, opportunity: row.int64(0), employee: row.text(1), status: ApplicationRecord.Status(rawValue: row.text(2)) ?? .applied,
            confidential: row.int(3) == 1, steps: steps)
    }
}
