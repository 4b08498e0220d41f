public import SkillPathCore

/// A deterministic generator of large, realistic catalogs for benchmarks and scale tests.
///
/// Skills come in domains of 100, in four tiers; each skill has a chain of courses at rising levels (each
/// needing the previous level), some alternatives at the same level in other formats, languages and prices,
/// and requirements on lower-tier skills of its domain and on a few shared foundations. Roles live in a
/// domain at a grade and need a dozen skills, mostly from their domain; promotions go up a grade, lateral
/// moves to the next domain. Requirements only ever point down the tiers or down a chain, so every
/// generated catalog validates.
public struct CatalogGenerator: Sendable {
    public var skillCount: Int
    public var courseCount: Int
    public var roleCount: Int
    public var seed: UInt64

    public init(skills: Int, courses: Int, roles: Int, seed: UInt64 = 42) {
        skillCount = max(skills, 100)
        courseCount = max(courses, skills)
        roleCount = max(roles, 1)
        self.seed = seed
    }

    public struct Output: Sendable {
        public var skills: [Skill]
        public var courses: [Course]
        public var roles: [Role]
        public var transitions: [Transition]
    }

    static let formats = ["video", "instructor-led", "reading", "hands-on", "mentoring"]
    static let languages = ["en", "en", "en", "en", "en", "en", "de", "de", "fr", "es"]
    static let providers = (1...25).map { "Provider \($0)" }

    public func generate() -> Output {
        var run = Run(generator: self)
        let skills = (0..<skillCount).map { number in
            Skill(id: run.skillID(number), name: "Skill \(number)", category: "domain-\(run.domain(number))")
        }
        run.makeChains()
        let courses = run.makeCourses()
        let roles = run.makeRoles()
        let transitions = run.makeTransitions(roles)
        return Output(skills: skills, courses: courses, roles: roles, transitions: transitions.filter { $0.from != $0.to })
    }

    /// One generation: the random sequence and what the later steps read of the earlier ones. The steps run
    /// in a fixed order, so a seed always gives the same catalog.
    struct Run {
        let generator: CatalogGenerator
        var random: SeededGenerator
        let domains: Int
        /// Each skill's chain of levels, starting at 1.
        var chains: [[Int]] = []
        /// How many courses each skill gets: one per chain level at least, the rest alternatives.
        var perSkill: [Int] = []

        init(generator: CatalogGenerator) {
            self.generator = generator
            random = SeededGenerator(seed: generator.seed)
            domains = generator.skillCount / 100
        }

        func domain(_ skill: Int) -> Int { min(skill / 100, domains - 1) }
        func tier(_ skill: Int) -> Int { (skill % 100) / 25 }
        func skillID(_ skill: Int) -> String { "sk-" + padded(skill, 5) }

        mutating func makeChains() {
            let skillCount = generator.skillCount
            chains = [[Int]](repeating: [], count: skillCount)
            for skill in 0..<skillCount {
                var levels = [1]
                for level in 2...5 where random.chance(0.45) { levels.append(level) }
                chains[skill] = levels
            }
            // Courses per skill, totalling courseCount.
            perSkill = chains.map(\.count)
            var total = perSkill.reduce(0, +)
            while total > generator.courseCount {
                let skill = random.int(in: 0...(skillCount - 1))
                if perSkill[skill] > 1 {
                    perSkill[skill] -= 1
                    chains[skill].removeLast()
                    total -= 1
                }
            }
            while total < generator.courseCount {
                perSkill[random.int(in: 0...(skillCount - 1))] += 1
                total += 1
            }
        }

        mutating func makeCourses() -> [Course] {
            var courses: [Course] = []
            courses.reserveCapacity(generator.courseCount)
            var chainCourses = [[[String]]](repeating: [], count: generator.skillCount)
            for skill in 0..<generator.skillCount {
                let chain = chains[skill]
                chainCourses[skill] = [[String]](repeating: [], count: chain.count)
                for slot in 0..<perSkill[skill] {
                    let position = slot < chain.count ? slot : random.int(in: 0...(chain.count - 1))
                    let id = "co-" + padded(courses.count, 6)
                    courses.append(makeCourse(id, number: courses.count, skill: skill, position: position, chainCourses: chainCourses))
                    chainCourses[skill][position].append(id)
                }
            }
            return courses
        }

