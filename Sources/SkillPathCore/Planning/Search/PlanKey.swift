/// What the planner minimises, in order: the objective, the other measure, the number of courses, and
/// finally the sorted course numbers (which sort like ids), so that exactly one plan is best.
struct PlanKey: Comparable, Sendable {
    var primary: Int64
    var secondary: Int64
    var count: Int
    var courses: [Int32]

    init(courses: [Int32], weights: CourseWeights) {
        self.courses = courses.sorted()
        primary = 0
        secondary = 0
        for course in courses {
            primary += weights.primary[Int(course)]
            secondary += weights.secondary[Int(course)]
        }
        count = courses.count
    }

    static func < (lhs: PlanKey, rhs: PlanKey) -> Bool {
        if lhs.primary != rhs.primary { return lhs.primary < rhs.primary }
        if lhs.secondary != rhs.secondary { return lhs.secondary < rhs.secondary }
        if lhs.count != rhs.count { return lhs.count < rhs.count }
        return lhs.courses.lexicographicallyPrecedes(rhs.courses)
    }
}

/// Per-course measures for one objective, in the numbering of a `PlanningGraph`.
struct CourseWeights: Sendable {
    /// The objective (hours or cost, in hundredths).
    var primary: [Int64]
    /// The other measure, the first tie-break.
    var secondary: [Int64]
    /// Cost, whichever is the objective, for the budget.
    var cost: [Int64]

    /// - Parameter preference: the learner's preferred formats and languages, weighed into `primary` so
    ///   that the fewest hours outside them come first (`CoursePreference.penalised`).
    init(graph: PlanningGraph, index: CatalogIndex, objective: PlanOptions.Objective, preference: CoursePreference? = nil) {
        let hours = graph.courses.map { index.hours[Int($0)] }
        cost = graph.courses.map { index.cost[Int($0)] }
        let objectiveWeights = objective == .hours ? hours : cost
        primary = preference.map { $0.isEmpty ? objectiveWeights : $0.penalised(objectiveWeights, hours: hours, courses: graph.courses) } ?? objectiveWeights
        secondary = objective == .hours ? cost : hours
    }

    /// One positive number per course for the greedy estimates: the objective, with the other measure only
    /// breaking ties. Hours are always positive, so no course is ever free to the estimate.
    var combined: [Double] {
        zip(primary, secondary).map { Double($0) + Double($1) * 1e-7 + 1e-9 }
    }

    func total(_ courses: some Sequence<Int32>) -> Int64 {
        courses.reduce(0) { $0 + cost[Int($1)] }
    }
}
