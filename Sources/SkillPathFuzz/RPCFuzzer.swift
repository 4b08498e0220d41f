import Foundation
import Glibc
import SkillPathCore
import SkillPathJSON
import SystemSupport

/// Sends adversarial messages to a real daemon and checks every reply, that the daemon lives, and what its
/// memory does. Deterministic for a seed; bounded by a message count and a time limit.
///
/// After each message it sends a sentinel request (`system.health` with a unique id) and reads until the
/// sentinel's reply: so every reply to the message itself is seen and checked, however many (none for a
/// notification, one, or a batch), and a daemon that stops answering is noticed within `replyTimeout`.
public struct RPCFuzzer {
    public var socketPath: String
    /// The daemon's process, for its memory; nil to skip memory figures.
    public var daemonPID: Int32?
    public var seed: UInt64
    public var messages: Int
    public var timeLimit: Double
    public var replyTimeout: Double = 30
    public var sizeLimit = 1_048_576
    /// How long, after the last message, the daemon's memory may take to come back within 10% of its warm
    /// figure (the final figure is taken when it does, or at this limit).
    public var settleSeconds = 10

    public init(socketPath: String, daemonPID: Int32?, seed: UInt64, messages: Int, timeLimit: Double) {
        self.socketPath = socketPath
        self.daemonPID = daemonPID
        self.seed = seed
        self.messages = messages
        self.timeLimit = timeLimit
    }

    /// Messages after which the daemon counts as warm.
    static let warmUp = 10_000

    public struct Report: Sendable, CustomStringConvertible {
        public var sent = 0
        public var replies = 0
        /// Connections the daemon closed (messages over the size limit), reopened by the fuzzer.
        public var closed = 0
        public var byKind: [String: Int] = [:]
        /// Replies that were not valid JSON-RPC, with the message that caused them (first few).
        public var invalid: [String] = []
        /// Set when the daemon stopped answering or died.
        public var failure: String?
        public var seconds = 0.0
        /// Resident memory of the daemon, in KiB: at the start (catalog loaded, nothing else touched), once
        /// warm (after `warmUp` messages: planner scratch, SQLite caches and thread arenas in use), the highest
        /// seen, and at the end once idle. A leak shows as a final figure well above the warm one.
        public var baselineKiB = 0
        public var warmKiB = 0
        public var peakKiB = 0
        public var finalKiB = 0

        public var passed: Bool { failure == nil && invalid.isEmpty }

        public var description: String {
            var text = "\(sent) messages in \(String(format: "%.1f", seconds)) s (\(Int(Double(sent) / max(seconds, 0.001))) /s), \(replies) replies, \(closed) connections closed by the daemon"
            text += "; invalid replies: \(invalid.count); failure: \(failure ?? "none")"
            if peakKiB > 0 {
                text += "; RSS at start \(baselineKiB / 1024) MiB, warm \(warmKiB / 1024) MiB, peak \(peakKiB / 1024) MiB, final (idle) \(finalKiB / 1024) MiB"
            }
            return text
        }
    }

    public func run() -> Report {
        var report = Report()
        let started = ContinuousClock.now
        guard var connection = try? LineConnection(socketPath: socketPath, timeout: replyTimeout) else {
            report.failure = "cannot connect to \(socketPath)"
            return report
        }
        // The methods and their parameters, from the daemon itself.
        let discover = Array(#"{"jsonrpc":"2.0","id":"discover","method":"rpc.discover"}"#.utf8) + [0x0A]
        var methods: [FuzzMethod] = []
        if (try? connection.send(discover)) != nil, let line = try? connection.readLine(), let document = try? JSONParser.parse(line) {
            methods = FuzzMethod.list(openRPC: document["result"] ?? .null)
        }
        var generator = FuzzMessages(seed: seed, methods: methods, sizeLimit: sizeLimit)
        report.baselineKiB = residentKiB()
        report.peakKiB = report.baselineKiB

        for number in 0..<messages {
            if Double((ContinuousClock.now - started).components.seconds) > timeLimit { break }
            let (kind, message) = generator.next()
            report.sent += 1
            report.byKind[kind.rawValue, default: 0] += 1
            let sentinelID = "sentinel-\(number)"
            let sentinel = Array(#"{"jsonrpc":"2.0","id":"\#(sentinelID)","method":"system.health"}"#.utf8) + [0x0A]
            do {
                try connection.send(message)
                try connection.send(sentinel)
                while true {
                    guard let line = try connection.readLine() else { throw LineConnection.Closed() }
                    report.replies += 1
                    if let problem = ReplyCheck.problem(in: line) {
                        if report.invalid.count < 10 {
                            report.invalid.append("\(problem) — reply \(Self.excerpt(line)) to \(kind.rawValue) message \(Self.excerpt(message))")
                        }
                        continue
                    }
                    if line.count < 4096, let reply = try? JSONParser.parse(line), reply["id"] == .string(sentinelID) { break }
                }
            } catch is LineConnection.Closed {
                // Over the size limit, the daemon answers once and hangs up: open a new connection.
                report.closed += 1
                guard let reopened = try? LineConnection(socketPath: socketPath, timeout: replyTimeout) else {
                    report.failure = "the daemon stopped accepting connections after \(kind.rawValue) message \(number): \(Self.excerpt(message))"
                    break
                }
                connection = reopened
            } catch {
                report.failure = "no reply within \(replyTimeout) s after \(kind.rawValue) message \(number) (\(error)): \(Self.excerpt(message))"
                break
            }
            if number % 500 == 0 { report.peakKiB = max(report.peakKiB, residentKiB()) }
            if number + 1 == min(Self.warmUp, messages) { report.warmKiB = residentKiB() }
        }
        if report.failure == nil, let daemonPID, kill(daemonPID, 0) != 0 { report.failure = "the daemon is gone" }
        report.peakKiB = max(report.peakKiB, residentKiB())
        // Idle again: close the connection and give the daemon a few seconds to settle (it returns memory to
        // the system a second after its last connection closes).
        connection.socket.close()
        report.finalKiB = residentKiB()
        let settled = ContinuousClock.now + .seconds(settleSeconds)
        while ContinuousClock.now < settled, report.finalKiB > report.warmKiB + report.warmKiB / 10 {
            usleep(100_000)
            report.finalKiB = residentKiB()
        }
        let elapsed = ContinuousClock.now - started
        report.seconds = elapsed.seconds
        return report
    }

    func residentKiB() -> Int {
        guard let daemonPID, let status = try? String(contentsOfFile: "/proc/\(daemonPID)/status", encoding: .utf8) else { return 0 }
        for line in status.split(separator: "\n") where line.hasPrefix("VmRSS:") {
            return line.split(separator: " ").compactMap { Int($0) }.first ?? 0
        }
        return 0
    }

    static func excerpt(_ bytes: [UInt8]) -> String {
        let text = String(decoding: bytes.prefix(120), as: UTF8.self).replacingOccurrences(of: "\n", with: "\\n")
        return bytes.count > 120 ? "\(text)… (\(bytes.count) bytes)" : text
    }
}
