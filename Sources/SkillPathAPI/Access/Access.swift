import SkillPathCore
import SkillPathStore

extension CallContext {
    /// The caller as the access rules see them, for the dispatcher to resolve once per request. Throws when
    /// a non-service passes `actor`, or when the actor is not an employee.
    func resolvePrincipal() throws -> Principal {
        if let actor {
            guard caller.isService || caller.isAdmin else {
                throw AccessRefusal("actor-services-only", "only services may act on behalf of an employee", method: method)
            }
            guard try store.employee(actor) != nil else { throw DomainError.unknownActor(actor) }
            return .employee(actor)
        }
        if caller.isAdmin { return .admin }
        if caller.isService { return .service }
        if let login = caller.userName, let id = try store.employeeID(login: login) { return .employee(id) }
        return .unknown
    }

    /// The employee the caller is, for "my own" requests: the principal's, or, for an administrator or a
    /// service whose login is also an employee's, that employee.
    public func ownEmployeeID() throws -> String? {
        if let id = principal.employeeID { return id }
        guard principal != .unknown, let login = caller.userName else { return nil }
        return try store.employeeID(login: login)
    }

    /// Refuses callers SkillPath does not know.
    @discardableResult
    func requireKnown() throws -> Principal {
        if principal == .unknown {
            throw AccessRefusal("known-callers-only", "\(caller.label) is not an employee, a service or an administrator", method: method)
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
            if try store.manages(id, employee) { return }
        case .unknown: break
        }
        throw AccessRefusal("self-or-manager", "only the employee, their managers, services and administrators may see employee '\(employee)'", method: method)
    }

    /// `requireRead(of:)`, and then the employee must exist. In that order: only a caller who may see the
    /// employee learns whether they exist.
    func requireReadable(_ employee: String) throws {
        try requireRead(of: employee)
        guard try store.employee(employee) != nil else { throw DomainError.unknownEmployee(employee) }
    }

    /// May the caller manage this employee (assign, cancel, apply a replan)? Their managers and administrators.
    func requireManager(of employee: String) throws {
        let principal = try requireKnown()
        switch principal {
        case .admin: return
        case .employee(let id):
            if try store.manages(id, employee) { return }
        case .service, .unknown: break
        }
        throw AccessRefusal("manager-or-admin", "only a manager of employee '\(employee)' (direct or indirect) or an administrator may do this", method: method)
    }

    /// The subtree a team-level mobility request may cover: for an administrator, the named manager's, or
    /// everyone (nil) when none is named; for a manager, their own subtree or that of a manager within it.
    /// Anyone else (services not acting for a manager, employees without reports) is refused.
    func requireTeamScope(_ named: String?) throws -> String? {
        switch try requireKnown() {
        case .admin:
            if let named, try store.employee(named) == nil { throw DomainError.unknownEmployee(named) }
            return named
        case .employee(let id):
            guard try store.hasReports(id) else {
                throw AccessRefusal("managers-and-admins", "\(method) is for managers and administrators, and employee '\(id)' has no reports", method: method)
            }
            let scope = named ?? id
            if scope != id, try !store.manages(id, scope) {
                throw AccessRefusal("own-subtree", "a manager may see the teams in their own subtree only", method: method)
            }
            return scope
        case .service, .unknown:
            throw AccessRefusal("managers-and-admins", "\(method) is for managers and administrators (a service may act for one with actor)", method: method)
        }
    }

    /// The employee themself (or a service acting for them) and administrators: for what only a person may
    /// say of themself — preferences, aspirations, an application, an offer to mentor. `doing` completes
    /// "only the employee (or an administrator) …".
    func requireSelfOrAdmin(_ employee: String, doing: String) throws {
        switch try requireKnown() {
        case .admin: return
        case .employee(let id) where id == employee: return
        case .employee, .service, .unknown:
            throw AccessRefusal("self-or-admin", "only the employee (or an administrator) \(doing)", method: method)
        }
    }

    /// Administrators only.
    func requireAdmin() throws {
        guard principal == .admin else {
            throw AccessRefusal("admin-only", "\(method) is for administrators only, and \(caller.label) is not one", method: method)
        }
    }

    /// Who wrote a change, for the audit log: the Unix user, and the employee acted for.
    var auditActor: String {
        let user = caller.userName ?? "uid \(caller.uid)"
        return actor.map { "\(user) for \($0)" } ?? user
    }
}
