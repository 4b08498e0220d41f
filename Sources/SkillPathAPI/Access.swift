public import SkillPathStore

/// Who the caller is for the access rules (docs/access.md), resolved from the socket's peer credentials,
/// the configured principals and the store's logins.
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

/// Refusals, each naming the rule that refused (and nothing about anyone else's data).
enum Refusal {
    static func forbidden(_ rule: String, _ message: String, method: String) -> APIError {
        APIError(.forbidden, "forbidden: \(message)", data: [("rule", .string(rule)), ("method", .string(method))])
    }
}

extension CallContext {
    /// The caller as the access rules see them. Throws when a non-service passes `actor`, or when the actor
    /// is not an employee.
    public func principal() throws -> Principal {
        if let actor {
            guard caller.isService || caller.isAdmin else {
                throw Refusal.forbidden("actor-services-only", "only services may act on behalf of an employee", method: method)
            }
            guard try store().employee(actor) != nil else {
                throw APIError(.unknownEmployee, "unknown employee '\(actor)' given as actor", data: [("id", .string(actor)), ("field", "actor")])
            }
            return .employee(actor)
        }
        if caller.isAdmin { return .admin }
        if caller.isService { return .service }
        if let login = caller.userName, let store = service.store, let id = try store.employeeID(login: login) {
            return .employee(id)
        }
        return .unknown
    }

    /// The employee the caller is, for "my own" requests: the principal's, or, for an administrator or a
    /// service whose login is also an employee's, that employee.
    public func ownEmployeeID() throws -> String? {
        if let id = try principal().employeeID { return id }
        guard let login = caller.userName, let store = service.store else { return nil }
        return try store.employeeID(login: login)
    }

    /// The store, or an error when the daemon runs without one.
    public func store() throws -> OrganisationStore {
        guard let store = service.store else {
            throw APIError(.storeUnavailable, "this daemon runs without an organisation store")
        }
        return store
    }

    /// Refuses callers SkillPath does not know.
    @discardableResult
    func requireKnown() throws -> Principal {
        let principal = try principal()
        if principal == .unknown {
            throw Refusal.forbidden("known-callers-only", "\(caller.label) is not an employee, a service or an administrator", method: method)
        }
        return principal
    }

    /// May the caller read this employee's data? Themself, their managers, services and administrators.
    func requireRead(of employee: String) throws {
        let principal = try requireKnown()
        switch principal {
        case .admin, .service: return
        case .employee(let id):
            if id == employee { return }
            if try store().manages(id, employee) { return }
        case .unknown: break
        }
        throw Refusal.forbidden("self-or-manager", "only the employee, their managers, services and administrators may see employee '\(employee)'", method: method)
    }

    /// `requireRead(of:)`, and then the employee must exist. In that order: only a caller who may see the
    /// employee learns whether they exist.
    func requireReadable(_ employee: String) throws {
        try requireRead(of: employee)
        guard try store().employee(employee) != nil else { throw StoreLookupError.unknownEmployee(employee) }
    }

    /// May the caller manage this employee (assign, cancel, apply a replan)? Their managers and administrators.
    func requireManager(of employee: String) throws {
        let principal = try requireKnown()
        switch principal {
        case .admin: return
        case .employee(let id):
            if try store().manages(id, employee) { return }
        case .service, .unknown: break
        }
        throw Refusal.forbidden("manager-or-admin", "only a manager of employee '\(employee)' (direct or indirect) or an administrator may do this", method: method)
    }

    /// The subtree a team-level mobility request may cover: for an administrator, the named manager's, or
    /// everyone (nil) when none is named; for a manager, their own subtree or that of a manager within it.
    /// Anyone else (services not acting for a manager, employees without reports) is refused.
    func requireTeamScope(_ named: String?) throws -> String? {
        switch try requireKnown() {
        case .admin:
            if let named, try store().employee(named) == nil { throw StoreLookupError.unknownEmployee(named) }
            return named
        case .employee(let id):
            guard try store().hasReports(id) else {
                throw Refusal.forbidden("managers-and-admins", "\(method) is for managers and administrators, and employee '\(id)' has no reports", method: method)
            }
            let scope = named ?? id
            if scope != id, try !store().manages(id, scope) {
                throw Refusal.forbidden("own-subtree", "a manager may see the teams in their own subtree only", method: method)
            }
            return scope
        case .service, .unknown:
            throw Refusal.forbidden("managers-and-admins", "\(method) is for managers and administrators (a service may act for one with actor)", method: method)
        }
    }

    /// Administrators only.
    func requireAdmin() throws {
        guard try principal() == .admin else {
            throw Refusal.forbidden("admin-only", "\(method) is for administrators only, and \(caller.label) is not one", method: method)
        }
    }

    /// Who wrote a change, for the audit log: the Unix user, and the employee acted for.
    var auditActor: String {
        let user = caller.userName ?? "uid \(caller.uid)"
        return actor.map { "\(user) for \($0)" } ?? user
    }
}
