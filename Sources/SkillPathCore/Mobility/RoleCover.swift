import Locking

/// For one role: which courses could close which of its essential requirements, and which other skill
/// levels any plan must reach on the way, reduced to what a lower bound on plan hours needs. Built once per
/// role and catalog (`RoleCoverCache`), then used for every profile ranked against the role.
///
/// The bound is the fractional set-cover bound over **necessary nodes**: the role's unmet requirements, and
/// their landmarks — a skill level that every course able to close a needed node requires first (so any
/// plan reaches it too, unless the profile holds it already). Each course's hours are shared evenly among
/// the needed nodes it could close; any plan pays at least, for each needed node, the cheapest such share.
/// It ignores everything else a plan pays for, so it never exceeds the hours of a plan that closes the
/// whole gap (admissible), which is what lets ranking skip planning most candidates. Landmarks matter where
/// prerequisites reach far (a catalog whose courses require skills from across the catalog): there, the
/// role's own requirements are a small part of any plan.
struct RoleCover: Sendable {
    struct Requirement: Sendable {
        var skill: Int32
        var level: UInt8
    }

    /// One way to close a node: the cheapest course (in hours, hundredths) among those covering exactly
    /// `covers` of the nodes.
    struct Option: Sendable {
        var hours: Int64
        var covers: UInt64
    }

    /// The role's essential requirements first (`goalCount` of them), then landmarks, at most 64 in all
    /// (masks hold 64); further landmarks are left out, which only lowers the bound.
    let requirements: [Requirement]
    let goalCount: Int
    /// Per goal node, the first goal node of the same skill (itself, unless a role lists a skill twice).
    let firstOfSkill: [Int]
    /// Per node, the landmarks it leads to (positions in `requirements`).
    let landmarks: [[Int]]
    /// Per node, its options; empty when no course can bring the skill to the level.
    let options: [[Option]]
    /// Requirements past the 64th, each with its cheapest provider: bounded by that shared among all needed
    /// nodes, which stays admissible.
    let overflow: [(requirement: Requirement, cheapest: Int64?)]

    init(role: Int32, index: CatalogIndex) {
        let all = index.roleRequirements[role].filter(\.essential).map { Requirement(skill: $0.skill, level: $0.level) }
        var nodes = Array(all.prefix(64))
        goalCount = nodes.count
        firstOfSkill = nodes.indices.map { position in nodes.firstIndex { $0.skill == nodes[position].skill } ?? position }
        var position: [Int64: Int] = [:]
        func key(_ node: Requirement) -> Int64 { Int64(node.skill) << 8 | Int64(node.level) }
        for (number, node) in nodes.enumerated() where position[key(node)] == nil { position[key(node)] = number }
        func teachers(of node: Requirement) -> [CatalogIndex.Teacher] {
            index.teachers[node.skill].filter { $0.canProvide(node.level) }
        }
        // Breadth first from the requirements: a node's landmarks are the skill levels all its teachers
        // require (at the lowest level any of them asks).
        var landmarks: [[Int]] = []
        var next = 0
        while next < nodes.count {
            let node = nodes[next]
            var shared: [Int32: UInt8]?
            for teacher in teachers(of: node) {
                var needs: [Int32: UInt8] = [:]
                for entry in index.requires[teacher.course] { needs[entry.skill] = max(needs[entry.skill] ?? 0, entry.level) }
                if let known = shared {
                    var kept: [Int32: UInt8] = [:]
                    for (skill, level) in known { if let other = needs[skill] { kept[skill] = min(level, other) } }
                    shared = kept
                } else {
                    shared = needs
                }
                if shared?.isEmpty == true { break }
            }
            var children: [Int] = []
            for (skill, level) in (shared ?? [:]).sorted(by: { $0.key < $1.key }) where level > 0 {
                let landmark = Requirement(skill: skill, level: level)
                if let known = position[key(landmark)] {
                    children.append(known)
                } else if nodes.count < 64 {
                    position[key(landmark)] = nodes.count
                    children.append(nodes.count)
                    nodes.append(landmark)
                }
            }
            landmarks.append(children)
            next += 1
        }
        requirements = nodes
        self.landmarks = landmarks
        var bySkill: [Int32: [(position: Int, level: UInt8)]] = [:]
        for (number, node) in nodes.enumerated() { bySkill[node.skill, default: []].append((number, node.level)) }
        func mask(of course: Int32) -> UInt64 {
            var bits: UInt64 = 0
            for entry in index.teaches[course] {
                for target in bySkill[entry.skill] ?? [] where entry.level >= target.level { bits |= 1 << UInt64(target.position) }
            }
            return bits
        }
        options = nodes.map { node in
            var cheapest: [UInt64: Int64] = [:]
            for teacher in teachers(of: node) {
                let covers = mask(of: teacher.course)
                let hours = index.hours[Int(teacher.course)]
                if hours < cheapest[covers] ?? .max { cheapest[covers] = hours }
            }
            return cheapest.map { Option(hours: $0.value, covers: $0.key) }.sorted { $0.hours != $1.hours ? $0.hours < $1.hours : $0.covers < $1.covers }
        }
        overflow = all.dropFirst(64).map { requirement in
            (requirement, index.teachers[requirement.skill].lazy.filter { $0.canProvide(requirement.level) }.map { index.hours[Int($0.course)] }.min())
        }
        unclosable = options.allSatisfy(\.isEmpty) && overflow.allSatisfy { $0.cheapest == nil }
    }

