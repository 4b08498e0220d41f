import SkillPathCore

/// Parses `skillpath [global options] COMMAND [options] [arguments]`, with global options allowed anywhere;
/// `skillpath help [COMMAND]` and `skillpath GROUP --help` ask for help.
///
/// Small and strict: unknown options are usage errors with a suggestion, `--name=value` and `--name value`
/// both work, `--` ends the options.
public struct ArgumentParser: Sendable {
    public let commands: [CommandSpec]

    public init(commands: [CommandSpec]) {
        self.commands = commands
    }

    public func parse(_ arguments: [String]) throws(CLIError) -> ParsedArguments {
        var parsed = ParsedArguments()
        var words: [String] = []
        var remaining = arguments[...]
        var optionsEnded = false
        // Options are resolved once the command is known, so they are kept in order until then.
        var pendingOptions: [(name: String, value: String?)] = []
        while let argument = remaining.popFirst() {
            if optionsEnded || !argument.hasPrefix("-") || argument == "-" {
                words.append(argument)
                continue
            }
            if argument == "--" {
                optionsEnded = true
                continue
            }
            if argument == "-h" {
                parsed.options["help", default: []].append("")
                continue
            }
            if argument == "-v" {
                pendingOptions.append(("verbose", nil))
                continue
            }
            guard argument.hasPrefix("--") else {
                throw .usage("unknown option '\(argument)'", hint: "options are spelt --name; see skillpath --help")
            }
            var name = String(argument.dropFirst(2))
            var inlineValue: String?
            if let equals = name.firstIndex(of: "=") {
                inlineValue = String(name[name.index(after: equals)...])
                name = String(name[..<equals])
            }
            pendingOptions.append((name, inlineValue))
            let spec = optionSpec(named: name, words: words)
            if spec?.takesValue == true && inlineValue == nil {
                guard let value = remaining.popFirst() else { throw .usage("--\(name) needs a value (\(spec?.valueName ?? "VALUE"))") }
                pendingOptions[pendingOptions.count - 1].value = value
            }
        }
        // `skillpath help path` is `skillpath path --help`; `skillpath help` alone is the overview.
        if words.first == "help" && longestMatch(words) == nil {
            words.removeFirst()
            pendingOptions.append(("help", nil))
        }
        if pendingOptions.contains(where: { $0.name == "help" }), longestMatch(words) == nil, words.count == 1,
           let group = words.first, commands.contains(where: { $0.path.count > 1 && $0.path[0] == group }) {
            parsed.group = group
            parsed.options["help"] = [""]
            return parsed
        }
        let command = try resolveCommand(words)
        parsed.command = command
        parsed.positionals = Array(words.dropFirst(command?.path.count ?? 0))
        let known = (command?.options ?? []) + GlobalOptions.specs
        for (name, value) in pendingOptions {
            guard let spec = known.first(where: { $0.name == name }) else {
                let hint = suggestion(for: name, among: known.map(\.name)).map { "did you mean --\($0)?" }
                throw .usage("unknown option --\(name)\(command.map { " for '\($0.name)'" } ?? "")", hint: hint)
            }
            // `--json=FIELD,…` is the one flag with a value of its own: the fields to print (`JSONFields`).
            if !spec.takesValue && value != nil && name != "json" { throw .usage("--\(name) takes no value") }
            if spec.takesValue && !spec.repeatable && parsed.options[name] != nil {
                throw .usage("--\(name) is given more than once")
            }
            parsed.options[name, default: []].append(value ?? "")
        }
        if let command, !parsed.flag("help") {
            if parsed.positionals.count < command.minimumPositionals {
                // Name the first required one not given: an optional positional ("[KIND] ID") is never missing.
                let required = command.positionals.filter { !command.synopsis.contains("[\($0)]") }
                let missing = required.dropFirst(parsed.positionals.count).first ?? "argument"
                throw .usage("missing \(missing)", hint: "usage: skillpath \(command.synopsis)")
            }
            if let maximum = command.maximumPositionals, parsed.positionals.count > maximum {
                throw .usage("unexpected argument '\(parsed.positionals[maximum])'", hint: "usage: skillpath \(command.synopsis)")
            }
        }
        return parsed
    }

    /// The spec of an option, looking at the command named so far, so that its value can be taken.
    func optionSpec(named name: String, words: [String]) -> OptionSpec? {
        let command = longestMatch(words)
        return ((command?.options ?? []) + GlobalOptions.specs).first { $0.name == name }
            ?? commands.lazy.flatMap(\.options).first { $0.name == name }
    }

    func longestMatch(_ words: [String]) -> CommandSpec? {
        commands.filter { words.starts(with: $0.path) }.max { $0.path.count < $1.path.count }
    }

    func resolveCommand(_ words: [String]) throws(CLIError) -> CommandSpec? {
        guard let first = words.first else { return nil }
        if let command = longestMatch(words) { return command }
        let groups = Set(commands.map(\.path[0]))
        if groups.contains(first) {
            let subcommands = commands.filter { $0.path[0] == first }.map { $0.path.dropFirst().joined(separator: " ") }
            let given = words.count > 1 ? "unknown command '\(first) \(words[1])'" : "'\(first)' needs a subcommand"
            throw .usage(given, hint: "one of: \(subcommands.joined(separator: ", "))")
        }
        let hint = suggestion(for: first, among: Array(groups)).map { "did you mean '\($0)'?" } ?? "see skillpath --help"
        throw .usage("unknown command '\(first)'", hint: hint)
    }

    func suggestion(for word: String, among candidates: [String]) -> String? {
        Spelling.closest(to: word, among: candidates)
    }
}
