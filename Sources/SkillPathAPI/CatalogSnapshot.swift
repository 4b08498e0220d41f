public import SkillPathCore

/// One loaded catalog with what is derived from it once: the planner and the search index.
/// Immutable; the daemon swaps whole snapshots on reload.
public final class CatalogSnapshot: Sendable {
    public let catalog: Catalog
    public let planner: Planner
    public let search: CatalogSearchIndex
    /// Where it was loaded from.
    public let directory: String

    public init(catalog: Catalog, directory: String) {
        self.catalog = catalog
        self.planner = Planner(catalog: catalog)
        self.search = CatalogSearchIndex(catalog: catalog)
        self.directory = directory
    }
}
