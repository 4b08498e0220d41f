import Foundation
import Locking

/// Keeps one noisy event from filling the disk: each kind of line (level and message) may be written
/// `burst` times per `window`; past that, lines of the kind are counted instead, and one line says how many
/// were dropped once the window ends. A client sending a million bad requests costs the journal a few
/// hundred lines, not a million.
final class LogRateLimiter: Sendable {
    struct Window {
        var started: ContinuousClock.Instant
        var written: Int
        var dropped: Int
    }

    let burst: Int
    let window: Duration
    private let windows = Locked<[String: Window]>([:])
    /// Lines dropped since start, whatever their kind: reported when the daemon stops.
    private let droppedTotal = Locked(0)

    var totalDropped: Int { droppedTotal.withLock { $0 } }

    init(burst: Int = 50, window: Duration = .seconds(10)) {
        self.burst = burst
        self.window = window
    }

    /// Whether a line of this kind may be written now. Also returns the summary of a window that just
    /// ended with lines dropped, to write first.
    func admit(_ kind: String, now: ContinuousClock.Instant = .now) -> (write: Bool, summary: String?) {
        windows.withLock { windows in
            var entry = windows[kind] ?? Window(started: now, written: 0, dropped: 0)
            var summary: String?
            if now - entry.started >= window {
                if entry.dropped > 0 { summary = Self.summary(kind, entry.dropped) }
                entry = Window(started: now, written: 0, dropped: 0)
            }
            let write = entry.written < burst
            if write { entry.written += 1 } else { entry.dropped += 1 }
            windows[kind] = entry
            if !write { droppedTotal.withLock { $0 += 1 } }
            return (write, summary)
        }
    }

    /// Summaries of windows that ended with lines dropped (and forgets them), for the periodic flush.
    func expired(now: ContinuousClock.Instant = .now) -> [String] {
        windows.withLock { windows in
            var summaries: [String] = []
            for (kind, entry) in windows where now - entry.started >= window {
                if entry.dropped > 0 { summaries.append(Self.summary(kind, entry.dropped)) }
                windows[kind] = nil
            }
            return summaries.sorted()
        }
    }

    static func summary(_ kind: String, _ dropped: Int) -> String {
        "notice repeated log lines dropped kind=\(Logger.quoted(kind)) count=\(dropped)\n"
    }
}
