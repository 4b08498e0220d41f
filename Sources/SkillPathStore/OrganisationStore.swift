import Foundation
import SkillPathCore

/// The organisation's data in SQLite: employees, skills, completions, assignments, progress, the audit log.
///
/// Safe to use from any thread. Reads go to a pool of read connections; writes go through one writer with
/// group commit, and return only once committed to disk (`synchronous=FULL`), so a write acknowledged to a
/// client survives a crash of the daemon right after the reply.
public final class OrganisationStore: Sendable {
    let connections: StoreConnections
    public let path: String
    /// Read once after migrating: it cannot change while this store is open (a newer daemon would refuse
    /// to share the file), and `system.health` reports it on every call.
    public let schemaVersion: Int
    /// The schema version this build migrates databases to.
    public static var latestSchemaVersion: Int { Migrations.latest }

    /// The file this store opened, watched for deletion or replacement.
    public let file: DatabaseFile

    /// Opens (creating when missing) and migrates the database. A file that is empty (unless
    /// `initialiseEmptyFile`), another program's or from a newer version is refused before anything is
    /// written to it (`DatabaseOpening`). A damaged one is too, by the integrity check: before the writer
    /// opens when opening writes (a migration, a switch to WAL mode, our application id to set); otherwise on
    /// the writer's thread before its first write (`waitForIntegrityCheck`), so that a large database answers
    /// reads at once instead of after reading every page (seconds per GiB), and is still never written to
    /// when damaged.
    public init(path: String, initialiseEmptyFile: Bool = false) throws(StoreError) {
        self.path = path
        do {
            var deferredCheck = false
            var checked = 0.0
            switch DatabaseOpening.find(path) {
            case .nothing:
                try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            case .empty:
                guard initialiseEmptyFile else { throw DatabaseOpening.emptyFile(path) }
            case .file:
                if try DatabaseOpening.checkOwnerAndVersion(path) {
                    deferredCheck = true
                } else {
                    checked = try DatabaseOpening.checkIntegrity(path)
                }
            }
            let writer = try SQLiteConnection(path: path)
            file = try DatabaseFile(path: path)
            try Self.migrate(writer)
            try writer.watchProfileChanges()
            schemaVersion = try writer.userVersion
            connections = StoreConnections(path: path, writer: writer, integrity: deferredCheck ? .pending : .passed(seconds: checked))
        } catch {
            throw StoreError.from(error)
        }
    }

    /// Waits until the integrity check at opening is done: how long it took (0 for a new database), or why
    /// the file was refused, in which case every write is refused and nothing was written.
    public func waitForIntegrityCheck() -> Result<Double, StoreError> {
        connections.waitForIntegrityCheck()
    }

    deinit {
        connections.stop()
    }

    static func migrate(_ connection: SQLiteConnection) throws {
        let current = try connection.userVersion
        for migration in Migrations.all where migration.version > current {
            let rebuilds = Migrations.rebuildingReferencedTables.contains(migration.version)
            if rebuilds { try connection.execute("PRAGMA foreign_keys = OFF") }
            defer { if rebuilds { try? connection.execute("PRAGMA foreign_keys = ON") } }
            try connection.transaction {
                try connection.execute(migration.sql)
                if rebuilds, try connection.prepare("PRAGMA foreign_key_check").step() {
                    throw StoreError(.database, "schema version \(migration.version) would leave a reference dangling; nothing was changed")
                }
                try connection.execute("PRAGMA user_version = \(migration.version)")
            }
        }
        // New databases, and those written before SkillPath had an id, are marked as SkillPath's (only those:
        // a database in use is not written to before its integrity check).
        if try DatabaseOpening.applicationID(of: connection) != DatabaseOpening.applicationID {
            try connection.execute("PRAGMA application_id = \(DatabaseOpening.applicationID)")
        }
    }

    /// How many commits have changed someone's aspirations since the store opened: the daemon re-warms the
    /// aspiration picture once this stops moving (`Daemon.startReadinessWarmUp`).
    public var aspirationCommits: Int { connections.aspirationCommits.withLock { $0 } }

    /// How many commits have changed someone's skill evidence or completed courses since the store opened:
    /// the daemon refills the profile cache once this stops moving (`fillProfileCache`).
    public var profileCommits: Int { connections.profileCommits.withLock { $0 } }

    /// Groups and writes committed since start: `writes / groups` is the group-commit factor.
    public var commitStatistics: (groups: Int, writes: Int) {
        connections.commitStatistics
    }

    func read<T>(_ body: (SQLiteConnection) throws -> T) throws(StoreError) -> T {
        do {
            return try connections.read(body)
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.from(error)
        }
    }

    /// Runs `body` on a read connection inside one read transaction: every query it makes sees the same
    /// snapshot of the database (SQLite takes it at the first read, not at `BEGIN`).
    func readSnapshot<T>(_ body: (SQLiteConnection) throws -> T) throws(StoreError) -> T {
        try read { connection in
            try connection.execute("BEGIN")
            defer { try? connection.execute("COMMIT") }
            return try body(connection)
        }
    }

    /// Runs a write; domain errors thrown by `body` pass through unchanged, database failures become
    /// `StoreError`.
    func write<T>(_ body: @escaping (SQLiteConnection) throws -> T) throws -> T {
        // A write to a file the path no longer names would be acknowledged and then lost at the next start.
        if let problem = file.problem { throw StoreError(.fileGone, problem) }
        do {
            return try connections.write(body)
        } catch let error as SQLiteError {
            throw StoreError.from(error)
        }
    }
}
