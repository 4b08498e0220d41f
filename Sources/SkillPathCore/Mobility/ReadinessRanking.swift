/// Ranks planning questions by plan hours, planning as few of them as the lower bound allows.
///
/// The order: every question whose plan closes the whole gap, by plan hours, then id; then the others, by
/// how many skills stay unmet, then hours, then id. Questions are planned best bound first; once `limit`
/// complete plans are known and the next bound exceeds the hours of the last of them, nothing left can
/// enter the ranking (its plan would cost at least its bound), so planning stops. The bound is admissible
/// (`RoleCover`), so the complete part of the ranking is exactly what planning every question would give.
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

    /// The ranking, and how many questions were planned to find it.
    static func rank(_ candidates: [Candidate], limit: Int, plan: (Item) -> Plan) -> (ranked: [Ranked], planned: Int) {
        guard limit > 0 else { return ([], 0) }
        let order = candidates.sorted { left, right in
            let leftBlocked = left.estimate.unclosable > 0
            let rightBlocked = right.estimate.unclosable > 0
            if leftBlocked != rightBlocked { return !leftBlocked }
            if left.estimate.lowerBound != right.estimate.lowerBound { return left.estimate.lowerBound < right.estimate.lowerBound }
            return Text.precedes(left.id, right.id)
        }
        var complete: [Ranked] = []
        var incomplete: [Ranked] = []
        var planned = 0
        var blocked: [Candidate] = []
        for candidate in order {
            guard candidate.estimate.unclosable == 0 else {
                blocked.append(candidate)
                continue
            }
            if complete.count >= limit, let last = complete.last, candidate.estimate.lowerBound > Double(last.plan.totals.hours.hundredths) + 1e-6 {
                // Every later candidate has a bound at least this high, or is blocked and ranks after.
                break
            }
            let result = plan(candidate.item)
            planned += 1
            let ranked = Ranked(item: candidate.item, id: candidate.id, plan: result)
            if result.complete {
                let position = complete.firstIndex { precedes(ranked, $0) } ?? complete.endIndex
                complete.insert(ranked, at: position)
                if complete.count > limit { complete.removeLast() }
            } else {
                incomplete.append(ranked)
            }
        }
        guard complete.count < limit else { return (complete, planned) }

        // Not enough plans close their gap: the rest by how much stays unmet. Blocked candidates are ordered
        // by what is known without planning (skills no course can close), and planned only if shown.
        func key(_ rest: Rest) -> (Int, Double, String) {
            switch rest {
            case .planned(let ranked): (ranked.plan.unmet.count, Double(ranked.plan.totals.hours.hundredths), ranked.id)
            case .blocked(let candidate): (candidate.estimate.unclosable, candidate.estimate.lowerBound, candidate.id)
            }
        }
        let rest = (incomplete.map(Rest.planned) + blocked.map(Rest.blocked)).sorted { left, right in
            let (a, b) = (key(left), key(right))
            if a.0 != b.0 { return a.0 < b.0 }
            if a.1 != b.1 { return a.1 < b.1 }
            return Text.precedes(a.2, b.2)
        }
        var ranked = complete
        for entry in rest.prefix(limit - complete.count) {
            switch entry {
            case .planned(let known): ranked.append(known)
            case .blocked(let candidate):
                planned += 1
                ranked.append(Ranked(item: candidate.item, id: candidate.id, plan: plan(candidate.item)))
            }
        }
        return (ranked, planned)
    }

    /// A question ranked after the complete plans: planned (its plan left skills unmet) or blocked (not
    /// planned yet; its bound says some skill has no course).
    enum Rest {
        case planned(Ranked)
        case blocked(Candidate)
    }

    /// The ranking's order of two planned entries: plans that close the whole gap first, by hours then id;
    /// then the others by how many skills stay unmet, then hours, then id.
    static func ranksBefore(_ left: (plan: Plan, id: String), _ right: (plan: Plan, id: String)) -> Bool {
        if left.plan.complete != right.plan.complete { return left.plan.complete }
        if !left.plan.complete, left.plan.unmet.count != right.plan.unmet.count { return left.plan.unmet.count < right.plan.unmet.count }
        let (a, b) = (left.plan.totals.hours.hundredths, right.plan.totals.hours.hundredths)
        return a != b ? a < b : Text.precedes(left.id, right.id)
    }

    private static func precedes(_ left: Ranked, _ right: Ranked) -> Bool {
        let (a, b) = (left.plan.totals.hours.hundredths, right.plan.totals.hours.hundredths)
        return a != b ? a < b : Text.precedes(left.id, right.id)
    }
}
