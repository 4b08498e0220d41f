/// The checks that look at the catalog as a graph: `after` cycles and courses that can never be taken.
extension CatalogValidator {
    /// Finds every strongly connected group of courses in the `after` graph and reports one cycle through
    /// each, e.g. `a → b → c → a`. Returns the courses in cycles, so the reachability check does not report
    /// them a second time.
    mutating func checkAfterCycles(_ index: CatalogIndex) -> Set<Int32> {
        var inCycle = Set<Int32>()
        for component in StronglyConnected.components(count: index.courseCount, edges: { index.after[$0] }) {
            let members = Set(component)
            let start = component.min()!
            guard component.count > 1 || index.after[start].contains(start) else { continue }
            inCycle.formUnion(members)
            let path = StronglyConnected.cycle(from: start, within: members, edges: { index.after[$0] })
            let names = path.map { "'\(courses[Int($0)].id)'" }.joined(separator: " → ")
            let course = courses[Int(start)]
            error(.afterCycle, at: course.source, "course '\(course.id)'", "courses form a cycle through 'after': \(names)")
        }
        return inCycle
    }

    /// Reports courses that no employee starting from nothing could ever take, other than for a requirement
    /// that no course teaches (which only experience can meet: a warning, added in `addWarnings`).
    ///
    /// Takes every course that becomes takeable, treating untaught requirements as met; whatever is left is
    /// stuck behind a requirement that only stuck courses teach — typically a course that is the only one
    /// teaching its own entry requirement.
    mutating func checkReachability(_ index: CatalogIndex, skipping cyclic: Set<Int32>) {
        let all = (0..<Int32(index.courseCount)).map { $0 }
        let graph = PlanningGraph(
            index: index, courses: all, levelOf: { _ in 0 }, isDone: { _ in false },
            isSatisfied: { index.highestTaughtLevel($0.skill) < $0.level })
        let closure = graph.closure()
        for course in 0..<graph.courseCount where !closure.taken[course] && !cyclic.contains(Int32(course)) {
            let subject = "course '\(courses[course].id)'"
            let source = courses[course].source
            let blocking = graph.requires[course].filter { closure.levels[Int($0.skill)] < $0.level }
            for entry in blocking {
                let skill = skills[Int(graph.skills[Int(entry.skill)])].id
                let teachers = index.teachers[graph.skills[Int(entry.skill)]].filter { $0.level >= entry.level }.map { courses[Int($0.course)].id }
                let circular = teachers.allSatisfy { teacher in
                    courses[Int(index.courseNumbers[teacher]!)].requires.contains { $0.skill == skill && $0.level >= Int(entry.level) }
                }
                let shown = teachers.prefix(3).map { "'\($0)'" }.joined(separator: ", ") + (teachers.count > 3 ? ", …" : "")
                let why = circular
                    ? "it is only taught by courses that require it themselves (\(shown))"
                    : "the courses teaching it (\(shown)) can never be taken themselves"
                error(.unreachableRequirement, at: source, subject, "entry requirement '\(skill)' level \(entry.level) can never be met: \(why)")
            }
            if blocking.isEmpty {
                let stuck = graph.after[course].filter { !closure.taken[Int($0)] }.map { "'\(courses[Int(graph.courses[Int($0)])].id)'" }
                error(.unreachableRequirement, at: source, subject, "can never be taken: it must come after \(Text.list(stuck)), which can never be taken")
            }
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
                        cursor = previous[cursor]!
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
