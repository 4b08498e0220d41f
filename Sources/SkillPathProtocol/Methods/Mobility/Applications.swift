public import SkillPathCore
public import SkillPathJSON

/// `opportunities.apply`: an employee raises a hand for an open opportunity.
public enum OpportunitiesApply: RPCMethod {
    public static let description = MethodDescription(
        name: "opportunities.apply", summary: "Apply to an open opportunity, with an optional note; confidential keeps it from your managers until shortlisted.",
        description: """
        The employee applies for themself (a service acting for them with `actor`; an administrator for anyone). \
        Refused for an opportunity that is not open, not yet open or past its closing date, for someone who left, \
        holds the role already or is its hiring manager, and while the same person's application to it is still \
        open. With `confidential`, the applicant's own managers do not see the application until it is \
        shortlisted (docs/access.md); the hiring side always does.
        """,
        params: [
            MethodDescription.Parameter("opportunity", Schema.integer(minimum: 1), required: true, "the opportunity"),
            MethodDescription.Parameter("employee", Schema.string, "who applies (default the caller)"),
            MethodDescription.Parameter("note", Schema.string, "a note to the hiring manager (at most \(ApplicationRecord.maximumNote) characters)"),
            MethodDescription.Parameter("confidential", Schema.boolean, "hide it from your own managers until shortlisted (default false)"),
        ],
        resultName: "application", resultSchema: Schema.ref("Application"),
        errors: [.forbidden, .unknownEmployee, .notFound, .conflict],
        example: .init(
            params: .object([("opportunity", 4), ("note", "I have built two pipelines on the side"), ("confidential", true)]),
            result: .object([
                ("id", 1), ("opportunity", 4), ("employee", "e-010"), ("status", "applied"), ("confidential", true),
                ("steps", .array([.object([("status", "applied"), ("at", "2026-12-06T16:00:00Z"), ("by", "you"), ("note", "I have built two pipelines on the side")])])),
            ])),
        access: .scoped)

    public struct Params: RPCParams, Equatable {
        public var opportunity: Int64
        public var employee: String?
        public var note: String?
        public var confidential: Bool

        public init(opportunity: Int64, employee: String? = nil, note: String? = nil, confidential: Bool = false) {
            self.opportunity = opportunity
            self.employee = employee
            self.note = note
            self.confidential = confidential
        }

        public init(json params: JSONField) throws {
            opportunity = try params.required("opportunity").positiveID()
            employee = try params.optional("employee")?.string()
            note = try params.note()
            confidential = try params.optional("confidential")?.bool() ?? false
        }

        public var json: JSONValue {
            .object([
                ("opportunity", .int(opportunity)), ("employee", employee.map(JSONValue.string)), ("note", note.map(JSONValue.string)),
                ("confidential", confidential ? .bool(true) : nil),
            ])
        }
    }

    public typealias Result = ApplicationView
}

/// `applications.move`: the hiring side's decision on an application.
public enum ApplicationsMove: RPCMethod {
    public static let description = MethodDescription(
        name: "applications.move", summary: "Shortlist, offer, accept or decline an application (the hiring manager, their managers, administrators).",
        description: """
        applied → shortlisted → offered → accepted, or declined from any of the three; each step records who, when \
        and the note. `accepted` fills a seat of the opportunity with the applicant in the same write, which records \
        their move (dated `date`, default today); once the last seat is filled, the other open applications are \
        closed, saying so. A decided application (accepted, declined, withdrawn, closed) does not move again.
        """,
        params: [
            MethodDescription.Parameter("id", Schema.integer(minimum: 1), required: true, "the application"),
            MethodDescription.Parameter("to", Schema.enumeration(["shortlisted", "offered", "accepted", "declined"]), required: true, "the new status"),
            MethodDescription.Parameter("note", Schema.string, "why (at most \(ApplicationRecord.maximumNote) characters)"),
            MethodDescription.Parameter("date", Schema.date, "for `accepted`: the day the move takes effect (default today)"),
        ],
        resultName: "decision", resultSchema: Schema.object([("application", Schema.ref("Application")), ("move", .object([("type", "object")]))]),
        errors: [.forbidden, .notFound, .conflict],
        example: .init(
            params: .object([("id", 1), ("to", "shortlisted"), ("note", "strong pipeline work")]),
            result: .object([("application", .object([("id", 1), ("status", "shortlisted")]))])),
        access: .scoped)

