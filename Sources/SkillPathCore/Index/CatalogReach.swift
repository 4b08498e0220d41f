/// What can be reached from some starting levels by taking catalog courses for as long as any can be taken:
/// the level of every skill, which courses can be taken, and the bookkeeping that lets more starting levels
/// be pushed through later without starting over.
///
/// The index keeps the closure from zero skills (`CatalogIndex.zeroReach`), built once per catalog. A plan
/// copies nothing: it pushes the profile's levels and completed courses through a `ReachScratch` that starts
/// from this state, and undoes its changes afterwards (see `ReachScratch`).
struct CatalogReach: Sendable {
    /// The highest level reached for each skill.
    var levels: [UInt8]
    /// For each skill, how many entries of `CatalogIndex.waiting` its level has satisfied.
    var cursor: [Int32]
    /// For each course, requirements not yet met plus `after` courses not yet taken.
    var pending: [Int32]
    /// Whether each course was taken (it can be, in some order).
    var taken: [Bool]

    /// Takes every course that becomes takeable from zero skills. Because taking a course only ever raises
    /// levels, the courses this takes are exactly those that some order can take, and the levels are the
    /// highest any sequence of courses reaches. Linear in the catalog: each requirement is woken once.
    static func fromZero(
        teaches: CompactLists<CatalogIndex.LevelEntry>, requires: CompactLists<CatalogIndex.LevelEntry>, after: CompactLists<Int32>,
        followers: CompactLists<Int32>, waiting: CompactLists<CatalogIndex.Waiter>
    ) -> CatalogReach {
        let courseCount = teaches.count
        var reach = CatalogReach(
            levels: [UInt8](repeating: 0, count: waiting.count), cursor: [Int32](repeating: 0, count: waiting.count),
            pending: (0..<courseCount).map { Int32(requires[$0].count + after[$0].count) },
            taken: [Bool](repeating: false, count: courseCount))
        var ready = (0..<Int32(courseCount)).filter { reach.pending[Int($0)] == 0 }
        while let course = ready.popLast() {
            reach.take(course, teaches: teaches, followers: followers, waiting: waiting) { ready.append($0) }
        }
        return reach
    }

    /// Marks a course taken and wakes what it unlocks; `ready` receives each course whose last obstacle this
    /// removed. `changedSkill` and `changedCourse` see every entry before it first changes (for undo logs).
    mutating func take(
        _ course: Int32, teaches: CompactLists<CatalogIndex.LevelEntry>, followers: CompactLists<Int32>,
        waiting: CompactLists<CatalogIndex.Waiter>, changedSkill: (Int32) -> Void = { _ in }, changedCourse: (Int32) -> Void = { _ in },
        ready: (Int32) -> Void
    ) {
        changedCourse(course)
        taken[Int(course)] = true
        for entry in teaches[course] {
            raise(entry.skill, to: entry.level, waiting: waiting, changedSkill: changedSkill, changedCourse: changedCourse, ready: ready)
        }
        for follower in followers[course] {
            changedCourse(follower)
            pending[Int(follower)] -= 1
            if pending[Int(follower)] == 0 && !taken[Int(follower)] { ready(follower) }
        }
    }

    /// Raises a skill and counts down every course that was waiting for a level up to the new one.
    mutating func raise(
        _ skill: Int32, to level: UInt8, waiting: CompactLists<CatalogIndex.Waiter>, changedSkill: (Int32) -> Void = { _ in },
        changedCourse: (Int32) -> Void = { _ in }, ready: (Int32) -> Void
    ) {
        let s = Int(skill)
        guard level > levels[s] else { return }
        changedSkill(skill)
        levels[s] = level
        let waiters = waiting[skill]
        var position = waiters.startIndex + Int(cursor[s])
        while position < waiters.endIndex && waiters[position].level <= level {
            let waiter = waiters[position].course
            changedCourse(waiter)
            pending[Int(waiter)] -= 1
            if pending[Int(waiter)] == 0 && !taken[Int(waiter)] { ready(waiter) }
            position += 1
        }
        cursor[s] = Int32(position - waiters.startIndex)
    }
}
