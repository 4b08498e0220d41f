/// Computes every figure of a mobility report in one pass over the facts: each fact is added to the
/// period's figures, its month or quarter's, and its team's, found by array index rather than by looking
/// people up in sets per figure. A report over 50,000 people and 200,000 moves is one walk over them.
struct MobilityTally {
    /// Where figures accumulate: the whole period, each bucket, each team.
    var total = MobilityReport.Figures()
    private var buckets: [MobilityReport.Figures]
    var teams: [MobilityReport.Figures]
    private let bucketRanges: [(from: CalendarDate, to: CalendarDate)]
    let facts: MobilityFacts
    let records: MobilityRecords
    let from: CalendarDate
    let to: CalendarDate
    /// Each move's ratings, by move id.
    private let ratings: [Int64: [MoveFeedback]]

    /// Per employee (by position in `records.employees`): in scope, and the team (index into `teams`) or -1.
    /// With no scope (everyone), facts of people the employees table does not hold, and fills with no
    /// manager, count too.
    private let everyone: Bool
    let inScope: [Bool]
    let team: [Int]

    init(facts: MobilityFacts, from: CalendarDate, to: CalendarDate, scope: [Bool]?, teamRoots: [String], tree: MobilityReport.Tree?,
         buckets ranges: [(from: CalendarDate, to: CalendarDate)]) {
        self.facts = facts
        records = facts.records
        self.from = from
        self.to = to
        bucketRanges = ranges
        buckets = ranges.map { _ in MobilityReport.Figures() }
        teams = teamRoots.map { _ in MobilityReport.Figures() }
        everyone = scope == nil
        let count = facts.records.employees.count
        inScope = scope ?? [Bool](repeating: true, count: count)
        var team = [Int](repeating: -1, count: count)
        if let tree {
            for (position, root) in teamRoots.enumerated() {
                for (member, isIn) in tree.subtree(of: root).enumerated() where isIn { team[member] = position }
            }
        }
        self.team = team
        ratings = Dictionary(grouping: facts.feedback, by: \.move)
    }

    /// The position of the employee `id`, if the employees table holds them.
    func position(_ id: String?) -> Int? {
        id.flatMap { records.positions[$0] }.map(Int.init)
    }

    /// The figures for the period, each bucket and each team.
    mutating func tally(asOf: CalendarDate, windowMonths: Int) -> (MobilityReport.Figures, [MobilityReport.Figures], [MobilityReport.Figures]) {
        countPeople()
        countMoves(asOf: asOf, windowMonths: windowMonths)
        for fill in facts.fills {
            // A fill belongs to its opportunity's manager; one with no manager counts only for everyone.
            add(position(fill.manager), fill.date) { Self.fill(&$0, fill) }
        }
        for assignment in facts.assignments where !assignment.cancelled && assignment.dueDate < asOf {
            add(position(assignment.employee), assignment.dueDate) { figures in
                figures.pathCompletion.whole += 1
                if assignment.planComplete, let done = assignment.allStepsCompletedOn, done <= assignment.dueDate { figures.pathCompletion.part += 1 }
            }
        }
        for project in facts.projects {
            let person = position(project.employee)
            add(person, project.start) { $0.projectsStarted += 1 }
            if let ended = project.finishedOn, let outcome = project.outcome {
                add(person, ended) { figures in
                    if outcome == .completed { figures.projectsCompleted += 1 } else { figures.projectsStopped += 1 }
                }
            }
        }
        countLearning()
        countRetention(asOf: asOf)
        return (total, buckets, teams)
    }

    /// Everyone in scope who had not left before the period (or the bucket) began.
    mutating func countPeople() {
        for (position, employee) in records.employees.enumerated() where inScope[position] && records.isCounted(position) {
            let left = employee.leftOn
            if left.map({ $0 >= from }) ?? true { total.people += 1 }
            if team[position] >= 0, left.map({ $0 >= from }) ?? true { teams[team[position]].people += 1 }
            for (bucket, range) in bucketRanges.enumerated() where left.map({ $0 >= range.from }) ?? true { buckets[bucket].people += 1 }
        }
    }

