/// Why the store cannot do something: a problem with the database itself, not with a request.
public struct StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        /// The database was written by a newer SkillPath; it is left untouched.
        case newerSchema = "newer-schema"
        /// SQLite failed (disk full, file unreadable).
        case database
        /// The file fails SQLite's integrity check, or is not a database at all.
        case corrupt
        /// The file is another program's SQLite database.
        case foreign
        /// The file exists with 0 bytes.
        case empty
        /// The database file was deleted or replaced while the daemon ran: writes are refused.
        case fileGone = "file-gone"
    }

    public var kind: Kind
    public var message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }

    static func from(_ error: any Error) -> StoreError {
        if let store = error as? StoreError { return store }
        if let sqlite = error as? SQLiteError { return StoreError(.database, sqlite.description) }
        return StoreError(.database, String(describing: error))
    }
}
