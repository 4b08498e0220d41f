import SkillPathCore
import SkillPathJSON
import SkillPathProtocol
import SkillPathStore

/// `employees.setSkills`: record skill levels, with where they came from.
enum EmployeesSetSkills {
    static let method = MethodDefinition(
        name: "employees.setSkills", summary: "Set an employee's skill levels.",
        description: """
        An employee sets their own (source `self`); a manager sets their reports' (source `manager`); an \
        administrator sets anyone's, with `source` (default `assessment`). Levels are 0–5; other skills are kept. \
        A level lower than the stored one is kept as stored when the stored evidence outranks this source (a \
        course completion against a self-rating): it is listed in `kept`; an administrator may `overwrite`.
        """,
        params: [
            MethodDefinition.Parameter("employee", Schema.string, required: true, "whose skills"),
            MethodDefinition.Parameter("skills", Schema.array(Schema.ref("SkillLevel")), required: true, "the levels to set"),
            MethodDefinition.Parameter("source", Schema.enumeration(SkillSource.allCases.map(\.rawValue)), "administrators only: the source to record"),
            MethodDefinition.Parameter("overwrite", Schema.boolean, "administrators only: lower levels whatever evidence they had (default false)"),
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
        access: .scoped
    ) { context, params in
        let employee = try params.required("employee").string()
        var skills: [SkillLevel] = []
        for entry in try params.required("skills").array() {
            try entry.checkKeys(["skill", "level"])
            let skillField = try entry.required("skill")
            let skill = try context.snapshot.catalog.requireSkill(try skillField.string(), field: skillField.path).id
            skills.append(SkillLevel(skill: skill, level: try entry.required("level").int(in: SkillLevel.profileLevels)))
        }
        let source: SkillSource
        switch try context.requireKnown() {
        case .admin:
            source = try params.optional("source").map { field in
                let text = try field.string()
                guard let parsed = SkillSource(rawValue: text) else { throw field.mismatch("one of \(SkillSource.allCases.map(\.rawValue).joined(separator: ", "))") }
                return parsed
            } ?? .assessment
        case .employee(let id) where id == employee:
            source = .selfRated
        case .employee:
            try context.requireManager(of: employee)
            source = .manager
        case .service, .unknown:
            throw AccessRefusal("self-manager-or-admin", "services may not set skills unless they act for the employee (actor)", method: context.method)
        }
        if try params.optional("source") != nil, context.principal != .admin {
            throw AccessRefusal("admin-sets-source", "only administrators choose the source; it is '\(source.rawValue)' for this caller", method: context.method)
        }
        let overwrite = try params.optional("overwrite")?.bool() ?? false
        if overwrite, context.principal != .admin {
            throw AccessRefusal("admin-overwrites", "only administrators may lower levels whatever their evidence (overwrite)", method: context.method)
        }
        let (changed, kept) = try context.store.setSkills(skills, of: employee, source: source, overwrite: overwrite, actor: context.auditActor)
        return .object([
            ("employee", .string(employee)), ("source", .string(source.rawValue)),
            ("changed", .array(changed.map(\.json))),
            ("kept", .array(kept.map(\.keptJSON))),
        ])
    }
}
