/// Plain-text layout helpers: wrapping, padding and tables that fit the terminal.
enum TextLayout {
    /// Wraps `text` into lines of at most `width` characters, breaking at spaces.
    static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 10 else { return [text] }
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            if current.isEmpty {
                current = String(word)
            } else if current.count + 1 + word.count <= width {
                current += " " + word
            } else {
                lines.append(current)
                current = String(word)
            }
        }
        if !current.isEmpty || lines.isEmpty { lines.append(current) }
        return lines
    }

    static func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
        let count = text.count
        guard count < width else { return text }
        let spaces = String(repeating: " ", count: width - count)
        return right ? spaces + text : text + spaces
    }

    static func truncate(_ text: String, _ width: Int) -> String {
        guard text.count > width, width > 1 else { return text }
        return String(text.prefix(width - 1)) + "…"
    }

    /// Renders rows as aligned columns that fit `width` (docs/cli.md, "Tables"):
    /// - a last column listed in `shrinkable` (prose: a reason, a note) takes what the others leave and wraps
    ///   onto continuation lines rather than being cut; with less than `wrapMinimum` left, it goes under its
    ///   row instead (`stacked`);
    /// - then the other `shrinkable` columns (names and titles, never ids) are cut with …, in the order given,
    ///   down to `cutMinimum` characters, their headers too;
    /// - a table whose fixed columns alone are wider than `width` is printed as it is;
    /// numeric columns in `rightAligned` line up on the right. `wide` lays every column out in full.
    static func table(
        header: [String], rows: [[String]], width: Int, rightAligned: Set<Int> = [], shrinkable: [Int] = [], wide: Bool = false
    ) -> [String] {
        var widths = header.map(\.count)
        for row in rows {
            for (column, cell) in row.enumerated() where column < widths.count { widths[column] = max(widths[column], cell.count) }
        }
        let gap = 2
        var total = widths.reduce(0, +) + gap * max(0, widths.count - 1)
        let last = widths.count - 1
        var wrapsLast = false
        if !wide, total > width, last >= 0, shrinkable.contains(last) {
            let room = width - (total - widths[last])
            // Too little room beside the other columns: the prose goes under its row instead, indented.
            if room < wrapMinimum && last > 0 {
                return stacked(header: header, rows: rows, width: width, rightAligned: rightAligned, shrinkable: shrinkable.filter { $0 != last })
            }
            if room < widths[last] {
                total -= widths[last] - room
                widths[last] = room
                wrapsLast = true
            }
        }
        for column in shrinkable where !wide && total > width && column != last {
            let cut = min(total - width, widths[column] - min(widths[column], cutMinimum))
            if cut > 0 {
                widths[column] -= cut
                total -= cut
            }
        }
        func render(_ cells: [String], wrapping: Bool) -> [String] {
            var lastLines = [cells.last ?? ""]
            if wrapping, let text = cells.last { lastLines = wrap(text, width: widths[last]).flatMap { $0.count > widths[last] ? [truncate($0, widths[last])] : [$0] } }
            return lastLines.enumerated().map { index, lastText in
                var line = cells.enumerated().map { column, cell -> String in
                    let content = column == cells.count - 1 ? lastText : (index == 0 ? truncate(cell, widths[column]) : "")
                    return column == cells.count - 1 && !rightAligned.contains(column) ? content : pad(content, widths[column], right: rightAligned.contains(column))
                }.joined(separator: String(repeating: " ", count: gap))
                while line.hasSuffix(" ") { line.removeLast() }
                return line
            }
        }
        let headerCells = header.enumerated().map { column, label in truncate(label, widths[column]) }
        return render(headerCells, wrapping: false) + rows.flatMap { render($0, wrapping: wrapsLast) }
    }

    /// A table whose last column (prose) is printed under each row, indented and wrapped to `width`, for
    /// terminals too narrow to hold it beside the rest.
    static func stacked(header: [String], rows: [[String]], width: Int, rightAligned: Set<Int>, shrinkable: [Int]) -> [String] {
        let indent = "    "
        let lines = table(header: Array(header.dropLast()), rows: rows.map { Array($0.dropLast()) }, width: width, rightAligned: rightAligned, shrinkable: shrinkable)
        var result = [lines.first ?? ""]
        for (row, line) in zip(rows, lines.dropFirst()) {
            result.append(line)
            if let prose = row.last, !prose.isEmpty, prose != "—" { result += wrap(prose, width: max(width - indent.count, wrapMinimum)).map { indent + $0 } }
        }
        return result
    }

    /// The narrowest a wrapped last column gets, and the shortest a cut column gets.
    static let wrapMinimum = 16
    static let cutMinimum = 6
}
