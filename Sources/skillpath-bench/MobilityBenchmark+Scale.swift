import Foundation
import JSONRPC
import Locking
import SkillPathJSON

/// Issue 20 §4's figures for the largest employers: the progress history filled through the daemon, the
/// whole organisation's skill picture, and what the organisation costs the machine (memory, disk, a restart).
extension MobilityBenchmark.Run {
    /// Records `progressEvents` progress events, a third of them completions, from 16 connections: as an
    /// LMS's xAPI batches of 1,000 (one transaction each) where the courses have addresses, else as durable
    /// `progress.record` requests in JSON-RPC batches of 200 (each its own write). What it recorded, how fast.
    func recordProgress() -> String {
        let total = benchmark.progressEvents
        let urls = catalog.courses.compactMap(\.url)
        let courses = catalog.courses.map(\.id)
        // A taxonomy without courses (O*NET, ESCO) has no progress to report.
        guard !courses.isEmpty, total > 0 else { return "no progress events" }
        let (employees, today, socket) = (self.employees, self.today, self.socket)
        let xapi = urls.count == courses.count
        let batch = xapi ? 1_000 : 200
        let connections = 16
        let tally = Locked<(recorded: Int, refused: Int, firstRefusal: String?)>((0, 0, nil))
        let done = DispatchGroup()
        let elapsed = Measure.seconds {
            for connection in 0..<connections {
                done.enter()
                Thread {
                    defer { done.leave() }
                    guard let client = try? BenchClient(path: socket) else { return }
                    var first = connection * batch
                    while first < total {
                        let numbers = first..<min(first + batch, total)
                        first += connections * batch
                        let date = { (number: Int) in today.adding(days: -(number % 360)).description }
                        let outcome: (recorded: Int, refusals: [String])
                        if xapi {
                            let statements = numbers.map { number -> JSONValue in
                                .object([
                                    ("id", .string("mobility-\(number)")),
                                    ("actor", .object([("account", .object([("homePage", "https://lms.example.com"), ("name", .string("user\(number * 7 % employees)"))]))])),
                                    ("verb", .object([("id", .string("http://adlnet.gov/expapi/verbs/" + (number % 3 == 0 ? "completed" : "attempted")))])),
                                    ("object", .object([("id", .string(urls[number * 13 % urls.count]))])), ("timestamp", .string(date(number) + "T12:00:00Z")),
                                ])
                            }
                            guard let reply = try? client.call("progress.xapi", .object([("statements", .array(statements))])) else { return }
                            let rejected = (reply["results"]?.arrayValue ?? []).filter { $0["outcome"]?.stringValue == "rejected" }
                            outcome = (reply["recorded"]?.intValue ?? 0, rejected.map { JSONWriter.string($0) })
                        } else {
                            let entries = numbers.map { number -> JSONValue in
                                .object([
                                    ("jsonrpc", "2.0"), ("id", .int(number)), ("method", "progress.record"),
                                    ("params", .object([
                                        ("employee", .string("emp-\(number * 7 % employees)")), ("course", .string(courses[number * 13 % courses.count])),
                                        ("status", number % 3 == 0 ? "completed" : "started"), ("at", .string(date(number))), ("eventId", .string("mobility-\(number)")),
                                    ])),
                                ])
                            }
                            guard let replies = try? client.send(.array(entries)).arrayValue else { return }
                            let refusals = replies.compactMap { $0["error"] }.map { JSONWriter.string($0) }
                            outcome = (replies.count - refusals.count, refusals)
                        }
                        tally.withLock {
                            $0.recorded += outcome.recorded
                            $0.refused += outcome.refusals.count
                            if $0.firstRefusal == nil { $0.firstRefusal = outcome.refusals.first }
                        }
                    }
                }.start()
            }
            done.wait()
        }
        let result = tally.withLock { $0 }
        let how = xapi ? "progress.xapi batches of 1,000" : "durable progress.record in JSON-RPC batches of 200"
        return String(format: "%d progress events recorded in %.1f s (%.0f a second, 16 connections, ", result.recorded, elapsed, Double(result.recorded) / elapsed) + how + ")"
            + (result.refused == 0 ? "" : "; \(result.refused) refused, e.g. \(result.firstRefusal ?? "")")
    }

    /// reports.skills for the whole organisation and for one director's subtree, three calls each.
    func measureSkillsReport() {
        for manager in [nil, "emp-1"] as [String?] {
            var times: [Double] = []
            var reply: JSONValue?
            for _ in 0..<3 {
                times.append(Measure.seconds { reply = try? client.call("reports.skills", manager.map { .object([("manager", .string($0))]) } ?? .object([])) })
            }
            times.sort()
            let teams = reply?["teams"]?.arrayValue ?? []
            let people = teams.reduce(0) { $0 + ($1["people"]?.intValue ?? 0) }
            say("  reports.skills \(manager.map { "for \($0)'s subtree" } ?? "for everyone") (\(people) people in \(teams.count) teams, "
                + "\(reply?["totals"]?.arrayValue?.count ?? 0) skills): p50 \(Measure.milliseconds(Measure.percentile(times, 0.5))), max \(Measure.milliseconds(times.last ?? 0))"
                + (reply == nil ? " (no reply)" : ""))
        }
    }

    /// The daemon's memory now and at its peak, the database's size on disk, then a restart on the same
    /// database: how long until it answers, and until its first suggestion.
    mutating func measureFootprint() {
        let pid = daemon.process.processIdentifier
        say(String(format: "  daemon memory: %.0f MiB resident, %.0f MiB at the peak", Measure.residentMiB(pid: pid), Measure.peakMemoryMiB(pid: pid)))
        let files = (try? FileManager.default.contentsOfDirectory(atPath: scratch)) ?? []
        let bytes = files.filter { $0.hasPrefix("mobility.db") }.reduce(0) { total, name in
            total + ((try? FileManager.default.attributesOfItem(atPath: "\(scratch)/\(name)")[.size] as? Int) ?? 0)
        }
        say(String(format: "  database on disk: %.0f MiB (the file, its WAL and shared memory)", Double(bytes) / 1_048_576))
        daemon.stop()
        var restarted: BenchDaemon?
        var answered = false
        let ready = Measure.seconds {
            restarted = BenchDaemon(
                catalog: directory, scratch: scratch, name: "mobility", extra: ["--config", StoreBenchmark.writeConfig(scratch, logLevel: "info")], keepLog: true)
            if let restarted, let client = try? BenchClient(path: restarted.socket) { answered = (try? client.call("system.health")) != nil }
        }
        guard let restarted, answered, let client = try? BenchClient(path: restarted.socket) else {
            say("  Error: the daemon did not start again on its database")
            return
        }
        daemon = restarted
        self.client = client
        let suggestion = Measure.seconds { _ = try? client.call("roles.suggest", .object([("employee", "emp-2")])) }
        say(String(format: "  restart on this database: answering in %.2f s; its first roles.suggest ", ready) + Measure.milliseconds(suggestion)
            + String(format: "; %.0f MiB resident", Measure.residentMiB(pid: restarted.process.processIdentifier)))
    }
}
