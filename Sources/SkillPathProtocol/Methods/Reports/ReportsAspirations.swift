public import SkillPathCore
public import SkillPathJSON

/// `reports.aspirations`: who wants what, and how near they are — for a team or the organisation.
public enum ReportsAspirations: RPCMethod {
    public static let defaultLimit = 100
    public static let maximumLimit = 1000
    public static let listed = 10

    public static let description = MethodDescription(
        name: "reports.aspirations", summary: "Who wants which roles and skills, how near each person is, and the roles nobody is near.",
        description: """
        For everyone (administrators) or a manager's subtree (`manager`; managers see their own or one below), people \
        who have not left. `team` lists each person who said anything (employees.setAspirations), with each wanted \
        role planned from their stored skills and dated at their own pace. `roles` counts, for each wanted role, who \
        wants it, as a first choice, and names the `nearest` of them (the soonest ready by their plan); `readyWithin` \
        counts how many of them a plan makes ready within `months` (default 6) — counted when the scope has at most \
        2,000 wishes, or with `countReady: true` (which plans every wanter up to the horizon: seconds for a whole \
        large organisation), and `readyCounted` says whether it was. `outOfReach` are the wanted roles whose nearest \
        wanter is not ready by then; `leastWanted` are the roles people in scope hold, fewest wanters first. \
        Definitions and a worked example: docs/mobility.md, "Aspirations".
        """,
        params: [
            MethodDescription.Parameter("manager", Schema.string, "this manager's subtree"),
            MethodDescription.Parameter("months", Schema.integer(minimum: 1, maximum: 60), "the horizon of `readyWithin` (default 6)"),
            MethodDescription.Parameter("limit", Schema.integer(minimum: 1, maximum: maximumLimit), "people listed in `team` (default \(defaultLimit))"),
            MethodDescription.Parameter(
                "countReady", Schema.boolean, "count `readyWithin` for every role (default: when the scope has at most \(AspirationPicture.countedWishes) wishes)"),
        ],
        resultName: "report", resultSchema: .object([("type", "object")]),
        errors: [.forbidden, .unknownEmployee],
        example: .init(
            params: .object([("manager", "e-003")]),
            result: .object([
                ("manager", "e-003"), ("horizon", "2027-06-06"), ("people", 6), ("withAspirations", 1), ("notLooking", 0),
                ("openTo", .object([("promotion", 0), ("lateral", 1), ("secondment", 0), ("project", 1)])), ("readyCounted", true),
                ("roles", .array([.object([
                    ("role", "data-engineer"), ("title", "Data Engineer"), ("wantedBy", 1), ("firstChoice", 1), ("holders", 0), ("readyWithin", 1),
                    ("nearest", .object([("employee", "e-010"), ("readyBy", "2027-02-12")])),
                ])])),
                ("outOfReach", .array([])),
                ("leastWanted", .array([.object([("role", "data-analyst"), ("title", "Data Analyst"), ("wantedBy", 0), ("holders", 2)])])),
                ("skills", .array([.object([("skill", "python"), ("wantedBy", 1)])])),
                ("team", .array([.object([
                    ("employee", "e-010"), ("name", "Ivan Petrov"), ("role", "data-analyst"), ("notLooking", false), ("openTo", .strings(["lateral", "project"])),
                    ("skills", .strings(["python"])),
                    ("wanted", .array([.object([("role", "data-engineer"), ("choice", 1), ("hours", 38), ("complete", true), ("readyBy", "2027-02-12")])])),
                ])])),
                ("teamTotal", 1),
            ])),
        access: .scoped)

    public struct Params: RPCParams, Equatable {
        public var manager: String?
        public var months: Int
        public var limit: Int
        /// nil: counted when the scope is small (`AspirationPicture.countedWishes`).
        public var countReady: Bool?

        public init(manager: String? = nil, months: Int = 6, limit: Int = defaultLimit, countReady: Bool? = nil) {
            self.manager = manager
            self.months = months
            self.limit = limit
            self.countReady = countReady
        }

        public init(json params: JSONField) throws {
            manager = try params.optional("manager")?.string()
            months = try params.optional("months")?.int(in: 1...60) ?? 6
            limit = try params.optional("limit")?.int(in: 1...maximumLimit) ?? defaultLimit
            countReady = try params.optional("countReady")?.bool()
        }

        public var json: JSONValue {
            .object([
                ("manager", manager.map(JSONValue.string)), ("months", months == 6 ? nil : .int(months)),
                ("limit", limit == defaultLimit ? nil : .int(limit)), ("countReady", countReady.map(JSONValue.bool)),
            ])
        }
    }

    public struct Result: RPCResult {
        public var manager: String?
        public var picture: AspirationPicture
        public var limit: Int

        public init(manager: String?, picture: AspirationPicture, limit: Int) {
            self.manager = manager
            self.picture = picture
            self.limit = limit
        }

        public var json: JSONValue {
            let picture = picture
            return .object([
                ("manager", manager.map(JSONValue.string)), ("horizon", .string(picture.horizon.description)), ("people", .int(picture.people)),
                ("withAspirations", .int(picture.entries.count)), ("notLooking", .int(picture.notLooking)),
                ("openTo", .object(picture.openTo.map { ($0.kind.rawValue, .int($0.people)) })), ("readyCounted", .bool(picture.readyCounted)),
                ("roles", .array(picture.roles.map { Self.demand($0, full: true) })),
                ("outOfReach", .array(picture.outOfReach.map { Self.demand($0, full: false) })),
                ("leastWanted", .array(picture.leastWanted.prefix(listed).map { Self.demand($0, full: false) })),
                ("skills", .array(picture.skills.map { .object([("skill", .string($0.skill)), ("wantedBy", .int($0.wantedBy))]) })),
                ("team", .array(picture.entries.prefix(limit).map(Self.entry))),
                ("teamTotal", .int(picture.entries.count)),
            ])
        }

        static func demand(_ role: AspirationPicture.RoleDemand, full: Bool) -> JSONValue {
            var members: [(String, JSONValue?)] = [("role", .string(role.role)), ("title", role.title.map(JSONValue.string)), ("wantedBy", .int(role.wantedBy))]
            if full {
                members += [
                    ("firstChoice", .int(role.firstChoice)), ("holders", .int(role.holders)), ("readyWithin", role.readyWithin.map(JSONValue.int)),
                    ("nearest", role.nearest.map { .object([("employee", .string($0.employee)), ("readyBy", .string($0.readyBy.description))]) }),
                ]
            } else {
                members.append(("holders", .int(role.holders)))
            }
            return .object(members)
        }

        static func entry(_ entry: AspirationPicture.Entry) -> JSONValue {
            .object([
                ("employee", .string(entry.person.id)), ("name", .string(entry.person.name)), ("role", .string(entry.person.role)),
                ("notLooking", .bool(entry.aspirations.notLooking)), ("openTo", .strings(entry.aspirations.openTo.map(\.rawValue))),
                ("skills", .strings(entry.aspirations.skills)),
                ("wanted", .array(entry.wishes.map { wish in
                    .object([
                        ("role", .string(wish.role)), ("choice", .int(wish.choice)), ("inCatalog", wish.plan == nil ? .bool(false) : nil),
                        ("hours", wish.plan?.totals.hours.json), ("complete", wish.plan.map { .bool($0.complete) }),
                        ("readyBy", wish.readyBy.map { .string($0.description) }),
                    ])
                })),
            ])
        }
    }
}
