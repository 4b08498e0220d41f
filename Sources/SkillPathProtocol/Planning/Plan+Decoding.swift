public import SkillPathCore
public import SkillPathJSON

extension Plan {
    /// Reads the JSON form back (a plan received from the daemon): the inverse of `json`.
    public init(json value: JSONValue) throws(JSONFieldError) {
        let field = JSONField(value)
        func text(_ field: JSONField, _ key: String) throws(JSONFieldError) -> String { try field.required(key).string() }
        func int(_ field: JSONField, _ key: String) throws(JSONFieldError) -> Int { try field.required(key).int() }
        func quantity(_ field: JSONField, _ key: String) throws(JSONFieldError) -> Quantity {
            let member = try field.required(key)
            guard case .number(let literal) = member.value, let parsed = Quantity(literal: literal) else { throw member.mismatch("a number") }
            return parsed
        }
        func date(_ field: JSONField) throws(JSONFieldError) -> CalendarDate {
            guard let parsed = CalendarDate(iso: try field.string()) else { throw field.mismatch("a date") }
            return parsed
        }
        func levels(_ field: JSONField, _ key: String) throws(JSONFieldError) -> [SkillLevel] {
            var result: [SkillLevel] = []
            for entry in try field.optional(key)?.array() ?? [] { result.append(SkillLevel(skill: try text(entry, "skill"), level: try int(entry, "level"))) }
            return result
        }
        var gap: [GapEntry] = []
        for entry in try field.required("gap").array() {
            gap.append(GapEntry(
                skill: try text(entry, "skill"), name: try text(entry, "name"), have: try int(entry, "have"), need: try int(entry, "need"),
                importance: RoleRequirement.Importance(rawValue: try text(entry, "importance")) ?? .essential, role: try text(entry, "role"),
                stated: try entry.optional("stated")?.int(), evidence: try entry.optional("evidence")?.string()))
        }
        let steps = try Self.steps(json: try field.required("steps").value)
        var unmet: [UnmetSkill] = []
        for entry in try field.required("unmet").array() {
            unmet.append(UnmetSkill(
                skill: try text(entry, "skill"), name: try text(entry, "name"), have: try int(entry, "have"), need: try int(entry, "need"),
                reachable: try int(entry, "reachable"), reason: UnmetReason(rawValue: try text(entry, "reason")) ?? .noCourse,
                detail: try text(entry, "detail")))
        }
        let totals = try field.required("totals")
        var schedule: Schedule?
        if let block = try field.optional("schedule") {
            // Plans stored before `coursesDoneByDeadline` existed said `meetsDeadline` for it, even when incomplete.
            var coursesDone = try block.optional("coursesDoneByDeadline")?.bool()
            if coursesDone == nil { coursesDone = try block.optional("meetsDeadline")?.bool() }
            var deadline: CalendarDate?
            if let field = try block.optional("deadline") { deadline = try date(field) }
            schedule = Schedule(
                startDate: try date(block.required("startDate")), hoursPerWeek: try quantity(block, "hoursPerWeek"),
                estimatedCompletion: try date(block.required("estimatedCompletion")), deadline: deadline,
                coursesDoneByDeadline: coursesDone, meetsDeadline: coursesDone.map { $0 && unmet.isEmpty })
        }
        self.init(
            targetRole: try text(field, "targetRole"), targetTitle: try text(field, "targetTitle"), currentRole: try field.optional("currentRole")?.string(),
            objective: PlanOptions.Objective(rawValue: try text(field, "objective")) ?? .hours, gap: gap, steps: steps,
            totals: Totals(hours: try quantity(totals, "hours"), cost: try quantity(totals, "cost"), currency: try text(totals, "currency"), courses: try int(totals, "courses")),
            unmet: unmet, schedule: schedule, optimal: try field.optional("optimal")?.bool() ?? true, catalogVersion: try field.optional("catalogVersion")?.string() ?? "")
    }

    /// Reads a JSON array of steps (a plan's, or a route hop's).
    public static func steps(json value: JSONValue) throws(JSONFieldError) -> [Step] {
        var steps: [Step] = []
        for entry in try JSONField(value, path: "steps").array() {
            func text(_ key: String) throws(JSONFieldError) -> String { try entry.required(key).string() }
            func quantity(_ key: String) throws(JSONFieldError) -> Quantity {
                let member = try entry.required(key)
                guard case .number(let literal) = member.value, let parsed = Quantity(literal: literal) else { throw member.mismatch("a number") }
                return parsed
            }
            func levels(_ key: String) throws(JSONFieldError) -> [SkillLevel] {
                var result: [SkillLevel] = []
                for item in try entry.optional(key)?.array() ?? [] {
                    result.append(SkillLevel(skill: try item.required("skill").string(), level: try item.required("level").int()))
                }
                return result
            }
            func date(_ key: String) throws(JSONFieldError) -> CalendarDate? {
                guard let member = try entry.optional(key) else { return nil }
                guard let parsed = CalendarDate(iso: try member.string()) else { throw member.mismatch("a date") }
                return parsed
            }
            steps.append(Step(
                course: try text("course"), title: try text("title"), format: try text("format"), provider: try entry.optional("provider")?.string(),
                language: try text("language"), hours: try quantity("hours"), cost: try quantity("cost"), teaches: try levels("teaches"),
                closes: try levels("closes"), neededBy: try entry.optional("neededBy")?.strings() ?? [],
                reason: try entry.optional("reason")?.value.stringValue ?? "", outsidePreferences: try entry.optional("outsidePreferences")?.string(), start: try date("start"), end: try date("end")))
        }
        return steps
    }
}
