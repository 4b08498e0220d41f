extension MobilityReport {
    /// Twelve-month retention (docs/mobility.md, "Did the moves work?"): of the people who moved in the period,
    /// how many were still employed `retentionMonths` after their move, against the people who did not move,
    /// a year after the period began.
    public struct Retention: Sendable, Equatable {
        /// People with any move (a change of role, or a project gig) in the period, counted once, from their first.
        public var movers = Ratio(part: 0, whole: 0)
        /// People in scope at the period's start with no move in it.
        public var stayers = Ratio(part: 0, whole: 0)
        /// Movers by kind (`promotion`, `lateral`, `secondment`, `project`), each from their first move of that kind.
        public var byKind: [String: Ratio] = [:]
        /// Movers and stayers whose year has not passed by `asOf`: not judged yet.
        public var moversTooRecent = 0
        public var stayersTooRecent = 0

        public init() {}
    }

    /// The ratings of the period's moves (`MoveFeedback`).
    public struct Feedback: Sendable, Equatable {
        /// Moves in the period (not returns from a secondment) that could be rated by `asOf`: 30 days old.
        public var ratable = 0
        /// Of those, how many each respondent rated.
        public var responses: [MoveFeedback.Respondent: Int] = [:]
        /// Each respondent's ratings, counted by value: `[ones, twos, threes, fours, fives]`.
        public var distribution: [MoveFeedback.Respondent: [Int]] = [:]
        /// The comments given, by move then respondent (shown to administrators only).
        public var comments: [Comment] = []

        public struct Comment: Sendable, Equatable {
            public var move: Int64
            public var respondent: MoveFeedback.Respondent
            public var rating: Int
            public var text: String
        }

        public init() {}

        /// Counts one move's ratings.
        mutating func add(_ ratings: [MoveFeedback]) {
            ratable += 1
            guard !ratings.isEmpty else { return }
            for rating in ratings.sorted(by: { $0.respondent < $1.respondent }) where MoveFeedback.ratings.contains(rating.rating) {
                responses[rating.respondent, default: 0] += 1
                distribution[rating.respondent, default: [0, 0, 0, 0, 0]][rating.rating - 1] += 1
                if let text = rating.comment, !text.isEmpty {
                    comments.append(Comment(move: rating.move, respondent: rating.respondent, rating: rating.rating, text: text))
                }
            }
        }
    }

    /// The window retention is measured over.
    public static let retentionMonths = 12
}

extension MobilityTally {
    /// Retention for the period and each team (not per bucket: people who did not move have no date of their own).
    mutating func countRetention(asOf: CalendarDate) {
        // Each person's first day of any move, and of each kind (`kinds`), in the period: Int32.max for none.
        let kinds = Transition.Kind.allCases.map(\.rawValue) + ["project"]
        let count = records.employees.count
        let none = Int32.max
        var first = [Int32](repeating: none, count: count)
        var firstOfKind = [Int32](repeating: none, count: count * kinds.count)
        let (start, end) = (Int32(clamping: from.daysSinceEpoch), Int32(clamping: to.daysSinceEpoch))
        func note(_ person: Int, _ kind: Int, _ day: Int32) {
            guard person >= 0, person < count, inScope[person], day >= start, day <= end else { return }
            first[person] = min(first[person], day)
            firstOfKind[person * kinds.count + kind] = min(firstOfKind[person * kinds.count + kind], day)
        }
        for move in records.moves where !move.isReturn { note(Int(move.person), Transition.Kind.allCases.firstIndex(of: move.kind) ?? 0, move.day) }
        for project in facts.projects {
            if let person = position(project.employee) { note(person, kinds.count - 1, Int32(clamping: project.start.daysSinceEpoch)) }
        }
        let months = MobilityReport.retentionMonths
        for (person, employee) in records.employees.enumerated() where inScope[person] && records.isCounted(person) {
            let stayed = { (anchor: CalendarDate) -> Bool? in
                let checkpoint = anchor.adding(months: months)
                guard checkpoint <= asOf else { return nil }
                return employee.leftOn.map { $0 > checkpoint } ?? true
            }
            if first[person] != none {
                let verdict = stayed(CalendarDate(daysSinceEpoch: Int(first[person])))
                let dated = kinds.indices.compactMap { kind -> (kind: String, stayed: Bool?)? in
                    let day = firstOfKind[person * kinds.count + kind]
                    return day == none ? nil : (kinds[kind], stayed(CalendarDate(daysSinceEpoch: Int(day))))
                }
                retain(person) { retention in
                    Self.count(verdict, in: &retention.movers, tooRecent: &retention.moversTooRecent)
                    for (kind, stayed) in dated where stayed != nil {
                        var ratio = retention.byKind[kind] ?? MobilityReport.Ratio(part: 0, whole: 0)
                        var unused = 0
                        Self.count(stayed, in: &ratio, tooRecent: &unused)
                        retention.byKind[kind] = ratio
                    }
                }
            } else if employee.leftOn.map({ $0 >= from }) ?? true {
                let verdict = stayed(from)
                retain(person) { Self.count(verdict, in: &$0.stayers, tooRecent: &$0.stayersTooRecent) }
            }
        }
    }

    private mutating func retain(_ person: Int, _ update: (inout MobilityReport.Retention) -> Void) {
        update(&total.retention)
        if team[person] >= 0 { update(&teams[team[person]].retention) }
    }

    private static func count(_ verdict: Bool?, in ratio: inout MobilityReport.Ratio, tooRecent: inout Int) {
        guard let verdict else {
            tooRecent += 1
            return
        }
        ratio.whole += 1
        if verdict { ratio.part += 1 }
    }
}
