import SkillPathCore
import SkillPathJSON
import SkillPathProtocol

/// `catalog.skills`, `catalog.courses`, `catalog.roles`: filtered, paged lists in id order.
enum CatalogLists {
    static let skills = MethodDefinition(
        name: "catalog.skills", summary: "List skills, optionally by category.",
        description: "Skills in id order, paged by cursor.",
        params: [MethodDefinition.Parameter("category", Schema.string, "only this category")] + Paging.parameters,
        resultName: "page", resultSchema: Schema.ref("Page"),
        example: .init(
            params: .object([("category", "data"), ("limit", 2)]),
            result: .object([
                ("items", .array([
                    .object([("id", "bi-tools"), ("name", "BI dashboards"), ("category", "data")]),
                    .object([("id", "data-analysis"), ("name", "Data analysis"), ("category", "data")]),
                ])),
                ("total", 18), ("nextCursor", "data-analysis"),
            ]))
    ) { context, params in
        let category = try params.optional("category")?.string()
        let items = context.snapshot.catalog.skills.filter { category == nil || $0.category == category }
        return Paging.page(items, request: try Paging.read(params), id: \.id, json: \.json)
    }

    static let courses = MethodDefinition(
        name: "catalog.courses", summary: "List courses, filtered by skill taught, format, language, provider, tag, hours or cost.",
        description: "Courses in id order, paged by cursor. `skill` matches courses teaching that skill (at `minLevel` or above when given).",
        params: [
            MethodDefinition.Parameter("skill", Schema.string, "teaches this skill"),
            MethodDefinition.Parameter("minLevel", Schema.integer(minimum: 1, maximum: 5), "with `skill`: teaches it at least at this level"),
            MethodDefinition.Parameter("format", Schema.string, "this format"),
            MethodDefinition.Parameter("language", Schema.string, "this language"),
            MethodDefinition.Parameter("provider", Schema.string, "this provider"),
            MethodDefinition.Parameter("tag", Schema.string, "has this tag"),
            MethodDefinition.Parameter("maxHours", Schema.number, "at most this many hours"),
            MethodDefinition.Parameter("maxCost", Schema.number, "costs at most this much"),
        ] + Paging.parameters,
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
            ]))
    ) { context, params in
        let catalog = context.snapshot.catalog
        let skill = try params.optional("skill")?.string()
        if let skill { _ = try catalog.requireSkill(skill, field: "skill") }
        let minimum = try params.optional("minLevel")?.int(in: 1...5) ?? 1
        let format = try params.optional("format")?.string()
        let language = try params.optional("language")?.string()
        let provider = try params.optional("provider")?.string()
        let tag = try params.optional("tag")?.string()
        let maxHours = try params.optional("maxHours").map(quantity)
        let maxCost = try params.optional("maxCost").map(quantity)
        let items = catalog.courses.filter { course in
            (skill == nil || course.teaches.contains { $0.skill == skill && $0.level >= minimum })
                && (format == nil || course.format == format) && (language == nil || course.language == language)
                && (provider == nil || course.provider == provider) && (tag.map { course.tags.contains($0) } ?? true)
                && (maxHours.map { course.hours <= $0 } ?? true) && (maxCost.map { course.cost <= $0 } ?? true)
        }
        return Paging.page(items, request: try Paging.read(params), id: \.id, json: \.json)
    }

    static let roles = MethodDefinition(
        name: "catalog.roles", summary: "List roles, optionally by family, grade or a skill they require.",
        description: "Roles in id order, paged by cursor.",
        params: [
            MethodDefinition.Parameter("family", Schema.string, "only this job family"),
            MethodDefinition.Parameter("grade", Schema.string, "only this grade"),
            MethodDefinition.Parameter("skill", Schema.string, "requires this skill"),
        ] + Paging.parameters,
        resultName: "page", resultSchema: Schema.ref("Page"),
        example: .init(
            params: .object([("family", "security"), ("limit", 1)]),
            result: .object([
                ("items", .array([.object([
                    ("id", "appsec-engineer"), ("title", "Application Security Engineer"), ("family", "security"), ("grade", "S2"),
                    ("requires", .array([.object([("skill", "secure-coding"), ("level", 3)])])),
                ])])),
                ("total", 6), ("nextCursor", "appsec-engineer"),
            ]))
    ) { context, params in
        let family = try params.optional("family")?.string()
        let grade = try params.optional("grade")?.string()
        let skill = try params.optional("skill")?.string()
        let items = context.snapshot.catalog.roles.filter { role in
            (family == nil || role.family == family) && (grade == nil || role.grade == grade)
                && (skill == nil || role.requires.contains { $0.skill == skill })
        }
        return Paging.page(items, request: try Paging.read(params), id: \.id, json: \.json)
    }

    static func quantity(_ field: JSONField) throws -> Quantity {
        guard case .number(let text) = field.value else { throw field.mismatch("a number") }
        switch Quantity.parse(text) {
        case .success(let value): return value
        case .failure(.outOfRange):
            throw JSONFieldError(path: field.path, message: "is out of range: \(Text.abbreviated(text)) (at most \(Quantity.limit))")
        case .failure(.notANumber): throw field.mismatch("a number")
        }
    }
}
