public import SkillPathCore
public import SkillPathJSON
import SkillPathProtocol

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
    /// The catalog's part of `system.health`, built once: health is called thousands of times a second.
    public let healthSummary: JSONValue
    /// xAPI activity IRIs to course ids: each course's `externalIds.xapi`, and its `url`. When two courses
    /// claim one IRI, the first in id order keeps it (an explicit `xapi` before any `url`).
    public let xapiActivities: [String: String]

    public init(catalog: Catalog, directory: String) {
        self.catalog = catalog
        self.planner = Planner(catalog: catalog)
        self.search = CatalogSearchIndex(catalog: catalog)
        self.directory = directory
        self.warningsByKind = .object(JSONObject(WarningGroup.groups(catalog.warnings).map { JSONMember($0.code.rawValue, .int($0.warnings.count)) }))
        self.healthSummary = SystemHealth.Result.summary(of: catalog, warningsByKind: warningsByKind)
        var activities: [String: String] = [:]
        let byID = catalog.courses.sorted { $0.id.utf8.lexicographicallyPrecedes($1.id.utf8) }
        for course in byID { if let iri = course.xapiActivity, activities[iri] == nil { activities[iri] = course.id } }
        for course in byID { if let url = course.url, activities[url] == nil { activities[url] = course.id } }
        self.xapiActivities = activities
    }
}
