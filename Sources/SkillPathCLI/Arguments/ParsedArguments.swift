/// A command line after parsing: which command, its options and its positional arguments.
public struct ParsedArguments: Sendable {
    public var command: CommandSpec?
    /// A group of commands (`catalog`) whose help was asked for without naming one of them.
    public var group: String?
    /// Option name → values given, in order (flags map to `[""]`).
    public var options: [String: [String]] = [:]
    public var positionals: [String] = []

    public func flag(_ name: String) -> Bool { options[name] != nil }

    /// The command's options that this command line gives: a parameter refused is named by one of these
    /// only when the user set it (`OptionSpec.flag(for:among:)`).
    var givenOptions: [OptionSpec] { (command?.options ?? []).filter { options[$0.name] != nil } }

    /// The last value given for an option.
    public func value(_ name: String) -> String? { options[name]?.last }

    /// Every value of a repeatable option, with comma-separated lists split.
    public func values(_ name: String) -> [String] {
        (options[name] ?? []).flatMap { $0.split(separator: ",").map { String($0).trimmed } }.filter { !$0.isEmpty }
    }

    public func required(_ name: String) throws(CLIError) -> String {
        guard let value = value(name), !value.isEmpty else {
            throw .usage("missing --\(name)", hint: command.map { "usage: skillpath \($0.synopsis)" })
        }
        return value
    }
}

extension String {
    var trimmed: String {
        var text = Substring(self)
        while text.first?.isWhitespace == true { text = text.dropFirst() }
        while text.last?.isWhitespace == true { text = text.dropLast() }
        return String(text)
    }
}
