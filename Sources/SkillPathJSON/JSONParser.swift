/// A strict RFC 8259 parser over UTF-8 bytes.
///
/// Written by hand rather than using Foundation because the product needs what `JSONSerialization` does not
/// give: the line and column of every syntax error, the line each object starts on (for catalog messages),
/// number literals kept as text, member order kept, and invalid UTF-8 rejected instead of repaired.
public struct JSONParser {
    /// Deeper documents are refused: the parser recurses once per level, and it runs on connection threads
    /// and on Dispatch's workers (512 KiB stacks), where a crafted document must not overflow the stack. No
    /// document of this product nests more than a handful of levels.
    public static let maximumDepth = 100

    public static func parse(_ bytes: [UInt8]) throws(JSONParseError) -> JSONValue {
        do {
            return try bytes.withUnsafeBufferPointer { buffer in
                var parser = Cursor(buffer)
                return try parser.parseDocument()
            }
        } catch let error as JSONParseError {
            throw error
        } catch {
            fatalError("unreachable: the parser throws only JSONParseError")
        }
    }

    public static func parse(_ text: String) throws(JSONParseError) -> JSONValue {
        try parse(Array(text.utf8))
    }
}

extension JSONParser {
    /// The parsing state: a read position in a borrowed buffer and the current line.
    struct Cursor {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0
        var line = 1
        var depth = 0

        init(_ bytes: UnsafeBufferPointer<UInt8>) {
            self.bytes = bytes
        }

        mutating func parseDocument() throws -> JSONValue {
            skipWhitespace()
            let value = try parseValue()
            skipWhitespace()
            if index < bytes.count { throw error("unexpected content after the JSON value") }
            return value
        }

        mutating func parseValue() throws -> JSONValue {
            guard index < bytes.count else { throw error("unexpected end of input, expected a value") }
            switch bytes[index] {
            case UInt8(ascii: "{"): return try parseObject()
            case UInt8(ascii: "["): return try parseArray()
            case UInt8(ascii: "\""): return .string(try parseString())
            case UInt8(ascii: "t"): return try parseLiteral("true", .bool(true))
            case UInt8(ascii: "f"): return try parseLiteral("false", .bool(false))
            case UInt8(ascii: "n"): return try parseLiteral("null", .null)
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
            default: throw error("expected a value, found \(describeByte(at: index))")
            }
        }

        mutating func parseObject() throws -> JSONValue {
            let startLine = line
            try enterNesting()
            index += 1
            var members: [JSONMember] = []
            skipWhitespace()
            if peek() == UInt8(ascii: "}") {
                index += 1
                depth -= 1
                return .object(JSONObject(members, line: startLine))
            }
            while true {
                skipWhitespace()
                guard peek() == UInt8(ascii: "\"") else {
                    throw error(index < bytes.count
                        ? "expected a string key, found \(describeByte(at: index))"
                        : "unexpected end of input inside an object")
                }
                let key = try parseString()
                skipWhitespace()
                guard peek() == UInt8(ascii: ":") else { throw error("expected ':' after the key \"\(key)\"") }
                index += 1
                skipWhitespace()
                let value = try parseValue()
                members.append(JSONMember(key, value))
                skipWhitespace()
                switch peek() {
                case UInt8(ascii: ","):
                    index += 1
                case UInt8(ascii: "}"):
                    index += 1
                    depth -= 1
                    return .object(JSONObject(members, line: startLine))
                case nil:
                    throw error("unexpected end of input inside an object")
                default:
                    throw error("expected ',' or '}' after an object member, found \(describeByte(at: index))")
                }
            }
        }

        mutating func parseArray() throws -> JSONValue {
            try enterNesting()
            index += 1
            var elements: [JSONValue] = []
            skipWhitespace()
            if peek() == UInt8(ascii: "]") {
                index += 1
                depth -= 1
                return .array(elements)
            }
            while true {
                skipWhitespace()
                elements.append(try parseValue())
                skipWhitespace()
                switch peek() {
                case UInt8(ascii: ","):
                    index += 1
                case UInt8(ascii: "]"):
                    index += 1
                    depth -= 1
                    return .array(elements)
                case nil:
                    throw error("unexpected end of input inside an array")
                default:
                    throw error("expected ',' or ']' after an array element, found \(describeByte(at: index))")
                }
            }
        }

        mutating func enterNesting() throws {
            depth += 1
            if depth > JSONParser.maximumDepth {
                throw error("nesting deeper than \(JSONParser.maximumDepth) levels")
            }
        }

        mutating func parseLiteral(_ word: StaticString, _ value: JSONValue) throws -> JSONValue {
            let count = word.utf8CodeUnitCount
            guard index + count <= bytes.count else { throw error("expected a value, found \(describeByte(at: index))") }
            for offset in 0..<count where bytes[index + offset] != word.utf8Start[offset] {
                throw error("expected a value, found \(describeByte(at: index))")
            }
            index += count
            return value
        }

        mutating func parseNumber() throws -> JSONValue {
            let start = index
            if peek() == UInt8(ascii: "-") { index += 1 }
            guard let first = peek(), isDigit(first) else { throw error("invalid number: expected a digit") }
            index += 1
            if first != UInt8(ascii: "0") { skipDigits() }
            if peek() == UInt8(ascii: ".") {
                index += 1
                guard let digit = peek(), isDigit(digit) else {
                    throw error("invalid number: expected a digit after '.'")
                }
                skipDigits()
            }
            if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
                index += 1
                if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") { index += 1 }
                guard let digit = peek(), isDigit(digit) else {
                    throw error("invalid number: expected a digit in the exponent")
                }
                skipDigits()
            }
            if let next = peek(), isDigit(next) { throw error("invalid number: leading zeros are not allowed") }
            return .number(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self))
        }

        mutating func skipDigits() {
            while let byte = peek(), isDigit(byte) { index += 1 }
        }

        func isDigit(_ byte: UInt8) -> Bool {
            byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
        }

        func peek() -> UInt8? {
            index < bytes.count ? bytes[index] : nil
        }

        mutating func skipWhitespace() {
            while index < bytes.count {
                switch bytes[index] {
                case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                    index += 1
                case UInt8(ascii: "\n"):
                    index += 1
                    line += 1
                default:
                    return
                }
            }
        }

        /// The byte (or character) at `position`, quoted for an error message.
        func describeByte(at position: Int) -> String {
            guard position < bytes.count else { return "end of input" }
            let byte = bytes[position]
            if byte >= 0x20 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
            if byte >= 0x80 { return "a non-ASCII character" }
            return "control character 0x\(String(byte, radix: 16, uppercase: true))"
        }

        /// An error at the current position, with its line and column computed from the buffer.
        func error(_ message: String) -> JSONParseError {
            error(message, at: index)
        }

        func error(_ message: String, at position: Int) -> JSONParseError {
            let end = min(position, bytes.count)
            var lineNumber = 1
            var lineStart = 0
            for i in 0..<end where bytes[i] == UInt8(ascii: "\n") {
                lineNumber += 1
                lineStart = i + 1
            }
            // Columns count characters, not bytes: skip UTF-8 continuation bytes.
            var column = 1
            for i in lineStart..<end where bytes[i] & 0xC0 != 0x80 { column += 1 }
            return JSONParseError(message: message, line: lineNumber, column: column, offset: position)
        }
    }
}
