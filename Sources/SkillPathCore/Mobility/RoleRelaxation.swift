import Locking

/// The problem of reaching one role, relaxed the way AI planning relaxes a problem to bound it: what a plan
/// reaches is never lost, so only which courses it takes matters, not their order. Facts are what a state
/// can hold — a skill at a level or above, a course taken — and each course is an action: it needs its
/// entry levels and `after` courses, and gives every level it teaches and its own "taken". Any real plan to
/// the role is a plan of the relaxed problem, so the relaxed optimum (and any lower bound on it, such as
/// `LandmarkCut`) is a lower bound on the real plan's hours.
///
/// Only the part that can matter is kept: the facts the role's essential requirements need, going back
/// through every course able to give one of them and what that course needs in turn. Built once per role and
/// catalog (`RoleRelaxationCache`), then read for every profile bounded against the role.
struct RoleRelaxation: Sendable {
    /// Fact 0 is "started": held in every state, and the one precondition of a course that needs nothing, so
    /// that every action has a precondition (the landmark cut's passes start from them).
    static let started: Int32 = 0

    /// Per fact, its skill and level; skill -1 for "course taken" facts and for `started`.
    let factSkill: [Int32]
    let factLevel: [UInt8]
    /// Per fact, the course whose taking it is; -1 for skill facts and `started`.
    let factCourse: [Int32]
    /// Per action, its catalog course and hours (hundredths).
    let actionCourse: [Int32]
    let actionHours: [Int64]
    let preconditions: CompactLists<Int32>
    let effects: CompactLists<Int32>
    /// Per fact, the actions that need it / give it.
    let consumers: CompactLists<Int32>
    let achievers: CompactLists<Int32>
    /// The role's essential requirements as facts, one per skill at its highest required level.
    let goals: [Int32]
    /// The skills that have facts, ascending, and for each its facts, lowest level first (so a state's level
    /// of each skill is looked up once).
    let skills: [Int32]
    let factsOfSkill: CompactLists<Int32>
    /// The "course taken" facts.
    let courseFacts: [Int32]

    var factCount: Int { factSkill.count }
    var actionCount: Int { actionCourse.count }

    /// Past this many courses, a bound costs more than the plan it would save: none is built (`nil`).
    static let largestActionCount = 4_096

    init?(role: Int32, index: CatalogIndex) {
        var facts = FactNumbering()
        var actionOf: [Int32: Int32] = [:]
        var courses: [Int32] = []
        var queue: [Int32] = []
        var goals: [Int32: UInt8] = [:]
        for requirement in index.roleRequirements[role] where requirement.essential && requirement.level > 0 {
            goals[requirement.skill] = max(goals[requirement.skill] ?? 0, requirement.level)
        }
        let goalFacts = goals.sorted { $0.key < $1.key }.map { facts.number(skill: $0.key, level: $0.value, queue: &queue) }
        // Backward from the goals: every course able to give a fact, then what that course needs.
        var next = 0
        while next < queue.count {
            let fact = Int(queue[next])
            next += 1
            var givers: [Int32] = []
            if facts.skill[fact] >= 0 {
                for teacher in index.teachers[facts.skill[fact]] {
                    guard teacher.level >= facts.level[fact] else { break }
                    givers.append(teacher.course)
                }
            } else {
                givers.append(facts.course[fact])
            }
            for course in givers where actionOf[course] == nil {
                guard courses.count < Self.largestActionCount else { return nil }
                actionOf[course] = Int32(courses.count)
                courses.append(course)
                for entry in index.requires[course] where entry.level > 0 { _ = facts.number(skill: entry.skill, level: entry.level, queue: &queue) }
                for prior in index.after[course] { _ = facts.number(course: prior, queue: &queue) }
            }
        }
        var preconditions = CompactLists<Int32>()
        var effects = CompactLists<Int32>()
        for course in courses {
            var needs: [Int32] = []
            for entry in index.requires[course] where entry.level > 0 { needs.append(contentsOf: facts.known(skill: entry.skill, level: entry.level)) }
            for prior in index.after[course] { needs.append(contentsOf: facts.known(course: prior)) }
            if needs.isEmpty { needs.append(Self.started) }
            var gives: [Int32] = facts.known(course: course)
            for entry in index.teaches[course] {
                for held in facts.bySkill[entry.skill] ?? [] where held.level <= entry.level { gives.append(held.fact) }
            }
            preconditions.append(Set(needs).sorted())
            effects.append(Set(gives).sorted())
        }
        var consumerPairs: [(list: Int32, element: Int32)] = []
        var achieverPairs: [(list: Int32, element: Int32)] = []
        for action in courses.indices {
            for fact in preconditions[action] { consumerPairs.append((fact, Int32(action))) }
            for fact in effects[action] { achieverPairs.append((fact, Int32(action))) }
        }
        factSkill = facts.skill
        factLevel = facts.level
        factCourse = facts.course
        actionCourse = courses
        actionHours = courses.map { index.hours[Int($0)] }
        self.preconditions = preconditions
        self.effects = effects
        consumers = CompactLists(count: facts.skill.count, pairs: consumerPairs)
        achievers = CompactLists(count: facts.skill.count, pairs: achieverPairs)
        self.goals = goalFacts
        skills = facts.bySkill.keys.sorted()
        factsOfSkill = CompactLists(skills.lazy.map { skill in (facts.bySkill[skill] ?? []).sorted { $0.level < $1.level }.map(\.fact) })
        courseFacts = facts.course.indices.filter { facts.course[$0] >= 0 }.map { Int32($0) }
    }

    /// Numbers facts as they are first met, queueing each new one for the backward walk.
    private struct FactNumbering {
        var skill: [Int32] = [-1]
        var level: [UInt8] = [0]
        var course: [Int32] = [-1]
        var bySkill: [Int32: [(level: UInt8, fact: Int32)]] = [:]
        var skillFact: [Int64: Int32] = [:]
        var courseFact: [Int32: Int32] = [:]

        mutating func number(skill wanted: Int32, level: UInt8, queue: inout [Int32]) -> Int32 {
            let key = Int64(wanted) << 8 | Int64(level)
            if let known = skillFact[key] { return known }
            let fact = Int32(skill.count)
            skill.append(wanted)
            self.level.append(level)
            course.append(-1)
            skillFact[key] = fact
            bySkill[wanted, default: []].append((level, fact))
            queue.append(fact)
            return fact
        }

        mutating func number(course wanted: Int32, queue: inout [Int32]) -> Int32 {
            if let known = courseFact[wanted] { return known }
            let fact = Int32(skill.count)
            skill.append(-1)
            level.append(0)
            course.append(wanted)
            courseFact[wanted] = fact
            queue.append(fact)
            return fact
        }

        func known(skill wanted: Int32, level: UInt8) -> [Int32] {
            skillFact[Int64(wanted) << 8 | Int64(level)].map { [$0] } ?? []
        }

        func known(course wanted: Int32) -> [Int32] {
            courseFact[wanted].map { [$0] } ?? []
        }
    }
}

/// Role relaxations built on first use and kept with the catalog index (nil inside: too large to be worth it).
final class RoleRelaxationCache: Sendable {
    private let relaxations = Locked<[Int32: RoleRelaxation?]>([:])

    func relaxation(role: Int32, index: CatalogIndex) -> RoleRelaxation? {
        if let known = relaxations.withLock({ $0[role] }) { return known }
        let built = RoleRelaxation(role: role, index: index)
        relaxations.withLock { $0[role] = .some(built) }
        return built
    }
}
