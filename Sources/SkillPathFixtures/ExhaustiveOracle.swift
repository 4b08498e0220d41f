public import SkillPathCore

/// An independent, brute-force planner for tiny catalogs: tries every subset of the allowed courses.
/// It shares no code with the planner, so agreement between the two means something. Used by the tests and
/// by `skillpath-bench quality`.
public struct ExhaustiveOracle {
    public let catalog: Catalog
    public let profile: Profile
    public let target: String
    public let options: PlanOptions

    public init(catalog: Catalog, profile: Profile, target: String, options: PlanOptions) {
        self.catalog = catalog
        self.profile = profile
        self.target = target
        self.options = options
    }

    public struct Answer: Sendable {
        public var reachable: Set<String>
        public var unreachable: Set<String>
        public var bestKey: Key?
    }

    public struct Key: Comparable, CustomStringConvertible, Sendable {
        /// Hours of courses outside the preferred formats and languages: fewest first (0 without preferences).
        public var outsideHours: Int64
        public var primary: Int64
        public var secondary: Int64
        public var count: Int
        public var ids: [String]

        public static func < (lhs: Key, rhs: Key) -> Bool {
            if lhs.outsideHours != rhs.outsideHours { return lhs.outsideHours < rhs.outsideHours }
            if lhs.primary != rhs.primary { return lhs.primary < rhs.primary }
            if lhs.secondary != rhs.secondary { return lhs.secondary < rhs.secondary }
            if lhs.count != rhs.count { return lhs.count < rhs.count }
            return lhs.ids.lexicographicallyPrecedes(rhs.ids, by: { $0.utf8.lexicographicallyPrecedes($1.utf8) })
        }

        public var description: String { "\(outsideHours)/\(primary)/\(secondary)/\(count) \(ids)" }
    }

    public func key(_ courses: [Course]) -> Key {
        let hours = courses.reduce(Int64(0)) { $0 + $1.hours.hundredths }
        let cost = courses.reduce(Int64(0)) { $0 + $1.cost.hundredths }
        let ids = courses.map(\.id).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        let outside = courses.filter { !preferred($0) }.reduce(Int64(0)) { $0 + $1.hours.hundredths }
        return options.objective == .hours
            ? Key(outsideHours: outside, primary: hours, secondary: cost, count: courses.count, ids: ids)
            : Key(outsideHours: outside, primary: cost, secondary: hours, count: courses.count, ids: ids)
    }

    /// Whether the course is in the preferred formats and languages. A preferred list naming no value any
    /// course has prefers nothing, and is ignored.
    public func preferred(_ course: Course) -> Bool {
        func known(_ values: Set<String>?, _ attribute: (Course) -> String) -> Set<String>? {
            guard let values, catalog.courses.contains(where: { values.contains(attribute($0)) }) else { return nil }
            return values
        }
        if let formats = known(options.preferredFormats, \.format), !formats.contains(course.format) { return false }
        if let languages = known(options.preferredLanguages, \.language), !languages.contains(course.language) { return false }
        return true
    }

    var startLevels: [String: Int] {
        var levels: [String: Int] = [:]
        for entry in profile.skills { levels[entry.skill] = max(levels[entry.skill] ?? 0, entry.level) }
        for id in profile.completed {
            for entry in catalog.course(id)?.teaches ?? [] { levels[entry.skill] = max(levels[entry.skill] ?? 0, entry.level) }
        }
        return levels
    }

    /// Skill → level the plan must reach.
    var goals: [String: Int] {
        let levels = startLevels
        var goals: [String: Int] = [:]
        var roles = [target]
        if options.keepCurrentRole, let current = profile.role { roles.append(current) }
        for role in roles {
            for requirement in catalog.role(role)?.requires ?? [] where requirement.importance == .essential || options.includeOptional {
                if (levels[requirement.skill] ?? 0) < requirement.level {
                    goals[requirement.skill] = max(goals[requirement.skill] ?? 0, requirement.level)
                }
            }
        }
        return goals
    }

    public func allowed(_ course: Course) -> Bool {
        if profile.completed.contains(course.id) || options.exclude.contains(course.id) { return false }
        if let formats = options.formats, !formats.contains(course.format) { return false }
        if let languages = options.languages, !languages.contains(course.language) { return false }
        if let providers = options.providers, !providers.contains(course.provider ?? "") { return false }
        return true
    }

    /// Takes courses of `set` while any is takeable; returns the levels reached and whether all were taken.
    func closure(_ set: [Course]) -> (levels: [String: Int], all: Bool) {
        var levels = startLevels
        var done = Set(profile.completed)
        var remaining = set
        var progress = true
        while progress {
            progress = false
            for (position, course) in remaining.enumerated() {
                let ready = course.requires.allSatisfy { (levels[$0.skill] ?? 0) >= $0.level } && course.after.allSatisfy(done.contains)
                if ready {
                    for entry in course.teaches { levels[entry.skill] = max(levels[entry.skill] ?? 0, entry.level) }
                    done.insert(course.id)
                    remaining.remove(at: position)
                    progress = true
                    break
                }
            }
        }
        return (levels, remaining.isEmpty)
    }

    public func solve() -> Answer {
        let candidates = catalog.courses.filter(allowed)
        let everything = closure(candidates).levels
        let goals = goals
        let reachable = Set(goals.filter { (everything[$0.key] ?? 0) >= $0.value }.keys)
        let unreachable = Set(goals.keys).subtracting(reachable)
        var best: Key?
        for mask in 0..<(1 << candidates.count) {
            let subset = candidates.indices.filter { mask & (1 << $0) != 0 }.map { candidates[$0] }
            let result = closure(subset)
            guard result.all, reachable.allSatisfy({ (result.levels[$0] ?? 0) >= (goals[$0] ?? 0) }) else { continue }
            if let maxCost = options.maxCost, subset.reduce(Quantity.zero, { $0 + $1.cost }) > maxCost { continue }
            let candidate = key(subset)
            if best.map({ candidate < $0 }) ?? true { best = candidate }
        }
        return Answer(reachable: reachable, unreachable: unreachable, bestKey: best)
    }
}
