import CSQLite
import Foundation
import Glibc
import JSONRPC
import SkillPathCore
import SkillPathJSON
import SystemSupport

/// Issue 4's figures: bulk upserts, durable progress events from 1 and 16 connections, a team report over
/// 5,000 people, and raw SQLite durable commits as the ceiling.
struct StoreBenchmark {
    var employees: Int
    var seconds: Double

    func run() -> Int32 {
        let scratch = NSTemporaryDirectory() + "skillpath-store-bench-\(getpid())"
        try? FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: scratch) }

        say("Raw SQLite ceiling (WAL, synchronous=FULL, one INSERT per transaction, \(scratch)):")
        let ceiling = rawCommits(path: "\(scratch)/raw.db", seconds: seconds)
        say(String(format: "  %.0f durable commits/s", ceiling))

        let catalogDirectory = ProcessInfo.processInfo.environment["SKILLPATH_CATALOG"] ?? "Catalog"
        guard let catalog = try? CatalogLoader.load(directory: catalogDirectory),
              let daemon = BenchDaemon(catalog: catalogDirectory, scratch: scratch, name: "store", extra: ["--config", Self.writeConfig(scratch)]) else { return 1 }
        defer { daemon.stop() }
        guard let client = try? BenchClient(path: daemon.socket) else { return 1 }
        measureUpserts(catalog, client)
        measureProgress(catalog, socket: daemon.socket, ceiling: ceiling)
        if let health = try? client.call("system.health"), let store = health["store"] {
            say("  group commit so far: \(store["writes"]?.intValue ?? 0) writes in \(store["commits"]?.intValue ?? 0) commits")
        }
        measureTeamReport(catalog, client)
        daemon.stop()
        measureStartCheck(path: "\(scratch)/store.db")
        return 0
    }

    /// The integrity check every start runs (`PRAGMA quick_check`, as `DatabaseOpening.check` does) on the
    /// database just written.
    func measureStartCheck(path: String) {
        var handle: OpaquePointer?
        guard sqlite3_open_v2(path, &handle, SQLITE_OPEN_READONLY, nil) == SQLITE_OK else { return }
        defer { sqlite3_close(handle) }
        var result = ""
        let elapsed = Measure.seconds {
            var statement: OpaquePointer?
            guard sqlite3_prepare_v2(handle, "PRAGMA quick_check(5)", -1, &statement, nil) == SQLITE_OK else { return }
            defer { sqlite3_finalize(statement) }
            while sqlite3_step(statement) == SQLITE_ROW { result += sqlite3_column_text(statement, 0).map { String(cString: $0) } ?? "" }
        }
        let size = ((try? FileManager.default.attributesOfItem(atPath: path)[.size]) as? NSNumber)?.doubleValue ?? 0
        say(String(format: "\nThe start's integrity check (PRAGMA quick_check) on this database (%.0f MiB, %d employees): %.2f s, \(result)", size / 1_048_576, employees, elapsed))
    }

    /// Employees with 10 skills each, in a tree: a CEO, 20 directors, and teams of 20 under each manager.
    func measureUpserts(_ catalog: Catalog, _ client: BenchClient) {
        say("\nemployees.upsert of \(employees) employees with 10 skills each (batches of 2,000):")
        var random = SeededRandom(seed: 9)
        let roles = catalog.roles.map(\.id)
        let skills = catalog.skills.map(\.id)
        var rows: [JSONValue] = []
        rows.reserveCapacity(employees)
        for number in 0..<employees {
            let manager: String? = number == 0 ? nil : "emp-\((number - 1) / 20)"
            var chosen = Set<String>()
            while chosen.count < 10 { chosen.insert(skills[random.next(skills.count)]) }
            rows.append(.object([
                ("id", .string("emp-\(number)")), ("name", .string("Employee \(number)")), ("login", .string("user\(number)")),
                ("role", .string(roles[random.next(roles.count)])), ("manager", manager.map(JSONValue.string)),
                ("skills", .array(chosen.sorted().map { .object([("skill", .string($0)), ("level", .int(1 + random.next(4)))]) })),
            ]))
        }
        var upserted = 0
        let upsertTime = Measure.seconds {
            var start = 0
            while start < rows.count {
                let batch = Array(rows[start..<min(start + 2000, rows.count)])
                do {
                    upserted += try client.call("employees.upsert", .object([("employees", .array(batch))]))["inserted"]?.intValue ?? 0
                } catch {
                    say("  Error: \(error)")
                }
                start += batch.count
            }
        }
        say(String(format: "  %d inserted in %.2f s: %.0f employees/s (%.0f skill rows/s)", upserted, upsertTime, Double(upserted) / upsertTime, Double(upserted * 10) / upsertTime))
        let again = Measure.seconds { _ = try? client.call("employees.upsert", .object([("employees", .array(Array(rows.prefix(2000))))])) }
        say(String(format: "  re-sending 2,000 unchanged rows: %.2f s (idempotent: nothing written)", again))
    }

    /// Durable progress events from 1 and 16 connections, against the raw SQLite ceiling.
    func measureProgress(_ catalog: Catalog, socket: String, ceiling: Double) {
        say("\nprogress.record, durable (each reply only after its commit):")
        let courses = catalog.courses.map(\.id)
        for connections in [1, 16] {
            // Every request its own event id: a repeated one is a duplicate, which records nothing.
            let requests = (0..<Int(seconds * 80_000)).map { number -> [UInt8] in
                JSONWriter.bytes(.object([
                    ("jsonrpc", "2.0"), ("id", .int(number)), ("method", "progress.record"),
                    ("params", .object([
                        ("employee", .string("emp-\(number * 7 % employees)")), ("course", .string(courses[number % courses.count])),
                        ("status", "started"), ("eventId", .string("bench-\(connections)-\(number)")),
                    ])),
                ]))
            }
            let result = LoadRun(path: socket, requests: requests, connections: connections, seconds: seconds).run()
            say(result.line(label: "progress.record", connections: connections) + String(format: "  (%.0f%% of raw SQLite)", result.rate / ceiling * 100))
        }
    }

    /// reports.team for a director with 5,000 people below (emp-1's subtree under the 20-ary tree is larger,
    /// so a subtree of exactly 5,000 is built with its own manager) and 1,000 assignments.
    func measureTeamReport(_ catalog: Catalog, _ client: BenchClient) {
        say("\nreports.team for a manager with 5,000 people in the subtree (with 1,000 assignments):")
        let roles = catalog.roles.map(\.id)
        var subtree: [JSONValue] = [.object([("id", "boss"), ("name", "Boss"), ("role", .string(roles[0]))])]
        for number in 0..<5000 {
            let manager = number < 50 ? "boss" : "team-\((number - 50) / 99)"
            subtree.append(.object([("id", .string("team-\(number)")), ("name", .string("Team \(number)")), ("role", .string(roles[number % roles.count])), ("manager", .string(manager))]))
        }
        var start = 0
        while start < subtree.count {
            do {
                _ = try client.call("employees.upsert", .object([("employees", .array(Array(subtree[start..<min(start + 2000, subtree.count)])))]))
            } catch {
                say("  Error: \(error)")
            }
            start += 2000
        }
        let assignTime = Measure.seconds {
            for number in stride(from: 0, to: 5000, by: 5) {
                do {
                    _ = try client.call("assignments.create", .object([("employee", .string("team-\(number)")), ("targetRole", .string(roles[(number + 7) % roles.count]))]))
                } catch {
                    if number == 0 { say("  Error: \(error)") }
                }
            }
        }
        say(String(format: "  1,000 assignments.create (each plans and freezes a path): %.2f s, %.1f ms each", assignTime, assignTime))
        var latencies: [Double] = []
        var people = 0
        // The assignment watch checks the 1,000 new assignments in the background: let it finish first.
        Thread.sleep(forTimeInterval: 3)
        for _ in 0..<40 {
            var reply: JSONValue?
            latencies.append(Measure.seconds { reply = try? client.call("reports.team", .object([("manager", "boss"), ("subtree", true)])) })
            people = reply?["summary"]?["people"]?.intValue ?? 0
        }
        latencies.sort()
        say("  \(people) people: p50 \(Measure.milliseconds(Measure.percentile(latencies, 0.5))), p99 \(Measure.milliseconds(Measure.percentile(latencies, 0.99)))")
        measureSpend(client)
    }

    /// reports.spend (issue 22 §3) for everyone and for the 5,000-person subtree: the completions of the
    /// progress run above and the 1,000 assignments' planned steps, priced per currency.
    func measureSpend(_ client: BenchClient) {
        say("\nreports.spend (training spend per team and target role):")
        for (label, params) in [("everyone", JSONValue.object([])), ("the 5,000-person subtree", .object([("manager", "boss")]))] {
            var latencies: [Double] = []
            var reply: JSONValue?
            for _ in 0..<10 { latencies.append(Measure.seconds { reply = try? client.call("reports.spend", params) }) }
            latencies.sort()
            let planned = reply?["total"]?["planned"]?["courses"]?.intValue ?? 0
            let teams = reply?["teams"]?.arrayValue?.count ?? 0
            say("  \(label): \(planned) planned courses in \(teams) teams: p50 \(Measure.milliseconds(Measure.percentile(latencies, 0.5))), p99 \(Measure.milliseconds(Measure.percentile(latencies, 0.99)))")
        }
    }

    /// A configuration for benchmark daemons: no sample organisation, quiet logs.
    static func writeConfig(_ scratch: String, logLevel: String = "warning") -> String {
        let path = "\(scratch)/store.conf"
        try? "sample_organisation = no\nlog_level = \(logLevel)\n".write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// One INSERT per transaction with the same settings the store uses: the most a single writer can do.
    func rawCommits(path: String, seconds: Double) -> Double {
        var handle: OpaquePointer?
        guard sqlite3_open(path, &handle) == SQLITE_OK else { return 0 }
        defer { sqlite3_close(handle) }
        sqlite3_exec(handle, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT);", nil, nil, nil)
        var count = 0
        let elapsed = Measure.seconds {
            let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
            while ContinuousClock.now < deadline {
                sqlite3_exec(handle, "BEGIN IMMEDIATE; INSERT INTO t (v) VALUES ('event'); COMMIT;", nil, nil, nil)
                count += 1
            }
        }
        return Double(count) / elapsed
    }
}

