import Dispatch
import Foundation
import Glibc
import JSONRPC
import Locking
import SkillPathAPI
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
    /// aspiration changes has settled (`ReadinessWarmUp`), it answers the people who ask from memory, planning
    /// only the wishes that changed since.
    func startReadinessWarmUp() {
        prepareFloors()
        let timer = DispatchSource.makeTimerSource(queue: DispatchQueue.global(qos: .background))
        timer.schedule(deadline: .now() + 60, repeating: 600)
        timer.setEventHandler { [self] in warmReadiness(because: "scheduled") }
        timer.resume()
        let check = DispatchSource.makeTimerSource(queue: DispatchQueue.global(qos: .background))
        let interval = DispatchTimeInterval.seconds(ReadinessWarmUp.checkSeconds)
        check.schedule(deadline: .now() + interval, repeating: interval)
        check.setEventHandler { [self] in
            if readinessWarmUp.changesSettled(commits: store.aspirationCommits) { warmReadiness(because: "aspirations changed") }
        }
        check.resume()
        sources.withLock { $0.all += [timer, check] }
    }

    /// Every role's floor (`Planner.prepareFloors`), made in the background once per catalog, so that the first
    /// plans to each role after a load do not pay for it.
    func prepareFloors() {
        let planner = catalogs.current.planner
        DispatchQueue.global(qos: .background).async { planner.prepareFloors() }
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
