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

    /// Renders rows as aligned columns. Columns listed in `shrinkable` are cut (with …) so the table fits
    /// `width`, in the order given; numeric columns in `rightAligned` line up on the right.
    static func table(header: [String], rows: [[String]], width: Int, rightAligned: Set<Int> = [], shrinkable: [Int] = []) -> [String] {
        var widths = header.map(\.count)
        for row in rows {
            for (column, cell) in row.enumerated() { widths[column] = max(widths[column], cell.count) }
        }
        let gap = 2
        var total = widths.reduce(0, +) + gap * (widths.count - 1)
        for column in shrinkable where total > width {
            let minimum = max(header[column].count, 8)
            let cut = min(total - width, widths[column] - minimum)
            if cut > 0 {
                widths[column] -= cut
                total -= cut
            }
        }
        func render(_ cells: [String]) -> String {
            cells.enumerated().map { column, cell in
                let fitted = truncate(cell, widths[column])
                return column == cells.count - 1 && !rightAligned.contains(column) ? fitted : pad(fitted, widths[column], right: rightAligned.contains(column))
            }.joined(separator: String(repeating: " ", count: gap))
        }
        return [render(header)] + rows.map(render)
    }
}
