import Foundation
import SkillPathTestSupport

/// A Swift source file with its string literals and comments blanked out (newlines kept), so that scans
/// for code see only code: a comment that says `APIError(` or a string holding `{` never counts.
struct SwiftSource {
    let path: String
    let code: [UInt8]

    init(path: String) throws {
        self.path = path
        code = Self.blanked(Array(try String(contentsOfFile: path, encoding: .utf8).utf8))
    }

    /// Every `.swift` file under `folder` of the package, in path order.
    static func files(under folder: String) throws -> [SwiftSource] {
        let root = "\(ProcessRunner.packageRoot)/\(folder)"
        guard let enumerator = FileManager.default.enumerator(atPath: root) else { return [] }
        return try enumerator.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") }.sorted().map { try SwiftSource(path: "\(root)/\($0)") }
    }

    /// The path below the package root.
    var relativePath: String { String(path.dropFirst(ProcessRunner.packageRoot.count + 1)) }

    var text: String { String(decoding: code, as: UTF8.self) }

    /// The 1-based line of a byte offset.
    func line(of offset: Int) -> Int { code[..<offset].count { $0 == UInt8(ascii: "\n") } + 1 }

    private static func blanked(_ bytes: [UInt8]) -> [UInt8] {
        var out = bytes
        var index = 0
        func blank(_ range: Range<Int>) {
            for position in range where out[position] != UInt8(ascii: "\n") { out[position] = UInt8(ascii: " ") }
        }
        func starts(_ text: String, at position: Int) -> Bool {
            let pattern = Array(text.utf8)
            return position + pattern.count <= bytes.count && Array(bytes[position..<position + pattern.count]) == pattern
        }
        while index < bytes.count {
            if starts("//", at: index) {
                let end = bytes[index...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
                blank(index..<end)
                index = end
            } else if starts("/*", at: index) {
                var end = index + 2
                while end < bytes.count && !starts("*/", at: end) { end += 1 }
                end = min(end + 2, bytes.count)
                blank(index..<end)
                index = end
            } else if let quote = literalStart(bytes, at: index) {
                let end = literalEnd(bytes, from: index + quote.opening, closing: quote.closing, raw: quote.raw)
                blank(index..<end)
                index = end
            } else {
                index += 1
            }
        }
        return out
    }

    /// A string literal starting here: how long its opening is, what closes it, and whether it is raw.
    private static func literalStart(_ bytes: [UInt8], at index: Int) -> (opening: Int, closing: [UInt8], raw: Bool)? {
        var hashes = 0
        while index + hashes < bytes.count && bytes[index + hashes] == UInt8(ascii: "#") { hashes += 1 }
        let quote = index + hashes
        guard quote < bytes.count, bytes[quote] == UInt8(ascii: "\"") else { return nil }
        let triple = quote + 2 < bytes.count && bytes[quote + 1] == UInt8(ascii: "\"") && bytes[quote + 2] == UInt8(ascii: "\"")
        let quotes = [UInt8](repeating: UInt8(ascii: "\""), count: triple ? 3 : 1)
        return (hashes + quotes.count, quotes + [UInt8](repeating: UInt8(ascii: "#"), count: hashes), hashes > 0)
    }

    private static func literalEnd(_ bytes: [UInt8], from start: Int, closing: [UInt8], raw: Bool) -> Int {
        var index = start
        while index < bytes.count {
            if !raw && bytes[index] == UInt8(ascii: "\\") {
                index += 2
                continue
            }
            if index + closing.count <= bytes.count && Array(bytes[index..<index + closing.count]) == closing { return index + closing.count }
            index += 1
        }
        return bytes.count
    }
}
