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
    /// On a terminal: the pager for output taller than the screen, and the screen's height.
    private var pager: Pager?
    private var buffer: [UInt8] = []

    public init(useColor: Bool, width: Int, pager: Pager? = nil) {
        self.useColor = useColor
        self.width = width
        self.pager = pager
    }

    /// Colour on a terminal, unless `NO_COLOR` is set to a non-empty value (no-color.org: an empty one does
    /// not count) or `--no-color` was given; a pager on a terminal unless `--no-pager` (see `Pager`).
    public static func standard(environment: [String: String], noColor: Bool, noPager: Bool = false) -> Console {
        let tty = Terminal.isTerminal(1)
        let color = tty && !noColor && (environment["NO_COLOR"] ?? "").isEmpty && environment["TERM"] != "dumb"
        let pager = tty && !noPager ? Pager(environment: environment) : nil
        return Console(useColor: color, width: Terminal.width(environment: environment), pager: pager)
    }

    public func line(_ text: String = "") {
        buffer.append(contentsOf: text.utf8)
        buffer.append(0x0A)
    }

    public func json(_ value: JSONValue) {
        buffer.append(contentsOf: JSONWriter.bytes(value, style: .pretty))
        buffer.append(0x0A)
    }

    /// Writes what is buffered: through the pager the first time it is taller than the screen, else as it is.
    public func flush() {
        guard !buffer.isEmpty else { return }
        defer { buffer.removeAll() }
        if let pager, buffer.count { $0 == 0x0A } >= pager.screenLines {
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
