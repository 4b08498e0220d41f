/// Serialises a `JSONValue` deterministically: members in their stored order, numbers as their literal text,
/// only the escapes JSON requires. The same value always gives the same bytes.
public struct JSONWriter {
    public enum Style: Sendable {
        /// One line, no spaces: the wire format (a JSON-RPC message must be one line).
        case compact
        /// Two-space indentation, for files and `--json` output a person may read.
        case pretty
    }

    public static func bytes(_ value: JSONValue, style: Style = .compact) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(256)
        write(value, style: style, indent: 0, into: &output)
        return output
    }

    public static func string(_ value: JSONValue, style: Style = .compact) -> String {
        String(decoding: bytes(value, style: style), as: UTF8.self)
    }

    static func write(_ value: JSONValue, style: Style, indent: Int, into output: inout [UInt8]) {
        switch value {
        case .null: output.append(contentsOf: "null".utf8)
        case .bool(let flag): output.append(contentsOf: (flag ? "true" : "false").utf8)
        case .number(let text): appendUTF8(text, into: &output)
        case .string(let text): writeString(text, into: &output)
        case .array(let elements):
            writeContainer(open: "[", close: "]", count: elements.count, style: style, indent: indent, into: &output) {
                index, output in
                write(elements[index], style: style, indent: indent + 1, into: &output)
            }
        case .object(let object):
            writeContainer(open: "{", close: "}", count: object.members.count, style: style, indent: indent, into: &output) {
                index, output in
                let member = object.members[index]
                writeString(member.key, into: &output)
                output.append(UInt8(ascii: ":"))
                if style == .pretty { output.append(UInt8(ascii: " ")) }
                write(member.value, style: style, indent: indent + 1, into: &output)
            }
        }
    }

    /// A string's bytes, copied in one go from its contiguous storage when it has one (native strings do):
    /// appending a `String.UTF8View` walks it byte by byte.
    @inline(__always)
    static func appendUTF8(_ text: String, into output: inout [UInt8]) {
        if text.utf8.withContiguousStorageIfAvailable({ output.append(contentsOf: $0) }) == nil {
            output.append(contentsOf: text.utf8)
        }
    }

    @inline(__always)
    static func writeContainer(
        open: Unicode.Scalar, close: Unicode.Scalar, count: Int, style: Style, indent: Int,
        into output: inout [UInt8], element: (Int, inout [UInt8]) -> Void
    ) {
        output.append(UInt8(ascii: open))
        guard count > 0 else {
            output.append(UInt8(ascii: close))
            return
        }
        for index in 0..<count {
            if index > 0 { output.append(UInt8(ascii: ",")) }
            if style == .pretty { newline(indent: indent + 1, into: &output) }
            element(index, &output)
        }
        if style == .pretty { newline(indent: indent, into: &output) }
        output.append(UInt8(ascii: close))
    }

    static func newline(indent: Int, into output: inout [UInt8]) {
        output.append(UInt8(ascii: "\n"))
        output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent * 2))
    }

    static func writeString(_ text: String, into output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            // Copy runs that need no escaping in one go; most strings are a single run.
            var runStart = 0
            for (position, byte) in bytes.enumerated() where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<position]))
                appendEscaped(byte, into: &output)
                runStart = position + 1
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
        }
        output.append(UInt8(ascii: "\""))
    }

    static func appendEscaped(_ byte: UInt8, into output: inout [UInt8]) {
        switch byte {
        case UInt8(ascii: "\""): output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
        case UInt8(ascii: "\\"): output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
        case 0x0A: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
        case 0x0D: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
        case 0x09: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
        default:
            let hex = Array("0123456789abcdef".utf8)
            output.append(contentsOf: "\\u00".utf8)
            output.append(hex[Int(byte >> 4)])
            output.append(hex[Int(byte & 0xF)])
        }
    }
}
