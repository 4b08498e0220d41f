/// Removes courses a plan does not need: tries dropping each, most expensive first, and keeps the drop when
/// the rest still reaches every goal. The result is minimal: removing any one remaining course breaks it.
enum PlanPruner {
    static func prune(_ courses: [Int32], graph: PlanningGraph, goals: [PlanningGraph.Entry], weights: CourseWeights) -> [Int32] {
        var member = [Bool](repeating: false, count: graph.courseCount)
        for course in courses { member[Int(course)] = true }
        var kept = courses
        let candidates = courses.sorted { lhs, rhs in
            let l = Int(lhs), r = Int(rhs)
            if weights.primary[l] != weights.primary[r] { return weights.primary[l] > weights.primary[r] }
            if weights.secondary[l] != weights.secondary[r] { return weights.secondary[l] > weights.secondary[r] }
            return lhs > rhs
        }
        for course in candidates where member[Int(course)] {
            let trial = kept.filter { $0 != course }
            let closure = graph.closure(of: trial)
            if goals.allSatisfy({ closure.levels[Int($0.skill)] >= $0.level }) {
                // Anything the closure could not take is dead weight too.
                member[Int(course)] = false
                for other in trial where !closure.taken[Int(other)] { member[Int(other)] = false }
                kept = trial.filter { member[Int($0)] }
            }
        }
        return kept.sorted()
    }
}