    /// The period's moves by kind, secondments ended, and each judged move's success. Moves come grouped by
    /// person in the order they happened (`MobilityRecords.offsets`), so a move's success looks at what followed.
    mutating func countMoves(asOf: CalendarDate, windowMonths: Int) {
        let moves = records.moves
        let unknown = records.employees.count
        let offsets = records.offsets
        let (first, last) = (Int32(clamping: from.daysSinceEpoch), Int32(clamping: to.daysSinceEpoch))
        // Each day of the period's checkpoint, worked out once: a million moves share a few hundred days.
        let checkpoints = (first...max(first, last)).map { CalendarDate(daysSinceEpoch: Int($0)).adding(months: windowMonths) }
        for person in 0...unknown {
            let left = person < unknown ? records.employees[person].leftOn : nil
            for slot in offsets[person]..<offsets[person + 1] {
                let move = moves[slot]
                guard move.day >= first, move.day <= last else { continue }
                // People the employees table does not hold have no history to follow a move with.
                let later = person < unknown ? moves[slot..<offsets[person + 1]] : moves[slot...slot]
                let ratings = ratings.isEmpty ? [] : ratings[move.id] ?? []
                let verdict = move.isReturn || move.kind == .secondment
                    ? nil : Self.succeeded(later, checkpoint: checkpoints[Int(move.day - first)], left: left, asOf: asOf, ratings: ratings)
                let ratable = !move.isReturn && MoveFeedback.opens(after: move.date) <= asOf
                add(person < unknown ? person : nil, move.date) { figures in
                    if move.isReturn {
                        figures.secondmentsReturned += 1
                        return
                    }
                    if ratable { figures.feedback.add(ratings) }
                    if move.isConversion { figures.secondmentsConverted += 1 }
                    figures.moves[move.kind, default: 0] += 1
                    guard move.kind != .secondment else { return }
                    switch verdict {
                    case nil: figures.tooRecent += 1
                    case true?: figures.success.part += 1; figures.success.whole += 1
                    case false?: figures.success.whole += 1
                    }
                }
            }
        }
    }

    /// Learning hours and active learners, for the period, each bucket and each team.
    mutating func countLearning() {
        let count = records.employees.count
        var seen = PeopleSet(count: count)
        var seenInBucket = bucketRanges.map { _ in PeopleSet(count: count) }
        // Everyone is in one team at most: one set tells whether they were counted in theirs.
        var seenInTeam = PeopleSet(count: count)
        var teamLearners = [Int](repeating: 0, count: teams.count)
        let (first, last) = (Int32(clamping: from.daysSinceEpoch), Int32(clamping: to.daysSinceEpoch))
        for event in records.learning {
            // Progress belongs to stored employees (the store's foreign key): learners are counted by position.
            let person = Int(event.person)
            guard person >= 0, person < count, inScope[person], event.day >= first, event.day <= last else { continue }
            let hours = event.completedHours ?? .zero
            seen.insert(person)
            total.learningHours += hours
            if let bucket = bucket(of: event.date) {
                seenInBucket[bucket].insert(person)
                buckets[bucket].learningHours += hours
            }
            if team[person] >= 0 {
                if seenInTeam.insert(person) { teamLearners[team[person]] += 1 }
                teams[team[person]].learningHours += hours
            }
        }
        Self.engagement(&total, learners: seen.count, from: from, to: to)
        for (bucket, range) in bucketRanges.enumerated() {
            Self.engagement(&buckets[bucket], learners: seenInBucket[bucket].count, from: range.from, to: range.to)
        }
        for position in teams.indices { Self.engagement(&teams[position], learners: teamLearners[position], from: from, to: to) }
    }

