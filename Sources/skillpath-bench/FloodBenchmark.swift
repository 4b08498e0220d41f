import Foundation
import Locking
import SkillPathFuzz

/// Issue 24's figure: the daemon's resident memory while one caller's connections all send the worst
/// messages we could build, each shape on a fresh daemon, against its idle memory. The target is a peak at
/// most 256 MiB above idle for the connections one user may hold (32 for an employee, 128 for a service).
struct FloodBenchmark {
    var connectionCounts: [Int]
    var seconds: Double
    var shapes: [Shape]
    /// Runs the daemon under `prlimit --as` of this many MiB.
    var addressSpaceMiB: Int?

    /// A message built to cost the daemon as much memory as one message can.
    struct Shape {
        var name: String
        var what: String
        var line: [UInt8]
    }

    static let maxMessage = 1_048_576

    /// Each shape fills a message (1 MiB at most, the default limit) with what amplifies most.
    static let all: [Shape] = {
        func batch(_ count: Int, _ request: (Int) -> String) -> [UInt8] {
            Array(("[" + (0..<count).map(request).joined(separator: ",") + "]\n").utf8)
        }
        func filling(_ prefix: String, _ unit: String, _ suffix: String) -> [UInt8] {
            let room = maxMessage - prefix.utf8.count - suffix.utf8.count - 2
            let units = room / (unit.utf8.count + 1)
            return Array((prefix + Array(repeating: unit, count: units).joined(separator: ",") + suffix + "\n").utf8)
        }
        let arrayParameter = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"catalog.search\",\"params\":{\"q\":\"x\",\"limit\":["
        let discover: (Int) -> String = { "{\"jsonrpc\":\"2.0\",\"id\":\($0),\"method\":\"rpc.discover\"}" }
        let plan: (Int) -> String = {
            "{\"jsonrpc\":\"2.0\",\"id\":\($0),\"method\":\"paths.plan\",\"params\":{\"profile\":{\"skills\":[]},\"target\":\"ml-engineer\"}}"
        }
        let courses: (Int) -> String = { "{\"jsonrpc\":\"2.0\",\"id\":\($0),\"method\":\"catalog.courses\",\"params\":{\"limit\":1000}}" }
        return [
            Shape(name: "discover", what: "a batch of 1,000 rpc.discover (the issue's repro, at the batch limit)", line: batch(1_000, discover)),
            Shape(name: "long-batch", what: "a 1 MiB batch of 20,000 rpc.discover (over the batch limit)", line: batch(20_000, discover)),
            Shape(name: "numbers", what: "1 MiB of 0s in one array parameter (the densest JSON values)", line: filling(arrayParameter, "0", "]}}")),
            Shape(name: "objects", what: "1 MiB of empty objects in one array parameter", line: filling(arrayParameter, "{}", "]}}")),
            Shape(name: "plans", what: "a batch of 1,000 paths.plan from nothing to ml-engineer", line: batch(1_000, plan)),
            Shape(name: "lists", what: "a batch of 1,000 catalog.courses pages of 1,000", line: batch(1_000, courses)),
            Shape(name: "page", what: "one catalog.courses page of 1,000 (a small message, never held: the largest reply one asks for)",
                  line: Array((courses(1) + "\n").utf8)),
        ]
    }()

    func run() -> Int32 {
        // A daemon that hangs up on a connection mid-send must not take the benchmark down with SIGPIPE.
        signal(SIGPIPE, SIG_IGN)
        let scratch = NSTemporaryDirectory() + "skillpath-flood-\(getpid())"
        try? FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let cap = addressSpaceMiB.map { ", under prlimit --as=\($0)M" } ?? ""
        say("Peak resident memory of skillpathd (release, shipped catalog\(cap)) while N connections send one shape for \(Int(seconds)) s")
        say("| shape | connections | idle | peak | above idle | replies | daemon |")
        say("|---|---|---|---|---|---|---|")
        var worst = 0.0
        for shape in shapes {
            for connections in connectionCounts {
                let name = "flood-\(shape.name)-\(connections)"
                guard let daemon = BenchDaemon(catalog: "Catalog", scratch: scratch, name: name, addressSpaceMiB: addressSpaceMiB) else { return 1 }
                let outcome = flood(daemon, shape: shape, connections: connections)
                let alive = daemon.process.isRunning
                daemon.stop()
                try? FileManager.default.removeItem(atPath: "\(scratch)/\(name).db")
                worst = max(worst, outcome.peak - outcome.idle)
                say("| \(shape.name) | \(connections) | \(mib(outcome.idle)) | \(mib(outcome.peak)) | \(mib(outcome.peak - outcome.idle)) | \(outcome.replies) | \(alive ? "up" : "DIED") |")
                if !alive { return 1 }
            }
        }
        for shape in shapes { say("  \(shape.name): \(shape.what), \(shape.line.count) bytes") }
        say("Worst: \(mib(worst)) above idle (target 256 MiB)")
        return worst <= 256 ? 0 : 1
    }

    private func mib(_ value: Double) -> String { String(format: "%.0f MiB", value) }

    /// Sends `shape` on `connections` connections, each waiting for its reply before sending again, for
    /// `seconds`; returns the daemon's idle and peak resident memory (MiB) and how many replies came back.
    private func flood(_ daemon: BenchDaemon, shape: Shape, connections: Int) -> (idle: Double, peak: Double, replies: Int) {
        let pid = daemon.process.processIdentifier
        if var warm = try? LineConnection(socketPath: daemon.socket, timeout: 60) {
            try? warm.send(Array(#"{"jsonrpc":"2.0","id":1,"method":"system.health"}"#.utf8) + [0x0A])
            _ = try? warm.readLine()
        }
        let idle = Self.memory(pid, "VmRSS:")
        let deadline = ContinuousClock.now + .seconds(seconds)
        let replies = Locked(0)
        let group = DispatchGroup()
        let socket = daemon.socket
        for _ in 0..<connections {
            group.enter()
            Thread {
                defer { group.leave() }
                guard var connection = try? LineConnection(socketPath: socket, timeout: 600) else { return }
                while ContinuousClock.now < deadline {
                    guard (try? connection.send(shape.line)) != nil, (try? connection.readLine()) != nil else { return }
                    replies.withLock { $0 += 1 }
                }
            }.start()
        }
        group.wait()
        return (idle, Self.memory(pid, "VmHWM:"), replies.withLock { $0 })
    }

    /// A line of /proc/PID/status, in MiB.
    static func memory(_ pid: Int32, _ field: String) -> Double {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return 0 }
        for line in status.split(separator: "\n") where line.hasPrefix(field) {
            return Double(line.split(separator: " ").compactMap { Int($0) }.first ?? 0) / 1024
        }
        return 0
    }
}
