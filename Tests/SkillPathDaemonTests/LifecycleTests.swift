import Foundation
import Glibc
import SkillPathJSON
import SkillPathTestSupport
import Testing

/// Reloads, stops, stale sockets, socket activation, sd_notify and configuration, on the real binary.
@Suite struct LifecycleTests {
    @Test func reloadSwapsInAGoodCatalogAndRefusesABadOne() throws {
        let daemon = try DaemonProcess()
        let client = try daemon.client()
        let before = try client.result("system.health")["catalog"]?["version"]
        // Reloading is for administrators; the tests run as root, which always is one.
        var files = Fixtures.files
        files["courses/python.json"] = files["courses/python.json"]!.replacingOccurrences(of: "\"hours\": 4,", with: "\"hours\": 5,")
        daemon.directory.write(Dictionary(uniqueKeysWithValues: files.map { ("catalog/\($0.key)", $0.value) }))
        let reloaded = try client.result("catalog.reload")
        #expect(reloaded["changed"] == .bool(true))
        #expect(reloaded["previousVersion"] == before)
        let after = try client.result("system.health")["catalog"]?["version"]
        #expect(after != before)

        daemon.directory.write(["catalog/broken.json": "{\"courses\": [}"])
        let refused = try client.call("catalog.reload")
        #expect(refused["error"]?["code"] == .number("-32004"))
        #expect(refused["error"]?["data"]?["errors"]?.arrayValue?.first?.stringValue?.hasPrefix("broken.json:1:14: error: malformed JSON") == true)
        #expect(try client.result("system.health")["catalog"]?["version"] == after)
        #expect(daemon.log.contains("error catalog reload refused; the previous catalog keeps serving"))
    }

    @Test func sighupReloadsTheCatalog() throws {
        let daemon = try DaemonProcess()
        let client = try daemon.client()
        let before = try client.result("system.health")["catalog"]?["version"]
        daemon.directory.write(["catalog/extra.json": #"{"skills": [{"id": "rust", "name": "Rust"}]}"#])
        daemon.signal(SIGHUP)
        var skills = JSONValue.null
        for _ in 0..<250 {
            skills = try client.result("system.health")["catalog"]?["skills"] ?? .null
            if skills == .number("7") { break }
            usleep(20_000)
        }
        #expect(skills == .number("7"))
        #expect(try client.result("system.health")["catalog"]?["version"] != before)
    }

    @Test func sigtermFinishesInFlightRequestsThenExitsCleanly() throws {
        let daemon = try DaemonProcess()
        let busy = try daemon.client()
        let idle = try daemon.client()
        _ = try idle.result("system.health")
        // A batch big enough to still be running when the signal arrives: the signal is sent once the first
        // part of its reply is back (a batch's replies go out 64 KiB at a time as they are made, and 400 routes
        // are several times that), so the daemon has surely taken it up. Never on a timer (on a loaded machine
        // the daemon may take up the batch late, and a signal before that would stop it unstarted), nor on
        // `system.health`'s `busy` count: the health call before may not have left the count yet when the next
        // one reads it, so two busy connections can be the idle one twice.
        let batch = "[" + (1...400).map { #"{"jsonrpc": "2.0", "id": \#($0), "method": "roles.route", "params": {"profile": {"role": "analyst"}, "targetRole": "lead"}}"# }.joined(separator: ",") + "]"
        try busy.send(batch)
        let giveUp = ContinuousClock.now + .seconds(600)
        while !busy.hasReplyWaiting {
            // Each turn waits for a reply of its own: no spinning while the batch runs.
            _ = try idle.result("system.health")
            try #require(ContinuousClock.now < giveUp, "the daemon took up neither the batch nor its reply in ten minutes")
        }
        daemon.signal(SIGTERM)
        let reply = try JSONParser.parse(try #require(try busy.readLine()))
        #expect(reply.arrayValue?.count == 400)
        let unfinished = reply.arrayValue?.first { $0["result"]?["found"] != .bool(true) }
        #expect(unfinished == nil, "every request of the batch finishes: \(unfinished.map { JSONWriter.string($0) } ?? "")")
        #expect(try idle.readLine() == nil)
        #expect(daemon.waitForExit() == 0)
        #expect(!FileManager.default.fileExists(atPath: daemon.socketPath), "the socket file is removed")
        #expect(daemon.log.contains("notice stopping reason=SIGTERM"))
        #expect(daemon.log.contains("notice stopped log_lines_dropped="), "the stop says how many log lines the rate limiter dropped")
    }

    @Test func aStaleSocketIsReplacedButALiveOneIsNeverTakenOver() throws {
        let directory = TemporaryDirectory()
        let path = "\(directory.path)/d.sock"
        // A socket file with nobody behind it, as a crashed daemon leaves.
        let stale = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: Array(path.utf8)) }
        _ = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(stale, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) } }
        close(stale)
        #expect(FileManager.default.fileExists(atPath: path))

        let daemon = try DaemonProcess(socket: path)
        #expect(try RPCClient(socketPath: path).result("system.health")["status"] == "ok")
        #expect(daemon.log.contains("warning removed a stale socket left by a previous daemon"))

        let second = try DaemonProcess(socket: path, waitForSocket: false)
        #expect(second.waitForExit() == 1)
        #expect(second.log.contains("another skillpathd (pid \(daemon.pid)) is using the socket \(path)"), "\(second.log)")
        #expect(try RPCClient(socketPath: path).result("system.health")["status"] == "ok", "the first daemon still serves")
    }

