public import SkillPathCore
public import SkillPathJSON

/// `candidates.rank`: "who inside is closest to this role?"
public enum CandidatesRank: RPCMethod {
    public static let maximumLimit = 200
    public static let defaultLimit = 20

    public static let description = MethodDescription(
        name: "candidates.rank", summary: "Rank the people in the caller's scope by readiness for a role or an opportunity.",
        description: """
        Administrators rank everyone (or a manager's subtree); managers their own subtree (or a manager's below them). \
        Everyone who has not left, does not already hold the role and (for an opportunity) is not its hiring manager \
        is ranked by the hours of their plan to it from \
        their stored skills, level by level (Python 2 where 4 is needed is a gap); people whose gap no plan can close \
        come after everyone who can get there. Lower bounds rule most people out without planning them (`planned` \
        says how many were); the ranking is the one planning everyone would give. Each candidate who said they want \
        the role (employees.setAspirations) carries `wants` (their choice, 1 = most wanted), and one who is not \
        looking for a move carries `notLooking`; `wanting: true` ranks only the people who want it. For a project \
        opportunity (`kind: project`) the candidates are the people it would grow: with room for its hours in their \
        weekly budget first (`room`: their running gigs leave enough of it), then the most skills grown (`grows`, \
        from `have` to `to`), then the smallest total step (`gain`: a stretch, not a leap), then by id; each marks \
        the skills it develops they want to grow (`wantsSkills`) and `openToProjects`; `wanting: true` keeps only \
        those; nobody who already took it, nobody it would not grow. `external` is what hiring from outside would \
        cost and take (the opportunity's figures, else the configuration's for the role, else its default, else \
        null: unknown), and each candidate's `buildVersusBuy` sets their plan's cost per currency and days to \
        readiness against it (`cheaper`, `sooner`: build, buy, same or unknown, with `unknownBecause`).
        """,
        params: [
            MethodDescription.Parameter("role", Schema.string, "the role (or give opportunity)"),
            MethodDescription.Parameter("opportunity", Schema.integer(minimum: 1), "an opportunity, for its role"),
            MethodDescription.Parameter("manager", Schema.string, "only this manager's subtree"),
            MethodDescription.Parameter("limit", Schema.integer(minimum: 1, maximum: maximumLimit), "candidates (default \(defaultLimit))"),
            MethodDescription.Parameter("hoursPerWeek", Schema.number, "the pace for everyone's `readyBy` (default: each person's preferred weekly hours, else 4)"),
            MethodDescription.Parameter("wanting", Schema.boolean, "only the people who said they want the role (default false)"),
        ],
        resultName: "ranking",
        resultSchema: Schema.object([
            ("role", Schema.string), ("title", Schema.string), ("opportunity", Schema.integer()), ("manager", Schema.string),
            ("considered", Schema.integer()), ("planned", Schema.integer()), ("candidates", Schema.array(.object([("type", "object")]))),
        ]),
        errors: [.forbidden, .unknownRole, .unknownEmployee, .notFound],
        example: .init(
            params: .object([("role", "eng-senior"), ("limit", 1)]),
            result: .object([
                ("role", "eng-senior"), ("title", "Senior Engineer"), ("considered", 11), ("planned", 2),
                ("candidates", .array([.object([
                    ("employee", "e-005"), ("name", "Edsger Dijkstra"), ("currentRole", "eng-mid"), ("hours", 64), ("complete", true),
                    ("unmetEssential", 2), ("unmet", .array([.object([("skill", "system-design"), ("name", "System Design"), ("have", 2), ("need", 3)])])),
                    ("readyBy", "2027-03-29"), ("hoursPerWeek", 4), ("transition", "promotion"),
                ])])),
            ])),
        access: .scoped)

    /// What the ranking is for: a role, or an opportunity's role.
    public enum Target: Sendable, Equatable {
        case role(String)
        case opportunity(Int64)
    }

