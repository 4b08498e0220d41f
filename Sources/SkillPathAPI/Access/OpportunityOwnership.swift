import SkillPathCore
import SkillPathStore

extension CallContext {
    /// Whether the caller speaks for an opportunity: its manager, anyone above them, or an administrator. They
    /// decide on its applications and, for a project, say how each gig on it went (docs/access.md).
    func isHiringSide(of opportunity: OpportunityRecord?) throws -> Bool {
        switch principal {
        case .admin: return true
        case .employee(let id):
            guard let manager = opportunity?.manager else { return false }
            return try id == manager || store.manages(id, manager)
        case .service, .unknown: return false
        }
    }
}
