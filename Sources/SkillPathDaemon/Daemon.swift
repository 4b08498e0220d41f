import Dispatch
import Foundation
import Glibc
import JSONRPC
public import SkillPathAPI
public import SkillPathCore
import SkillPathJSON
import SkillPathProtocol
public import SkillPathStore
import Locking
import Synchronization
import SystemSupport

/// The running service: catalog, dispatcher, listening socket, connections and lifecycle.
///
/// Threading: the accept loop and each connection run on their own threads; signals arrive on `signalQueue`;
/// the main thread waits in `run` for a stop and then drains. `lifecycle` is behind a `Locked`, and so is
/// `timers` (set once `run` starts them); everything else is a `let` of a Sendable type.
public final class Daemon: ServiceEnvironment, Sendable {
    public static let version = SkillPathVersion.current

    let configuration: DaemonConfiguration
    let logger: Logger
    public let store: OrganisationStore
    public var skillPolicy: SkillPolicy { configuration.skillPolicy }
    public var externalHire: ExternalHire { configuration.externalHire }
    let catalogs: CatalogHolder
    let dispatcher: Dispatcher
    let notifier: SystemdNotifier
    let connections = ConnectionRegistry()
    /// The newest events as notification lines, shared by the subscribers who see every event.
    let eventFanOut: EventFanOut
    /// The bounds on every message's reply, from the configuration.
    let replyLimits: ReplyLimits
    /// How many of one user's messages are answered at once.
    let messageGate: MessageGate
    /// Under an address-space limit, how many connections and messages fit in it; nil without one.
    let addressSpace: AddressSpaceBudget?
    /// Address space, not memory: pages are touched only as deep as a request really goes (the parser, the
    /// planner's depth-first search and the JSON writer recurse, each within its own limit).
    static let connectionStackSize = 16 << 20
    private let binding: SocketBinding
    private let started = ContinuousClock.now
    private let lifecycle = Locked(Lifecycle.starting)
    /// What `run` returns once drained: 0, or 1 after a stop for a damaged database (`startIntegrityWatch`).
    let exitStatus = Locked<Int32>(0)
    /// Set once a stop has been announced (to the log and systemd): what `run` waits for to drain.
    private let stopAnnounced = Locked(false)
    /// The timers and signal sources `run` starts, kept so that a stop can cancel them.
    let sources = Locked(DispatchSources())
    /// How many connections are answering a message (`Connection.respond`).
    let busy = Atomic<Int>(0)
    /// Gives freed memory back after long requests.
    let heapTrim = HeapTrim()
    /// When the aspiration picture is warmed in the background, one warm-up at a time.
    let readinessWarmUp: SettlingWarmUp
    /// When the profile cache is filled in the background, one fill at a time.
    let profileWarmUp: SettlingWarmUp
    /// Whether a check to release memory after the last connection closed is already scheduled.
    private let trimPending = Atomic<Bool>(false)
    let signalQueue = DispatchQueue(label: "skillpathd.signals")
    /// A pipe whose write end wakes the accept loop's `poll` when a stop begins.
    private let wakeAcceptLoop: (read: Int32, write: Int32)

    init(
        configuration: DaemonConfiguration, logger: Logger, catalog: CatalogSnapshot, store: OrganisationStore, binding: SocketBinding,
        notifier: SystemdNotifier
    ) throws(SystemError) {
        self.configuration = configuration
        self.logger = logger
        self.store = store
        self.eventFanOut = EventFanOut(store: store, logger: logger)
        self.readinessWarmUp = SettlingWarmUp(commits: store.aspirationCommits)
        self.profileWarmUp = SettlingWarmUp(commits: store.profileCommits)
        self.catalogs = CatalogHolder(directory: configuration.catalogDirectory, initial: catalog, logger: logger)
        self.binding = binding
        self.notifier = notifier
        self.dispatcher = Dispatcher(methods: MethodRegistry.all(version: Self.version), logger: logger)
        self.addressSpace = AddressSpaceBudget.current()
        if let addressSpace { store.limitProfileCache(to: addressSpace.profilePieces) }
        self.messageGate = MessageGate(perUser: configuration.maxConcurrentMessagesPerUser, overall: addressSpace?.messages)
        self.replyLimits = ReplyLimits(maxBatchRequests: configuration.maxBatchRequests, maxReplyBytes: configuration.maxReplyBytes) { refusal in
            APIError.rpcError(for: refusal)
        }
        var pipeEnds: [Int32] = [0, 0]
        try syscall("pipe") { pipe(&pipeEnds) }
        for end in pipeEnds { try syscall("fcntl", subject: "FD_CLOEXEC") { fcntl(end, F_SETFD, FD_CLOEXEC) } }
        wakeAcceptLoop = (pipeEnds[0], pipeEnds[1])
    }

