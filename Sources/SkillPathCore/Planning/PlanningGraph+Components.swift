extension PlanningGraph {
    /// Splits goals into groups that share no course that could serve them (their backward closures are
    /// disjoint). Each group can then be planned alone and the plans joined: costs add up, and the id
    /// tie-break of the union follows the tie-breaks of the parts, so the joined plan is exactly as good as
    /// planning everything at once, while each search is far smaller.
    func independentGroups(of goals: [Entry]) -> [(goals: [Entry], courses: [Int32])] {
        var parent = Array(goals.indices)
        func root(_ goal: Int) -> Int {
            var node = goal
            while parent[node] != node {
                parent[node] = parent[parent[node]]
                node = parent[node]
            }
            return node
        }
        var owner = [Int](repeating: -1, count: courseCount)
        for (position, goal) in goals.enumerated() {
            for course in backwardClosure(from: goal) {
                let c = Int(course)
                if owner[c] < 0 {
                    owner[c] = position
                } else {
                    parent[root(position)] = root(owner[c])
                }
            }
        }
        var groups: [Int: (goals: [Entry], courses: [Int32])] = [:]
        var order: [Int] = []
        for (position, goal) in goals.enumerated() {
            let group = root(position)
            if groups[group] == nil {
                groups[group] = ([], [])
                order.append(group)
            }
            groups[group]?.goals.append(goal)
        }
        for course in 0..<courseCount where owner[course] >= 0 {
            groups[root(owner[course])]?.courses.append(Int32(course))
        }
        return order.compactMap { groups[$0] }
    }

    /// The courses that could help reach `goal`: its providers, their requirements' providers, their
    /// `after` courses, and so on. Each skill level is expanded once (the providers of level 2 are not a
    /// superset of those of level 3: a course needing level 2 to teach level 3 provides only the latter).
    func backwardClosure(from goal: Entry) -> [Int32] {
        var expanded = [UInt8](repeating: 0, count: skillCount)
        var included = [Bool](repeating: false, count: courseCount)
        var result: [Int32] = []
        var targets = [goal]
        var pending: [Int32] = []
        while !targets.isEmpty || !pending.isEmpty {
            while let target = targets.popLast() {
                let skill = Int(target.skill)
                let bit = UInt8(1) << target.level
                guard initialLevels[skill] < target.level, expanded[skill] & bit == 0 else { continue }
                expanded[skill] |= bit
                for provider in providers[skill] where provider.canProvide(target.level) && !included[Int(provider.course)] {
                    included[Int(provider.course)] = true
                    result.append(provider.course)
                    pending.append(provider.course)
                }
            }
            while let course = pending.popLast() {
                targets.append(contentsOf: requires[Int(course)])
                for prior in after[Int(course)] where !included[Int(prior)] {
                    included[Int(prior)] = true
                    result.append(prior)
                    pending.append(prior)
                }
            }
        }
        return result
    }

    /// The graph of just `subset` (ascending local numbers), renumbered; `after` links leaving the subset
    /// cut the course off.
    func restricted(to subset: [Int32]) -> PlanningGraph {
        var newCourse = [Int32](repeating: -1, count: courseCount)
        for (position, course) in subset.enumerated() { newCourse[Int(course)] = Int32(position) }
        // Keep the skills the subset touches, in the same (catalog) order.
        var newSkill = [Int32](repeating: -1, count: skillCount)
        for course in subset {
            for entry in teaches[Int(course)] { newSkill[Int(entry.skill)] = 0 }
            for entry in requires[Int(course)] { newSkill[Int(entry.skill)] = 0 }
        }
        var skillList: [Int32] = []
        var levels: [UInt8] = []
        for skill in 0..<skillCount where newSkill[skill] == 0 {
            newSkill[skill] = Int32(skillList.count)
            skillList.append(skills[skill])
            levels.append(initialLevels[skill])
        }
        var teachLists = CompactLists<Entry>()
        var requireLists = CompactLists<Entry>()
        var afterLists = CompactLists<Int32>()
        teachLists.reserveCapacity(lists: subset.count, elements: subset.count * 2)
        requireLists.reserveCapacity(lists: subset.count, elements: subset.count * 2)
        var cut = [Bool](repeating: false, count: subset.count)
        for (position, course) in subset.enumerated() {
            let c = Int(course)
            for entry in teaches[c] { teachLists.appendToLast(Entry(skill: newSkill[Int(entry.skill)], level: entry.level)) }
            teachLists.closeList()
            for entry in requires[c] { requireLists.appendToLast(Entry(skill: newSkill[Int(entry.skill)], level: entry.level)) }
            requireLists.closeList()
            for prior in after[c] {
                if newCourse[Int(prior)] >= 0 { afterLists.appendToLast(newCourse[Int(prior)]) } else { cut[position] = true }
            }
            afterLists.closeList()
            if cutOff[c] { cut[position] = true }
        }
        return PlanningGraph(
            courses: subset.map { courses[Int($0)] }, skills: skillList, initialLevels: levels, teaches: teachLists,
            requires: requireLists, after: afterLists, cutOff: cut)
    }

    /// Translates a goal into the numbering of a restricted graph built from this one; nil when no course of
    /// that graph touches its skill (never for a graph built for the goal: its providers teach the skill).
    func translate(_ goal: Entry, into other: PlanningGraph) -> Entry? {
        other.localSkill(skills[Int(goal.skill)]).map { Entry(skill: $0, level: goal.level) }
    }
}
