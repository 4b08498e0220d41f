/// The checks that look at the catalog as a graph: `after` cycles (errors) and courses that cannot be taken
/// starting from zero skills (warnings).
extension CatalogValidator {
    /// Finds every strongly connected group of courses in the `after` graph and reports one cycle through
    /// each, e.g. `a → b → c → a`. Returns the courses in cycles, so the reachability check does not report
    /// them a second time.
    mutating func checkAfterCycles(_ index: CatalogIndex) -> Set<Int32> {
        var inCycle = Set<Int32>()
        for component in StronglyConnected.components(count: index.courseCount, edges: { index.after[$0] }) {
            let members = Set(component)
            guard let start = component.min() else { continue }
            guard component.count > 1 || index.after[start].contains(start) else { continue }
            inCycle.formUnion(members)
            let path = StronglyConnected.cycle(from: start, within: members, edges: { index.after[$0] })
            let names = path.map { "'\(courses[Int($0)].id)'" }.joined(separator: " → ")
            let course = courses[Int(start)]
            error(.afterCycle, at: course.source, "course '\(course.id)'", "courses form a cycle through 'after': \(names)")
        }
        return inCycle
    }

    /// Warns about courses that an employee starting from nothing could never take, saying who still can:
    /// employees who already hold the blocking skill levels (from experience, or from courses done before).
    ///
    /// Not an error: "unreachable from zero" is a fact about the catalog, not a defect. Real LMS exports are
    /// full of advanced courses needing a skill nobody teaches in-house, and the planner takes them for the
    /// employees who qualify. Uses the index's closure from zero skills.
    mutating func checkReachability(_ index: CatalogIndex, skipping cyclic: Set<Int32>) {
        let zero = index.zeroReach
        for course in 0..<index.courseCount where !zero.taken[course] && !cyclic.contains(Int32(course)) {
            var holds: [String] = []
            var reasons: [String] = []
            for entry in index.requires[course] where zero.levels[Int(entry.skill)] < entry.level {
                let skill = skills[Int(entry.skill)].id
                holds.append("'\(skill)' at level \(entry.level)")
                let highest = index.highestTaughtLevel(entry.skill)
                reasons.append(highest < entry.level
                    ? (highest == 0 ? "no course teaches '\(skill)'" : "no course teaches '\(skill)' above level \(highest)")
                    : "no takeable course teaches '\(skill)' at level \(entry.level)")
            }
            let stuck = index.after[course].filter { !zero.taken[Int($0)] }.map { "'\(courses[Int($0)].id)'" }
            var who = holds.isEmpty ? "" : "who already hold \(Text.list(holds))"
            if !stuck.isEmpty {
                who += (who.isEmpty ? "" : " and ") + "who have completed \(Text.list(stuck))"
                reasons.append("\(stuck.count == 1 ? "that course cannot" : "those courses cannot") be taken from zero either")
            }
            let source = courses[course].source
            warning(
                .unreachableRequirement, at: source, "course '\(courses[course].id)'",
                "can be taken only by employees \(who) (\(reasons.joined(separator: "; ")))")
        }
    }
}

/// Tarjan's strongly connected components, iterative so that deep `after` chains cannot overflow the stack.
enum StronglyConnected {
    static func components(count: Int, edges: (Int32) -> ArraySlice<Int32>) -> [[Int32]] {
        var indexOf = [Int32](repeating: -1, count: count)
        var lowLink = [Int32](repeating: 0, count: count)
        var onStack = [Bool](repeating: false, count: count)
        var stack: [Int32] = []
        var result: [[Int32]] = []
        var nextIndex: Int32 = 0
        for root in 0..<Int32(count) where indexOf[Int(root)] < 0 {
            var work: [(node: Int32, edge: Int)] = [(root, 0)]
            indexOf[Int(root)] = nextIndex
            lowLink[Int(root)] = nextIndex
            nextIndex += 1
            stack.append(root)
            onStack[Int(root)] = true
            while let (node, edge) = work.last {
                let successors = edges(node)
                if edge < successors.count {
                    work[work.count - 1].edge += 1
                    let next = successors[successors.startIndex + edge]
                    if indexOf[Int(next)] < 0 {
                        indexOf[Int(next)] = nextIndex
                        lowLink[Int(next)] = nextIndex
                        nextIndex += 1
                        stack.append(next)
                        onStack[Int(next)] = true
                        work.append((next, 0))
                    } else if onStack[Int(next)] {
                        lowLink[Int(node)] = min(lowLink[Int(node)], indexOf[Int(next)])
                    }
                    continue
                }
                work.removeLast()
                if let parent = work.last?.node {
                    lowLink[Int(parent)] = min(lowLink[Int(parent)], lowLink[Int(node)])
                }
                if lowLink[Int(node)] == indexOf[Int(node)] {
                    var component: [Int32] = []
                    while let member = stack.popLast() {
                        onStack[Int(member)] = false
                        component.append(member)
                        if member == node { break }
                    }
                    result.append(component)
                }
            }
        }
        return result
    }

    /// The shortest cycle from `start` back to itself inside one component, as a closed path.
    static func cycle(from start: Int32, within members: Set<Int32>, edges: (Int32) -> ArraySlice<Int32>) -> [Int32] {
        var previous: [Int32: Int32] = [:]
        var queue = [start]
        var head = 0
        while head < queue.count {
            let node = queue[head]
            head += 1
            for next in edges(node).sorted() where members.contains(next) {
                if next == start {
                    var chain: [Int32] = []
                    var cursor = node
                    while cursor != start {
                        chain.append(cursor)
                        guard let step = previous[cursor] else { break }
                        cursor = step
                    }
                    return [start] + chain.reversed() + [start]
                }
                if previous[next] == nil {
                    previous[next] = node
                    queue.append(next)
                }
            }
        }
        return [start, start]
    }
}
