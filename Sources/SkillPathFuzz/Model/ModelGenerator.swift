import SkillPathFixtures

/// Seeded sequences of operations, weighted towards where features meet: evidence from several senders and
/// dates, assignments beside moves and openings, replans and reloads in between. The same seed gives the
/// same sequence.
public enum ModelGenerator {
    /// The sequence for `seed`: `length` operations after the sequence's own small team is hired.
    public static func sequence(seed: UInt64, length: Int, world: ModelWorld) -> [ModelOperation] {
        var random = SeededGenerator(seed: seed)
        var operations: [ModelOperation] = (0..<3).map { _ in hire(&random, world: world) }
        for _ in 0..<length { operations.append(operation(&random, world: world)) }
        return operations
    }

    static func hire(_ random: inout SeededGenerator, world: ModelWorld) -> ModelOperation {
        .hire(role: random.int(in: 0...(world.roles.count - 1)), skills: (0..<random.int(in: 0...3)).map { _ in rating(&random, world: world) })
    }

    static func rating(_ random: inout SeededGenerator, world: ModelWorld) -> ModelOperation.Rating {
        ModelOperation.Rating(skill: random.int(in: 0...(world.skills.count - 1)), level: random.int(in: 1...5))
    }

    static func target(_ random: inout SeededGenerator, world: ModelWorld) -> ModelOperation.Target {
        random.chance(0.15) ? .held : .role(random.int(in: 0...(world.roles.count - 1)))
    }

    static func event(_ random: inout SeededGenerator) -> ModelOperation.Event {
        switch random.int(in: 0...9) {
        case 0...2: .none
        case 3...6: .fresh
        case 7, 8: .retry(random.int(in: 0...20))
        default: .reuse(random.int(in: 0...20))
        }
    }

    /// When evidence is dated: now, recently, years back (backdated), or days ahead (to be refused).
    static func daysAgo(_ random: inout SeededGenerator) -> Int {
        switch random.int(in: 0...9) {
        case 0...3: 0
        case 4, 5: random.int(in: 1...60)
        case 6, 7: random.int(in: 365...4_500)
        case 8: random.int(in: 61...364)
        default: -random.int(in: 3...40)
        }
    }

    static func operation(_ random: inout SeededGenerator, world: ModelWorld) -> ModelOperation {
        let employee = random.int(in: 0...9)
        let course = random.int(in: 0...(world.courses.count - 1))
        switch random.int(in: 0...102) {
        case 0..<6: return hire(&random, world: world)
        case 6..<10: return .upsertRole(employee: employee, role: random.int(in: 0...(world.roles.count - 1)))
        case 10..<18: return .rate(employee: employee, rating: rating(&random, world: world), source: random.pick(["manager", "assessment", "self", "import"]))
        case 18..<40:
            return .progress(employee: employee, course: course, completed: random.chance(0.8), daysAgo: daysAgo(&random), event: event(&random))
        case 40..<50:
            return .xapi(
                employee: employee, course: course, verb: random.pick(["completed", "completed", "passed", "failed"]),
                success: random.chance(0.2) ? nil : random.chance(0.7), daysAgo: daysAgo(&random), statement: event(&random))
        case 50..<66: return .assign(employee: employee, role: target(&random, world: world), dueInDays: random.chance(0.3) ? nil : random.int(in: 20...500))
        case 66..<70: return .cancel(assignment: random.int(in: 0...20))
        case 70..<76: return .replan(assignment: random.int(in: 0...20))
        case 76..<81:
            return .preferences(employee: employee, formats: random.chance(0.5) ? [] : [random.pick(["video", "reading", "hands-on"])], hoursPerWeek: random.chance(0.4) ? nil : random.int(in: 1...12))
        case 81..<91: return .move(employee: employee, role: target(&random, world: world), daysAgo: random.pick([0, 0, 5, 30, 400]))
        case 91..<97: return .fill(employee: employee, role: target(&random, world: world))
        case 97..<100: return .reload
        default: return .leave(employee: employee)
        }
    }
}
