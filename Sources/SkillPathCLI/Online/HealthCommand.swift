import SkillPathJSON
import SkillPathProtocol

/// `skillpath health` and `skillpath reload`.
enum HealthCommand: Command {
    static let spec = CommandSpec(
        path: ["health"], summary: "is the daemon up, and which catalog does it serve",
        synopsis: "health [--json]",
        examples: ["skillpath health", "skillpath --socket /run/skillpath/skillpathd.sock health --json"])

    static func run(_ context: CommandContext) throws(CLIError) -> ExitCode {
        let health = try context.daemon().call(SystemHealth.self, NoParams())
        let status = health["status"]?.stringValue ?? "?"
        // A daemon that refuses every write (its database file gone) is up but not healthy: scripts and
        // monitors see it in the exit code, whatever the format.
        let outcome: ExitCode = status == "unhealthy" ? .unavailable : .success
        if context.printedJSON(health) { return outcome }
        let catalog = health["catalog"]
        let uptime = Int(health["uptimeSeconds"]?.doubleValue ?? 0)
        let color: Console.Style = switch status {
        case "ok": .green
        case "unhealthy": .red
        default: .yellow
        }
        context.console.line(context.console.styled("skillpathd \(health["version"]?.stringValue ?? "?")", .bold) + " · "
            + context.console.styled(status, color) + " · up \(duration(uptime)) · \(Plural.count(health["connections"]?.intValue ?? 0, "connection"))")
        context.console.line("catalog \(catalog?["version"]?.stringValue ?? "?"): \(Plural.count(catalog?["skills"]?.intValue ?? 0, "skill")), \(Plural.count(catalog?["courses"]?.intValue ?? 0, "course")), \(Plural.count(catalog?["roles"]?.intValue ?? 0, "role")), \(Plural.count(catalog?["transitions"]?.intValue ?? 0, "transition"))")
        if let problem = health["store"]?["problem"]?.stringValue {
            context.console.line(context.console.styled("database: \(problem); every write is refused until it is restored and the daemon restarted", .red))
        }
        return outcome
    }

    static func duration(_ seconds: Int) -> String {
        if seconds < 60 { return "\(seconds)s" }
        if seconds < 3600 { return "\(seconds / 60)m \(seconds % 60)s" }
        if seconds < 86_400 { return "\(seconds / 3600)h \(seconds % 3600 / 60)m" }
        return "\(seconds / 86_400)d \(seconds % 86_400 / 3600)h"
    }
}

enum ReloadCommand: Command {
    static let spec = CommandSpec(
        path: ["reload"], summary: "re-read the catalog (administrators); a catalog with errors is refused",
        synopsis: "reload [--json]",
        discussion: "Same as 'systemctl reload skillpathd'. On errors the old catalog keeps serving and the errors are listed; the exit code is 65.",
        examples: ["skillpath reload"])

    static func run(_ context: CommandContext) throws(CLIError) -> ExitCode {
        let result = try context.daemon().call(CatalogReload.self, NoParams())
        if context.printedJSON(result) { return .success }
        let changed = result["changed"] == .bool(true)
        context.console.line(changed
            ? "Catalog reloaded: \(result["version"]?.stringValue ?? "?") (was \(result["previousVersion"]?.stringValue ?? "?"))"
            : "Catalog reloaded, unchanged: \(result["version"]?.stringValue ?? "?")")
        context.console.line("\(Plural.count(result["skills"]?.intValue ?? 0, "skill")), \(Plural.count(result["courses"]?.intValue ?? 0, "course")), \(Plural.count(result["roles"]?.intValue ?? 0, "role")), \(Plural.count(result["warnings"]?.intValue ?? 0, "warning"))")
        let retired = result["retiredInPlans"]?.arrayValue ?? []
        if !retired.isEmpty {
            let console = context.console
            console.line(console.styled("Active assignments still plan \(retired.count) course\(retired.count == 1 ? "" : "s") this catalog no longer has "
                + "(their plans stay frozen, completions still land; replan to drop them):", .yellow))
            for entry in retired.prefix(10) {
                let count = entry["assignments"]?.intValue ?? 0
                console.line(console.styled("  \(entry["course"]?.stringValue ?? "?"): \(count) assignment\(count == 1 ? "" : "s")", .yellow))
            }
            if retired.count > 10 { console.line("  … and \(retired.count - 10) more (--json lists them all)") }
        }
        return .success
    }
}
