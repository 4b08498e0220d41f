public import JSONRPC
import SkillPathCore
public import SkillPathJSON
import SkillPathStore
public import SystemSupport

/// Routes a request to its method, checks access, then parameters, runs it, and turns whatever it throws into
/// the JSON-RPC error the client sees (through `APIError.rpcError(for:)`, the one mapping place).
public struct Dispatcher: Sendable {
    public let methods: [MethodDefinition]
    private let byName: [String: MethodDefinition]
    private let logger: Logger

    public init(methods: [MethodDefinition], logger: Logger) {
        self.methods = methods
        self.byName = Dictionary(uniqueKeysWithValues: methods.map { ($0.name, $0) })
        self.logger = logger
    }

    public func method(named name: String) -> MethodDefinition? { byName[name] }

    /// Routine requests are logged at debug level (a busy LMS sends thousands a second, and the journal is
    /// for operators); requests that fail are logged at info, with their error code.
    public func handle(_ request: JSONRPCRequest, context: @autoclosure () -> CallContext) -> Result<JSONValue, JSONRPCError> {
        let started = ContinuousClock.now
        let outcome = run(request, context: context)
        let level: Logger.Level
        switch outcome {
        case .success: level = .debug
        case .failure: level = .info
        }
        guard logger.isEnabled(level) else { return outcome }
        let elapsed = ContinuousClock.now - started
        let milliseconds = elapsed.seconds * 1000
        var fields: [(String, String)] = [("method", request.method), ("id", request.id?.text ?? "-"), ("ms", formatted(milliseconds))]
        switch outcome {
        case .success: fields.append(("outcome", "ok"))
        case .failure(let error): fields += [("outcome", "error"), ("code", String(error.code))]
        }
        logger.log(level, "request", fields)
        return outcome
    }

    private func run(_ request: JSONRPCRequest, context: () -> CallContext) -> Result<JSONValue, JSONRPCError> {
        guard let method = byName[request.method] else { return .failure(.methodNotFound(request.method)) }
        let params: JSONField
        switch request.params {
        case nil: params = JSONField(.object(JSONObject()))
        case .object(let object)?: params = JSONField(.object(object))
        default: return .failure(.invalidParams("", "params must be an object: SkillPath takes parameters by name"))
        }
        var context = context()
        context.method = method.name
        do {
            // Who may call comes before what was sent, so a caller without rights learns nothing from
            // validation messages; rules that depend on whose data it is run inside the handler.
            context.actor = try params.optional("actor")?.string()
            // The caller is looked up once, here; every access check after reads `context.principal`.
            let access = method.description.access
            if access != .anyone { context.principal = try context.resolvePrincipal() }
            switch access {
            case .anyone: break
            case .known, .scoped: try context.requireKnown()
            case .admin: try context.requireAdmin()
            }
            try method.description.checkParameters(params)
            return .success(try method.run(context, params))
        } catch {
            return .failure(failure(for: error, method: request.method))
        }
    }

    /// What the client is sent for an error a handler threw: its application error, through the one mapper.
    /// An error no request should be able to cause becomes an internal error; it and a failure of the store
    /// (whose text is SQLite's, with the SQL) are logged at error level for the operator, and the client
    /// gets a stable message that says so, never the details.
    public func failure(for error: any Error, method: String) -> JSONRPCError {
        if error is StoreError {
            logger.error("the store failed", [("method", method), ("error", String(describing: error))])
        }
        if let mapped = APIError.rpcError(for: error) { return mapped }
        logger.error("handler failed", [("method", method), ("error", String(describing: error))])
        return .internalError("the server could not complete \(method); the error is logged")
    }

    private func formatted(_ milliseconds: Double) -> String {
        let hundredths = Int((milliseconds * 100).rounded())
        return "\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100)"
    }
}
