import SkillPathCore
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
}
