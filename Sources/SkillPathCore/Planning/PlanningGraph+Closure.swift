/// The result of taking courses for as long as any can be taken.
struct Closure {
    var levels: [UInt8]
    var taken: [Bool]
    /// Courses in the order taken: at each step the smallest-numbered one that was ready.
    var order: [Int32]
}

extension PlanningGraph {
    /// Starting from the graph's initial levels, takes every course allowed by `candidates` (all when nil)
    /// as soon as it becomes takeable, until no more can be.
    ///
    /// Because taking a course only ever raises levels, the courses this takes are exactly those that can be
    /// taken in some order, and the levels it reaches are the highest any plan over the candidates can reach.
    /// Linear in the size of the graph: each requirement is woken once, through per-skill waiting lists.
    func closure(candidates: [Bool]? = nil) -> Closure {
        let n = courseCount
        var levels = initialLevels
        var taken = [Bool](repeating: false, count: n)
        var order: [Int32] = []
        var pending = [Int32](repeating: 0, count: n)
        var waitingLists = [[(level: UInt8, course: Int32)]](repeating: [], count: skillCount)
        var ready = MinHeap<Int32>()

        for course in 0..<n where candidates?[course] ?? true {
            if cutOff[course] {
                pending[course] = -1
                continue
            }
            var count: Int32 = 0
            for entry in requires[course] where levels[Int(entry.skill)] < entry.level {
                waitingLists[Int(entry.skill)].append((entry.level, Int32(course)))
                count += 1
            }
            for prior in after[course] where !taken[Int(prior)] { count += 1 }
            pending[course] = count
            if count == 0 { ready.push(Int32(course)) }
        }
        for skill in 0..<skillCount where waitingLists[skill].count > 1 {
            waitingLists[skill].sort { $0.level < $1.level }
        }
        var nextWaiting = [Int](repeating: 0, count: skillCount)

        while let course = ready.pop() {
            let c = Int(course)
            taken[c] = true
            order.append(course)
            for entry in teaches[c] {
                let skill = Int(entry.skill)
                guard entry.level > levels[skill] else { continue }
                levels[skill] = entry.level
                let waiting = waitingLists[skill]
                var cursor = nextWaiting[skill]
                while cursor < waiting.count && waiting[cursor].level <= entry.level {
                    let waiter = Int(waiting[cursor].course)
                    pending[waiter] -= 1
                    if pending[waiter] == 0 { ready.push(Int32(waiter)) }
                    cursor += 1
                }
                nextWaiting[skill] = cursor
            }
            for follower in followers[c] where candidates?[Int(follower)] ?? true {
                let f = Int(follower)
                guard pending[f] > 0 else { continue }
                pending[f] -= 1
                if pending[f] == 0 { ready.push(follower) }
            }
        }
        return Closure(levels: levels, taken: taken, order: order)
    }

    /// Whether taking `courses` (in the closure's order) reaches every goal.
    func reaches(_ goals: [Entry], with courses: [Bool]) -> Bool {
        let result = closure(candidates: courses)
        return goals.allSatisfy { result.levels[Int($0.skill)] >= $0.level }
    }
}
