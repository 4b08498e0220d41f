import SkillPathCore
import SkillPathJSON
import SkillPathProtocol

/// `skillpath catalog search` and `skillpath catalog show`: from the daemon, or from a directory with --catalog.
enum CatalogSearchCommand: Command {
    static let spec = CommandSpec(
        path: ["catalog", "search"], summary: "search skills, roles and courses by name, title, alias or tag",
        synopsis: "catalog search QUERY [--kind skill|role|course]... [--limit N] [--catalog DIR] [--json]",
        options: [
            OptionSpec("kind", value: "skill|role|course", repeatable: true, help: "only these kinds"),
            OptionSpec("limit", value: "N", help: "at most N results (default 20)"),
            OptionSpec("catalog", value: "DIR", help: "search this catalog directory instead of asking the daemon"),
        ],
        positionals: ["QUERY"], minimumPositionals: 1, maximumPositionals: 1,
        examples: ["skillpath catalog search kubernetes", "skillpath catalog search python --kind course --limit 5"])

    static func run(_ context: CommandContext) throws(CLIError) -> ExitCode {
        let arguments = context.arguments
        let query = arguments.positionals[0]
        let limit = try arguments.value("limit").map { text throws(CLIError) -> Int in
            guard let number = Int(text), (1...200).contains(number) else { throw .usage("--limit must be 1–200, got '\(text)'") }
            return number
        } ?? 20
        let kinds = arguments.values("kind")
        for kind in kinds where CatalogSearchIndex.Kind(rawValue: kind) == nil { throw .usage("--kind must be skill, role or course, got '\(kind)'") }
        var results: [JSONValue]
        if let directory = arguments.value("catalog") {
            let catalog = try OfflineInputs.catalog(directory)
            let wanted = kinds.isEmpty ? Set(CatalogSearchIndex.Kind.allCases) : Set(kinds.compactMap(CatalogSearchIndex.Kind.init(rawValue:)))
            results = CatalogSearch.Result(hits: CatalogSearchIndex(catalog: catalog).search(query, kinds: wanted, limit: limit)).json["results"]?.arrayValue ?? []
        } else {
            let reply = try context.daemon().call(CatalogSearch.self, CatalogSearch.Params(
                query: query, kinds: kinds.isEmpty ? nil : Set(kinds.compactMap(CatalogSearchIndex.Kind.init(rawValue:))), limit: limit))
            results = reply["results"]?.arrayValue ?? []
        }
        if context.printedJSON(.object([("results", .array(results))])) { return .success }
        guard !results.isEmpty else {
            context.console.line("Nothing matches '\(query)'.")
            return .success
        }
        let rows = results.map { [$0["kind"]?.stringValue ?? "?", $0["id"]?.stringValue ?? "?", $0["title"]?.stringValue ?? "?"] }
        context.console.table(header: ["Kind", "ID", "Name"], rows: rows, shrinkable: [2])
        return .success
    }
}

enum CatalogShowCommand: Command {
    static let spec = CommandSpec(
        path: ["catalog", "show"], summary: "show one skill, role or course",
        synopsis: "catalog show [KIND] ID [--catalog DIR] [--json]",
        discussion: "KIND is skill, role or course; leave it out when the id names one item only.",
        options: [OptionSpec("catalog", value: "DIR", help: "read this catalog directory instead of asking the daemon")],
        positionals: ["KIND", "ID"], minimumPositionals: 1, maximumPositionals: 2,
        examples: ["skillpath catalog show eng-senior", "skillpath catalog show course sql-201 --json"])

    static let kinds = ["skill", "role", "course"]

