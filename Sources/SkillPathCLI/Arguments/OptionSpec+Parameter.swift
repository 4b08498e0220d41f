extension OptionSpec {
    /// The flag that carries a parameter, a top-level one or one of the plan `options`: its name in kebab
    /// case ("options.hoursPerWeek" → hours-per-week), or the longest flag it starts with ("targetRole" →
    /// target); nil for a parameter no flag carries (a field of a profile, or `rpc`'s own JSON).
    static func flag(for parameter: String, among options: [OptionSpec]) -> String? {
        let path = parameter.split(separator: ".", omittingEmptySubsequences: false)
        guard path.count == 1 || (path.count == 2 && path[0] == "options"), let name = path.last, !name.isEmpty, !name.contains("[") else { return nil }
        let kebab = Self.kebabCase(String(name))
        let names = options.filter(\.takesValue).map(\.name)
        if names.contains(kebab) { return kebab }
        return names.filter { kebab.hasPrefix($0 + "-") }.max { $0.count < $1.count }
    }

    /// A parameter's name as a flag's: "hoursPerWeek" → "hours-per-week".
    static func kebabCase(_ name: String) -> String {
        var kebab = ""
        for character in name {
            if character.isUppercase {
                kebab += "-" + character.lowercased()
            } else {
                kebab.append(character)
            }
        }
        return kebab
    }
}
