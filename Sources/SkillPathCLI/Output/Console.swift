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
    private var buffer: [UInt8] = []

    public init(useColor: Bool, width: Int) {
        self.useColor = useColor
        self.width = width
    }

    /// Colour on a terminal, unless `NO_COLOR` is set to a non-empty value (no-color.org: an empty one does
    /// not count) or `--no-color` was given.
    public static func standard(environment: [String: String], noColor: Bool) -> Console {
        let tty = Terminal.isTerminal(1)
        let color = tty && !noColor && (environment["NO_COLOR"] ?? "").isEmpty && environment["TERM"] != "dumb"
        return Console(useColor: color, width: Terminal.width(environment: environment))
    }

    public func line(_ text: String = "") {
        buffer.append(contentsOf: text.utf8)
        buffer.append(0x0A)
    }

    public func json(_ value: JSONValue) {
        buffer.append(contentsOf: JSONWriter.bytes(value, style: .pretty))
        buffer.append(0x0A)
    }

    public func flush() {
        guard !buffer.isEmpty else { return }
        FileHandle.standardOutput.write(Data(buffer))
        buffer.removeAll()
    }

    /// Writes `Error: message` and any detail lines to stderr at once.
    public func error(_ failure: CLIError) {
        flush()
        var text = "Error: \(failure.message)\n"
        for detail in failure.details { text += "\(detail)\n" }
        FileHandle.standardError.write(Data(text.utf8))
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
