import SkillPathCore
import SkillPathJSON
import SkillPathProtocol

/// Writes the accepted rows of one `employees.upsert` batch inside its transaction, row by row, and keeps
/// the report: each row's employee columns (a change of role recorded as a move), its skill levels, its
/// preferences and completions, then one audit entry with every change's old and new value.
struct UpsertBatch {
    let connection: SQLiteConnection
    let evidence: SkillEvidence
    let actor: String
    let skillSource: SkillSource
    let overwrite: Bool
    var catalog: Catalog { evidence.catalog }
    var today: CalendarDate { evidence.today }
    /// Each employee's position in the caller's batch, for `KeptLevel`.
    let positions: [String: Int]
    let now = Timestamps.now()
    var report = UpsertReport()

    /// One change with its old and new value, for the audit trail.
    typealias Change = (field: String, from: JSONValue, to: JSONValue)

    mutating func write(_ row: UpsertResolution.Row) throws {
        let input = row.input
        let touched = (input.skills ?? []).map(\.skill) + (input.completed ?? []).flatMap { catalog.course($0)?.teaches.map(\.skill) ?? [] }
        let before = try OrganisationStore.standings(of: input.id, skills: touched, evidence: evidence, connection: connection)
        var changed = try writeEmployee(row)
        try writeSkills(input)
        changed += try writePreferences(row)
        changed += try writeAspirations(row)
        changed += try writeCompletions(input)
        let after = try OrganisationStore.standings(of: input.id, skills: touched, evidence: evidence, connection: connection)
        let skills = OrganisationStore.skillChanges(before: before, after: after)
        changed += skills
        try audit(row, changed: changed)
        try OrganisationStore.skillChanged(input.id, skills, cause: "import", at: now, connection: connection)
    }

    /// The employee's own columns: inserted, or updated where they changed.
    func writeEmployee(_ row: UpsertResolution.Row) throws -> [Change] {
        let input = row.input
        let leftOn = input.leftOn.applied(to: row.stored?.leftOn)
        guard let stored = row.stored else {
            try connection.prepare("INSERT INTO employees (id, name, login, email, role, manager, created_at, updated_at, left_on) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7, ?8)")
                .bind(.text(input.id), .text(row.name), row.login.map(SQLiteValue.text), row.email.map(SQLiteValue.text),
                      .text(row.role), row.manager.map(SQLiteValue.text), .text(now), leftOn.map { .text($0.description) })
                .run()
            return []
        }
        var changed: [Change] = []
        func note(_ field: String, _ old: String?, _ new: String?) {
            if old != new { changed.append((field, old.map(JSONValue.string) ?? .null, new.map(JSONValue.string) ?? .null)) }
        }
        note("name", stored.name, row.name)
        note("login", stored.login, row.login)
        note("email", stored.email, row.email)
        note("role", stored.role, row.role)
        note("manager", stored.manager, row.manager)
        note("leftOn", stored.leftOn?.description, leftOn?.description)
        if !changed.isEmpty {
            try connection.prepare("UPDATE employees SET name = ?2, login = ?3, email = ?4, role = ?5, manager = ?6, updated_at = ?7, left_on = ?8 WHERE id = ?1")
                .bind(.text(input.id), .text(row.name), row.login.map(SQLiteValue.text), row.email.map(SQLiteValue.text),
                      .text(row.role), row.manager.map(SQLiteValue.text), .text(now), leftOn.map { .text($0.description) })
                .run()
        }
        // Someone who leaves takes back every application still waiting for a decision, stops their gigs, and
        // is on no learning path any more.
        if let leftOn, stored.leftOn == nil {
            try OrganisationStore.closeApplications(ofLeaver: input.id, on: leftOn, actor: actor, connection: connection)
            try OrganisationStore.stopProjects(ofLeaver: input.id, on: leftOn, actor: actor, connection: connection)
            try OrganisationStore.closeAssignments(ofLeaver: input.id, on: leftOn, at: now, actor: actor, connection: connection)
        }
        // A change of role is a move: kept in the history the mobility figures read.
        if stored.role != row.role {
            _ = try OrganisationStore.insertMove(
                employee: input.id, from: stored.role, to: row.role,
                kind: MoveKind.resolve(from: stored.role, to: row.role, given: input.moveKind, catalog: catalog),
                date: input.roleSince ?? today, endDate: nil, ends: nil, opportunity: nil, source: "employees.upsert", actor: actor,
                connection: connection)
        }
        return changed
    }

