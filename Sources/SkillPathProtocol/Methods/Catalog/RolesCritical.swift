public import SkillPathCore
public import SkillPathJSON

/// `roles.critical`: the roles whose succession is watched, and who said so.
public enum RolesCritical: RPCMethod {
    public static let description = MethodDescription(
        name: "roles.critical", summary: "The critical roles: marked in the catalog or by an administrator.",
        description: """
        Each role the catalog marks `critical: true`, unless an administrator took the mark off, and each role an \
        administrator marked (`roles.setCritical`). `source` says which. `reports.succession` watches these roles.
        """,
        params: [],
        resultName: "roles", resultSchema: .object([("type", "object")]),
        errors: [],
        example: .init(
            params: .object([]),
            result: .object([("roles", .array([.object([("role", "eng-manager"), ("title", "Engineering Manager"), ("source", "administrator")])]))])),
        access: .known)

    public typealias Params = NoParams

    public struct Result: RPCResult {
        public var roles: [(role: Role, source: String)]

        public init(roles: [(role: Role, source: String)]) {
            self.roles = roles
        }

        public var json: JSONValue {
            .object([("roles", .array(roles.map { .object([("role", .string($0.role.id)), ("title", .string($0.role.title)), ("source", .string($0.source))]) }))])
        }
    }
}

/// `roles.setCritical`: an administrator marks a role critical, or takes the mark off.
public enum RolesSetCritical: RPCMethod {
    public static let description = MethodDescription(
        name: "roles.setCritical", summary: "Mark a role critical, or take the mark off (administrators).",
        description: """
        Overrides the catalog's `critical` flag for the role; kept by role id, so a catalog reload keeps it. Audited.
        """,
        params: [
            MethodDescription.Parameter("role", Schema.string, required: true, "a role of the catalog"),
            MethodDescription.Parameter("critical", Schema.boolean, required: true, "true to watch its succession, false not to"),
        ],
        resultName: "role", resultSchema: .object([("type", "object")]),
        errors: [.forbidden, .unknownRole],
        example: .init(
            params: .object([("role", "eng-manager"), ("critical", true)]),
            result: .object([("role", "eng-manager"), ("critical", true), ("catalog", false)])),
        access: .admin)

    public struct Params: RPCParams, Equatable {
        public var role: String
        public var critical: Bool

        public init(role: String, critical: Bool) {
            self.role = role
            self.critical = critical
        }

        public init(json params: JSONField) throws {
            role = try params.required("role").string()
            critical = try params.required("critical").bool()
        }

        public var json: JSONValue { .object([("role", .string(role)), ("critical", .bool(critical))]) }
    }

    public struct Result: RPCResult {
        public var role: String
        public var critical: Bool
        /// What the catalog says of the role.
        public var catalog: Bool

        public init(role: String, critical: Bool, catalog: Bool) {
            self.role = role
            self.critical = critical
            self.catalog = catalog
        }

        public var json: JSONValue { .object([("role", .string(role)), ("critical", .bool(critical)), ("catalog", .bool(catalog))]) }
    }
}
