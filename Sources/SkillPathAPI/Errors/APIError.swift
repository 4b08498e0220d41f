public import JSONRPC
import SkillPathCore
import SkillPathJSON
import SkillPathProtocol
import SkillPathStore

/// An application error as the client sees it: a code from `ErrorCode`'s table, a message and data.
///
/// `APIError.rpcError(for:)` is the one place that turns what a handler or the daemon throws into a
/// JSON-RPC error, so the same problem always gets the same code, words and data wherever it happens.
/// Everything else throws the domain error (`DomainError`, `PlanningError`, `AccessRefusal`,
/// `ConnectionRefusal`, …); nothing outside this file builds an `APIError` (a test scans the sources).
public struct APIError: Sendable {
    let code: ErrorCode
    let message: String
    let data: [(String, JSONValue)]

    private init(_ code: ErrorCode, _ message: String, data: [(String, JSONValue)] = []) {
        self.code = code
        self.message = message
        self.data = data
    }

    private var rpcError: JSONRPCError {
        JSONRPCError(code: code.number, message: message, data: .object([("code", JSONValue.string(code.name))] + data.map { ($0.0, Optional($0.1)) }))
    }

    /// Maps any error a handler throws to the JSON-RPC error the client sees; nil for an error no request
    /// should be able to cause (the dispatcher logs it and answers "internal error").
    public static func rpcError(for error: any Error) -> JSONRPCError? {
        switch error {
        case let error as JSONRPCError: error
        case let error as JSONFieldError: .invalidParams(error.path, error.message)
        case let error as PlanningError: from(error)
        case let error as DomainError: from(error)
        case let error as AccessRefusal: from(error).rpcError
        case let error as ConnectionRefusal: from(error).rpcError
        case let error as CatalogRejection: from(error).rpcError
        case let error as StoreError: from(error).rpcError
        default: nil
        }
    }

    /// A request refused by the reply's bounds (`ReplyLimits`): a batch too long is an invalid request, the
    /// rest are application errors.
    public static func rpcError(for refusal: ReplyRefusal) -> JSONRPCError {
        switch refusal {
        case .batchTooLong(let count, let limit):
            JSONRPCError(
                code: JSONRPCError.invalidRequestCode, message: "Invalid request: a batch of \(count) requests; at most \(limit) per message (max_batch_requests), so none was run",
                data: .object([("limit", .int(limit))]))
        case .replyTooLarge(let size, let remaining, let limit):
            APIError(
                .replyTooLarge, "the reply is \(size) bytes, more than the \(remaining) of this message's \(limit) (max_reply_bytes) left; ask for less, or in a message of its own",
                data: [("size", .int(size)), ("limit", .int(limit))]).rpcError
        case .notRun(let limit):
            APIError(
                .replyTooLarge, "not run: the replies before it in this batch reached max_reply_bytes (\(limit) bytes); send it again in another message",
                data: [("limit", .int(limit)), ("run", .bool(false))]).rpcError
        }
    }

    /// A refusal of the transport: always an application error, never unmapped.
    public static func rpcError(for refusal: ConnectionRefusal) -> JSONRPCError {
        from(refusal).rpcError
    }

    private static func from(_ error: PlanningError) -> JSONRPCError {
        guard let code = ErrorCode.of(error.kind) else { return .invalidParams(error.field, error.message) }
        let fields: [(String, JSONValue)] = [("field", .string(error.field))] + (error.id.map { [("id", JSONValue.string($0))] } ?? [])
        return APIError(code, error.message, data: fields).rpcError
    }

    private static func from(_ error: DomainError) -> JSONRPCError {
        switch error {
        case .invalidValue(let field, let message): .invalidParams(field, message)
        default: domain(error).rpcError
        }
    }