    /// The row's skill ratings, each by the rules of `OrganisationStore.rate`.
    mutating func writeSkills(_ input: EmployeeInput) throws {
        for (skillIndex, entry) in (input.skills ?? []).enumerated() {
            switch try OrganisationStore.rate(entry, of: input.id, source: skillSource, at: now, overwrite: overwrite, connection: connection) {
            case .unchanged:
                report.levelsUnchanged += 1
            case .set:
                report.levelsSet += 1
            case .kept(let stored):
                report.kept.append(KeptLevel(
                    index: positions[input.id] ?? 0, skillIndex: skillIndex, id: input.id, skill: entry.skill, given: entry.level, stored: stored))
            }
        }
    }

    func writePreferences(_ row: UpsertResolution.Row) throws -> [Change] {
        guard let update = row.input.preferences else { return [] }
        let before = row.stored == nil ? LearnerPreferences() : try OrganisationStore.record(row.input.id, connection: connection)?.preferences ?? LearnerPreferences()
        let after = update.applied(to: before)
        guard after != before else { return [] }
        try OrganisationStore.storePreferences(after, of: row.input.id, connection: connection)
        return row.stored == nil ? [] : [("preferences", before.json, after.json)]
    }

    /// The row's aspirations, as `employees.setAspirations` would set them (audited with the row's entry).
    func writeAspirations(_ row: UpsertResolution.Row) throws -> [Change] {
        guard let update = row.input.aspirations else { return [] }
        let before = row.stored == nil ? Aspirations() : try OrganisationStore.aspirations(of: row.input.id, connection: connection).aspirations
        let after = update.applied(to: before)
        guard after != before else { return [] }
        try OrganisationStore.storeAspirations(after, of: row.input.id, at: now, connection: connection)
        return [("aspirations", before.json, after.json)]
    }

    /// Completed courses the row lists: each recorded once, with the evidence it gives (as an import).
    func writeCompletions(_ input: EmployeeInput) throws -> [Change] {
        var changed: [Change] = []
        for id in input.completed ?? [] {
            try connection.prepare("INSERT OR IGNORE INTO completions (employee, course, completed_at, source) VALUES (?1, ?2, ?3, ?4)")
                .bind(.text(input.id), .text(id), .text(now), .text("import"))
                .run()
            guard connection.changes > 0 else { continue }
            changed.append(("completed.\(id)", .null, .string(now)))
            if let course = catalog.course(id) {
                try OrganisationStore.addCompletion(of: course, by: input.id, source: .imported, at: now, note: nil, connection: connection)
            }
        }
        return changed
    }

    /// One audit entry per row that changed anything, and the row counted.
    mutating func audit(_ row: UpsertResolution.Row, changed: [Change]) throws {
        let input = row.input
        if row.stored == nil {
            report.inserted += 1
            // Every level starts here: each shows as a change from nothing, like any later change.
            try OrganisationStore.audit(connection, at: now, actor: actor, action: "employee.insert", subject: input.id, detail: .object([
                ("role", .string(row.role)), ("manager", row.manager.map(JSONValue.string)),
                ("preferences", input.preferences.map { $0.applied(to: LearnerPreferences()).json }),
                ("changed", changed.isEmpty ? nil : .object(JSONObject(changed.map { JSONMember($0.field, .object([("from", $0.from), ("to", $0.to)])) }))),
            ]))
        } else if changed.isEmpty {
            report.unchanged += 1
        } else {
            report.updated += 1
            try OrganisationStore.audit(connection, at: now, actor: actor, action: "employee.update", subject: input.id, detail: .object([
                ("changed", .object(JSONObject(changed.map { JSONMember($0.field, .object([("from", $0.from), ("to", $0.to)])) }))),
            ]))
        }
    }
}
