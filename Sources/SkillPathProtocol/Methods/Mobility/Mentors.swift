public import SkillPathCore
public import SkillPathJSON

/// `mentors.offer`: opt in (or out) as a mentor.
public enum MentorsOffer: RPCMethod {
    public static let description = MethodDescription(
        name: "mentors.offer", summary: "Offer to mentor your skills (all, or those listed), up to a number of mentees at once; capacity 0 withdraws.",
        description: """
        The employee offers for themself (an administrator for anyone). Whether they may mentor a given learner \
        is decided per skill when someone searches (mentors.find): an effective level at least one above what the \
        learner needs, or 4 and above, on evidence someone else gave (docs/mobility.md, "Mentors").
        """,
        params: [
            MethodDescription.Parameter("employee", Schema.string, "who offers (default the caller)"),
            MethodDescription.Parameter("skills", Schema.array(Schema.string), "the skills offered (default: every skill they qualify in)"),
            MethodDescription.Parameter("capacity", Schema.integer(minimum: 0, maximum: MentorOffer.maximumCapacity), required: true, "mentees at once; 0 withdraws the offer"),
        ],
        resultName: "offer", resultSchema: Schema.object([("employee", Schema.string), ("skills", Schema.array(Schema.string)), ("capacity", Schema.integer())]),
        errors: [.forbidden, .unknownEmployee, .unknownSkill, .conflict],
        example: .init(params: .object([("skills", .strings(["python"])), ("capacity", 2)]), result: .object([("employee", "e-009"), ("skills", .strings(["python"])), ("capacity", 2)])),
        access: .scoped)

    public struct Params: RPCParams, Equatable {
        public var employee: String?
        public var skills: [String]
        public var capacity: Int

        public init(employee: String? = nil, skills: [String] = [], capacity: Int) {
            self.employee = employee
            self.skills = skills
            self.capacity = capacity
        }

        public init(json params: JSONField) throws {
            employee = try params.optional("employee")?.string()
            capacity = try params.required("capacity").int(in: 0...MentorOffer.maximumCapacity)
            var skills: [String] = []
            if let list = try params.optional("skills") {
                let items = try list.array()
                guard items.count <= MentorOffer.maximumSkills else { throw JSONFieldError(path: list.path, message: "lists \(items.count) skills; at most \(MentorOffer.maximumSkills)") }
                for item in items {
                    let skill = try item.string()
                    guard !skills.contains(skill) else { throw JSONFieldError(path: item.path, message: "'\(skill)' is listed twice") }
                    skills.append(skill)
                }
            }
            self.skills = skills
        }

        public var json: JSONValue {
            .object([("employee", employee.map(JSONValue.string)), ("skills", skills.isEmpty ? nil : .strings(skills)), ("capacity", .int(capacity))])
        }
    }

    public struct Result: RPCResult {
        public var employee: String
        public var offer: MentorOffer?

        public init(employee: String, offer: MentorOffer?) {
            self.employee = employee
            self.offer = offer
        }

        public var json: JSONValue {
            .object([("employee", .string(employee)), ("skills", .strings(offer?.skills ?? [])), ("capacity", .int(offer?.capacity ?? 0)), ("setAt", offer.map { .string($0.setAt) })])
        }
    }
}

/// `mentors.find`: who could mentor a learner in each skill they need.
public enum MentorsFind: RPCMethod {
    public static let defaultLimit = 5
    public static let maximumLimit = 50

    public static let description = MethodDescription(
        name: "mentors.find", summary: "The people able to mentor a learner in a skill, or in every skill a plan to a role must raise.",
        description: """
        For the learner (default the caller), someone they may see. With `skill`: that skill, to `level` (default one \
        above the learner's); with `targetRole`: every essential skill the learner's plan to the role must raise, to \
        the level the role needs. A mentor offered the skill (mentors.offer), has room for another mentee, and holds \
        it, on evidence someone else gave, at an effective level at least one above what is needed or at 4 and \
        above (and above the learner's). Ranked: outside the learner's reporting line (their managers and the people \
        under them) first, then by level, evidence (course or assessment, manager, import), free places and id; \
        `outsideLineOnly` drops those inside. Of a mentor the answer shows the name and the one skill matched, \
        never their profile (docs/access.md).
        """,
        params: [
            MethodDescription.Parameter("employee", Schema.string, "the learner (default the caller)"),
            MethodDescription.Parameter("skill", Schema.string, "one skill (or give targetRole)"),
            MethodDescription.Parameter("level", Schema.integer(minimum: 1, maximum: 5), "with skill: the level needed (default one above the learner's)"),
            MethodDescription.Parameter("targetRole", Schema.string, "every skill the plan to this role must raise"),
            MethodDescription.Parameter("outsideLineOnly", Schema.boolean, "only mentors outside the learner's reporting line (default false)"),
            MethodDescription.Parameter("limit", Schema.integer(minimum: 1, maximum: maximumLimit), "mentors per skill (default \(defaultLimit))"),
        ],
        resultName: "mentors",
        resultSchema: Schema.object([("employee", Schema.string), ("skills", Schema.array(.object([("type", "object")])))]),
        errors: [.forbidden, .unknownEmployee, .unknownSkill, .unknownRole],
        example: .init(
            params: .object([("skill", "python")]),
            result: .object([
                ("employee", "e-010"),
                ("skills", .array([.object([
                    ("skill", "python"), ("name", "Python"), ("have", 1), ("need", 2),
                    ("mentors", .array([.object([("employee", "e-009"), ("name", "Sam Rivera"), ("level", 3), ("evidence", "manager"), ("freeCapacity", 2), ("outsideLine", true)])])),
                ])])),
            ])),
        access: .scoped)

