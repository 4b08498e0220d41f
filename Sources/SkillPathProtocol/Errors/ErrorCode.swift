import SkillPathCore
/// The application's JSON-RPC error codes, in one table that the daemon (which sends them) and the CLI
/// (which turns them into exit codes) both read, so that the two can never disagree about a number.
/// docs/protocol.md lists them; the range -32000…-32099 is JSON-RPC's for server errors.
public struct ErrorCode: Sendable, Hashable {
    public var number: Int
    /// The stable name sent in `error.data.code`.
    public var name: String
    /// What kind of failure it is, for callers that only need the class (the CLI's exit code).
    public var category: Category

    public enum Category: Sendable, Hashable {
        /// The caller may not do this.
        case forbidden
        /// The thing named does not exist (or the caller may not know it does).
        case notFound
        /// The request or the data in it is wrong: resending it unchanged fails again.
        case badInput
        /// The daemon cannot serve now: retry later.
        case unavailable
    }

    public static let forbidden = ErrorCode(number: -32001, name: "forbidden", category: .forbidden)
    public static let unknownRole = ErrorCode(number: -32002, name: "unknown-role", category: .notFound)
    public static let unknownEmployee = ErrorCode(number: -32003, name: "unknown-employee", category: .notFound)
    public static let catalogRejected = ErrorCode(number: -32004, name: "catalog-rejected", category: .badInput)
    public static let unknownSkill = ErrorCode(number: -32005, name: "unknown-skill", category: .notFound)
    public static let unknownCourse = ErrorCode(number: -32006, name: "unknown-course", category: .notFound)
    public static let notFound = ErrorCode(number: -32007, name: "not-found", category: .notFound)
    public static let conflict = ErrorCode(number: -32008, name: "conflict", category: .badInput)
    public static let shuttingDown = ErrorCode(number: -32009, name: "shutting-down", category: .unavailable)
    public static let messageTooLarge = ErrorCode(number: -32010, name: "message-too-large", category: .badInput)
    public static let noCurrentRole = ErrorCode(number: -32011, name: "no-current-role", category: .badInput)
    public static let overloaded = ErrorCode(number: -32012, name: "overloaded", category: .unavailable)
    public static let storeUnavailable = ErrorCode(number: -32013, name: "store-unavailable", category: .unavailable)
    public static let replyTooLarge = ErrorCode(number: -32014, name: "reply-too-large", category: .badInput)
    /// An event cursor older than the log's retention: the events after it are gone.
    public static let cursorExpired = ErrorCode(number: -32015, name: "cursor-expired", category: .notFound)
    /// A subscriber that fell behind (`events.cutOff`): not a reply's error, the code of that notice.
    public static let subscriberCutOff = ErrorCode(number: -32016, name: "subscriber-cut-off", category: .unavailable)

    public static let all: [ErrorCode] = [
        .forbidden, .unknownRole, .unknownEmployee, .catalogRejected, .unknownSkill, .unknownCourse, .notFound, .conflict,
        .shuttingDown, .messageTooLarge, .noCurrentRole, .overloaded, .storeUnavailable, .replyTooLarge, .cursorExpired,
        .subscriberCutOff,
    ]

    /// The application code with this number, if it is one.
    public static func named(number: Int) -> ErrorCode? {
        all.first { $0.number == number }
    }
}
