import Foundation
import Locking
import SkillPathCore

/// The store's connections: one writer, on its own thread, committing writes in groups; and a pool of
/// readers, which WAL lets run alongside the writer.
///
/// Group commit: writes queue up while the writer commits the previous group; the next group runs as one
/// transaction (each write in its own savepoint, so one failure does not undo the others) and one fsync.
/// Every caller waits until its group is committed, so no reply is ever sent before its data is on disk.
///
/// `@unchecked Sendable`: the queue and the reader pool are each behind a `Locked`; the writer connection
/// belongs to the writer thread alone, and an idle reader to the pool until a reader checks it out.
final class StoreConnections: @unchecked Sendable {
    let path: String
    private struct WriteQueue: Sendable {
        var jobs: [WriteJob] = []
        var stopping = false
    }

    /// Idle read connections, and how many exist (idle or checked out). `@unchecked Sendable`: an idle
    /// connection is touched by no one; the thread that checks it out is its only user until it is back.
    private struct ReaderPool: @unchecked Sendable {
        var idle: [SQLiteConnection] = []
        var count = 0

        enum Checkout {
            case idle(SQLiteConnection)
            /// A slot to open a new connection in.
            case open
        }
    }

    private let writes = Locked(WriteQueue())
    private let readers = Locked(ReaderPool())
    private let maximumReaders = 8
    /// How many groups and writes have been committed: written by the writer thread, read by
    /// `system.health` on any thread, so behind a lock (and read as one pair).
    private let committed = Locked<(groups: Int, writes: Int)>((0, 0))

    var commitStatistics: (groups: Int, writes: Int) { committed.withLock { $0 } }
    /// Told after each commit that appended events (`EventSignal`).
    let events = EventSignal()
    /// Commits that changed someone's aspirations, since the store opened.
    let aspirationCommits = Locked(0)
    /// Everyone's evidence and completions as last read; forgotten per person as commits change them.
    let profiles = ProfileCache()
    /// Commits that changed someone's evidence or completions, since the store opened.
    let profileCommits = Locked(0)
    /// People, moves and progress as the mobility report reads them; told the rows each commit wrote.
    let mobility = MobilityLedger()

    /// The integrity check at opening: done before the store opened, or by the writer before its first write.
    enum IntegrityCheck: Sendable {
        case pending
        case passed(seconds: Double)
        case failed(StoreError)
    }
    private let integrity: Locked<IntegrityCheck>

    init(path: String, writer: SQLiteConnection, integrity: IntegrityCheck) {
        self.path = path
        self.integrity = Locked(integrity)
        let owned = Handover(writer)
        let thread = Thread { [self] in writerLoop(owned.value) }
        thread.name = "store-writer"
        thread.start()
    }

    func stop() {
        writes.withLock(waking: .all) { $0.stopping = true }
    }

    /// Runs `body` in the writer's next group; returns after the group is committed.
    func write<T>(_ body: @escaping (SQLiteConnection) throws -> T) throws -> T {
        let job = WriteJob()
        var result: Result<T, any Error>?
        job.run = { connection in
            do {
                let value = try connection.savepoint { try body(connection) }
                return { result = .success(value) }
            } catch {
                return { result = .failure(error) }
            }
        }
        writes.withLock(waking: .all) { $0.jobs.append(job) }
        if let failure = job.waitForCommit() { throw failure }
        guard let result else { throw StoreError(.database, "a write finished without a result") }
        return try result.get()
    }

    /// Runs `body` on a read connection.
    func read<T>(_ body: (SQLiteConnection) throws -> T) throws -> T {
        let connection = try checkOutReader()
        defer {
            connection.resetStatements()
            readers.withLock(waking: .one) { $0.idle.append(connection) }
        }
        return try body(connection)
    }

    func waitForIntegrityCheck() -> Result<Double, StoreError> {
        integrity.wait(for: { check -> Result<Double, StoreError>? in
            switch check {
            case .pending: nil
            case .passed(let seconds): .success(seconds)
            case .failed(let error): .failure(error)
            }
        })
    }

