import Foundation
import SkillPathFuzz

/// Issue 18's soak: many more model sequences than CI runs, against the release daemon on the shipped
/// catalog, each step checked against the reference model. Zero violations is the figure.
struct ModelBenchmark {
    var sequences: Int
    var firstSeed: UInt64
    var length: Int

    func run() -> Int32 {
        let scratch = NSTemporaryDirectory() + "skillpath-model-\(getpid())"
        try? FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let catalog = ProcessInfo.processInfo.environment["SKILLPATH_CATALOG"] ?? "Catalog"
        guard let daemon = BenchDaemon(catalog: catalog, scratch: scratch, name: "model") else { return 1 }
        defer { daemon.stop() }
        say("Model soak: \(sequences) sequences of \(length) operations from seed \(firstSeed), catalog \(catalog)…")
        let started = ContinuousClock.now
        var failures = 0
        do {
            let soak = try ModelSoak(socketPath: daemon.socket, length: length)
            for seed in firstSeed..<(firstSeed + UInt64(sequences)) {
                if let failure = try soak.run(seed: seed) {
                    failures += 1
                    say(failure.description)
                }
                if (seed - firstSeed + 1) % 100 == 0 { say("  \(seed - firstSeed + 1) sequences, \(failures) failing") }
            }
        } catch {
            say("Error: \(error)")
            return 1
        }
        let seconds = (ContinuousClock.now - started).seconds
        say("  sequences: \(sequences), operations: \(sequences * (length + 3)), violations in \(failures) sequences, \(String(format: "%.1f", seconds)) s")
        say("  daemon running: \(daemon.process.isRunning ? "yes" : "no (crashed)")")
        return failures == 0 && daemon.process.isRunning ? 0 : 1
    }
}
