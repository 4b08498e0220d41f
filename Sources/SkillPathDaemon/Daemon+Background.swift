import Dispatch
import Foundation
import Glibc
import JSONRPC
import Locking
import SkillPathAPI
import SkillPathCore
import SkillPathProtocol
import SystemSupport

/// What the daemon does besides answering requests: signals, timers and background threads, each started
/// by `run` and stopped by the drain.
extension Daemon {
    func installSignalHandlers() {
        signal(SIGPIPE, SIG_IGN)
        // Past a file-size limit (RLIMIT_FSIZE) a write should fail with EFBIG, which SQLite turns into a
        // refused write, rather than the signal's default: killing the daemon.
        signal(SIGXFSZ, SIG_IGN)
        for number in [SIGTERM, SIGINT, SIGHUP] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: signalQueue)
            source.setEventHandler { [self] in
                if number == SIGHUP {
                    logger.notice("SIGHUP: reloading the catalog")
                    DispatchQueue.global().async { _ = self.reloadCatalog(requestedBy: "SIGHUP") }
                } else {
                    requestStop(reason: number == SIGTERM ? "SIGTERM" : "SIGINT")
                }
            }
            source.resume()
            sources.withLock { $0.all.append(source) }
        }
    }

    /// The event log's housekeeping on its own thread: the retention, and the assignments' verdicts.
    func startEventKeeping() {
        let keeping = EventKeeping(store: store, configuration: configuration, logger: logger, isStopping: { [self] in isDraining })
        let thread = Thread { keeping.run() }
        thread.name = "skillpathd-event-keeping"
        thread.start()
    }

    /// Secondments end on their planned day even when nobody asks: at start, then every ten minutes.
    func startSecondmentClock() {
        let timer = DispatchSource.makeTimerSource(queue: DispatchQueue.global(qos: .utility))
        timer.schedule(deadline: .now(), repeating: 600)
        timer.setEventHandler { [self] in
            do {
                let returns = try store.endDueSecondments(today: CallContext.localToday(), catalog: catalogs.current.catalog)
                if !returns.isEmpty { logger.notice("secondments ended on their planned day", [("count", String(returns.count))]) }
            } catch {
                logger.warning("could not end due secondments", [("reason", String(describing: error))])
            }
        }
        timer.resume()
        sources.withLock { $0.all.append(timer) }
    }

    /// The aspiration picture plans every wish once per catalog and remembers it (`ReadinessPlanMemo`): made
    /// in the background a minute after start, every ten minutes, after each catalog reload, and once a burst of
    /// aspiration changes has settled (`SettlingWarmUp`), it answers the people who ask from memory, planning
    /// only the wishes that changed since. The profile cache is filled at start and once a burst of evidence
    /// changes has settled, checked on the same beat; the mobility ledger is filled at start, after it, and
    /// then kept current by the writes themselves.
    func startReadinessWarmUp() {
        prepareRoles()
        DispatchQueue.global(qos: .utility).async { [self] in
            fillProfileCache(because: "start")
            fillMobilityLedger()
        }
        let timer = DispatchSource.makeTimerSource(queue: DispatchQueue.global(qos: .background))
        timer.schedule(deadline: .now() + 60, repeating: 600)
        timer.setEventHandler { [self] in warmReadiness(because: "scheduled") }
        timer.resume()
        let check = DispatchSource.makeTimerSource(queue: DispatchQueue.global(qos: .background))
        let interval = DispatchTimeInterval.seconds(SettlingWarmUp.checkSeconds)
        check.schedule(deadline: .now() + interval, repeating: interval)
        check.setEventHandler { [self] in
            if profileWarmUp.changesSettled(commits: store.profileCommits) { fillProfileCache(because: "evidence changed") }
            if readinessWarmUp.changesSettled(commits: store.aspirationCommits) { warmReadiness(because: "aspirations changed") }
        }
        check.resume()
        sources.withLock { $0.all += [timer, check] }
    }

    /// Reads into the profile cache everyone it lacks (`OrganisationStore.fillProfileCache`), so that the
    /// next picture or ranking over the organisation finds their evidence in memory; logged at info when it
    /// read anyone.
    func fillProfileCache(because reason: String) {
        let began = ContinuousClock.now
        var read = 0
        let ran = profileWarmUp.run(commits: store.profileCommits) {
            do {
                read = try store.fillProfileCache()
            } catch {
                logger.warning("could not fill the profile cache", [("reason", String(describing: error))])
            }
        }
        guard ran, read > 0 else { return }
        let milliseconds = (ContinuousClock.now - began) / .milliseconds(1)
        let size = store.profileCacheSize
        logger.info("profile cache filled", [
            ("reason", reason), ("read", String(read)), ("people", String(size.people)), ("pieces", String(size.pieces)),
            ("ms", String(Int(milliseconds.rounded()))),
        ])
    }

    /// Reads everyone's moves and progress into the mobility ledger (`OrganisationStore.fillMobilityLedger`),
    /// so that the first mobility report does not; logged at info.
    func fillMobilityLedger() {
        let began = ContinuousClock.now
        do {
            let size = try store.fillMobilityLedger()
            let milliseconds = (ContinuousClock.now - began) / .milliseconds(1)
            logger.info("mobility ledger filled", [
                ("people", String(size.people)), ("moves", String(size.moves)), ("progress", String(size.progress)),
                ("ms", String(Int(milliseconds.rounded()))),
            ])
        } catch {
            logger.warning("could not fill the mobility ledger", [("reason", String(describing: error))])
        }
    }

    /// Every role's floor (`Planner.prepareFloors`), made in the background once per catalog, so that the first
    /// plans to each role after a load do not pay for it; on a catalog of up to `Planner.rankingsPreparedUpTo`
    /// courses, all that ranking keeps per role too (`Planner.prepareRankings`), so that neither a role's
    /// first ranking nor a catalog's first aspiration picture builds it. ESCO's 3,007 roles take 0.5 s and
    /// 1 MiB; a generated catalog of 100,000 courses and 5,000 roles would take 6.5 s and 217 MiB
    /// (docs/benchmarks.md), so there only the roles asked for are built, as they are asked for.
    func prepareRoles() {
        let planner = catalogs.current.planner
        DispatchQueue.global(qos: .background).async {
            if planner.catalog.courses.count <= Planner.rankingsPreparedUpTo { planner.prepareRankings() } else { planner.prepareFloors() }
        }
    }

    /// Makes the organisation's aspiration picture as an administrator would ask for it (counted), so that its
    /// plans are remembered; logged at info with why and how long it took.
    func warmReadiness(because reason: String) {
        let began = ContinuousClock.now
        let ran = readinessWarmUp.run(commits: store.aspirationCommits) {
            let internalAdmin = Caller(uid: 0, userName: "skillpathd", isAdmin: true, isService: false)
            let request = JSONRPCRequest(
                id: .string("warm-up"), method: ReportsAspirations.name, params: ReportsAspirations.Params(limit: 1, countReady: true).json)
            _ = dispatcher.handle(request, context: context(for: internalAdmin))
        }
        guard ran else { return }
        let milliseconds = (ContinuousClock.now - began) / .milliseconds(1)
        logger.info("aspiration picture warmed", [("reason", reason), ("ms", String(Int(milliseconds.rounded())))])
    }

    /// Follows the database's integrity check, which the store runs before its first write while reads are
    /// already answered: logged when it passes; when it fails, nothing was written and the daemon stops with
    /// status 1, as it would have before serving.
    func startIntegrityWatch() {
        let thread = Thread { [self] in
            switch store.waitForIntegrityCheck() {
            case .success(let seconds):
                if seconds > 0 { logger.info("the database passed its integrity check", [("database", store.path), ("seconds", String(format: "%.2f", seconds))]) }
            case .failure(let error):
                logger.error("cannot open the organisation store; stopping without having written to it", [("database", store.path), ("reason", error.message)])
                notifier.status("database damaged: stopping")
                exitStatus.withLock { $0 = 1 }
                requestStop(reason: "the database failed its integrity check")
            }
        }
        thread.name = "skillpathd-check"
        thread.start()
    }

    /// Says at error level, once, when the database file is deleted or replaced under the daemon (every
    /// write is refused from then on, and `system.health` reports it), and again if it comes back. Checked
    /// every five seconds, so that the log tells even when nobody writes.
    func startDatabaseWatch() {
        let reported = Locked<String?>(nil)
        let timer = DispatchSource.makeTimerSource(queue: DispatchQueue.global(qos: .utility))
        timer.schedule(deadline: .now() + 5, repeating: 5)
        timer.setEventHandler { [self] in
            let problem = store.file.problem
            let changed = reported.withLock { last in
                defer { last = problem }
                return last != problem
            }
            guard changed else { return }
            if let problem {
                logger.error("the database file is gone; refusing every write until it is restored and the daemon restarted", [("reason", problem)])
                notifier.status("database file gone: writes refused")
            } else {
                logger.notice("the database file is back at its path", [("database", store.path)])
            }
        }
        timer.resume()
        sources.withLock { $0.all.append(timer) }
    }

    func startWatchdog() {
        guard let interval = notifier.watchdogInterval else { return }
        let timer = DispatchSource.makeTimerSource(queue: signalQueue)
        timer.schedule(deadline: .now() + interval, repeating: interval)
        timer.setEventHandler { [self] in
            if !isDraining { notifier.watchdog() }
        }
        timer.resume()
        sources.withLock { $0.all.append(timer) }
        logger.info("watchdog enabled", [("interval_s", String(interval))])
    }
}