    private func writerLoop(_ connection: SQLiteConnection) {
        // A deferred check runs before anything is written; a damaged file then refuses every write.
        var refusal: StoreError?
        if case .pending = integrity.withLock({ $0 }) {
            let outcome: IntegrityCheck
            do {
                outcome = .passed(seconds: try DatabaseOpening.checkIntegrity(path))
            } catch {
                refusal = error
                outcome = .failed(error)
            }
            integrity.withLock(waking: .all) { $0 = outcome }
        }
        while true {
            let group: [WriteJob] = writes.withLock(when: { !$0.jobs.isEmpty || $0.stopping }) { queue in
                let taken = Array(queue.jobs.prefix(512))
                queue.jobs.removeFirst(taken.count)
                return taken
            } ?? []
            if group.isEmpty { return }
            if let refusal {
                for job in group { job.finish(refusal) }
            } else {
                commit(group, on: connection)
            }
        }
    }

    /// Runs one group as one transaction and delivers each job's result, or the failure to all of them.
    private func commit(_ group: [WriteJob], on connection: SQLiteConnection) {
        var deliveries: [() -> Void] = []
        // Forgotten before anyone is told the write is done, and whether the commit succeeds or not: an entry
        // read again costs little, one kept wrong would be served for as long as the daemon runs.
        var changedProfiles: [String] = []
        func tellCachesWhatChanged() {
            profiles.forget(changedProfiles)
            if !changedProfiles.isEmpty { profileCommits.withLock { $0 += 1 } }
            // Rows of a rolled-back group are noted too: reading a row again that did not change costs little.
            if let written = connection.writtenRows { mobility.note(written.takeMobilityChanges()) }
        }
        do {
            try connection.execute("BEGIN IMMEDIATE")
            for job in group {
                deliveries.append(job.run?(connection) ?? {})
                connection.resetStatements()
            }
            changedProfiles = try connection.takeChangedProfiles()
            try connection.execute("COMMIT")
            tellCachesWhatChanged()
            committed.withLock { $0 = ($0.groups + 1, $0.writes + group.count) }
            if connection.appendedEvents { events.advance() }
            if connection.changedAspirations { aspirationCommits.withLock { $0 += 1 } }
            (connection.appendedEvents, connection.changedAspirations) = (false, false)
            for (job, deliver) in zip(group, deliveries) {
                deliver()
                job.finish(nil)
            }
        } catch {
            try? connection.execute("ROLLBACK")
            tellCachesWhatChanged()
            (connection.appendedEvents, connection.changedAspirations) = (false, false)
            for job in group { job.finish(StoreError.from(error)) }
        }
    }

    /// An idle reader, or a new one while fewer than `maximumReaders` exist; otherwise waits for one.
    private func checkOutReader() throws -> SQLiteConnection {
        let maximum = maximumReaders
        // An idle connection, or room to open one, as soon as either is there.
        let checkout = readers.wait { pool -> ReaderPool.Checkout? in
            if let idle = pool.idle.popLast() { return .idle(idle) }
            guard pool.count < maximum else { return nil }
            pool.count += 1
            return .open
        }
        if case .idle(let connection) = checkout { return connection }
        do {
            return try SQLiteConnection(path: path, mode: .readOnly)
        } catch {
            readers.withLock(waking: .one) { $0.count -= 1 }
            throw StoreError.from(error)
        }
    }
}

/// One queued write. `run` executes it inside the group's transaction and returns how to deliver its
/// result once the group commits. `@unchecked Sendable`: set up by the caller, then used by the writer
/// thread alone until `finish` hands it back.
final class WriteJob: @unchecked Sendable {
    var run: ((SQLiteConnection) -> () -> Void)?
    /// nil until the group is done; then the failure, if any.
    private let outcome = Locked<Result<Void, StoreError>?>(nil)

    func finish(_ error: StoreError?) {
        outcome.withLock(waking: .all) { $0 = error.map { .failure($0) } ?? .success(()) }
    }

    func waitForCommit() -> StoreError? {
        switch outcome.wait(for: { $0 }) {
        case .success: nil
        case .failure(let error): error
        }
    }
}

/// Moves a non-Sendable value to another thread that becomes its only user.
/// `@unchecked Sendable`: the sender never touches the value again after handing it over.
struct Handover<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
