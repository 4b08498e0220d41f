public import SkillPathCore
public import SkillPathJSON

/// `system.health`: is the daemon up, which version, for how long, and which catalog it serves.
public enum SystemHealth: RPCMethod {
    public typealias Params = NoParams

    public static let description = MethodDescription(
        name: "system.health", summary: "Status, version, uptime and the catalog being served.",
        description: "Cheap enough for load balancers and monitoring to call often. `status` is `ok`, `draining` once a stop has begun, or `unhealthy` when the database file was deleted or replaced while the daemon ran (`store.problem` says which; writes are refused until an operator restores it and restarts the daemon; health's look at the file is at most a second old, while every write looks for itself). `busy` counts the connections answering a message now (this call's own included). `catalog.warningsByKind` counts the catalog's warnings by code, e.g. how many courses can be taken only with experience (`unreachable-requirement`).",
        params: [], resultName: "health",
        resultSchema: Schema.object([
            ("status", Schema.enumeration(["ok", "draining", "unhealthy"])), ("version", Schema.string), ("uptimeSeconds", Schema.number),
            ("connections", Schema.integer(minimum: 0)), ("busy", Schema.integer(minimum: 0)),
            ("store", Schema.object([("schemaVersion", Schema.integer()), ("writes", Schema.integer()), ("commits", Schema.integer())])),
            ("catalog", Schema.object([
                ("version", Schema.string), ("skills", Schema.integer()), ("courses", Schema.integer()), ("roles", Schema.integer()),
                ("transitions", Schema.integer()), ("warnings", Schema.integer()),
                ("warningsByKind", Schema.object([], additional: true)),
            ])),
        ]),
        example: .init(params: .object([]), result: .object([
            ("status", "ok"), ("version", "1.0.0"), ("uptimeSeconds", .number("12.5")), ("connections", 1), ("busy", 1),
            ("catalog", .object([
                ("version", "sha256:0850b3839cc00dac"), ("skills", 126), ("courses", 693), ("roles", 54), ("transitions", 67), ("warnings", 2),
                ("warningsByKind", .object([("unreachable-requirement", 2)])),
            ])),
        ])),
        access: .anyone)

    public struct Result: RPCResult {
        public var draining: Bool
        public var version: String
        public var uptimeSeconds: Double
        public var connections: Int
        /// Connections answering a message now, this one included.
        public var busy: Int
        public var schemaVersion: Int
        public var commits: (groups: Int, writes: Int)
        /// The catalog's part of the answer (`summary(of:warningsByKind:)`), worked out once per catalog.
        public var catalog: JSONValue
        /// Why the store cannot be written to (its file deleted or replaced), or nil.
        public var storeProblem: String?

        public init(
            draining: Bool, version: String, uptimeSeconds: Double, connections: Int, busy: Int, schemaVersion: Int, commits: (groups: Int, writes: Int),
            catalog: JSONValue, storeProblem: String? = nil
        ) {
            self.storeProblem = storeProblem
            self.draining = draining
            self.version = version
            self.uptimeSeconds = uptimeSeconds
            self.connections = connections
            self.busy = busy
            self.schemaVersion = schemaVersion
            self.commits = commits
            self.catalog = catalog
        }

        /// The catalog's part of a health answer: its version, its sizes and its warnings counted by code.
        public static func summary(of catalog: Catalog, warningsByKind: JSONValue) -> JSONValue {
            .object([
                ("version", .string(catalog.version)), ("skills", .int(catalog.skills.count)), ("courses", .int(catalog.courses.count)),
                ("roles", .int(catalog.roles.count)), ("transitions", .int(catalog.transitions.count)), ("warnings", .int(catalog.warnings.count)),
                ("warningsByKind", warningsByKind),
            ])
        }

        public var json: JSONValue {
            .object([
                ("status", .string(storeProblem != nil ? "unhealthy" : draining ? "draining" : "ok")),
                ("version", .string(version)),
                ("uptimeSeconds", .double((uptimeSeconds * 10).rounded() / 10)),
                ("connections", .int(connections)), ("busy", .int(busy)),
                ("catalog", catalog),
                ("store", .object([
                    ("schemaVersion", .int(schemaVersion)), ("writes", .int(commits.writes)), ("commits", .int(commits.groups)),
                    ("problem", storeProblem.map(JSONValue.string)),
                ])),
            ])
        }
    }
}

/// `rpc.discover`: the OpenRPC document of every method, including itself.
public enum RPCDiscover: RPCMethod {
    public typealias Params = NoParams
    public typealias Result = OpenRPCDocument

    public static let description = MethodDescription(
        name: "rpc.discover", summary: "The OpenRPC document describing every method.",
        description: "Generated from the definitions the dispatcher uses, so it is always in step with the server.",
        params: [], resultName: "openrpc", resultSchema: .object([("type", "object")]),
        example: .init(params: .object([]), result: .object([("openrpc", "1.2.6"), ("info", .object([("title", "SkillPath")])), ("methods", .array([]))])),
        access: .anyone)
}
