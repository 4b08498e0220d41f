public import JSONRPC
public import SkillPathCore
public import SkillPathJSON
import SkillPathStore

/// An application error: a stable name, a JSON-RPC code in -32000…-32099, a message and structured data.
///
/// `APIError.rpcError(for:)` is the one place that turns every domain error a handler throws into a
/// JSON-RPC error, so the same problem always gets the same code and data, wherever it happens: handlers
/// throw the domain error (`StoreLookupError.unknownEmployee`, a `PlanningError`) rather than build one.
public struct APIError: Error, Sendable, Equatable {
    public var code: Code
    public var message: String
    public var data: [(String, JSONValue)]

    public init(_ code: Code, _ message: String, data: [(String, JSONValue)] = []) {
        self.code = code
        self.message = message
        self.data = data
    }

    public static func == (lhs: APIError, rhs: APIError) -> Bool {
        lhs.code == rhs.code && lhs.message == rhs.message
    }

    /// The application error codes: the one table in SkillPathCore that the CLI reads too.
    public typealias Code = ErrorCode

    public var rpcError: JSONRPCError {
        JSONRPCError(code: code.number, message: message, data: .object([("code", JSONValue.string(code.name))] + data.map { ($0.0, Optional($0.1)) }))
    }

    /// Maps any error a handler throws to the JSON-RPC error the client sees.
    public static func rpcError(for error: any Error) -> JSONRPCError? {
        switch error {
        case let error as APIError:
            return error.rpcError
        case let error as JSONFieldError:
            return .invalidParams(error.path, error.message)
        case let error as PlanningError:
            return from(error)
        case let error as CatalogRejection:
            return from(error).rpcError
        case let error as JSONRPCError:
            return error
        case let error as StoreLookupError:
            return from(error)
        case let error as StoreError:
            return APIError(.storeUnavailable, "the organisation store failed: \(error.message)").rpcError
        default:
            return nil
        }
    }

    static func from(_ error: PlanningError) -> JSONRPCError {
        let fields: [(String, JSONValue)] = [("field", .string(error.field))] + (error.id.map { [("id", JSONValue.string($0))] } ?? [])
        switch error.kind {
        case .unknownRole: return APIError(.unknownRole, error.message, data: fields).rpcError
        case .unknownSkill: return APIError(.unknownSkill, error.message, data: fields).rpcError
        case .unknownCourse: return APIError(.unknownCourse, error.message, data: fields).rpcError
        case .noCurrentRole: return APIError(.noCurrentRole, error.message, data: fields).rpcError
        case .invalidProfile, .invalidOption: return .invalidParams(error.field, error.message)
        }
    }

    static func from(_ error: StoreLookupError) -> JSONRPCError {
        if case .invalidValue(let field, let message) = error { return .invalidParams(field, message) }
        return domainError(error).rpcError
    }

    private static func domainError(_ error: StoreLookupError) -> APIError {
        switch error {
        case .unknownEmployee(let id):
            return APIError(.unknownEmployee, "unknown employee '\(id)'", data: [("id", .string(id))])
        case .unknownAssignment(let id):
            return APIError(.notFound, "no assignment \(id)", data: [("kind", "assignment"), ("id", .int(id))])
        case .duplicateAssignment(let existing):
            return APIError(.conflict, "the employee already has an active assignment for this role (assignment \(existing))", data: [("existing", .int(existing))])
        case .assignmentClosed(let id, let status):
            return APIError(.conflict, "assignment \(id) is \(status) and can no longer change", data: [("id", .int(id)), ("status", .string(status))])
        case .unknownRole(let id, let field):
            return APIError(.unknownRole, "unknown role '\(id)'", data: [("field", .string(field)), ("id", .string(id))])
        case .unknownMove(let id):
            return APIError(.notFound, "no move \(id)", data: [("kind", "move"), ("id", .int(id))])
        case .unknownOpportunity(let id):
            return APIError(.notFound, "no opportunity \(id)", data: [("kind", "opportunity"), ("id", .int(id))])
        case .conflict(let message), .invalidValue(_, let message):
            return APIError(.conflict, message)
        }
    }

    public static func from(_ rejection: CatalogRejection) -> APIError {
        APIError(
            .catalogRejected, "the catalog has \(rejection.errors.count) error\(rejection.errors.count == 1 ? "" : "s"); the previous catalog is still serving",
            data: [("errors", .array(rejection.errors.prefix(100).map { .string($0.description) })), ("errorCount", .int(rejection.errors.count))])
    }
}
