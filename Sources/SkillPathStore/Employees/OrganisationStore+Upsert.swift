public import SkillPathCore
import SkillPathJSON

extension OrganisationStore {
    /// Inserts or updates a batch of employees: idempotent (the same batch twice changes nothing the second
    /// time), and row by row — an invalid row is reported with its index, field and reason, and the valid
    /// rows are applied. The whole batch is one write, so it is committed atomically.
    ///
    /// Rows are checked against the catalog (roles, skills, courses) and the organisation (a manager must
    /// exist in the store or in the batch, logins are unique, nobody may end up managing themselves through
    /// a chain of managers).
    public func upsert(_ inputs: [EmployeeInput], catalog: Catalog, actor: String, skillSource: SkillSource = .manager) throws -> UpsertReport {
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
        let applied = try write { connection in
            try Self.apply(accepted, connection: connection, actor: actor, skillSource: skillSource)
        }
        report.inserted = applied.inserted
        report.updated = applied.updated
        report.unchanged = applied.unchanged
        report.rejected = (report.rejected + applied.rejected).sorted { $0.index < $1.index }
        return report
    }

    /// The checks that need only the row and the catalog.
    static func check(_ input: EmployeeInput, index: Int, catalog: Catalog) -> UpsertRejection? {
        func reject(_ field: String, _ reason: String) -> UpsertRejection {
            UpsertRejection(index: index, id: input.id.isEmpty ? nil : input.id, field: field, reason: reason)
        }
        if input.id.trimmingWhitespace.isEmpty { return reject("id", "must not be empty") }
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
        return nil
    }

    /// Applies checked rows inside the write transaction.
    static func apply(
        _ rows: [(index: Int, input: EmployeeInput)], connection: SQLiteConnection, actor: String, skillSource: SkillSource
    ) throws -> UpsertReport {
        var report = UpsertReport()
        let now = Timestamps.now()
        // Managers as they will be once the batch applies (rows that keep their manager are looked up).
        var batchManagers: [String: String?] = [:]
        for (_, input) in rows {
            if case .set(let manager) = input.manager { batchManagers[input.id] = manager }
        }
        let existsStatement = "SELECT 1 FROM employees WHERE id = ?1"
        let managerOf = "SELECT manager FROM employees WHERE id = ?1"
        var acyclic = Set<String>()

        for (index, input) in rows {
            func reject(_ field: String, _ reason: String) {
                report.rejected.append(UpsertRejection(index: index, id: input.id, field: field, reason: reason))
                // A rejected row changes nothing: later rows must not count on its manager.
                batchManagers[input.id] = nil
            }
            let existing = try connection.prepare("SELECT name, login, email, role, manager FROM employees WHERE id = ?1").bind(.text(input.id))
            let stored = try existing.step()
                ? (name: existing.text(0), login: existing.optionalText(1), email: existing.optionalText(2), role: existing.text(3), manager: existing.optionalText(4))
                : nil
            if stored == nil {
                if input.name == nil { reject("name", "is required for a new employee"); continue }
                if input.role == nil { reject("role", "is required for a new employee"); continue }
            }
            let manager = input.manager.applied(to: stored?.manager)
            if let manager, batchManagers[manager] == nil {
                let exists = try connection.prepare(existsStatement).bind(.text(manager))
                if try !exists.step() {
                    reject("manager", "unknown employee '\(manager)' (not stored, and not in this batch)")
                    continue
                }
            }
            // Follow the manager chain, through this batch first, then the store: it must end, not loop.
            var chain: Set<String> = [input.id]
            var cursor = manager
            var cycle = false
            while let current = cursor, !acyclic.contains(current) {
                if !chain.insert(current).inserted {
                    cycle = true
                    break
                }
                if let fromBatch = batchManagers[current] {
                    cursor = fromBatch
                } else {
                    let statement = try connection.prepare(managerOf).bind(.text(current))
                    cursor = try statement.step() ? statement.optionalText(0) : nil
                }
            }
            if cycle {
                reject("manager", "'\(manager!)' is managed, directly or not, by '\(input.id)': that would be a cycle")
                continue
            }
            let login = input.login.applied(to: stored?.login)
            if let login, login != stored?.login {
                let statement = try connection.prepare("SELECT id FROM employees WHERE login = ?1 AND id <> ?2").bind(.text(login), .text(input.id))
                if try statement.step() {
                    reject("login", "login '\(login)' belongs to employee '\(statement.text(0))'")
                    continue
                }
            }
            let name = input.name ?? stored!.name
            let role = input.role ?? stored!.role
            let email = input.email.applied(to: stored?.email)
            var changed: [String] = []
            let inserted: Bool
            if let stored {
                inserted = false
                if stored.name != name { changed.append("name") }
                if stored.login != login { changed.append("login") }
                if stored.email != email { changed.append("email") }
                if stored.role != role { changed.append("role") }
                if stored.manager != manager { changed.append("manager") }
                if !changed.isEmpty {
                    try connection.prepare("UPDATE employees SET name = ?2, login = ?3, email = ?4, role = ?5, manager = ?6, updated_at = ?7 WHERE id = ?1")
                        .bind(.text(input.id), .text(name), login.map(SQLiteValue.text), email.map(SQLiteValue.text),
                              .text(role), manager.map(SQLiteValue.text), .text(now))
                        .run()
                }
            } else {
                inserted = true
                try connection.prepare("INSERT INTO employees (id, name, login, email, role, manager, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)")
                    .bind(.text(input.id), .text(name), login.map(SQLiteValue.text), email.map(SQLiteValue.text),
                          .text(role), manager.map(SQLiteValue.text), .text(now))
                    .run()
            }
            for entry in input.skills ?? [] where try setSkill(entry, of: input.id, source: skillSource, at: now, connection: connection) {
                changed.append("skills.\(entry.skill)")
            }
            for course in input.completed ?? [] {
                try connection.prepare("INSERT OR IGNORE INTO completions (employee, course, completed_at, source) VALUES (?1, ?2, ?3, ?4)")
                    .bind(.text(input.id), .text(course), .text(now), .text("import"))
                    .run()
                if connection.changes > 0 { changed.append("completed.\(course)") }
            }
            acyclic.insert(input.id)
            if inserted {
                report.inserted += 1
                try audit(connection, at: now, actor: actor, action: "employee.insert", subject: input.id, detail: .object([("role", .string(role))]))
            } else if changed.isEmpty {
                report.unchanged += 1
            } else {
                report.updated += 1
                try audit(connection, at: now, actor: actor, action: "employee.update", subject: input.id, detail: .object([("changed", .strings(changed))]))
            }
        }
        return report
    }

    /// Sets one skill level when it differs from what is stored; returns whether anything changed.
    static func setSkill(_ entry: SkillLevel, of employee: String, source: SkillSource, at now: String, connection: SQLiteConnection) throws -> Bool {
        let current = try connection.prepare("SELECT level, source FROM skill_levels WHERE employee = ?1 AND skill = ?2").bind(.text(employee), .text(entry.skill))
        if try current.step(), current.int(0) == entry.level, current.text(1) == source.rawValue { return false }
        try connection.prepare("""
            INSERT INTO skill_levels (employee, skill, level, source, set_at) VALUES (?1, ?2, ?3, ?4, ?5)
            ON CONFLICT (employee, skill) DO UPDATE SET level = excluded.level, source = excluded.source, set_at = excluded.set_at
            """)
            .bind(.text(employee), .text(entry.skill), .int(entry.level), .text(source.rawValue), .text(now))
            .run()
        return true
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
