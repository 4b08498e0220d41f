import Locking

/// Everyone's skill evidence and completed courses as last read from the database, kept in memory between
/// whole-organisation reads (`OrganisationStore.currentProfiles`), raw: before any evidence policy, fading or
/// "today", which each read applies afresh.
///
/// Why: the aspiration picture and rankings read half a million pieces of evidence per call. Warm, SQLite
/// reads them in a tenth of a second; but a server's page cache does not keep a 1 GB database's untouched
/// pages for ever (this benchmark machine drops them after a minute), and read back from disk the same rows
/// took 1–2.5 s. Twelve bytes a piece in the daemon's own memory is 21 MB at 50,000 people, 120 MB at a
/// million.
///
/// Kept true by the database itself, not by each write path remembering to say so: triggers on the
/// writer's connection note every employee whose evidence or completions a transaction touches
/// (`SQLiteConnection.takeChangedProfiles`), and once it commits their entries are forgotten
/// (`forget`). A read fills what is missing; a fill that began before such a commit may have read the
/// older rows, so it does not keep what the commit forgot (`Fill`, `keep`).
final class ProfileCache: Sendable {
    /// One piece of evidence as stored: the skill (a position in `texts`), its level, whether self-rated, and
    /// its day (days since 1970; `Int32.max` for an unreadable date).
    struct Piece: Sendable, Equatable {
        var skill: Int32
        var level: UInt8
        var selfRated: Bool
        var day: Int32
    }

    /// One person's pieces in (skill, level, source, date) order, as the profile index holds them, and the
    /// courses they completed (positions in `texts`), in course order.
    struct Entry: Sendable, Equatable {
        var pieces: [Piece] = []
        var completed: [Int32] = []
    }

    /// A read from the database: entries numbered by the read's own `texts`.
    struct Fetched {
        var texts: [String] = []
        var entries: [String: Entry] = [:]
    }

    /// A read under way, from the moment before it began (`epoch`).
    struct Fill: Sendable {
        fileprivate let epoch: UInt64
    }

    /// Past this many pieces (about 290 MB; fewer under an address-space limit, `limit(to:)`) nothing more
    /// is kept, and reads go to the database.
    static let maximumPieces = 24_000_000

    private struct State {
        var entries: [String: Entry] = [:]
        var pieces = 0
        var maximumPieces = ProfileCache.maximumPieces
        /// Every skill id and course id the entries name, each once; never shrinks (it holds as many texts
        /// as the catalogs and the evidence ever used).
        var texts: [String] = []
        var positions: [String: Int32] = [:]
        /// Counts the commits that forgot someone.
        var epoch: UInt64 = 0
        var fillsUnderWay = 0
        /// While fills are under way: the epoch at which each person was last forgotten.
        var forgottenAt: [String: UInt64] = [:]
    }

    private let state = Locked(State())

    func beginFill() -> Fill {
        state.withLock { state in
            state.fillsUnderWay += 1
            return Fill(epoch: state.epoch)
        }
    }

    func endFill(_ fill: Fill) {
        state.withLock { state in
            state.fillsUnderWay -= 1
            if state.fillsUnderWay == 0 { state.forgottenAt.removeAll() }
        }
    }

    /// The entries kept for `employees`, nil for those not kept.
    func lookup(_ employees: [String]) -> [Entry?] {
        state.withLock { state in employees.map { state.entries[$0] } }
    }

    /// The texts entries' positions name (only ever appended to: a copy stays good for every entry handed out before).
    var texts: [String] { state.withLock(\.texts) }

    /// How many people and pieces are kept.
    var size: (people: Int, pieces: Int) { state.withLock { ($0.entries.count, $0.pieces) } }

    /// Drops everyone but `employees` (those still here): a leaver's evidence stays in the database, and
    /// would otherwise stay in memory for as long as the daemon runs.
    func keepOnly(_ employees: Set<String>) {
        state.withLock { state in
            for (employee, entry) in state.entries where !employees.contains(employee) {
                state.entries.removeValue(forKey: employee)
                state.pieces -= entry.pieces.count
            }
        }
    }

    /// Keeps at most `pieces` pieces from now on (what is kept already stays).
    func limit(to pieces: Int) {
        state.withLock { $0.maximumPieces = min(Self.maximumPieces, max(0, pieces)) }
    }

    /// Forgets `employees` after a commit changed their evidence or completions.
    func forget(_ employees: [String]) {
        guard !employees.isEmpty else { return }
        state.withLock { state in
            state.epoch += 1
            for employee in employees {
                if let gone = state.entries.removeValue(forKey: employee) { state.pieces -= gone.pieces.count }
                if state.fillsUnderWay > 0 { state.forgottenAt[employee] = state.epoch }
            }
        }
    }

    /// `fetched`, renumbered to `texts`; kept, except for people forgotten since `fill` began (what it read of
    /// them may be older than the commit) and past `maximumPieces`.
    func keep(_ fetched: Fetched, from fill: Fill) -> [String: Entry] {
        state.withLock { state in
            let renumbered = fetched.texts.map { text in
                if let position = state.positions[text] { return position }
                let position = Int32(truncatingIfNeeded: state.texts.count)
                state.texts.append(text)
                state.positions[text] = position
                return position
            }
            // A position outside the read's texts cannot come from `EvidenceReading`; were it to, -1 names no
            // text, and the reader skips it rather than show another text in its place.
            func renumber(_ position: Int32) -> Int32 {
                renumbered.indices.contains(Int(position)) ? renumbered[Int(position)] : -1
            }
            var kept: [String: Entry] = [:]
            kept.reserveCapacity(fetched.entries.count)
            for (employee, entry) in fetched.entries {
                var own = entry
                for index in own.pieces.indices { own.pieces[index].skill = renumber(own.pieces[index].skill) }
                own.completed = own.completed.map(renumber)
                kept[employee] = own
                if let forgotten = state.forgottenAt[employee], forgotten > fill.epoch { continue }
                let previous = state.entries[employee]?.pieces.count ?? 0
                guard state.pieces - previous + own.pieces.count <= state.maximumPieces else { continue }
                state.entries[employee] = own
                state.pieces += own.pieces.count - previous
            }
            return kept
        }
    }
}
