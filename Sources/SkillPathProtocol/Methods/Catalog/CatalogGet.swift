public import SkillPathCore
public import SkillPathJSON

/// `catalog.get`: one skill, course or role by id, with what links to it.
public enum CatalogGet: RPCMethod {
    public static let description = MethodDescription(
        name: "catalog.get", summary: "One skill, course or role by id (and kind, when the id is not unique across kinds).",
        description: """
        Returns the item as in the catalog files, plus links: for a skill, the courses teaching it and the roles \
        requiring it; for a course, the courses that must come after it; for a role, its transitions in and out.
        """,
        params: [
            MethodDescription.Parameter("kind", Schema.enumeration(Kind.allCases.map(\.rawValue)), "what to get (default: the one kind holding the id)"),
            MethodDescription.Parameter("id", Schema.string, required: true, "its id"),
        ],
        resultName: "item", resultSchema: .object([("type", "object")]), errors: [.notFound],
        example: .init(
            params: .object([("kind", "role"), ("id", "eng-senior")]),
            result: .object([
                ("kind", "role"),
                ("item", .object([("id", "eng-senior"), ("title", "Senior Software Engineer"), ("family", "engineering"), ("grade", "E3"), ("requires", .array([]))])),
                ("transitionsFrom", .array([.object([("from", "eng-senior"), ("to", "eng-manager"), ("kind", "promotion")])])),
                ("transitionsTo", .array([.object([("from", "eng-mid"), ("to", "eng-senior"), ("kind", "promotion")])])),
            ])))

    public enum Kind: String, Sendable, CaseIterable {
        case skill, course, role
    }

    public struct Params: RPCParams, Equatable {
        public var kind: Kind?
        public var id: String

        public init(kind: Kind? = nil, id: String) {
            self.kind = kind
            self.id = id
        }

        public init(json params: JSONField) throws {
            kind = try params.optional("kind")?.choice(Kind.self)
            id = try params.required("id").string()
        }

        public var json: JSONValue { .object([("kind", kind.map { .string($0.rawValue) }), ("id", .string(id))]) }
    }

    /// The item with its links.
    public enum Result: RPCResult {
        case skill(Skill, taughtBy: [String], requiredBy: [String])
        case course(Course, followedBy: [String])
        case role(Role, transitionsFrom: [Transition], transitionsTo: [Transition])

        public var json: JSONValue {
            switch self {
            case .skill(let skill, let taughtBy, let requiredBy):
                .object([("kind", "skill"), ("item", skill.json), ("taughtBy", .strings(taughtBy)), ("requiredBy", .strings(requiredBy))])
            case .course(let course, let followedBy):
                .object([("kind", "course"), ("item", course.json), ("followedBy", .strings(followedBy))])
            case .role(let role, let from, let to):
                .object([("kind", "role"), ("item", role.json), ("transitionsFrom", .array(from.map(\.json))), ("transitionsTo", .array(to.map(\.json)))])
            }
        }
    }
}

/// `catalog.search`: ranked text search over names, titles, aliases and tags.
public enum CatalogSearch: RPCMethod {
    public static let maximumLimit = 200
    public static let defaultLimit = 20

