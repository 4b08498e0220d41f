/// What to offer for the word being completed on a `skillpath` command line: the shell scripts
/// (`skillpath completion bash|zsh|fish`) ask `skillpath complete`, which asks this, so that the completion
/// logic lives once, in Swift, where it is tested, and the scripts stay a few lines each.
///
/// It skips global options wherever they stand (`skillpath --json pat<TAB>` completes `path`), knows which
/// options take a value (the next word is that value, not a command), and offers values by what they name:
/// fixed choices (`hours|cost`), catalog ids (roles, courses and skills, from the daemon when it answers),
/// files and directories.
struct CompletionEngine {
    /// A value to complete, from an option's value name or a positional's name.
    enum Value: Equatable {
        case choices([String])
        case roles, courses, skills
        /// Any catalog id (`catalog show ID`).
        case items
        case files, directories
        case none
    }

    /// What the shell should do: offer these words (with a description each, possibly empty), or fall back
    /// to its own file or directory completion.
    enum Answer: Equatable {
        case words([(word: String, description: String)])
        case files, directories

        static func == (left: Answer, right: Answer) -> Bool {
            switch (left, right) {
            case (.words(let a), .words(let b)): a.map(\.word) == b.map(\.word) && a.map(\.description) == b.map(\.description)
            case (.files, .files), (.directories, .directories): true
            default: false
            }
        }
    }

    let specs: [CommandSpec]
    /// Catalog ids of a kind ("roles", "courses", "skills"), when a daemon answers; empty otherwise.
    let ids: (_ kind: String, _ socket: String?) -> [String]

    /// - Parameter words: the command line after `skillpath`, the last being the word under the cursor
    ///   (empty when the cursor follows a space).
    func answer(_ words: [String]) -> Answer {
        let current = words.last ?? ""
        var commandWords: [String] = []
        var socket: String?
        var pendingValue: OptionSpec?
        for word in words.dropLast() {
            // bash splits `--target=sc` into `--target`, `=`, `sc`: the `=` joins the option to its value.
            if pendingValue != nil && word == "=" { continue }
            if let option = pendingValue {
                if option.name == "socket" { socket = word }
                pendingValue = nil
                continue
            }
            if word.hasPrefix("--") {
                let name = String(word.dropFirst(2).prefix { $0 != "=" })
                if let option = option(named: name, commandWords: commandWords) {
                    if option.takesValue && !word.contains("=") { pendingValue = option }
                    if name == "socket", let equals = word.firstIndex(of: "=") { socket = String(word[word.index(after: equals)...]) }
                }
                continue
            }
            commandWords.append(word)
        }
        let command = longestMatch(commandWords)
        if let option = pendingValue {
            return values(for: Self.value(named: option.valueName ?? ""), prefix: current == "=" ? "" : current, socket: socket)
        }
        // zsh and fish keep `--target=sc` one word: complete the value, and offer it with its option.
        if current.hasPrefix("--"), let equals = current.firstIndex(of: "="),
           let option = option(named: String(current[current.index(current.startIndex, offsetBy: 2)..<equals]), commandWords: commandWords), option.takesValue {
            let head = current[...equals]
            switch values(for: Self.value(named: option.valueName ?? ""), prefix: String(current[current.index(after: equals)...]), socket: socket) {
            case .words(let words): return .words(words.map { (head + $0.word, $0.description) })
            case let other: return other
            }
        }
        if current.hasPrefix("-") {
            let options = (command?.options ?? []) + GlobalOptions.specs
            return .words(options.map { ("--\($0.name)", $0.help) }.filter { $0.0.hasPrefix(current) })
        }
        guard let command else {
            // No command yet, or a group without its subcommand.
            if let group = commandWords.first, commandWords.count == 1 {
                return .words(subcommands(of: group).filter { $0.word.hasPrefix(current) })
            }
            guard commandWords.isEmpty else { return .words([]) }
            return .words(topLevel().filter { $0.word.hasPrefix(current) })
        }
        let position = commandWords.count - command.path.count
        var offered: [(word: String, description: String)] = []
        // `moves` is a command and a group: its subcommands are offered where its first argument would go.
        if position == 0 { offered = subcommands(of: command.path.joined(separator: " ")).filter { $0.word.hasPrefix(current) } }
        guard let name = positionalName(command, at: position) else { return .words(offered) }
        let value = values(for: Self.value(named: name, in: command), prefix: current, socket: socket)
        if case .words(let found) = value { return .words(offered + found) }
        return offered.isEmpty ? value : .words(offered)
    }

    /// What a value name asks for: `a|b|c` lists the choices; ids and paths by their usual names.
    static func value(named name: String, in command: CommandSpec? = nil) -> Value {
        if name.contains("|") { return .choices(name.split(separator: "|").map(String.init)) }
        switch name {
        case "ROLE": return .roles
        case "COURSE": return .courses
        case "SKILL": return .skills
        case "DIR": return .directories
        case "FILE", "FILE.csv", "PATH", "INPUT": return .files
        case "SHELL": return .choices(["bash", "zsh", "fish"])
        case "SOURCE": return .choices(CatalogImportCommand.sources)
        case "KIND": return .choices(CatalogShowCommand.kinds)
        case "ID" where command?.path == ["catalog", "show"]: return .items
        default: return .none
        }
    }

    private func values(for value: Value, prefix: String, socket: String?) -> Answer {
        let words: [String]
        switch value {
        case .choices(let choices): words = choices
        case .roles: words = ids("roles", socket)
        case .courses: words = ids("courses", socket)
        case .skills: words = ids("skills", socket)
        case .items: words = ["roles", "courses", "skills"].flatMap { ids($0, socket) }
        case .files: return .files
        case .directories: return .directories
        case .none: words = []
        }
        return .words(words.filter { $0.hasPrefix(prefix) }.map { ($0, "") })
    }

    private func option(named name: String, commandWords: [String]) -> OptionSpec? {
        ((longestMatch(commandWords)?.options ?? []) + GlobalOptions.specs).first { $0.name == name }
            ?? specs.lazy.flatMap(\.options).first { $0.name == name }
    }

    private func longestMatch(_ words: [String]) -> CommandSpec? {
        specs.filter { words.starts(with: $0.path) }.max { $0.path.count < $1.path.count }
    }

    /// First words: each command, or each group once (described by its members).
    private func topLevel() -> [(word: String, description: String)] {
        var seen = Set<String>()
        var result: [(word: String, description: String)] = []
        for spec in specs where seen.insert(spec.path[0]).inserted {
            let members = specs.filter { $0.path[0] == spec.path[0] }
            let description = members.count == 1 ? spec.summary : members.first { $0.path.count == 1 }?.summary
                ?? "commands: " + members.map { $0.path.dropFirst().joined(separator: " ") }.joined(separator: ", ")
            result.append((spec.path[0], description))
        }
        return result.sorted { $0.word < $1.word }
    }

    private func subcommands(of group: String) -> [(word: String, description: String)] {
        let path = group.split(separator: " ").map(String.init)
        return specs.filter { $0.path.count == path.count + 1 && $0.path.starts(with: path) }.compactMap { spec in
            spec.path.last.map { ($0, spec.summary) }
        }
    }

    private func positionalName(_ command: CommandSpec, at position: Int) -> String? {
        if position < command.positionals.count { return command.positionals[position] }
        // A last positional that repeats (`compare ROLE...`) covers every later word.
        return command.maximumPositionals == nil ? command.positionals.last : nil
    }
}
