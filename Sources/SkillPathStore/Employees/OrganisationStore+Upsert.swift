public import SkillPathCore
import SkillPathJSON
import SkillPathProtocol

extension OrganisationStore {
    /// Inserts or updates a batch of employees: idempotent (the same batch twice changes nothing the second
    /// time), and row by row — an invalid row is reported with its index, field and reason, and the valid
    /// rows are applied. The whole batch is one write, so it is committed atomically.
    ///
    /// Rows are checked against the catalog (roles, skills, courses) and the organisation (a manager must
    /// exist in the store or in the batch, logins are unique, nobody may end up managing themselves through
    /// a chain of managers).
    /// A level lower than the stored one is applied only when `skillSource` is at least as strong as the
    /// stored level's source (`SkillPolicy.Source.strength`), or with `overwrite`; otherwise it is kept and
    /// reported in `UpsertReport.kept`.
    ///
    /// `mode` says what happens to the valid rows when some are rejected (`UpsertMode`): written (per row),
    /// or the whole batch rolled back (atomic); a dry run is always rolled back. A rolled-back batch reports
    /// what it would have done, with `written` false.
    public func upsert(
        _ inputs: [EmployeeInput], evidence: SkillEvidence, actor: String, skillSource: SkillSource = .manager, overwrite: Bool = false,
        mode: UpsertMode = .perRow
    ) throws -> UpsertReport {
        let catalog = evidence.catalog
        var report = UpsertReport()
        var candidates: [(index: Int, input: EmployeeInput)] = []
        var seenIDs: [String: Int] = [:]
        var seenLogins: [String: Int] = [:]
        for (index, input) in inputs.enumerated() {
            if let rejection = Self.check(input, index: index, catalog: catalog) {
                report.rejected.append(rejection)
                continue
            }
            if let first = seenIDs[input.id] {
                report.rejected.append(UpsertRejection(index: index, id: input.id, field: "id", reason: "the batch lists employee '\(input.id)' again (first at index \(first))"))
                continue
            }
            if case .set(let login?) = input.login, let first = seenLogins[login] {
                report.rejected.append(UpsertRejection(index: index, id: input.id, field: "login", reason: "login '\(login)' is also given to the employee at index \(first)"))
                continue
            }
            seenIDs[input.id] = index
            if case .set(let login?) = input.login { seenLogins[login] = index }
            candidates.append((index, input))
        }
        let accepted = candidates
        let refusedEarly = mode == .atomic && !report.rejected.isEmpty
        var merged: UpsertReport
        do {
            merged = try write { connection in
                let applied = try Self.apply(accepted, evidence: evidence, connection: connection, actor: actor, skillSource: skillSource, overwrite: overwrite)
                // Throwing rolls the batch's savepoint back: nothing of it is committed.
                if mode == .dryRun || refusedEarly || (mode == .atomic && !applied.rejected.isEmpty) { throw RolledBack(report: applied) }
                return applied
            }
        } catch let rollback as RolledBack {
            merged = rollback.report
            merged.written = false
        }
        merged.rejected = (report.rejected + merged.rejected).sorted { $0.index < $1.index }
        return merged
    }

    /// Carries the report of a batch out of the write that it rolls back.
    private struct RolledBack: Error {
        var report: UpsertReport
    }

