public import SkillPathCore

/// Someone who could move: who they are and what the planner needs of them.
public struct PersonProfile: Sendable {
    public var id: String
    public var name: String
    public var role: String
    /// Their manager's id, when they have one.
    public var manager: String?
    public var profile: Profile
    /// The profile resolved to the catalog's numbers when read `numberedBy` a catalog (then nil is a profile
    /// the planner refuses); nil otherwise.
    public var numbers: ProfileNumbers?
}

extension OrganisationStore {
    /// Every employee who has not left, with their skill levels and completed courses: all of them, or the
    /// subtree of `root` (root included). For rankings over the whole organisation: three queries in id
    /// order (the tables' primary keys), merged as they stream, reading only the columns a plan needs.
    /// Levels are the ones that count (`evidence`, the one rule): each piece of evidence is read with whether
    /// it is self-rated and its day as days since 1970 (read from the row's bytes so that no timestamp text is
    /// built per row; an unreadable date reads as the far future, so it never fades), a skill's level is the
    /// best its pieces count for, and a completion teaching more than the evidence supports is left out, as
    /// plans leave it out.
    /// Without `evidence`, stored levels count as they are.
    ///
    /// `withAspirationsOnly` reads only the people who said what they want (`aspirations`): the aspiration
    /// picture plans no one else, and most people have said nothing.
    ///
    /// `numberedBy`: also resolve each profile to that catalog's numbers (`PersonProfile.numbers`), each
    /// distinct skill id once for the whole read, for rankings that would otherwise look every id up per person.
    public func currentProfiles(
        inSubtreeOf root: String?, evidence: SkillEvidence? = nil, withAspirationsOnly: Bool = false, numberedBy catalog: Catalog? = nil
    ) throws -> [PersonProfile] {
        var memo = evidence.map(SkillEvidence.Memo.init)
        var (people, skillNumbers) = try readProfiles(
            inSubtreeOf: root, withAspirationsOnly: withAspirationsOnly, numbering: catalog.map(ProfileNumbers.skillNumbering)
        ) { skill, level, selfRated, day in
            memo?.level(skill: skill, level: level, selfRated: selfRated, day: day) ?? level
        }
        if let evidence {
            for position in people.indices where !people[position].profile.completed.isEmpty {
                let levels = Dictionary(people[position].profile.skills.map { ($0.skill, $0.level) }, uniquingKeysWith: max)
                people[position].profile.completed = evidence.completions(people[position].profile.completed, levels: levels)
            }
        }
        if let catalog {
            for position in people.indices {
                let profile = people[position].profile
                let resolved = zip(skillNumbers[position], profile.skills).map { (number: $0, level: $1.level) }
                people[position].numbers = ProfileNumbers(resolved: resolved, completed: profile.completed, catalog: catalog)
            }
        }
        return people
    }