    /// Whether no course can close any of the role's requirements (a taxonomy without courses, such as
    /// O*NET's or ESCO's): then an estimate only counts what a profile misses.
    let unclosable: Bool

    /// Whether some course can be what first brings `skill` to `level`, for one of the role's requirements.
    func canProvide(_ skill: Int32, _ level: UInt8) -> Bool {
        if let position = requirements.prefix(goalCount).firstIndex(where: { $0.skill == skill && $0.level == level }) { return !options[position].isEmpty }
        return overflow.first { $0.requirement.skill == skill && $0.requirement.level == level }?.cheapest != nil
    }

    /// What a profile lacks for the role, and the bound on the hours of closing it.
    struct Estimate: Sendable {
        /// Needed nodes no course can close: a plan will leave some requirement unmet.
        var unclosable: Int
        /// Lower bound on the hours of a plan that closes the whole gap, in hundredths.
        var lowerBound: Double
        /// Unmet essential skills no course can bring to the level: unmet in any plan, whatever the profile's closure.
        var surelyUnmet: Int
        /// Whether every unmet essential requirement is one no course can close: then `surelyUnmet` is the
        /// exact unmet count and nothing is left for a plan to pay for (a taxonomy without courses).
        var exact: Bool
    }

    /// Allocates nothing when the role has at most 64 nodes: it runs once per person in a ranking of 50,000.
    func estimate(level: (Int32) -> UInt8) -> Estimate {
        if unclosable, overflow.isEmpty {
            // What the general case below comes to without courses, in one pass: every unmet node is
            // unclosable, every unmet skill surely unmet, and there are no landmarks and no hours.
            var needed: UInt64 = 0
            var surely: UInt64 = 0
            for position in 0..<goalCount where level(requirements[position].skill) < requirements[position].level {
                needed |= 1 << UInt64(position)
                surely |= 1 << UInt64(firstOfSkill[position])
            }
            return Estimate(unclosable: needed.nonzeroBitCount, lowerBound: 0, surelyUnmet: surely.nonzeroBitCount, exact: true)
        }
        var needed: UInt64 = 0
        // Unmet requirements no course can close, by the first goal node of their skill (so a skill counts once).
        var surely: UInt64 = 0
        var closable = false
        for position in 0..<goalCount where level(requirements[position].skill) < requirements[position].level {
            needed |= 1 << UInt64(position)
            if options[position].isEmpty { surely |= 1 << UInt64(firstOfSkill[position]) } else { closable = true }
        }
        // Landmarks count only below a needed node, and only where the profile does not hold them.
        var pending = needed
        while pending != 0 {
            let node = pending.trailingZeroBitCount
            pending &= pending - 1
            for landmark in landmarks[node] where needed & (1 << UInt64(landmark)) == 0 && level(requirements[landmark].skill) < requirements[landmark].level {
                needed |= 1 << UInt64(landmark)
                pending |= 1 << UInt64(landmark)
            }
        }
        var surelyUnmet = surely.nonzeroBitCount
        let overflowUnmet = overflow.isEmpty ? [] : overflow.filter { level($0.requirement.skill) < $0.requirement.level }
        if !overflowUnmet.isEmpty {
            var counted = Set((0..<goalCount).filter { surely & (1 << UInt64($0)) != 0 }.map { requirements[$0].skill })
            for entry in overflowUnmet {
                if entry.cheapest != nil { closable = true } else if counted.insert(entry.requirement.skill).inserted { surelyUnmet += 1 }
            }
        }
        let count = Double(max(1, needed.nonzeroBitCount + overflowUnmet.count))
        var bound = 0.0
        var unclosable = 0
        var remaining = needed
        while remaining != 0 {
            let position = remaining.trailingZeroBitCount
            remaining &= remaining - 1
            var best = Double.infinity
            for option in options[position] {
                // Options are sorted by hours: once the whole hours cannot beat the best share, stop.
                if Double(option.hours) / count >= best { break }
                best = min(best, Double(option.hours) / Double(max(1, (option.covers & needed).nonzeroBitCount)))
            }
            if best.isFinite { bound += best } else { unclosable += 1 }
        }
        for entry in overflowUnmet {
            if let cheapest = entry.cheapest { bound += Double(cheapest) / count } else { unclosable += 1 }
        }
        return Estimate(unclosable: unclosable, lowerBound: bound, surelyUnmet: surelyUnmet, exact: !closable)
    }
}

/// Role covers built on first use and kept with the catalog index.
final class RoleCoverCache: Sendable {
    private let covers = Locked<[Int32: RoleCover]>([:])

    func cover(role: Int32, index: CatalogIndex) -> RoleCover {
        if let known = covers.withLock({ $0[role] }) { return known }
        let built = RoleCover(role: role, index: index)
        covers.withLock { $0[role] = built }
        return built
    }
}
