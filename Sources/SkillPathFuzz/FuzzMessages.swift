import SkillPathFixtures
import SkillPathJSON

/// Deterministic adversarial JSON-RPC messages: the same seed gives the same messages, byte for byte.
///
/// Each message is exactly one line (newlines inside are dropped), so that the fuzzer can tell which reply
/// belongs to which message. The kinds cover what a hostile or broken client sends: random bytes, truncated JSON, invalid UTF-8, lone
/// surrogates, deep nesting, huge and extreme numbers, wrong types for every parameter of every method, huge
/// batches, duplicate keys, mutated copies of each method's documented example, and (issue 24) batches that
/// ask for far more reply than they weigh, control characters in every string parameter, manager cycles
/// thousands long, and blank lines before a message.
public struct FuzzMessages {
    public enum Kind: String, CaseIterable, Sendable {
        case randomBytes, truncated, invalidUTF8, loneSurrogate, deepNesting, extremeNumber, wrongType, hugeBatch
        case duplicateKeys, mutatedExample, hugeString
        case amplifyingBatch, controlCharacters, longCycle, blankLines
    }

    private var random: SeededGenerator
    private let methods: [FuzzMethod]
    /// The daemon's message size limit: some messages go just over it on purpose.
    private let sizeLimit: Int
    private var counter = 0

    public init(seed: UInt64, methods: [FuzzMethod], sizeLimit: Int = 1_048_576) {
        random = SeededGenerator(seed: seed)
        self.methods = methods.isEmpty ? [FuzzMethod(name: "system.health", parameters: [], example: .object([]))] : methods
        self.sizeLimit = sizeLimit
    }

    static let extremeNumbers = [
        "1e-9223372036854775808", "1e9223372036854775807", "-1e400", "1e400", "-0", "0.0000000000000000000001",
        "92233720368547758.07", "9223372036854775808", "-9223372036854775809", "1e-400", "123456789012345678901234567890.5",
        "4.9e-324", "1.7976931348623157e308", "18446744073709551616", "0e99999999999999999999",
    ]

    /// Kinds that cost the daemon real work per message (megabytes to parse, thousands of batch entries):
    /// one message in fifty, so that a run of a given length spends its time on variety.
    static let heavy: [Kind] = [.deepNesting, .hugeBatch, .hugeString, .amplifyingBatch, .longCycle]
    static let light = Kind.allCases.filter { !heavy.contains($0) }

