import SkillPathJSON

/// Runs one sequence of operations against a real daemon, predicting each answer from the model and
/// checking, after each step, what must hold for the people it touched (`ModelRun+Checks`). Stops at the
/// first step that breaks a rule: its violations, the step and the sequence are the outcome.
public struct ModelRun {
    public struct Outcome: Sendable {
        public var operations: [ModelOperation]
        /// The index of the step that broke a rule, or nil when none did.
        public var failingStep: Int?
        public var violations: [String]

        public var passed: Bool { violations.isEmpty }
    }

    /// How an operation may move the levels of the people it touches.
    enum LevelRule {
        /// A rating or a hire: any change, as long as it is audited.
        case free
        /// Evidence was added: no counted level may drop.
        case neverLower
        /// Nothing that counts as evidence happened: no level may change.
        case unchanged
    }

    let client: ModelClient
    let world: ModelWorld
    var model: OrganisationModel
    var today = ModelDay(number: 0)
    var violations: [String] = []

    /// Runs `operations` for a team whose ids start with `prefix` (unique per run on one daemon).
    public static func execute(_ operations: [ModelOperation], prefix: String, client: ModelClient, world: ModelWorld) throws -> Outcome {
        var run = ModelRun(client: client, world: world, model: OrganisationModel(prefix: prefix))
        try run.start()
        for (index, operation) in operations.enumerated() {
            let (touched, rule) = try run.perform(operation)
            for id in touched { try run.check(id, rule: rule) }
            if !run.violations.isEmpty { return Outcome(operations: operations, failingStep: index, violations: run.violations) }
        }
        for person in run.model.people { try run.check(person.id, rule: .unchanged) }
        try run.checkTeamReport()
        return Outcome(operations: operations, failingStep: run.violations.isEmpty ? nil : operations.count, violations: run.violations)
    }

    /// The shortest sequence found that still fails: each step is dropped in turn (last first) and the drop
    /// kept when the rest still breaks a rule. Each attempt runs on a fresh team.
    public static func shrink(_ failing: Outcome, prefix: String, client: ModelClient, world: ModelWorld) throws -> Outcome {
        var best = failing
        var operations = Array(failing.operations.prefix((failing.failingStep ?? failing.operations.count - 1) + 1))
        var index = operations.count - 1
        var attempt = 0
        while index >= 0 {
            var shorter = operations
            shorter.remove(at: index)
            attempt += 1
            let outcome = try execute(shorter, prefix: "\(prefix)s\(attempt)-", client: client, world: world)
            if !outcome.passed {
                operations = Array(shorter.prefix((outcome.failingStep ?? shorter.count - 1) + 1))
                best = outcome
                index = min(index, operations.count) - 1
            } else {
                index -= 1
            }
        }
        return best
    }

    mutating func start() throws {
        _ = try client.result("employees.upsert", .object([("employees", .array([
            .object([("id", .string(model.manager)), ("name", "Model manager"), ("role", .string(world.roles[0]))]),
        ]))]))
        guard let date = try client.result("reports.team", .object([("manager", .string(model.manager))]))["date"]?.stringValue,
              let day = ModelDay(date) else { throw ModelClient.Failure(description: "reports.team gave no date") }
        today = day
    }

    mutating func violation(_ text: String) {
        violations.append(text)
    }

    /// Records a violation unless the reply succeeded (or failed) as predicted.
    mutating func expect(_ reply: ModelClient.Reply, success: Bool, _ what: String) {
        switch (reply, success) {
        case (.result, true), (.error, false): break
        case (.error, true): violation("\(what): expected success, got \(reply.summary)")
        case (.result, false): violation("\(what): expected a refusal, got \(reply.summary)")
        }
    }

    /// Sends the operation, checks the answer against the prediction and updates the model; returns who to
    /// check and how their levels may move.
    mutating func perform(_ operation: ModelOperation) throws -> (touched: [String], rule: LevelRule) {
        switch operation {
        case .hire(let role, let skills): return try hire(role: world.roles[role % world.roles.count], skills: skills)
        case .upsertRole(let employee, let role):
            guard let person = model.person(employee) else { return ([], .unchanged) }
            return try upsertRole(person, world.roles[role % world.roles.count])
        case .rate(let employee, let rating, let source):
            guard let person = model.person(employee) else { return ([], .unchanged) }
            let reply = try client.call("employees.setSkills", .object([
                ("employee", .string(person.id)), ("skills", .array([skillLevel(rating)])), ("source", .string(source)),
            ]))
            expect(reply, success: true, "rating \(person.id)")
            return ([person.id], .free)
        case .progress(let employee, let course, let completed, let daysAgo, let event):
            guard let person = model.person(employee) else { return ([], .unchanged) }
            return try progress(person, world.courses[course % world.courses.count], completed: completed, daysAgo: daysAgo, event: event)
        case .xapi(let employee, let course, let verb, let success, let daysAgo, let statement):
            guard let person = model.person(employee) else { return ([], .unchanged) }
            return try xapi(person, world.courses[course % world.courses.count], verb: verb, success: success, daysAgo: daysAgo, statement: statement)
        case .assign(let employee, let target, let due):
            guard let person = model.person(employee) else { return ([], .unchanged) }
            return try assign(person, role: role(target, of: person), dueInDays: due)
        case .cancel(let index), .replan(let index):
            guard !model.assignments.isEmpty else { return ([], .unchanged) }
            return try closeOrReplan(model.assignments[index % model.assignments.count], cancel: operation == .cancel(assignment: index))
        case .preferences(let employee, let formats, let hours):
            guard let person = model.person(employee) else { return ([], .unchanged) }
            let reply = try client.call("employees.setPreferences", .object([
                ("employee", .string(person.id)), ("formats", .strings(formats)), ("hoursPerWeek", hours.map { .int($0) } ?? .null),
            ]))
            expect(reply, success: true, "preferences of \(person.id)")
            if reply.result != nil { model.update(person.id) { $0.preferences = (formats, hours) } }
            return ([person.id], .unchanged)
        case .move(let employee, let target, let daysAgo):
            guard let person = model.person(employee) else { return ([], .unchanged) }
            return try move(person, to: role(target, of: person), on: today.adding(-daysAgo))
        case .fill(let employee, let target):
            guard let person = model.person(employee) else { return ([], .unchanged) }
            return try fill(person, role: role(target, of: person))
        case .reload:
            expect(try client.call("catalog.reload"), success: true, "reload")
            return (model.people.map(\.id), .unchanged)
        case .leave(let employee):
            guard let person = model.person(employee) else { return ([], .unchanged) }
            try leave(person)
            return ([], .unchanged)
        }
    }

    func role(_ target: ModelOperation.Target, of person: OrganisationModel.Person) -> String {
        switch target {
        case .held: person.role
        case .role(let index): world.roles[index % world.roles.count]
        }
    }

    func skillLevel(_ rating: ModelOperation.Rating) -> JSONValue {
        .object([("skill", .string(world.skills[rating.skill % world.skills.count])), ("level", .int(rating.level))])
    }
}