    // MARK: ServiceEnvironment

    public var version: String { Self.version }

    public var uptimeSeconds: Double {
        let elapsed = ContinuousClock.now - started
        return elapsed.seconds
    }

    public var isDraining: Bool { lifecycle.withLock { $0 != .serving && $0 != .starting } }

    public var openConnections: Int { connections.count }

    public var busyConnections: Int { busy.load(ordering: .relaxed) }

    public func currentCatalog() -> CatalogSnapshot { catalogs.current }

    // MARK: Serving

    /// Serves until SIGTERM or SIGINT, then drains. Returns the exit status.
    func run() -> Int32 {
        installSignalHandlers()
        if configuration.sampleOrganisation == true { SampleOrganisation(daemon: self).loadIfEmpty() }
        startWatchdog()
        startSecondmentClock()
        startEventKeeping()
        eventFanOut.start()
        startReadinessWarmUp()
        startDatabaseWatch()
        startIntegrityWatch()
        let acceptThread = Thread { [self] in acceptLoop() }
        acceptThread.name = "skillpathd-accept"
        acceptThread.start()
        lifecycle.withLock { $0.serve() }
        let catalog = catalogs.current.catalog
        notifier.ready(status: "serving \(catalog.courses.count) courses")
        logger.notice("serving", [
            ("socket", binding.ownedPath ?? "inherited"), ("catalog", catalog.version), ("skills", String(catalog.skills.count)),
            ("courses", String(catalog.courses.count)), ("roles", String(catalog.roles.count)), ("version", Self.version),
        ])
        warnOfUnknownHireRoles(catalog)
        stopAnnounced.withLock(when: { $0 }) { _ in }
        return drain()
    }

    /// Asks the daemon to stop (SIGTERM, SIGINT, or a test).
    func requestStop(reason: String) {
        let action = lifecycle.withLock { $0.stop() }
        guard action == .drain else { return }
        logger.notice("stopping", [("reason", reason)])
        notifier.stopping()
        // Only now may `run` drain and return: the process must not end before systemd heard STOPPING=1.
        stopAnnounced.withLock(waking: .all) { $0 = true }
    }

    private func drain() -> Int32 {
        var byte: UInt8 = 1
        _ = Glibc.write(wakeAcceptLoop.write, &byte, 1)
        binding.socket.shutdownBoth()
        binding.remove()
        connections.beginDrain()
        let left = connections.waitUntilEmpty(timeout: configuration.drainTimeout)
        if left > 0 {
            logger.warning("drain timed out; closing connections still busy", [("connections", String(left))])
            connections.abortRemaining()
        }
        for source in sources.withLock({ $0.all }) { source.cancel() }
        eventFanOut.stop()
        lifecycle.withLock { $0.finish() }
        logger.notice("stopped", [("log_lines_dropped", String(logger.droppedLines))])
        return exitStatus.withLock { $0 }
    }

    private func acceptLoop() {
        let listener = binding.socket
        var descriptors = [
            pollfd(fd: listener.descriptor, events: Int16(POLLIN), revents: 0),
            pollfd(fd: wakeAcceptLoop.read, events: Int16(POLLIN), revents: 0),
        ]
        while true {
            descriptors[0].revents = 0
            descriptors[1].revents = 0
            let ready = poll(&descriptors, 2, -1)
            if ready < 0 && errno == EINTR { continue }
            if descriptors[1].revents != 0 || isDraining { return }
            guard descriptors[0].revents & Int16(POLLIN) != 0 else {
                if descriptors[0].revents != 0 { return }
                continue
            }
            let client: UnixSocket
            do {
                client = try listener.accept()
            } catch {
                if error.errno == EMFILE || error.errno == ENFILE {
                    logger.error("out of file descriptors; pausing accepts", [("error", error.description)])
                    usleep(100_000)
                }
                continue
            }
            admit(client)
        }
    }

