import Foundation
import Glibc
import JSONRPC
import Locking
import SkillPathCore
import SkillPathJSON
import SystemSupport

/// Issue 22's event-feed figures: durable `progress.record` from 16 connections with no subscriber, then
/// with `subscribers` subscribers following the log (each counting what it receives), and how fast each
/// subscriber is served: events delivered per second per subscriber, and how long after the writers stop
/// every subscriber has every event.
struct EventsBenchmark {
    var employees: Int
    var subscribers: Int
    var seconds: Double
    /// progress.record requests per message (a JSON-RPC batch): an LMS reporting a backlog writes many
    /// events per round trip, and the log must keep up with that rate too.
    var batch: Int

    func run() -> Int32 {
        let scratch = NSTemporaryDirectory() + "skillpath-events-bench-\(getpid())"
        try? FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let catalogDirectory = ProcessInfo.processInfo.environment["SKILLPATH_CATALOG"] ?? "Catalog"
        guard let catalog = try? CatalogLoader.load(directory: catalogDirectory),
              let daemon = BenchDaemon(catalog: catalogDirectory, scratch: scratch, name: "events", extra: ["--config", StoreBenchmark.writeConfig(scratch)]),
              let client = try? BenchClient(path: daemon.socket) else { return 1 }
        defer { daemon.stop() }
        StoreBenchmark(employees: employees, seconds: seconds).measureUpserts(catalog, client)
        let courses = catalog.courses.map(\.id)
        var round = 0
        func writers() -> LoadRun.Result {
            round += 1
            // Every request a new event (a repeated event id is a duplicate, which logs nothing): more than the
            // writers can send in the run.
            let requests = (0..<Int(seconds * 80_000) / batch).map { message -> [UInt8] in
                let entries = (0..<batch).map { offset -> JSONValue in
                    let number = message * batch + offset
                    return .object([
                        ("jsonrpc", "2.0"), ("id", .int(number)), ("method", "progress.record"),
                        ("params", .object([
                            ("employee", .string("emp-\(number * 7 % employees)")), ("course", .string(courses[number % courses.count])),
                            ("status", "started"), ("eventId", .string("events-\(round)-\(number)")),
                        ])),
                    ])
                }
                return JSONWriter.bytes(batch == 1 ? entries[0] : .array(entries))
            }
            var result = LoadRun(path: daemon.socket, requests: requests, connections: 16, seconds: seconds).run()
            result.count *= batch
            return result
        }
        say("\nprogress.record, durable, 16 connections, \(batch) per message, each write appending its event (rates in events/s):")
        let alone = (0..<3).map { _ in writers() }
        let baseline = LoadRun.Result.median(alone)
        say(baseline.line(label: "no subscriber", connections: 16))
        let head = (try? client.call("events.list", .object([("limit", 1)]))["head"]?.intValue) ?? 0
        let followers = (0..<subscribers).compactMap { _ in Follower(path: daemon.socket, after: head) }
        guard followers.count == subscribers else {
            say("Error: could not subscribe \(subscribers) followers")
            return 1
        }
        let began = ContinuousClock.now
        let loaded = writers()
        let written = (try? client.call("events.list", .object([("limit", 1)]))["head"]?.intValue) ?? 0
        let caughtUp = followers.map { $0.waitFor(id: written, timeout: 120) }
        let elapsed = (ContinuousClock.now - began).seconds
        let lastArrival = followers.map(\.lastArrival).max().map { ($0 - began).seconds } ?? elapsed
        say(loaded.line(label: "\(subscribers) subscribers", connections: 16)
            + String(format: "  (%.1f%% of the rate with none)", loaded.rate / baseline.rate * 100))
        let delivered = followers.map(\.received)
        say(String(format: "  events written while followed: %d; each subscriber received %d–%d (%@ caught up)",
                   written - head, delivered.min() ?? 0, delivered.max() ?? 0, caughtUp.allSatisfy { $0 } ? "all" : "NOT all"))
        say(String(format: "  delivery: %.0f events/s to each of %d subscribers (%.0f notifications/s in all); the last arrived %.2f s after the writers started, %.2f s after they stopped",
                   Double(delivered.min() ?? 0) / lastArrival, subscribers, Double(delivered.reduce(0, +)) / lastArrival, lastArrival, max(0, lastArrival - seconds)))
        if let cut = followers.compactMap(\.cutOff).first { say("  a subscriber was cut off: \(cut)") }
        measureBacklog(socket: daemon.socket, head: written)
        return 0
    }

