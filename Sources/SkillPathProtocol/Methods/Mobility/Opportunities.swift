public import SkillPathCore
public import SkillPathJSON

/// `opportunities.create`: an open internal position or secondment.
public enum OpportunitiesCreate: RPCMethod {
    public static let maximumHeadcount = 1000
    public static let maximumWeeks = 520
    /// A project gig is work beside one's role: at most a full working week.
    public static let maximumProjectHours = Quantity(hundredths: 4000)
    public static let maximumDevelops = 10

    public static let description = MethodDescription(
        name: "opportunities.create", summary: "Open an internal position, secondment or project gig (administrators; managers for their own teams).",
        description: """
        A manager opens opportunities for their own team or a team below them (`manager`, default themself); an \
        administrator for anyone, or with no manager. `headcount` seats (default 1); `opens` defaults to today; a \
        secondment may say how many weeks it lasts (`durationWeeks`), which dates the return of whoever fills it. \
        A `project` gig changes nobody's role (`role` is the role whose work it is): it needs `hoursPerWeek` (at most \
        40), `durationWeeks` and `develops`, the skills it grows and to what level (1 to 10 distinct skills); whoever \
        takes a seat gets a project move (projects.list) whose hours come out of their weekly learning budget. \
        A position or secondment may give its own estimate of hiring from outside, `externalCost` and \
        `externalDaysToFill`, which `candidates.rank` and `reports.mobility` set against building from inside (else \
        the configuration's, else unknown: docs/mobility.md, "Building versus buying"); only this answer, the \
        candidates and the report show them, not the list every employee reads.
        """,
        params: [
            MethodDescription.Parameter("role", Schema.string, required: true, "the role to fill"),
            MethodDescription.Parameter("kind", Schema.enumeration(OpportunityRecord.Kind.allCases.map(\.rawValue)), "position (default), secondment or project"),
            MethodDescription.Parameter("title", Schema.string, "a title for the listing (default the role's)"),
            MethodDescription.Parameter("manager", Schema.string, "the hiring manager (default the caller, when an employee)"),
            MethodDescription.Parameter("headcount", Schema.integer(minimum: 1, maximum: maximumHeadcount), "seats (default 1)"),
            MethodDescription.Parameter("opens", Schema.date, "the day it opens (default today)"),
            MethodDescription.Parameter("closes", Schema.date, "the last day to apply"),
            MethodDescription.Parameter("durationWeeks", Schema.integer(minimum: 1, maximum: maximumWeeks), "a secondment's or project's length"),
            MethodDescription.Parameter("hoursPerWeek", Schema.number, "a project's hours a week (required for a project)"),
            MethodDescription.Parameter(
                "develops", Schema.array(.object([("type", "object")])), "a project's skills and levels: [{\"skill\": \"sql\", \"level\": 3}] (required for a project)"),
            MethodDescription.Parameter(
                "externalCost", .object([("type", "object")]), "what hiring from outside would cost: {\"amount\": 45000, \"currency\": \"USD\"} (not for a project)"),
            MethodDescription.Parameter(
                "externalDaysToFill", Schema.integer(minimum: 1, maximum: ExternalHire.maximumDaysToFill), "days hiring from outside would take (not for a project)"),
        ],
        resultName: "opportunity", resultSchema: .object([("type", "object")]),
        errors: [.forbidden, .unknownRole, .unknownSkill, .unknownEmployee],
        example: .init(
            params: .object([("role", "data-engineer"), ("kind", "secondment"), ("manager", "e-002"), ("durationWeeks", 12)]),
            result: .object([
                ("id", 3), ("role", "data-engineer"), ("manager", "e-002"), ("kind", "secondment"), ("headcount", 1), ("seatsLeft", 1),
                ("opens", "2026-11-30"), ("durationWeeks", 12), ("status", "open"), ("fills", .array([])),
            ])),
        access: .scoped)

