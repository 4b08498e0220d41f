/// The release both programs print with `--version`: one constant, so that `skillpath --version` and
/// `skillpathd --version` can never disagree.
public enum SkillPathVersion {
    public static let current = "1.0.0"
}
