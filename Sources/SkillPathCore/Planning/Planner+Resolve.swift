extension Planner {
    /// Checks a profile, target and options against the catalog and turns them into catalog numbers.
    ///
    /// Strict by default: an unknown skill or course in the profile is an error naming it. Lenient resolution
    /// (`strict: false`) skips unknown ids instead, for stored profiles that outlive a catalog change.
    func resolve(profile: Profile, targetRole: String, options: PlanOptions, strict: Bool) throws(PlanningError) -> PlanningProblem {
        let index = catalog.index
        guard let target = index.roleNumbers[targetRole] else {
            throw unknown(.unknownRole, field: "targetRole", id: targetRole, kind: "role", among: catalog.roles.lazy.map(\.id))
        }
        var current: Int32?
        if let role = profile.role {
            guard let number = index.roleNumbers[role] else {
                throw unknown(.unknownRole, field: "profile.role", id: role, kind: "role", among: catalog.roles.lazy.map(\.id))
            }
            current = number
        }
        if options.keepCurrentRole && current == nil {
            throw PlanningError(.noCurrentRole, field: "options.keepCurrentRole", "needs the profile's current role ('role')")
        }

        let (levels, done) = try startingState(of: profile, strict: strict)
        let filter = try makeFilter(options: options, done: done)
        try checkSchedule(options)
        let goals = PlanningProblem.goals(index: index, target: target, current: current, options: options, levels: levels)
        var problem = PlanningProblem(levels: levels, filter: filter, target: target, current: current, goals: goals)
        if options.preferredFormats != nil || options.preferredLanguages != nil {
            problem.preference = CoursePreference(index: index, formats: options.preferredFormats, languages: options.preferredLanguages)
        }
        return problem
    }

    /// The profile's skill levels and completed courses in catalog numbers. A completed course counts for
    /// what it teaches, even if the profile's levels lag behind.
    func startingState(of profile: Profile, strict: Bool) throws(PlanningError) -> (levels: [Int32: UInt8], done: Set<Int32>) {
        let index = catalog.index
        var levels: [Int32: UInt8] = [:]
        levels.reserveCapacity(profile.skills.count)
        for (position, entry) in profile.skills.enumerated() {
            guard SkillLevel.profileLevels.contains(entry.level) else {
                throw PlanningError(.invalidProfile, field: "profile.skills[\(position)].level", "must be between 0 and 5, got \(entry.level)")
            }
            guard let skill = index.skillNumbers[entry.skill] else {
                if strict {
                    throw unknown(.unknownSkill, field: "profile.skills[\(position)].skill", id: entry.skill, kind: "skill", among: catalog.skills.lazy.map(\.id))
                }
                continue
            }
            if entry.level > 0 { levels[skill] = max(levels[skill] ?? 0, UInt8(entry.level)) }
        }
        var done = Set<Int32>()
        for (position, id) in profile.completed.enumerated() {
            guard let course = index.courseNumbers[id] else {
                if strict {
                    throw unknown(.unknownCourse, field: "profile.completed[\(position)]", id: id, kind: "course", among: catalog.courses.lazy.map(\.id))
                }
                continue
            }
            done.insert(course)
        }
        for course in done {
            for entry in index.teaches[course] where (levels[entry.skill] ?? 0) < entry.level {
                levels[entry.skill] = entry.level
            }
        }
        return (levels, done)
    }

    func makeFilter(options: PlanOptions, done: Set<Int32>) throws(PlanningError) -> CourseFilter {
        let index = catalog.index
        var excluded = Set<Int32>()
        for id in options.exclude.sorted(by: Text.precedes) {
            guard let course = index.courseNumbers[id] else {
                throw unknown(.unknownCourse, field: "options.exclude", id: id, kind: "course", among: catalog.courses.lazy.map(\.id))
            }
            excluded.insert(course)
        }
        return CourseFilter(
            index: index, done: done, excluded: excluded,
            formats: try attributeSet(options.formats, known: index.formats, field: "options.formats", noun: "format"),
            languages: try attributeSet(options.languages, known: index.languages, field: "options.languages", noun: "language"),
            providers: try attributeSet(options.providers, known: index.providers, field: "options.providers", noun: "provider"))
    }

    /// Maps allowed values to their numbers. Values no course has are ignored (a front-end may send one list
    /// to many catalogs), unless none of the values exists: then nothing would be allowed, which is surely a
    /// mistake worth naming.
    func attributeSet(_ values: Set<String>?, known: [String], field: String, noun: String) throws(PlanningError) -> Set<Int32>? {
        guard let values else { return nil }
        let numbers = Set(values.compactMap { value in known.firstIndex(of: value).map(Int32.init) })
        if numbers.isEmpty, let value = values.sorted(by: Text.precedes).first {
            let hint = Text.suggestion(for: value, among: known).map { " (did you mean '\($0)'?)" } ?? ""
            let list = known.count <= 12 ? "; the catalog has: \(known.joined(separator: ", "))" : ""
            throw PlanningError(.invalidOption, field: field, id: value, "no course has \(noun) '\(value)'\(hint)\(list)")
        }
        return numbers
    }

    func checkSchedule(_ options: PlanOptions) throws(PlanningError) {
        try options.validate()
    }

    func unknown(_ kind: PlanningError.Kind, field: String, id: String, kind noun: String, among ids: some Sequence<String>) -> PlanningError {
        let hint = Text.suggestion(for: id, among: ids).map { " (did you mean '\($0)'?)" } ?? ""
        return PlanningError(kind, field: field, id: id, "unknown \(noun) '\(id)'\(hint)")
    }
}
