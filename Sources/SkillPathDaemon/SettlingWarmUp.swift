import Locking

/// When the daemon warms something in the background after a burst of changes, one warm-up at a time: the
/// aspiration picture after aspiration changes (`Daemon.warmReadiness`), the profile cache after evidence
/// changes (`Daemon.fillProfileCache`).
///
/// A burst (an HRIS import, a campaign asking everyone what they want) is warmed once it has been quiet for
/// one check: 15,000 people's new wishes are then planned seconds after they arrive instead of up to ten
/// minutes later, so HR's next look at the picture finds them remembered (docs/benchmarks.md). A warm-up
/// asked for while one runs is dropped; a change it may have missed is still counted, so the next check
/// warms again.
final class SettlingWarmUp: Sendable {
    /// Seconds between checks of the changes: a burst is warmed once a check finds no new ones.
    static let checkSeconds = 5

    private struct State {
        var running = false
        /// The store's count of commits (`aspirationCommits`, `profileCommits`) when the last warm-up began,
        /// and at the last check.
        var warmed: Int
        var seen: Int
    }

    private let state: Locked<State>

    init(commits: Int) {
        state = Locked(State(warmed: commits, seen: commits))
    }

    /// Whether the count moved since the last warm-up began and has stopped changing since the last check.
    func changesSettled(commits: Int) -> Bool {
        state.withLock { state in
            defer { state.seen = commits }
            return commits != state.warmed && commits == state.seen
        }
    }

    /// Runs `body` unless a warm-up is already running; whether it ran. `commits` is the count the warm-up sees.
    @discardableResult
    func run(commits: Int, _ body: () -> Void) -> Bool {
        let starting = state.withLock { state -> Bool in
            guard !state.running else { return false }
            (state.running, state.warmed) = (true, commits)
            return true
        }
        guard starting else { return false }
        defer { state.withLock { $0.running = false } }
        body()
        return true
    }
}
