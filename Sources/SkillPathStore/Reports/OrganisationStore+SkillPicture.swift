public import SkillPathCore

/// Someone in a skill picture, as stored: where they sit, their skills with evidence, and the roles their
/// active assignments head to.
public struct PictureMember: Sendable {
    public var id: String
    public var name: String
    public var role: String
    public var manager: String?
    public var skills: [StoredSkill]
    public var targets: [String]
}

extension OrganisationStore {
    /// Everyone who has not left in the subtree of `root` (root included), or everyone, with what
    /// `SkillPicture` reads.
    public func pictureMembers(inSubtreeOf root: String?) throws(StoreError) -> [PictureMember] {
        try read { connection in
            let scope = SubtreeScope(root: root)
            var members = try connection.prepare("""
                \(scope.with) SELECT id, name, role, manager FROM employees WHERE left_on IS NULL \(scope.filter("id")) ORDER BY id
                """).bind(scope.bind).rows { PictureMember(id: $0.text(0), name: $0.text(1), role: $0.text(2), manager: $0.optionalText(3), skills: [], targets: []) }
            var position: [String: Int] = [:]
            for (number, member) in members.enumerated() { position[member.id] = number }
            let skills = try connection.prepare("""
                \(scope.with) SELECT employee, skill, level, source, set_at, course, note FROM skill_evidence WHERE 1 = 1 \(scope.filter("employee"))
                """).bind(scope.bind).rows { row in (row.text(0), Self.piece(row, from: 1)) }
            for (employee, skill) in skills { if let at = position[employee] { members[at].skills.append(skill) } }
            let targets = try connection.prepare("\(scope.with) SELECT employee, target_role FROM assignments WHERE status = 'active' \(scope.filter("employee")) ORDER BY id")
                .bind(scope.bind).rows { ($0.text(0), $0.text(1)) }
            for (employee, role) in targets { if let at = position[employee] { members[at].targets.append(role) } }
            return members
        }
    }
}
