import Testing
import SkillPathJSON

@Suite struct JSONParserTests {
    @Test func parsesEveryValueKindAndKeepsMemberOrder() throws {
        let value = try JSONParser.parse(#"{"z": [1, -2.5e3, true, false, null], "a": "x\"y\u00e9\ud83d\ude00"}"#)
        let object = try #require(value.objectValue)
        #expect(object.keys == ["z", "a"])
        #expect(object["z"] == .array([.number("1"), .number("-2.5e3"), .bool(true), .bool(false), .null]))
        #expect(object["a"] == .string("x\"yé😀"))
    }

    @Test func keepsNumberLiteralsExactly() throws {
        let value = try JSONParser.parse("[12345678901234567890, 0.10, 1E+2]")
        #expect(value == .array([.number("12345678901234567890"), .number("0.10"), .number("1E+2")]))
    }

    @Test func recordsTheLineEachObjectStartsOn() throws {
        let value = try JSONParser.parse("[\n  {\"a\": 1},\n\n  {\"b\": 2}\n]")
        let lines = try #require(value.arrayValue).compactMap { $0.objectValue?.line }
        #expect(lines == [2, 4])
    }

    @Test(arguments: [
        ("{\"a\": 1,}", 1, 9, "expected a string key, found '}'"),
        ("[1, 2", 1, 6, "unexpected end of input inside an array"),
        ("{\n  \"a\" 1\n}", 2, 7, "expected ':' after the key \"a\""),
        ("[01]", 1, 3, "invalid number: leading zeros are not allowed"),
        ("[1.]", 1, 4, "invalid number: expected a digit after '.'"),
        ("\"a\tb\"", 1, 3, "control character U+0009 in a string must be escaped"),
        ("\"\\q\"", 1, 2, "invalid escape '\\q' in a string"),
        ("\"\\ud800\"", 1, 2, "unpaired surrogate \\ud800 in a string"),
        ("tru", 1, 1, "expected a value, found 't'"),
        ("{} {}", 1, 4, "unexpected content after the JSON value"),
        ("", 1, 1, "unexpected end of input, expected a value"),
        ("[\"é\", x]", 1, 7, "expected a value, found 'x'"),
    ])
    func reportsSyntaxErrorsWithLineAndColumn(text: String, line: Int, column: Int, message: String) {
        #expect(throws: JSONParseError(message: message, line: line, column: column, offset: errorOffset(text, line, column))) {
            try JSONParser.parse(text)
        }
    }

    @Test func rejectsInvalidUTF8InsteadOfRepairingIt() {
        let bytes: [UInt8] = [0x22, 0x61, 0xFF, 0x62, 0x22]
        #expect(throws: JSONParseError.self) { try JSONParser.parse(bytes) }
        do {
            _ = try JSONParser.parse(bytes)
        } catch {
            #expect(error.message == "invalid UTF-8 in a string")
        }
    }

    @Test func refusesPathologicalNesting() {
        let deep = String(repeating: "[", count: JSONParser.maximumDepth + 1) + String(repeating: "]", count: JSONParser.maximumDepth + 1)
        do {
            _ = try JSONParser.parse(deep)
            Issue.record("expected a nesting error")
        } catch {
            #expect(error.message == "nesting deeper than 100 levels")
        }
    }

    /// The byte offset of a 1-based line and character column, to compare whole errors.
    func errorOffset(_ text: String, _ line: Int, _ column: Int) -> Int {
        var currentLine = 1
        var currentColumn = 1
        var offset = 0
        for scalar in text.unicodeScalars {
            if currentLine == line && currentColumn == column { return offset }
            if scalar == "\n" {
                currentLine += 1
                currentColumn = 1
            } else {
                currentColumn += 1
            }
            offset += String(scalar).utf8.count
        }
        return offset
    }
}
