public import SkillPathJSON

/// A request id: a string or a number (kept as its literal, so `1.0` comes back as `1.0`), or null when the
/// id could not be read from a broken request.
public enum JSONRPCID: Sendable, Hashable, CustomStringConvertible {
    case string(String)
    case number(String)
    case null

    public var json: JSONValue {
        switch self {
        case .string(let text): .string(text)
        case .number(let literal): .number(literal)
        case .null: .null
        }
    }

    /// The id as plain text, for log lines.
    public var text: String {
        switch self {
        case .string(let text), .number(let text): text
        case .null: "null"
        }
    }

    public var description: String {
        switch self {
        case .string(let text): "\"\(text)\""
        case .number(let literal): literal
        case .null: "null"
        }
    }
}
