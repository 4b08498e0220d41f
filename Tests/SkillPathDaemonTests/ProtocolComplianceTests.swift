import Foundation
import SkillPathJSON
import SkillPathTestSupport
import Testing

/// JSON-RPC 2.0 to the letter, against the real daemon over its real socket.
@Suite(.serialized) struct ProtocolComplianceTests {
    let daemon: DaemonProcess
    let client: RPCClient

    init() throws {
        daemon = try DaemonProcess()
        client = try daemon.client()
    }

    func error(_ response: JSONValue) -> (code: Int?, message: String?, id: JSONValue?) {
        (response["error"]?["code"]?.intValue, response["error"]?["message"]?.stringValue, response["id"])
    }

    @Test func aParseErrorHasANullId() throws {
        let response = try client.exchange(#"{"jsonrpc": "2.0", "id": 1, "method": "system.health""#)
        #expect(error(response).code == -32700)
        #expect(error(response).id == .null)
        #expect(response["jsonrpc"] == "2.0")
    }

    @Test func invalidUTF8IsAParseError() throws {
        try client.send(bytes: Array(#"{"jsonrpc":"2.0","id":1,"method":"sys"#.utf8) + [0xC3, 0x28] + Array("\"}\n".utf8))
        let response = try JSONParser.parse(try #require(try client.readLine()))
        #expect(error(response).code == -32700)
        #expect(error(response).message?.contains("invalid UTF-8") == true)
    }

    @Test func invalidRequestsKeepTheirIdWhenItCanBeRead() throws {
        let noVersion = try client.exchange(#"{"id": 5, "method": "system.health"}"#)
        #expect(error(noVersion).code == -32600)
        #expect(error(noVersion).id == .number("5"))
        let noMethod = try client.exchange(#"{"jsonrpc": "2.0", "id": "abc"}"#)
        #expect(error(noMethod).code == -32600)
        #expect(error(noMethod).id == "abc")
        let badID = try client.exchange(#"{"jsonrpc": "2.0", "id": {"x": 1}, "method": "system.health"}"#)
        #expect(error(badID).code == -32600)
        #expect(error(badID).id == .null)
        let notObject = try client.exchange("42")
        #expect(error(notObject).code == -32600)
        let badParams = try client.exchange(#"{"jsonrpc": "2.0", "id": 6, "method": "system.health", "params": "x"}"#)
        #expect(error(badParams).code == -32600)
        #expect(error(badParams).id == .number("6"))
    }

    @Test func aMemberGivenTwiceMakesTheRequestInvalidWhereverItIs() throws {
        let top = try client.exchange(#"{"jsonrpc":"2.0","id":1,"id":"two","method":"system.health"}"#)
        #expect(error(top).code == -32600)
        #expect(error(top).message == "Invalid request: member 'id' is given more than once")
        #expect(error(top).id == .null)
        let nested = try client.exchange(#"{"jsonrpc":"2.0","id":3,"method":"paths.plan","params":{"targetRole":"lead","options":{"maxCost":1,"maxCost":900}}}"#)
        #expect(error(nested).message == "Invalid request: member 'maxCost' in 'params.options' is given more than once")
        let inBatch = try client.exchange(#"[{"jsonrpc":"2.0","id":4,"method":"system.health"},{"jsonrpc":"2.0","id":5,"method":"a","method":"b"}]"#)
        #expect(inBatch.arrayValue?.count == 2)
        #expect(inBatch.arrayValue?.first?["result"] != nil)
        #expect(inBatch.arrayValue?.last?["error"]?["code"] == .number("-32600"))
    }

    @Test func deepNestingIsRefusedWithAParseErrorAndTheDaemonServesOn() throws {
        for depth in [101, 5_000, 400_000] {
            let line = #"{"jsonrpc":"2.0","id":1,"method":"paths.plan","params":"# + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "}"
            let response = try client.exchange(line)
            #expect(error(response).code == -32700, "depth \(depth)")
            #expect(error(response).message?.contains("nesting deeper than 100 levels") == true)
        }
        #expect(try client.result("system.health")["status"] == "ok")
    }

    @Test func unknownMethodsAreNamed() throws {
        let response = try client.call("paths.plna")
        #expect(error(response).code == -32601)
        #expect(response["error"]?["data"]?["method"] == "paths.plna")
    }

    @Test func invalidParamsSayWhichParamAndWhy() throws {
        let positional = try client.exchange(#"{"jsonrpc": "2.0", "id": 1, "method": "paths.plan", "params": [1, 2]}"#)
        #expect(error(positional).code == -32602)
        #expect(error(positional).message == "Invalid params: params must be an object: SkillPath takes parameters by name")
        let missing = try client.call("paths.plan", .object([("profile", .object([]))]))
        #expect(error(missing).code == -32602)
        #expect(missing["error"]?["data"]?["param"] == "targetRole")
        #expect(error(missing).message == "Invalid params: targetRole is required")
        let stray = try client.call("system.health", .object([("verbose", true)]))
        #expect(stray["error"]?["data"]?["param"] == "verbose")
        let badLevel = try client.call("paths.plan", .object([
            ("profile", .object([("skills", .array([.object([("skill", "sql"), ("level", 9)])]))])), ("targetRole", "analyst"),
        ]))
        #expect(error(badLevel).code == -32602)
        #expect(badLevel["error"]?["data"]?["param"] == "profile.skills[0].level")
        #expect(error(badLevel).message == "Invalid params: profile.skills[0].level must be between 0 and 5, got 9")
        let badOption = try client.call("paths.plan", .object([
            ("profile", .object([])), ("targetRole", "analyst"), ("options", .object([("objective", "speed")])),
        ]))
        #expect(badOption["error"]?["data"]?["param"] == "options.objective")
    }

    @Test func idsComeBackExactlyAsSent() throws {
        for id in [#""req-1""#, "7", "12345678901234567890", "1.50", "-3"] {
            let response = try client.exchange(#"{"jsonrpc": "2.0", "id": \#(id), "method": "system.health"}"#)
            #expect(JSONWriter.string(response["id"]!) == id)
            #expect(response["result"]?["status"] == "ok")
        }
        let nullID = try client.exchange(#"{"jsonrpc": "2.0", "id": null, "method": "system.health"}"#)
        #expect(nullID["id"] == .null)
        #expect(nullID["result"] != nil)
    }

    @Test func notificationsGetNoReply() throws {
        try client.send(#"{"jsonrpc": "2.0", "method": "system.health"}"#)
        try client.send(#"{"jsonrpc": "2.0", "method": "no.such.method"}"#)
        let next = try client.exchange(#"{"jsonrpc": "2.0", "id": "after", "method": "system.health"}"#)
        #expect(next["id"] == "after")
    }

    @Test func batchesAnswerEveryRequestInOrderAndSkipNotifications() throws {
        let response = try client.exchange("""
        [{"jsonrpc": "2.0", "id": 1, "method": "system.health"}, {"jsonrpc": "2.0", "method": "system.health"},
         {"jsonrpc": "2.0", "id": 2, "method": "nope"}, 7, {"jsonrpc": "2.0", "id": 3, "method": "catalog.get", "params": {"kind": "role", "id": "lead"}}]
        """.replacingOccurrences(of: "\n", with: ""))
        let replies = try #require(response.arrayValue)
        #expect(replies.count == 4)
        #expect(replies.map { $0["id"] } == [.number("1"), .number("2"), .null, .number("3")])
        #expect(replies[0]["result"]?["status"] == "ok")
        #expect(replies[1]["error"]?["code"] == .number("-32601"))
        #expect(replies[2]["error"]?["code"] == .number("-32600"))
        #expect(replies[3]["result"]?["item"]?["title"] == "Data Lead")
    }

    @Test func anEmptyBatchGetsOneInvalidRequestError() throws {
        let response = try client.exchange("[]")
        #expect(response.objectValue != nil)
        #expect(error(response).code == -32600)
    }

    @Test func aBatchOfNotificationsGetsNoReplyAtAll() throws {
        try client.send(#"[{"jsonrpc": "2.0", "method": "system.health"}, {"jsonrpc": "2.0", "method": "system.health"}]"#)
        let next = try client.exchange(#"{"jsonrpc": "2.0", "id": 9, "method": "system.health"}"#)
        #expect(next["id"] == .number("9"))
    }

    @Test func blankLinesAndCRLFAreTolerated() throws {
        try client.send(bytes: Array("\n\r\n{\"jsonrpc\": \"2.0\", \"id\": 1, \"method\": \"system.health\"}\r\n".utf8))
        let response = try JSONParser.parse(try #require(try client.readLine()))
        #expect(response["id"] == .number("1"))
    }

    @Test func pipelinedRequestsAreAnsweredInOrder() throws {
        let lines = (1...50).map { #"{"jsonrpc": "2.0", "id": \#($0), "method": "system.health"}"# }.joined(separator: "\n") + "\n"
        try client.send(bytes: Array(lines.utf8))
        for expected in 1...50 {
            let reply = try JSONParser.parse(try #require(try client.readLine()))
            #expect(reply["id"] == .int(expected))
        }
    }
}
