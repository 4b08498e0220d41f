extension OrganisationStore {
    /// The roles the active assignments of everyone in the subtree of `root` (root included), or of
    /// everyone, head to: by employee, in the assignments' order. The skill picture counts these needs beside
    /// each person's current role; the people and their levels come from `currentProfiles`.
    public func activeAssignmentTargets(inSubtreeOf root: String?) throws(StoreError) -> [String: [String]] {
        try read { connection in
            let scope = SubtreeScope(root: root)
            var targets: [String: [String]] = [:]
            let rows = try connection.prepare("\(scope.with) SELECT employee, target_role FROM assignments WHERE status = 'active' \(scope.filter("employee")) ORDER BY id")
                .bind(scope.bind).rows { ($0.text(0), $0.text(1)) }
            for (employee, role) in rows { targets[employee, default: []].append(role) }
            return targets
        }
    }

    /// Everyone in the subtree of `root` (or everyone) who has left, with their name and manager: they are not
    /// counted, but the people who reported to them are still under them until their manager is updated.
    public func leaversInTree(inSubtreeOf root: String?) throws(StoreError) -> [(id: String, name: String, manager: String?)] {
        try read { connection in
            let scope = SubtreeScope(root: root)
            return try connection.prepare("\(scope.with) SELECT id, name, manager FROM employees WHERE left_on IS NOT NULL \(scope.filter("id")) ORDER BY id")
                .bind(scope.bind).rows { ($0.text(0), $0.text(1), $0.optionalText(2)) }
        }
    }
}
