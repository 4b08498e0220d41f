import SkillPathJSON
import SkillPathProtocol

/// `skillpath complete -- WORDS...`: the completions for a command line, one per line, for the scripts
/// `skillpath completion bash|zsh|fish` prints (see `CompletionEngine`).
enum CompleteCommand: Command {
    static let spec = CommandSpec(
        path: ["complete"], summary: "print the completions for a command line (what the shell completion scripts call)",
        synopsis: "complete [--describe] -- WORD...",
        discussion: """
        WORD... is the command line after 'skillpath', the last word being the one to complete (empty after a
        space). Prints one candidate per line; with --describe, 'candidate:description' for zsh; with --tab,
        'candidate<TAB>description' for fish. A line
        '<files>' or '<directories>' asks the shell for its own path completion. Role, course and skill ids
        come from the daemon when it answers, and are left out quietly when it does not.
        """,
        options: [
            OptionSpec("describe", help: "add ':description' to each candidate (zsh's _describe format)"),
            OptionSpec("tab", help: "add a tab and the description to each candidate (fish's format)"),
        ],
        positionals: ["WORD"], minimumPositionals: 0, maximumPositionals: nil,
        examples: ["skillpath complete -- --json pat", "skillpath complete -- path --target ''"])

    static func run(_ context: CommandContext) throws(CLIError) -> ExitCode {
        let engine = CompletionEngine(specs: SkillPathCLI.specs) { kind, socket in
            catalogIDs(kind, socket: socket, context: context)
        }
        let words = context.arguments.positionals.isEmpty ? [""] : context.arguments.positionals
        switch engine.answer(words) {
        case .files: context.console.line("<files>")
        case .directories: context.console.line("<directories>")
        case .words(let candidates):
            for candidate in candidates {
                if context.arguments.flag("tab") {
                    context.console.line(candidate.description.isEmpty ? candidate.word : "\(candidate.word)\t\(candidate.description)")
                    continue
                }
                guard context.arguments.flag("describe") else {
                    context.console.line(candidate.word)
                    continue
                }
                // zsh's _describe splits at the first unescaped colon.
                let word = candidate.word.replacingOccurrences(of: ":", with: "\\:")
                context.console.line(candidate.description.isEmpty ? word : "\(word):\(candidate.description)")
            }
        }
        return .success
    }

    /// Up to 5,000 ids of one kind from the daemon (five pages); none when no daemon answers.
    static func catalogIDs(_ kind: String, socket: String?, context: CommandContext) -> [String] {
        var arguments = context.arguments
        if let socket { arguments.options["socket"] = [socket] }
        let daemon = DaemonClient(arguments: arguments, environment: context.environment)
        var ids: [String] = []
        var cursor: String?
        for _ in 0..<5 {
            let request = PageRequest(limit: PageRequest.maximumLimit, cursor: cursor)
            let call: () throws(CLIError) -> JSONValue = switch kind {
            case "skills": { () throws(CLIError) in try daemon.call(CatalogSkills.self, CatalogSkills.Params(page: request)) }
            case "courses": { () throws(CLIError) in try daemon.call(CatalogCourses.self, CatalogCourses.Params(page: request)) }
            default: { () throws(CLIError) in try daemon.call(CatalogRoles.self, CatalogRoles.Params(page: request)) }
            }
            guard let page = try? call() else { break }
            ids += (page["items"]?.arrayValue ?? []).compactMap { $0["id"]?.stringValue }
            guard let next = page["nextCursor"]?.stringValue else { break }
            cursor = next
        }
        return ids
    }
}
