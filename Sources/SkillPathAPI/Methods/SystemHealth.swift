import SkillPathJSON

/// `system.health`: is the daemon up, which version, for how long, and which catalog it serves.
enum SystemHealth {
    static let method = MethodDefinition(
        name: "system.health", summary: "Status, version, uptime and the catalog being served.",
        description: "Cheap enough for load balancers and monitoring to call often. `status` is `ok`, or `draining` once a stop has begun. `catalog.warningsByKind` counts the catalog's warnings by code, e.g. how many courses can be taken only with experience (`unreachable-requirement`).",
        params: [], resultName: "health",
        resultSchema: Schema.object([
            ("status", Schema.enumeration(["ok", "draining"])), ("version", Schema.string), ("uptimeSeconds", Schema.number),
            ("connections", Schema.integer(minimum: 0)),
            ("store", Schema.object([("schemaVersion", Schema.integer()), ("writes", Schema.integer()), ("commits", Schema.integer())])),
            ("catalog", Schema.object([
                ("version", Schema.string), ("skills", Schema.integer()), ("courses", Schema.integer()), ("roles", Schema.integer()),
                ("transitions", Schema.integer()), ("warnings", Schema.integer()),
                ("warningsByKind", Schema.object([], additional: true)),
            ])),
        ]),
        example: .init(params: .object([]), result: .object([
            ("status", "ok"), ("version", "1.0.0"), ("uptimeSeconds", .number("12.5")), ("connections", 1),
            ("catalog", .object([
                ("version", "sha256:382c3476f885c0c9"), ("skills", 126), ("courses", 693), ("roles", 54), ("transitions", 67), ("warnings", 2),
                ("warningsByKind", .object([("unreachable-requirement", 2)])),
            ])),
        ])),
        access: .anyone
    ) { context, _ in
        let catalog = context.snapshot.catalog
        let statistics = context.store.commitStatistics
        let store: JSONValue = .object([
            ("schemaVersion", .int(context.store.schemaVersion)), ("writes", .int(statistics.writes)), ("commits", .int(statistics.groups)),
        ])
        return .object([
            ("status", .string(context.service.isDraining ? "draining" : "ok")),
            ("version", .string(context.service.version)),
            ("uptimeSeconds", .double((context.service.uptimeSeconds * 10).rounded() / 10)),
            ("connections", .int(context.service.openConnections)),
            ("catalog", .object([
                ("version", .string(catalog.version)), ("skills", .int(catalog.skills.count)), ("courses", .int(catalog.courses.count)),
                ("roles", .int(catalog.roles.count)), ("transitions", .int(catalog.transitions.count)), ("warnings", .int(catalog.warnings.count)),
                ("warningsByKind", context.snapshot.warningsByKind),
            ])),
            ("store", store),
        ])
    }
}
