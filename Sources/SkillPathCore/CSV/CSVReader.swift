import SkillPathJSON

/// RFC 4180 CSV: quoted fields with commas, doubled quotes and line breaks inside, CRLF or LF endings, and
/// a UTF-8 byte-order mark at the start. Also reads the unquoted tab-separated files O*NET ships.
///
/// Strict where a lenient reader would change the data without a word: every record has exactly the
/// header's number of cells (a short row would clear the columns it lacks, an extra cell would be dropped),
/// a header names each column once, a carriage return ends a line only before a line feed (CR-only files
/// would otherwise read as one record), and no cell holds a control character but tab (and line breaks
/// inside quotes). Each record remembers the line it starts on, so every error can say "file, line, column".
public enum CSVReader {
    public static func parse(_ bytes: [UInt8], file: String, delimiter: UInt8 = UInt8(ascii: ","), quoting: Bool = true) throws(CSVError) -> CSVTable {
        var rows = try CSVRows(CSVRecordReader(CSVMemorySource(bytes), file: file, delimiter: delimiter, quoting: quoting))
        var records: [CSVRecord] = []
        while let record = try rows.next() { records.append(record) }
        return CSVTable(header: rows.header, records: records)
    }
}

/// A CSV file read a record at a time: its header, checked, then records as wide as the header.
public struct CSVRows<Source: CSVByteSource> {
    public let header: [String]
    private var reader: CSVRecordReader<Source>

    public init(_ reader: CSVRecordReader<Source>) throws(CSVError) {
        var reader = reader
        guard let first = try reader.next() else {
            throw CSVError(file: reader.file, line: 1, column: nil, message: "the file is empty; expected a header row")
        }
        header = first.fields.map { $0.trimmedCSV }
        try Self.checkHeader(header, file: reader.file)
        self.reader = reader
    }

    public var file: String { reader.file }

    /// Where the next record starts (after the header, at first).
    public var position: (offset: Int, line: Int) { reader.position }

    /// The next record, or nil at the end; a record wider or narrower than the header is an error.
    public mutating func next() throws(CSVError) -> CSVRecord? {
        guard let record = try reader.next() else { return nil }
        guard record.fields.count == header.count else {
            let effect = record.fields.count < header.count ? "a short row would leave its missing columns empty" : "the extra cells would be dropped"
            let message = "\(record.fields.count) cell\(record.fields.count == 1 ? "" : "s") where the header has \(header.count) (\(effect))"
            throw CSVError(file: file, line: record.line, column: nil, message: message)
        }
        return record
    }

    /// Reads on from a record met earlier (its `offset` and `line`).
    public mutating func seek(to record: (offset: Int, line: Int)) throws(CSVError) {
        try reader.seek(toRecordAt: record.offset, line: record.line)
    }

    public func columns(required: [String], optional: [String] = []) throws(CSVError) -> CSVColumns {
        try CSVColumns(header: header, required: required, optional: optional, file: file)
    }

    /// A header names each column once (matched as `columns` matches them, ignoring case).
    private static func checkHeader(_ names: [String], file: String) throws(CSVError) {
        var seen: [String: Int] = [:]
        for (position, name) in names.enumerated() where !name.isEmpty {
            if let first = seen[name.lowercased()] {
                let message = "the header names '\(name)' twice (columns \(first + 1) and \(position + 1)); which one holds the data would be a guess"
                throw CSVError(file: file, line: 1, column: position + 1, message: message)
            }
            seen[name.lowercased()] = position
        }
    }
}

/// A parsed CSV file: its header and its data records.
public struct CSVTable: Sendable {
    public var header: [String]
    public var records: [CSVRecord]

    /// The position of each named column, matched case-insensitively, in any order.
    public func columns(required: [String], optional: [String] = [], file: String) throws(CSVError) -> CSVColumns {
        try CSVColumns(header: header, required: required, optional: optional, file: file)
    }
}

public struct CSVRecord: Sendable, Equatable {
    /// The line the record starts on (the header is line 1).
    public var line: Int
    public var fields: [String]
    /// The byte offset the record starts at, for reading it again (`CSVRows.seek`).
    public var offset = 0

    /// The trimmed value of a column, nil when the column is absent or the cell empty.
    public func value(_ column: String, in columns: CSVColumns) -> String? {
        guard let position = columns.positions[column], position < fields.count else { return nil }
        let text = fields[position].trimmedCSV
        return text.isEmpty ? nil : text
    }
}

public struct CSVColumns: Sendable {
    public var positions: [String: Int]
    /// Header names that match no known column (reported, not fatal).
    public var unknown: [String]

    public init(positions: [String: Int], unknown: [String]) {
        self.positions = positions
        self.unknown = unknown
    }

    /// The position of each named column in `header`, matched case-insensitively, in any order; a missing
    /// required one is an error naming what the header has.
    public init(header: [String], required: [String], optional: [String] = [], file: String) throws(CSVError) {
        var positions: [String: Int] = [:]
        for (position, name) in header.enumerated() {
            positions[name.lowercased()] = positions[name.lowercased()] ?? position
        }
        let missing = required.filter { positions[$0.lowercased()] == nil }
        guard missing.isEmpty else {
            throw CSVError(file: file, line: 1, column: nil, message: "missing column\(missing.count == 1 ? "" : "s") \(missing.map { "'\($0)'" }.joined(separator: ", ")) in the header (found: \(header.joined(separator: ", ")))")
        }
        var wanted: [String: Int] = [:]
        for name in required + optional {
            if let position = positions[name.lowercased()] { wanted[name] = position }
        }
        let known = Set((required + optional).map { $0.lowercased() })
        self.init(positions: wanted, unknown: header.filter { !known.contains($0.lowercased()) && !$0.isEmpty })
    }
}

/// A CSV problem: file, line, and column (a number or a header name) when known.
public struct CSVError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int?
    public var columnName: String?
    public var message: String

    public init(file: String, line: Int, column: Int?, columnName: String? = nil, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.columnName = columnName
        self.message = message
    }

    public var description: String {
        // Line 0: the file as a whole (it cannot be opened or read).
        var place = line > 0 ? "\(file):\(line)" : file
        if let columnName { place += ", column '\(columnName)'" } else if let column { place += ", column \(column)" }
        return "\(place): \(message)"
    }
}

extension String {
    var trimmedCSV: String {
        var text = Substring(self)
        while text.first?.isWhitespace == true { text = text.dropFirst() }
        while text.last?.isWhitespace == true { text = text.dropLast() }
        return String(text)
    }
}
