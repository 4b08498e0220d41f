public import SkillPathCore
public import SkillPathJSON

/// `roles.suggest`: "what could I move to?" — the roles and open opportunities closest to someone's skills.
public enum RolesSuggest: RPCMethod {
    public static let maximumLimit = 100
    public static let defaultLimit = 10

    public static let description = MethodDescription(
        name: "roles.suggest", summary: "The roles and open opportunities an employee could move to next: related roles first, or by plan hours.",
        description: """
        For the caller, or someone they may see (`employee`). By default (`sort: relatedness`, docs/mobility.md, \
        "Relatedness"): roles a catalog transition leads to from the current role first, then roles with an essential \
        skill the employee holds, then the rest, each by how alike their requirements, titles and descriptions are to \
        the current role's (`relatedness`), roles two transitions away counting 0.2 more (`via` names the role between); a role the employee already qualifies for that shares little with it is not a move and is \
        left out; each reason says how many of the role's skills the employee holds at its level. With `sort: hours`, \
        every role but the current one is ranked by the hours of its plan from the employee's stored skills; roles whose \
        gap no plan can close rank after every reachable one; cheap lower bounds rule most roles out without planning \
        them (`planned` says how many were), and the ranking is the one planning every role would give. Each open \
        opportunity for a ranked role is listed just before it. `kinds` keeps roles by the catalog's transition from \
        the current role (`none`: no transition leads there). The employee's aspirations (employees.setAspirations) \
        come first, and the reason says so: roles they want, in their order (`wanted`: their choice), then roles that \
        raise a skill they want to grow (`grows`), then the rest, each group in the order asked for. Open project \
        gigs (kind `project`; `kinds` without `project` leaves them out) are listed apart, in `projects`: each one that \
        would grow a skill of theirs (`grows`, from `have` to `to`), those growing skills they want to grow first \
        (`wantsSkills`), then as candidates.rank orders a project's candidates (room in their week, most skills, \
        smallest step).
        """,
        params: [
            MethodDescription.Parameter("employee", Schema.string, "whose suggestions (default the caller)"),
            MethodDescription.Parameter("limit", Schema.integer(minimum: 1, maximum: maximumLimit), "entries (default \(defaultLimit))"),
            MethodDescription.Parameter("kinds", Schema.array(Schema.enumeration(MoveKindFilter.allCases.map(\.rawValue))), "only these move kinds (default all)"),
            MethodDescription.Parameter("includeOpportunities", Schema.boolean, "list open opportunities for the ranked roles (default true)"),
            MethodDescription.Parameter("hoursPerWeek", Schema.number, "the pace for `readyBy` (default: the employee's preferred weekly hours, else 4)"),
            MethodDescription.Parameter("sort", Schema.enumeration(SuggestionOrder.allCases.map(\.rawValue)), "relatedness (default) or hours"),
        ],
        resultName: "suggestions",
        resultSchema: Schema.object([
            ("employee", Schema.string), ("currentRole", Schema.string), ("considered", Schema.integer()), ("planned", Schema.integer()),
            ("suggestions", Schema.array(.object([("type", "object")]))),
        ]),
        errors: [.forbidden, .unknownEmployee],
        example: .init(
            params: .object([("employee", "e-010"), ("limit", 2)]),
            result: .object([
                ("employee", "e-010"), ("currentRole", "data-analyst"), ("considered", 53), ("planned", 4),
                ("suggestions", .array([
                    .object([
                        ("type", "opportunity"), ("role", "data-engineer"), ("title", "Data Engineer"), ("opportunity", .object([("id", 3), ("kind", "secondment")])),
                        ("move", "secondment"), ("hours", 38), ("complete", true), ("readyBy", "2027-02-12"), ("reason", "open secondment; 2 skills to raise, 38 h"),
                    ]),
                    .object([
                        ("type", "role"), ("role", "data-engineer"), ("title", "Data Engineer"), ("move", "lateral"), ("hours", 38), ("complete", true),
                        ("readyBy", "2027-02-12"), ("reason", "lateral move from data-analyst; 2 skills to raise, 38 h"),
                    ]),
                ])),
            ])),
        access: .scoped)

    public struct Params: RPCParams, Equatable {
        /// nil: the caller.
        public var employee: String?
        public var limit: Int?
        /// nil: every kind.
        public var kinds: Set<MoveKindFilter>?
        public var includeOpportunities: Bool
        public var hoursPerWeek: Quantity?
        public var sort: SuggestionOrder

        public init(
            employee: String? = nil, limit: Int? = nil, kinds: Set<MoveKindFilter>? = nil, includeOpportunities: Bool = true, hoursPerWeek: Quantity? = nil,
            sort: SuggestionOrder = .relatedness
        ) {
            self.employee = employee
            self.limit = limit
            self.kinds = kinds
            self.includeOpportunities = includeOpportunities
            self.hoursPerWeek = hoursPerWeek
            self.sort = sort
        }

        public init(json params: JSONField) throws {
            employee = try params.optional("employee")?.string()
            limit = try params.optional("limit")?.int(in: 1...maximumLimit)
            if let list = try params.optional("kinds") { kinds = Set(try list.array().map { try $0.choice(MoveKindFilter.self) }) }
            includeOpportunities = try params.optional("includeOpportunities")?.bool() ?? true
            hoursPerWeek = try PlanFigures.pace(params)
            sort = try params.optional("sort")?.choice(SuggestionOrder.self) ?? .relatedness
        }

