/// "Did you mean …?" for the tools built on the core.
public enum Spelling {
    /// The candidate closest to `word`, when it is close enough to be a likely typo.
    public static func closest(to word: String, among candidates: some Sequence<String>) -> String? {
        Text.suggestion(for: word, among: candidates)
    }
}
