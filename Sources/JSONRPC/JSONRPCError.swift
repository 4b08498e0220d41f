public import SkillPathJSON

/// A JSON-RPC error object: a code, a message a person can read, and structured data for programs.
public struct JSONRPCError: Error, Sendable, Equatable {
    public var code: Int
    public var message: String
    public var data: JSONValue?

    public init(code: Int, message: String, data: JSONValue? = nil) {
        self.code = code
        self.message = message
        self.data = data
    }

    // The codes the JSON-RPC 2.0 specification reserves.
    public static let parseErrorCode = -32700
    public static let invalidRequestCode = -32600
    public static let methodNotFoundCode = -32601
    public static let invalidParamsCode = -32602
    public static let internalErrorCode = -32603

    public static func parseError(_ detail: String) -> JSONRPCError {
        JSONRPCError(code: parseErrorCode, message: "Parse error: \(detail)")
    }

    public static func invalidRequest(_ detail: String) -> JSONRPCError {
        JSONRPCError(code: invalidRequestCode, message: "Invalid request: \(detail)")
    }

    public static func methodNotFound(_ method: String) -> JSONRPCError {
        JSONRPCError(code: methodNotFoundCode, message: "Method not found: \(method)", data: .object([("method", .string(method))]))
    }

    /// Names the parameter (a path such as `profile.skills[2].level`) and why it is wrong.
    public static func invalidParams(_ parameter: String, _ reason: String) -> JSONRPCError {
        JSONRPCError(
            code: invalidParamsCode, message: "Invalid params: \(parameter.isEmpty ? "" : parameter + " ")\(reason)",
            data: .object([("param", .string(parameter)), ("reason", .string(reason))]))
    }

    public static func internalError(_ detail: String) -> JSONRPCError {
        JSONRPCError(code: internalErrorCode, message: "Internal error: \(detail)")
    }

    public var json: JSONValue {
        .object([("code", .int(code)), ("message", .string(message)), ("data", data)])
    }
}