    public static let description = MethodDescription(
        name: "catalog.search", summary: "Search skill names and aliases, course titles and tags, and role titles.",
        description: "Case-insensitive. Exact matches rank first, then prefixes, word prefixes and substrings; ties by kind (skills, roles, courses) and id.",
        params: [
            MethodDescription.Parameter("query", Schema.string, required: true, "the text to find"),
            MethodDescription.Parameter("kinds", Schema.array(Schema.enumeration(CatalogSearchIndex.Kind.allCases.map(\.rawValue))), "limit to these kinds (default all)"),
            MethodDescription.Parameter("limit", Schema.integer(minimum: 1, maximum: maximumLimit), "at most this many results (default \(defaultLimit))"),
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
            ]))])))

    public struct Params: RPCParams, Equatable {
        public var query: String
        /// nil: every kind.
        public var kinds: Set<CatalogSearchIndex.Kind>?
        public var limit: Int?

        public init(query: String, kinds: Set<CatalogSearchIndex.Kind>? = nil, limit: Int? = nil) {
            self.query = query
            self.kinds = kinds
            self.limit = limit
        }

        public init(json params: JSONField) throws {
            query = try params.required("query").string()
            if let field = try params.optional("kinds") { kinds = Set(try field.array().map { try $0.choice(CatalogSearchIndex.Kind.self) }) }
            limit = try params.optional("limit")?.int(in: 1...maximumLimit)
        }

        public var json: JSONValue {
            .object([
                ("query", .string(query)), ("kinds", kinds.map { .strings($0.map(\.rawValue).sorted()) }), ("limit", limit.map(JSONValue.int)),
            ])
        }
    }

    public struct Result: RPCResult {
        public var hits: [CatalogSearchIndex.Hit]

        public init(hits: [CatalogSearchIndex.Hit]) {
            self.hits = hits
        }

        public var json: JSONValue {
            .object([("results", .array(hits.map { hit in
                .object([
                    ("kind", .string(hit.kind.rawValue)), ("id", .string(hit.id)), ("title", .string(hit.title)),
                    ("score", .int(hit.score)), ("matched", .string(hit.field)),
                ])
            }))])
        }
    }
}

/// `catalog.reload`: re-read the catalog directory and swap it in, or keep the old one and say why.
public enum CatalogReload: RPCMethod {
    public typealias Params = NoParams

    public static let description = MethodDescription(
        name: "catalog.reload", summary: "Re-read the catalog and swap it in atomically (administrators).",
        description: """
        Requests already running finish on the old catalog. A catalog with errors is refused: the old one keeps \
        serving and the error lists the problems (`data.errors`). Same as sending SIGHUP, but answers with the outcome. \
        `retiredInPlans` lists the courses the new catalog lacks that active assignments still plan, with how many \
        plan each: those plans stay frozen, and the LMS's completions of those courses still land.
        """,
        params: [], resultName: "reload",
        resultSchema: Schema.object([
            ("version", Schema.string), ("previousVersion", Schema.string), ("changed", Schema.boolean),
            ("skills", Schema.integer()), ("courses", Schema.integer()), ("roles", Schema.integer()), ("warnings", Schema.integer()),
            ("retiredInPlans", Schema.array(Schema.object([("course", Schema.string), ("assignments", Schema.integer())]))),
        ]),
        errors: [.catalogRejected, .forbidden],
        example: .init(params: .object([]), result: .object([
            ("version", "sha256:0850b3839cc00dac"), ("previousVersion", "sha256:0850b3839cc00dac"), ("changed", false),
            ("skills", 126), ("courses", 693), ("roles", 54), ("warnings", 0), ("retiredInPlans", .array([])),
        ])),
        access: .admin)

    public struct Result: RPCResult {
        public var catalog: Catalog
        public var previousVersion: String
        public var retiredInPlans: [(course: String, assignments: Int)]

        public init(catalog: Catalog, previousVersion: String, retiredInPlans: [(course: String, assignments: Int)] = []) {
            self.catalog = catalog
            self.previousVersion = previousVersion
            self.retiredInPlans = retiredInPlans
        }

        public var json: JSONValue {
            .object([
                ("version", .string(catalog.version)), ("previousVersion", .string(previousVersion)), ("changed", .bool(catalog.version != previousVersion)),
                ("skills", .int(catalog.skills.count)), ("courses", .int(catalog.courses.count)), ("roles", .int(catalog.roles.count)),
                ("warnings", .int(catalog.warnings.count)),
                ("retiredInPlans", .array(retiredInPlans.map { .object([("course", .string($0.course)), ("assignments", .int($0.assignments))]) })),
            ])
        }
    }
}
