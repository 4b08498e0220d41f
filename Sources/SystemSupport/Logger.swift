import Glibc

/// One line per event on stderr, `level message key=value ...`, written with a single write(2) so lines from
/// different threads never interleave. journald adds the timestamp; we add nothing it already has.
///
/// Libraries take a `Logger`; only executables make one.
public struct Logger: Sendable {
    public enum Level: Int, Sendable, Comparable, CaseIterable {
        case debug, info, notice, warning, error

        public init?(name: String) {
            switch name.lowercased() {
            case "debug": self = .debug
            case "info": self = .info
            case "notice": self = .notice
            case "warning", "warn": self = .warning
            case "error": self = .error
            default: return nil
            }
        }

        public var name: String {
            switch self {
            case .debug: "debug"
            case .info: "info"
            case .notice: "notice"
            case .warning: "warning"
            case .error: "error"
            }
        }

        public static func < (lhs: Level, rhs: Level) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    public var level: Level

    public func isEnabled(_ eventLevel: Level) -> Bool { eventLevel >= level }
    private let descriptor: Int32

    public init(level: Level, descriptor: Int32 = 2) {
        self.level = level
        self.descriptor = descriptor
    }

    public func debug(_ message: String, _ fields: [(String, String)] = []) { log(.debug, message, fields) }
    public func info(_ message: String, _ fields: [(String, String)] = []) { log(.info, message, fields) }
    public func notice(_ message: String, _ fields: [(String, String)] = []) { log(.notice, message, fields) }
    public func warning(_ message: String, _ fields: [(String, String)] = []) { log(.warning, message, fields) }
    public func error(_ message: String, _ fields: [(String, String)] = []) { log(.error, message, fields) }

    public func log(_ eventLevel: Level, _ message: String, _ fields: [(String, String)]) {
        guard eventLevel >= level else { return }
        var line = "\(eventLevel.name) \(message)"
        for (key, value) in fields {
            line += " \(key)=\(Self.quoted(value))"
        }
        line += "\n"
        var bytes = Array(line.utf8)
        bytes.withUnsafeMutableBytes { raw in
            _ = Glibc.write(descriptor, raw.baseAddress, raw.count)
        }
    }

    /// Values with spaces, quotes or control characters are quoted, so each line stays one parseable record.
    static func quoted(_ value: String) -> String {
        let plain = !value.isEmpty && value.unicodeScalars.allSatisfy { $0.value > 0x20 && $0 != "\"" && $0 != "=" && $0.value != 0x7F }
        if plain { return value }
        var escaped = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": escaped += "\\\""
            case "\\": escaped += "\\\\"
            case "\n": escaped += "\\n"
            default: escaped += scalar.value < 0x20 ? " " : String(scalar)
            }
        }
        return escaped + "\""
    }
}
