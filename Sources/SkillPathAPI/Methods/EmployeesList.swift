import SkillPathJSON
import SkillPathProtocol
import SkillPathStore

/// `employees.list`: the employees the caller may see, paged.
enum EmployeesList {
    static let method = MethodDefinition(
        name: "employees.list", summary: "List the employees the caller may see, paged by cursor.",
        description: "Administrators and services see everyone; a manager sees themself and everyone under them; an employee sees themself.",
        params: [
            MethodDefinition.Parameter("role", Schema.string, "only this role"),
            MethodDefinition.Parameter("manager", Schema.string, "only direct reports of this employee"),
        ] + Paging.parameters,
        resultName: "page", resultSchema: Schema.ref("Page"), errors: [.forbidden],
        example: .init(
            params: .object([("limit", 2)]),
            result: .object([
                ("items", .array([
                    .object([("id", "e-001"), ("name", "Grace Hopper"), ("login", "grace"), ("role", "eng-director")]),
                    .object([("id", "e-002"), ("name", "Alan Turing"), ("login", "alan"), ("role", "eng-manager"), ("manager", "e-001")]),
                ])),
                ("total", 12), ("nextCursor", "e-002"),
            ])),
        access: .scoped
    ) { context, params in
        let visibility: OrganisationStore.Visibility
        switch try context.requireKnown() {
        case .admin, .service: visibility = .everyone
        case .employee(let id): visibility = .subtree(of: id)
        case .unknown: visibility = .only("")
        }
        let page = try Paging.read(params)
        let result = try context.store.employees(
            visible: visibility, role: try params.optional("role")?.string(), manager: try params.optional("manager")?.string(),
            limit: page.limit, cursor: page.cursor)
        return .object([
            ("items", .array(result.items.map(\.json))), ("total", .int(result.total)),
            ("nextCursor", result.hasMore ? result.items.last.map { .string($0.id) } ?? .null : .null),
        ])
    }
}
