import SkillPathCore
import SkillPathJSON
import SkillPathStore

/// Stored levels through the skill policy: the levels plans and gaps use, and what people are shown when a
/// level counts for less than it says ("python: stated 5, counts as 3, self-rated, not confirmed").
struct SkillEvidence {
    let policy: SkillPolicy
    let catalog: Catalog
    let today: CalendarDate

    init(_ context: CallContext) {
        policy = context.service.skillPolicy
        catalog = context.snapshot.catalog
        today = context.today
    }

    /// The level that counts, for rankings over thousands of people: no explanation is built, and a level
    /// the policy cannot lower (fresh evidence, not a capped self-rating) is returned as it is.
    func level(skill: String, level: Int, selfRated: Bool, day: Int) -> Int {
        guard policy.enabled, level > 0 else { return level }
        let capped = selfRated && level > policy.selfRatingCap
        guard capped || day < today.daysSinceEpoch else { return level }
        let category = policy.halfLifeByCategory.isEmpty ? nil : catalog.skill(skill)?.category
        // Only self-rated or not is read here: the other sources count alike (`SkillPolicy.effective`).
        let source: SkillSource = selfRated ? .selfRated : .manager
        return policy.effective(stated: level, source: source, date: CalendarDate(daysSinceEpoch: day), category: category, today: today).level
    }

    func effective(_ skill: StoredSkill) -> SkillPolicy.Effective {
        // The category matters only when some category has a half-life of its own.
        let category = policy.halfLifeByCategory.isEmpty ? nil : catalog.skill(skill.skill)?.category
        return policy.effective(stated: skill.level, source: skill.source, date: skill.date, category: category, today: today)
    }

    /// The planner's view of an employee, at effective levels. A completed course counts for what it teaches
    /// (the planner's rule), so a completion whose taught level has since faded below that is left out: it
    /// would otherwise bring the faded level back, and retaking it is what would refresh it.
    func profile(_ employee: EmployeeProfile) -> Profile {
        var profile = employee.profile
        var lowered: [String: Int] = [:]
        profile.skills = employee.skills.map { stored in
            let level = effective(stored).level
            if level < stored.level { lowered[stored.skill] = level }
            return SkillLevel(skill: stored.skill, level: level)
        }
        profile.completed = completions(profile.completed, lowered: lowered)
        return profile
    }

    /// The completions a plan may count, given the skills whose counted level is lower than stored: a
    /// completion that taught one of them above its counted level is left out.
    func completions(_ completed: [String], lowered: [String: Int]) -> [String] {
        guard !lowered.isEmpty else { return completed }
        return completed.filter { id in
            !(catalog.course(id)?.teaches.contains { taught in lowered[taught.skill].map { $0 < taught.level } ?? false } ?? false)
        }
    }

    /// A plan made from `employee`'s effective levels, with each gap entry whose level counts for less than
    /// stated saying so.
    func annotate(_ plan: Plan, for employee: EmployeeProfile) -> Plan {
        var plan = plan
        let stored = Dictionary(employee.skills.map { ($0.skill, $0) }, uniquingKeysWith: { first, _ in first })
        for position in plan.gap.indices {
            guard let skill = stored[plan.gap[position].skill] else { continue }
            let counted = effective(skill)
            guard counted.level < counted.stated else { continue }
            plan.gap[position].stated = counted.stated
            plan.gap[position].evidence = Self.sentence(counted, source: skill.source)
        }
        return plan
    }

    /// "stated 5, counts as 3: self-rated, not confirmed ..."
    static func sentence(_ counted: SkillPolicy.Effective, source: SkillPolicy.Source) -> String {
        "stated \(counted.stated) (\(source.rawValue)), counts as \(counted.level): \(counted.reasons.joined(separator: "; "))"
    }

    /// A stored skill as `employees.get` shows it: the stored level with its evidence, and the level that
    /// counts with the reason when they differ.
    func json(_ skill: StoredSkill) -> JSONValue {
        let counted = effective(skill)
        return .object([
            ("skill", .string(skill.skill)), ("level", .int(skill.level)), ("source", .string(skill.source.rawValue)), ("setAt", .string(skill.setAt)),
            ("effectiveLevel", .int(counted.level)),
            ("evidence", counted.level < counted.stated ? .string(Self.sentence(counted, source: skill.source)) : nil),
        ])
    }
}

extension StoredSkill {
    /// A stored level kept against a lower one from weaker evidence.
    var keptJSON: JSONValue {
        .object([
            ("skill", .string(skill)), ("level", .int(level)), ("source", .string(source.rawValue)), ("setAt", .string(setAt)),
            ("reason", .string("kept level \(level) from \(source.rawValue) evidence of \(setAt.prefix(10)): a lower level from a weaker source does not replace it (overwrite to force)")),
        ])
    }
}

extension KeptLevel {
    var json: JSONValue {
        .object([
            ("index", .int(index)), ("skillIndex", .int(skillIndex)), ("id", .string(id)), ("skill", .string(skill)), ("given", .int(given)),
            ("stored", stored.keptJSON),
        ])
    }
}