    @Test func aFileThatIsNotASocketIsNeverDeleted() throws {
        let directory = TemporaryDirectory()
        directory.write(["precious.txt": "keep me"])
        let daemon = try DaemonProcess(socket: "\(directory.path)/precious.txt", waitForSocket: false)
        #expect(daemon.waitForExit() == 1)
        #expect(daemon.log.contains("exists and is not a socket; refusing to replace it"))
        #expect(try String(contentsOfFile: "\(directory.path)/precious.txt", encoding: .utf8) == "keep me")
    }

    @Test func socketActivationAndNotifyWorkAsUnderSystemd() throws {
        let directory = TemporaryDirectory()
        let listenPath = "\(directory.path)/activated.sock"
        let listener = try ListeningSocket(path: listenPath)
        let notify = try NotifySocket(path: "\(directory.path)/notify.sock")
        // systemd sets LISTEN_PID to the service's own pid; `exec` keeps the shell's pid for skillpathd.
        let command = "LISTEN_PID=$$ exec \(ProcessRunner.executable("skillpathd")) --catalog \(ProcessRunner.packageRoot)/Catalog --socket \(directory.path)/unused.sock --database \(directory.path)/db"
        let pid = try DaemonProcess.spawn(
            "/bin/sh", ["-c", command],
            environment: ["LISTEN_FDS": "1", "NOTIFY_SOCKET": notify.path, "WATCHDOG_USEC": "200000"],
            log: "\(directory.path)/log", inherit: [listener.descriptor])
        defer { kill(pid, SIGKILL) }
        let ready = try notify.receive(timeout: 30)
        #expect(ready.hasPrefix("READY=1"), "\(ready)")
        #expect(try RPCClient(socketPath: listenPath).result("system.health")["status"] == "ok")
        #expect(!FileManager.default.fileExists(atPath: "\(directory.path)/unused.sock"), "the inherited socket is used instead")
        // The log is written in batches: wait until the line is there (or a generous deadline passes).
        var log = ""
        let deadline = ContinuousClock.now + .seconds(30)
        while !log.contains("the configured socket path is not opened") && ContinuousClock.now < deadline {
            usleep(20_000)
            log = (try? String(contentsOfFile: "\(directory.path)/log", encoding: .utf8)) ?? ""
        }
        #expect(log.contains("the configured socket path is not opened"), "the log says which socket it serves: \(log)")
        #expect(try notify.receive(timeout: 5) == "WATCHDOG=1")
        kill(pid, SIGTERM)
        var messages: [String] = []
        while let message = try? notify.receive(timeout: 5) {
            messages.append(message)
            if message == "STOPPING=1" { break }
        }
        #expect(messages.last == "STOPPING=1")
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        #expect((status >> 8) & 0xFF == 0)
        #expect(FileManager.default.fileExists(atPath: listenPath), "an inherited socket is never unlinked")
    }

