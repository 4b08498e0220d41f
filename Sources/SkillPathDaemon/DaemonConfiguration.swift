import Foundation
public import SkillPathCore
public import SystemSupport

/// Everything the daemon needs to start, from defaults, then the config file, then command-line flags.
public struct DaemonConfiguration: Sendable, Equatable {
    public var socketPath: String
    public var socketMode: UInt32 = 0o660
    public var catalogDirectory: String
    public var databasePath: String
    public var logLevel: Logger.Level = .info
    public var maxConnections = 512
    /// Connections one user the organisation knows may hold at once.
    public var maxConnectionsPerUser = 32
    /// Connections one local user outside the organisation may hold at once.
    public var maxConnectionsPerStranger = 4
    /// Connections above `maxConnections` that only root and administrators may use (services never).
    public static let operatorReserve = 64
    /// Connections one service account (an LMS) may hold at once: it gets more than a person, never all.
    public var maxConnectionsPerService = 64
    /// Connections one administrator other than root may hold at once, the operators' reserve included.
    public var maxConnectionsPerAdmin = 16
    public var maxMessageBytes = 1_048_576
    /// Large messages (16 KiB and up) one user's connections may be answering at once; the others wait their turn (`MessageGate`).
    public var maxConcurrentMessagesPerUser = 4
    /// Requests one JSON-RPC batch may hold.
    public var maxBatchRequests = 1_000
    /// Bytes one reply line may carry; past it a batch's remaining requests get an error (`ReplyLimits`).
    public var maxReplyBytes = 16 << 20
    /// Seconds a connection may stay silent, between messages, before it is closed.
    public var idleTimeout: Double = 300
    /// Seconds a message may take to arrive, counted from its first byte: a client trickling bytes cannot
    /// hold its connection (and a thread) forever.
    public var requestTimeout: Double = 30
    /// Seconds a stop waits for in-flight requests before exiting anyway.
    public var drainTimeout: Double = 10
    /// User names and `@group` names treated as administrators (root always is).
    public var admins: [String] = []
    /// User names and `@group` names of LMS front-ends and other services.
    public var services: [String] = []
    /// Load the sample organisation into an empty database at start: nil decides by itself (only for the
    /// embedded defaults; see `SampleOrganisation.decide`), a config file's `sample_organisation` forces it.
    public var sampleOrganisation: Bool?
    /// A group that may read the state folder and the database (0750/0640); without one they are 0700/0600.
    public var stateGroup: String?
    /// How stored skill evidence becomes the levels plans use (docs/evidence.md).
    public var skillPolicy = SkillPolicy()
    /// What hiring from outside costs and takes, for building-versus-buying (`external_hire_cost`, `external_days_to_fill`).
    public var externalHire = ExternalHire()
    /// The event log keeps events this many days (nil: no limit by age)…
    public var eventRetentionDays: Int? = 90
    /// …and at most this many of the newest (nil: no limit by count). A cursor older than both gets an error.
    public var eventRetentionCount: Int? = 2_000_000
    /// A subscriber more events behind the log than this is cut off (it reads on with `events.list`).
    public var eventSubscriberMaxLag = 100_000
    /// A subscriber whose socket stays three-quarters full this long is cut off.
    public var eventSubscriberStallSeconds: Double = 30

    /// The embedded defaults: the shipped catalog and a local state folder, so `swift run skillpathd` works
    /// on a fresh clone.
    public static func defaults(workingDirectory: String) -> DaemonConfiguration {
        let state = "\(workingDirectory)/.skillpath"
        return DaemonConfiguration(
            socketPath: "\(state)/skillpathd.sock", catalogDirectory: shippedCatalog(workingDirectory: workingDirectory),
            databasePath: "\(state)/skillpath.db")
    }

    /// `./Catalog` when run from the repository, otherwise the `Catalog/` of the source tree this binary was
    /// built from (so `swift run` works from any folder of a clone).
    static func shippedCatalog(workingDirectory: String) -> String {
        let local = "\(workingDirectory)/Catalog"
        if FileManager.default.fileExists(atPath: local) { return local }
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return source.appendingPathComponent("Catalog").path
    }
}