    public static let decisions: [ApplicationRecord.Status] = [.shortlisted, .offered, .accepted, .declined]

    public struct Params: RPCParams, Equatable {
        public var id: Int64
        public var to: ApplicationRecord.Status
        public var note: String?
        public var date: CalendarDate?

        public init(id: Int64, to: ApplicationRecord.Status, note: String? = nil, date: CalendarDate? = nil) {
            self.id = id
            self.to = to
            self.note = note
            self.date = date
        }

        public init(json params: JSONField) throws {
            id = try params.required("id").positiveID()
            let field = try params.required("to")
            let status = try field.choice(ApplicationRecord.Status.self)
            guard decisions.contains(status) else {
                throw JSONFieldError(path: field.path, message: "must be one of \(decisions.map(\.rawValue).joined(separator: ", ")), got \"\(status.rawValue)\"")
            }
            to = status
            note = try params.note()
            date = try params.optional("date")?.date()
            if date != nil, to != .accepted { throw JSONFieldError(path: "date", message: "is for accepted only (the day the move takes effect)") }
        }

        public var json: JSONValue {
            .object([("id", .int(id)), ("to", .string(to.rawValue)), ("note", note.map(JSONValue.string)), ("date", date.map { .string($0.description) })])
        }
    }

    public struct Result: RPCResult {
        public var application: ApplicationView
        public var move: MoveRecord?
        /// Accepting a project's application starts a project move instead of a move of role.
        public var project: ProjectMove?
        public var today: CalendarDate

        public init(application: ApplicationView, move: MoveRecord?, project: ProjectMove? = nil, today: CalendarDate) {
            self.application = application
            self.move = move
            self.project = project
            self.today = today
        }

        public var json: JSONValue {
            .object([("application", application.json), ("move", move?.json), ("project", project?.json(today: today))])
        }
    }
}

/// `applications.withdraw`: the applicant takes their application back.
public enum ApplicationsWithdraw: RPCMethod {
    public static let description = MethodDescription(
        name: "applications.withdraw", summary: "Withdraw your application (until it is accepted).",
        description: "The applicant (or an administrator) withdraws an application that is applied, shortlisted or offered.",
        params: [
            MethodDescription.Parameter("id", Schema.integer(minimum: 1), required: true, "the application"),
            MethodDescription.Parameter("note", Schema.string, "why (at most \(ApplicationRecord.maximumNote) characters)"),
        ],
        resultName: "application", resultSchema: Schema.ref("Application"),
        errors: [.forbidden, .notFound, .conflict],
        example: .init(params: .object([("id", 1)]), result: .object([("id", 1), ("status", "withdrawn")])),
        access: .scoped)

    public struct Params: RPCParams, Equatable {
        public var id: Int64
        public var note: String?

        public init(id: Int64, note: String? = nil) {
            self.id = id
            self.note = note
        }

        public init(json params: JSONField) throws {
            id = try params.required("id").positiveID()
            note = try params.note()
        }

        public var json: JSONValue { .object([("id", .int(id)), ("note", note.map(JSONValue.string))]) }
    }

    public typealias Result = ApplicationView
}

/// `applications.list`: the applications the caller may see, each with the applicant's readiness.
public enum ApplicationsList: RPCMethod {
    public static let defaultLimit = 200
    public static let maximumLimit = 1000

