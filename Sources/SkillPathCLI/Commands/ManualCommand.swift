import SkillPathCore
import SystemSupport

/// `skillpath manual`: skillpath(1) in roff, from the same command specs `--help` prints, so the manual page
/// and the help never drift (docs/man/skillpath.1 is this output; a test keeps the two the same).
enum ManualCommand: Command {
    static let spec = CommandSpec(
        path: ["manual"], summary: "print this command line's manual page, skillpath(1), in roff",
        synopsis: "manual",
        discussion: "Install it with: skillpath manual > /usr/local/share/man/man1/skillpath.1 (docs/deploy.md).",
        examples: ["skillpath manual | man -l -"])

    static func run(_ context: CommandContext) throws(CLIError) -> ExitCode {
        // The page ends in a newline, which `line` adds back.
        context.console.line(String(page(SkillPathCLI.specs).render().dropLast()))
        return .success
    }

    static func page(_ specs: [CommandSpec]) -> ManPage {
        let overview = HelpRenderer.overview(specs)
        let usage = overview.filter { $0.hasPrefix("usage:") || $0.hasPrefix("or:") }.map { $0.drop { $0 != " " }.trimmingLeadingSpaces }
        // One subsection per command: its synopsis, what it does, its options and examples, as `--help` has them.
        let commands = specs.map { spec in
            ManPage.Section(
                "  skillpath " + spec.synopsis,
                paragraphs: [spec.summary.prefix(1).uppercased() + spec.summary.dropFirst() + "."] + (spec.discussion.isEmpty ? [] : [spec.discussion]),
                items: spec.options.map { ("--\($0.name)\($0.valueName.map { " " + $0 } ?? "")", $0.help) },
                literal: spec.examples)
        }
        return ManPage(
            name: "skillpath", section: 1, version: SkillPathVersion.current,
            summary: "learning paths from skills to roles, and the SkillPath daemon's command line", synopsis: usage,
            sections: [
                .init("Description", paragraphs: [
                    "skillpath talks to skillpathd(8) for employees, managers and administrators, and works offline on catalog directories for catalog authors and scripts. Data goes to stdout, errors to stderr as one 'Error: ...' line.",
                ]),
                .init("Commands", paragraphs: ["Run skillpath COMMAND --help for the same text on a terminal."]),
            ] + commands + [
                .init("Global options", paragraphs: ["Before or after the command."], items: GlobalOptions.specs.map { ("--\($0.name)\($0.valueName.map { " " + $0 } ?? "")", $0.help) }),
                .init("Environment", items: [
                    ("SKILLPATH_SOCKET", "the daemon's socket when --socket is not given"),
                    ("NO_COLOR", "when set to a non-empty value, never colour the output"),
                ]),
                .init("Exit status", items: ExitCode.documented.map { (String($0.code.rawValue), $0.meaning) }),
                .init("See also", paragraphs: ["skillpathd(8); docs/cli.md, docs/protocol.md"]),
            ])
    }
}

extension Substring {
    fileprivate var trimmingLeadingSpaces: String {
        String(drop { $0 == " " })
    }
}
