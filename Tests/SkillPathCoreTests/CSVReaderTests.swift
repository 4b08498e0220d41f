import SkillPathCore
import SkillPathFixtures
import Testing

/// The CSV reader on its own, against RFC 4180: what it must read, and the broken files a lenient reader
/// would read wrong without a word (each an error naming file, line and, where known, column).
@Suite struct CSVReaderTests {
    static func read(_ text: String) throws(CSVError) -> CSVTable {
        try CSVReader.parse(Array(text.utf8), file: "f.csv")
    }

    @Test func readsWhatRFC4180Allows() throws {
        let table = try Self.read("\u{FEFF}id,name,note\r\n1,\"a, b\",\"say \"\"hi\"\"\"\r\n2,,\"two\r\nlines\"\r\n3,\tx,last line without an ending")
        #expect(table.header == ["id", "name", "note"])
        #expect(table.records.map(\.fields) == [["1", "a, b", "say \"hi\""], ["2", "", "two\r\nlines"], ["3", "\tx", "last line without an ending"]])
        #expect(table.records.map(\.line) == [2, 3, 5], "a record's line is the one it starts on")
        #expect(try Self.read("id,name\n\n1,x\n").records.count == 1, "a blank line is not a record")
    }

    @Test(arguments: [
        ("id,name,role\rx,y,z\r", "f.csv:1, column 3: a carriage return without a line feed: lines must end in LF or CRLF (CR-only files, from old Mac software, are not read)"),
        ("id,name,role\ne-1,Ada\n", "f.csv:2: 2 cells where the header has 3 (a short row would leave its missing columns empty)"),
        ("id,name,role\ne-1,Ada,lead,x\n", "f.csv:2: 4 cells where the header has 3 (the extra cells would be dropped)"),
        ("id,name,Name\n", "f.csv:1, column 3: the header names 'Name' twice (columns 2 and 3); which one holds the data would be a guess"),
        ("id,name,role\ne-1,A\u{0}da,lead\n", "f.csv:2, column 2: a control character (U+0000) in a cell: only tab, and line breaks inside quotes, may appear"),
        ("id,name,role\ne-1,\"A\u{1B}[2J\",lead\n", "f.csv:2, column 2: a control character (U+001B) in a cell: only tab, and line breaks inside quotes, may appear"),
        ("id,name,role\ne-1,\"Ada\"x,lead\n", "f.csv:2, column 2: text after a closing quote"),
        ("id,name,role\ne-1,Ad\"a,lead\n", "f.csv:2, column 2: a quote inside an unquoted field (quote the whole field and double the quote)"),
        ("id,name,role\ne-1,\"Ada,lead\n", "f.csv:2, column 2: a quoted field is never closed"),
    ])
    func brokenFilesAreErrorsWithAPlace(text: String, message: String) {
        #expect(throws: CSVError.self) { try Self.read(text) }
        do {
            _ = try Self.read(text)
        } catch {
            #expect(error.description == message)
        }
    }

    @Test func invalidUTF8IsNamedByLineAndColumn() {
        var bytes = Array("id,name\n1,ok\n2,".utf8)
        bytes += [0xC3, 0x28, 0x0A]
        do {
            _ = try CSVReader.parse(bytes, file: "f.csv")
            Issue.record("invalid UTF-8 was read")
        } catch {
            #expect(error.description == "f.csv:3, column 2: invalid UTF-8")
        }
    }

    /// The file reader and the whole-file reader are one parser: fed a block at a time, at every block size
    /// from 1 byte, random files (good and broken) read to the same records, or fail with the same error.
    @Test func readingBlockByBlockIsReadingWhole() throws {
        var random = SeededGenerator(seed: 24)
        let pieces = ["a", "b,c", ",", "\"", "\"\"", "\n", "\r\n", "\r", "x y", "é", "\t", "\u{1}", "\u{FEFF}"]
        for _ in 0..<400 {
            let text = (0..<Int.random(in: 0...30, using: &random)).map { _ in pieces.randomElement(using: &random) ?? "" }.joined()
            let bytes = Array(text.utf8)
            let whole = Self.outcome { () throws(CSVError) in try CSVReader.parse(bytes, file: "f.csv").records }
            for block in [1, 2, 3, 7] {
                let streamed = Self.outcome { () throws(CSVError) in
                    var rows = try CSVRows(CSVRecordReader(BlockSource(bytes: bytes, block: block), file: "f.csv"))
                    var records: [CSVRecord] = []
                    while let record = try rows.next() { records.append(record) }
                    return records
                }
                #expect(streamed == whole, "\(text.debugDescription) in blocks of \(block)")
            }
        }
    }

    /// A record met once can be read again by its offset and line, from anywhere in the file.
    @Test func recordsCanBeReadAgainByTheirOffset() throws {
        let text = "id,note\n1,\"two\nlines\"\n2,b\n3,c\n"
        var rows = try CSVRows(CSVRecordReader(BlockSource(bytes: Array(text.utf8), block: 2), file: "f.csv"))
        var records: [CSVRecord] = []
        while let record = try rows.next() { records.append(record) }
        #expect(records.map(\.line) == [2, 4, 5])
        for record in records.reversed() {
            try rows.seek(to: (record.offset, record.line))
            #expect(try rows.next() == record)
        }
    }

    private static func outcome(_ body: () throws(CSVError) -> [CSVRecord]) -> String {
        do throws(CSVError) {
            return try body().map { "\($0.line)@\($0.offset):\($0.fields)" }.joined(separator: "|")
        } catch {
            return "error: \(error.description)"
        }
    }
}

/// Bytes handed over a few at a time, as a file larger than the reader's block would be.
private struct BlockSource: CSVByteSource {
    let bytes: [UInt8]
    let block: Int
    var position = 0

    mutating func read(_ limit: Int) -> ArraySlice<UInt8> {
        let end = min(bytes.count, position + min(limit, block))
        defer { position = end }
        return bytes[position..<end]
    }

    mutating func seek(to offset: Int) { position = offset }
}
