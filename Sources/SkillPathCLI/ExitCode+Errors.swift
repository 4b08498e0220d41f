import JSONRPC
import SkillPathCore
import SkillPathProtocol

/// The one place that turns an error, the daemon's or the offline planner's, into an exit code: forbidden
/// 77, not found 3, bad input 65, unavailable 69 (docs/cli.md).
extension ExitCode {
    init(_ category: ErrorCode.Category) {
        self = switch category {
        case .forbidden: .forbidden
        case .notFound: .notFound
        case .badInput: .dataError
        case .unavailable: .unavailable
        }
    }

    /// A JSON-RPC error code: an application one by its category; of the standard ones, a request or
    /// parameters the daemon could not accept is bad input, anything else a failure.
    init(rpcCode code: Int) {
        if let known = ErrorCode.named(number: code) {
            self.init(known.category)
        } else {
            self = code == JSONRPCError.invalidParamsCode || code == JSONRPCError.invalidRequestCode ? .dataError : .failure
        }
    }
}

extension PlanningError {
    /// The offline planner's refusal, with the exit code the daemon's would give: unknown ids are "not
    /// found", a malformed profile or option is bad input.
    var cliError: CLIError {
        CLIError(ErrorCode.of(kind).map { ExitCode($0.category) } ?? .dataError, "\(field): \(message)")
    }
}