    /// Applies `update` to the period's figures, the bucket of `date` and the team of `person`.
    private mutating func add(_ person: Int?, _ date: CalendarDate, _ update: (inout MobilityReport.Figures) -> Void) {
        guard person.map({ inScope[$0] }) ?? everyone, date >= from, date <= to else { return }
        update(&total)
        if let bucket = bucket(of: date) { update(&buckets[bucket]) }
        if let person, team[person] >= 0 { update(&teams[team[person]]) }
    }

    /// The bucket holding `date`: buckets are consecutive and ordered, so a binary search finds it.
    private func bucket(of date: CalendarDate) -> Int? {
        var low = 0
        var high = bucketRanges.count - 1
        while low <= high {
            let middle = (low + high) / 2
            if bucketRanges[middle].to < date { low = middle + 1 } else if bucketRanges[middle].from > date { high = middle - 1 } else { return middle }
        }
        return nil
    }

    private static func fill(_ figures: inout MobilityReport.Figures, _ fill: MobilityFacts.Fill) {
        figures.fills.whole += 1
        if fill.isInternal { figures.fills.part += 1 }
        let days = fill.date.daysSinceEpoch - fill.opens.daysSinceEpoch
        figures.daysToFill.append(days)
        if fill.isInternal {
            figures.buildVersusBuy.internalFills += 1
            figures.buildVersusBuy.internalDays.append(days)
            figures.buildVersusBuy.training.add(fill.training)
        } else {
            figures.buildVersusBuy.externalFills += 1
            figures.buildVersusBuy.externalDays.append(days)
            if let cost = fill.externalCost { figures.buildVersusBuy.externalCost.add(cost.amount, cost.currency) } else { figures.buildVersusBuy.externalCostUnknown += 1 }
        }
    }

    /// Hours per active learner per week of the period, to the hundredth, rounded half up.
    private static func engagement(_ figures: inout MobilityReport.Figures, learners: Int, from: CalendarDate, to: CalendarDate) {
        figures.activeLearners = learners
        guard learners > 0 else { return }
        let divisor = Int64(learners) * Int64(to.daysSinceEpoch - from.daysSinceEpoch + 1)
        figures.hoursPerLearnerPerWeek = Quantity(hundredths: (figures.learningHours.hundredths * 7 * 2 + divisor) / (divisor * 2))
    }

    /// A permanent move succeeded when, `windowMonths` after it (the `checkpoint`), the employee had not left
    /// and did not hold the role they came from, and neither the mover nor their manager rated it
    /// `MoveFeedback.failingRating` or lower. Nil while the window has not passed. `history` starts at the
    /// move and runs through the employee's later moves.
    static func succeeded(
        _ history: ArraySlice<MobilityRecords.Move>, checkpoint: CalendarDate, left: CalendarDate?, asOf: CalendarDate, ratings: [MoveFeedback] = []
    ) -> Bool? {
        guard let first = history.first, checkpoint <= asOf else { return nil }
        if let left, left <= checkpoint { return false }
        if ratings.contains(where: { $0.rating <= MoveFeedback.failingRating }) { return false }
        let day = Int32(clamping: checkpoint.daysSinceEpoch)
        let held = history.last { $0.day <= day } ?? first
        return held.toRole != first.fromRole
    }
}

/// A set of people by position, one bit each: counting a million learners is a pass over the events, not a
/// million hash insertions.
struct PeopleSet {
    private var words: [UInt64]
    private(set) var count = 0

    init(count: Int) {
        words = [UInt64](repeating: 0, count: (count + 63) / 64)
    }

    /// Adds `person`; whether they were not in the set before.
    @discardableResult
    mutating func insert(_ person: Int) -> Bool {
        let bit: UInt64 = 1 << UInt64(person % 64)
        guard words[person / 64] & bit == 0 else { return false }
        words[person / 64] |= bit
        count += 1
        return true
    }
}
