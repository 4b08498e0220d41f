public import SkillPathCore
public import SkillPathJSON

/// `employees.upsert`: insert or update a batch of employees (administrators).
public enum EmployeesUpsert: RPCMethod {
    /// Rows per call. A message is at most `max_message_bytes` (1 MiB by default) as well, and the count is
    /// set so that both limits can be reached: 2,000 rows of 500 bytes (an employee with ten skills) fit in
    /// 1 MiB. A batch of larger rows meets the byte limit first; `skillpath import` sizes its batches by bytes.
    public static let maximumBatch = 2_000

    public static let description = MethodDescription(
        name: "employees.upsert", summary: "Insert or update a batch of employees (administrators).",
        description: """
        Idempotent: sending the same batch twice changes nothing the second time. Each invalid row is reported by \
        its index with the field and the reason (unknown role or skill, unknown manager, a manager cycle, a login \
        already taken) and the valid rows are applied, all in one transaction. Fields left out keep their stored \
        values (null clears `login`, `email` or `manager`), so `name` and `role` are needed only for new employees. \
        `skills` are set (others kept), `completed` courses are added. A change of `role` is recorded as a move \
        (`moves.list`), dated `roleSince` (default today) and of the kind a catalog transition gives, else \
        `moveKind`, else lateral; `leftOn` records the day someone left. At most 2,000 rows per call (and the message within \
        `max_message_bytes`). `mode` says what happens to the valid rows when some are rejected: `perRow` (the \
        default) writes them; `atomic` writes nothing unless every row is valid; `dryRun` writes nothing and \
        reports what the batch would do. `written` says whether the batch's changes were committed.
        """,
        params: [
            MethodDescription.Parameter("employees", Schema.array(Schema.object([
                ("id", Schema.string), ("name", Schema.string), ("login", Schema.string), ("email", Schema.string), ("role", Schema.string),
                ("manager", Schema.string), ("skills", Schema.array(Schema.ref("SkillLevel"))), ("completed", Schema.array(Schema.string)),
                ("roleSince", Schema.date), ("moveKind", Schema.enumeration(Transition.Kind.allCases.map(\.rawValue))), ("leftOn", Schema.date),
                ("preferences", Schema.ref("LearnerPreferences")), ("aspirations", Schema.ref("Aspirations")),
            ], required: ["id"])), required: true, "the rows"),
            MethodDescription.Parameter("skillSource", Schema.enumeration(SkillSource.allCases.map(\.rawValue)), "the source recorded for the skills (default manager)"),
            MethodDescription.Parameter("overwrite", Schema.boolean, "lower skill levels even where the stored evidence outranks skillSource (default false)"),
            MethodDescription.Parameter("mode", Schema.enumeration(UpsertMode.allCases.map(\.rawValue)), "perRow (default), atomic or dryRun"),
        ],
        resultName: "report",
        resultSchema: Schema.object([
            ("inserted", Schema.integer()), ("updated", Schema.integer()), ("unchanged", Schema.integer()),
            ("rejected", Schema.array(Schema.object([("index", Schema.integer()), ("id", Schema.string), ("field", Schema.string), ("reason", Schema.string)]))),
            ("levels", Schema.object([("set", Schema.integer()), ("unchanged", Schema.integer()), ("kept", Schema.integer())])),
            ("kept", Schema.array(.object([("type", "object")]))), ("written", Schema.boolean),
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
                ("levels", .object([("set", 1), ("unchanged", 0), ("kept", 0)])), ("kept", .array([])), ("written", true),
            ])),
        access: .admin)

    /// One row as sent: read, or the reason it could not be (which rejects that row alone).
    public enum Row: Sendable, Equatable {
        case input(EmployeeInput)
        case malformed(UpsertRejection)
    }

    public struct Params: RPCParams, Equatable {
        public var rows: [Row]
        public var skillSource: SkillSource?
        public var overwrite: Bool
        public var mode: UpsertMode

        public init(employees: [EmployeeInput], skillSource: SkillSource? = nil, overwrite: Bool = false, mode: UpsertMode = .perRow) {
            self.rows = employees.map(Row.input)
            self.skillSource = skillSource
            self.overwrite = overwrite
            self.mode = mode
        }

        public init(json params: JSONField) throws {
            let list = try params.required("employees").array()
            guard list.count <= maximumBatch else {
                throw JSONFieldError(path: "employees", message: "has \(list.count) rows; send at most \(maximumBatch) per call")
            }
            rows = list.enumerated().map { index, row in
                do throws(JSONFieldError) {
                    return .input(try EmployeeInput(json: row))
                } catch {
                    // The field within the row: `skills[2].level`, not `employees[7].skills[2].level`.
                    let field = error.path.replacingOccurrences(of: row.path + ".", with: "").replacingOccurrences(of: row.path, with: "")
                    return .malformed(UpsertRejection(index: index, id: row.value["id"]?.stringValue, field: field, reason: error.message))
                }
            }
            skillSource = try params.optional("skillSource")?.choice(SkillSource.self)
            overwrite = try params.optional("overwrite")?.bool() ?? false
            mode = try params.optional("mode")?.choice(UpsertMode.self) ?? .perRow
        }

        public var json: JSONValue {
            .object([
                ("employees", .array(rows.compactMap { row in if case .input(let input) = row { input.json } else { nil } })),
                ("skillSource", skillSource.map { .string($0.rawValue) }), ("overwrite", overwrite ? .bool(true) : nil),
                ("mode", mode == .perRow ? nil : .string(mode.rawValue)),
            ])
        }
    }

    public typealias Result = UpsertReport
}

