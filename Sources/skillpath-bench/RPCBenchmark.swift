import Foundation
import Locking
import Glibc
import JSONRPC
import SkillPathCore
import SkillPathFixtures
import SkillPathJSON
import SkillPathProtocol
import SystemSupport

/// Issue 3's figures: requests per second and latency through the real daemon, against the ceiling of a
/// minimal echo server on the same kind of socket with the same thread-per-connection design.
struct RPCBenchmark {
    var seconds: Double
    var connectionCounts: [Int] = [1, 2, 8, 64]
    var repetitions = 3
    var structures: [CatalogStructure] = CatalogStructure.allCases

    func run() -> Int32 {
        let scratch = NSTemporaryDirectory() + "skillpath-rpc-bench-\(getpid())"
        try? FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let health = Array(#"{"jsonrpc":"2.0","id":1,"method":"system.health"}"#.utf8)

        let echoPath = "\(scratch)/echo.sock"
        let echo = Process()
        echo.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
        echo.arguments = ["echo-server", "--socket", echoPath]
        try? echo.run()
        defer {
            echo.terminate()
            echo.waitUntilExit()
        }
        for _ in 0..<200 where (try? UnixSocket.connect(path: echoPath)) == nil { usleep(20_000) }

        let shipped = ProcessInfo.processInfo.environment["SKILLPATH_CATALOG"] ?? "Catalog"
        guard let daemon = BenchDaemon(catalog: shipped, scratch: scratch, name: "shipped") else { return 1 }
        say("system.health against the ceiling: a minimal echo server in its own process, on the same kind of socket,")
        say("with the same thread per connection (one line in, one line out). Runs alternate; medians of \(repetitions).")
        for connections in connectionCounts {
            var echoRuns: [LoadRun.Result] = []
            var daemonRuns: [LoadRun.Result] = []
            for _ in 0..<repetitions {
                echoRuns.append(LoadRun(path: echoPath, requests: [health], connections: connections, seconds: seconds).run())
                daemonRuns.append(LoadRun(path: daemon.socket, requests: [health], connections: connections, seconds: seconds).run())
            }
            let ceiling = LoadRun.Result.median(echoRuns)
            let served = LoadRun.Result.median(daemonRuns)
            say(ceiling.line(label: "echo", connections: connections))
            say(served.line(label: "system.health", connections: connections) + String(format: "  (%.0f%% of echo)", served.rate / ceiling.rate * 100))
        }
        say("\nskillpathd on the shipped catalog (\(shipped)):")
        if let catalog = try? CatalogLoader.load(directory: shipped) {
            let plans = planRequests(catalog: catalog, count: 500)
            for connections in connectionCounts {
                say(LoadRun(path: daemon.socket, requests: plans, connections: connections, seconds: seconds).run().line(label: "paths.plan", connections: connections))
            }
        }
        daemon.stop()

        for structure in structures {
            say("\nGenerating the 100,000-course \(structure.rawValue) catalog…")
            let generatedDirectory = "\(scratch)/\(structure.rawValue)"
            let output = structure.generate(skills: 30_000, courses: 100_000, roles: 5_000, seed: 42)
            try? CatalogWriter.write(output, to: generatedDirectory)
            guard let big = BenchDaemon(catalog: generatedDirectory, scratch: scratch, name: structure.rawValue),
                  let bigCatalog = try? CatalogLoader.load(directory: generatedDirectory) else { return 1 }
            say("skillpathd on the generated \(structure.rawValue) catalog:")
            let bigPlans = planRequests(catalog: bigCatalog, count: 500)
            for connections in connectionCounts {
                say(LoadRun(path: big.socket, requests: [health], connections: connections, seconds: seconds).run().line(label: "system.health", connections: connections))
                say(LoadRun(path: big.socket, requests: bigPlans, connections: connections, seconds: seconds).run().line(label: "paths.plan", connections: connections))
            }
            big.stop()
        }
        return 0
    }

    func planRequests(catalog: Catalog, count: Int) -> [[UInt8]] {
        CatalogGenerator.questions(for: catalog, count: count, seed: 5).enumerated().map { number, question in
            let request = JSONValue.object([
                ("jsonrpc", "2.0"), ("id", .int(number)), ("method", "paths.plan"),
                ("params", .object([("profile", question.profile.json), ("targetRole", .string(question.target))])),
            ])
            return JSONWriter.bytes(request)
        }
    }
}

/// A release `skillpathd` started for a benchmark, with its log discarded unless kept in `scratch`.
final class BenchDaemon {
    let socket: String
    let process: Process
    /// The daemon's log, when kept.
    let logPath: String?

