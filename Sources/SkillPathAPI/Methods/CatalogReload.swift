import SkillPathCore
import SkillPathJSON

/// `catalog.reload`: re-read the catalog directory and swap it in, or keep the old one and say why.
enum CatalogReload {
    static let method = MethodDefinition(
        name: "catalog.reload", summary: "Re-read the catalog and swap it in atomically (administrators).",
        description: """
        Requests already running finish on the old catalog. A catalog with errors is refused: the old one keeps \
        serving and the error lists the problems (`data.errors`). Same as sending SIGHUP, but answers with the outcome.
        """,
        params: [], resultName: "reload",
        resultSchema: Schema.object([
            ("version", Schema.string), ("previousVersion", Schema.string), ("changed", Schema.boolean),
            ("skills", Schema.integer()), ("courses", Schema.integer()), ("roles", Schema.integer()), ("warnings", Schema.integer()),
        ]),
        errors: [.catalogRejected, .forbidden],
        example: .init(params: .object([]), result: .object([
            ("version", "sha256:382c3476f885c0c9"), ("previousVersion", "sha256:382c3476f885c0c9"), ("changed", false),
            ("skills", 126), ("courses", 693), ("roles", 54), ("warnings", 0),
        ])),
        access: .admin
    ) { context, _ in
        let previous = context.service.currentCatalog().catalog.version
        switch context.service.reloadCatalog(requestedBy: context.auditActor) {
        case .success(let snapshot):
            let catalog = snapshot.catalog
            return .object([
                ("version", .string(catalog.version)), ("previousVersion", .string(previous)), ("changed", .bool(catalog.version != previous)),
                ("skills", .int(catalog.skills.count)), ("courses", .int(catalog.courses.count)), ("roles", .int(catalog.roles.count)),
                ("warnings", .int(catalog.warnings.count)),
            ])
        case .failure(let rejection):
            throw rejection
        }
    }
}