    public struct Params: RPCParams, Equatable {
        public var employee: String?
        public var skill: String?
        public var level: Int?
        public var targetRole: String?
        public var outsideLineOnly: Bool
        public var limit: Int

        public init(employee: String? = nil, skill: String? = nil, level: Int? = nil, targetRole: String? = nil, outsideLineOnly: Bool = false, limit: Int = defaultLimit) {
            self.employee = employee
            self.skill = skill
            self.level = level
            self.targetRole = targetRole
            self.outsideLineOnly = outsideLineOnly
            self.limit = limit
        }

        public init(json params: JSONField) throws {
            employee = try params.optional("employee")?.string()
            skill = try params.optional("skill")?.string()
            level = try params.optional("level")?.int(in: 1...5)
            targetRole = try params.optional("targetRole")?.string()
            switch (skill, targetRole) {
            case (.some, .some): throw JSONFieldError(path: "targetRole", message: "cannot be combined with skill: give one or the other")
            case (nil, nil): throw JSONFieldError(path: "skill", message: "is required (or give targetRole)")
            default: break
            }
            if level != nil, skill == nil { throw JSONFieldError(path: "level", message: "goes with skill") }
            outsideLineOnly = try params.optional("outsideLineOnly")?.bool() ?? false
            limit = try params.optional("limit")?.int(in: 1...maximumLimit) ?? defaultLimit
        }

        public var json: JSONValue {
            .object([
                ("employee", employee.map(JSONValue.string)), ("skill", skill.map(JSONValue.string)), ("level", level.map(JSONValue.int)),
                ("targetRole", targetRole.map(JSONValue.string)), ("outsideLineOnly", outsideLineOnly ? .bool(true) : nil),
                ("limit", limit == defaultLimit ? nil : .int(limit)),
            ])
        }
    }

    public struct Result: RPCResult {
        public var employee: String
        public var found: [(need: MentorSearch.Need, name: String, mentors: [MentorSearch.Match])]

        public init(employee: String, found: [(need: MentorSearch.Need, name: String, mentors: [MentorSearch.Match])]) {
            self.employee = employee
            self.found = found
        }

        public var json: JSONValue {
            .object([
                ("employee", .string(employee)),
                ("skills", .array(found.map { entry in
                    .object([
                        ("skill", .string(entry.need.skill)), ("name", .string(entry.name)), ("have", .int(entry.need.have)), ("need", .int(entry.need.need)),
                        ("mentors", .array(entry.mentors.map { mentor in
                            .object([
                                ("employee", .string(mentor.employee)), ("name", .string(mentor.name)), ("level", .int(mentor.level)),
                                ("evidence", .string(mentor.evidence.rawValue)), ("freeCapacity", .int(mentor.freeCapacity)), ("outsideLine", .bool(mentor.outsideLine)),
                            ])
                        })),
                    ])
                })),
            ])
        }
    }
}

extension MentoringRecord: RPCResult {
    public var json: JSONValue {
        .object([
            ("id", .int(id)), ("mentor", .string(mentor)), ("learner", .string(learner)), ("skill", .string(skill)), ("started", .string(started.description)),
            ("ended", ended.map { .string($0.description) }), ("startedBy", .string(startedBy)), ("endedBy", endedBy.map(JSONValue.string)),
            ("note", note.map(JSONValue.string)),
        ])
    }
}

