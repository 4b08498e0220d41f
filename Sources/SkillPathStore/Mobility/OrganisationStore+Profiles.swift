public import SkillPathCore

/// Someone who could move: who they are and what the planner needs of them.
public struct PersonProfile: Sendable {
    public var id: String
    public var name: String
    public var role: String
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
        var (people, skillNumbers) = try readProfiles(
            inSubtreeOf: root, withAspirationsOnly: withAspirationsOnly, numbering: catalog.map(ProfileNumbers.skillNumbering)
        ) { skill, level, selfRated, day in
            evidence?.level(skill: skill, level: level, selfRated: selfRated, day: day) ?? level
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
    private func readProfiles(
        inSubtreeOf root: String?, withAspirationsOnly: Bool, numbering: ((String) -> Int32?)?,
        level: (_ skill: String, _ level: Int, _ selfRated: Bool, _ day: Int) -> Int
    ) throws -> (people: [PersonProfile], skillNumbers: [[Int32?]]) {
        try read { connection in
            var scope = SubtreeScope(root: root)
            if withAspirationsOnly { scope.also = "IN (SELECT employee FROM aspirations)" }
            var people = try connection.prepare("""
                \(scope.with) SELECT id, name, role FROM employees WHERE left_on IS NULL \(scope.filter("id")) ORDER BY id
                """).bind(scope.bind).rows { PersonProfile(id: $0.text(0), name: $0.text(1), role: $0.text(2), profile: Profile(role: $0.text(2)), numbers: nil) }
            var skillNumbers = [[Int32?]](repeating: [], count: numbering == nil ? 0 : people.count)
            var position = 0
            /// The person `employee` names, moving forward through `people`. Both lists are in SQLite's id
            /// order, which is by UTF-8 bytes, so the comparison is too (String's `<` is by Unicode rules).
            func seek(_ employee: String) -> Int? {
                while position < people.count, people[position].id.utf8.lexicographicallyPrecedes(employee.utf8) { position += 1 }
                return position < people.count && people[position].id.utf8.elementsEqual(employee.utf8) ? position : nil
            }
            // Streamed row by row into the people: a large organisation has millions of skill rows.
            let skills = try connection.prepare("""
                \(scope.with) SELECT employee, skill, level, source = 'self', set_at
                FROM skill_evidence WHERE 1 = 1 \(scope.filter("employee")) ORDER BY employee, skill
                """).bind(scope.bind)
            // Rows come grouped by employee: the previous row's person is found again by comparing bytes,
            // the few distinct skill ids are built once each, and each person's skills are collected in one
            // reused buffer and stored at their exact size (50,000 arrays grown by doubling cost twice the memory).
            var last: (employee: String, person: Int?)?
            var skillIDs = TextInterner()
            var collected: [SkillLevel] = []
            var collectedNumbers: [Int32?] = []
            func store() {
                if let person = last?.person {
                    var exact: [SkillLevel] = []
                    exact.reserveCapacity(collected.count)
                    exact.append(contentsOf: collected)
                    people[person].profile.skills = exact
                    if numbering != nil {
                        var exactNumbers: [Int32?] = []
                        exactNumbers.reserveCapacity(collectedNumbers.count)
                        exactNumbers.append(contentsOf: collectedNumbers)
                        skillNumbers[person] = exactNumbers
                    }
                }
                collected.removeAll(keepingCapacity: true)
                collectedNumbers.removeAll(keepingCapacity: true)
            }
            while try skills.step() {
                if last.map({ !skills.text(0, equals: $0.employee) }) ?? true {
                    store()
                    let employee = skills.text(0)
                    last = (employee, seek(employee))
                }
                guard last?.person != nil else { continue }
                var (skill, number): (String, Int32?)
                if let numbering {
                    (skill, number) = skills.text(1, interning: &skillIDs, numbering: numbering)
                } else {
                    (skill, number) = (skills.text(1, interning: &skillIDs), nil)
                }
                let counted = level(skill, skills.int(2), skills.int(3) != 0, skills.dayNumber(4) ?? Int(Int32.max))
                // A skill's pieces of evidence come together: its level is the best any of them counts for.
                if let previous = collected.last, previous.skill == skill {
                    collected[collected.count - 1].level = max(previous.level, counted)
                } else {
                    collected.append(SkillLevel(skill: skill, level: counted))
                    collectedNumbers.append(number)
                }
            }
            store()
            position = 0
            for (employee, course) in try connection.prepare("\(scope.with) SELECT employee, course FROM completions WHERE 1 = 1 \(scope.filter("employee")) ORDER BY employee")
                .bind(scope.bind).rows({ ($0.text(0), $0.text(1)) }) {
                if let person = seek(employee) { people[person].profile.completed.append(course) }
            }
            return (people, skillNumbers)
        }
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
