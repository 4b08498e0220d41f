/// A skill or knowledge area that courses teach and roles require.
public struct Skill: Sendable, Hashable {
    public var id: String
    public var name: String
    public var category: String?
    public var description: String?
    public var aliases: [String]
    public var externalIds: ExternalIDs
    public var source: CatalogLocation

    public init(
        id: String, name: String, category: String? = nil, description: String? = nil, aliases: [String] = [],
        externalIds: ExternalIDs = ExternalIDs(), source: CatalogLocation = CatalogLocation(file: "", line: 0)
    ) {
        self.id = id
        self.name = name
        self.category = category
        self.description = description
        self.aliases = aliases
        self.externalIds = externalIds
        self.source = source
    }

    /// Identifiers of the same skill in public taxonomies, so imported catalogs can be traced to their source.
    public struct ExternalIDs: Sendable, Hashable {
        public var esco: String?
        public var onet: String?

        public init(esco: String? = nil, onet: String? = nil) {
            self.esco = esco
            self.onet = onet
        }

        public var isEmpty: Bool { esco == nil && onet == nil }
    }
}