        public var json: JSONValue {
            .object([
                ("employee", employee.map(JSONValue.string)), ("limit", limit.map(JSONValue.int)),
                ("kinds", kinds.map { .strings($0.map(\.rawValue).sorted()) }), ("includeOpportunities", includeOpportunities ? nil : .bool(false)),
                ("hoursPerWeek", hoursPerWeek?.json), ("sort", sort == .relatedness ? nil : .string(sort.rawValue)),
            ])
        }
    }

    /// One entry: a role, or an open opportunity for it (listed just before the role).
    public struct Suggestion: Sendable {
        public var role: Role
        public var opportunity: OpportunityRecord?
        /// The kind of move: the catalog's transition from the current role, or `secondment` for one.
        public var move: String?
        public var transitionDefined: Bool
        public var figures: PlanFigures
        public var reason: String
        /// With `sort: relatedness`: how alike the role is to the current one (`RoleRelatedness`).
        public var relatedness: Double?
        /// With no transition to the role: the role between, when two of the catalog's transitions lead there.
        public var via: String?
        /// The employee's choice (1 = most wanted) when they said they want the role (employees.setAspirations).
        public var wantedChoice: Int?
        /// Skills the employee wants to grow that the role needs above their level.
        public var grows: [String]

        public init(
            role: Role, opportunity: OpportunityRecord?, move: String?, transitionDefined: Bool, figures: PlanFigures, reason: String,
            relatedness: Double? = nil, via: String? = nil, wantedChoice: Int? = nil, grows: [String] = []
        ) {
            self.wantedChoice = wantedChoice
            self.grows = grows
            self.role = role
            self.opportunity = opportunity
            self.move = move
            self.transitionDefined = transitionDefined
            self.figures = figures
            self.reason = reason
            self.relatedness = relatedness
            self.via = via
        }

        public var json: JSONValue {
            var members: [(String, JSONValue?)] = [("type", .string(opportunity == nil ? "role" : "opportunity")), ("role", .string(role.id))]
            if let opportunity {
                members += [
                    ("title", .string(opportunity.title ?? role.title)),
                    ("opportunity", .object([
                        ("id", .int(opportunity.id)), ("kind", .string(opportunity.kind.rawValue)), ("manager", opportunity.manager.map(JSONValue.string)),
                        ("closes", opportunity.closes.map { .string($0.description) }), ("seatsLeft", .int(opportunity.seatsLeft)),
                        ("durationWeeks", opportunity.durationWeeks.map(JSONValue.int)),
                    ])),
                ]
            } else {
                members.append(("title", .string(role.title)))
            }
            members += [
                ("move", move.map(JSONValue.string)), ("transitionDefined", .bool(transitionDefined)), ("via", via.map(JSONValue.string)),
                ("wanted", wantedChoice.map(JSONValue.int)), ("grows", grows.isEmpty ? nil : .strings(grows)),
            ]
            let related = relatedness.map { JSONValue.double(($0 * 1000).rounded() / 1000) }
            return .object(members + [("relatedness", related)] + figures.members + [("reason", .string(reason))])
        }
    }

    /// An open project gig that would grow the employee's skills.
    public struct ProjectSuggestion: Sendable {
        public var opportunity: OpportunityRecord
        public var fit: ProjectFit
        /// Whether its hours fit what their running gigs leave of their weekly budget.
        public var room: Bool
        public var wantsSkills: [String]
        public var reason: String

        public init(opportunity: OpportunityRecord, fit: ProjectFit, room: Bool, wantsSkills: [String], reason: String) {
            self.opportunity = opportunity
            self.fit = fit
            self.room = room
            self.wantsSkills = wantsSkills
            self.reason = reason
        }

        public var json: JSONValue {
            .object([
                ("type", "project"), ("opportunity", .int(opportunity.id)), ("title", opportunity.title.map(JSONValue.string)),
                ("role", .string(opportunity.role)), ("manager", opportunity.manager.map(JSONValue.string)),
                ("hoursPerWeek", opportunity.hoursPerWeek?.json), ("durationWeeks", opportunity.durationWeeks.map(JSONValue.int)),
                ("seatsLeft", .int(opportunity.seatsLeft)), ("closes", opportunity.closes.map { .string($0.description) }),
                ("grows", .array(fit.grows.map { .object([("skill", .string($0.skill)), ("have", .int($0.from)), ("to", .int($0.to))]) })),
                ("room", .bool(room)), ("wantsSkills", wantsSkills.isEmpty ? nil : .strings(wantsSkills)), ("reason", .string(reason)),
            ])
        }
    }

    public struct Result: RPCResult {
        public var employee: String
        public var currentRole: String
        public var considered: Int
        public var planned: Int
        public var suggestions: [Suggestion]
        /// nil when project gigs were not asked for (`kinds` without `project`, or `includeOpportunities: false`).
        public var projects: [ProjectSuggestion]?

        public init(employee: String, currentRole: String, considered: Int, planned: Int, suggestions: [Suggestion], projects: [ProjectSuggestion]? = nil) {
            self.employee = employee
            self.currentRole = currentRole
            self.considered = considered
            self.planned = planned
            self.suggestions = suggestions
            self.projects = projects
        }

        public var json: JSONValue {
            .object([
                ("employee", .string(employee)), ("currentRole", .string(currentRole)), ("considered", .int(considered)), ("planned", .int(planned)),
                ("suggestions", .array(suggestions.map(\.json))), ("projects", projects.map { .array($0.map(\.json)) }),
            ])
        }
    }
}