    /// `addressSpaceMiB` runs the daemon under `prlimit --as`, as a memory-capped service would be; `keepLog`
    /// writes its log to `scratch/name.log`.
    init?(catalog: String, scratch: String, name: String, extra: [String] = [], addressSpaceMiB: Int? = nil, keepLog: Bool = false) {
        logPath = keepLog ? "\(scratch)/\(name).log" : nil
        socket = "\(scratch)/\(name).sock"
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("skillpathd").path
        process = Process()
        let arguments = ["--socket", socket, "--catalog", catalog, "--database", "\(scratch)/\(name).db"] + extra
        if let addressSpaceMiB {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/prlimit")
            process.arguments = ["--as=\(addressSpaceMiB << 20)", binary] + arguments
        } else {
            process.executableURL = URL(fileURLWithPath: binary)
            process.arguments = arguments
        }
        if let logPath { _ = FileManager.default.createFile(atPath: logPath, contents: nil) }
        process.standardError = FileHandle(forWritingAtPath: logPath ?? "/dev/null")
        process.standardOutput = FileHandle(forWritingAtPath: "/dev/null")
        do { try process.run() } catch {
            say("Error: cannot start \(binary): \(error) (build it with swift build -c release)")
            return nil
        }
        // Two minutes: a daemon checking a large database before it listens takes seconds per GiB.
        for _ in 0..<2_400 {
            if (try? UnixSocket.connect(path: socket)) != nil { return }
            usleep(50_000)
        }
        say("Error: skillpathd did not start")
        process.terminate()
        return nil
    }

    /// How many lines of the kept log contain `text`.
    func logLines(containing text: String) -> Int {
        guard let logPath, let log = try? String(contentsOfFile: logPath, encoding: .utf8) else { return 0 }
        return log.components(separatedBy: text).count - 1
    }

    func stop() {
        guard process.isRunning else { return }
        process.terminate()
        process.waitUntilExit()
    }
}

/// The ceiling: reads lines and answers each with a fixed small line, nothing else. Runs in its own process
/// (`skillpath-bench echo-server --socket PATH`), as the daemon does, so both pay the same context switches.
enum EchoServer {
    static func serve(path: String) -> Int32 {
        unlink(path)
        guard let listener = try? UnixSocket.listen(path: path, mode: 0o600) else { return 1 }
        do {
            while let client = try? listener.accept() {
                Thread {
                    let reply = Array(#"{"jsonrpc":"2.0","result":{"status":"ok"},"id":1}"#.utf8) + [0x0A]
                    var framer = LineFramer(maximumLineLength: 1 << 20)
                    let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 65_536, alignment: 1)
                    defer { buffer.deallocate() }
                    reading: while true {
                        while case .line = framer.next() {
                            if (try? client.write(reply)) == nil { break reading }
                        }
                        guard let count = try? client.read(into: buffer), count > 0 else { break }
                        framer.append(UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
                    }
                    client.close()
                }.start()
            }
        }
        return 0
    }
}

/// Closed-loop load: each connection sends one request, waits for the reply, and repeats, for a while.
struct LoadRun {
    var path: String
    var requests: [[UInt8]]
    var connections: Int
    var seconds: Double

    struct Result {
        var count: Int
        var elapsed: Double
        var latencies: [Double]
        var rate: Double { Double(count) / elapsed }

        /// The run with the median rate: the machine is shared, so single runs vary.
        static func median(_ runs: [Result]) -> Result {
            runs.sorted { $0.rate < $1.rate }[runs.count / 2]
        }

        func line(label: String, connections: Int) -> String {
            String(format: "  %-14@ %2d conn: %8.0f req/s  p50 %.3f ms  p99 %.3f ms", label as NSString, connections, rate,
                   Measure.percentile(latencies, 0.5) * 1000, Measure.percentile(latencies, 0.99) * 1000)
        }
    }

    func run() -> Result {
        let collected = Collected()
        let start = DispatchSemaphore(value: 0)
        let done = DispatchGroup()
        let requests = requests
        let path = path
        let seconds = seconds
        for connection in 0..<connections {
            done.enter()
            Thread {
                defer { done.leave() }
                guard let socket = try? UnixSocket.connect(path: path) else { return }
                var framer = LineFramer(maximumLineLength: 64 << 20)
                let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 65_536, alignment: 1)
                defer { buffer.deallocate() }
                var latencies: [Double] = []
                start.wait()
                let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
                var next = connection
                while ContinuousClock.now < deadline {
                    let began = ContinuousClock.now
                    guard (try? socket.write(requests[next % requests.count] + [0x0A])) != nil else { break }
                    // Each connection its own requests: writes with event ids must not repeat another's.
                    next += connections
                    var answered = false
                    while !answered {
                        if case .line = framer.next() { answered = true; break }
                        guard let count = try? socket.read(into: buffer), count > 0 else { break }
                        framer.append(UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
                    }
                    guard answered else { break }
                    let elapsed = ContinuousClock.now - began
                    latencies.append(elapsed.seconds)
                }
                collected.add(latencies)
            }.start()
        }
        let began = ContinuousClock.now
        for _ in 0..<connections { start.signal() }
        done.wait()
        let elapsed = ContinuousClock.now - began
        let latencies = collected.all.sorted()
        return Result(count: latencies.count, elapsed: elapsed.seconds, latencies: latencies)
    }
}

/// Latencies appended from the load threads.
final class Collected: Sendable {
    private let values = Locked<[Double]>([])
    func add(_ more: [Double]) { values.withLock { $0 += more } }
    var all: [Double] { values.withLock { $0 } }
}
