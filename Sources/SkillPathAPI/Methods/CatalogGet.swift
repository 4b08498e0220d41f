import SkillPathCore
import SkillPathJSON
import SkillPathProtocol

/// `catalog.get`: one skill, course or role by id, with what links to it.
enum CatalogGet {
    static let method = MethodDefinition(
        name: "catalog.get", summary: "One skill, course or role by id (and kind, when the id is not unique across kinds).",
        description: """
        Returns the item as in the catalog files, plus links: for a skill, the courses teaching it and the roles \
        requiring it; for a course, the courses that must come after it; for a role, its transitions in and out.
        """,
        params: [
            MethodDefinition.Parameter("kind", Schema.enumeration(["skill", "course", "role"]), "what to get (default: the one kind holding the id)"),
            MethodDefinition.Parameter("id", Schema.string, required: true, "its id"),
        ],
        resultName: "item", resultSchema: .object([("type", "object")]), errors: [.notFound],
        example: .init(
            params: .object([("kind", "role"), ("id", "eng-senior")]),
            result: .object([
                ("kind", "role"),
                ("item", .object([("id", "eng-senior"), ("title", "Senior Software Engineer"), ("family", "engineering"), ("grade", "E3"), ("requires", .array([]))])),
                ("transitionsFrom", .array([.object([("from", "eng-senior"), ("to", "eng-manager"), ("kind", "promotion")])])),
                ("transitionsTo", .array([.object([("from", "eng-mid"), ("to", "eng-senior"), ("kind", "promotion")])])),
            ]))
    ) { context, params in
        let id = try params.required("id").string()
        let catalog = context.snapshot.catalog
        let kind: String
        if let given = try params.optional("kind")?.string() {
            kind = given
        } else {
            let kinds = catalog.kinds(holding: id)
            guard kinds.count <= 1 else {
                throw JSONFieldError(path: "kind", message: "is needed: '\(id)' is a \(kinds.joined(separator: " and a ")) id")
            }
            guard let only = kinds.first else {
                let every = catalog.skills.lazy.map(\.id) + catalog.courses.lazy.map(\.id) + catalog.roles.lazy.map(\.id)
                throw DomainError.unknownCatalogItem(id, kind: nil, suggestion: Spelling.closest(to: id, among: every))
            }
            kind = only
        }
        func missing(_ ids: some Sequence<String>) -> DomainError {
            .unknownCatalogItem(id, kind: kind, suggestion: Spelling.closest(to: id, among: ids))
        }
        switch kind {
        case "skill":
            guard let skill = catalog.skill(id) else { throw missing(catalog.skills.lazy.map(\.id)) }
            return .object([
                ("kind", "skill"), ("item", skill.json),
                ("taughtBy", .strings(catalog.courses.filter { $0.teaches.contains { $0.skill == id } }.map(\.id))),
                ("requiredBy", .strings(catalog.roles.filter { $0.requires.contains { $0.skill == id } }.map(\.id))),
            ])
        case "course":
            guard let course = catalog.course(id) else { throw missing(catalog.courses.lazy.map(\.id)) }
            return .object([
                ("kind", "course"), ("item", course.json),
                ("followedBy", .strings(catalog.courses.filter { $0.after.contains(id) }.map(\.id))),
            ])
        case "role":
            guard let role = catalog.role(id) else { throw missing(catalog.roles.lazy.map(\.id)) }
            return .object([
                ("kind", "role"), ("item", role.json),
                ("transitionsFrom", .array(catalog.transitions.filter { $0.from == id }.map(\.json))),
                ("transitionsTo", .array(catalog.transitions.filter { $0.to == id }.map(\.json))),
            ])
        default:
            throw JSONFieldError(path: "kind", message: "must be \"skill\", \"course\" or \"role\", got \"\(kind)\"")
        }
    }
}