    /// The checks that need only the row and the catalog.
    static func check(_ input: EmployeeInput, index: Int, catalog: Catalog) -> UpsertRejection? {
        func reject(_ field: String, _ reason: String) -> UpsertRejection {
            UpsertRejection(index: index, id: input.id.isEmpty ? nil : input.id, field: field, reason: reason)
        }
        if input.id.trimmingWhitespace.isEmpty { return reject("id", "must not be empty") }
        if let problem = EmployeeIDForm.problem(input.id) { return reject("id", problem) }
        if case .set(let manager?) = input.manager, let problem = EmployeeIDForm.problem(manager) { return reject("manager", problem) }
        if let name = input.name, name.trimmingWhitespace.isEmpty { return reject("name", "must not be empty") }
        if let role = input.role, catalog.role(role) == nil {
            let hint = Spelling.closest(to: role, among: catalog.roles.lazy.map(\.id)).map { " (did you mean '\($0)'?)" } ?? ""
            return reject("role", "unknown role '\(role)'\(hint)")
        }
        if case .set(let manager?) = input.manager, manager == input.id { return reject("manager", "an employee cannot be their own manager") }
        if case .set(let login?) = input.login, login.isEmpty || login.contains(where: { $0 == " " || $0 == ":" || $0 == "/" }) {
            return reject("login", "'\(login)' is not a Unix user name")
        }
        var skills = Set<String>()
        for (position, entry) in (input.skills ?? []).enumerated() {
            if catalog.skill(entry.skill) == nil {
                let hint = Spelling.closest(to: entry.skill, among: catalog.skills.lazy.map(\.id)).map { " (did you mean '\($0)'?)" } ?? ""
                return reject("skills[\(position)].skill", "unknown skill '\(entry.skill)'\(hint)")
            }
            if !SkillLevel.profileLevels.contains(entry.level) {
                return reject("skills[\(position)].level", "must be between 0 and 5, got \(entry.level)")
            }
            if !skills.insert(entry.skill).inserted { return reject("skills[\(position)].skill", "lists skill '\(entry.skill)' twice") }
        }
        for (position, course) in (input.completed ?? []).enumerated() where catalog.course(course) == nil {
            return reject("completed[\(position)]", "unknown course '\(course)'")
        }
        if let aspirations = input.aspirations {
            do {
                try aspirations.check(against: catalog)
            } catch {
                switch error {
                case .unknownRole(let role, let field): return reject("aspirations.\(field)", "unknown role '\(role)'")
                case .unknownSkill(let skill, let field, _): return reject("aspirations.\(field)", "unknown skill '\(skill)'")
                default: return reject("aspirations", "\(error)")
                }
            }
        }
        return nil
    }

    /// Applies checked rows inside the write transaction. The batch is resolved as a whole before anything
    /// is written (`UpsertResolution`): which rows stand, with which manager and login, so that the order of
    /// the rows never matters and one bad row (a manager cycle, a missing manager) rejects only itself and
    /// the rows that depend on it.
    static func apply(
        _ rows: [(index: Int, input: EmployeeInput)], evidence: SkillEvidence, connection: SQLiteConnection, actor: String, skillSource: SkillSource,
        overwrite: Bool
    ) throws -> UpsertReport {
        let today = evidence.today
        var batch = UpsertBatch(
            connection: connection, evidence: evidence, actor: actor, skillSource: skillSource, overwrite: overwrite,
            positions: Dictionary(rows.map { ($0.input.id, $0.index) }, uniquingKeysWith: { first, _ in first }))
        var resolution = try UpsertResolution(rows: rows, connection: connection)
        try resolution.resolve(connection: connection, today: today)
        batch.report.rejected = resolution.rejected
        // Logins move in two steps, so that a batch may swap or pass on logins between employees whatever
        // its order: free every login that changes, then set the new ones.
        for row in resolution.accepted where row.stored != nil && row.login != row.stored?.login {
            try connection.prepare("UPDATE employees SET login = NULL WHERE id = ?1").bind(.text(row.input.id)).run()
        }
        for row in resolution.accepted { try batch.write(row) }
        return batch.report
    }

    static func audit(_ connection: SQLiteConnection, at: String, actor: String, action: String, subject: String, detail: JSONValue) throws {
        try connection.prepare("INSERT INTO audit_log (at, actor, action, subject, detail) VALUES (?1, ?2, ?3, ?4, ?5)")
            .bind(.text(at), .text(actor), .text(action), .text(subject), .text(JSONWriter.string(detail)))
            .run()
    }
}

extension String {
    var trimmingWhitespace: String {
        var text = Substring(self)
        while text.first?.isWhitespace == true { text = text.dropFirst() }
        while text.last?.isWhitespace == true { text = text.dropLast() }
        return String(text)
    }
}
