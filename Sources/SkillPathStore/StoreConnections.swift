import Foundation
import SkillPathCore
import Locking

/// The store's connections: one writer, on its own thread, committing writes in groups; and a pool of
/// readers, which WAL lets run alongside the writer.
///
/// Group commit: writes queue up while the writer commits the previous group; the next group runs as one
/// transaction (each write in its own savepoint, so one failure does not undo the others) and one fsync.
/// Every caller waits until its group is committed, so no reply is ever sent before its data is on disk.
///
/// `@unchecked Sendable`: the queue is behind `condition`, readers behind `readerLock`, and the writer
/// connection belongs to the writer thread alone (the waits need a condition, which `Locked` does not offer).
final class StoreConnections: @unchecked Sendable {
    let path: String
    private let condition = NSCondition()
    private var queue: [WriteJob] = []
    private var stopping = false
    private let readerLock = NSCondition()
    private var idleReaders: [SQLiteConnection] = []
    private var readerCount = 0
    private let maximumReaders = 8
    private var writerThread: Thread?
    /// How many groups and writes have been committed: written by the writer thread, read by
    /// `system.health` on any thread, so behind a lock (and read as one pair).
    private let committed = Locked<(groups: Int, writes: Int)>((0, 0))

    var commitStatistics: (groups: Int, writes: Int) { committed.withLock { $0 } }

    init(path: String, writer: SQLiteConnection) {
        self.path = path
        let owned = Handover(writer)
        let thread = Thread { [self] in writerLoop(owned.value) }
        thread.name = "store-writer"
        writerThread = thread
        thread.start()
    }

    func stop() {
        condition.withLock {
            stopping = true
            condition.broadcast()
        }
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
        condition.withLock {
            queue.append(job)
            condition.signal()
        }
        if let failure = job.waitForCommit() { throw failure }
        guard let result else { throw StoreError(.database, "a write finished without a result") }
        return try result.get()
    }

    /// Runs `body` on a read connection.
    func read<T>(_ body: (SQLiteConnection) throws -> T) throws -> T {
        let connection = try checkOutReader()
        defer {
            connection.resetStatements()
            checkIn(connection)
        }
        return try body(connection)
    }

    private func writerLoop(_ connection: SQLiteConnection) {
        while true {
            let group: [WriteJob] = condition.withLock {
                while queue.isEmpty && !stopping { condition.wait() }
                let taken = Array(queue.prefix(512))
                queue.removeFirst(taken.count)
                return taken
            }
            if group.isEmpty { return }
            var deliveries: [() -> Void] = []
            do {
                try connection.execute("BEGIN IMMEDIATE")
                for job in group {
                    deliveries.append(job.run?(connection) ?? {})
                    connection.resetStatements()
                }
                try connection.execute("COMMIT")
                committed.withLock { $0 = ($0.groups + 1, $0.writes + group.count) }
                for (job, deliver) in zip(group, deliveries) {
                    deliver()
                    job.finish(nil)
                }
            } catch {
                try? connection.execute("ROLLBACK")
                for job in group { job.finish(StoreError.from(error)) }
            }
        }
    }

    private func checkOutReader() throws -> SQLiteConnection {
        readerLock.lock()
        defer { readerLock.unlock() }
        while true {
            if let connection = idleReaders.popLast() { return connection }
            if readerCount < maximumReaders {
                readerCount += 1
                do {
                    return try SQLiteConnection(path: path, mode: .readOnly)
                } catch {
                    readerCount -= 1
                    throw StoreError.from(error)
                }
            }
            readerLock.wait()
        }
    }

    private func checkIn(_ connection: SQLiteConnection) {
        readerLock.withLock {
            idleReaders.append(connection)
            readerLock.signal()
        }
    }
}

/// One queued write. `run` executes it inside the group's transaction and returns how to deliver its
/// result once the group commits. `@unchecked Sendable`: set up by the caller, then used by the writer
/// thread alone until `done` hands it back.
final class WriteJob: @unchecked Sendable {
    var run: ((SQLiteConnection) -> () -> Void)?
    private let done = DispatchSemaphore(value: 0)
    private var failure: (any Error)?

    func finish(_ error: (any Error)?) {
        failure = error
        done.signal()
    }

    func waitForCommit() -> (any Error)? {
        done.wait()
        return failure
    }
}

/// Moves a non-Sendable value to another thread that becomes its only user.
/// `@unchecked Sendable`: the sender never touches the value again after handing it over.
struct Handover<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