/// `employees.setSkills`: record skill levels, with where they came from.
public enum EmployeesSetSkills: RPCMethod {
    public static let description = MethodDescription(
        name: "employees.setSkills", summary: "Set an employee's skill levels.",
        description: """
        An employee sets their own (source `self`); a manager sets their reports' (source `manager`); an \
        administrator sets anyone's, with `source` (default `assessment`). Levels are 0–5; other skills are kept. \
        A level lower than the stored one is kept as stored when the stored evidence outranks this source (a \
        course completion against a self-rating): it is listed in `kept`; an administrator may `overwrite`.
        """,
        params: [
            MethodDescription.Parameter("employee", Schema.string, required: true, "whose skills"),
            MethodDescription.Parameter("skills", Schema.array(Schema.ref("SkillLevel")), required: true, "the levels to set"),
            MethodDescription.Parameter("source", Schema.enumeration(SkillSource.allCases.map(\.rawValue)), "administrators only: the source to record"),
            MethodDescription.Parameter("overwrite", Schema.boolean, "administrators only: lower levels whatever evidence they had (default false)"),
        ],
        resultName: "changes",
        resultSchema: Schema.object([
            ("employee", Schema.string), ("source", Schema.string), ("changed", Schema.array(Schema.ref("SkillLevel"))),
            ("kept", Schema.array(.object([("type", "object")]))),
        ]),
        errors: [.unknownEmployee, .unknownSkill, .forbidden],
        example: .init(
            params: .object([("employee", "e-104"), ("skills", .array([.object([("skill", "python"), ("level", 2)])]))]),
            result: .object([("employee", "e-104"), ("source", "self"), ("changed", .array([.object([("skill", "python"), ("level", 2)])])), ("kept", .array([]))])),
        access: .scoped)

    public struct Params: RPCParams, Equatable {
        public var employee: String
        public var skills: [SkillLevel]
        /// The parameter paths of the skill ids, for errors that name them (`skills[1].skill`).
        public var skillPaths: [String]
        public var source: SkillSource?
        public var overwrite: Bool

        public init(employee: String, skills: [SkillLevel], source: SkillSource? = nil, overwrite: Bool = false) {
            self.employee = employee
            self.skills = skills
            self.skillPaths = skills.indices.map { "skills[\($0)].skill" }
            self.source = source
            self.overwrite = overwrite
        }

        public init(json params: JSONField) throws {
            employee = try params.required("employee").string()
            skills = []
            skillPaths = []
            for entry in try params.required("skills").array() {
                try entry.checkKeys(["skill", "level"])
                let skill = try entry.required("skill")
                skills.append(SkillLevel(skill: try skill.string(), level: try entry.required("level").int(in: SkillLevel.profileLevels)))
                skillPaths.append(skill.path)
            }
            source = try params.optional("source")?.choice(SkillSource.self)
            overwrite = try params.optional("overwrite")?.bool() ?? false
        }

