import Locking

/// The hours of each plan that raises one skill between two levels from nothing else
/// (`Planner.hoursToRaise`), remembered per catalog. The skill picture asks one per (skill, from, to) its
/// shortfalls name: on a catalog of 30,000 skills that is thousands of plans, half of a whole-organisation
/// `reports.skills` call, and the answer depends on the catalog alone (plans are deterministic), so a later
/// call, from any caller, asks none of them again.
///
/// At most one entry per skill and pair of levels (36 per skill): about 50 bytes each, 54 MB at the very
/// most on a catalog of 30,000 skills; a few MB for the pairs real shortfalls name.
final class RaiseHoursMemo: Sendable {
    private let known = Locked<[Int: Quantity?]>([:])

    /// For levels 0–5 (the caller checks).
    static func key(skill: Int32, from have: Int, to need: Int) -> Int {
        Int(skill) * 36 + have * 6 + need
    }

    /// `.some(hours)` (nil hours: no course sequence gets there) when remembered, nil when not.
    func hours(_ key: Int) -> Quantity?? {
        known.withLock { $0[key] }
    }

    func remember(_ hours: Quantity?, for key: Int) {
        known.withLock { $0[key] = .some(hours) }
    }
}