    /// The people and, with `numbering`, each one's skill numbers in the order of their profile's skills.
    /// Their evidence comes from the profile cache, read from the database only for those it lacks
    /// (`cachedEvidence`); `level` then counts each piece as of today.
    private func readProfiles(
        inSubtreeOf root: String?, withAspirationsOnly: Bool, numbering: ((String) -> Int32?)?,
        level: (_ skill: String, _ level: Int, _ selfRated: Bool, _ day: Int) -> Int
    ) throws -> (people: [PersonProfile], skillNumbers: [[Int32?]]) {
        let stored = try readPeopleAndEvidence(inSubtreeOf: root, withAspirationsOnly: withAspirationsOnly)
        var people = stored.people
        let (entries, texts) = (stored.entries, stored.texts)
        // Each text's number in the catalog, asked once per read.
        var numbers: [Int32??] = numbering == nil ? [] : Array(repeating: nil, count: texts.count)
        func number(_ position: Int32) -> Int32? {
            guard let numbering, numbers.indices.contains(Int(position)) else { return nil }
            if let known = numbers[Int(position)] { return known }
            let found = numbering(texts[Int(position)])
            numbers[Int(position)] = .some(found)
            return found
        }
        var skillNumbers = [[Int32?]](repeating: [], count: numbering == nil ? 0 : people.count)
        for (person, entry) in zip(people.indices, entries) {
            var skills: [SkillLevel] = []
            var resolved: [Int32?] = []
            skills.reserveCapacity(entry.pieces.count)
            resolved.reserveCapacity(numbering == nil ? 0 : entry.pieces.count)
            var previous: Int32?
            for piece in entry.pieces where texts.indices.contains(Int(piece.skill)) {
                let counted = level(texts[Int(piece.skill)], Int(piece.level), piece.selfRated, Int(piece.day))
                // A skill's pieces of evidence come together: its level is the best any of them counts for.
                if previous == piece.skill, let last = skills.indices.last {
                    skills[last].level = max(skills[last].level, counted)
                } else {
                    skills.append(SkillLevel(skill: texts[Int(piece.skill)], level: counted))
                    if numbering != nil { resolved.append(number(piece.skill)) }
                }
                previous = piece.skill
            }
            people[person].profile.skills = skills
            people[person].profile.completed = entry.completed.compactMap { texts.indices.contains(Int($0)) ? texts[Int($0)] : nil }
            if numbering != nil { skillNumbers[person] = resolved }
        }
        return (people, skillNumbers)
    }

    /// Current employees (all, or `root`'s subtree) with their stored evidence and completions as the profile
    /// cache holds them, and the texts the entries' positions name.
    private func readPeopleAndEvidence(
        inSubtreeOf root: String?, withAspirationsOnly: Bool = false
    ) throws -> (people: [PersonProfile], entries: [ProfileCache.Entry], texts: [String]) {
        let cache = connections.profiles
        let fill = cache.beginFill()
        defer { cache.endFill(fill) }
        var scope = SubtreeScope(root: root)
        if withAspirationsOnly { scope.also = "IN (SELECT employee FROM aspirations)" }
        let people = try read { connection in
            try connection.prepare("""
                \(scope.with) SELECT id, name, role, manager FROM employees WHERE left_on IS NULL \(scope.filter("id")) ORDER BY id
                """).bind(scope.bind).rows {
                    PersonProfile(id: $0.text(0), name: $0.text(1), role: $0.text(2), manager: $0.optionalText(3), profile: Profile(role: $0.text(2)), numbers: nil)
                }
        }
        let entries = try cachedEvidence(of: people.map(\.id), scope: scope, fill: fill).entries
        return (people, entries, cache.texts)
    }

    /// Every current employee (all, or `root`'s subtree) with their levels that count (`evidence`) above 0,
    /// by `catalog`'s skill number, and nothing else: what the skill picture needs, without the skill ids,
    /// completed courses and plan numbers `currentProfiles` builds for each of a million people. Skills the
    /// catalog does not know are left out. `people[n].profile` holds only the role.
    public func currentLevels(
        inSubtreeOf root: String?, evidence: SkillEvidence, numberedBy catalog: Catalog
    ) throws -> (people: [PersonProfile], levels: [[(skill: Int32, level: Int)]]) {
        let (people, entries, texts) = try readPeopleAndEvidence(inSubtreeOf: root)
        let numbering = ProfileNumbers.skillNumbering(catalog)
        var numbers: [Int32??] = Array(repeating: nil, count: texts.count)
        var levels = [[(skill: Int32, level: Int)]](repeating: [], count: people.count)
        var memo = SkillEvidence.Memo(evidence)
        for (person, entry) in entries.enumerated() {
            var held: [(skill: Int32, level: Int)] = []
            entry.eachSkill(texts: texts, memo: &memo) { position, level in
                if numbers[position] == nil { numbers[position] = .some(numbering(texts[position])) }
                if let number = numbers[position] ?? nil, level > 0 { held.append((number, level)) }
            }
            levels[person] = held
        }
        return (people, levels)
    }
}

