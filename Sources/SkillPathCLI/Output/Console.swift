import Foundation
public import SkillPathJSON
import SystemSupport

/// Where a command writes: data to stdout, `Error: …` to stderr, colour only when it may.
///
/// Output is buffered and written whole at the end (or on `flush`), so a command's output never interleaves
/// with another process's and a pipe sees complete lines.
public final class Console {
    public let useColor: Bool
    public let width: Int
    /// Whether stdout is for people (a terminal, or `SKILLPATH_FORCE_TTY`): tables are laid out to the
    /// width; otherwise they are tab-separated rows for programs (`table`).
    public let forPeople: Bool
    /// `--no-headers`: tab-separated rows without their header line.
    public let noHeaders: Bool
    /// `--wide`: every column, each in full, whatever the terminal's width (as kubectl's `-o wide`).
    public let wide: Bool
    /// `--json=FIELD,…`: the fields JSON output keeps (`JSONFields`); nil keeps every one.
    public var jsonFields: [String]?
    /// A field asked for that the output does not have: the command then fails with it (exit 64).
    public private(set) var fieldProblem: CLIError?
    /// On a terminal: the pager for output taller than the screen, and the screen's height.
    private var pager: Pager?
    private var buffer: [UInt8] = []

    public init(useColor: Bool, width: Int, pager: Pager? = nil, forPeople: Bool = true, noHeaders: Bool = false, wide: Bool = false) {
        self.useColor = useColor
        self.width = width
        self.pager = pager
        self.forPeople = forPeople
        self.noHeaders = noHeaders
        self.wide = wide
    }

    /// Colour on a terminal, unless `NO_COLOR` is set to a non-empty value (no-color.org: an empty one does
    /// not count) or `--no-color` was given; a pager on a terminal unless `--no-pager` (see `Pager`).
    public static func standard(
        environment: [String: String], noColor: Bool, noPager: Bool = false, noHeaders: Bool = false, wide: Bool = false
    ) -> Console {
        let tty = Terminal.isTerminal(1)
        let color = tty && !noColor && (environment["NO_COLOR"] ?? "").isEmpty && environment["TERM"] != "dumb"
        let pager = tty && !noPager ? Pager(environment: environment) : nil
        // As gh's GH_FORCE_TTY: the terminal layout into a pipe, at `$COLUMNS` or unlimited width.
        let forced = !(environment["SKILLPATH_FORCE_TTY"] ?? "").isEmpty
        return Console(
            useColor: color, width: Terminal.width(environment: environment), pager: pager, forPeople: tty || forced, noHeaders: noHeaders, wide: wide)
    }

    /// A table: laid out to the terminal's width for people (`TextLayout.table`); for programs, one header
    /// line (unless `--no-headers`) and one line a row, cells separated by tabs and never cut, a tab or line
    /// break inside a cell written as a space.
    public func table(header: [String], rows: [[String]], rightAligned: Set<Int> = [], shrinkable: [Int] = []) {
        guard forPeople else {
            let clean = { (cell: String) in String(cell.map { $0 == "\t" || $0.isNewline ? " " : $0 }) }
            if !noHeaders { line(header.map(clean).joined(separator: "\t")) }
            for row in rows { line(row.map(clean).joined(separator: "\t")) }
            return
        }
        TextLayout.table(header: header, rows: rows, width: width, rightAligned: rightAligned, shrinkable: shrinkable, wide: wide).forEach { line($0) }
    }

    public func line(_ text: String = "") {
        buffer.append(contentsOf: text.utf8)
        buffer.append(0x0A)
    }

    /// A title over a table, in bold, and what it covers, dimmed, wrapped to the terminal: for people only,
    /// so that piped output is the table's rows and nothing else.
    public func heading(always: Bool = false, _ title: String, _ detail: String = "") {
        guard forPeople || always else { return }
        if title.count + detail.count <= width {
            line(styled(title, .bold) + styled(detail, .dim))
            return
        }
        line(styled(title, .bold))
        let rest = detail.hasPrefix(" · ") ? String(detail.dropFirst(3)) : detail
        for wrapped in TextLayout.wrap(rest, width: width) { line(styled(wrapped, .dim)) }
    }

    public func json(_ value: JSONValue) {
        var value = value
        if let fields = jsonFields {
            switch JSONFields.select(fields, from: value) {
            case .success(let selected): value = selected
            case .failure(let problem):
                fieldProblem = problem
                return
            }
        }
        buffer.append(contentsOf: JSONWriter.bytes(value, style: .pretty))
        buffer.append(0x0A)
    }

    /// Writes what is buffered: through the pager the first time it is taller than the screen, else as it is.
    public func flush() {
        guard !buffer.isEmpty else { return }
        defer { buffer.removeAll() }
        if let pager, buffer.count(where: { $0 == 0x0A }) >= pager.screenLines {
            self.pager = nil
            if pager.show(buffer) { return }
        }
        FileHandle.standardOutput.write(Data(buffer))
    }

    /// Writes `Error: message` and any detail lines to stderr at once.
    public func error(_ failure: CLIError) {
        flush()
        var text = "Error: \(failure.message)\n"
        for detail in failure.details { text += "\(detail)\n" }
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// A line about the output rather than of it ("Showing 50 of 1,204 …"): on stderr, after what stdout
    /// holds so far, so a pipe gets only the data and a terminal shows it below the table.
    public func note(_ text: String) {
        flush()
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    public func warning(_ message: String) {
        FileHandle.standardError.write(Data("Warning: \(message)\n".utf8))
    }

    public enum Style: String {
        case bold = "1"
        case dim = "2"
        case red = "31"
        case green = "32"
        case yellow = "33"
        case cyan = "36"
    }

    public func styled(_ text: String, _ style: Style) -> String {
        useColor ? "\u{1B}[\(style.rawValue)m\(text)\u{1B}[0m" : text
    }
}
