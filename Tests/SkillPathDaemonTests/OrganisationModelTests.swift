import SkillPathFuzz
import SkillPathTestSupport
import Testing

/// Issue 18's model-based test: seeded random sequences of upserts, ratings, progress (fresh, retried and
/// reused event ids, backdated and future), xAPI, assignments, cancels, replans, preferences, moves, filled
/// openings and reloads against a real daemon on the shipped catalog, each step checked against an
/// independent reference model (Sources/SkillPathFuzz/Model): nothing acknowledged missing, no level lowered
/// by added evidence, every level change audited from its old to its new value, every verdict the one its
/// dates give, no open assignment to a held role, no id reused. A failure prints its shrunk sequence and
/// seed; `skillpath-bench model` runs many more (docs/benchmarks.md).
@Suite struct OrganisationModelTests {
    /// One daemon for every sequence (each works on its own team), held here so it lives as long as they run.
    struct Served: Sendable {
        let daemon: DaemonProcess
        let soak: ModelSoak
    }

    static let served: Result<Served, any Error> = Result {
        let daemon = try DaemonProcess(catalogFiles: nil)
        daemon.stopAtExit()
        return Served(daemon: daemon, soak: try ModelSoak(socketPath: daemon.socketPath, length: 25))
    }

    @Test(arguments: 0..<200)
    func randomSequencesKeepEveryRule(seed: Int) throws {
        let failure = try Self.served.get().soak.run(seed: UInt64(seed))
        #expect(failure == nil, "\(failure?.description ?? "")")
    }

    /// The issue's repros, written as sequences: its first regression seeds.
    struct Regression: Sendable, CustomStringConvertible {
        var description: String
        var operations: [ModelOperation]
    }

    static let regressions: [Regression] = [
        Regression(description: "reused-event-id", operations: [
            .hire(role: 1, skills: []), .hire(role: 1, skills: []),
            .progress(employee: 0, course: 0, completed: true, daysAgo: 0, event: .fresh),
            .progress(employee: 1, course: 0, completed: true, daysAgo: 0, event: .reuse(0)),
            .progress(employee: 0, course: 0, completed: true, daysAgo: 0, event: .retry(0)),
        ]),
        Regression(description: "backdated-completion", operations: [
            .hire(role: 1, skills: [.init(skill: 0, level: 2)]),
            .progress(employee: 0, course: 0, completed: true, daysAgo: 30, event: .fresh),
            .progress(employee: 0, course: 0, completed: true, daysAgo: 4_400, event: .fresh),
            .progress(employee: 0, course: 1, completed: true, daysAgo: 4_400, event: .none),
        ]),
        Regression(description: "future-evidence", operations: [
            .hire(role: 1, skills: []),
            .progress(employee: 0, course: 0, completed: true, daysAgo: -5, event: .fresh),
            .xapi(employee: 0, course: 0, verb: "completed", success: true, daysAgo: -5, statement: .fresh),
        ]),
        Regression(description: "xapi-without-success", operations: [
            .hire(role: 1, skills: []),
            .xapi(employee: 0, course: 2, verb: "completed", success: false, daysAgo: 0, statement: .fresh),
            .xapi(employee: 0, course: 2, verb: "passed", success: false, daysAgo: 0, statement: .fresh),
            .xapi(employee: 0, course: 2, verb: "failed", success: nil, daysAgo: 0, statement: .fresh),
            .xapi(employee: 0, course: 2, verb: "completed", success: true, daysAgo: 0, statement: .reuse(0)),
        ]),
        Regression(description: "promotion-closes-assignment", operations: [
            .hire(role: 1, skills: []), .assign(employee: 0, role: .role(2), dueInDays: 300), .move(employee: 0, role: .role(2), daysAgo: 0),
            .assign(employee: 0, role: .held, dueInDays: nil),
        ]),
        Regression(description: "filled-opening-closes-assignment", operations: [
            .hire(role: 1, skills: []), .assign(employee: 0, role: .role(3), dueInDays: nil), .fill(employee: 0, role: .role(3)),
        ]),
        Regression(description: "shared-week", operations: [
            .hire(role: 1, skills: []), .assign(employee: 0, role: .role(2), dueInDays: 150), .assign(employee: 0, role: .role(5), dueInDays: 299),
            .assign(employee: 0, role: .role(6), dueInDays: 390), .replan(assignment: 1), .cancel(assignment: 0),
        ]),
        Regression(description: "move-order", operations: [
            .hire(role: 1, skills: []), .upsertRole(employee: 0, role: 2), .move(employee: 0, role: .role(3), daysAgo: 30),
            .move(employee: 0, role: .role(3), daysAgo: 0), .reload,
        ]),
    ]

    @Test(arguments: regressions)
    func theIssuesReprosKeepEveryRule(_ regression: Regression) throws {
        let failure = try Self.served.get().soak.run(regression.operations, name: regression.description)
        #expect(failure == nil, "\(failure?.description ?? "")")
    }
}
