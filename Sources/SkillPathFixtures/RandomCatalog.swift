public import SkillPathCore

/// Small random catalogs for checking the planner against exhaustive search: few enough courses that every
/// subset can be tried, varied enough to exercise prerequisites, `after`, alternatives, ties and free courses.
public enum RandomCatalog {
    public struct Case: Sendable {
        public var catalog: Catalog
        public var profile: Profile
        public var target: String
        public var options: PlanOptions
    }

    /// A valid catalog and a question for `seed`; the same seed always gives the same case.
    public static func make(seed: UInt64, maxCourses: Int = 11) -> Case {
        var random = SeededGenerator(seed: seed)
        while true {
            if let found = attempt(&random, maxCourses: maxCourses) { return found }
        }
    }

    static func courseID(_ number: Int) -> String {
        number < 10 ? "c0\(number)" : "c\(number)"
    }

    static func attempt(_ random: inout SeededGenerator, maxCourses: Int) -> Case? {
        let skillCount = random.int(in: 3...6)
        let skills = (0..<skillCount).map { Skill(id: "s\($0)", name: "Skill \($0)") }
        var courses: [Course] = []
        let courseCount = random.int(in: 5...maxCourses)
        for number in 0..<courseCount {
            var teaches: [SkillLevel] = []
            for _ in 0..<random.int(in: 1...2) {
                let skill = "s\(random.int(in: 0...(skillCount - 1)))"
                if !teaches.contains(where: { $0.skill == skill }) {
                    teaches.append(SkillLevel(skill: skill, level: random.int(in: 1...5)))
                }
            }
            var requires: [SkillLevel] = []
            for _ in 0..<random.int(in: 0...2) {
                let skill = "s\(random.int(in: 0...(skillCount - 1)))"
                if !requires.contains(where: { $0.skill == skill }) {
                    requires.append(SkillLevel(skill: skill, level: random.int(in: 1...3)))
                }
            }
            var after: [String] = []
            if number > 0 && random.chance(0.15) { after.append(courseID(random.int(in: 0...(number - 1)))) }
            courses.append(Course(
                id: courseID(number), title: "Course \(number)", provider: random.pick(["acme", "globex", nil]),
                format: random.pick(["video", "reading", "hands-on"]), hours: Quantity(random.int(in: 1...12)),
                cost: random.chance(0.3) ? .zero : Quantity(random.int(in: 1...20) * 25), language: random.pick(["en", "en", "de"]),
                teaches: teaches, requires: requires, after: after))
        }
        var requirements: [RoleRequirement] = []
        for _ in 0..<random.int(in: 1...4) {
            let skill = "s\(random.int(in: 0...(skillCount - 1)))"
            if !requirements.contains(where: { $0.skill == skill }) {
                requirements.append(RoleRequirement(skill: skill, level: random.int(in: 1...5), importance: random.chance(0.2) ? .optional : .essential))
            }
        }
        let roles = [
            Role(id: "target", title: "Target", requires: requirements),
            Role(id: "current", title: "Current", requires: [RoleRequirement(skill: "s0", level: random.int(in: 1...3))]),
        ]
        guard let catalog = try? Catalog(skills: skills, courses: courses, roles: roles, transitions: []) else { return nil }

        var profileSkills: [SkillLevel] = []
        for skill in skills where random.chance(0.4) {
            profileSkills.append(SkillLevel(skill: skill.id, level: random.int(in: 1...2)))
        }
        let completed = random.chance(0.2) ? [random.pick(courses).id] : []
        var options = PlanOptions()
        options.objective = random.chance(0.5) ? .hours : .cost
        options.includeOptional = random.chance(0.3)
        options.keepCurrentRole = random.chance(0.2)
        if random.chance(0.15) { options.exclude = [random.pick(courses).id] }
        if random.chance(0.15) { options.formats = ["video", "hands-on"] }
        if random.chance(0.1) { options.languages = ["en"] }
        let profile = Profile(skills: profileSkills, completed: completed, role: "current")
        return Case(catalog: catalog, profile: profile, target: "target", options: options)
    }
}
