import Foundation
import SkillPathJSON
import SkillPathTestSupport
import Testing

/// The examples in docs/protocol.md, sent to a real daemon on the shipped catalog: each documented reply
/// must be what the daemon answers, so that the docs cannot drift from the product.
///
/// A reply may elide with `...`: an object with `...` may hold more members than it shows, an array with
/// `...` more elements than its first few; anything written out must be exactly so, and an object without
/// `...` must show every member (a field the docs leave out is drift too).
@Suite struct ProtocolExampleTests {
    struct Example {
        var line: Int
        var request: String
        var reply: String
        var method: String
    }

    /// Every `→ request` / `← reply` pair of the docs, with the line it starts on.
    static func examples() throws -> [Example] {
        let text = try String(contentsOfFile: "\(ProcessRunner.packageRoot)/docs/protocol.md", encoding: .utf8)
        var examples: [Example] = []
        var current: (line: Int, request: String, reply: String, inReply: Bool)?
        func finish() {
            guard let done = current else { return }
            let method = done.request.components(separatedBy: "\"method\":\"").dropFirst().first?.components(separatedBy: "\"").first ?? ""
            examples.append(Example(line: done.line, request: done.request, reply: done.reply, method: method))
            current = nil
        }
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.hasPrefix("→ ") {
                finish()
                current = (number + 1, String(line.dropFirst(2)), "", false)
            } else if line.hasPrefix("← ") {
                current?.reply = String(line.dropFirst(2))
                current?.inReply = true
            } else if line.hasPrefix("```") {
                finish()
            } else if let open = current {
                if open.inReply { current?.reply += line } else { current?.request += line }
            }
        }
        finish()
        return examples
    }

    /// The documented text as JSON, each `...` turned into a marker: `"…": true` in an object, `"…"` in an
    /// array.
    static func pattern(_ text: String) throws -> JSONValue {
        var output = ""
        var stack: [Character] = []
        var inString = false
        var escaped = false
        var characters = Array(text)[...]
        while let character = characters.popFirst() {
            if inString {
                output.append(character)
                if escaped { escaped = false } else if character == "\\" { escaped = true } else if character == "\"" { inString = false }
                continue
            }
            switch character {
            case "\"": inString = true
            case "{", "[": stack.append(character)
            case "}", "]": _ = stack.popLast()
            case "." where characters.starts(with: ".."):
                characters = characters.dropFirst(2)
                output += stack.last == "{" ? "\"…\":true" : "\"…\""
                continue
            default: break
            }
            output.append(character)
        }
        return try JSONParser.parse(Array(output.utf8))
    }

    /// Why `actual` does not match the documented `pattern`, or nil when it does.
    static func mismatch(_ pattern: JSONValue, _ actual: JSONValue, at path: String) -> String? {
        switch (pattern, actual) {
        case (.object(let documented), .object(let real)):
            let elided = documented["…"] != nil
            let shown = documented.members.filter { $0.key != "…" }
            for member in shown {
                guard let value = real[member.key] else { return "\(path).\(member.key) is documented but not in the reply" }
                // Figures that change from run to run: their presence is what the docs promise.
                if ["uptimeSeconds", "connections", "busy"].contains(member.key) { continue }
                if let problem = mismatch(member.value, value, at: "\(path).\(member.key)") { return problem }
            }
            if !elided {
                let missing = real.members.map(\.key).filter { key in !shown.contains { $0.key == key } }
                if !missing.isEmpty { return "\(path) leaves out \(missing.joined(separator: ", ")) (add them, or '...')" }
            }
            return nil
        case (.array(let documented), .array(let real)):
            let elided = documented.last == .string("…")
            let shown = elided ? Array(documented.dropLast()) : documented
            if elided ? real.count < shown.count : real.count != shown.count {
                return "\(path) has \(real.count) elements, the docs show \(shown.count)\(elided ? " and more" : "")"
            }
            for (position, element) in shown.enumerated() {
                if let problem = mismatch(element, real[position], at: "\(path)[\(position)]") { return problem }
            }
            return nil
        case (.number(let documented), .number(let real)):
            return Double(documented) == Double(real) ? nil : "\(path) is \(real), the docs say \(documented)"
        default:
            return pattern == actual ? nil : "\(path) is \(JSONWriter.string(actual)), the docs say \(JSONWriter.string(pattern))"
        }
    }

    /// The catalog and planning examples: what the shipped catalog answers, byte for byte where shown.
    /// (`catalog.reload` documents a refused catalog, which this daemon does not have.)
    @Test func catalogAndPlanningExamplesAreWhatTheShippedCatalogAnswers() throws {
        let catalogMethods: Set<String> = [
            "system.health", "rpc.discover", "catalog.skills", "catalog.courses", "catalog.roles", "catalog.get", "catalog.search",
            "paths.plan", "paths.compare", "roles.route",
        ]
        let examples = try Self.examples().filter { catalogMethods.contains($0.method) }
        #expect(examples.count == catalogMethods.count, "one example per method: \(examples.map(\.method))")
        let daemon = try DaemonProcess(catalogFiles: nil)
        let client = try daemon.client()
        for example in examples {
            try client.send(example.request)
            let actual = try JSONParser.parse(try #require(try client.readLine()))
            let documented = try Self.pattern(example.reply)
            #expect(Self.mismatch(documented, actual, at: "reply") == nil, "docs/protocol.md:\(example.line) \(example.method): \(Self.mismatch(documented, actual, at: "reply") ?? "")")
        }
    }

    /// The examples `rpc.discover` carries for the same methods (written in the method definitions) show a
    /// part of the reply: each part shown must be what the shipped catalog answers.
    @Test func discoverExamplesAreWhatTheShippedCatalogAnswers() throws {
        let daemon = try DaemonProcess(catalogFiles: nil)
        let client = try daemon.client()
        let methods = try client.result("rpc.discover")["methods"]?.arrayValue ?? []
        let catalogMethods: Set<String> = ["catalog.skills", "catalog.courses", "catalog.roles", "catalog.get", "catalog.search", "paths.plan", "paths.compare", "roles.route"]
        var checked = 0
        for method in methods {
            guard let name = method["name"]?.stringValue, catalogMethods.contains(name), let example = method["examples"]?.arrayValue?.first else { continue }
            var params: [JSONMember] = []
            for param in example["params"]?.arrayValue ?? [] {
                if let key = param["name"]?.stringValue, let value = param["value"] { params.append(JSONMember(key, value)) }
            }
            let actual = try client.call(name, .object(JSONObject(params)))
            let shown = Self.elidedEverywhere(try #require(example["result"]?["value"]))
            let problem = Self.mismatch(shown, try #require(actual["result"], "\(name): \(actual)"), at: "result")
            #expect(problem == nil, "rpc.discover's example of \(name): \(problem ?? "")")
            checked += 1
        }
        #expect(checked == catalogMethods.count)
    }

    /// A value as a partial pattern: every object may hold more members, every array more elements.
    static func elidedEverywhere(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(let object): .object(JSONObject(object.members.map { JSONMember($0.key, elidedEverywhere($0.value)) } + [JSONMember("…", .bool(true))]))
        case .array(let items): .array(items.map(elidedEverywhere) + [.string("…")])
        default: value
        }
    }

    /// Every other example is at least well-formed: a request the daemon would parse, a reply that is JSON
    /// once elided, for a method `rpc.discover` describes.
    @Test func everyExampleIsWellFormedForADescribedMethod() throws {
        let daemon = try DaemonProcess()
        let described = Set((try daemon.client().result("rpc.discover")["methods"]?.arrayValue ?? []).compactMap { $0["name"]?.stringValue })
        let examples = try Self.examples()
        #expect(examples.count >= 30)
        for example in examples {
            #expect(described.contains(example.method), "docs/protocol.md:\(example.line): \(example.method)")
            #expect((try? JSONParser.parse(Array(example.request.utf8))) != nil, "docs/protocol.md:\(example.line): the request is not JSON")
            #expect((try? Self.pattern(example.reply)) != nil, "docs/protocol.md:\(example.line): the reply is not JSON")
        }
    }
}