    public struct Params: RPCParams, Equatable {
        public var target: Target
        public var manager: String?
        public var limit: Int?
        /// One pace for everyone; nil: each person's own.
        public var hoursPerWeek: Quantity?
        /// Only the people who want the role.
        public var wanting: Bool

        public init(target: Target, manager: String? = nil, limit: Int? = nil, hoursPerWeek: Quantity? = nil, wanting: Bool = false) {
            self.wanting = wanting
            self.target = target
            self.manager = manager
            self.limit = limit
            self.hoursPerWeek = hoursPerWeek
        }

        public init(json params: JSONField) throws {
            switch (try params.optional("role")?.string(), try params.optional("opportunity")) {
            case (let id?, nil): target = .role(id)
            case (nil, let field?): target = .opportunity(try field.positiveID())
            case (.some, .some): throw JSONFieldError(path: "opportunity", message: "cannot be combined with role: give one or the other")
            case (nil, nil): throw JSONFieldError(path: "role", message: "is required (or give opportunity)")
            }
            manager = try params.optional("manager")?.string()
            limit = try params.optional("limit")?.int(in: 1...maximumLimit)
            hoursPerWeek = try PlanFigures.pace(params)
            wanting = try params.optional("wanting")?.bool() ?? false
        }

        public var json: JSONValue {
            let target: (String, JSONValue) = switch self.target {
            case .role(let id): ("role", .string(id))
            case .opportunity(let id): ("opportunity", .int(id))
            }
            return .object([
                (target.0, target.1), ("manager", manager.map(JSONValue.string)), ("limit", limit.map(JSONValue.int)), ("hoursPerWeek", hoursPerWeek?.json),
                ("wanting", wanting ? .bool(true) : nil),
            ])
        }
    }

    public struct Candidate: Sendable {
        public var employee: String
        public var name: String?
        public var currentRole: String?
        public var figures: PlanFigures
        public var hoursPerWeek: Quantity
        public var transition: Transition.Kind?
        /// Their choice (1 = most wanted) when they said they want the role.
        public var wants: Int?
        /// They said they are not looking for a move now.
        public var notLooking: Bool
        /// Their plan set against hiring from outside.
        public var buildVersusBuy: BuildVersusBuy?

        public init(
            employee: String, name: String?, currentRole: String?, figures: PlanFigures, hoursPerWeek: Quantity, transition: Transition.Kind?,
            wants: Int? = nil, notLooking: Bool = false
        ) {
            self.wants = wants
            self.notLooking = notLooking
            self.employee = employee
            self.name = name
            self.currentRole = currentRole
            self.figures = figures
            self.hoursPerWeek = hoursPerWeek
            self.transition = transition
        }

        public var json: JSONValue {
            .object([
                ("employee", .string(employee)), ("name", name.map(JSONValue.string)), ("currentRole", currentRole.map(JSONValue.string)),
            ] + figures.members + [
                ("hoursPerWeek", hoursPerWeek.json), ("unmetEssential", .int(figures.plan.gap.filter { $0.importance == .essential }.count)),
                ("transition", transition.map { .string($0.rawValue) }), ("wants", wants.map(JSONValue.int)), ("notLooking", notLooking ? .bool(true) : nil),
                ("buildVersusBuy", buildVersusBuy.map(Self.comparison)),
            ])
        }

        static func comparison(_ comparison: BuildVersusBuy) -> JSONValue {
            .object([
                ("buildCost", comparison.buildCost.json), ("buildDays", comparison.buildDays.map(JSONValue.int) ?? .null),
                ("cheaper", .string(comparison.cheaper.rawValue)), ("sooner", .string(comparison.sooner.rawValue)),
                ("unknownBecause", comparison.unknownBecause.map(JSONValue.string)),
            ])
        }
    }

