public import SkillPathCore
public import SkillPathStore
import SystemSupport

/// Everything a method handler may use: the service, its store, the catalog it started on, who is calling,
/// and the date.
///
/// Built once per request. A handler works on `snapshot` from start to finish: a reload swaps the service's
/// catalog for later requests, never under a running one. `today` is read once, when the request arrives,
/// so every date of one answer agrees even across midnight. `principal` is resolved once, by the
/// dispatcher, before the handler runs; the access checks read it and never look the caller up again.
public struct CallContext: Sendable {
    public let service: any ServiceEnvironment
    public let store: OrganisationStore
    public let snapshot: CatalogSnapshot
    public let caller: Caller
    public let today: CalendarDate
    /// The method being called, for refusals.
    public internal(set) var method: String = ""
    /// The employee a service acts for (the `actor` parameter), when one is given.
    public internal(set) var actor: String?
    /// Who the caller is to the access rules (docs/access.md).
    public internal(set) var principal: Principal = .unknown
    /// The connection the call came on, when it can carry notifications after the reply (`events.subscribe`).
    public var channel: (any EventChannel)?

    public init(service: any ServiceEnvironment, snapshot: CatalogSnapshot, caller: Caller, today: CalendarDate = CallContext.localToday()) {
        self.service = service
        self.store = service.store
        self.snapshot = snapshot
        self.caller = caller
        self.today = today
    }

    /// Today in the daemon's time zone.
    public static func localToday() -> CalendarDate {
        CalendarDate(daysSinceEpoch: LocalClock.todayDaysSinceEpoch())
    }
}

/// What the daemon offers its methods. Implemented by `SkillPathDaemon`; tests of the API layer go through
/// the real daemon, so there is no second implementation.
public protocol ServiceEnvironment: Sendable {
    var version: String { get }
    var uptimeSeconds: Double { get }
    var isDraining: Bool { get }
    var openConnections: Int { get }
    /// Connections answering a message right now (this request's own included): what a drain waits for.
    var busyConnections: Int { get }
    /// The organisation store.
    var store: OrganisationStore { get }
    /// How stored skill evidence becomes the levels plans use (the configuration's skill policy).
    var skillPolicy: SkillPolicy { get }
    /// The configuration's estimate of hiring from outside, per role (`ExternalHire`).
    var externalHire: ExternalHire { get }
    func currentCatalog() -> CatalogSnapshot
    /// Re-reads the catalog and swaps it in when valid; the old one keeps serving otherwise. The reload is
    /// in the audit trail, with `requestedBy`.
    func reloadCatalog(requestedBy: String) -> Result<CatalogReloaded, CatalogRejection>
}

/// A catalog swapped in, and the courses it no longer has that active assignments still plan (their plans
/// stay frozen; completions of those courses still land: docs/catalog.md, "Retired courses").
public struct CatalogReloaded: Sendable {
    public var snapshot: CatalogSnapshot
    public var retiredInPlans: [(course: String, assignments: Int)]

    public init(snapshot: CatalogSnapshot, retiredInPlans: [(course: String, assignments: Int)]) {
        self.snapshot = snapshot
        self.retiredInPlans = retiredInPlans
    }
}

/// The caller, as the kernel identified them on the socket (SO_PEERCRED) and the configuration classified
/// them. The organisation store adds the employee the login maps to.
public struct Caller: Sendable, Equatable {
    public var uid: UInt32
    public var userName: String?
    public var isAdmin: Bool
    public var isService: Bool

    public init(uid: UInt32, userName: String?, isAdmin: Bool, isService: Bool) {
        self.uid = uid
        self.userName = userName
        self.isAdmin = isAdmin
        self.isService = isService
    }

    /// How the caller is named in logs and refusals.
    public var label: String { userName.map { "\($0) (uid \(uid))" } ?? "uid \(uid)" }
}