    public struct Params: RPCParams, Equatable {
        public var role: String
        public var kind: OpportunityRecord.Kind
        public var title: String?
        public var manager: String?
        public var headcount: Int
        public var opens: CalendarDate?
        public var closes: CalendarDate?
        public var durationWeeks: Int?
        public var hoursPerWeek: Quantity?
        public var develops: [SkillLevel]
        public var externalCost: Money?
        public var externalDaysToFill: Int?

        public init(
            role: String, kind: OpportunityRecord.Kind = .position, title: String? = nil, manager: String? = nil, headcount: Int = 1,
            opens: CalendarDate? = nil, closes: CalendarDate? = nil, durationWeeks: Int? = nil, hoursPerWeek: Quantity? = nil, develops: [SkillLevel] = [],
            externalCost: Money? = nil, externalDaysToFill: Int? = nil
        ) {
            self.externalCost = externalCost
            self.externalDaysToFill = externalDaysToFill
            self.hoursPerWeek = hoursPerWeek
            self.develops = develops
            self.role = role
            self.kind = kind
            self.title = title
            self.manager = manager
            self.headcount = headcount
            self.opens = opens
            self.closes = closes
            self.durationWeeks = durationWeeks
        }

        public init(json params: JSONField) throws {
            role = try params.required("role").string()
            kind = try params.optional("kind")?.choice(OpportunityRecord.Kind.self) ?? .position
            title = try params.optional("title")?.string()
            manager = try params.optional("manager")?.string()
            headcount = try params.optional("headcount")?.int(in: 1...maximumHeadcount) ?? 1
            opens = try params.optional("opens")?.date()
            closes = try params.optional("closes")?.date()
            durationWeeks = try params.optional("durationWeeks")?.int(in: 1...maximumWeeks)
            if let field = try params.optional("hoursPerWeek") {
                let hours = try field.quantity(minimum: Quantity(hundredths: 1))
                guard hours <= OpportunitiesCreate.maximumProjectHours else {
                    throw JSONFieldError(path: field.path, message: "must be at most \(OpportunitiesCreate.maximumProjectHours) (a full working week), got \(hours)")
                }
                hoursPerWeek = hours
            }
            develops = try params.optional("develops").map(Self.skillLevels) ?? []
            externalCost = try params.optional("externalCost").map(Self.money)
            externalDaysToFill = try params.optional("externalDaysToFill")?.int(in: 1...ExternalHire.maximumDaysToFill)
            if kind == .project, externalCost != nil { throw JSONFieldError(path: "externalCost", message: "is for positions and secondments: a project is not a hire") }
            if kind == .project, externalDaysToFill != nil {
                throw JSONFieldError(path: "externalDaysToFill", message: "is for positions and secondments: a project is not a hire")
            }
            switch kind {
            case .position:
                if durationWeeks != nil { throw JSONFieldError(path: "durationWeeks", message: "is for secondments and projects only") }
            case .secondment: break
            case .project:
                if durationWeeks == nil { throw JSONFieldError(path: "durationWeeks", message: "is required for a project") }
                if hoursPerWeek == nil { throw JSONFieldError(path: "hoursPerWeek", message: "is required for a project") }
                if develops.isEmpty { throw JSONFieldError(path: "develops", message: "is required for a project: the skills it grows and to what level") }
            }
            if kind != .project, hoursPerWeek != nil { throw JSONFieldError(path: "hoursPerWeek", message: "is for projects only") }
            if kind != .project, !develops.isEmpty { throw JSONFieldError(path: "develops", message: "is for projects only") }
        }

        /// `{"amount": 45000, "currency": "USD"}`: an amount from 0 to `Money.maximum` and a currency code.
        static func money(_ field: JSONField) throws(JSONFieldError) -> Money {
            let amount = try field.required("amount").quantity(minimum: .zero)
            guard amount <= Money.maximum else { throw JSONFieldError(path: field.child("amount"), message: "must be at most \(Money.maximum), got \(amount)") }
            let currency = try field.required("currency").string()
            guard Money.isCurrencyCode(currency) else {
                throw JSONFieldError(path: field.child("currency"), message: "must be a currency code such as USD (3 to 8 capital letters or digits), got '\(currency)'")
            }
            return Money(amount: amount, currency: currency)
        }