        /// A course teaching `skill` at the chain level at `position`: requiring the level below (sometimes
        /// after a course of it), sometimes a lower-tier skill of the domain or a foundation, sometimes
        /// teaching a second skill too.
        mutating func makeCourse(_ id: String, number: Int, skill: Int, position: Int, chainCourses: [[[String]]]) -> Course {
            let level = chains[skill][position]
            var requires: [SkillLevel] = []
            var after: [String] = []
            if position > 0 && random.chance(0.85) {
                requires.append(SkillLevel(skill: skillID(skill), level: chains[skill][position - 1]))
                if random.chance(0.1), let previous = chainCourses[skill][position - 1].first { after.append(previous) }
            }
            if tier(skill) > 0 && random.chance(0.5) {
                let lower = domain(skill) * 100 + random.int(in: 0...(tier(skill) * 25 - 1))
                if lower < generator.skillCount { requires.append(SkillLevel(skill: skillID(lower), level: random.pick(chains[lower]))) }
            }
            if random.chance(0.08) {
                let foundation = random.int(in: 0...9)
                if foundation != skill && !requires.contains(where: { $0.skill == skillID(foundation) }) {
                    requires.append(SkillLevel(skill: skillID(foundation), level: 1))
                }
            }
            var teaches = [SkillLevel(skill: skillID(skill), level: level)]
            if random.chance(0.3) {
                let other = domain(skill) * 100 + random.int(in: 0...99)
                if other < generator.skillCount && other != skill && !requires.contains(where: { $0.skill == skillID(other) }) {
                    teaches.append(SkillLevel(skill: skillID(other), level: min(level, random.pick(chains[other]))))
                }
            }
            let hours = max(1, level * 4 + random.int(in: -3...6))
            let cost = random.chance(0.3) ? 0 : random.int(in: 1...100) * 20
            return Course(
                id: id, title: "Course \(number) on skill \(skill)", provider: random.pick(CatalogGenerator.providers),
                format: random.pick(CatalogGenerator.formats), hours: Quantity(hours), cost: Quantity(cost), language: random.pick(CatalogGenerator.languages),
                teaches: teaches, requires: requires, after: after)
        }

        mutating func makeRoles() -> [Role] {
            var roles: [Role] = []
            for number in 0..<generator.roleCount {
                let home = number % domains
                let grade = 1 + (number / domains) % 5
                var requirements: [RoleRequirement] = []
                var used = Set<Int>()
                for pick in 0..<random.int(in: 6...14) {
                    let skill = pick < 2 && domains > 1
                        ? random.int(in: 0...(generator.skillCount - 1))
                        : home * 100 + random.int(in: 0...min(99, grade * 20 + 19))
                    guard skill < generator.skillCount, used.insert(skill).inserted else { continue }
                    let highest = chains[skill].last ?? 1
                    let level = random.chance(0.9) ? min(highest, random.int(in: 1...min(5, grade + 1))) : min(5, highest + 1)
                    requirements.append(RoleRequirement(skill: skillID(skill), level: level, importance: random.chance(0.2) ? .optional : .essential))
                }
                roles.append(Role(id: "ro-" + padded(number, 5), title: "Role \(number)", family: "domain-\(home)", grade: "G\(grade)", requires: requirements))
            }
            return roles
        }

        /// Promotions up a grade, lateral moves to the next domain, a few secondments anywhere.
        mutating func makeTransitions(_ roles: [Role]) -> [Transition] {
            let roleCount = generator.roleCount
            var transitions: [Transition] = []
            for number in 0..<roleCount {
                let from = roles[number].id
                if number + domains < roleCount && (number / domains) % 5 < 4 {
                    transitions.append(Transition(from: from, to: roles[number + domains].id, kind: .promotion))
                }
                if random.chance(0.5) { transitions.append(Transition(from: from, to: roles[(number + 1) % roleCount].id, kind: .lateral)) }
                if random.chance(0.1) {
                    let other = random.int(in: 0...(roleCount - 1))
                    if other != number { transitions.append(Transition(from: from, to: roles[other].id, kind: .secondment)) }
                }
            }
            return transitions
        }
    }

    /// Profiles for benchmarks: someone who holds a role (its skills at the required levels, give or take)
    /// asking for a role it has a transition to, or another role of the same family.
    /// Seeded questions: an employee holding a random role, with most of its skills, asks for a role it has a
    /// transition to (or any other). With `profileSizes`, each profile is topped up with other skills of the
    /// catalog at levels 1–3 to a size drawn from the range, as a long-tenured employee's profile would be.
    public static func questions(for catalog: Catalog, count: Int, seed: UInt64, profileSizes: ClosedRange<Int>? = nil) -> [(profile: Profile, target: String)] {
        var random = SeededGenerator(seed: seed)
        // Grouped once: a scan of every transition per profile is most of a 50,000-profile run on ESCO.
        let transitions = Dictionary(grouping: catalog.transitions, by: \.from)
        return (0..<count).map { _ in
            let current = random.pick(catalog.roles)
            var skills: [SkillLevel] = []
            for requirement in current.requires where random.chance(0.85) {
                skills.append(SkillLevel(skill: requirement.skill, level: max(0, min(5, requirement.level + random.int(in: -1...0)))))
            }
            if let profileSizes, !catalog.skills.isEmpty {
                let size = random.int(in: profileSizes)
                var attempts = 0
                while skills.count < size && attempts < 4 * size {
                    attempts += 1
                    let skill = random.pick(catalog.skills).id
                    if !skills.contains(where: { $0.skill == skill }) { skills.append(SkillLevel(skill: skill, level: random.int(in: 1...3))) }
                }
            }
            let moves = transitions[current.id] ?? []
            let target = moves.isEmpty ? random.pick(catalog.roles).id : random.pick(moves).to
            return (Profile(skills: skills, completed: [], role: current.id), target)
        }
    }
}

func padded(_ number: Int, _ width: Int) -> String {
    let text = String(number)
    return String(repeating: "0", count: max(0, width - text.count)) + text
}
