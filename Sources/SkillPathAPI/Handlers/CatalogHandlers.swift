import SkillPathCore
import SkillPathProtocol

extension CatalogSkills: HandledMethod {
    static func handle(_ params: Params, in context: CallContext) throws -> Result {
        let items = context.snapshot.catalog.skills.filter { params.category == nil || $0.category == params.category }
        return Page(slicing: items, request: params.page, id: \.id)
    }
}

extension CatalogCourses: HandledMethod {
    static func handle(_ params: Params, in context: CallContext) throws -> Result {
        let catalog = context.snapshot.catalog
        if let skill = params.skill { _ = try catalog.requireSkill(skill, field: "skill") }
        let minimum = params.minLevel ?? 1
        let items = catalog.courses.filter { course in
            (params.skill.map { skill in course.teaches.contains { $0.skill == skill && $0.level >= minimum } } ?? true)
                && (params.format.map { course.format == $0 } ?? true) && (params.language.map { course.language == $0 } ?? true)
                && (params.provider.map { course.provider == $0 } ?? true) && (params.tag.map { course.tags.contains($0) } ?? true)
                && (params.maxHours.map { course.hours <= $0 } ?? true) && (params.maxCost.map { course.cost <= $0 } ?? true)
        }
        return Page(slicing: items, request: params.page, id: \.id)
    }
}

extension CatalogRoles: HandledMethod {
    static func handle(_ params: Params, in context: CallContext) throws -> Result {
        let items = context.snapshot.catalog.roles.filter { role in
            (params.family.map { role.family == $0 } ?? true) && (params.grade.map { role.grade == $0 } ?? true)
                && (params.skill.map { skill in role.requires.contains { $0.skill == skill } } ?? true)
        }
        return Page(slicing: items, request: params.page, id: \.id)
    }
}

extension CatalogGet: HandledMethod {
    static func handle(_ params: Params, in context: CallContext) throws -> Result {
        let catalog = context.snapshot.catalog
        let id = params.id
        let kind = try params.kind ?? onlyKind(holding: id, in: catalog)
        func missing(_ ids: some Sequence<String>) -> DomainError {
            .unknownCatalogItem(id, kind: kind.rawValue, suggestion: Spelling.closest(to: id, among: ids))
        }
        switch kind {
        case .skill:
            guard let skill = catalog.skill(id) else { throw missing(catalog.skills.lazy.map(\.id)) }
            return .skill(
                skill, taughtBy: catalog.courses.filter { $0.teaches.contains { $0.skill == id } }.map(\.id),
                requiredBy: catalog.roles.filter { $0.requires.contains { $0.skill == id } }.map(\.id))
        case .course:
            guard let course = catalog.course(id) else { throw missing(catalog.courses.lazy.map(\.id)) }
            return .course(course, followedBy: catalog.courses.filter { $0.after.contains(id) }.map(\.id))
        case .role:
            guard let role = catalog.role(id) else { throw missing(catalog.roles.lazy.map(\.id)) }
            return .role(role, transitionsFrom: catalog.transitions.filter { $0.from == id }, transitionsTo: catalog.transitions.filter { $0.to == id })
        }
    }

    /// The one kind of item with this id; `kind` is needed when several kinds have it.
    private static func onlyKind(holding id: String, in catalog: Catalog) throws -> Kind {
        let kinds = catalog.kinds(holding: id)
        guard kinds.count <= 1 else {
            throw DomainError.invalidValue(field: "kind", message: "is needed: '\(id)' is a \(kinds.joined(separator: " and a ")) id")
        }
        guard let only = kinds.first.flatMap(Kind.init(rawValue:)) else {
            let every = catalog.skills.lazy.map(\.id) + catalog.courses.lazy.map(\.id) + catalog.roles.lazy.map(\.id)
            throw DomainError.unknownCatalogItem(id, kind: nil, suggestion: Spelling.closest(to: id, among: every))
        }
        return only
    }
}

extension CatalogSearch: HandledMethod {
    static func handle(_ params: Params, in context: CallContext) throws -> Result {
        let kinds = params.kinds ?? Set(CatalogSearchIndex.Kind.allCases)
        return Result(hits: context.snapshot.search.search(params.query, kinds: kinds, limit: params.limit ?? defaultLimit))
    }
}

extension CatalogReload: HandledMethod {
    static func handle(_ params: NoParams, in context: CallContext) throws -> Result {
        let previous = context.service.currentCatalog().catalog.version
        switch context.service.reloadCatalog(requestedBy: context.auditActor) {
        case .success(let reloaded): return Result(catalog: reloaded.snapshot.catalog, previousVersion: previous, retiredInPlans: reloaded.retiredInPlans)
        case .failure(let rejection): throw rejection
        }
    }
}