        /// `[{"skill": "sql", "level": 3}, …]`: 1 to 10 distinct skills, levels 1 to 5.
        static func skillLevels(_ field: JSONField) throws(JSONFieldError) -> [SkillLevel] {
            let items = try field.array()
            guard (1...OpportunitiesCreate.maximumDevelops).contains(items.count) else {
                throw JSONFieldError(path: field.path, message: "must list 1 to \(OpportunitiesCreate.maximumDevelops) skills, got \(items.count)")
            }
            var seen: Set<String> = []
            return try items.map { (item: JSONField) throws(JSONFieldError) -> SkillLevel in
                let skill = try item.required("skill").string()
                guard seen.insert(skill).inserted else { throw JSONFieldError(path: item.path, message: "lists '\(skill)' a second time") }
                return SkillLevel(skill: skill, level: try item.required("level").int(in: SkillLevel.catalogLevels))
            }
        }

        public var json: JSONValue {
            .object([
                ("role", .string(role)), ("kind", .string(kind.rawValue)), ("title", title.map(JSONValue.string)), ("manager", manager.map(JSONValue.string)),
                ("headcount", .int(headcount)), ("opens", opens.map { .string($0.description) }), ("closes", closes.map { .string($0.description) }),
                ("durationWeeks", durationWeeks.map(JSONValue.int)), ("hoursPerWeek", hoursPerWeek?.json),
                ("develops", develops.isEmpty ? nil : .array(develops.map(\.json))), ("externalCost", externalCost?.json),
                ("externalDaysToFill", externalDaysToFill.map(JSONValue.int)),
            ])
        }
    }

    /// The opportunity as every list shows it, and to its creator the external estimate it was given.
    public struct Result: RPCResult {
        public var opportunity: OpportunityRecord

        public init(_ opportunity: OpportunityRecord) {
            self.opportunity = opportunity
        }

        public var json: JSONValue {
            guard case .object(var members) = opportunity.json else { return opportunity.json }
            members["externalCost"] = opportunity.externalCost?.json ?? .null
            members["externalDaysToFill"] = opportunity.externalDaysToFill.map(JSONValue.int) ?? .null
            return .object(members)
        }
    }
}

/// `opportunities.list`: the internal job market, open to every employee.
public enum OpportunitiesList: RPCMethod {
    public static let description = MethodDescription(
        name: "opportunities.list", summary: "List internal opportunities (every known caller: the internal market is open).",
        description: "Open ones by default (`status: all` for every one), oldest first, filtered by role and kind.",
        params: [
            MethodDescription.Parameter("status", Schema.enumeration(OpportunityRecord.Status.allCases.map(\.rawValue) + ["all"]), "open (default), filled, closed or all"),
            MethodDescription.Parameter("role", Schema.string, "only this role"),
            MethodDescription.Parameter("kind", Schema.enumeration(OpportunityRecord.Kind.allCases.map(\.rawValue)), "position, secondment or project"),
        ] + PageRequest.parameters,
        resultName: "page", resultSchema: Schema.ref("Page"), errors: [.forbidden],
        example: .init(
            params: .object([("kind", "secondment")]),
            result: .object([
                ("items", .array([.object([("id", 3), ("role", "data-engineer"), ("kind", "secondment"), ("status", "open"), ("seatsLeft", 1)])])),
                ("total", 1), ("nextCursor", .null),
            ])),
        access: .known)

    public struct Params: RPCParams, Equatable {
        /// nil: every status.
        public var status: OpportunityRecord.Status?
        public var role: String?
        public var kind: OpportunityRecord.Kind?
        public var page: PageRequest

        public init(status: OpportunityRecord.Status? = .open, role: String? = nil, kind: OpportunityRecord.Kind? = nil, page: PageRequest = PageRequest()) {
            self.status = status
            self.role = role
            self.kind = kind
            self.page = page
        }

