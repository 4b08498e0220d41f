extension PlanningGraph {
    /// The courses that no other course makes pointless.
    ///
    /// Course `a` dominates `b` when `a` teaches at least what `b` teaches, needs no more than `b` needs
    /// (requirements and `after`), and is strictly better on the plan key: lower objective, or equal
    /// objective and lower (or equal, with a smaller id) tie-break measure. Swapping `b` for `a` in any plan
    /// keeps it valid and makes it better, so no best plan contains `b`; dropping it shrinks the search
    /// without changing the answer. A course some other course must come after is never dropped, and with a
    /// budget `a` must not cost more.
    func undominated(weights: CourseWeights, budgeted: Bool) -> [Int32] {
        var dominated = [Bool](repeating: false, count: courseCount)
        for course in 0..<courseCount where followers[course].isEmpty {
            guard let first = teaches[course].first else { continue }
            for candidate in providers[first.skill] where candidate.level >= first.level && Int(candidate.course) != course {
                let other = Int(candidate.course)
                if !dominated[other] && dominates(other, course, weights: weights, budgeted: budgeted) {
                    dominated[course] = true
                    break
                }
            }
        }
        return (0..<Int32(courseCount)).filter { !dominated[Int($0)] }
    }

    func dominates(_ a: Int, _ b: Int, weights: CourseWeights, budgeted: Bool) -> Bool {
        if cutOff[a] { return false }
        let better: Bool
        if weights.primary[a] != weights.primary[b] {
            better = weights.primary[a] < weights.primary[b]
        } else if weights.secondary[a] != weights.secondary[b] {
            better = weights.secondary[a] < weights.secondary[b]
        } else {
            better = a < b
        }
        guard better, !budgeted || weights.cost[a] <= weights.cost[b] else { return false }
        for taught in teaches[b] {
            guard teaches[a].contains(where: { $0.skill == taught.skill && $0.level >= taught.level }) else { return false }
        }
        for requirement in requires[a] {
            guard requires[b].contains(where: { $0.skill == requirement.skill && $0.level >= requirement.level }) else { return false }
        }
        for prior in after[a] where !after[b].contains(prior) { return false }
        return true
    }
}
