public import SkillPathCore
public import SkillPathJSON

/// One loaded catalog with what is derived from it once: the planner and the search index.
/// Immutable; the daemon swaps whole snapshots on reload.
public final class CatalogSnapshot: Sendable {
    public let catalog: Catalog
    public let planner: Planner
    public let search: CatalogSearchIndex
    /// Where it was loaded from.
    public let directory: String
    /// The catalog's warnings counted by code, for `system.health` (computed once, not per call).
    public let warningsByKind: JSONValue

    public init(catalog: Catalog, directory: String) {
        self.catalog = catalog
        self.planner = Planner(catalog: catalog)
        self.search = CatalogSearchIndex(catalog: catalog)
        self.directory = directory
        self.warningsByKind = .object(JSONObject(WarningGroup.groups(catalog.warnings).map { JSONMember($0.code.rawValue, .int($0.warnings.count)) }))
    }
}
