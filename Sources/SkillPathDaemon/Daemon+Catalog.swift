import Dispatch
import Foundation
public import SkillPathAPI
public import SkillPathCore
import SkillPathJSON
import SystemSupport

/// Swapping the catalog in (a reload by `catalog.reload` or SIGHUP), with what it says and records.
extension Daemon {
    public func reloadCatalog(requestedBy actor: String) -> Result<CatalogReloaded, CatalogRejection> {
        notifier.reloading()
        defer { notifier.ready() }
        let previous = catalogs.current.catalog.version
        let outcome = catalogs.reload().map { snapshot in CatalogReloaded(snapshot: snapshot, retiredInPlans: retiredInPlans(snapshot.catalog)) }
        let detail: JSONValue
        var event: EventDraft?
        switch outcome {
        case .success(let reloaded):
            let catalog = reloaded.snapshot.catalog
            prepareRoles()
            DispatchQueue.global(qos: .background).async { [self] in warmReadiness(because: "catalog reloaded") }
            detail = .object([
                ("from", .string(previous)), ("to", .string(catalog.version)), ("changed", .bool(catalog.version != previous)),
                ("retiredInPlans", reloaded.retiredInPlans.isEmpty ? nil : .strings(reloaded.retiredInPlans.map(\.course))),
            ])
            event = EventDraft(.catalogReloaded, employee: nil, data: .object([
                ("from", .string(previous)), ("to", .string(catalog.version)), ("changed", .bool(catalog.version != previous)),
                ("skills", .int(catalog.skills.count)), ("courses", .int(catalog.courses.count)), ("roles", .int(catalog.roles.count)),
            ]))
        case .failure(let rejection):
            detail = .object([("from", .string(previous)), ("refused", .bool(true)), ("errors", .int(rejection.errors.count))])
        }
        do {
            try store.recordAudit(actor: actor, action: "catalog.reload", subject: configuration.catalogDirectory, detail: detail, event: event)
        } catch {
            logger.warning("the catalog reload could not be recorded in the audit trail", [("error", String(describing: error))])
        }
        return outcome
    }

    /// The courses `catalog` lacks that active assignments still plan, logged as a warning: their plans stay
    /// frozen and their completions still land (docs/catalog.md, "Retired courses").
    func retiredInPlans(_ catalog: Catalog) -> [(course: String, assignments: Int)] {
        do {
            let retired = try store.plannedCourses(missingFrom: { catalog.course($0) != nil })
            if !retired.isEmpty {
                logger.warning("active assignments plan courses the catalog no longer has; their plans stay frozen and completions still land", [
                    ("courses", String(retired.count)), ("assignments", String(retired.reduce(0) { $0 + $1.assignments })),
                    ("first", retired.prefix(10).map { "\($0.course) (\($0.assignments))" }.joined(separator: ", ")),
                ])
            }
            return retired
        } catch {
            logger.warning("could not list the courses active assignments plan", [("error", String(describing: error))])
            return []
        }
    }

    /// A per-role external hire figure for a role the catalog lacks is a typo or a retired role: it is kept
    /// (a later catalog may have the role) and said at start, so that nobody wonders why it never shows.
    func warnOfUnknownHireRoles(_ catalog: Catalog) {
        let hire = configuration.externalHire
        let unknown = Set(hire.costByRole.keys).union(hire.daysToFillByRole.keys).filter { catalog.role($0) == nil }.sorted()
        guard !unknown.isEmpty else { return }
        logger.warning("the configuration gives external hire figures for roles the catalog does not have", [("roles", unknown.joined(separator: ", "))])
    }
}
