/// The one place that turns stored evidence into the levels plans, gaps, rankings and reports use
/// (`SkillPolicy`'s rules, docs/evidence.md), and says why a level counts for less than it says ("python:
/// stated 5, counts as 3, self-rated, not confirmed").
///
/// A skill may have several pieces of evidence; each counts on its own (capped by its source, faded from its
/// own date) and the skill's level is the best of them. So adding evidence can never lower a level: a
/// completion backdated to 2014 fades from 2014 and stands beside the newer evidence, it does not replace it.
/// The store hands this type rows; every method reads levels through it, so a maintainer changing the rule
/// edits this file and `SkillPolicy`.
public struct SkillEvidence: Sendable {
    public let policy: SkillPolicy
    public let catalog: Catalog
    public let today: CalendarDate

    public init(policy: SkillPolicy, catalog: Catalog, today: CalendarDate) {
        self.policy = policy
        self.catalog = catalog
        self.today = today
    }

    /// What one piece of evidence counts for today.
    public func counted(_ piece: StoredSkill) -> SkillPolicy.Effective {
        // The category matters only when some category has a half-life of its own.
        let category = policy.halfLifeByCategory.isEmpty ? nil : catalog.skill(piece.skill)?.category
        var counted = policy.effective(stated: piece.level, source: piece.source, date: piece.date, category: category, today: today)
        if let note = piece.note, counted.level < counted.stated { counted.reasons.insert(note, at: 0) }
        return counted
    }

    /// The level one piece counts for, for rankings over thousands of people: no explanation is built, and
    /// a level the policy cannot lower (fresh evidence, not a capped self-rating) is returned as it is. `day`
    /// is the evidence's date as days since 1970.
    public func level(skill: String, level: Int, selfRated: Bool, day: Int) -> Int {
        guard policy.enabled, level > 0 else { return level }
        let capped = selfRated && level > policy.selfRatingCap
        guard capped || day < today.daysSinceEpoch else { return level }
        let category = policy.halfLifeByCategory.isEmpty ? nil : catalog.skill(skill)?.category
        // Only self-rated or not is read here: the other sources count alike (`SkillPolicy.effective`).
        let source: SkillSource = selfRated ? .selfRated : .manager
        return policy.effective(stated: level, source: source, date: CalendarDate(daysSinceEpoch: day), category: category, today: today).level
    }

    /// A skill's standing: the piece of evidence that counts most, and what it counts for.
    public struct Standing: Sendable, Equatable {
        public var piece: StoredSkill
        public var counted: SkillPolicy.Effective

        public var level: Int { counted.level }
    }

    /// The piece that counts most among one skill's pieces (nil for none): the highest counted level; then
    /// the highest stated level, the stronger source, the later date.
    public func standing(_ pieces: some Sequence<StoredSkill>) -> Standing? {
        var best: Standing?
        for piece in pieces {
            let candidate = Standing(piece: piece, counted: counted(piece))
            guard let current = best else {
                best = candidate
                continue
            }
            let lhs = (candidate.level, piece.level, piece.source.strength, piece.setAt)
            let rhs = (current.level, current.piece.level, current.piece.source.strength, current.piece.setAt)
            if lhs > rhs { best = candidate }
        }
        return best
    }

    /// Each skill's standing, by skill id.
    public func standings(_ pieces: [StoredSkill]) -> [String: Standing] {
        Dictionary(grouping: pieces, by: \.skill).compactMapValues { standing($0) }
    }

    /// The planner's view of an employee, at effective levels. A completed course counts for what it teaches
    /// (the planner's rule), so a completion teaching a level the employee's evidence does not support (it
    /// faded, or it was self-reported and not confirmed) is left out: retaking or confirming it is what would
    /// bring it back.
    public func profile(_ employee: EmployeeProfile) -> Profile {
        var profile = employee.profile
        let levels = standings(employee.skills).mapValues(\.level)
        profile.skills = levels.sorted { $0.key < $1.key }.map { SkillLevel(skill: $0.key, level: $0.value) }
        profile.completed = completions(profile.completed, levels: levels)
        return profile
    }

    /// The completions a plan may count: a completion is left out when a skill it teaches has evidence that
    /// counts for less than it taught. (A completion with no evidence of its skills at all, as an older
    /// database may hold, counts for what it teaches: the planner's rule.)
    public func completions(_ completed: [String], levels: [String: Int]) -> [String] {
        completed.filter { id in
            !(catalog.course(id)?.teaches.contains { taught in levels[taught.skill].map { $0 < taught.level } ?? false } ?? false)
        }
    }

    /// A plan made from `employee`'s effective levels, with each gap entry whose level counts for less than
    /// stated saying so.
    public func annotate(_ plan: Plan, for employee: EmployeeProfile) -> Plan {
        var plan = plan
        let standings = standings(employee.skills)
        for position in plan.gap.indices {
            guard let standing = standings[plan.gap[position].skill], standing.level < standing.counted.stated else { continue }
            plan.gap[position].stated = standing.counted.stated
            plan.gap[position].evidence = Self.sentence(standing.counted, source: standing.piece.source)
        }
        return plan
    }

    /// Each skill as `employees.get` shows it: the standing piece, what it counts for and why, and every
    /// piece of evidence the skill has.
    public func views(_ pieces: [StoredSkill]) -> [SkillView] {
        Dictionary(grouping: pieces, by: \.skill).sorted { $0.key < $1.key }.compactMap { _, pieces in
            guard let standing = standing(pieces) else { return nil }
            let counted = standing.counted
            return SkillView(
                stored: standing.piece, effectiveLevel: counted.level,
                evidence: counted.level < counted.stated ? Self.sentence(counted, source: standing.piece.source) : nil,
                pieces: pieces.map { ($0, self.counted($0).level) })
        }
    }

    /// "stated 5 (self), counts as 3: self-rated, not confirmed ..."
    public static func sentence(_ counted: SkillPolicy.Effective, source: SkillPolicy.Source) -> String {
        "stated \(counted.stated) (\(source.rawValue)), counts as \(counted.level): \(counted.reasons.joined(separator: "; "))"
    }
}

/// A skill's standing beside the level that counts, why they differ when they do, and all its evidence.
public struct SkillView: Sendable, Equatable {
    public var stored: StoredSkill
    public var effectiveLevel: Int
    public var evidence: String?
    /// Every piece of evidence of the skill, with the level each counts for today.
    public var pieces: [(piece: StoredSkill, counts: Int)]

    public init(stored: StoredSkill, effectiveLevel: Int, evidence: String?, pieces: [(piece: StoredSkill, counts: Int)] = []) {
        self.stored = stored
        self.effectiveLevel = effectiveLevel
        self.evidence = evidence
        self.pieces = pieces
    }

    public static func == (lhs: SkillView, rhs: SkillView) -> Bool {
        lhs.stored == rhs.stored && lhs.effectiveLevel == rhs.effectiveLevel && lhs.evidence == rhs.evidence
            && lhs.pieces.map(\.piece) == rhs.pieces.map(\.piece) && lhs.pieces.map(\.counts) == rhs.pieces.map(\.counts)
    }
}
