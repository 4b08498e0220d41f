/// Ranks planning questions by plan hours, planning as few of them as lower bounds allow.
///
/// The order: every question whose plan closes the whole gap, by plan hours, then id; then the others, by
/// how many skills stay unmet, then hours, then id. That is the order of the key (unmet, hours, id), so the
/// ranking is a best-first search on lower bounds of that key:
///
/// - first from the cheap estimate (`RoleCover`): unmet at least the unmet skills no course can close (and at
///   least 1 when a needed level has no course at all), and the hours bound when 0; exact already when no
///   unmet requirement has a course (a taxonomy without courses), so that no closure is computed;
/// - then, for a question reaching the front, `refine` gives its exact unmet count (from the profile's
///   closure, which is cheaper than a plan) and a bound on the hours of closing what can be closed;
/// - then a question reaching the front with its exact key is planned.
///
/// Once `limit` questions are planned and the next key cannot come before the last of them (ties included:
/// an equal unmet count and hours with a later id), nothing left can enter the ranking, so the search
/// stops. Both bounds are admissible and the unmet count is exact, so the ranking is exactly what planning
/// every question would give.
struct ReadinessRanking<Item> {
    struct Candidate {
        var item: Item
        var id: String
        var estimate: RoleCover.Estimate
    }

    struct Ranked {
        var item: Item
        var id: String
        var plan: Plan
    }

    /// An entry of the search: a lower bound on the key, and whether the unmet count in it is exact.
    private struct Entry: Comparable {
        var unmet: Int
        var bound: Double
        var id: String
        var position: Int
        var exact: Bool

        static func < (left: Entry, right: Entry) -> Bool {
            if left.unmet != right.unmet { return left.unmet < right.unmet }
            if left.bound != right.bound { return left.bound < right.bound }
            if left.id != right.id { return Text.precedes(left.id, right.id) }
            return left.exact && !right.exact
        }
    }

    /// The ranking, and how many questions were planned to find it.
    ///
    /// With `within` (hours in hundredths), `limit` is a least count instead: the ranking holds at least
    /// `limit` questions and every question whose plan closes the whole gap in at most `within` hours, which
    /// is a prefix of the order, so the same search stops as soon as the next key is past it.
    static func rank(
        _ candidates: [Candidate], limit: Int, within: Double? = nil, refine: (Item) -> ReadinessBound, plan: (Item) -> Plan
    ) -> (ranked: [Ranked], planned: Int) {
        guard limit > 0 else { return ([], 0) }
        var heap = MinHeap<Entry>()
        for (position, candidate) in candidates.enumerated() {
            let estimate = candidate.estimate
            let blocked = estimate.unclosable > 0
            heap.push(Entry(
                unmet: max(blocked ? 1 : 0, estimate.surelyUnmet), bound: blocked ? 0 : estimate.lowerBound, id: candidate.id, position: position,
                exact: estimate.exact))
        }
        var ranked: [Ranked] = []
        var planned = 0
        while let entry = heap.pop() {
            if let last = ranked.last, ranked.count >= limit {
                // Hours are whole hundredths: the least the entry's plan can have (allowing for rounding in the bound).
                let (lastUnmet, lastHours) = (last.plan.complete ? 0 : last.plan.unmet.count, Double(last.plan.totals.hours.hundredths))
                let least = (entry.bound - 1e-6).rounded(.up)
                if let within {
                    if entry.unmet > 0 || least > within { break }
                } else if entry.unmet > lastUnmet || (entry.unmet == lastUnmet && (least > lastHours || (least == lastHours && Text.precedes(last.id, entry.id)))) {
                    break
                }
            }
            let candidate = candidates[entry.position]
            guard entry.exact else {
                let refined = refine(candidate.item)
                heap.push(Entry(unmet: refined.unmet, bound: refined.unmet == 0 ? max(refined.bound, entry.bound) : refined.bound, id: entry.id, position: entry.position, exact: true))
                continue
            }
            let result = plan(candidate.item)
            planned += 1
            let new = Ranked(item: candidate.item, id: candidate.id, plan: result)
            let position = ranked.firstIndex { ranksBefore((new.plan, new.id), ($0.plan, $0.id)) } ?? ranked.endIndex
            ranked.insert(new, at: position)
            if within == nil, ranked.count > limit { ranked.removeLast() }
        }
        return (ranked, planned)
    }

    /// The ranking's order of two planned entries: plans that close the whole gap first, by hours then id;
    /// then the others by how many skills stay unmet, then hours, then id.
    static func ranksBefore(_ left: (plan: Plan, id: String), _ right: (plan: Plan, id: String)) -> Bool {
        if left.plan.complete != right.plan.complete { return left.plan.complete }
        if !left.plan.complete, left.plan.unmet.count != right.plan.unmet.count { return left.plan.unmet.count < right.plan.unmet.count }
        let (a, b) = (left.plan.totals.hours.hundredths, right.plan.totals.hours.hundredths)
        return a != b ? a < b : Text.precedes(left.id, right.id)
    }
}

/// A question's exact unmet count and a lower bound on its plan's hours (hundredths).
struct ReadinessBound {
    var unmet: Int
    var bound: Double
    /// The question's closure had to be computed: some unmet requirement is reached neither from zero skills
    /// nor from none (then the role's floor may not be a plan for it).
    var doubtful = false
    /// Its plan is the role's baseline (then `bound` is that plan's hours, exactly).
    var shared = false
}
