import Foundation
import SkillPathJSON
import SkillPathTestSupport
import Testing

/// A message cannot ask for more reply than the configured bounds: a batch has at most `max_batch_requests`
/// requests, and its reply line at most `max_reply_bytes` of replies; past that, the requests left are not
/// run and each says so. (The issue's repro: 10,000 `rpc.discover` calls in 579 KB took 6 GB of memory.)
@Suite struct ReplyBoundsTests {
    static func discover(_ id: Int) -> String { #"{"jsonrpc":"2.0","id":\#(id),"method":"rpc.discover"}"# }

    func daemon(_ settings: String) throws -> DaemonProcess {
        let config = TemporaryDirectory()
        config.write(["bounds.conf": settings])
        return try DaemonProcess(catalogFiles: Fixtures.files, arguments: ["--config", "\(config.path)/bounds.conf"])
    }

    @Test func aBatchOverTheLimitIsRefusedWholeWithNothingRun() throws {
        let daemon = try daemon("max_batch_requests = 5\n")
        let client = try daemon.client()
        let rows = (0..<6).map { #"{"jsonrpc":"2.0","id":\#($0),"method":"employees.upsert","params":{"employees":[{"id":"b\#($0)","name":"B","role":"analyst"}]}}"# }
        let reply = try client.exchange("[" + rows.joined(separator: ",") + "]")
        #expect(reply["id"] == .null)
        #expect(reply["error"]?["code"] == -32600)
        #expect(reply["error"]?["message"]?.stringValue?.contains("a batch of 6 requests; at most 5 per message (max_batch_requests)") == true, "\(reply)")
        let listed = try client.result("employees.list")
        #expect(listed["total"] == 0, "nothing in the refused batch ran")
        // At the limit, the batch runs.
        let five = try client.exchange("[" + rows.prefix(5).joined(separator: ",") + "]")
        #expect(five.arrayValue?.count == 5)
        #expect(try client.result("employees.list")["total"] == 5)
    }

    @Test func pastTheReplyLimitTheRestOfABatchIsNotRunAndSaysSo() throws {
        let probe = try daemon("")
        let size = JSONWriter.bytes(try probe.client().exchange(Self.discover(1))).count
        try #require(size > 10_000, "rpc.discover's document is \(size) bytes")
        // Room for two documents and a half: two answers, a third refused for its size, the rest not run.
        let limit = size * 5 / 2
        let daemon = try daemon("max_reply_bytes = \(limit)\n")
        let client = try daemon.client()
        let count = 200
        var batch = (1...count).map(Self.discover)
        batch.insert(#"{"jsonrpc":"2.0","method":"rpc.discover"}"#, at: 100)
        try client.send("[" + batch.joined(separator: ",") + "]")
        let line = try #require(try client.readLine())
        let replies = try #require(try JSONParser.parse(line).arrayValue, "one array, whatever the bounds")
        #expect(replies.count == count, "one entry per request, none for the notification")
        #expect(replies.map { $0["id"]?.intValue ?? 0 } == Array(1...count), "in order")
        #expect(replies.prefix(2).allSatisfy { $0["result"]?["openrpc"] != nil })
        #expect(replies[2]["error"]?["code"] == -32014)
        #expect(replies[2]["error"]?["data"]?["size"]?.intValue == size, "the third ran, and its reply (the same size as the first) did not fit")
        #expect(replies[2]["error"]?["data"]?["run"] == nil)
        #expect(replies.dropFirst(3).allSatisfy { $0["error"]?["data"]?["run"] == false && $0["error"]?["code"] == -32014 })
        #expect(line.utf8.count < limit + count * 300, "the line stays near the limit: \(line.utf8.count) bytes")
        // The connection is still good, and a request on its own is bounded the same way.
        #expect(try client.result("system.health")["status"] == "ok")
    }

    @Test func aSingleReplyOverTheLimitIsAnErrorNamingItsSize() throws {
        let daemon = try daemon("max_reply_bytes = 65536\n")
        let client = try daemon.client()
        let reply = try client.exchange(Self.discover(7))
        #expect(reply["id"] == 7)
        #expect(reply["error"]?["code"] == -32014, "\(JSONWriter.string(reply).prefix(300))")
        #expect(reply["error"]?["data"]?["limit"] == 65536)
        #expect((reply["error"]?["data"]?["size"]?.intValue ?? 0) > 65536)
    }
}