    /// How fast the daemon can deliver, whatever the writers' pace: `subscribers` new subscribers read the
    /// newest 90,000 events of the log at once (within the default lag a subscriber may have).
    func measureBacklog(socket: String, head: Int) {
        let from = max(0, head - 90_000)
        let began = ContinuousClock.now
        let followers = (0..<subscribers).compactMap { _ in Follower(path: socket, after: from) }
        let caughtUp = followers.map { $0.waitFor(id: head, timeout: 300) }
        let elapsed = (ContinuousClock.now - began).seconds
        let count = head - from
        say(String(format: "\na backlog of %d events to %d new subscribers at once: %.2f s, %.0f events/s to each (%.0f notifications/s in all)%@",
                   count, followers.count, elapsed, Double(count) / elapsed, Double(count * followers.count) / elapsed, caughtUp.allSatisfy { $0 } ? "" : "; NOT all caught up"))
    }
}

/// One subscriber on its own connection and thread, counting the events it receives.
final class Follower: @unchecked Sendable {
    private let state = Locked(State())

    struct State: Sendable {
        var received = 0
        var lastID = 0
        var lastArrival = ContinuousClock.now
        var cutOff: String?
        var closed = false
    }

    init?(path: String, after: Int) {
        guard let socket = try? UnixSocket.connect(path: path) else { return nil }
        let request = JSONWriter.bytes(.object([("jsonrpc", "2.0"), ("id", 1), ("method", "events.subscribe"), ("params", .object([("after", .int(after))]))]))
        guard (try? socket.write(request + [0x0A])) != nil else { return nil }
        Thread { [self] in read(socket) }.start()
    }

    var received: Int { state.withLock { $0.received } }
    var lastArrival: ContinuousClock.Instant { state.withLock { $0.lastArrival } }
    var cutOff: String? { state.withLock { $0.cutOff } }

    /// Waits until the event `id` has arrived (or the subscription ended); whether it did.
    func waitFor(id: Int, timeout: Double) -> Bool {
        state.withLock(when: { $0.lastID >= id || $0.closed || $0.cutOff != nil }, timeout: timeout) { $0.lastID >= id } ?? false
    }

    /// Counts lines as they arrive without building them (the bench must cost the machine little next to the
    /// daemon it measures): newlines in each chunk, the id of the last whole line, and any cut-off notice.
    private func read(_ socket: UnixSocket) {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 262_144, alignment: 1)
        defer { buffer.deallocate() }
        let marker = Array(#""params":{"id":"#.utf8)
        var tail: [UInt8] = []
        var first = true
        while true {
            guard let count = try? socket.read(into: buffer), count > 0 else {
                state.withLock(waking: .all) { $0.closed = true }
                return
            }
            let chunk = UnsafeRawBufferPointer(rebasing: buffer[0..<count])
            var lines = 0
            var lastNewline = -1
            for index in 0..<count where chunk[index] == 0x0A {
                lines += 1
                lastNewline = index
            }
            guard lines > 0 else {
                tail += chunk
                continue
            }
            // The last whole line: what was left over from before plus this chunk, up to its last newline.
            var previousNewline = -1
            for index in stride(from: lastNewline - 1, through: 0, by: -1) where chunk[index] == 0x0A {
                previousNewline = index
                break
            }
            let last = (previousNewline < 0 ? tail : []) + Array(chunk[(previousNewline + 1)..<lastNewline])
            tail = Array(chunk[(lastNewline + 1)..<count])
            // The subscription's reply is the first line, not an event.
            if first {
                lines -= 1
                first = false
            }
            let id = last.firstRange(of: marker).map { range in last[range.upperBound...].prefix { $0 >= 48 && $0 <= 57 }.reduce(0) { $0 * 10 + Int($1 - 48) } }
            let notice = last.firstRange(of: Array("events.cutOff".utf8)) != nil ? String(decoding: last, as: UTF8.self) : nil
            state.withLock(waking: .all) { state in
                state.received += notice == nil ? lines : lines - 1
                if let id, id > 0 { state.lastID = id }
                state.lastArrival = .now
                if let notice { state.cutOff = notice }
            }
        }
    }
}
