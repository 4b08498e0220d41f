import SkillPathJSON
import SkillPathProtocol

/// `skillpath replan ASSIGNMENT`: what a fresh plan would change; `--apply` to take it.
enum ReplanCommand: Command {
    static let spec = CommandSpec(
        path: ["replan"], summary: "compare an assignment's frozen plan with a fresh one; --apply to replace it",
        synopsis: "replan ASSIGNMENT [--apply] [--json]",
        discussion: "After a catalog change or new skills. Completed steps stay; applying (managers, administrators) re-dates the rest from today.",
        options: [OptionSpec("apply", help: "replace the remaining steps with the fresh plan")],
        positionals: ["ASSIGNMENT"], minimumPositionals: 1, maximumPositionals: 1,
        examples: ["skillpath replan 12", "skillpath replan 12 --apply"])

    static func run(_ context: CommandContext) throws(CLIError) -> ExitCode {
        let id = try positiveID(context.arguments.positionals[0], "ASSIGNMENT", is: "an assignment number")
        let result = try context.daemon().call(AssignmentsReplan.self, AssignmentsReplan.Params(id: id, apply: context.arguments.flag("apply")))
        if context.printedJSON(result) { return .success }
        let console = context.console
        let renderer = AssignmentRenderer(console: console)
        let current = result["current"]
        let proposed = result["proposed"]
        console.line(console.styled("Assignment \(id)", .bold) + ": frozen plan \(renderer.text(current?["hours"])) h on \(current?["catalogVersion"]?.stringValue ?? "?") → fresh plan \(renderer.text(proposed?["hours"])) h on \(proposed?["catalogVersion"]?.stringValue ?? "?")")
        for course in result["added"]?.arrayValue ?? [] { console.line(console.styled("  + \(course.stringValue ?? "?")", .green)) }
        for course in result["removed"]?.arrayValue ?? [] { console.line(console.styled("  - \(course.stringValue ?? "?")", .red)) }
        let kept = result["kept"]?.arrayValue?.count ?? 0
        console.line("  = \(kept) course\(kept == 1 ? "" : "s") unchanged")
        for unmet in proposed?["unmet"]?.arrayValue ?? [] {
            console.line(console.styled("  ✗ \(unmet["name"]?.stringValue ?? "?") \(unmet["need"]?.intValue ?? 0): \(unmet["detail"]?.stringValue ?? "")", .yellow))
        }
        if result["applied"] == .bool(true) {
            console.line("Applied: the assignment now follows the fresh plan, planned to finish \(proposed?["plannedCompletion"]?.stringValue ?? "?").")
        } else if (result["added"]?.arrayValue?.isEmpty ?? true) && (result["removed"]?.arrayValue?.isEmpty ?? true) {
            console.line("Nothing to change.")
        } else {
            console.line("Not applied; run 'skillpath replan \(id) --apply' to take the fresh plan.")
        }
        return .success
    }
}
