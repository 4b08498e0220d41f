import SkillPathJSON

/// A list as far as it was read: its first items, the whole list's size where the daemon counts it, and
/// whether more remain.
struct Listing {
    var items: [JSONValue]
    var total: Int?
    var more: Bool
}

/// `--limit N` and `--all` for the list commands (docs/cli.md, "Lists"): a table shows the first 50 rows and
/// says how many it left out; `--json` lists every row unless `--limit` is given, so scripts get the whole
/// list as before.
struct ListLimit {
    static let defaultRows = 50
    static let largest = 1_000_000

    static let limitOption = OptionSpec("limit", value: "N", help: "show at most N rows (default \(defaultRows) in a table; --json lists every row unless --limit is given)")
    static let allOption = OptionSpec("all", help: "show every row")

    /// nil: every row.
    let rows: Int?

    init(_ arguments: ParsedArguments, json: Bool, allFlag: Bool = true) throws(CLIError) {
        let all = allFlag && arguments.flag("all")
        if let text = arguments.value("limit") {
            if all { throw .usage("give --limit N or --all, not both") }
            guard let number = Int(text), (1...Self.largest).contains(number) else {
                throw .usage("--limit must be a whole number from 1 to \(Plural.grouped(Self.largest)), got '\(text)'")
            }
            rows = number
        } else {
            rows = all || json ? nil : Self.defaultRows
        }
    }

    /// "Showing 50 of 50,012 employees; --limit N or --all for more." when rows were left out.
    static func footer(shown: Int, total: Int?, more: Bool, noun: String, allFlag: Bool = true) -> String? {
        guard more || (total ?? 0) > shown else { return nil }
        let of = total.map { " of \(Plural.grouped($0))" } ?? ""
        return "Showing \(Plural.grouped(shown))\(of) \(noun); --limit N\(allFlag ? " or --all" : "") for more."
    }
}
