public import SkillPathCore

extension ErrorCode {
    /// The application code a planning error is sent with; nil for the kinds that are invalid params
    /// (a malformed profile, a bad option), which JSON-RPC's own -32602 covers.
    public static func of(_ kind: PlanningError.Kind) -> ErrorCode? {
        switch kind {
        case .unknownRole: .unknownRole
        case .unknownSkill: .unknownSkill
        case .unknownCourse: .unknownCourse
        case .noCurrentRole: .noCurrentRole
        case .invalidProfile, .invalidOption: nil
        }
    }
}
