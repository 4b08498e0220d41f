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
        var records: [CSVRecord] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var line = 1
        var recordLine = 1
        var inQuotes = false
        var quoteLine = 0
        var fieldWasQuoted = false

        func finishField() throws(CSVError) {
            guard let text = String(validating: field, as: UTF8.self) else {
                throw CSVError(file: file, line: recordLine, column: fields.count + 1, message: "invalid UTF-8")
            }
            fields.append(text)
            field.removeAll(keepingCapacity: true)
            fieldWasQuoted = false
        }
        func controlCharacter(_ byte: UInt8) -> CSVError { Self.controlCharacter(byte, file: file, line: line, column: fields.count + 1) }
        func finishRecord() {
            if !(fields.count == 1 && fields[0].isEmpty) { records.append(CSVRecord(line: recordLine, fields: fields)) }
            fields.removeAll(keepingCapacity: true)
        }

        while index < bytes.count {
            let byte = bytes[index]
            if inQuotes {
                if byte == UInt8(ascii: "\"") {
                    if index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "\"") {
                        field.append(byte)
                        index += 2
                        continue
                    }
                    inQuotes = false
                    index += 1
                    continue
                }
                if byte == 0x0A { line += 1 } else if byte != 0x0D, ControlCharacters.isForbidden(byte) { throw controlCharacter(byte) }
                field.append(byte)
                index += 1
                continue
            }
            switch byte {
            case UInt8(ascii: "\"") where quoting:
                if field.isEmpty && !fieldWasQuoted {
                    inQuotes = true
                    fieldWasQuoted = true
                    quoteLine = line
                } else {
                    throw CSVError(file: file, line: line, column: fields.count + 1, message: "a quote inside an unquoted field (quote the whole field and double the quote)")
                }
            case delimiter:
                try finishField()
            case 0x0D where index + 1 < bytes.count && bytes[index + 1] == 0x0A:
                break
            case 0x0D:
                let message = "a carriage return without a line feed: lines must end in LF or CRLF (CR-only files, from old Mac software, are not read)"
                throw CSVError(file: file, line: line, column: fields.count + 1, message: message)
            case 0x0A:
                try finishField()
                finishRecord()
                line += 1
                recordLine = line
            default:
                if fieldWasQuoted {
                    throw CSVError(file: file, line: line, column: fields.count + 1, message: "text after a closing quote")
                }
                if ControlCharacters.isForbidden(byte) { throw controlCharacter(byte) }
                field.append(byte)
            }
            index += 1
        }
        if inQuotes { throw CSVError(file: file, line: quoteLine, column: fields.count + 1, message: "a quoted field is never closed") }
        if !field.isEmpty || !fields.isEmpty || fieldWasQuoted {
            try finishField()
            finishRecord()
        }
        return try table(records, file: file)
    }

    /// The header and the records under it, each record as wide as the header.
    private static func table(_ records: [CSVRecord], file: String) throws(CSVError) -> CSVTable {
        guard let header = records.first else { throw CSVError(file: file, line: 1, column: nil, message: "the file is empty; expected a header row") }
        let names = header.fields.map { $0.trimmedCSV }
        try checkHeader(names, file: file)
        for record in records.dropFirst() where record.fields.count != names.count {
            let effect = record.fields.count < names.count ? "a short row would leave its missing columns empty" : "the extra cells would be dropped"
            let message = "\(record.fields.count) cell\(record.fields.count == 1 ? "" : "s") where the header has \(names.count) (\(effect))"
            throw CSVError(file: file, line: record.line, column: nil, message: message)
        }
        return CSVTable(header: names, records: Array(records.dropFirst()))
    }

    private static func controlCharacter(_ byte: UInt8, file: String, line: Int, column: Int) -> CSVError {
        let name = ControlCharacters.name(Unicode.Scalar(byte))
        return CSVError(file: file, line: line, column: column, message: "a control character (\(name)) in a cell: only tab, and line breaks inside quotes, may appear")
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
        return CSVColumns(positions: wanted, unknown: header.filter { !known.contains($0.lowercased()) && !$0.isEmpty })
    }
}

public struct CSVRecord: Sendable, Equatable {
    /// The line the record starts on (the header is line 1).
    public var line: Int
    public var fields: [String]

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
        var place = "\(file):\(line)"
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
