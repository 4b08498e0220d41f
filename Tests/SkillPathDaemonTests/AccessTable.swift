import Foundation

/// The table in docs/access.md, read from the file so that the access test checks what the documentation
/// says rather than a copy of it.
struct AccessTable {
    /// A request shape a row describes: the plain call, or one of the variants the table lists apart.
    enum Variant: String {
        case plain, withProfile, withEmployee, withApply
    }

    struct Row {
        /// The first cell, for messages.
        var label: String
        var methods: [String]
        var variant: Variant
        /// Column name (unknown, employee, manager, service, admin) → cell.
        var cells: [String: String]
    }

    var rows: [Row]

    struct Malformed: Error, CustomStringConvertible {
        var description: String
    }

    /// Reads the table whose header starts with `| method |`. A row starting with `…` continues the methods
    /// of the row above it with another variant.
    init(file: String) throws {
        let text = try String(contentsOfFile: file, encoding: .utf8)
        let lines = text.split(separator: "\n").map(String.init)
        guard let header = lines.firstIndex(where: { $0.hasPrefix("| method |") }) else {
            throw Malformed(description: "\(file): no table starting with '| method |'")
        }
        let columns = Self.cells(lines[header]).dropFirst().map { $0 }
        rows = []
        for (offset, line) in lines[(header + 2)...].enumerated() {
            guard line.hasPrefix("|") else { break }
            let cells = Self.cells(line)
            guard cells.count == columns.count + 1 else {
                throw Malformed(description: "\(file):\(header + 3 + offset): expected \(columns.count + 1) cells, got \(cells.count)")
            }
            let label = cells[0]
            var methods = label.split(separator: "`", omittingEmptySubsequences: false).enumerated().filter { $0.offset % 2 == 1 }.map { String($0.element) }.filter { $0.contains(".") }
            if label.hasPrefix("…"), let previous = rows.last { methods = previous.methods }
            let variant: Variant = label.contains("with a `profile`") ? .withProfile
                : label.contains("with `employee`") ? .withEmployee : label.contains("with `apply`") ? .withApply : .plain
            rows.append(Row(label: label, methods: methods, variant: variant, cells: Dictionary(uniqueKeysWithValues: zip(columns, cells.dropFirst()))))
        }
    }

    private static func cells(_ line: String) -> [String] {
        line.split(separator: "|", omittingEmptySubsequences: false).dropFirst().dropLast().map { $0.trimmingCharacters(in: .whitespaces) }
    }

    /// What a cell allows, for a caller who is (or acts as) the subject of the call, or one of
    /// the subject's managers: ✓, "all" and "any manager" allow; ✗ refuses; otherwise "own" allows the
    /// subject themself and "subtree" their managers. Parenthesised remarks, such as the skill source, are
    /// about what the call does once allowed.
    static func allows(_ cell: String, isSubject: Bool, manages: Bool) -> Bool {
        var text = cell
        while let open = text.firstIndex(of: "("), let close = text[open...].firstIndex(of: ")") {
            text.removeSubrange(open...close)
        }
        text = text.trimmingCharacters(in: .whitespaces)
        if text.hasPrefix("✓") || text == "all" || text == "any manager" { return true }
        if text == "✗" { return false }
        // The test's manager manages a1 directly, so "direct reports" allows them as "subtree" does.
        return (text.contains("own") && isSubject) || ((text.contains("subtree") || text.contains("direct reports")) && manages)
    }
}
