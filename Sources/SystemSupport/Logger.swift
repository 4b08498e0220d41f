import Foundation
import Glibc
import Locking

/// One line per event on stderr, `level message key=value ...`, always written whole so lines from
/// different threads never interleave.
///
/// When stderr is the journal (`JournalStream`), each line starts with its syslog priority (`<3>` for an
/// error … `<7>` for debug, sd-daemon(3)), which journald strips and stores, so `journalctl -p warning`
/// finds warnings and errors; journald adds the time, and we add nothing it already has. Everywhere else
/// (a terminal, a file) a line starts with its time instead, RFC 3339 in UTC (`timestamps`).
///
/// A buffered logger (the daemon's) collects lines and writes them in batches from a background thread,
/// so a request costs no extra system call for its log line; warnings and errors, and `flush()`, write
/// everything at once. Libraries take a `Logger`; only executables make one.
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

        /// The syslog priority journald reads from a `<N>` prefix.
        public var syslogPriority: Int {
            switch self {
            case .debug: 7
            case .info: 6
            case .notice: 5
            case .warning: 4
            case .error: 3
            }
        }

        public static func < (lhs: Level, rhs: Level) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    public var level: Level
    private let sink: LogSink

    /// - Parameters:
    ///   - flushInterval: nil writes each line at once; otherwise lines are batched and written at least
    ///     this often (in seconds).
    ///   - priorityPrefixes: start each line with `<N>` for journald (see `JournalStream`).
    ///   - timestamps: start each line with the time it was logged (RFC 3339, UTC), when not for journald.
    public init(level: Level, descriptor: Int32 = 2, flushInterval: Double? = nil, priorityPrefixes: Bool = false, timestamps: Bool = false) {
        self.level = level
        self.sink = LogSink(descriptor: descriptor, flushInterval: flushInterval, priorityPrefixes: priorityPrefixes, timestamps: timestamps)
    }

    public func isEnabled(_ eventLevel: Level) -> Bool { eventLevel >= level }

    /// Lines the rate limiter dropped since start (each kind past its burst in a window).
    public var droppedLines: Int { sink.limiter.totalDropped }

    /// Writes any batched lines now (before exiting, say).
    public func flush() {
        sink.flush()
    }

    public func debug(_ message: String, _ fields: [(String, String)] = []) { log(.debug, message, fields) }
    public func info(_ message: String, _ fields: [(String, String)] = []) { log(.info, message, fields) }
    public func notice(_ message: String, _ fields: [(String, String)] = []) { log(.notice, message, fields) }
    public func warning(_ message: String, _ fields: [(String, String)] = []) { log(.warning, message, fields) }
    public func error(_ message: String, _ fields: [(String, String)] = []) { log(.error, message, fields) }

    public func log(_ eventLevel: Level, _ message: String, _ fields: [(String, String)]) {
        guard eventLevel >= level else { return }
        let admission = sink.limiter.admit("\(eventLevel.name) \(message)")
        if let summary = admission.summary { sink.append(summary, level: .notice, urgent: false) }
        guard admission.write else { return }
        var line = "\(eventLevel.name) \(message)"
        for (key, value) in fields {
            line += " \(key)=\(Self.quoted(value))"
        }
        line += "\n"
        sink.append(line, level: eventLevel, urgent: eventLevel >= .warning)
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

/// Where log lines go: straight to the descriptor, or into a buffer a background thread flushes.
/// Thread-safe: the buffer is behind a `Locked`; everything else is set once.
final class LogSink: Sendable {
    private let descriptor: Int32
    private let buffered: Bool
    private let priorityPrefixes: Bool
    private let timestamps: Bool
    let limiter = LogRateLimiter()
    private let pending = Locked<[UInt8]>([])

    init(descriptor: Int32, flushInterval: Double?, priorityPrefixes: Bool, timestamps: Bool) {
        self.descriptor = descriptor
        self.buffered = flushInterval != nil
        self.priorityPrefixes = priorityPrefixes
        self.timestamps = timestamps
        if let flushInterval {
            let thread = Thread { [weak self] in
                while let sink = self {
                    sink.flush()
                    Thread.sleep(forTimeInterval: flushInterval)
                }
            }
            thread.name = "log-flush"
            thread.start()
        }
    }

    func append(_ text: String, level: Logger.Level, urgent: Bool) {
        let line = prefixed(text, level)
        guard buffered else {
            write(Array(line.utf8))
            return
        }
        let overflow = pending.withLock { pending in
            pending.append(contentsOf: line.utf8)
            return pending.count > 65_536
        }
        if urgent || overflow { flush() }
    }

    func flush() {
        for summary in limiter.expired() { pending.withLock { $0.append(contentsOf: prefixed(summary, .notice).utf8) } }
        let bytes = pending.withLock { pending in
            defer { pending.removeAll(keepingCapacity: true) }
            return pending
        }
        if !bytes.isEmpty { write(bytes) }
    }

    private func prefixed(_ line: String, _ level: Logger.Level) -> String {
        if priorityPrefixes { return "<\(level.syslogPriority)>" + line }
        return timestamps ? RFC3339Timestamp.now() + " " + line : line
    }

    private func write(_ bytes: [UInt8]) {
        var offset = 0
        bytes.withUnsafeBytes { raw in
            while offset < raw.count, let base = raw.baseAddress {
                let written = Glibc.write(descriptor, base + offset, raw.count - offset)
                if written < 0 && errno == EINTR { continue }
                if written <= 0 { return }
                offset += written
            }
        }
    }
}
