import SkillPathJSON

/// `--json=FIELD,…` (as gh's `--json`): JSON output with only the fields named, in the order named. A list
/// keeps those fields of each of its objects; an object keeps those of its own. The fields are the result's
/// keys as docs/protocol.md lists them for the command's method; a field the output does not have is a usage
/// error that lists the ones it has.
enum JSONFields {
    /// The fields asked for: nil for plain `--json` (everything) or no `--json`.
    static func requested(_ arguments: ParsedArguments) throws(CLIError) -> [String]? {
        guard let given = arguments.options["json"]?.last, !given.isEmpty else { return nil }
        let fields = given.split(separator: ",").map { String($0).trimmed }.filter { !$0.isEmpty }
        guard !fields.isEmpty else { throw .usage("--json= needs field names, e.g. --json=id,name") }
        return fields
    }

    static func select(_ fields: [String], from value: JSONValue) -> Result<JSONValue, CLIError> {
        let objects: [JSONObject] = switch value {
        case .array(let elements): elements.compactMap(\.objectValue)
        case .object(let object): [object]
        default: []
        }
        let available = Set(objects.flatMap { $0.keys })
        // An empty list has no fields to check against: nothing to print either way.
        if !objects.isEmpty, let unknown = fields.first(where: { !available.contains($0) }) {
            return .failure(.usage("--json: no field '\(unknown)' in this output; its fields: \(available.sorted().joined(separator: ", "))"))
        }
        func kept(_ object: JSONObject) -> JSONValue {
            .object(fields.map { ($0, object[$0] ?? .null) })
        }
        switch value {
        case .array(let elements): return .success(.array(elements.map { $0.objectValue.map(kept) ?? $0 }))
        case .object(let object): return .success(kept(object))
        default: return .success(value)
        }
    }
}
