/// Which providers of a target level a large relevance walk follows: the few whose own weight plus their
/// unmet requirements (each from zero, less what the profile holds of that skill: `ZeroCosts`) look
/// cheapest.
///
/// On catalogs whose requirements reach anywhere below, a walk through every provider of every level covers
/// half the catalog (44,000 of 100,000 courses for a nine-skill role), and the search then spends its whole
/// budget on a graph that is mostly detours. The shortlist keeps the cheap ways in and drops the rest, so the
/// graph is the size of what a plan could sensibly use. It is a heuristic: a provider that looks dear from
/// zero can be cheap for this profile (its chain is one the profile mostly holds). So it is used only at the
/// quick effort and only when the whole walk would be large (`Planner.directSearch`); `standard` and
/// `thorough` always walk everything, and docs/planning.md reports what the shortlist costs in plan quality.
struct ProviderShortlist {
    let index: CatalogIndex
    let costs: ZeroCosts
    /// The objective's weight of each catalog course.
    let weights: [Int64]

    /// At most this many providers per target level: the cheapest-looking, and others only when they look
    /// dearer by no more than the cheapest one's own weight (about one course more), so that a real
    /// alternative is kept and a detour through another part of the catalog is not.
    static let providers = 3
    /// Alternatives are kept only while the walk holds fewer courses than this; past it, each level gets its
    /// cheapest-looking provider alone. On chains every alternative brings its own chain along, and the walk
    /// would otherwise grow to a quarter of the catalog again.
    static let alternativesBelow = 1_000

    init(index: CatalogIndex, objective: PlanOptions.Objective) {
        self.index = index
        costs = index.zeroCosts.costs(objective, index: index)
        weights = objective == .hours ? index.hours : index.cost
    }

    /// A provider's weight plus, for each requirement the profile does not meet, the cost of reaching it from
    /// the level the profile holds. Summed, not the dearest alone: on chains every provider of a level shares
    /// the dearest requirement (the skill before), and what tells them apart is what else each needs.
    /// Saturates rather than overflowing (unreachable levels cost `Int64.max`).
    func score(_ course: Int32, start: [UInt8]) -> Score {
        var behind: Int64 = 0
        for entry in index.requires[course] where start[Int(entry.skill)] < entry.level {
            let need = costs.cost(entry.skill, entry.level)
            let held = start[Int(entry.skill)]
            let have = held > 0 ? min(costs.cost(entry.skill, held), need) : 0
            let (sum, overflow) = behind.addingReportingOverflow(need == .max ? .max : need - have)
            behind = overflow ? .max : sum
        }
        let own = max(0, weights[Int(course)])
        let (total, overflow) = behind.addingReportingOverflow(own)
        return Score(total: overflow ? .max : total, own: own)
    }

    /// A provider's look from zero: `total` ranks it, `own` (its weight alone) sets how much dearer an
    /// alternative to the cheapest may look (`keep`).
    struct Score {
        var total: Int64
        var own: Int64
    }

    /// The shortlisted courses of the candidates: the cheapest-looking, and, while the walk holds fewer than
    /// `alternativesBelow` courses, up to `providers` in all that look dearer by at most its own weight; ties
    /// by course number, so the walk is the same every time.
    func keep(_ candidates: inout [(score: Score, course: Int32)], walked: Int) -> [Int32] {
        candidates.sort { ($0.score.total, $0.course) < ($1.score.total, $1.course) }
        guard let best = candidates.first?.score else { return [] }
        let (ceiling, overflow) = best.total.addingReportingOverflow(best.own)
        let count = walked < Self.alternativesBelow ? Self.providers : 1
        return candidates.prefix(count).filter { overflow || $0.score.total <= ceiling }.map(\.course)
    }
}
