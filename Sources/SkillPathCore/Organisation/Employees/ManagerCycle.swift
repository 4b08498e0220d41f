/// A chain of managers that comes back to where it started, as the daemon's upsert and the CLI's import
/// both report it: spelled out once, its other members referring to it.
public enum ManagerCycle {
    /// `'x' → 'y' → 'z' → 'x'`; a long cycle shows its first ten and how many there are.
    public static func spell(_ cycle: [String]) -> String {
        guard let first = cycle.first else { return "" }
        guard cycle.count > 12 else { return (cycle + [first]).map { "'\($0)'" }.joined(separator: " → ") }
        return cycle.prefix(10).map { "'\($0)'" }.joined(separator: " → ") + " → … → '\(first)' (\(cycle.count) people)"
    }
}
