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
    /// found", a malformed profile is bad input, and an option value one of `flags` carried is a usage
    /// error named by that flag, as the daemon's would be (`DaemonClient.failure`).
    func cliError(flags: [OptionSpec]) -> CLIError {
        let code = ErrorCode.of(kind).map { ExitCode($0.category) } ?? .dataError
        if code == .dataError, let flag = OptionSpec.flag(for: field, among: flags) { return CLIError(.usage, "--\(flag) \(message)") }
        return CLIError(code, "\(field): \(message)")
    }
}
