import Foundation
import Glibc
import Locking
import SkillPathJSON
import SkillPathTestSupport
import Testing

/// The faults a host can throw at the daemon, kept short enough for every test run: a full disk, too few
/// file descriptors and an address-space cap. In each, nothing acknowledged is lost, every reply is valid
/// JSON-RPC, and the daemon stays up. (The database deleted, replaced, empty, damaged or foreign is
/// `DatabaseFaultTests`; the long run is `skillpath-bench flood --address-space`.)
@Suite struct FaultInjectionTests {
    static func rows(_ prefix: String, _ count: Int) -> JSONValue {
        let rows = (0..<count).map { index in
            JSONValue.object([("id", .string("\(prefix)-\(index)")), ("name", .string(String(repeating: "n", count: 200))), ("role", "analyst")])
        }
        return .object([("employees", .array(rows))])
    }

    /// Writes until the file-size limit refuses one, then restarts without the limit: every write that was
    /// acknowledged is there, none that was refused.
    @Test func aFullDiskRefusesWritesAndLosesNoneThatWereAcknowledged() throws {
        let daemon = try DaemonProcess(resourceLimits: ["--fsize=\(3 << 20)"])
        let client = try daemon.client()
        var acknowledged: [Int] = []
        var refused: JSONValue?
        for batch in 0..<400 {
            let reply = try client.call("employees.upsert", Self.rows("b\(batch)", 50))
            if let error = reply["error"] {
                refused = error
                break
            }
            acknowledged.append(batch)
        }
        let error = try #require(refused, "3 MiB never filled")
        #expect(error["code"] == -32013, "\(error)")
        try #require(acknowledged.count > 2)
        #expect(try client.result("system.health")["status"] == "ok", "the daemon is still up")
        daemon.signal(SIGTERM)
        #expect(daemon.waitForExit() == 0)
        let after = try DaemonProcess(arguments: ["--database", daemon.databasePath])
        let check = try after.client()
        for batch in acknowledged {
            #expect(try check.result("employees.get", .object([("id", .string("b\(batch)-49"))]))["id"] == .string("b\(batch)-49"))
        }
        let lost = try check.call("employees.get", .object([("id", .string("b\(acknowledged.count)-0"))]))
        #expect(lost["error"]?["code"] == -32003, "the refused batch wrote nothing")
    }

    /// With few file descriptors, connections beyond them wait in the listen queue (the daemon pauses
    /// accepting and says so) and are served once others close; nobody is dropped and the daemon stays up.
    /// A reload meanwhile reports the real error.
    @Test func runningOutOfFileDescriptorsPausesAcceptsAndRecovers() throws {
        let daemon = try DaemonProcess(resourceLimits: ["--nofile=48"])
        var held: [RPCClient] = []
        for _ in 0..<60 { held.append(try RPCClient(socketPath: daemon.socketPath)) }
        #expect(daemon.logEventually(contains: "out of file descriptors; pausing accepts"), "\(daemon.log)")
        // A reload now cannot open the catalog's folder or its files: it says why, not that the folder holds
        // no files, and the old catalog keeps serving.
        daemon.signal(SIGHUP)
        #expect(daemon.logEventually(contains: "catalog reload refused"), "\(daemon.log)")
        #expect(daemon.log.contains("Too many open files"), "\(daemon.log)")
        #expect(!daemon.log.contains("holds no *.json files"))
        held.removeAll()
        let client = try daemon.client()
        #expect(try client.result("system.health")["status"] == "ok")
    }

    /// Under `prlimit --as`, heavy messages (an array of 150,000 zeros, a batch of `rpc.discover`) on more
    /// connections than fit under the cap each get a valid reply or a polite refusal, and the daemon survives.
    /// (Kept small: the suite's daemon is a debug build; the release soak sends the 1 MiB worst cases.)
    @Test func underAnAddressSpaceCapTheWorstMessagesGetRepliesNotACrash() throws {
        let daemon = try DaemonProcess(resourceLimits: ["--as=\(600 << 20)"])
        let zeros = #"{"jsonrpc":"2.0","id":1,"method":"catalog.search","params":{"q":"x","limit":["# + Array(repeating: "0", count: 150_000).joined(separator: ",") + "]}}"
        let discover = "[" + (1...100).map { #"{"jsonrpc":"2.0","id":\#($0),"method":"rpc.discover"}"# }.joined(separator: ",") + "]"
        let replies = Locked<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 16) { index in
            let outcome: String
            do {
                let client = try RPCClient(socketPath: daemon.socketPath, timeout: 120)
                try client.send(index % 2 == 0 ? zeros : discover)
                if let line = try client.readLine(), let reply = try? JSONParser.parse(line) {
                    outcome = reply["error"]?["code"]?.intValue.map { "error \($0)" } ?? (reply.arrayValue != nil ? "batch" : "result")
                } else {
                    outcome = "no reply"
                }
            } catch {
                outcome = "failed: \(error)"
            }
            replies.withLock { $0.append(outcome) }
        }
        let outcomes = replies.withLock { $0 }
        #expect(outcomes.count == 16)
        #expect(outcomes.allSatisfy { ["error -32602", "error -32012", "batch"].contains($0) }, "\(outcomes)")
        // The flood's connections end on their own threads; once they have, a new one is served.
        var status: JSONValue?
        for _ in 0..<600 where status == nil {
            status = (try? daemon.client().call("system.health"))?["result"]?["status"]
            if status == nil { usleep(50_000) }
        }
        #expect(status == "ok", "the daemon survived and serves again")
    }
}
