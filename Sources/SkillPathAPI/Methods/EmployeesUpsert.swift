public import SkillPathCore
public import SkillPathJSON
import SkillPathProtocol
public import SkillPathStore

/// `employees.upsert`: insert or update a batch of employees (administrators).
enum EmployeesUpsert {
    static let maximumBatch = 10_000

    static let method = MethodDefinition(
        name: "employees.upsert", summary: "Insert or update a batch of employees (administrators).",
        description: """
        Idempotent: sending the same batch twice changes nothing the second time. Each invalid row is reported by \
        its index with the field and the reason (unknown role or skill, unknown manager, a manager cycle, a login \
        already taken) and the valid rows are applied, all in one transaction. Fields left out keep their stored \
        values (null clears `login`, `email` or `manager`), so `name` and `role` are needed only for new employees. \
        `skills` are set (others kept), `completed` courses are added. A change of `role` is recorded as a move \
        (`moves.list`), dated `roleSince` (default today) and of the kind a catalog transition gives, else \
        `moveKind`, else lateral; `leftOn` records the day someone left. At most 10,000 rows per call.
        """,
        params: [
            MethodDefinition.Parameter("employees", Schema.array(Schema.object([
                ("id", Schema.string), ("name", Schema.string), ("login", Schema.string), ("email", Schema.string), ("role", Schema.string),
                ("manager", Schema.string), ("skills", Schema.array(Schema.ref("SkillLevel"))), ("completed", Schema.array(Schema.string)),
                ("roleSince", Schema.date), ("moveKind", Schema.enumeration(Transition.Kind.allCases.map(\.rawValue))), ("leftOn", Schema.date),
                ("preferences", Schema.ref("LearnerPreferences")),
            ], required: ["id"])), required: true, "the rows"),
            MethodDefinition.Parameter("skillSource", Schema.enumeration(SkillSource.allCases.map(\.rawValue)), "the source recorded for the skills (default manager)"),
            MethodDefinition.Parameter("overwrite", Schema.boolean, "lower skill levels even where the stored evidence outranks skillSource (default false)"),
        ],
        resultName: "report",
        resultSchema: Schema.object([
            ("inserted", Schema.integer()), ("updated", Schema.integer()), ("unchanged", Schema.integer()),
            ("rejected", Schema.array(Schema.object([("index", Schema.integer()), ("id", Schema.string), ("field", Schema.string), ("reason", Schema.string)]))),
            ("levels", Schema.object([("set", Schema.integer()), ("unchanged", Schema.integer()), ("kept", Schema.integer())])),
            ("kept", Schema.array(.object([("type", "object")]))),
        ]),
        errors: [.forbidden],
        example: .init(
            params: .object([("employees", .array([
                .object([("id", "e-100"), ("name", "Ada Byron"), ("login", "ada"), ("role", "eng-mid"), ("manager", "e-001"),
                         ("skills", .array([.object([("skill", "python"), ("level", 3)])]))]),
                .object([("id", "e-101"), ("name", "Bob"), ("role", "astronaut")]),
            ]))]),
            result: .object([
                ("inserted", 1), ("updated", 0), ("unchanged", 0),
                ("rejected", .array([.object([("index", 1), ("id", "e-101"), ("field", "role"), ("reason", "unknown role 'astronaut'")])])),
                ("levels", .object([("set", 1), ("unchanged", 0), ("kept", 0)])), ("kept", .array([])),
            ])),
        access: .admin
    ) { context, params in
        let rows = try params.required("employees").array()
        guard rows.count <= maximumBatch else {
            throw JSONFieldError(path: "employees", message: "has \(rows.count) rows; send at most \(maximumBatch) per call")
        }
        var source = SkillSource.manager
        if let field = try params.optional("skillSource") {
            let text = try field.string()
            guard let parsed = SkillSource(rawValue: text) else {
                throw JSONFieldError(path: field.path, message: "must be one of \(SkillSource.allCases.map(\.rawValue).joined(separator: ", ")), got \"\(text)\"")
            }
            source = parsed
        }
        var inputs: [EmployeeInput] = []
        var positions: [Int] = []
        var shapeErrors: [UpsertRejection] = []
        for (index, row) in rows.enumerated() {
            do {
                inputs.append(try EmployeeInputDecoding.decode(row))
                positions.append(index)
            } catch let error as JSONFieldError {
                let field = error.path.replacingOccurrences(of: row.path + ".", with: "").replacingOccurrences(of: row.path, with: "")
                shapeErrors.append(UpsertRejection(index: index, id: row.value["id"]?.stringValue, field: field, reason: error.message))
            }
        }
        let overwrite = try params.optional("overwrite")?.bool() ?? false
        var report = try context.store.upsert(
            inputs, catalog: context.snapshot.catalog, actor: context.auditActor, skillSource: source, overwrite: overwrite, today: context.today)
        // The store numbered the rows it saw; map them back to the caller's positions.
        report.rejected = (report.rejected.map { rejection in
            var mapped = rejection
            mapped.index = positions[rejection.index]
            return mapped
        } + shapeErrors).sorted { $0.index < $1.index }
        for position in report.kept.indices { report.kept[position].index = positions[report.kept[position].index] }
        return .object([
            ("inserted", .int(report.inserted)), ("updated", .int(report.updated)), ("unchanged", .int(report.unchanged)),
            ("rejected", .array(report.rejected.map { rejection in
                .object([("index", .int(rejection.index)), ("id", rejection.id.map(JSONValue.string)), ("field", .string(rejection.field)), ("reason", .string(rejection.reason))])
            })),
            ("levels", .object([("set", .int(report.levelsSet)), ("unchanged", .int(report.levelsUnchanged)), ("kept", .int(report.kept.count))])),
            ("kept", .array(report.kept.map(\.json))),
        ])
    }
}