        public var json: JSONValue {
            .object([
                ("employee", .string(employee)), ("skills", .array(skills.map(\.json))), ("source", source.map { .string($0.rawValue) }),
                ("overwrite", overwrite ? .bool(true) : nil),
            ])
        }
    }

    public struct Result: RPCResult {
        public var employee: String
        public var source: SkillSource
        public var changed: [SkillLevel]
        public var kept: [StoredSkill]

        public init(employee: String, source: SkillSource, changed: [SkillLevel], kept: [StoredSkill]) {
            self.employee = employee
            self.source = source
            self.changed = changed
            self.kept = kept
        }

        public var json: JSONValue {
            .object([
                ("employee", .string(employee)), ("source", .string(source.rawValue)), ("changed", .array(changed.map(\.json))),
                ("kept", .array(kept.map(\.keptJSON))),
            ])
        }
    }
}

/// `employees.setPreferences`: how an employee likes to learn, set by the employee (or an administrator).
public enum EmployeesSetPreferences: RPCMethod {
    public static let description = MethodDescription(
        name: "employees.setPreferences", summary: "Set an employee's learner preferences: languages, formats, weekly hours.",
        description: """
        The defaults of the employee's plans (paths.plan, paths.compare, roles.route, assignments.create, \
        roles.suggest): languages and formats are preferred, never required (a plan spends as few hours outside \
        them as the catalog allows, and each step outside says so, in `outsidePreferences`); hoursPerWeek is \
        the pace (without it, 4 hours a week). A plan's own options win, and its `formats` and `languages` are \
        hard filters. Fields given replace the stored ones (null or [] clears), fields left out are kept. The \
        employee sets their own; administrators set anyone's.
        """,
        params: [
            MethodDescription.Parameter("employee", Schema.string, "whose (default: the caller's own)"),
            MethodDescription.Parameter("languages", Schema.array(Schema.string), "course languages, e.g. [\"en\"]"),
            MethodDescription.Parameter("formats", Schema.array(Schema.string), "course formats, e.g. [\"video\", \"reading\"]"),
            MethodDescription.Parameter("hoursPerWeek", Schema.number, "the weekly learning budget (0 < hours ≤ 168), or null"),
        ],
        resultName: "preferences",
        resultSchema: Schema.object([("employee", Schema.string), ("preferences", Schema.ref("LearnerPreferences"))]),
        errors: [.unknownEmployee, .forbidden],
        example: .init(
            params: .object([("languages", .strings(["en"])), ("hoursPerWeek", 4)]),
            result: .object([("employee", "e-008"), ("preferences", .object([("languages", .strings(["en"])), ("formats", .array([])), ("hoursPerWeek", 4)]))])),
        access: .scoped)

    public struct Params: RPCParams, Equatable {
        /// nil: the caller.
        public var employee: String?
        public var update: PreferencesUpdate

        public init(employee: String? = nil, update: PreferencesUpdate) {
            self.employee = employee
            self.update = update
        }

        public init(json params: JSONField) throws {
            employee = try params.optional("employee")?.string()
            // The preference fields are the parameters but for whose they are.
            let fields = JSONValue.object(JSONObject((params.value.objectValue?.members ?? []).filter { $0.key != "employee" && $0.key != "actor" }))
            update = try PreferencesUpdate(json: JSONField(fields, path: params.path))
        }

        public var json: JSONValue {
            .object([("employee", employee.map(JSONValue.string))] + (update.json.objectValue?.members.map { ($0.key, Optional($0.value)) } ?? []))
        }
    }

    public struct Result: RPCResult {
        public var employee: String
        public var preferences: LearnerPreferences

        public init(employee: String, preferences: LearnerPreferences) {
            self.employee = employee
            self.preferences = preferences
        }

        public var json: JSONValue { .object([("employee", .string(employee)), ("preferences", preferences.json)]) }
    }
}
