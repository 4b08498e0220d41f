/// A request that names what does not exist, or asks what the stored state does not allow. Thrown by the
/// store and the method handlers alike; `APIError.rpcError(for:)` gives each case its one JSON-RPC form
/// (code, message and data), so the same problem reads the same wherever it is found.
public enum DomainError: Error, Sendable, Equatable {
    case unknownEmployee(String)
    /// An employee named in `actor` (a service acting for someone) who does not exist.
    case unknownActor(String)
    case unknownRole(String, field: String)
    /// A skill or a course id the catalog does not have, with the parameter that named it and the closest
    /// id the catalog does have, when one is close.
    case unknownSkill(String, field: String, suggestion: String?)
    case unknownCourse(String, field: String, suggestion: String?)
    /// `catalog.get`: no item of `kind` (or of any kind, when nil) has this id.
    case unknownCatalogItem(String, kind: String?, suggestion: String?)
    case unknownMove(Int64)
    case unknownOpportunity(Int64)
    case unknownAssignment(Int64)
    /// A record that exists but that the caller may not see, answered exactly as one that does not exist
    /// ("no assignment 7 that you may see"), so nobody can probe which ids exist.
    case notVisible(kind: String, id: Int64)
    /// The write conflicts with what is stored (a move to the role the employee holds, a secondment that
    /// already ended, an opportunity that is no longer open); the message says which.
    case conflict(String)
    /// A value the stored state makes invalid (a date before the employee's last move): a parameter error.
    case invalidValue(field: String, message: String)
    /// The employee already has an active assignment for this role.
    case duplicateAssignment(existing: Int64)
    /// The assignment is not active (completed or cancelled) and cannot change.
    case assignmentClosed(Int64, status: String)
    /// A progress event id this sender already used for another event (`first` says which): a conflict, as
    /// xAPI's statement store answers a statement id reused with other content.
    case eventConflict(String, first: String)
    /// An event-log cursor the retention pruned past: the events after it up to `oldest` are gone.
    case cursorExpired(cursor: Int64, oldest: Int64)
}

extension Catalog {
    /// The skill with this id, or the `unknownSkill` error naming `field` and the closest id.
    public func requireSkill(_ id: String, field: String) throws(DomainError) -> Skill {
        guard let skill = skill(id) else {
            throw .unknownSkill(id, field: field, suggestion: Spelling.closest(to: id, among: skills.lazy.map(\.id)))
        }
        return skill
    }

    /// The course with this id, or the `unknownCourse` error naming `field` and the closest id.
    public func requireCourse(_ id: String, field: String) throws(DomainError) -> Course {
        guard let course = course(id) else {
            throw .unknownCourse(id, field: field, suggestion: Spelling.closest(to: id, among: courses.lazy.map(\.id)))
        }
        return course
    }
}
