/// The one place that turns stored evidence into the levels plans, gaps, rankings and reports use
/// (`SkillPolicy`'s rules, docs/evidence.md), and says why a level counts for less than it says ("python:
/// stated 5, counts as 3, self-rated, not confirmed"). The store hands it rows; every method reads levels
/// through it, so a maintainer changing the rule edits this file and `SkillPolicy`.
public struct SkillEvidence: Sendable {
    public let policy: SkillPolicy
    public let catalog: Catalog
    public let today: CalendarDate

    public init(policy: SkillPolicy, catalog: Catalog, today: CalendarDate) {
        self.policy = policy
        self.catalog = catalog
        self.today = today
    }

    /// The level that counts, for rankings over thousands of people: no explanation is built, and a level
    /// the policy cannot lower (fresh evidence, not a capped self-rating) is returned as it is. `day` is the
    /// evidence's date as days since 1970.
    public func level(skill: String, level: Int, selfRated: Bool, day: Int) -> Int {
        guard policy.enabled, level > 0 else { return level }
        let capped = selfRated && level > policy.selfRatingCap
        guard capped || day < today.daysSinceEpoch else { return level }
        let category = policy.halfLifeByCategory.isEmpty ? nil : catalog.skill(skill)?.category
        // Only self-rated or not is read here: the other sources count alike (`SkillPolicy.effective`).
        let source: SkillSource = selfRated ? .selfRated : .manager
        return policy.effective(stated: level, source: source, date: CalendarDate(daysSinceEpoch: day), category: category, today: today).level
    }

    public func effective(_ skill: StoredSkill) -> SkillPolicy.Effective {
        // The category matters only when some category has a half-life of its own.
        let category = policy.halfLifeByCategory.isEmpty ? nil : catalog.skill(skill.skill)?.category
        return policy.effective(stated: skill.level, source: skill.source, date: skill.date, category: category, today: today)
    }

    /// The planner's view of an employee, at effective levels. A completed course counts for what it teaches
    /// (the planner's rule), so a completion whose taught level has since faded below that is left out: it
    /// would otherwise bring the faded level back, and retaking it is what would refresh it.
    public func profile(_ employee: EmployeeProfile) -> Profile {
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
    public func completions(_ completed: [String], lowered: [String: Int]) -> [String] {
        guard !lowered.isEmpty else { return completed }
        return completed.filter { id in
            !(catalog.course(id)?.teaches.contains { taught in lowered[taught.skill].map { $0 < taught.level } ?? false } ?? false)
        }
    }

    /// A plan made from `employee`'s effective levels, with each gap entry whose level counts for less than
    /// stated saying so.
    public func annotate(_ plan: Plan, for employee: EmployeeProfile) -> Plan {
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

    /// A stored skill with the level that counts, for `employees.get`.
    public func view(_ skill: StoredSkill) -> SkillView {
        let counted = effective(skill)
        return SkillView(stored: skill, effectiveLevel: counted.level, evidence: counted.level < counted.stated ? Self.sentence(counted, source: skill.source) : nil)
    }

    /// "stated 5 (self), counts as 3: self-rated, not confirmed ..."
    public static func sentence(_ counted: SkillPolicy.Effective, source: SkillPolicy.Source) -> String {
        "stated \(counted.stated) (\(source.rawValue)), counts as \(counted.level): \(counted.reasons.joined(separator: "; "))"
    }
}

/// A stored level beside the level that counts, and why they differ when they do.
public struct SkillView: Sendable, Equatable {
    public var stored: StoredSkill
    public var effectiveLevel: Int
    public var evidence: String?

    public init(stored: StoredSkill, effectiveLevel: Int, evidence: String?) {
        self.stored = stored
        self.effectiveLevel = effectiveLevel
        self.evidence = evidence
    }
}
