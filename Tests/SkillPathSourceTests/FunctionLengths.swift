import Foundation

/// The functions of a source file and how many lines each spans, from its declaration to its closing
/// brace: `func`, `init`, `deinit` and `subscript` declarations with a body.
struct FunctionLengths {
    struct Function {
        var name: String
        var line: Int
        var lines: Int
    }

    static let modifiers: Set<String> = [
        "public", "private", "fileprivate", "internal", "package", "static", "class", "override", "convenience", "required", "mutating",
        "nonmutating", "nonisolated", "final", "open", "dynamic", "lazy", "indirect",
    ]

    static func functions(in source: SwiftSource) -> [Function] {
        let code = source.code
        var found: [Function] = []
        var lineStart = 0
        while lineStart < code.count {
            let lineEnd = code[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? code.count
            if let (name, keywordEnd) = declaration(code[lineStart..<lineEnd]), let body = bodyRange(code, after: keywordEnd) {
                found.append(Function(name: name, line: source.line(of: lineStart), lines: source.line(of: body.upperBound) - source.line(of: lineStart) + 1))
            }
            lineStart = lineEnd + 1
        }
        return found
    }

    /// The declared function on this line, if the line declares one: its name and where its keyword ends.
    private static func declaration(_ line: ArraySlice<UInt8>) -> (String, Int)? {
        var index = line.startIndex
        while true {
            while index < line.endIndex, line[index] == UInt8(ascii: " ") || line[index] == UInt8(ascii: "\t") { index += 1 }
            var end = index
            if end < line.endIndex, line[end] == UInt8(ascii: "@") { end += 1 }
            while end < line.endIndex, isWordByte(line[end]) { end += 1 }
            let word = String(decoding: line[index..<end], as: UTF8.self)
            if word.hasPrefix("@") {
                index = skipAttributeArguments(line, from: end)
                continue
            }
            if modifiers.contains(word) {
                index = end
                continue
            }
            switch word {
            case "func":
                var nameEnd = end
                while nameEnd < line.endIndex, line[nameEnd] == UInt8(ascii: " ") { nameEnd += 1 }
                let nameStart = nameEnd
                while nameEnd < line.endIndex, line[nameEnd] != UInt8(ascii: "("), line[nameEnd] != UInt8(ascii: "<"), line[nameEnd] != UInt8(ascii: " ") { nameEnd += 1 }
                return ("func " + String(decoding: line[nameStart..<nameEnd], as: UTF8.self), end)
            case "init", "deinit", "subscript":
                return (word, end)
            default:
                return nil
            }
        }
    }

    private static func skipAttributeArguments(_ line: ArraySlice<UInt8>, from start: Int) -> Int {
        guard start < line.endIndex, line[start] == UInt8(ascii: "(") else { return start }
        var depth = 0
        var index = start
        while index < line.endIndex {
            if line[index] == UInt8(ascii: "(") { depth += 1 }
            if line[index] == UInt8(ascii: ")") {
                depth -= 1
                if depth == 0 { return index + 1 }
            }
            index += 1
        }
        return index
    }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "_")
    }

    /// The braces of the body: the first `{` outside parentheses and brackets after the keyword, to its match.
    /// Nil for a declaration without a body (a protocol requirement).
    private static func bodyRange(_ code: [UInt8], after start: Int) -> Range<Int>? {
        var depth = 0
        var index = start
        while index < code.count {
            switch code[index] {
            case UInt8(ascii: "("), UInt8(ascii: "["): depth += 1
            case UInt8(ascii: ")"), UInt8(ascii: "]"): depth -= 1
            case UInt8(ascii: "}"): if depth == 0 { return nil }
            case UInt8(ascii: "{") where depth == 0:
                var braces = 0
                for position in index..<code.count {
                    if code[position] == UInt8(ascii: "{") { braces += 1 }
                    if code[position] == UInt8(ascii: "}") {
                        braces -= 1
                        if braces == 0 { return index..<position }
                    }
                }
                return nil
            default: break
            }
            index += 1
        }
        return nil
    }
}