    public static let description = MethodDescription(
        name: "applications.list", summary: "Applications the caller may see, each with the applicant's readiness for the role.",
        description: """
        An applicant sees their own; the hiring manager and their managers every application to their \
        opportunities; an applicant's own managers their reports' applications, except a confidential one not \
        yet shortlisted; services and administrators all (docs/access.md). Each comes with the applicant's plan \
        to the opportunity's role from their stored skills: hours, the gaps, and `readyBy` at their own pace. \
        For one opportunity the list is ranked by readiness (as candidates.rank ranks), otherwise by id.
        """,
        params: [
            MethodDescription.Parameter("opportunity", Schema.integer(minimum: 1), "only this opportunity's"),
            MethodDescription.Parameter("employee", Schema.string, "only this applicant's"),
            MethodDescription.Parameter("status", Schema.enumeration(ApplicationRecord.Status.allCases.map(\.rawValue)), "only this status"),
            MethodDescription.Parameter("limit", Schema.integer(minimum: 1, maximum: maximumLimit), "applications (default \(defaultLimit))"),
        ],
        resultName: "applications",
        resultSchema: Schema.object([("applications", Schema.array(Schema.ref("Application"))), ("total", Schema.integer())]),
        errors: [.forbidden, .notFound],
        example: .init(
            params: .object([("opportunity", 4)]),
            result: .object([("applications", .array([.object([("id", 1), ("employee", "e-010"), ("status", "applied"), ("hours", 88)])])), ("total", 1)])),
        access: .known)

    public struct Params: RPCParams, Equatable {
        public var opportunity: Int64?
        public var employee: String?
        public var status: ApplicationRecord.Status?
        public var limit: Int

        public init(opportunity: Int64? = nil, employee: String? = nil, status: ApplicationRecord.Status? = nil, limit: Int = defaultLimit) {
            self.opportunity = opportunity
            self.employee = employee
            self.status = status
            self.limit = limit
        }

        public init(json params: JSONField) throws {
            opportunity = try params.optional("opportunity")?.positiveID()
            employee = try params.optional("employee")?.string()
            status = try params.optional("status")?.choice(ApplicationRecord.Status.self)
            limit = try params.optional("limit")?.int(in: 1...maximumLimit) ?? defaultLimit
        }

        public var json: JSONValue {
            .object([
                ("opportunity", opportunity.map(JSONValue.int)), ("employee", employee.map(JSONValue.string)), ("status", status.map { .string($0.rawValue) }),
                ("limit", limit == defaultLimit ? nil : .int(limit)),
            ])
        }
    }

    public struct Result: RPCResult {
        public var applications: [ApplicationView]
        public var total: Int

        public init(applications: [ApplicationView], total: Int) {
            self.applications = applications
            self.total = total
        }

        public var json: JSONValue { .object([("applications", .array(applications.map(\.json))), ("total", .int(total))]) }
    }
}

/// An application as the methods show it: the record, who the applicant is, the role, and (where the
/// applicant's skills are known) how ready they are.
public struct ApplicationView: RPCResult {
    public var record: ApplicationRecord
    public var name: String?
    public var currentRole: String?
    public var role: String?
    public var figures: PlanFigures?
    public var hoursPerWeek: Quantity?
    /// For a project gig: what it would grow for the applicant (their readiness is not a plan to a role).
    public var grows: ProjectFit?

    public init(record: ApplicationRecord, name: String? = nil, currentRole: String? = nil, role: String? = nil, figures: PlanFigures? = nil, hoursPerWeek: Quantity? = nil) {
        self.record = record
        self.name = name
        self.currentRole = currentRole
        self.role = role
        self.figures = figures
        self.hoursPerWeek = hoursPerWeek
    }

    public var json: JSONValue {
        .object([
            ("id", .int(record.id)), ("opportunity", .int(record.opportunity)), ("role", role.map(JSONValue.string)), ("employee", .string(record.employee)),
            ("name", name.map(JSONValue.string)), ("currentRole", currentRole.map(JSONValue.string)), ("status", .string(record.status.rawValue)),
            ("confidential", .bool(record.confidential)),
            ("steps", .array(record.steps.map { step in
                .object([("status", .string(step.status.rawValue)), ("at", .string(step.at)), ("by", .string(step.by)), ("note", step.note.map(JSONValue.string))])
            })),
        ] + (figures?.members ?? []) + [
            ("hoursPerWeek", hoursPerWeek?.json),
            ("grows", grows.map { fit in .array(fit.grows.map { .object([("skill", .string($0.skill)), ("have", .int($0.from)), ("to", .int($0.to))]) }) }),
        ])
    }
}
