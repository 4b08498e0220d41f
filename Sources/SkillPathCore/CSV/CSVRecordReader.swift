import SkillPathJSON

/// Reads RFC 4180 records one at a time from a `CSVByteSource`, holding one block and one record in memory.
///
/// The rules are `CSVReader`'s (which reads whole files with this reader): quoted fields with commas, doubled
/// quotes and line breaks inside, CRLF or LF endings, a UTF-8 byte-order mark at the start, no control
/// character in a cell but tab (and line breaks inside quotes), and a carriage return only before a line
/// feed. Each record carries its first line and its byte offset, so that a second pass can `seek` straight
/// back to it.
public struct CSVRecordReader<Source: CSVByteSource> {
    public let file: String
    private let delimiter: UInt8
    private let quoting: Bool
    private var source: Source
    private var buffer: [UInt8] = []
    private var index = 0
    /// The offset in the file of `buffer[0]`.
    private var bufferStart = 0
    private var exhausted = false
    private var line = 1

    public init(_ source: Source, file: String, delimiter: UInt8 = UInt8(ascii: ","), quoting: Bool = true) {
        self.source = source
        self.file = file
        self.delimiter = delimiter
        self.quoting = quoting
    }

    /// The offset of the next byte to read.
    public var offset: Int { bufferStart + index }

    /// Where the next record starts: its offset and line, for coming back to it with `seek`.
    public var position: (offset: Int, line: Int) { (offset, line) }

    /// Continues at the record that starts at `offset` on `line` (both from an earlier `CSVRecord`).
    /// Reading on from where the reader already is costs nothing.
    public mutating func seek(toRecordAt offset: Int, line: Int) throws(CSVError) {
        self.line = line
        guard offset != self.offset else { return }
        if offset >= bufferStart && offset <= bufferStart + buffer.count {
            index = offset - bufferStart
            return
        }
        try source.seek(to: offset)
        buffer.removeAll(keepingCapacity: true)
        index = 0
        bufferStart = offset
        exhausted = false
    }

    /// The byte `ahead` places past the current one, reading another block when the buffer runs out.
    private mutating func peek(_ ahead: Int = 0) throws(CSVError) -> UInt8? {
        while index + ahead >= buffer.count {
            if exhausted { return nil }
            buffer.removeFirst(index)
            bufferStart += index
            index = 0
            let block = try source.read(262_144)
            if block.isEmpty { exhausted = true } else { buffer.append(contentsOf: block) }
        }
        return buffer[index + ahead]
    }

    /// The next record that is not a blank line, or nil at the end of the file.
    public mutating func next() throws(CSVError) -> CSVRecord? {
        if offset == 0, try peek() == 0xEF, try peek(1) == 0xBB, try peek(2) == 0xBF { index += 3 }
        while true {
            let start = offset
            guard try peek() != nil else { return nil }
            let record = try readRecord(startingAt: start)
            if !(record.fields.count == 1 && record.fields[0].isEmpty) { return record }
        }
    }

    /// One record: fields up to an unquoted line feed or the end of the file.
    private mutating func readRecord(startingAt start: Int) throws(CSVError) -> CSVRecord {
        let recordLine = line
        var fields: [String] = []
        var field: [UInt8] = []
        var fieldWasQuoted = false
        func finishField() throws(CSVError) {
            guard let text = String(validating: field, as: UTF8.self) else {
                throw CSVError(file: file, line: recordLine, column: fields.count + 1, message: "invalid UTF-8")
            }
            fields.append(text)
            field.removeAll(keepingCapacity: true)
            fieldWasQuoted = false
        }
        while let byte = try peek() {
            index += 1
            switch byte {
            case UInt8(ascii: "\"") where quoting:
                guard field.isEmpty && !fieldWasQuoted else {
                    throw error("a quote inside an unquoted field (quote the whole field and double the quote)", column: fields.count + 1)
                }
                fieldWasQuoted = true
                try readQuoted(into: &field, column: fields.count + 1)
            case delimiter:
                try finishField()
            case 0x0D where try peek() == 0x0A:
                continue
            case 0x0D:
                let message = "a carriage return without a line feed: lines must end in LF or CRLF (CR-only files, from old Mac software, are not read)"
                throw error(message, column: fields.count + 1)
            case 0x0A:
                try finishField()
                line += 1
                return CSVRecord(line: recordLine, fields: fields, offset: start)
            default:
                if fieldWasQuoted { throw error("text after a closing quote", column: fields.count + 1) }
                if ControlCharacters.isForbidden(byte) { throw controlCharacter(byte, column: fields.count + 1) }
                field.append(byte)
            }
        }
        try finishField()
        return CSVRecord(line: recordLine, fields: fields, offset: start)
    }

    /// The inside of a quoted field, after its opening quote, up to and past its closing one.
    private mutating func readQuoted(into field: inout [UInt8], column: Int) throws(CSVError) {
        let quoteLine = line
        while let byte = try peek() {
            index += 1
            if byte == UInt8(ascii: "\"") {
                guard try peek() == UInt8(ascii: "\"") else { return }
                index += 1
            } else if byte == 0x0A {
                line += 1
            } else if byte != 0x0D, ControlCharacters.isForbidden(byte) {
                throw controlCharacter(byte, column: column)
            }
            field.append(byte)
        }
        throw CSVError(file: file, line: quoteLine, column: column, message: "a quoted field is never closed")
    }

    private func error(_ message: String, column: Int) -> CSVError {
        CSVError(file: file, line: line, column: column, message: message)
    }

    private func controlCharacter(_ byte: UInt8, column: Int) -> CSVError {
        let name = ControlCharacters.name(Unicode.Scalar(byte))
        return error("a control character (\(name)) in a cell: only tab, and line breaks inside quotes, may appear", column: column)
    }
}
