public import SkillPathCore
public import SkillPathJSON

extension Skill: RPCResult {}
extension Course: RPCResult {}
extension Role: RPCResult {}

/// `catalog.skills`: skills in id order, optionally by category.
public enum CatalogSkills: RPCMethod {
    public static let description = MethodDescription(
        name: "catalog.skills", summary: "List skills, optionally by category.",
        description: "Skills in id order, paged by cursor.",
        params: [MethodDescription.Parameter("category", Schema.string, "only this category")] + PageRequest.parameters,
        resultName: "page", resultSchema: Schema.ref("Page"),
        example: .init(
            params: .object([("category", "data"), ("limit", 2)]),
            result: .object([
                ("items", .array([
                    .object([("id", "bi-tools"), ("name", "BI dashboards"), ("category", "data")]),
                    .object([("id", "data-analysis"), ("name", "Data analysis"), ("category", "data")]),
                ])),
                ("total", 18), ("nextCursor", "data-analysis"),
            ])))

    public struct Params: RPCParams, Equatable {
        public var category: String?
        public var page: PageRequest

        public init(category: String? = nil, page: PageRequest = PageRequest()) {
            self.category = category
            self.page = page
        }

        public init(json params: JSONField) throws {
            category = try params.optional("category")?.string()
            page = try PageRequest(json: params)
        }

        public var json: JSONValue { .object([("category", category.map(JSONValue.string))] + page.members) }
    }

    public typealias Result = Page<Skill>
}

/// `catalog.courses`: courses in id order, filtered.
public enum CatalogCourses: RPCMethod {
    public static let description = MethodDescription(
        name: "catalog.courses", summary: "List courses, filtered by skill taught, format, language, provider, tag, hours or cost.",
        description: "Courses in id order, paged by cursor. `skill` matches courses teaching that skill (at `minLevel` or above when given).",
        params: [
            MethodDescription.Parameter("skill", Schema.string, "teaches this skill"),
            MethodDescription.Parameter("minLevel", Schema.integer(minimum: 1, maximum: 5), "with `skill`: teaches it at least at this level"),
            MethodDescription.Parameter("format", Schema.string, "this format"),
            MethodDescription.Parameter("language", Schema.string, "this language"),
            MethodDescription.Parameter("provider", Schema.string, "this provider"),
            MethodDescription.Parameter("tag", Schema.string, "has this tag"),
            MethodDescription.Parameter("maxHours", Schema.number, "at most this many hours"),
            MethodDescription.Parameter("maxCost", Schema.number, "costs at most this much"),
        ] + PageRequest.parameters,
        resultName: "page", resultSchema: Schema.ref("Page"), errors: [.unknownSkill],
        example: .init(
            params: .object([("skill", "python"), ("minLevel", 3), ("limit", 1)]),
            result: .object([
                ("items", .array([.object([
                    ("id", "python-301"), ("title", "Python deep dive"), ("provider", "Contoso Institute"), ("format", "video"), ("hours", 20),
                    ("cost", 105), ("currency", "USD"), ("language", "en"), ("teaches", .array([.object([("skill", "python"), ("level", 3)])])),
                    ("requires", .array([.object([("skill", "python"), ("level", 2)])])), ("url", "https://learning.example.com/courses/python-301"),
                ])])),
                ("total", 3), ("nextCursor", "python-301"),
            ])))

    public struct Params: RPCParams, Equatable {
        public var skill: String?
        public var minLevel: Int?
        public var format: String?
        public var language: String?
        public var provider: String?
        public var tag: String?
        public var maxHours: Quantity?
        public var maxCost: Quantity?
        public var page: PageRequest

        public init(
            skill: String? = nil, minLevel: Int? = nil, format: String? = nil, language: String? = nil, provider: String? = nil, tag: String? = nil,
            maxHours: Quantity? = nil, maxCost: Quantity? = nil, page: PageRequest = PageRequest()
        ) {
            self.skill = skill
            self.minLevel = minLevel
            self.format = format
            self.language = language
            self.provider = provider
            self.tag = tag
            self.maxHours = maxHours
            self.maxCost = maxCost
            self.page = page
        }

        public init(json params: JSONField) throws {
            skill = try params.optional("skill")?.string()
            minLevel = try params.optional("minLevel")?.int(in: 1...5)
            format = try params.optional("format")?.string()
            language = try params.optional("language")?.string()
            provider = try params.optional("provider")?.string()
            tag = try params.optional("tag")?.string()
            maxHours = try params.optional("maxHours")?.quantity(minimum: .zero)
            maxCost = try params.optional("maxCost")?.quantity(minimum: .zero)
            page = try PageRequest(json: params)
        }

        public var json: JSONValue {
            .object([
                ("skill", skill.map(JSONValue.string)), ("minLevel", minLevel.map(JSONValue.int)), ("format", format.map(JSONValue.string)),
                ("language", language.map(JSONValue.string)), ("provider", provider.map(JSONValue.string)), ("tag", tag.map(JSONValue.string)),
                ("maxHours", maxHours?.json), ("maxCost", maxCost?.json),
            ] + page.members)
        }
    }

    public typealias Result = Page<Course>
}

/// `catalog.roles`: roles in id order, by family, grade or a skill they require.
public enum CatalogRoles: RPCMethod {
    public static let description = MethodDescription(
        name: "catalog.roles", summary: "List roles, optionally by family, grade or a skill they require.",
        description: "Roles in id order, paged by cursor.",
        params: [
            MethodDescription.Parameter("family", Schema.string, "only this job family"),
            MethodDescription.Parameter("grade", Schema.string, "only this grade"),
            MethodDescription.Parameter("skill", Schema.string, "requires this skill"),
        ] + PageRequest.parameters,
        resultName: "page", resultSchema: Schema.ref("Page"),
        example: .init(
            params: .object([("family", "security"), ("limit", 1)]),
            result: .object([
                ("items", .array([.object([
                    ("id", "appsec-engineer"), ("title", "Application Security Engineer"), ("family", "security"), ("grade", "S2"),
                    ("requires", .array([.object([("skill", "secure-coding"), ("level", 3)])])),
                ])])),
                ("total", 6), ("nextCursor", "appsec-engineer"),
            ])))

    public struct Params: RPCParams, Equatable {
        public var family: String?
        public var grade: String?
        public var skill: String?
        public var page: PageRequest

        public init(family: String? = nil, grade: String? = nil, skill: String? = nil, page: PageRequest = PageRequest()) {
            self.family = family
            self.grade = grade
            self.skill = skill
            self.page = page
        }

        public init(json params: JSONField) throws {
            family = try params.optional("family")?.string()
            grade = try params.optional("grade")?.string()
            skill = try params.optional("skill")?.string()
            page = try PageRequest(json: params)
        }

        public var json: JSONValue {
            .object([("family", family.map(JSONValue.string)), ("grade", grade.map(JSONValue.string)), ("skill", skill.map(JSONValue.string))] + page.members)
        }
    }

    public typealias Result = Page<Role>
}