extension OrganisationStore {
    /// Every current employee (all, or `root`'s subtree) as a ranking needs them, and nothing more: who they
    /// are, and their profile in `catalog`'s numbers (`PersonProfile.numbers`: the levels that count by
    /// `evidence`, the completions that evidence supports), built straight from the profile cache's entries.
    /// `currentProfiles(numberedBy:)` gives the same numbers, but builds each of a million people's skills
    /// as strings first, then drops them; here `people[n].profile` holds only the role. A person whose
    /// numbers are nil has a level the planner would refuse.
    public func currentNumbers(inSubtreeOf root: String?, evidence: SkillEvidence, numberedBy catalog: Catalog) throws -> [PersonProfile] {
        var (people, entries, texts) = try readPeopleAndEvidence(inSubtreeOf: root)
        let (skillNumbering, courseNumbering) = (ProfileNumbers.skillNumbering(catalog), ProfileNumbers.courseNumbering(catalog))
        // Each text's number as a skill and as a course, asked once per read.
        var skillNumbers: [Int32??] = Array(repeating: nil, count: texts.count)
        var courseNumbers: [Int32??] = Array(repeating: nil, count: texts.count)
        var memo = SkillEvidence.Memo(evidence)
        var held: [(skill: Int32, level: Int)] = []
        for (person, entry) in entries.enumerated() {
            held.removeAll(keepingCapacity: true)
            var refused = false
            entry.eachSkill(texts: texts, memo: &memo) { position, level in
                if !SkillLevel.profileLevels.contains(level) { refused = true }
                if skillNumbers[position] == nil { skillNumbers[position] = .some(skillNumbering(texts[position])) }
                if let number = skillNumbers[position] ?? nil { held.append((number, level)) }
            }
            var completed: [Int32] = []
            for course in entry.completed where texts.indices.contains(Int(course)) {
                let position = Int(course)
                if courseNumbers[position] == nil { courseNumbers[position] = .some(courseNumbering(texts[position])) }
                if let number = courseNumbers[position] ?? nil { completed.append(number) }
            }
            people[person].numbers = ProfileNumbers(held: held, completed: completed, refused: refused, catalog: catalog)
        }
        return people
    }
}

extension OrganisationStore {
    /// The weekly hours each of these employees prefers, for those who set one: rankings date the few people
    /// they list at each one's own pace.
    public func preferredHoursPerWeek(of employees: [String]) throws(StoreError) -> [String: Quantity] {
        try read { connection in
            var hours: [String: Quantity] = [:]
            for employee in employees {
                // Prepared once and reset by each `prepare`.
                let statement = try connection.prepare("SELECT preferences FROM employees WHERE id = ?1").bind(.text(employee))
                if try statement.step(), let preferred = Self.preferences(statement.optionalText(0)).hoursPerWeek { hours[employee] = preferred }
            }
            return hours
        }
    }
}

extension ProfileCache.Entry {
    /// Each skill of the entry once, as its position in `texts`, with the level it counts for: a skill's
    /// pieces come together, and its level is the best any of them counts for (`memo`).
    func eachSkill(texts: [String], memo: inout SkillEvidence.Memo, _ body: (_ position: Int, _ level: Int) -> Void) {
        var current: (position: Int, level: Int)?
        for piece in pieces where texts.indices.contains(Int(piece.skill)) {
            let position = Int(piece.skill)
            let counted = memo.level(skill: texts[position], level: Int(piece.level), selfRated: piece.selfRated, day: Int(piece.day))
            if let skill = current, skill.position == position {
                current?.level = max(skill.level, counted)
                continue
            }
            if let skill = current { body(skill.position, skill.level) }
            current = (position, counted)
        }
        if let skill = current { body(skill.position, skill.level) }
    }
}
