public import SkillPathCore
public import SkillPathJSON

/// One `employees.upsert` row: a member left out keeps the stored value, null clears it (where a field can
/// be cleared), a value sets it.
extension EmployeeInput {
    public static let fields = ["id", "name", "login", "email", "role", "manager", "skills", "completed", "roleSince", "moveKind", "leftOn", "preferences", "aspirations"]

    public init(json row: JSONField) throws(JSONFieldError) {
        try row.checkKeys(Self.fields)
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
        if let field = try Self.given(row, "preferences") { preferences = try PreferencesUpdate(json: field) }
        var aspirations: AspirationsUpdate?
        if let field = try Self.given(row, "aspirations") { aspirations = try AspirationsUpdate(json: field) }
        self.init(
            id: try row.required("id").string(), name: try row.optional("name")?.string(), login: try Self.textUpdate(row, "login"),
            email: try Self.textUpdate(row, "email"), role: try row.optional("role")?.string(), manager: try Self.textUpdate(row, "manager"),
            skills: skills, completed: try row.optional("completed")?.strings(), roleSince: try Self.given(row, "roleSince")?.date(),
            moveKind: try Self.given(row, "moveKind")?.choice(Transition.Kind.self), leftOn: try Self.dateUpdate(row, "leftOn"), preferences: preferences,
            aspirations: aspirations)
    }

    public var json: JSONValue {
        func update<Value>(_ field: FieldUpdate<Value>, _ encode: (Value) -> JSONValue) -> JSONValue? {
            switch field {
            case .keep: nil
            case .set(let value): value.map(encode) ?? .null
            }
        }
        return .object([
            ("id", .string(id)), ("name", name.map(JSONValue.string)), ("login", update(login, JSONValue.string)),
            ("email", update(email, JSONValue.string)), ("role", role.map(JSONValue.string)), ("manager", update(manager, JSONValue.string)),
            ("skills", skills.map { .array($0.map(\.json)) }), ("completed", completed.map(JSONValue.strings)),
            ("roleSince", roleSince.map { .string($0.description) }), ("moveKind", moveKind.map { .string($0.rawValue) }),
            ("leftOn", update(leftOn) { .string($0.description) }), ("preferences", preferences?.json),
            ("aspirations", aspirations?.json),
        ])
    }

    /// A member that is there and not null (an HRIS file's empty cell arrives as null: nothing given).
    static func given(_ row: JSONField, _ key: String) throws(JSONFieldError) -> JSONField? {
        guard let field = try row.optional(key), !field.value.isNull else { return nil }
        return field
    }

    /// Absent: nil (keep); null: `.some(nil)` (clear); a value: the field (set).
    static func presence(_ row: JSONField, _ key: String) throws(JSONFieldError) -> JSONField?? {
        guard let value = try row.objectValue()[key] else { return nil }
        return .some(value.isNull ? nil : JSONField(value, path: row.child(key)))
    }

    static func textUpdate(_ row: JSONField, _ key: String) throws(JSONFieldError) -> FieldUpdate<String> {
        switch try presence(row, key) {
        case nil: .keep
        case .some(nil): .set(nil)
        case .some(let field?): .set(try field.string())
        }
    }

    static func dateUpdate(_ row: JSONField, _ key: String) throws(JSONFieldError) -> FieldUpdate<CalendarDate> {
        switch try presence(row, key) {
        case nil: .keep
        case .some(nil): .set(nil)
        case .some(let field?): .set(try field.date())
        }
    }
}

extension PreferencesUpdate {
    /// The inverse of `init(json:)`: fields left out stay out, a cleared pace is null.
    public var json: JSONValue {
        .object([
            ("languages", languages.map(JSONValue.strings)), ("formats", formats.map(JSONValue.strings)),
            ("hoursPerWeek", hoursPerWeek.map { $0?.json ?? .null }),
        ])
    }
}

extension UpsertReport: RPCResult {
    public var json: JSONValue {
        .object([
            ("inserted", .int(inserted)), ("updated", .int(updated)), ("unchanged", .int(unchanged)),
            ("rejected", .array(rejected.map { rejection in
                .object([("index", .int(rejection.index)), ("id", rejection.id.map(JSONValue.string)), ("field", .string(rejection.field)), ("reason", .string(rejection.reason))])
            })),
            ("levels", .object([("set", .int(levelsSet)), ("unchanged", .int(levelsUnchanged)), ("kept", .int(kept.count))])),
            ("kept", .array(kept.map(\.json))), ("written", .bool(written)),
        ])
    }
}
