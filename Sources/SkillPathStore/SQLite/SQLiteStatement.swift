import CSQLite
import SkillPathCore

/// A prepared statement: bind, step, read columns. Finalised in `deinit`; not Sendable, like its connection.
public final class SQLiteStatement {
    private let statement: OpaquePointer
    private unowned let connection: SQLiteConnection
    public let sql: String

    init(connection: SQLiteConnection, sql: String) throws(SQLiteError) {
        var prepared: OpaquePointer?
        let status = sqlite3_prepare_v3(connection.handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &prepared, nil)
        guard status == SQLITE_OK, let prepared else {
            throw SQLiteError(code: status, message: connection.lastMessage, sql: sql)
        }
        self.statement = prepared
        self.connection = connection
        self.sql = sql
    }

    deinit {
        sqlite3_finalize(statement)
    }

    func reset() {
        sqlite3_reset(statement)
        sqlite3_clear_bindings(statement)
    }

    /// Binds values to `?1`, `?2`, … in order. nil binds NULL.
    @discardableResult
    public func bind(_ values: SQLiteValue?...) throws(SQLiteError) -> SQLiteStatement {
        try bind(values)
    }

    @discardableResult
    public func bind(_ values: [SQLiteValue?]) throws(SQLiteError) -> SQLiteStatement {
        for (offset, value) in values.enumerated() {
            let index = Int32(offset + 1)
            let status: Int32
            switch value {
            case nil: status = sqlite3_bind_null(statement, index)
            case .integer(let number)?: status = sqlite3_bind_int64(statement, index, number)
            case .text(let text)?: status = Self.bind(text, to: statement, at: index)
            case .real(let number)?: status = sqlite3_bind_double(statement, index, number)
            }
            guard status == SQLITE_OK else { throw SQLiteError(code: status, message: connection.lastMessage, sql: sql) }
        }
        return self
    }

    /// Binds text by its UTF-8 byte length, never as a C string: a U+0000 inside is stored, not taken for the
    /// end (requests refuse control characters before they get here; this keeps the store honest regardless).
    private static func bind(_ text: String, to statement: OpaquePointer, at index: Int32) -> Int32 {
        var text = text
        return text.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { characters in
                // An empty buffer may have no address, and a NULL pointer would bind NULL, not "".
                guard let start = characters.baseAddress else {
                    return sqlite3_bind_text(statement, index, "", 0, skillpath_sqlite_transient())
                }
                return sqlite3_bind_text64(statement, index, start, UInt64(characters.count), skillpath_sqlite_transient(), UInt8(SQLITE_UTF8))
            }
        }
    }

    /// Advances to the next row; false when there are no more.
    public func step() throws(SQLiteError) -> Bool {
        let status = sqlite3_step(statement)
        switch status {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default: throw SQLiteError(code: sqlite3_extended_errcode(connection.handle), message: connection.lastMessage, sql: sql)
        }
    }

    /// Runs a statement that returns no rows.
    public func run() throws(SQLiteError) {
        while try step() {}
    }

    /// Every row, mapped.
    public func rows<T>(_ map: (SQLiteStatement) throws -> T) throws -> [T] {
        var result: [T] = []
        while try step() { result.append(try map(self)) }
        return result
    }

    public func int(_ column: Int32) -> Int { Int(sqlite3_column_int64(statement, column)) }
    public func int64(_ column: Int32) -> Int64 { sqlite3_column_int64(statement, column) }
    public func isNull(_ column: Int32) -> Bool { sqlite3_column_type(statement, column) == SQLITE_NULL }

    /// The day a `YYYY-MM-DD…` text column starts with, as days since 1970, read from the bytes without
    /// building a String (for scans over millions of rows); nil when it does not start with a valid date.
    public func dayNumber(_ column: Int32) -> Int? {
        guard sqlite3_column_bytes(statement, column) >= 10, let pointer = sqlite3_column_text(statement, column) else { return nil }
        func digits(_ range: Range<Int>) -> Int? {
            var value = 0
            for offset in range {
                let byte = pointer[offset]
                guard byte >= 48, byte <= 57 else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
        guard pointer[4] == 45, pointer[7] == 45, let year = digits(0..<4), let month = digits(5..<7), let day = digits(8..<10) else { return nil }
        return CalendarDate(year: year, month: month, day: day)?.daysSinceEpoch
    }

    public func text(_ column: Int32) -> String {
        String(decoding: bytes(column), as: UTF8.self)
    }

    /// A text column as `interner` holds it, with the number `numbering` gives it (asked once per distinct text).
    public func text(_ column: Int32, interning interner: inout TextInterner, numbering: (String) -> Int32?) -> (text: String, number: Int32?) {
        interner.numbered(bytes(column), numbering: numbering)
    }

    /// Whether a text column holds exactly the UTF-8 bytes of `text`, without building a String.
    public func text(_ column: Int32, equals text: String) -> Bool {
        TextInterner.text(text, equals: bytes(column))
    }

    /// A text column's bytes, valid until the next step or column read of another type.
    private func bytes(_ column: Int32) -> UnsafeBufferPointer<UInt8> {
        guard let pointer = sqlite3_column_text(statement, column) else { return UnsafeBufferPointer(start: nil, count: 0) }
        return UnsafeBufferPointer(start: pointer, count: Int(sqlite3_column_bytes(statement, column)))
    }

    public func optionalText(_ column: Int32) -> String? {
        isNull(column) ? nil : text(column)
    }
}

/// A value to bind.
public enum SQLiteValue: Sendable, Equatable {
    case integer(Int64)
    case text(String)
    case real(Double)

    public static func int(_ value: Int) -> SQLiteValue { .integer(Int64(value)) }
}
