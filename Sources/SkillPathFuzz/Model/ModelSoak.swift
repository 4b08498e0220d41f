import SkillPathJSON

/// Many model sequences against one daemon, each on its own team; a failing one is shrunk and reported
/// with its seed, so `skillpath-bench model --seed N --sequences 1` replays it.
public struct ModelSoak: Sendable {
    public struct Failure: Sendable, CustomStringConvertible {
        public var seed: UInt64
        public var length: Int
        public var shrunk: ModelRun.Outcome

        public var description: String {
            var lines = ["seed \(seed) broke a rule at step \(shrunk.failingStep.map { $0 + 1 } ?? 0) of \(shrunk.operations.count) (shrunk):"]
            lines += shrunk.operations.enumerated().map { "  \($0.offset + 1). \($0.element)" }
            lines += shrunk.violations.map { "  ✘ \($0)" }
            lines.append("  replay the whole sequence: swift run -c release skillpath-bench model --seed \(seed) --sequences 1 --length \(length)")
            return lines.joined(separator: "\n")
        }
    }

    public let socketPath: String
    public let length: Int
    let world: ModelWorld

    public init(socketPath: String, length: Int) throws {
        self.socketPath = socketPath
        self.length = length
        world = try ModelWorld(client: try ModelClient(socketPath: socketPath))
    }

    /// Runs the sequence of `seed`; nil when every rule held, else the failure, shrunk.
    public func run(seed: UInt64) throws -> Failure? {
        try run(ModelGenerator.sequence(seed: seed, length: length, world: world), prefix: "m\(seed)-", seed: seed)
    }

    /// Runs a written sequence (a regression case) for a team named by `name`.
    public func run(_ operations: [ModelOperation], name: String) throws -> Failure? {
        try run(operations, prefix: "r-\(name)-", seed: 0)
    }

    func run(_ operations: [ModelOperation], prefix: String, seed: UInt64) throws -> Failure? {
        let client = try ModelClient(socketPath: socketPath)
        let outcome = try ModelRun.execute(operations, prefix: prefix, client: client, world: world)
        guard !outcome.passed else { return nil }
        return Failure(seed: seed, length: length, shrunk: try ModelRun.shrink(outcome, prefix: prefix, client: client, world: world))
    }
}
