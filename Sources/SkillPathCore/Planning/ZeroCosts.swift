import Locking

/// The cheapest way from zero skills to every skill level, in one objective's measure, by h_max (a course
/// costs its own weight plus its dearest requirement; shared prerequisites are never counted twice).
///
/// Built once per catalog and objective, in one Dijkstra pass over the catalog. A plan uses it to rank the
/// providers of a target level by what they would pull in behind them (`ProviderShortlist`): on catalogs
/// whose requirements reach anywhere below, every target has dozens of ways in and the walk over all of them
/// covers half the catalog, while the cheap ways are a handful.
struct ZeroCosts: Sendable {
    /// `skill * 6 + level`: the cost of first reaching that level from zero, `Int64.max` when nothing does.
    private let reach: [Int64]

    init(index: CatalogIndex, weights: [Int64]) {
        var reach = [Int64](repeating: .max, count: index.skillCount * 6)
        var pending = (0..<index.courseCount).map { Int32(index.requires[Int32($0)].count + index.after[Int32($0)].count) }
        var reached = [UInt8](repeating: 0, count: index.skillCount)
        var cursor = [Int](repeating: 0, count: index.skillCount)
        var finished = [Bool](repeating: false, count: index.courseCount)
        var queue = MinHeap<Entry>()
        for course in 0..<index.courseCount where pending[course] == 0 {
            queue.push(Entry(cost: max(0, weights[course]), course: Int32(course)))
        }
        func wake(_ course: Int32, at cost: Int64) {
            pending[Int(course)] -= 1
            if pending[Int(course)] == 0 {
                let (total, overflow) = cost.addingReportingOverflow(max(0, weights[Int(course)]))
                queue.push(Entry(cost: overflow ? .max : total, course: course))
            }
        }
        while let next = queue.pop() {
            let course = next.course
            guard !finished[Int(course)] else { continue }
            finished[Int(course)] = true
            for entry in index.teaches[course] where entry.level > reached[Int(entry.skill)] {
                let s = Int(entry.skill)
                for level in Int(reached[s]) + 1...Int(entry.level) { reach[s * 6 + level] = next.cost }
                reached[s] = entry.level
                let waiters = index.waiting[entry.skill]
                while cursor[s] < waiters.count && waiters[waiters.startIndex + cursor[s]].level <= entry.level {
                    wake(waiters[waiters.startIndex + cursor[s]].course, at: next.cost)
                    cursor[s] += 1
                }
            }
            for follower in index.followers[course] { wake(follower, at: next.cost) }
        }
        self.reach = reach
    }

    /// The cost of first reaching `level` of `skill` from zero (`Int64.max` when nothing reaches it).
    func cost(_ skill: Int32, _ level: UInt8) -> Int64 {
        reach[Int(skill) * 6 + Int(min(level, 5))]
    }

    private struct Entry: Comparable {
        var cost: Int64
        var course: Int32

        static func < (a: Entry, b: Entry) -> Bool { (a.cost, a.course) < (b.cost, b.course) }
    }
}

/// Each objective's `ZeroCosts`, built the first time a plan needs it.
final class ZeroCostCache: Sendable {
    private let tables = Locked<[PlanOptions.Objective: ZeroCosts]>([:])

    func costs(_ objective: PlanOptions.Objective, index: CatalogIndex) -> ZeroCosts {
        if let known = tables.withLock({ $0[objective] }) { return known }
        let built = ZeroCosts(index: index, weights: objective == .hours ? index.hours : index.cost)
        tables.withLock { $0[objective] = built }
        return built
    }
}