/// A blocking JSON-RPC client for the benchmarks.
final class BenchClient {
    let socket: UnixSocket
    var framer = LineFramer(maximumLineLength: 256 << 20)
    var nextID = 1

    init(path: String) throws {
        socket = try UnixSocket.connect(path: path)
    }

    func call(_ method: String, _ params: JSONValue = .object([])) throws -> JSONValue {
        defer { nextID += 1 }
        let reply = try send(.object([("jsonrpc", "2.0"), ("id", .int(nextID)), ("method", .string(method)), ("params", params)]))
        if let error = reply["error"] { throw BenchError(description: JSONWriter.string(error)) }
        return reply["result"] ?? .null
    }

    /// Sends one message (a request or a batch) and returns the reply line as sent, errors included.
    func send(_ message: JSONValue) throws -> JSONValue {
        try socket.write(JSONWriter.bytes(message) + [0x0A])
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 65_536, alignment: 1)
        defer { buffer.deallocate() }
        while true {
            if case .line(let line) = framer.next() { return try JSONParser.parse(line) }
            let count = try socket.read(into: buffer)
            if count == 0 { throw BenchError(description: "connection closed") }
            framer.append(UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
        }
    }
}

struct BenchError: Error, CustomStringConvertible {
    var description: String
}

/// A small deterministic generator for benchmark data.
struct SeededRandom {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next(_ bound: Int) -> Int {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Int((state >> 33) % UInt64(bound))
    }
}