/// `mentoring.start`: a mentoring relationship begins.
public enum MentoringStart: RPCMethod {
    public static let description = MethodDescription(
        name: "mentoring.start", summary: "Record that a mentor starts mentoring a learner in a skill.",
        description: """
        By the learner, the mentor, one of the learner's managers, or an administrator. The mentor must have offered \
        the skill, have room for another mentee, and qualify for the learner's next level in it (as mentors.find \
        decides); the same mentor, learner and skill cannot be started twice while one is running.
        """,
        params: [
            MethodDescription.Parameter("mentor", Schema.string, required: true, "the mentor"),
            MethodDescription.Parameter("learner", Schema.string, "the learner (default the caller)"),
            MethodDescription.Parameter("skill", Schema.string, required: true, "the skill"),
            MethodDescription.Parameter("date", Schema.date, "the first day (default today)"),
            MethodDescription.Parameter("note", Schema.string, "what it is about (at most \(ApplicationRecord.maximumNote) characters)"),
        ],
        resultName: "mentoring", resultSchema: .object([("type", "object")]),
        errors: [.forbidden, .unknownEmployee, .unknownSkill, .conflict],
        example: .init(
            params: .object([("mentor", "e-009"), ("skill", "python")]),
            result: .object([("id", 1), ("mentor", "e-009"), ("learner", "e-010"), ("skill", "python"), ("started", "2026-12-06"), ("startedBy", "you")])),
        access: .scoped)

    public struct Params: RPCParams, Equatable {
        public var mentor: String
        public var learner: String?
        public var skill: String
        public var date: CalendarDate?
        public var note: String?

        public init(mentor: String, learner: String? = nil, skill: String, date: CalendarDate? = nil, note: String? = nil) {
            self.mentor = mentor
            self.learner = learner
            self.skill = skill
            self.date = date
            self.note = note
        }

        public init(json params: JSONField) throws {
            mentor = try params.required("mentor").string()
            learner = try params.optional("learner")?.string()
            skill = try params.required("skill").string()
            date = try params.optional("date")?.date()
            note = try params.note()
        }

        public var json: JSONValue {
            .object([
                ("mentor", .string(mentor)), ("learner", learner.map(JSONValue.string)), ("skill", .string(skill)),
                ("date", date.map { .string($0.description) }), ("note", note.map(JSONValue.string)),
            ])
        }
    }

    public typealias Result = MentoringRecord
}

/// `mentoring.end`: a mentoring relationship ends.
public enum MentoringEnd: RPCMethod {
    public static let description = MethodDescription(
        name: "mentoring.end", summary: "Record that a mentoring relationship ended.",
        description: "By the learner, the mentor, one of the learner's managers, or an administrator; `date` defaults to today and is not before the start.",
        params: [
            MethodDescription.Parameter("id", Schema.integer(minimum: 1), required: true, "the mentoring"),
            MethodDescription.Parameter("date", Schema.date, "the last day (default today)"),
        ],
        resultName: "mentoring", resultSchema: .object([("type", "object")]),
        errors: [.forbidden, .notFound, .conflict],
        example: .init(params: .object([("id", 1)]), result: .object([("id", 1), ("ended", "2027-03-01")])),
        access: .scoped)

    public struct Params: RPCParams, Equatable {
        public var id: Int64
        public var date: CalendarDate?

        public init(id: Int64, date: CalendarDate? = nil) {
            self.id = id
            self.date = date
        }

        public init(json params: JSONField) throws {
            id = try params.required("id").positiveID()
            date = try params.optional("date")?.date()
        }

        public var json: JSONValue { .object([("id", .int(id)), ("date", date.map { .string($0.description) })]) }
    }

    public typealias Result = MentoringRecord
}

/// `mentoring.list`: the mentorings an employee is in, as mentor or learner.
public enum MentoringList: RPCMethod {
    public static let description = MethodDescription(
        name: "mentoring.list", summary: "The mentorings an employee is in, as mentor or as learner, newest first.",
        description: "For the employee, their managers, services and administrators.",
        params: [MethodDescription.Parameter("employee", Schema.string, "whose (default the caller)")],
        resultName: "mentorings", resultSchema: Schema.object([("employee", Schema.string), ("mentorings", Schema.array(.object([("type", "object")])))]),
        errors: [.forbidden, .unknownEmployee],
        example: .init(params: .object([]), result: .object([("employee", "e-010"), ("mentorings", .array([]))])),
        access: .scoped)

    public typealias Params = EmployeeParams

    public struct Result: RPCResult {
        public var employee: String
        public var mentorings: [MentoringRecord]

        public init(employee: String, mentorings: [MentoringRecord]) {
            self.employee = employee
            self.mentorings = mentorings
        }

        public var json: JSONValue { .object([("employee", .string(employee)), ("mentorings", .array(mentorings.map(\.json)))]) }
    }
}
