/// `skillpath --help` and `skillpath COMMAND --help`.
enum HelpRenderer {
    static func overview(_ commands: [CommandSpec]) -> [String] {
        var lines = [
            "skillpath: learning paths from skills to roles, and the SkillPath daemon's command line.",
            "",
            "usage: skillpath [--json] [--no-color] [--socket PATH] COMMAND [options]",
            "or:    skillpath help [COMMAND] | skillpath --version",
            "",
            "commands:",
        ]
        let width = commands.map(\.name.count).max() ?? 0
        for command in commands {
            lines.append("  \(TextLayout.pad(command.name, width))  \(command.summary)")
        }
        lines += [
            "",
            "global options (before or after the command):",
        ] + GlobalOptions.specs.map { "  --\(TextLayout.pad($0.name + ($0.valueName.map { " " + $0 } ?? ""), 14))  \($0.help)" } + [
            "",
            "Run 'skillpath COMMAND --help' or 'skillpath help COMMAND' for a command's options and examples.",
            "docs/cli.md lists exit codes.",
        ]
        return lines
    }

    /// `skillpath catalog --help`: the commands of one group.
    static func group(_ name: String, _ commands: [CommandSpec]) -> [String] {
        let members = commands.filter { $0.path.first == name }
        let width = members.map(\.name.count).max() ?? 0
        return ["usage: skillpath \(name) SUBCOMMAND [options]", "", "commands:"]
            + members.map { "  \(TextLayout.pad($0.name, width))  \($0.summary)" }
            + ["", "Run 'skillpath \(name) SUBCOMMAND --help' for a command's options and examples."]
    }

    static func command(_ spec: CommandSpec) -> [String] {
        var lines = ["usage: skillpath \(spec.synopsis)", "", spec.summary.prefix(1).uppercased() + spec.summary.dropFirst() + "."]
        if !spec.discussion.isEmpty { lines += [""] + spec.discussion.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
        if !spec.options.isEmpty {
            lines += ["", "options:"]
            let labels = spec.options.map { "--\($0.name)" + ($0.valueName.map { " \($0)" } ?? "") }
            let width = min(28, labels.map(\.count).max() ?? 0)
            for (label, option) in zip(labels, spec.options) {
                lines.append("  \(TextLayout.pad(label, width))  \(option.help)")
            }
        }
        lines += ["", "global options: --json, --no-color, --no-pager, --no-headers, --wide, --socket PATH, --verbose (-v), --help, --version"]
        if !spec.examples.isEmpty {
            lines += ["", "examples:"] + spec.examples.map { "  \($0)" }
        }
        return lines
    }
}