    @Test(arguments: [
        ("unknown.conf", "socket = /tmp/x.sock\nsokcet_mode = 0600\n", "unknown.conf:2: unknown key 'sokcet_mode' (did you mean 'socket_mode'?)"),
        ("bad.conf", "# comment\nmax_connections = lots\n", "bad.conf:2: 'max_connections' must be a number from 1 to 100000, got 'lots'"),
        ("twice.conf", "log_level = info\nlog_level = debug\n", "twice.conf:2: 'log_level' is set twice (first on line 1)"),
        ("syntax.conf", "catalog /srv/catalog\n", "syntax.conf:1: expected 'key = value', got 'catalog /srv/catalog'"),
        ("hire.conf", "external_hire_cost = 45000\n", "hire.conf:1: 'external_hire_cost' must be an amount from 0 to 1000000000 and a currency code, such as '45000 USD', got '45000'"),
        ("lower.conf", "external_hire_cost.lead = 9 usd\n", "lower.conf:1: 'external_hire_cost.lead' must be an amount from 0 to 1000000000 and a currency code, such as '45000 USD', got '9 usd'"),
        ("days.conf", "external_days_to_fill = 0\n", "days.conf:1: 'external_days_to_fill' must be a whole number from 1 to 3650, got '0'"),
        ("keep.conf", "event_retention_count = -1\n", "keep.conf:1: 'event_retention_count' must be a whole number from 0 to 1000000000, got '-1'"),
        ("stall.conf", "event_subscriber_stall_seconds = soon\n", "stall.conf:1: 'event_subscriber_stall_seconds' must be a number from 0.1 to 3600, got 'soon'"),
    ])
    func configurationErrorsNameTheLineAndStopTheDaemon(name: String, contents: String, message: String) throws {
        let directory = TemporaryDirectory()
        directory.write([name: contents])
        let result = try ProcessRunner.run("skillpathd", ["--config", "\(directory.path)/\(name)"])
        #expect(result.status == 78)
        #expect(result.stderr == "skillpathd: configuration error: \(directory.path)/\(message)\n")
    }

    @Test func aMissingConfigFileOrABadFlagIsAnError() throws {
        let missing = try ProcessRunner.run("skillpathd", ["--config", "/nonexistent/skillpathd.conf"])
        #expect(missing.status == 78)
        #expect(missing.stderr == "skillpathd: configuration error: /nonexistent/skillpathd.conf: no such configuration file\n")
        let flag = try ProcessRunner.run("skillpathd", ["--log-level", "chatty"])
        #expect(flag.status == 78)
        #expect(flag.stderr.contains("'log_level' must be debug, info, notice, warning or error, got 'chatty'"))
        let unknown = try ProcessRunner.run("skillpathd", ["--sockt", "x"])
        #expect(unknown.status == 64)
        #expect(unknown.stderr.hasPrefix("skillpathd: unknown option '--sockt'"))
        // The usage line and where to look, not the whole help.
        let lines = unknown.stderr.split(separator: "\n")
        #expect(lines.count == 3, "\(unknown.stderr)")
        #expect(lines.dropFirst().first?.hasPrefix("skillpathd: usage: skillpathd [--config FILE]") == true)
        #expect(lines.last == "skillpathd: see 'skillpathd --help'")
    }

    @Test func theSampleConfigurationIsValid() throws {
        let directory = TemporaryDirectory()
        var sample = try String(contentsOfFile: "\(ProcessRunner.packageRoot)/Config/skillpathd.conf", encoding: .utf8)
        sample = sample.replacingOccurrences(of: "/srv/skillpath/catalog", with: "\(ProcessRunner.packageRoot)/Catalog")
        directory.write(["skillpathd.conf": sample])
        let daemon = try DaemonProcess(catalogFiles: nil, arguments: ["--config", "\(directory.path)/skillpathd.conf"])
        #expect(try daemon.client().result("system.health")["status"] == "ok")
    }