    static func run(_ context: CommandContext) throws(CLIError) -> ExitCode {
        let positionals = context.arguments.positionals
        let id = positionals[positionals.count - 1]
        let given = positionals.count == 2 ? positionals[0] : nil
        if let given, !kinds.contains(given) { throw .usage("KIND must be skill, role or course, got '\(given)'") }
        let item: JSONValue
        if let directory = context.arguments.value("catalog") {
            let catalog = try OfflineInputs.catalog(directory)
            let held = catalog.kinds(holding: id)
            guard held.count <= 1 || given != nil else {
                throw .usage("'\(id)' is a \(held.joined(separator: " and a ")) id: say which", hint: "usage: skillpath catalog show KIND \(id)")
            }
            let kind = given ?? held.first ?? "item"
            let found: JSONValue? = switch kind {
            case "skill": catalog.skill(id)?.json
            case "role": catalog.role(id)?.json
            case "course": catalog.course(id)?.json
            default: nil
            }
            guard let found else { throw CLIError(.notFound, "no \(kind) '\(id)' in \(directory)") }
            item = .object([("kind", .string(kind)), ("item", found)])
        } else {
            item = try context.daemon().call(CatalogGet.self, CatalogGet.Params(kind: given.flatMap(CatalogGet.Kind.init(rawValue:)), id: id))
        }
        if context.printedJSON(item) { return .success }
        CatalogItemRenderer(console: context.console).render(item).forEach(context.console.line)
        return .success
    }
}

/// One catalog item for a person.
struct CatalogItemRenderer: JSONDisplaying {
    let console: Console

    func render(_ reply: JSONValue) -> [String] {
        guard let item = reply["item"] else { return [] }
        let kind = reply["kind"]?.stringValue ?? "?"
        var lines = [console.styled("\(item["title"]?.stringValue ?? item["name"]?.stringValue ?? "?")", .bold) + " " + console.styled("(\(kind) \(item["id"]?.stringValue ?? "?"))", .dim)]
        func levels(_ key: String) -> String {
            (item[key]?.arrayValue ?? []).map { "\($0["skill"]?.stringValue ?? "?") \(text($0["level"]))\($0["importance"] == "optional" ? " (optional)" : "")" }.joined(separator: ", ")
        }
        switch kind {
        case "course":
            var facts = ["\(text(item["hours"])) h", "\(text(item["cost"])) \(item["currency"]?.stringValue ?? "")", item["format"]?.stringValue ?? "?", item["language"]?.stringValue ?? "?"]
            if let provider = item["provider"]?.stringValue { facts.append(provider) }
            lines.append(facts.joined(separator: " · "))
            lines.append("teaches: \(levels("teaches"))")
            if item["requires"] != nil { lines.append("requires: \(levels("requires"))") }
            if let after = item["after"]?.arrayValue { lines.append("after: \(after.compactMap(\.stringValue).joined(separator: ", "))") }
            if let url = item["url"]?.stringValue { lines.append(url) }
            if let followed = reply["followedBy"]?.arrayValue, !followed.isEmpty { lines.append("followed by: \(followed.compactMap(\.stringValue).joined(separator: ", "))") }
        case "role":
            lines.append([item["family"]?.stringValue, item["grade"]?.stringValue].compactMap { $0 }.joined(separator: " · "))
            lines.append("requires: \(levels("requires"))")
            for move in reply["transitionsFrom"]?.arrayValue ?? [] { lines.append("→ \(move["to"]?.stringValue ?? "?") (\(move["kind"]?.stringValue ?? "?"))") }
            for move in reply["transitionsTo"]?.arrayValue ?? [] { lines.append("← \(move["from"]?.stringValue ?? "?") (\(move["kind"]?.stringValue ?? "?"))") }
        default:
            if let category = item["category"]?.stringValue { lines.append("category: \(category)") }
            if let aliases = item["aliases"]?.arrayValue { lines.append("aliases: \(aliases.compactMap(\.stringValue).joined(separator: ", "))") }
            if let taught = reply["taughtBy"]?.arrayValue { lines.append("taught by: \(taught.compactMap(\.stringValue).joined(separator: ", "))") }
            if let required = reply["requiredBy"]?.arrayValue { lines.append("required by: \(required.compactMap(\.stringValue).joined(separator: ", "))") }
        }
        return lines.filter { !$0.isEmpty }
    }
}
