import Foundation
import SkillPathFuzz

/// Issue 10's figure: a million adversarial messages against the release daemon, with 0 crashes.
struct FuzzBenchmark {
    var messages: Int
    var seed: UInt64
    var seconds: Double

    func run() -> Int32 {
        let scratch = NSTemporaryDirectory() + "skillpath-fuzz-\(getpid())"
        try? FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let catalog = ProcessInfo.processInfo.environment["SKILLPATH_CATALOG"] ?? "Catalog"
        guard let daemon = BenchDaemon(catalog: catalog, scratch: scratch, name: "fuzz") else { return 1 }
        defer { daemon.stop() }
        say("Fuzzing skillpathd (catalog \(catalog)) with \(messages) messages, seed \(seed)…")
        let report = RPCFuzzer(socketPath: daemon.socket, daemonPID: daemon.process.processIdentifier, seed: seed, messages: messages, timeLimit: seconds).run()
        say("  " + report.description)
        say("  by kind: " + report.byKind.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        for problem in report.invalid { say("  invalid reply: \(problem)") }
        let crashed = !daemon.process.isRunning
        say("  crashes: \(crashed ? 1 : 0)")
        return report.passed && !crashed ? 0 : 1
    }
}
