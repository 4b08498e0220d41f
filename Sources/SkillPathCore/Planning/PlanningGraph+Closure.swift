/// The result of taking courses for as long as any can be taken.
struct Closure {
    var levels: [UInt8]
    var taken: [Bool]
    /// Courses in the order taken: at each step the smallest-numbered one that was ready.
    var order: [Int32]
}

extension PlanningGraph {
    /// Starting from the graph's initial levels, takes every course as soon as it becomes takeable, until no
    /// more can be.
    ///
    /// Because taking a course only ever raises levels, the courses this takes are exactly those that can be
    /// taken in some order, and the levels it reaches are the highest any plan over them can reach.
    func closure() -> Closure {
        closure(candidates: Array(0..<Int32(courseCount)), isCandidate: nil)
    }

    /// The same over `candidates` only (local course numbers, any order): what a set of chosen courses reaches.
    /// Costs time in proportion to the candidates and what they wake, not to the graph.
    func closure(of candidates: [Int32]) -> Closure {
        var member = [Bool](repeating: false, count: courseCount)
        for course in candidates { member[Int(course)] = true }
        return closure(candidates: candidates, isCandidate: member)
    }

    /// Linear in what it touches: each requirement is woken once, through the graph's per-skill waiting lists.
    private func closure(candidates: [Int32], isCandidate: [Bool]?) -> Closure {
        var levels = initialLevels
        var taken = [Bool](repeating: false, count: courseCount)
        var order: [Int32] = []
        order.reserveCapacity(candidates.count)
        var pending = [Int32](repeating: -1, count: courseCount)
        var ready = MinHeap<Int32>()
        for course in candidates where !cutOff[Int(course)] {
            let c = Int(course)
            // Requirements are stored only when unmet at the start, and `after` courses only when not done.
            pending[c] = Int32(requires[c].count + after[c].count)
            if pending[c] == 0 { ready.push(course) }
        }
        var cursor = [Int32](repeating: 0, count: skillCount)
        while let course = ready.pop() {
            let c = Int(course)
            taken[c] = true
            order.append(course)
            for entry in teaches[c] {
                let skill = Int(entry.skill)
                guard entry.level > levels[skill] else { continue }
                levels[skill] = entry.level
                let list = waiters[skill]
                var position = list.startIndex + Int(cursor[skill])
                while position < list.endIndex && list[position].level <= entry.level {
                    let waiter = Int(list[position].course)
                    if pending[waiter] > 0 {
                        pending[waiter] -= 1
                        if pending[waiter] == 0 { ready.push(Int32(waiter)) }
                    }
                    position += 1
                }
                cursor[skill] = Int32(position - list.startIndex)
            }
            for follower in followers[c] {
                let f = Int(follower)
                guard pending[f] > 0, isCandidate?[f] ?? true else { continue }
                pending[f] -= 1
                if pending[f] == 0 { ready.push(follower) }
            }
        }
        return Closure(levels: levels, taken: taken, order: order)
    }
}
