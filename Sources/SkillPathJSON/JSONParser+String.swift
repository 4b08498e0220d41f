extension JSONParser.Cursor {
    /// Parses a string starting at its opening quote. The common case, no escapes, is one scan and one copy.
    mutating func parseString() throws -> String {
        index += 1
        let start = index
        var nonASCII: UInt8 = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let text = try makeString(UnsafeBufferPointer(rebasing: bytes[start..<index]), ascii: nonASCII < 0x80, at: start)
                index += 1
                return text
            }
            if byte == UInt8(ascii: "\\") { return try parseEscapedString(from: start) }
            if byte < 0x20 { throw controlCharacterError(byte) }
            nonASCII |= byte
            index += 1
        }
        throw error("unexpected end of input inside a string")
    }

    /// The slow path: copies bytes into a scratch buffer, decoding escapes as it goes.
    mutating func parseEscapedString(from start: Int) throws -> String {
        var scratch = Array(UnsafeBufferPointer(rebasing: bytes[start..<index]))
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                return try scratch.withUnsafeBufferPointer { try makeString($0, ascii: false, at: start) }
            case UInt8(ascii: "\\"):
                try appendEscape(to: &scratch)
            case 0..<0x20:
                throw controlCharacterError(byte)
            default:
                scratch.append(byte)
                index += 1
            }
        }
        throw error("unexpected end of input inside a string")
    }

    mutating func appendEscape(to scratch: inout [UInt8]) throws {
        let escapeStart = index
        index += 1
        guard let code = peek() else { throw error("unexpected end of input inside a string") }
        index += 1
        switch code {
        case UInt8(ascii: "\""): scratch.append(UInt8(ascii: "\""))
        case UInt8(ascii: "\\"): scratch.append(UInt8(ascii: "\\"))
        case UInt8(ascii: "/"): scratch.append(UInt8(ascii: "/"))
        case UInt8(ascii: "b"): scratch.append(0x08)
        case UInt8(ascii: "f"): scratch.append(0x0C)
        case UInt8(ascii: "n"): scratch.append(0x0A)
        case UInt8(ascii: "r"): scratch.append(0x0D)
        case UInt8(ascii: "t"): scratch.append(0x09)
        case UInt8(ascii: "u"):
            let scalar = try parseUnicodeEscape(escapeStart: escapeStart)
            var encoded: [UInt8] = []
            UTF8.encode(scalar) { encoded.append($0) }
            scratch.append(contentsOf: encoded)
        default:
            throw error("invalid escape '\\\(describeEscape(code))' in a string", at: escapeStart)
        }
    }

    /// Reads `XXXX` after `\u`, joining a surrogate pair when one follows.
    mutating func parseUnicodeEscape(escapeStart: Int) throws -> Unicode.Scalar {
        let high = try readHex4(escapeStart: escapeStart)
        if (0xD800..<0xDC00).contains(high) {
            guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
                throw error("unpaired surrogate \\u\(String(high, radix: 16)) in a string", at: escapeStart)
            }
            index += 2
            let low = try readHex4(escapeStart: escapeStart)
            guard (0xDC00..<0xE000).contains(low) else {
                throw error("invalid surrogate pair in a string", at: escapeStart)
            }
            let value = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
            guard let scalar = Unicode.Scalar(value) else { throw error("invalid surrogate pair in a string", at: escapeStart) }
            return scalar
        }
        guard let scalar = Unicode.Scalar(high) else {
            throw error("unpaired surrogate \\u\(String(high, radix: 16)) in a string", at: escapeStart)
        }
        return scalar
    }

    mutating func readHex4(escapeStart: Int) throws -> UInt32 {
        guard index + 4 <= bytes.count else { throw error("invalid \\u escape: expected 4 hex digits", at: escapeStart) }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw error("invalid \\u escape: expected 4 hex digits", at: escapeStart)
            }
            value = value << 4 | UInt32(digit)
            index += 1
        }
        return value
    }

    func makeString(_ slice: UnsafeBufferPointer<UInt8>, ascii: Bool, at start: Int) throws -> String {
        if ascii { return String(decoding: slice, as: UTF8.self) }
        guard let text = String(validating: slice, as: UTF8.self) else {
            throw error("invalid UTF-8 in a string", at: start)
        }
        return text
    }

    func controlCharacterError(_ byte: UInt8) -> JSONParseError {
        let hex = String(byte, radix: 16, uppercase: true)
        return error("control character U+\(String(repeating: "0", count: 4 - hex.count))\(hex) in a string must be escaped")
    }

    func describeEscape(_ byte: UInt8) -> String {
        byte >= 0x20 && byte < 0x7F ? String(Character(Unicode.Scalar(byte))) : "0x\(String(byte, radix: 16))"
    }
}