    @Test func anInvalidCatalogStopsTheDaemonFromStarting() throws {
        let daemon = try DaemonProcess(catalogFiles: ["skills.json": "{\"skills\": [{\"id\": \"x\"}]}"], waitForSocket: false)
        #expect(daemon.waitForExit() == 1)
        #expect(daemon.log.contains("error the catalog is invalid; not starting"))
        #expect(daemon.log.contains("skills.json:1: error: skill 'x': missing required field 'name'"))
    }

    @Test func eachRequestIsLoggedOnOneLineWithoutTheProfileAtDebugLevel() throws {
        let daemon = try DaemonProcess(arguments: ["--log-level", "debug"])
        _ = try daemon.client().result("paths.plan", .object([
            ("profile", .object([("skills", .array([.object([("skill", "python"), ("level", 2)])]))])), ("targetRole", "lead"),
        ]))
        // Request lines are written in batches at least every 50 ms.
        var lines: [Substring] = []
        for _ in 0..<250 where lines.isEmpty {
            usleep(20_000)
            lines = daemon.log.split(separator: "\n").filter { $0.contains("method=paths.plan") }
        }
        #expect(lines.count == 1)
        #expect(lines.first?.dropFirst(25).hasPrefix("debug request method=paths.plan id=1 ms=") == true, "after the time: \(lines)")
        #expect(lines.first?.hasSuffix("outcome=ok") == true)
        #expect(!daemon.log.contains("python"))
    }

    @Test func oneClientCannotFillTheDiskWithLogLines() throws {
        let daemon = try DaemonProcess()
        let client = try daemon.client()
        for number in 0..<2_000 {
            try client.send(#"{"jsonrpc":"2.0","id":\#(number),"method":"paths.plan","params":{"targetRole":"astronaut","profile":{}}}"#)
            _ = try client.readLine()
        }
        _ = try client.result("system.health")
        var lines = 0
        for _ in 0..<250 {
            usleep(20_000)
            lines = daemon.log.split(separator: "\n").filter { $0.contains(" request ") }.count
            if lines >= 50 { break }
        }
        #expect(lines == 50, "2,000 failed requests, at most 50 lines of them per 10 s")
    }

    @Test func atInfoLevelOnlyFailedRequestsAreLogged() throws {
        let daemon = try DaemonProcess()
        let client = try daemon.client()
        _ = try client.result("system.health")
        let failed = try client.call("paths.plan", .object([("targetRole", "astronaut"), ("profile", .object([]))]))
        #expect(failed["error"] != nil)
        var lines: [Substring] = []
        for _ in 0..<250 where lines.isEmpty {
            usleep(20_000)
            lines = daemon.log.split(separator: "\n").filter { $0.contains(" request ") }
        }
        #expect(lines.count == 1, "\(lines)")
        #expect(lines.first?.dropFirst(25).hasPrefix("info request method=paths.plan id=2 ms=") == true, "after the time: \(lines)")
        #expect(lines.first?.contains("outcome=error code=-32002") == true)
        #expect(!daemon.log.contains("method=system.health"))
    }
}

/// A listening socket made by the test, as systemd makes one for a `.socket` unit.
final class ListeningSocket {
    let descriptor: Int32

    init(path: String) throws {
        descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: Array(path.utf8)) }
        let bound = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) } }
        guard bound == 0, listen(descriptor, 16) == 0 else { throw RPCClient.ClientError("cannot listen on \(path)") }
    }

    deinit { close(descriptor) }
}

/// The test's end of `$NOTIFY_SOCKET`: a datagram socket that collects sd_notify messages.
final class NotifySocket {
    let path: String
    let descriptor: Int32

    init(path: String) throws {
        self.path = path
        descriptor = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: Array(path.utf8)) }
        let bound = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) } }
        guard bound == 0 else { throw RPCClient.ClientError("cannot bind \(path)") }
    }

    deinit { close(descriptor) }

    func receive(timeout: Double) throws -> String {
        var limit = timeval(tv_sec: Int(timeout), tv_usec: Int((timeout - Double(Int(timeout))) * 1_000_000))
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { throw RPCClient.ClientError("no notification within \(timeout) s") }
        return String(decoding: buffer[0..<count], as: UTF8.self)
    }
}
