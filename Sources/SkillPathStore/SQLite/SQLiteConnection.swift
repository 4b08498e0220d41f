import CSQLite
import Foundation

/// One SQLite connection. Not Sendable: it belongs to one owner at a time (the store's writer thread, or a
/// reader checked out of the pool), which is how SQLite wants to be used.
///
/// Opened with WAL (readers never block the writer), foreign keys on, a busy timeout, `synchronous=FULL`
/// (a committed transaction is on disk before the commit returns: the durability promise behind every reply)
/// and extended result codes.
public final class SQLiteConnection {
    let handle: OpaquePointer
    public let path: String
    private var statements: [String: SQLiteStatement] = [:]
    /// Set when a write appends to the event log: after the commit, the store wakes the event subscribers.
    var appendedEvents = false
    /// Set when a write changes someone's aspirations: after the commit, the store counts it
    /// (`OrganisationStore.aspirationCommits`).
    var changedAspirations = false
    /// Set on the writer by `watchProfileChanges`: the rows inserted into `skill_evidence`, as SQLite's update
    /// hook reports them.
    var writtenRows: WrittenRows?

    public enum Mode {
        case readWrite
        case readOnly
    }

    public init(path: String, mode: Mode = .readWrite, busyTimeoutMilliseconds: Int32 = 5000) throws(SQLiteError) {
        self.path = path
        var connection: OpaquePointer?
        let flags = (mode == .readWrite ? SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE : SQLITE_OPEN_READONLY)
            | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE
        let status = sqlite3_open_v2(path, &connection, flags, nil)
        guard status == SQLITE_OK, let connection else {
            let message = connection.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open"
            if let connection { sqlite3_close_v2(connection) }
            throw SQLiteError(code: status, message: "\(message): \(path)")
        }
        handle = connection
        sqlite3_extended_result_codes(handle, 1)
        sqlite3_busy_timeout(handle, busyTimeoutMilliseconds)
        try execute("PRAGMA foreign_keys = ON")
        // Read pages through a memory map and keep a larger page cache: a team report touches thousands of
        // rows, and a pread per page costs more than the query itself.
        try execute("PRAGMA mmap_size = 268435456")
        try execute("PRAGMA cache_size = -32768")
        if mode == .readWrite {
            try execute("PRAGMA journal_mode = WAL")
            try execute("PRAGMA synchronous = FULL")
        }
    }

    deinit {
        statements.removeAll()
        if writtenRows != nil { sqlite3_update_hook(handle, nil, nil) }
        sqlite3_close_v2(handle)
    }

    /// Runs one or more statements that return no rows.
    public func execute(_ sql: String) throws(SQLiteError) {
        var error: UnsafeMutablePointer<CChar>?
        let status = sqlite3_exec(handle, sql, nil, nil, &error)
        if status != SQLITE_OK {
            let message = error.map { String(cString: $0) } ?? lastMessage
            sqlite3_free(error)
            throw SQLiteError(code: status, message: message, sql: sql)
        }
    }

    /// A prepared statement, cached by its SQL so that hot statements are compiled once per connection.
    public func prepare(_ sql: String) throws(SQLiteError) -> SQLiteStatement {
        if let cached = statements[sql] {
            cached.reset()
            return cached
        }
        let statement = try SQLiteStatement(connection: self, sql: sql)
        statements[sql] = statement
        return statement
    }

    /// Runs `body` inside `BEGIN IMMEDIATE … COMMIT`, rolling back when it throws.
    ///
    /// IMMEDIATE takes the write lock at the start, so a transaction never fails half-way with SQLITE_BUSY
    /// because another writer got there first.
    public func transaction<T>(_ body: () throws -> T) throws -> T {
        try execute("BEGIN IMMEDIATE")
        do {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
    }

    /// Runs `body` in a savepoint: on error only its own changes are undone, and the enclosing
    /// transaction carries on (how one bad write in a group commit leaves the others alone).
    public func savepoint<T>(_ body: () throws -> T) throws -> T {
        try execute("SAVEPOINT item")
        do {
            let result = try body()
            try execute("RELEASE item")
            return result
        } catch {
            try? execute("ROLLBACK TO item")
            try? execute("RELEASE item")
            throw error
        }
    }

    /// Resets every cached statement. A statement stepped to a row and left there keeps its read
    /// transaction open, and with it an old snapshot of the database; the store calls this after each use of
    /// a connection so that the next use sees everything committed since.
    public func resetStatements() {
        for statement in statements.values { statement.reset() }
    }

    public var changes: Int { Int(sqlite3_changes(handle)) }
    public var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }
    var lastMessage: String { String(cString: sqlite3_errmsg(handle)) }

    /// `PRAGMA user_version`: the schema version the migrations keep.
    public var userVersion: Int {
        get throws(SQLiteError) {
            let statement = try prepare("PRAGMA user_version")
            // Reset at once: a cached statement left mid-step holds a read that would block a migration's
            // DROP TABLE ("database table is locked").
            defer { statement.reset() }
            guard try statement.step() else { return 0 }
            return statement.int(0)
        }
    }
}
