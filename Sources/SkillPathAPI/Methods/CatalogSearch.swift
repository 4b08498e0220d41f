import SkillPathCore
import SkillPathJSON

/// `catalog.search`: ranked text search over names, titles, aliases and tags.
enum CatalogSearch {
    static let method = MethodDefinition(
        name: "catalog.search", summary: "Search skill names and aliases, course titles and tags, and role titles.",
        description: "Case-insensitive. Exact matches rank first, then prefixes, word prefixes and substrings; ties by kind (skills, roles, courses) and id.",
        params: [
            MethodDefinition.Parameter("query", Schema.string, required: true, "the text to find"),
            MethodDefinition.Parameter("kinds", Schema.array(Schema.enumeration(["skill", "course", "role"])), "limit to these kinds (default all)"),
            MethodDefinition.Parameter("limit", Schema.integer(minimum: 1, maximum: 200), "at most this many results (default 20)"),
        ],
        resultName: "results",
        resultSchema: Schema.object([("results", Schema.array(Schema.object([
            ("kind", Schema.string), ("id", Schema.string), ("title", Schema.string), ("score", Schema.integer()), ("matched", Schema.string),
        ])))]),
        example: .init(
            params: .object([("query", "kube"), ("limit", 2)]),
            result: .object([("results", .array([
                .object([("kind", "skill"), ("id", "kubernetes"), ("title", "Kubernetes"), ("score", 80), ("matched", "id")]),
                .object([("kind", "course"), ("id", "kubernetes-101"), ("title", "Introduction to Kubernetes"), ("score", 80), ("matched", "id")]),
            ]))]))
    ) { context, params in
        let query = try params.required("query").string()
        var kinds = Set(CatalogSearchIndex.Kind.allCases)
        if let field = try params.optional("kinds") {
            kinds = []
            for element in try field.array() {
                let name = try element.string()
                guard let kind = CatalogSearchIndex.Kind(rawValue: name) else {
                    throw JSONFieldError(path: element.path, message: "must be \"skill\", \"course\" or \"role\", got \"\(name)\"")
                }
                kinds.insert(kind)
            }
        }
        let limit = try params.optional("limit")?.int(in: 1...200) ?? 20
        let hits = context.snapshot.search.search(query, kinds: kinds, limit: limit)
        return .object([("results", .array(hits.map { hit in
            .object([
                ("kind", .string(hit.kind.rawValue)), ("id", .string(hit.id)), ("title", .string(hit.title)),
                ("score", .int(hit.score)), ("matched", .string(hit.field)),
            ])
        }))])
    }
}
