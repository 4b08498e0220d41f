import Foundation
import SkillPathCore

/// The checks a database file passes before the store writes to it, so that an empty, corrupt, foreign or
/// newer file is refused with a message naming it and what to do, and is left exactly as it was.
enum DatabaseOpening {
    /// SkillPath's `PRAGMA application_id` ("SkPt"): set on every database it creates or migrates, so that
    /// another program's SQLite file is recognised as such and never written to.
    static let applicationID: Int32 = 0x536B_5074

    /// What is at the path before opening.
    enum Found: Equatable {
        /// No file: a new database is created.
        case nothing
        /// A file of 0 bytes.
        case empty
        /// A file with content, checked by `check`.
        case file
    }

    static func find(_ path: String) -> Found {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else { return .nothing }
        return (attributes[.size] as? NSNumber)?.intValue == 0 ? .empty : .file
    }

    /// Refuses a file that is another program's, or from a newer SkillPath; returns whether the store opens it
    /// without writing to it (no migration, no switch to WAL mode, no application id to set). Reads the header
    /// and the table list only, so it takes milliseconds whatever the file's size.
    static func checkOwnerAndVersion(_ path: String) throws(StoreError) -> Bool {
        try refusingDamage(path) {
            let probe = try SQLiteConnection(path: path, mode: .readOnly)
            try checkOwner(probe, path: path)
            let version = try probe.userVersion
            if version > Migrations.latest {
                throw StoreError(.newerSchema, "the database \(path) has schema version \(version), newer than this skillpathd supports (\(Migrations.latest)); it was left untouched — run a newer skillpathd or restore a backup")
            }
            let mode = try probe.prepare("PRAGMA journal_mode")
            defer { mode.reset() }
            let wal = try mode.step() && mode.text(0).lowercased() == "wal"
            let marked = try applicationID(of: probe) == applicationID
            return version == Migrations.latest && wal && marked
        }
    }

    /// Refuses a file whose pages are damaged (`PRAGMA quick_check`, which reads every page once: about 1.8 s
    /// per GiB); returns how long it took.
    static func checkIntegrity(_ path: String) throws(StoreError) -> Double {
        let started = ContinuousClock.now
        try refusingDamage(path) {
            let probe = try SQLiteConnection(path: path, mode: .readOnly)
            let problems = try probe.prepare("PRAGMA quick_check(5)").rows { $0.text(0) }
            guard problems == ["ok"] else { throw corrupt(path, problems.joined(separator: "; ")) }
        }
        return (ContinuousClock.now - started).seconds
    }

    /// Runs a check; an SQLite failure in it (the file is not a database, a page cannot be read) is damage.
    private static func refusingDamage<T>(_ path: String, _ body: () throws -> T) throws(StoreError) -> T {
        do {
            return try body()
        } catch let error as StoreError {
            throw error
        } catch let error as SQLiteError {
            throw corrupt(path, error.message)
        } catch {
            throw corrupt(path, String(describing: error))
        }
    }

    /// A SkillPath database has our application id, or (written before it had one) no id, a schema version
    /// and our tables. Anything else belongs to someone else.
    private static func checkOwner(_ probe: SQLiteConnection, path: String) throws {
        let id = try applicationID(of: probe)
        if id == applicationID { return }
        if id != 0 {
            throw StoreError(.foreign, "the file \(path) is another application's SQLite database (application_id \(id), not SkillPath's \(applicationID)); it was left untouched — point `database` at a SkillPath database or a new path")
        }
        let tables = try probe.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").rows { $0.text(0) }
        if tables.isEmpty { return }
        if try probe.userVersion == 0 || !tables.contains("employees") || !tables.contains("audit_log") {
            let shown = tables.prefix(5).joined(separator: ", ") + (tables.count > 5 ? ", …" : "")
            throw StoreError(.foreign, "the file \(path) is another program's SQLite database (tables \(shown); no SkillPath application id); it was left untouched — point `database` at a SkillPath database or a new path")
        }
    }

    /// The file's `PRAGMA application_id` (0 when none was set).
    static func applicationID(of connection: SQLiteConnection) throws -> Int32 {
        let statement = try connection.prepare("PRAGMA application_id")
        defer { statement.reset() }
        return try statement.step() ? Int32(truncatingIfNeeded: statement.int(0)) : 0
    }

    private static func corrupt(_ path: String, _ detail: String) -> StoreError {
        StoreError(.corrupt, "the database \(path) is damaged (\(detail)); it was left untouched — restore it from a backup (docs/deploy.md), or move it aside to start an empty organisation")
    }

    static func emptyFile(_ path: String) -> StoreError {
        StoreError(.empty, "the database file \(path) exists but is empty (0 bytes): a database that lost its contents is not silently started again as an empty organisation — restore it from a backup, or, for a new installation, remove the file or start once with --init")
    }
}
