/// Who the caller is for the access rules (docs/access.md): resolved once per request from the socket's
/// peer credentials, the configured principals, the store's logins and the `actor` parameter.
public enum Principal: Sendable, Equatable {
    /// root or a configured admin: may do everything.
    case admin
    /// A configured service account (the LMS front-end) not acting for anyone.
    case service
    /// An employee: the caller's own login, or an employee a service acts for with `actor`.
    case employee(String)
    /// A Unix user SkillPath does not know.
    case unknown

    public var employeeID: String? {
        if case .employee(let id) = self { return id }
        return nil
    }

    public var label: String {
        switch self {
        case .admin: "administrator"
        case .service: "service"
        case .employee(let id): "employee '\(id)'"
        case .unknown: "unknown caller"
        }
    }
}