    /// A candidate for a project gig: what it would grow for them, and whether its hours fit their week.
    public struct ProjectCandidate: Sendable {
        public var employee: String
        public var name: String?
        public var currentRole: String?
        public var entry: ProjectRanking.Entry
        /// The skills it develops that they said they want to grow.
        public var wantsSkills: [String]
        public var openToProjects: Bool
        public var notLooking: Bool
        public var reason: String

        public init(
            employee: String, name: String?, currentRole: String?, entry: ProjectRanking.Entry, wantsSkills: [String], openToProjects: Bool,
            notLooking: Bool, reason: String
        ) {
            self.employee = employee
            self.name = name
            self.currentRole = currentRole
            self.entry = entry
            self.wantsSkills = wantsSkills
            self.openToProjects = openToProjects
            self.notLooking = notLooking
            self.reason = reason
        }

        public var json: JSONValue {
            .object([
                ("employee", .string(employee)), ("name", name.map(JSONValue.string)), ("currentRole", currentRole.map(JSONValue.string)),
                ("grows", .array(entry.fit.grows.map { .object([("skill", .string($0.skill)), ("have", .int($0.from)), ("to", .int($0.to))]) })),
                ("gain", .int(entry.fit.gain)), ("hoursPerWeek", entry.budget.json), ("gigHours", entry.busy.json), ("room", .bool(entry.room)),
                ("wantsSkills", wantsSkills.isEmpty ? nil : .strings(wantsSkills)), ("openToProjects", openToProjects ? .bool(true) : nil),
                ("notLooking", notLooking ? .bool(true) : nil), ("reason", .string(reason)),
            ])
        }
    }

    public struct Result: RPCResult {
        /// `{"cost": {...} | null, "costSource": …, "daysToFill": n | null, "daysSource": …}`: null is unknown.
        static func estimate(_ estimate: ExternalHire.Estimate) -> JSONValue {
            .object([
                ("cost", estimate.cost?.json ?? .null), ("costSource", estimate.costSource.map { .string($0.rawValue) } ?? .null),
                ("daysToFill", estimate.daysToFill.map(JSONValue.int) ?? .null), ("daysSource", estimate.daysSource.map { .string($0.rawValue) } ?? .null),
            ])
        }

        public var role: Role
        public var opportunity: Int64?
        public var manager: String?
        public var considered: Int
        public var planned: Int
        public var candidates: [Candidate]
        /// For a project opportunity: its candidates (and `candidates` is empty).
        public var project: (opportunity: OpportunityRecord, candidates: [ProjectCandidate])?
        /// What hiring from outside would cost and take (not for a project).
        public var external: ExternalHire.Estimate?

        public init(role: Role, opportunity: Int64?, manager: String?, considered: Int, planned: Int, candidates: [Candidate]) {
            self.role = role
            self.opportunity = opportunity
            self.manager = manager
            self.considered = considered
            self.planned = planned
            self.candidates = candidates
        }

        public init(project: OpportunityRecord, role: Role, manager: String?, considered: Int, candidates: [ProjectCandidate]) {
            self.init(role: role, opportunity: project.id, manager: manager, considered: considered, planned: 0, candidates: [])
            self.project = (project, candidates)
        }

        public var json: JSONValue {
            var members: [(String, JSONValue?)] = [
                ("role", .string(role.id)), ("title", .string(role.title)), ("opportunity", opportunity.map(JSONValue.int)),
                ("manager", manager.map(JSONValue.string)), ("considered", .int(considered)),
            ]
            if let project {
                members += [
                    ("kind", "project"), ("hoursPerWeek", project.opportunity.hoursPerWeek?.json), ("develops", .array(project.opportunity.develops.map(\.json))),
                    ("candidates", .array(project.candidates.map(\.json))),
                ]
            } else {
                members += [("planned", .int(planned)), ("external", external.map(Self.estimate)), ("candidates", .array(candidates.map(\.json)))]
            }
            return .object(members)
        }
    }
}
