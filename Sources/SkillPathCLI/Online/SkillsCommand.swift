import SkillPathCore
import SkillPathJSON
import SkillPathProtocol

/// `skillpath skills`: your skills (or a report's) as the daemon holds them: the level stated, by whom and
/// when, and the level that counts for plans, with the reason when the two differ (docs/evidence.md).
enum SkillsCommand: Command {
    static let spec = CommandSpec(
        path: ["skills"], summary: "your skills (or a report's): each level stated, its source and date, and the level that counts",
        synopsis: "skills [--employee ID] [--json]",
        discussion: """
        One row a skill: the level of its standing evidence, where it came from (self, manager, course,
        assessment, import) and when, and the level plans count, which is lower where the evidence is weak
        (a self-rating nobody confirmed, say); the last column says why. 'skills set' rates your own.
        --json prints employees.get's skills, every piece of evidence included.
        """,
        options: [OptionSpec("employee", value: "ID", help: "someone you may see (a report; anyone, for administrators)")],
        examples: ["skillpath skills", "skillpath skills --employee e-008", "skillpath skills --json"])

    static func run(_ context: CommandContext) throws(CLIError) -> ExitCode {
        let daemon = context.daemon()
        let record = try daemon.call(EmployeesGet.self, EmployeesGet.Params(id: context.arguments.value("employee")))
        let skills = record["skills"]?.arrayValue ?? []
        if context.printedJSON(.array(skills)) { return .success }
        let console = context.console
        let who = "\(record["name"]?.stringValue ?? "?") (\(record["id"]?.stringValue ?? "?"))"
        guard !skills.isEmpty else {
            console.line("\(who) has no skills on record. Rate your own with 'skillpath skills set SKILL=LEVEL'.")
            return .success
        }
        console.heading("Skills of \(who): \(Plural.count(skills.count, "skill"))")
        let rows = skills.map { skill -> [String] in
            let stated = skill["level"]?.intValue ?? 0
            let counts = skill["effectiveLevel"]?.intValue ?? stated
            return [
                skill["skill"]?.stringValue ?? "?", String(stated), skill["source"]?.stringValue ?? "?", String((skill["setAt"]?.stringValue ?? "?").prefix(10)),
                String(counts), counts < stated ? reason(skill["evidence"]?.stringValue) : "",
            ]
        }
        console.table(header: ["Skill", "Stated", "Source", "Since", "Counts", "Why lower"], rows: rows, rightAligned: [1, 4], shrinkable: [5])
        return .success
    }

    /// The daemon's "stated 5 (self), counts as 3: self-rated, not confirmed" without what the row shows.
    static func reason(_ evidence: String?) -> String {
        guard let evidence, let colon = evidence.firstIndex(of: ":") else { return evidence ?? "" }
        return evidence[evidence.index(after: colon)...].trimmingCharacters(in: .whitespaces)
    }
}

/// `skillpath skills set SKILL=LEVEL...`: rate your own skills (source self), or a report's as their manager.
enum SkillsSetCommand: Command {
    static let spec = CommandSpec(
        path: ["skills", "set"], summary: "rate your own skills (or, as a manager, a report's): SKILL=LEVEL, levels 0–5",
        synopsis: "skills set SKILL=LEVEL... [--employee ID] [--json]",
        discussion: """
        Your own ratings are recorded as self-ratings; a manager's for a report as the manager's. Other skills
        are kept. A lower level does not replace stronger evidence (a course you completed): such skills are
        listed as kept, with the reason.
        """,
        options: [OptionSpec("employee", value: "ID", help: "a report's skills (managers; anyone's, for administrators)")],
        positionals: ["SKILL=LEVEL"], minimumPositionals: 1, maximumPositionals: nil,
        examples: ["skillpath skills set python=3 sql=2", "skillpath skills set statistics=2 --employee e-008"])

    static func run(_ context: CommandContext) throws(CLIError) -> ExitCode {
        let levels = try context.arguments.positionals.map { text throws(CLIError) -> SkillLevel in try Self.level(text) }
        let daemon = context.daemon()
        let employee = try ownID(daemon, unless: context.arguments.value("employee"))
        let result = try daemon.call(EmployeesSetSkills.self, EmployeesSetSkills.Params(employee: employee, skills: levels))
        if context.printedJSON(result) { return .success }
        let console = context.console
        let changed = result["changed"]?.arrayValue ?? []
        let source = result["source"]?.stringValue ?? "?"
        let listed = changed.map { "\($0["skill"]?.stringValue ?? "?") \($0["level"]?.intValue ?? 0)" }.joined(separator: ", ")
        console.line(changed.isEmpty ? "Nothing changed for \(employee)." : "Set for \(employee) (\(source)): \(listed).")
        for kept in result["kept"]?.arrayValue ?? [] {
            console.line("  kept \(kept["skill"]?.stringValue ?? "?") at \(kept["level"]?.intValue ?? 0): \(kept["reason"]?.stringValue ?? "")")
        }
        return .success
    }

    /// "python=3" → python at 3; anything else is a usage error that names the argument.
    static func level(_ text: String) throws(CLIError) -> SkillLevel {
        let parts = text.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, let level = Int(parts[1]), (0...5).contains(level) else {
            throw .usage("'\(text)' must be SKILL=LEVEL with a level from 0 to 5, e.g. python=3")
        }
        return SkillLevel(skill: String(parts[0]), level: level)
    }
}
