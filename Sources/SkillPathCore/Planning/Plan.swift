/// A learning path to a role: the gap, the ordered and explained steps, the totals and what cannot be reached.
///
/// Built only by `Planner`; its JSON form (`Plan+JSON.swift`) is the contract shared by
/// `skillpath plan --json` and the daemon's `paths.plan`.
public struct Plan: Sendable, Equatable {
    public var targetRole: String
    public var targetTitle: String
    public var currentRole: String?
    public var objective: PlanOptions.Objective
    public var gap: [GapEntry]
    public var steps: [Step]
    public var totals: Totals
    public var unmet: [UnmetSkill]
    public var schedule: Schedule?
    /// True when the search proved no cheaper plan exists; false when it stopped at its work limit and the
    /// plan is the best found (see docs/planning.md for how close that is).
    public var optimal: Bool
    public var catalogVersion: String
    /// Empty unless the planner's own contract check caught its search in a mistake; the plan returned is
    /// then a valid fallback. Never serialised: the daemon logs it, the tests fail on it.
    public var contractViolations: [String] = []

    /// True when every gap skill is met by the plan; false when some are `unmet`.
    public var complete: Bool { unmet.isEmpty }

    public init(
        targetRole: String, targetTitle: String, currentRole: String?, objective: PlanOptions.Objective, gap: [GapEntry], steps: [Step],
        totals: Totals, unmet: [UnmetSkill], schedule: Schedule?, optimal: Bool, catalogVersion: String
    ) {
        self.targetRole = targetRole
        self.targetTitle = targetTitle
        self.currentRole = currentRole
        self.objective = objective
        self.gap = gap
        self.steps = steps
        self.totals = totals
        self.unmet = unmet
        self.schedule = schedule
        self.optimal = optimal
        self.catalogVersion = catalogVersion
    }

    /// A skill the employee must raise, with where the requirement comes from.
    public struct GapEntry: Sendable, Equatable {
        public var skill: String
        public var name: String
        public var have: Int
        public var need: Int
        public var importance: RoleRequirement.Importance
        /// The role that requires it: the target, or the current role with `keepCurrentRole`.
        public var role: String
        /// When `have` is an effective level below the one stored (`SkillPolicy`): the stored level, and why
        /// it counts for less ("self-rated, not confirmed ..."). Nil when the two agree.
        public var stated: Int? = nil
        public var evidence: String? = nil

        public init(
            skill: String, name: String, have: Int, need: Int, importance: RoleRequirement.Importance, role: String, stated: Int? = nil,
            evidence: String? = nil
        ) {
            self.skill = skill
            self.name = name
            self.have = have
            self.need = need
            self.importance = importance
            self.role = role
            self.stated = stated
            self.evidence = evidence
        }
    }

    public struct Step: Sendable, Equatable {
        public var course: String
        public var title: String
        public var format: String
        public var provider: String?
        public var language: String
        public var hours: Quantity
        public var cost: Quantity
        public var teaches: [SkillLevel]
        /// Gap skills this step brings to their required level (it is the first step to do so).
        public var closes: [SkillLevel]
        /// Later steps that need this one: through a required level it provides first, or through `after`.
        public var neededBy: [String]
        public var reason: String
        /// Set when the course is outside the learner's preferred formats or languages: what is outside,
        /// and why the plan takes it anyway.
        public var outsidePreferences: String?
        public var start: CalendarDate?
        public var end: CalendarDate?

        public init(
            course: String, title: String, format: String, provider: String?, language: String, hours: Quantity, cost: Quantity,
            teaches: [SkillLevel], closes: [SkillLevel], neededBy: [String], reason: String, outsidePreferences: String? = nil, start: CalendarDate?,
            end: CalendarDate?
        ) {
            self.course = course
            self.title = title
            self.format = format
            self.provider = provider
            self.language = language
            self.hours = hours
            self.cost = cost
            self.teaches = teaches
            self.closes = closes
            self.neededBy = neededBy
            self.reason = reason
            self.outsidePreferences = outsidePreferences
            self.start = start
            self.end = end
        }
    }

    public struct Totals: Sendable, Equatable {
        public var hours: Quantity
        public var cost: Quantity
        public var currency: String
        public var courses: Int

        public init(hours: Quantity, cost: Quantity, currency: String, courses: Int) {
            self.hours = hours
            self.cost = cost
            self.currency = currency
            self.courses = courses
        }
    }

    public struct UnmetSkill: Sendable, Equatable {
        public var skill: String
        public var name: String
        public var have: Int
        public var need: Int
        /// The highest level the allowed courses can bring the skill to.
        public var reachable: Int
        public var reason: UnmetReason
        public var detail: String

        public init(skill: String, name: String, have: Int, need: Int, reachable: Int, reason: UnmetReason, detail: String) {
            self.skill = skill
            self.name = name
            self.have = have
            self.need = need
            self.reachable = reachable
            self.reason = reason
            self.detail = detail
        }
    }

    public struct Schedule: Sendable, Equatable {
        public var startDate: CalendarDate
        public var hoursPerWeek: Quantity
        public var estimatedCompletion: CalendarDate
        public var deadline: CalendarDate?
        /// Whether the planned courses are done by the deadline.
        public var coursesDoneByDeadline: Bool?
        /// Whether the plan meets the role's requirements by the deadline: never true while skills are unmet.
        public var meetsDeadline: Bool?

        public init(
            startDate: CalendarDate, hoursPerWeek: Quantity, estimatedCompletion: CalendarDate, deadline: CalendarDate?,
            coursesDoneByDeadline: Bool?, meetsDeadline: Bool?
        ) {
            self.startDate = startDate
            self.hoursPerWeek = hoursPerWeek
            self.estimatedCompletion = estimatedCompletion
            self.deadline = deadline
            self.coursesDoneByDeadline = coursesDoneByDeadline
            self.meetsDeadline = meetsDeadline
        }
    }
}

/// Why a gap skill is not covered by the plan.
public enum UnmetReason: String, Sendable, Equatable, CaseIterable {
    /// No course in the catalog teaches the skill at the needed level.
    case noCourse = "no-course"
    /// Courses teach it, but the options or the completed list exclude all of them.
    case excluded = "excluded"
    /// Allowed courses teach it, but their entry requirements cannot be reached.
    case unreachablePrerequisites = "unreachable-prerequisites"
    /// It is reachable, but not within `maxCost` together with the skills the plan keeps.
    case overBudget = "over-budget"
}

extension Plan {
    /// The same plan with every step dated at `pace` hours a week from `start` (docs/planning.md#schedule).
    /// Used to date a plan after it is chosen, for instance at a pace derived from a due date.
    public func scheduled(pace: Quantity, start: CalendarDate, deadline: CalendarDate?) -> Plan {
        var copy = self
        copy.schedule = PlanAssembler.schedule(&copy.steps, pace: pace, start: start, deadline: deadline, complete: complete)
        return copy
    }
}
