import Locking

/// For one role: which courses could close which of its essential requirements, reduced to what a lower
/// bound on plan hours needs. Built once per role and catalog (`RoleCoverCache`), then used for every
/// profile ranked against the role.
///
/// The bound is the fractional set-cover bound: share each course's hours evenly among the unmet
/// requirements it could close; any plan pays at least, for each unmet requirement, the cheapest such share.
/// It ignores prerequisites and everything else a plan must also pay for, so it never exceeds the hours of
/// any plan (admissible), which is what lets ranking skip planning most candidates.
struct RoleCover: Sendable {
    struct Requirement: Sendable {
        var skill: Int32
        var level: UInt8
    }

    /// One way to meet a requirement: the cheapest course (in hours, hundredths) among those covering
    /// exactly `covers` of the role's requirements.
    struct Option: Sendable {
        var hours: Int64
        var covers: UInt64
    }

    let requirements: [Requirement]
    /// Per requirement, its options; empty when no course can bring the skill to the level.
    let options: [[Option]]
    /// Requirements past the 64th (masks hold 64): bounded by their cheapest provider shared among all
    /// unmet requirements, which stays admissible.
    let overflowCheapest: [Int64?]

    init(role: Int32, index: CatalogIndex) {
        let all = index.roleRequirements[role].filter(\.essential).map { Requirement(skill: $0.skill, level: $0.level) }
        requirements = all
        let masked = all.prefix(64)
        var bySkill: [Int32: [(position: Int, level: UInt8)]] = [:]
        for (position, requirement) in masked.enumerated() { bySkill[requirement.skill, default: []].append((position, requirement.level)) }
        func mask(of course: Int32) -> UInt64 {
            var bits: UInt64 = 0
            for entry in index.teaches[course] {
                for target in bySkill[entry.skill] ?? [] where entry.level >= target.level { bits |= 1 << UInt64(target.position) }
            }
            return bits
        }
        options = masked.map { requirement in
            var cheapest: [UInt64: Int64] = [:]
            for teacher in index.teachers[requirement.skill] {
                guard teacher.level >= requirement.level else { break }
                guard teacher.canProvide(requirement.level) else { continue }
                let covers = mask(of: teacher.course)
                let hours = index.hours[Int(teacher.course)]
                if hours < cheapest[covers] ?? .max { cheapest[covers] = hours }
            }
            return cheapest.map { Option(hours: $0.value, covers: $0.key) }.sorted { $0.hours != $1.hours ? $0.hours < $1.hours : $0.covers < $1.covers }
        }
        overflowCheapest = all.dropFirst(64).map { requirement in
            index.teachers[requirement.skill].lazy.filter { $0.canProvide(requirement.level) }.map { index.hours[Int($0.course)] }.min()
        }
    }

    /// What a profile lacks for the role, and the bound on the hours of closing it.
    struct Estimate: Sendable {
        /// Unmet essential requirements (positions in `requirements`).
        var unmet: [Int]
        /// Unmet requirements no course can close on its own terms: a plan will leave them unmet.
        var unclosable: Int
        /// Lower bound on plan hours, in hundredths, over the closable requirements.
        var lowerBound: Double
    }

    func estimate(level: (Int32) -> UInt8) -> Estimate {
        var unmet: [Int] = []
        var mask: UInt64 = 0
        for (position, requirement) in requirements.enumerated() where level(requirement.skill) < requirement.level {
            unmet.append(position)
            if position < 64 { mask |= 1 << UInt64(position) }
        }
        let count = Double(max(1, unmet.count))
        var bound = 0.0
        var unclosable = 0
        for position in unmet {
            if position >= 64 {
                if let cheapest = overflowCheapest[position - 64] { bound += Double(cheapest) / count } else { unclosable += 1 }
                continue
            }
            var best = Double.infinity
            for option in options[position] {
                // Options are sorted by hours: once the whole hours cannot beat the best share, stop.
                if Double(option.hours) / count >= best { break }
                let shared = Double(option.hours) / Double(max(1, (option.covers & mask).nonzeroBitCount))
                best = min(best, shared)
            }
            if best.isFinite { bound += best } else { unclosable += 1 }
        }
        return Estimate(unmet: unmet, unclosable: unclosable, lowerBound: bound)
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
