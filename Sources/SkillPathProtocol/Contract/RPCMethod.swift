public import SkillPathJSON

/// One JSON-RPC method's contract: its description, the params it reads and the result it returns.
///
/// The daemon decodes `Params` from the request and encodes the handler's `Result`; the CLI encodes
/// `Params` to call it. Both sides use these types, so a parameter's name is written once.
public protocol RPCMethod: Sendable {
    associatedtype Params: RPCParams
    associatedtype Result: RPCResult
    static var description: MethodDescription { get }
}

extension RPCMethod {
    public static var name: String { description.name }
}

/// A request's params: read from the JSON a client sent, with an error naming the field (`JSONFieldError`,
/// invalid params) for anything malformed; and written back out, as the CLI sends them. Reading checks
/// shapes and ranges only: what an id means (an unknown role, say) is the handler's to say.
public protocol RPCParams: Sendable {
    init(json params: JSONField) throws
    var json: JSONValue { get }
}

/// A method's result, as the client receives it.
public protocol RPCResult: Sendable {
    var json: JSONValue { get }
}

/// The params of a method that reads one employee's records: `employee`, the caller's own when left out.
public struct EmployeeParams: RPCParams, Equatable {
    public var employee: String?

    public init(employee: String? = nil) {
        self.employee = employee
    }

    public init(json params: JSONField) throws {
        employee = try params.optional("employee")?.string()
    }

    public var json: JSONValue { .object([("employee", employee.map(JSONValue.string))]) }
}

/// The params of a method that takes none (but `actor`).
public struct NoParams: RPCParams, Equatable {
    public init() {}
    public init(json params: JSONField) throws {}
    public var json: JSONValue { .object([]) }
}
