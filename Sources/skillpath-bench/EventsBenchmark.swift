import Foundation
import Glibc
import JSONRPC
import Locking
import SkillPathCore
import SkillPathJSON
import SystemSupport

/// Issue 22's event-feed figures: durable `progress.record` from 16 connections with no subscriber, then
/// with `subscribers` subscribers following the log (each counting what it receives), in interleaved pairs;
/// how fast each subscriber is served live (also under an LMS's xAPI batches, faster than single writes) and
/// from a backlog; and how long after the writers stop every subscriber has every event.
struct EventsBenchmark {
    var employees: Int
    var subscribers: Int
    var seconds: Double
    /// progress.record requests per message (a JSON-RPC batch): an LMS reporting a backlog writes many
    /// events per round trip, and the log must keep up with that rate too.
    var batch: Int
    /// Runs alone and followed, interleaved.
    var pairs: Int
    /// The subscribers' reading threads at nice 10, standing in for subscribers on other machines (their
    /// reading then takes only the CPU the daemon and the writers leave).
    var lowSubscriberPriority: Bool

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
        /// The next run's writers, their requests built (the run starts when it is called).
        func writers() -> () -> LoadRun.Result {
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
            return {
                var result = LoadRun(path: daemon.socket, requests: requests, connections: 16, seconds: seconds).run()
                result.count *= batch
                return result
            }
        }
        say("\nprogress.record, durable, 16 connections, \(batch) per message, each write appending its event (rates in events/s);")
        say("\(pairs) pairs of runs, each with no subscriber and then with \(subscribers) following the log\(lowSubscriberPriority ? " (reading at nice 10)" : "") (the disk's fsync time swings from run to run, so each pair is compared on its own):")
        var ratios: [Double] = []
        var written = 0
        for pair in 1...pairs {
            let alone = writers()()
            guard let followed = followedRun(client: client, socket: daemon.socket, writers: writers()) else { return 1 }
            ratios.append(followed.result.rate / alone.rate)
            written = followed.head
            say(String(format: "  pair %d: %.0f events/s alone, %.0f followed: %.1f%%", pair, alone.rate, followed.result.rate, followed.result.rate / alone.rate * 100))
            say("    " + followed.delivery)
        }
        let sorted = ratios.sorted()
        say(String(format: "  writers followed by %d subscribers: %.1f%% of their rate alone (median of %d pairs; %.1f–%.1f%%)",
                   subscribers, sorted[sorted.count / 2] * 100, pairs, (sorted.first ?? 0) * 100, (sorted.last ?? 0) * 100))
        measureFastWriters(catalog, client: client, socket: daemon.socket)
        measureBacklog(socket: daemon.socket, head: (try? client.call("events.list", .object([("limit", 1)]))["head"]?.intValue) ?? written)
        return 0
    }

    /// Live delivery faster than single durable writes can go: an LMS reporting a backlog, 4 connections
    /// each sending xAPI statements in batches of 1,000 (one transaction each, one event per statement)
    /// while `subscribers` follow; the events/s delivered to each, and how far behind the last one came.
    func measureFastWriters(_ catalog: Catalog, client: BenchClient, socket: String) {
        let urls = catalog.courses.compactMap(\.url)
        guard !urls.isEmpty else { return }
        let requests = (0..<Int(seconds * 40)).map { message -> [UInt8] in
            let statements = (0..<1_000).map { offset -> JSONValue in
                let number = message * 1_000 + offset
                return .object([
                    ("id", .string("fast-\(number)")),
                    ("actor", .object([("account", .object([("homePage", "https://lms.example.com"), ("name", .string("user\(number * 13 % employees)"))]))])),
                    ("verb", .object([("id", "http://adlnet.gov/expapi/verbs/attempted")])),
                    ("object", .object([("id", .string(urls[number % urls.count]))])),
                ])
            }
            return JSONWriter.bytes(.object([("jsonrpc", "2.0"), ("id", .int(message)), ("method", "progress.xapi"), ("params", .object([("statements", .array(statements))]))]))
        }
        let head = (try? client.call("events.list", .object([("limit", 1)]))["head"]?.intValue) ?? 0
        let idle = connections(client)
        let followers = (0..<subscribers).compactMap { _ in Follower(path: socket, after: head, lowPriority: lowSubscriberPriority) }
        let began = ContinuousClock.now
        let run = LoadRun(path: socket, requests: requests, connections: 4, seconds: seconds).run()
        let written = ((try? client.call("events.list", .object([("limit", 1)]))["head"]?.intValue) ?? 0) - head
        let caughtUp = followers.map { $0.waitFor(id: head + written, timeout: 120) }
        let lastArrival = followers.map(\.lastArrival).max().map { ($0 - began).seconds } ?? run.elapsed
        let delivered = followers.map(\.received).min() ?? 0
        say(String(format: "\nprogress.xapi, 4 connections, 1,000 statements per message, while %d subscribers follow: %d events in %.2f s (%.0f events/s written); each subscriber received %d (%@), %.0f events/s to each (%.0f notifications/s in all), the last %.2f s after the writers stopped",
                   followers.count, written, run.elapsed, Double(written) / run.elapsed, delivered, caughtUp.allSatisfy { $0 } ? "all caught up" : "NOT all caught up",
                   Double(delivered) / lastArrival, Double(delivered * followers.count) / lastArrival, max(0, lastArrival - run.elapsed)))
        if let cut = followers.compactMap(\.cutOff).first { say("  a subscriber was cut off: \(cut)") }
        hangUp(followers, client: client, idle: idle)
    }

    /// One run of the writers while `subscribers` new subscribers follow the log from its head: the
    /// writers' result, the log's head after it, and how the delivery went. The subscribers hang up once they
    /// have every event, and the daemon is seen to drop them before the next run.
    private func followedRun(client: BenchClient, socket: String, writers: () -> LoadRun.Result) -> (result: LoadRun.Result, head: Int, delivery: String)? {
        let head = (try? client.call("events.list", .object([("limit", 1)]))["head"]?.intValue) ?? 0
        let idle = connections(client)
        let followers = (0..<subscribers).compactMap { _ in Follower(path: socket, after: head, lowPriority: lowSubscriberPriority) }
        guard followers.count == subscribers else {
            say("Error: could not subscribe \(subscribers) followers")
            return nil
        }
        let began = ContinuousClock.now
        let loaded = writers()
        let written = (try? client.call("events.list", .object([("limit", 1)]))["head"]?.intValue) ?? 0
        let caughtUp = followers.map { $0.waitFor(id: written, timeout: 120) }
        let lastArrival = followers.map(\.lastArrival).max().map { ($0 - began).seconds } ?? seconds
        let delivered = followers.map(\.received)
        var delivery = String(format: "each subscriber received %d–%d of %d (%@ caught up), %.0f events/s to each; the last %.2f s after the writers stopped",
                              delivered.min() ?? 0, delivered.max() ?? 0, written - head, caughtUp.allSatisfy { $0 } ? "all" : "NOT all",
                              Double(delivered.min() ?? 0) / lastArrival, max(0, lastArrival - seconds))
        if let cut = followers.compactMap(\.cutOff).first { delivery += "; a subscriber was cut off: \(cut)" }
        hangUp(followers, client: client, idle: idle)
        return (loaded, written, delivery)
    }

    /// The followers hang up, and the next measure starts only once the daemon has closed their connections
    /// (back to `idle` open ones), so that no delivery thread is left over to run beside it.
    private func hangUp(_ followers: [Follower], client: BenchClient, idle: Int) {
        followers.forEach { $0.hangUp() }
        let deadline = ContinuousClock.now + .seconds(30)
        while connections(client) > idle, ContinuousClock.now < deadline {
            Thread.sleep(forTimeInterval: 0.05)
        }
    }

    /// The daemon's open connections (`system.health`).
    private func connections(_ client: BenchClient) -> Int {
        (try? client.call("system.health", .object([])))?["connections"]?.intValue ?? 0
    }

    /// How fast the daemon can deliver, whatever the writers' pace: `subscribers` new subscribers read the
    /// newest 90,000 events of the log at once (within the default lag a subscriber may have). Nobody
    /// follows before them, so the shared window starts empty and each reads its backlog from the log.
    func measureBacklog(socket: String, head: Int) {
        let from = max(0, head - 90_000)
        let began = ContinuousClock.now
        let followers = (0..<subscribers).compactMap { _ in Follower(path: socket, after: from, lowPriority: lowSubscriberPriority) }
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

    private let socket: UnixSocket

    init?(path: String, after: Int, lowPriority: Bool) {
        guard let socket = try? UnixSocket.connect(path: path) else { return nil }
        self.socket = socket
        let request = JSONWriter.bytes(.object([("jsonrpc", "2.0"), ("id", 1), ("method", "events.subscribe"), ("params", .object([("after", .int(after))]))]))
        guard (try? socket.write(request + [0x0A])) != nil else { return nil }
        Thread { [self] in
            (lowPriority ? ThreadRole.background : .requests).enter(named: "bench-follower")
            read(socket)
        }.start()
    }

    /// Ends the subscription by closing the connection (the reading thread sees the end and stops).
    func hangUp() { socket.shutdownBoth() }

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