    /// A second after the last connection closes, if none opened meanwhile, gives the memory that burst of
    /// connections used back to the system (at most one such check is pending at a time).
    private func releaseMemoryWhenIdle() {
        guard trimPending.compareExchange(expected: false, desired: true, ordering: .acquiringAndReleasing).exchanged else { return }
        DispatchQueue.global(qos: .utility).asyncAfter(deadline: .now() + 1) { [self] in
            trimPending.store(false, ordering: .releasing)
            if connections.count == 0 { FreeMemory.release() }
        }
    }

    /// Serves a new connection on its own thread, or refuses it politely when its caller is at a limit.
    private func admit(_ client: UnixSocket) {
        let caller = identify(client)
        let standing = self.standing(of: caller)
        let limits = ConnectionRegistry.Limits(
            total: configuration.maxConnections, perEmployee: configuration.maxConnectionsPerUser,
            perStranger: configuration.maxConnectionsPerStranger, perService: configuration.maxConnectionsPerService,
            perAdmin: configuration.maxConnectionsPerAdmin, operatorReserve: DaemonConfiguration.operatorReserve, threads: addressSpace?.connections)
        let admission = connections.add(client, uid: caller.uid, standing: standing, limits: limits)
        switch admission {
        case .admitted:
            break
        case .refused, .stopping:
            let (refusal, reason) = if case .refused(let reason) = admission {
                (ConnectionRefusal.overloaded(reason), reason)
            } else {
                (ConnectionRefusal.stopping, "stopping")
            }
            logger.warning("connection refused", [("caller", caller.label), ("reason", reason)])
            refuseOffThread(client, refusal)
            return
        }
        do {
            try DetachedThread.start(stackSize: Self.connectionStackSize) { [self] in
                ThreadRole.requests.enter(named: "skillpathd-conn")
                Connection(socket: client, caller: caller, service: self, logger: logger).serve()
                let wasLast = connections.remove(client)
                client.close()
                if wasLast { releaseMemoryWhenIdle() }
            }
        } catch {
            // Out of address space or threads (a memory cap): this client is told, and nobody else is hurt.
            connections.remove(client)
            logger.error("cannot start a thread for a connection; refusing it", [("caller", caller.label), ("error", error.description)])
            refuseOffThread(client, .overloaded("the daemon cannot take another connection right now (\(error.description)); try again shortly"))
        }
    }

    /// Answers `refusal` and closes, off the accept thread: the goodbye waits up to a second for the client's
    /// request to arrive.
    private func refuseOffThread(_ client: UnixSocket, _ refusal: ConnectionRefusal) {
        DispatchQueue.global().async {
            client.refuseAndHangUp(refusal)
            client.close()
        }
    }

    /// root, administrators, services, employees the store knows by login, or strangers.
    func standing(of caller: Caller) -> ConnectionRegistry.Standing {
        if caller.uid == 0 { return .root }
        if caller.isAdmin { return .admin }
        if caller.isService { return .service }
        guard let login = caller.userName, (try? store.employeeID(login: login)) != nil else { return .stranger }
        return .employee
    }

    // MARK: Per request

    /// Who is on the other end, from the kernel's peer credentials and the configured principals.
    func identify(_ socket: UnixSocket) -> Caller {
        guard let peer = try? socket.peerCredentials() else {
            return Caller(uid: UInt32.max, userName: nil, isAdmin: false, isService: false)
        }
        let name = ProcessIdentity.userName(uid: peer.uid)
        var groups = Set<String>()
        if let name, (configuration.admins + configuration.services).contains(where: { $0.hasPrefix("@") }) {
            groups = ProcessIdentity.groupNames(userName: name, primaryGroup: peer.gid)
        }
        func listed(_ principals: [String]) -> Bool {
            principals.contains { principal in
                principal.hasPrefix("@") ? groups.contains(String(principal.dropFirst())) : principal == name
            }
        }
        return Caller(uid: peer.uid, userName: name, isAdmin: peer.uid == 0 || listed(configuration.admins), isService: listed(configuration.services))
    }

    func context(for caller: Caller) -> CallContext {
        CallContext(service: self, snapshot: catalogs.current, caller: caller)
    }
}

/// The daemon's signal sources and timers. `@unchecked Sendable`: Dispatch sources may be resumed and
/// cancelled from any thread (libdispatch's own rule); the protocols only do not say so.
struct DispatchSources: @unchecked Sendable {
    var all: [any DispatchSourceProtocol] = []
}
