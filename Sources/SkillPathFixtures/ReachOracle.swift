public import SkillPathCore

/// The highest level of every skill that some sequence of allowed courses reaches from a profile, computed
/// the slow, obvious way: sweep the whole catalog, taking any allowed course whose requirements hold, until a
/// sweep takes nothing. Shares no code with the planner, so tests can hold its `unmet` lists against it.
public enum ReachOracle {
    public static func levels(catalog: Catalog, profile: Profile, options: PlanOptions = PlanOptions()) -> [String: Int] {
        var levels: [String: Int] = [:]
        for entry in profile.skills { levels[entry.skill] = max(levels[entry.skill] ?? 0, entry.level) }
        var done = Set(profile.completed)
        for id in profile.completed {
            for entry in catalog.course(id)?.teaches ?? [] { levels[entry.skill] = max(levels[entry.skill] ?? 0, entry.level) }
        }
        var progress = true
        while progress {
            progress = false
            for course in catalog.courses where !done.contains(course.id) && allowed(course, options) {
                guard course.requires.allSatisfy({ (levels[$0.skill] ?? 0) >= $0.level }), course.after.allSatisfy(done.contains) else { continue }
                done.insert(course.id)
                for entry in course.teaches { levels[entry.skill] = max(levels[entry.skill] ?? 0, entry.level) }
                progress = true
            }
        }
        return levels
    }

    /// The gap of a plan as the contract defines it: skill id → level the target (and, with
    /// `keepCurrentRole`, the current role) needs above the profile's starting level.
    public static func gap(catalog: Catalog, profile: Profile, target: String, options: PlanOptions = PlanOptions()) -> [String: Int] {
        let start = levels(catalog: catalog, profile: profile, options: PlanOptions(excludingEverything: catalog))
        var goals: [String: Int] = [:]
        var roles = [target]
        if options.keepCurrentRole, let current = profile.role, current != target { roles.append(current) }
        for role in roles.compactMap(catalog.role) {
            for requirement in role.requires where requirement.importance == .essential || options.includeOptional {
                if (start[requirement.skill] ?? 0) < requirement.level {
                    goals[requirement.skill] = max(goals[requirement.skill] ?? 0, requirement.level)
                }
            }
        }
        return goals
    }

    static func allowed(_ course: Course, _ options: PlanOptions) -> Bool {
        if options.exclude.contains(course.id) { return false }
        if let formats = options.formats, !formats.contains(course.format) { return false }
        if let languages = options.languages, !languages.contains(course.language) { return false }
        if let providers = options.providers, !providers.contains(course.provider ?? "") { return false }
        return true
    }
}

extension PlanOptions {
    /// Options that allow no course at all: the oracle's way of reading a profile's starting levels.
    init(excludingEverything catalog: Catalog) {
        self.init()
        exclude = Set(catalog.courses.map(\.id))
    }
}
