public import SkillPathCore
public import SkillPathStore
import SkillPathJSON
import SystemSupport

/// Everything a method handler may use: the service, the catalog it started on, who is calling, the date.
///
/// A handler works on `snapshot` from start to finish: a reload swaps the service's catalog for later
/// requests, never under a running one.
public struct CallContext: Sendable {
    public let service: any ServiceEnvironment
    public let snapshot: CatalogSnapshot
    public let caller: Caller
    /// The method being called, for refusals.
    public var method: String = ""
    /// The employee a service acts for (the `actor` parameter), when one is given.
    public var actor: String?

    public init(service: any ServiceEnvironment, snapshot: CatalogSnapshot, caller: Caller) {
        self.service = service
        self.snapshot = snapshot
        self.caller = caller
    }

    /// Today in the daemon's time zone: the default `startDate` of a schedule. Read only when a request
    /// needs it, because it takes the C library's time-zone lock.
    public var today: CalendarDate { Self.localToday() }

    /// Today in the daemon's time zone, for work no request asked for (secondments ending on their day).
    public static func localToday() -> CalendarDate {
        let now = Terminal.today()
        return CalendarDate(year: now.year, month: now.month, day: now.day) ?? Timestamps.today()
    }
}

/// What the daemon offers its methods. Implemented by `SkillPathDaemon`; tests of the API layer go through
/// the real daemon, so there is no second implementation.
public protocol ServiceEnvironment: Sendable {
    var version: String { get }
    var uptimeSeconds: Double { get }
    var isDraining: Bool { get }
    var openConnections: Int { get }
    /// The organisation store, when the daemon has one.
    var store: OrganisationStore? { get }
    /// How stored skill evidence becomes the levels plans use (the configuration's skill policy).
    var skillPolicy: SkillPolicy { get }
    func currentCatalog() -> CatalogSnapshot
    /// Re-reads the catalog and swaps it in when valid; the old one keeps serving otherwise. The reload is
    /// in the audit trail, with `requestedBy`.
    func reloadCatalog(requestedBy: String) -> Result<CatalogSnapshot, CatalogRejection>
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
