import SkillPathCore
import SkillPathJSON
import SkillPathProtocol

/// `skillpath path`: my learning path (or a report's), planned by the daemon from stored skills.
enum PathCommand: Command {
    static let spec = CommandSpec(
        path: ["path"], summary: "your learning path to a role, or a report's (from your stored skills)",
        synopsis: "path [--target ROLE] [--employee ID] [options] [--graph dot|mermaid | --json]",
        discussion: """
        With --target, plans the path to that role from the stored skills and completed courses. Without it, shows
        your active assignments (and finished ones whose role is still not met): their frozen plans with what is
        done, what is next, whether you are on track and which skills the plan cannot close.
        --employee shows a report's instead (managers) or anyone's (services, administrators).
        """,
        options: [
            OptionSpec("target", value: "ROLE", help: "the role to plan for"),
            OptionSpec("employee", value: "ID", help: "someone else's path (your reports, if you manage them)"),
            PlanCommand.graphOption,
        ] + PlanOptionFlags.specs,
        examples: [
            "skillpath path --target data-scientist --hours-per-week 5",
            "skillpath path",
            "skillpath path --employee e-005 --target eng-senior --objective cost",
            "skillpath path --target eng-staff --graph mermaid",
        ])

    static func run(_ context: CommandContext) throws(CLIError) -> ExitCode {
        let daemon = context.daemon()
        let arguments = context.arguments
        if let target = arguments.value("target") {
            var flags = arguments
            let graph = try PlanCommand.graphFormat(&flags, context: context)
            let options = try PlanOptionFlags.options(from: flags, today: context.today)
            let subject: PlanningSubject = arguments.value("employee").map(PlanningSubject.employee) ?? .caller
            let result = try daemon.call(PathsPlan.self, PathsPlan.Params(subject: subject, targetRole: target, options: options))
            if context.wantsJSON {
                context.console.json(result)
                return .success
            }
            do {
                PlanCommand.show(try Plan(json: result), graph: graph, context: context)
            } catch {
                throw CLIError(.failure, "the daemon's plan could not be read: \(error)")
            }
            if graph == nil { showMentors(daemon, employee: arguments.value("employee"), target: target, console: context.console) }
            return .success
        }
        let employee = try ownID(daemon, unless: arguments.value("employee"))
        let list = try daemon.call(AssignmentsList.self, AssignmentsList.Params(employee: employee))
        // Active ones, and finished ones whose role is still not met: both still ask something of the person.
        let active = (list["assignments"]?.arrayValue ?? []).filter {
            $0["status"] == "active" || ($0["status"] == "completed" && $0["requirementsMet"] == .bool(false))
        }
        if context.wantsJSON {
            var details: [JSONValue] = []
            for id in active.compactMap({ $0["id"]?.intValue }) { details.append(try daemon.call(AssignmentsGet.self, AssignmentID(Int64(id)))) }
            context.console.json(.object([("employee", .string(employee)), ("assignments", .array(details))]))
            return .success
        }
        guard !active.isEmpty else {
            throw CLIError(.usage, "\(employee) has no active assignment; give --target ROLE to plan a path")
        }
        for id in active.compactMap({ $0["id"]?.intValue }) {
            let assignment = try daemon.call(AssignmentsGet.self, AssignmentID(Int64(id)))
            AssignmentRenderer(console: context.console).render(assignment).forEach(context.console.line)
            context.console.line()
        }
        return .success
    }

    /// "Mentors available for Python: Linus Park (e-004)", a line for each skill of the plan someone offers to
    /// mentor (mentors.find). Best effort: a daemon without mentors, or a caller who may not ask, gets no lines.
    static func showMentors(_ daemon: DaemonClient, employee: String?, target: String, console: Console) {
        guard let found = try? daemon.call(MentorsFind.self, MentorsFind.Params(employee: employee, targetRole: target, limit: 3)) else { return }
        let lines = (found["skills"]?.arrayValue ?? []).compactMap { skill -> String? in
            let mentors = (skill["mentors"]?.arrayValue ?? []).map { "\($0["name"]?.stringValue ?? "?") (\($0["employee"]?.stringValue ?? "?"))" }
            return mentors.isEmpty ? nil : "Mentors available for \(skill["name"]?.stringValue ?? "?"): \(mentors.joined(separator: ", "))"
        }
        guard !lines.isEmpty else { return }
        console.line()
        lines.forEach { console.line($0) }
        console.line(console.styled("Ask one with 'skillpath mentoring start MENTOR SKILL'.", .dim))
    }
}