        public init(json params: JSONField) throws {
            status = .open
            if let field = try params.optional("status") {
                status = try field.string() == "all" ? nil : try field.choice(OpportunityRecord.Status.self)
            }
            role = try params.optional("role")?.string()
            kind = try params.optional("kind")?.choice(OpportunityRecord.Kind.self)
            page = try PageRequest(json: params)
        }

        public var json: JSONValue {
            .object([
                ("status", .string(status?.rawValue ?? "all")), ("role", role.map(JSONValue.string)), ("kind", kind.map { .string($0.rawValue) }),
            ] + page.members)
        }
    }

    public typealias Result = Page<OpportunityRecord>
}

/// `opportunities.close`: a seat filled, by an employee or from outside, or the opportunity withdrawn.
public enum OpportunitiesClose: RPCMethod {
    public static let description = MethodDescription(
        name: "opportunities.close", summary: "Fill a seat of an opportunity (an employee or external) or withdraw it (administrators; its manager and theirs).",
        description: """
        `filledBy` fills one seat with an employee and records their move to the role (a secondment ending after \
        `durationWeeks`, or a permanent move of the kind the catalog gives); for a project, a project move instead \
        (`project`), the role unchanged; `external: true` fills a seat from outside; \
        neither withdraws the opportunity. It is `filled` once every seat is. `date` defaults to today.
        """,
        params: [
            MethodDescription.Parameter("id", Schema.integer(minimum: 1), required: true, "the opportunity"),
            MethodDescription.Parameter("filledBy", Schema.string, "the employee who takes a seat"),
            MethodDescription.Parameter("external", Schema.boolean, "true: a seat went to someone from outside"),
            MethodDescription.Parameter("date", Schema.date, "the day (default today)"),
        ],
        resultName: "closed", resultSchema: Schema.object([("opportunity", .object([("type", "object")])), ("move", .object([("type", "object")]))]),
        errors: [.forbidden, .notFound, .unknownEmployee, .conflict],
        example: .init(
            params: .object([("id", 3), ("filledBy", "e-007")]),
            result: .object([
                ("opportunity", .object([("id", 3), ("status", "filled"), ("seatsLeft", 0)])),
                ("move", .object([("id", 14), ("employee", "e-007"), ("toRole", "data-engineer"), ("kind", "secondment"), ("endDate", "2027-02-22")])),
            ])),
        access: .scoped)

    public struct Params: RPCParams, Equatable {
        public var id: Int64
        public var closing: OpportunityClosing
        public var date: CalendarDate?

        public init(id: Int64, closing: OpportunityClosing, date: CalendarDate? = nil) {
            self.id = id
            self.closing = closing
            self.date = date
        }

        public init(json params: JSONField) throws {
            id = try params.required("id").positiveID()
            let filledBy = try params.optional("filledBy")?.string()
            let external = try params.optional("external")?.bool() ?? false
            if filledBy != nil && external {
                throw JSONFieldError(path: "external", message: "cannot be combined with filledBy: a seat goes to an employee or to someone from outside")
            }
            closing = filledBy.map(OpportunityClosing.filledBy) ?? (external ? .filledExternally : .withdrawn)
            date = try params.optional("date")?.date()
        }

        public var json: JSONValue {
            var members: [(String, JSONValue?)] = [("id", .int(id))]
            switch closing {
            case .filledBy(let employee): members.append(("filledBy", .string(employee)))
            case .filledExternally: members.append(("external", .bool(true)))
            case .withdrawn: break
            }
            return .object(members + [("date", date.map { .string($0.description) })])
        }
    }

    public struct Result: RPCResult {
        public var opportunity: OpportunityRecord
        public var move: MoveRecord?
        public var project: ProjectMove?
        public var today: CalendarDate

        public init(opportunity: OpportunityRecord, move: MoveRecord?, project: ProjectMove? = nil, today: CalendarDate) {
            self.opportunity = opportunity
            self.move = move
            self.project = project
            self.today = today
        }

        public var json: JSONValue {
            .object([("opportunity", opportunity.json), ("move", move?.json), ("project", project?.json(today: today))])
        }
    }
}