    /// The next message and its kind.
    public mutating func next() -> (kind: Kind, bytes: [UInt8]) {
        counter += 1
        let kind = random.chance(0.02) ? random.pick(Self.heavy) : random.pick(Self.light)
        var bytes: [UInt8]
        switch kind {
        case .randomBytes:
            bytes = (0..<random.int(in: 0...300)).map { _ in UInt8(truncatingIfNeeded: random.next()) }
        case .truncated:
            let whole = validRequest()
            bytes = Array(whole.prefix(random.int(in: 0...max(0, whole.count - 1))))
        case .invalidUTF8:
            bytes = validRequest()
            for _ in 0..<random.int(in: 1...4) {
                bytes.insert(random.pick([0xFF, 0xFE, 0xC3, 0x80, 0xED, 0xA0, 0xF4, 0x90]), at: random.int(in: 0...bytes.count))
            }
        case .loneSurrogate:
            let surrogate = random.pick(["\\ud800", "\\udfff", "\\ud800\\u0041", "\\udc00\\ud800", "\\ud83d"])
            let method = random.pick(methods)
            let parameter = method.parameters.isEmpty ? "id" : random.pick(method.parameters).name
            bytes = Array(#"{"jsonrpc":"2.0","id":"\#(surrogate)","method":"\#(method.name)","params":{"\#(parameter)":"x\#(surrogate)"}}"#.utf8)
        case .deepNesting:
            bytes = deepNesting()
        case .extremeNumber:
            let method = random.pick(methods)
            var params = method.example.objectValue ?? JSONObject()
            let literal = random.chance(0.2)
                ? String(repeating: "9", count: random.pick([20, 400, 4_000, random.chance(0.05) ? 200_000 : 40]))
                : random.pick(Self.extremeNumbers)
            let key = method.parameters.isEmpty ? "x" : random.pick(method.parameters).name
            params[key] = .number(literal)
            if random.chance(0.5) { params["options"] = .object([(random.pick(["maxCost", "hoursPerWeek", "deadline"]), .number(literal))]) }
            bytes = request(method.name, .object(params), id: random.chance(0.3) ? .number(literal) : .int(counter))
        case .wrongType:
            let method = random.pick(methods)
            var params = method.example.objectValue ?? JSONObject()
            if let parameter = method.parameters.isEmpty ? nil : random.pick(method.parameters) {
                params[parameter.name] = wrongValue(for: parameter.type)
            } else {
                params["unexpected"] = wrongValue(for: "any")
            }
            let whole: JSONValue = random.chance(0.1) ? wrongValue(for: "object") : .object(params)
            bytes = request(method.name, whole, id: .int(counter))
        case .hugeBatch:
            let count = random.pick([0, 1, 100, 1_000, 10_000, 40_000])
            var batch: [UInt8] = [UInt8(ascii: "[")]
            for index in 0..<count {
                if index > 0 { batch.append(UInt8(ascii: ",")) }
                batch += random.chance(0.9) ? request("system.health", nil, id: .int(index)) : Array(#"{"jsonrpc":"2.0","method":"system.health"}"#.utf8)
                if batch.count > sizeLimit + 1000 { break }
            }
            batch.append(UInt8(ascii: "]"))
            bytes = batch
        case .duplicateKeys:
            let method = random.pick(methods)
            bytes = Array(#"{"jsonrpc":"2.0","id":1,"id":"two","method":"nope","method":"\#(method.name)","params":{},"params":{"a":1,"a":2}}"#.utf8)
        case .mutatedExample:
            bytes = validRequest()
            for _ in 0..<random.int(in: 1...8) { mutate(&bytes) }
        case .hugeString:
            let method = random.pick(methods)
            var params = method.example.objectValue ?? JSONObject()
            let key = method.parameters.isEmpty ? "x" : random.pick(method.parameters).name
            params[key] = .string(String(repeating: random.pick(["a", "é", "\u{1F600}", "\\"]), count: random.pick([1_000, 100_000, sizeLimit / 4])))
            bytes = request(method.name, .object(params), id: .int(counter))
        case .amplifyingBatch, .controlCharacters, .longCycle, .blankLines:
            bytes = hostile(kind)
        }
        bytes.removeAll { $0 == 0x0A }
        bytes.append(0x0A)
        // Blank lines are no message: they get no reply, so the message after them is the one answered.
        if kind == .blankLines { bytes = Array(random.pick(["\n", "\r\n", "\n\n\n", "\r\n\n"]).utf8) + bytes }
        return (kind, bytes)
    }

    /// Arrays or objects nested up to half the message limit deep, closed or not.
    private mutating func deepNesting() -> [UInt8] {
        let depth = random.pick([64, 1_000, 10_000, 100_000, sizeLimit / 2 + 10])
        let open = random.chance(0.5) ? UInt8(ascii: "[") : UInt8(ascii: "{")
        var bytes = Array(#"{"jsonrpc":"2.0","id":1,"method":"paths.plan","params":"#.utf8)
        if open == UInt8(ascii: "[") {
            bytes += [UInt8](repeating: open, count: depth) + [UInt8](repeating: UInt8(ascii: "]"), count: random.chance(0.8) ? depth : depth / 2)
        } else {
            bytes += Array(String(repeating: #"{"a":"#, count: depth / 5).utf8) + Array("1".utf8) + [UInt8](repeating: UInt8(ascii: "}"), count: depth / 5)
        }
        return bytes + Array("}".utf8)
    }

    /// The shapes issue 24 added: what a caller sends to make the daemon do or hold far more than it sent.
    private mutating func hostile(_ kind: Kind) -> [UInt8] {
        switch kind {
        case .amplifyingBatch:
            // A few bytes each, asking for the largest replies the daemon gives.
            let count = random.pick([10, 100, 1_000])
            let entry = random.pick([#"{"jsonrpc":"2.0","id":1,"method":"rpc.discover"}"#, #"{"jsonrpc":"2.0","id":2,"method":"catalog.courses","params":{"limit":1000}}"#])
            return Array(("[" + Array(repeating: entry, count: count).joined(separator: ",") + "]").utf8)
        case .controlCharacters:
            let method = random.pick(methods)
            var params = method.example.objectValue ?? JSONObject()
            let key = method.parameters.isEmpty ? "id" : random.pick(method.parameters).name
            let control = random.pick(["\u{0}", "\u{1B}[2J", "\u{7}", "\u{1F}", "\u{8}"])
            let base = params[key]?.stringValue ?? "x"
            params[key] = .string(random.chance(0.5) ? base + control + "junk" : control + base)
            return request(method.name, .object(params), id: .int(counter))
        case .longCycle:
            let role = methods.first { $0.name == "employees.upsert" }?.example["employees"]?.arrayValue?.first?["role"] ?? "x"
            let size = random.pick([100, 2_000])
            let rows = (0..<size).map { index in
                JSONValue.object([("id", .string("fuzz-cycle-\(index)")), ("name", "C"), ("role", role), ("manager", .string("fuzz-cycle-\((index + 1) % size)"))])
            }
            return request("employees.upsert", .object([("employees", .array(rows))]), id: .int(counter))
        default:
            return validRequest()
        }
    }

    private mutating func validRequest() -> [UInt8] {
        let method = random.pick(methods)
        return request(method.name, method.example, id: random.chance(0.1) ? nil : .int(counter))
    }

    private func request(_ method: String, _ params: JSONValue?, id: JSONValue?) -> [UInt8] {
        var members: [(String, JSONValue?)] = [("jsonrpc", "2.0")]
        if let id { members.append(("id", id)) }
        members.append(("method", .string(method)))
        if let params { members.append(("params", params)) }
        return JSONWriter.bytes(.object(JSONObject(members.compactMap { key, value in value.map { JSONMember(key, $0) } })))
    }

    private mutating func wrongValue(for type: String) -> JSONValue {
        let choices: [JSONValue] = [
            .string("x"), .number("1"), .number("-1"), .number("0.5"), .bool(true), .null, .array([.number("1")]), .object([("a", .number("1"))]),
            .string(""), .array([]), .object([]), .string(String(repeating: "z", count: 10_000)),
        ]
        var value = random.pick(choices)
        while value.typeName == type && !(type == "any") { value = random.pick(choices) }
        return value
    }

    /// One structural or byte-level change.
    private mutating func mutate(_ bytes: inout [UInt8]) {
        guard !bytes.isEmpty else {
            bytes = [UInt8(ascii: "{")]
            return
        }
        let at = random.int(in: 0...(bytes.count - 1))
        switch random.int(in: 0...7) {
        case 0: bytes[at] = UInt8(truncatingIfNeeded: random.next())
        case 1: bytes.insert(random.pick(Array(#"{}[]",:"0123456789-e.\ntfn"#.utf8)), at: at)
        case 2: bytes.remove(at: at)
        case 3:
            let end = min(bytes.count, at + random.int(in: 1...64))
            bytes.insert(contentsOf: bytes[at..<end], at: at)
        case 4:
            let end = min(bytes.count, at + random.int(in: 1...64))
            bytes.removeSubrange(at..<end)
        case 5: bytes.insert(contentsOf: Array(random.pick(Self.extremeNumbers).utf8), at: at)
        case 6: bytes.insert(contentsOf: Array(#"\u0000"#.utf8), at: at)
        default: bytes.insert(contentsOf: Array(#"{"a":[1,{"b":null}]}"#.utf8), at: at)
        }
    }
}