    private static func domain(_ error: DomainError) -> APIError {
        switch error {
        case .unknownEmployee(let id):
            APIError(.unknownEmployee, "unknown employee '\(id)'", data: [("id", .string(id))])
        case .unknownActor(let id):
            APIError(.unknownEmployee, "unknown employee '\(id)' given as actor", data: [("id", .string(id)), ("field", "actor")])
        case .unknownRole(let id, let field):
            APIError(.unknownRole, "unknown role '\(id)'", data: [("field", .string(field)), ("id", .string(id))])
        case .unknownSkill(let id, let field, let suggestion):
            APIError(.unknownSkill, "unknown skill '\(id)'\(hint(suggestion))", data: [("field", .string(field)), ("id", .string(id))])
        case .unknownCourse(let id, let field, let suggestion):
            APIError(.unknownCourse, "unknown course '\(id)'\(hint(suggestion))", data: [("field", .string(field)), ("id", .string(id))])
        case .unknownCatalogItem(let id, let kind, let suggestion):
            APIError(
                .notFound, "no \(kind ?? "skill, course or role") '\(id)'\(hint(suggestion))",
                data: [("kind", kind.map(JSONValue.string) ?? .null), ("id", .string(id))])
        case .unknownAssignment(let id):
            APIError(.notFound, "no assignment \(id)", data: [("kind", "assignment"), ("id", .int(id))])
        case .unknownMove(let id):
            APIError(.notFound, "no move \(id)", data: [("kind", "move"), ("id", .int(id))])
        case .unknownOpportunity(let id):
            APIError(.notFound, "no opportunity \(id)", data: [("kind", "opportunity"), ("id", .int(id))])
        case .notVisible(let kind, let id):
            APIError(.notFound, "no \(kind) \(id) that you may see", data: [("kind", .string(kind)), ("id", .int(id))])
        case .duplicateAssignment(let existing):
            APIError(.conflict, "the employee already has an active assignment for this role (assignment \(existing))", data: [("existing", .int(existing))])
        case .assignmentClosed(let id, let status):
            APIError(.conflict, "assignment \(id) is \(status) and can no longer change", data: [("id", .int(id)), ("status", .string(status))])
        case .eventConflict(let id, let first):
            APIError(
                .conflict, "event id '\(id)' was first recorded for \(first); the same id with other content is refused (send a new id for a new event)",
                data: [("eventId", .string(id)), ("first", .string(first))])
        case .cursorExpired(let cursor, let oldest):
            APIError(
                .cursorExpired,
                "cursor \(cursor) is older than the event log keeps: events up to \(oldest) were pruned by the retention; "
                    + "read the current state again, then follow from cursor \(oldest)",
                data: [("cursor", .int(cursor)), ("oldest", .int(oldest))])
        case .conflict(let message), .invalidValue(_, let message):
            APIError(.conflict, message)
        }
    }

    private static func from(_ refusal: AccessRefusal) -> APIError {
        APIError(.forbidden, "forbidden: \(refusal.message)", data: [("rule", .string(refusal.rule)), ("method", .string(refusal.method))])
    }

    private static func from(_ refusal: ConnectionRefusal) -> APIError {
        switch refusal {
        case .overloaded(let reason):
            APIError(.overloaded, reason)
        case .stopping:
            APIError(.shuttingDown, "the daemon is stopping; send the request again once it is back")
        case .messageTooLarge(let limit):
            APIError(.messageTooLarge, "message larger than \(limit) bytes; closing the connection", data: [("limit", .int(limit))])
        case .slowMessage(let seconds):
            APIError(.overloaded, "the message did not arrive in full within \(seconds) s of its first byte; closing the connection")
        }
    }

    private static func from(_ rejection: CatalogRejection) -> APIError {
        APIError(
            .catalogRejected, "the catalog has \(rejection.errors.count) error\(rejection.errors.count == 1 ? "" : "s"); the previous catalog is still serving",
            data: [("errors", .array(rejection.errors.prefix(100).map { .string($0.description) })), ("errorCount", .int(rejection.errors.count))])
    }

    private static func from(_ error: StoreError) -> APIError {
        switch error.kind {
        case .fileGone:
            APIError(
                .storeUnavailable, "the database file was deleted or replaced while the daemon was running: nothing was written, so that no write is acknowledged and then lost; an operator must restore the file and restart the daemon",
                data: [("reason", .string(error.kind.rawValue))])
        default:
            APIError(.storeUnavailable, "the organisation store could not complete the request; the error is logged for the operator")
        }
    }

    private static func hint(_ suggestion: String?) -> String {
        suggestion.map { " (did you mean '\($0)'?)" } ?? ""
    }
}
