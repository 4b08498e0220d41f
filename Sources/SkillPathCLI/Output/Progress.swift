import Foundation
import SkillPathCore

/// A one-line progress bar on stderr, redrawn in place; silent when not on a terminal.
final class ProgressBar {
    let total: Int
    let enabled: Bool

    init(total: Int, enabled: Bool) {
        self.total = total
        self.enabled = enabled && total > 0
    }

    func update(_ done: Int) {
        guard enabled else { return }
        let width = 30
        let filled = min(width, width * done / max(total, 1))
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        FileHandle.standardError.write(Data("\r\(bar) \(done)/\(total)".utf8))
    }

    func finish() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}

/// Which stage a long command is in, on stderr, so that a terminal never sits silent for seconds: one line per
/// stage, its time when it ends. Silent when stderr is not a terminal (scripts and logs get the summary only).
final class StageProgress {
    let enabled: Bool
    private var started: ContinuousClock.Instant?

    init(enabled: Bool) {
        self.enabled = enabled
    }

    func begin(_ stage: String) {
        end()
        guard enabled else { return }
        started = .now
        FileHandle.standardError.write(Data("\(stage)…".utf8))
    }

    func end() {
        guard enabled, let started else { return }
        self.started = nil
        let elapsed = ContinuousClock.now - started
        let seconds = elapsed.seconds
        FileHandle.standardError.write(Data(String(format: " %.1f s\n", seconds).utf8))
    }
}
