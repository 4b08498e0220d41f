/// SQL that limits a read to one employee's subtree (the employee included), or leaves it unlimited: the
/// recursive clause to put before the SELECT, a filter for any column holding employee ids, and what to
/// bind. Reads over a whole team (rankings, the skill picture) share it, so they agree on who is in it.
struct SubtreeScope {
    /// `WITH RECURSIVE scope(id) AS (…)`, or empty for everyone.
    let with: String
    /// The value of `?1` in `with`.
    let bind: [SQLiteValue?]
    private let limited: Bool
    /// A further condition on the same column (`IN (SELECT employee FROM aspirations)`), or nil.
    var also: String?

    init(root: String?) {
        limited = root != nil
        with = root == nil ? "" : """
            WITH RECURSIVE scope(id) AS (SELECT ?1 UNION ALL SELECT e.id FROM scope s JOIN employees e ON e.manager = s.id)
            """
        bind = root.map { [.text($0)] } ?? []
    }

    /// `AND column IN (SELECT id FROM scope)`, or empty for everyone; then `also`, when set.
    func filter(_ column: String) -> String {
        (limited ? "AND \(column) IN (SELECT id FROM scope)" : "") + (also.map { " AND \(column) \($0)" } ?? "")
    }
}
