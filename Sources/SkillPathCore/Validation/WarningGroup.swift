/// Warnings of one kind, with a line that sums them up: a catalog exported from an LMS can carry tens of
/// thousands of "takeable only with experience" warnings, and a reader needs the count before the list.
public struct WarningGroup: Sendable {
    public var code: CatalogDiagnostic.Code
    public var warnings: [CatalogDiagnostic]

    /// The groups of a catalog's warnings, in the order their kinds first appear.
    public static func groups(_ warnings: [CatalogDiagnostic]) -> [WarningGroup] {
        var position: [CatalogDiagnostic.Code: Int] = [:]
        var groups: [WarningGroup] = []
        for warning in warnings {
            if let index = position[warning.code] {
                groups[index].warnings.append(warning)
            } else {
                position[warning.code] = groups.count
                groups.append(WarningGroup(code: warning.code, warnings: [warning]))
            }
        }
        return groups
    }

    /// E.g. "warning: 20,000 courses can be taken only by employees who already hold a skill (unreachable-requirement)".
    public var summary: String {
        let count = warnings.count
        let what: String
        switch code {
        case .unreachableRequirement: what = "\(plural(count, "course")) can be taken only by employees who already hold a skill no takeable course teaches"
        case .untaughtLevel: what = "\(plural(count, "role requirement")) above anything a course teaches"
        case .unusedCourse: what = "\(plural(count, "course")) nothing needs"
        case .unusedSkill: what = "\(plural(count, "skill")) nothing teaches or requires"
        case .unknownField: what = "\(plural(count, "unknown field")) ignored"
        case .teachesNothingNew: what = "\(plural(count, "course")) teaching a level they already require"
        case .duplicateTransition: what = "\(plural(count, "transition")) listed more than once"
        case .duplicateXAPIActivity: what = "\(plural(count, "course")) claiming an xAPI activity another course claims"
        default: what = plural(count, "warning")
        }
        return "warning: \(what) [\(code.rawValue)]"
    }

    private func plural(_ count: Int, _ noun: String) -> String {
        "\(Text.thousands(count)) \(noun)\(count == 1 ? "" : "s")"
    }
}
