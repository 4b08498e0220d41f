import Foundation
import SkillPathFuzz
import SkillPathTestSupport
import Testing

/// The deterministic fuzzer against a real daemon (the short run CI does; `skillpath-bench fuzz` runs a
/// million): every reply valid JSON-RPC, the daemon alive to the end, and its memory back near where it began.
@Suite struct FuzzTests {
    @Test func twentyThousandAdversarialMessagesLeaveTheDaemonServing() throws {
        let daemon = try DaemonProcess()
        var fuzzer = RPCFuzzer(socketPath: daemon.socketPath, daemonPID: daemon.pid, seed: 2026, messages: 20_000, timeLimit: 600)
        fuzzer.replyTimeout = 60
        let report = fuzzer.run()
        #expect(report.failure == nil, "\(report)\n\(daemon.log.suffix(3000))")
        #expect(report.invalid.isEmpty, "\(report.invalid)")
        #expect(report.sent == 20_000, "\(report)")
        #expect(try daemon.client().result("system.health")["status"] == "ok")
        print("fuzz: \(report)")
        // Huge messages come and go: once idle, the daemon must be back near its warm size (what planning
        // and the store keep for the next request), not growing with the messages sent.
        #expect(report.warmKiB > 0 && report.finalKiB <= report.warmKiB + max(report.warmKiB / 4, 16 * 1024), "\(report)")
    }
}