/// Reads one `employees.upsert` row.
public enum EmployeeInputDecoding {
    static let fields = ["id", "name", "login", "email", "role", "manager", "skills", "completed", "roleSince", "moveKind", "leftOn", "preferences"]

    public static func decode(_ row: JSONField) throws -> EmployeeInput {
        try row.checkKeys(fields)
        var skills: [SkillLevel]?
        if let list = try row.optional("skills") {
            var entries: [SkillLevel] = []
            for entry in try list.array() {
                try entry.checkKeys(["skill", "level"])
                entries.append(SkillLevel(skill: try entry.required("skill").string(), level: try entry.required("level").int()))
            }
            skills = entries
        }
        var preferences: PreferencesUpdate?
        if let field = try given(row, "preferences") { preferences = try PreferencesUpdate(json: field) }
        return EmployeeInput(
            id: try row.required("id").string(), name: try row.optional("name")?.string(), login: try update(row, "login"),
            email: try update(row, "email"), role: try row.optional("role")?.string(), manager: try update(row, "manager"),
            skills: skills, completed: try row.optional("completed")?.strings(), roleSince: try given(row, "roleSince")?.date(),
            moveKind: try given(row, "moveKind")?.choice(Transition.Kind.self), leftOn: try leftOn(row), preferences: preferences)
    }

    /// A member that is there and not null (an HRIS file's empty cell arrives as null: nothing given).
    static func given(_ row: JSONField, _ key: String) throws -> JSONField? {
        guard let field = try row.optional(key), !field.value.isNull else { return nil }
        return field
    }

    /// Absent: keep; null: clear; a date: set.
    static func leftOn(_ row: JSONField) throws -> FieldUpdate<CalendarDate> {
        guard let value = try row.objectValue()["leftOn"] else { return .keep }
        if value.isNull { return .set(nil) }
        return .set(try JSONField(value, path: row.child("leftOn")).date())
    }

    /// Absent: keep; null: clear; a string: set.
    static func update(_ row: JSONField, _ key: String) throws -> FieldUpdate<String> {
        guard let value = try row.objectValue()[key] else { return .keep }
        if value.isNull { return .set(nil) }
        return .set(try JSONField(value, path: row.child(key)).string())
    }
}
