import Foundation
import Glibc
import SkillPathJSON
import SkillPathTestSupport
import Testing

/// No one local user can take every connection, operators always get in, and a message trickled a byte at a
/// time is cut off by the request timeout. The per-user tests run as real Unix users (they need root).
@Suite(.serialized) struct ConnectionFairnessTests {
    /// A daemon with small limits, an organisation that knows `sp-employee`, and a world-connectable socket.
    func daemon(_ settings: String) throws -> DaemonProcess {
        try TestUsers.ensure()
        let config = TemporaryDirectory()
        config.write(["fair.conf": "socket_mode = 0666\nadmins = @\(TestUsers.adminGroup)\nservices = \(TestUsers.service)\n" + settings])
        let daemon = try DaemonProcess(arguments: ["--config", "\(config.path)/fair.conf"])
        _ = try daemon.client().result("employees.upsert", .object([("employees", .array([
            .object([("id", "e1"), ("name", "Employee"), ("login", .string(TestUsers.employee)), ("role", "analyst")]),
            .object([("id", "e2"), ("name", "Manager"), ("login", .string(TestUsers.manager)), ("role", "analyst")]),
        ]))]))
        // The temp folder must be reachable by the test users to connect to the socket inside it.
        chmod(daemon.directory.path, 0o755)
        return daemon
    }

    /// Opens `count` connections as `user` and holds them; returns the probe (close it to let go) and what
    /// happened to each connection.
    func hold(_ user: String, _ count: Int, on daemon: DaemonProcess) throws -> (probe: ChildProcess, outcomes: [String]) {
        let probe = try TestUsers.start(user, "skillpath-probe", ["hold", daemon.socketPath, String(count)])
        var outcomes: [String] = []
        while let line = try probe.readLine(timeout: 60), line != "ready" { outcomes.append(line) }
        return (probe, outcomes)
    }

    @Test(.enabled(if: TestUsers.canCreate, "creating and switching Unix users needs root"))
    func aUserOutsideTheOrganisationGetsAFewConnectionsAndNoMore() throws {
        let daemon = try daemon("max_connections_per_stranger = 2\nmax_connections_per_user = 3\n")
        let stranger = try hold(TestUsers.stranger, 4, on: daemon)
        #expect(stranger.outcomes.filter { $0 == "admitted" }.count == 2, "\(stranger.outcomes)")
        #expect(stranger.outcomes.last?.contains("the most a user outside the organisation may (max_connections_per_stranger)") == true, "\(stranger.outcomes)")
        let employee = try hold(TestUsers.employee, 5, on: daemon)
        #expect(employee.outcomes.filter { $0 == "admitted" }.count == 3, "\(employee.outcomes)")
        #expect(employee.outcomes.last?.contains("max_connections_per_user") == true)
        // Letting go frees the slots.
        _ = try stranger.probe.finish()
        var again: [String] = []
        for _ in 0..<500 where again.filter({ $0 == "admitted" }).count < 2 {
            let retry = try hold(TestUsers.stranger, 2, on: daemon)
            again = retry.outcomes
            _ = try retry.probe.finish()
            if again.filter({ $0 == "admitted" }).count < 2 { usleep(20_000) }
        }
        #expect(again == ["admitted", "admitted"])
        _ = try employee.probe.finish()
    }

    @Test(.enabled(if: TestUsers.canCreate, "creating and switching Unix users needs root"))
    func operatorsGetInWhenEveryOrdinarySlotIsTaken() throws {
        let daemon = try daemon("max_connections = 5\nmax_connections_per_user = 10\n")
        // The set-up call's connection can still count for a moment after its client let go (the daemon
        // sees the close on its own thread). Hold one administrator connection and wait until it is the only
        // one, so that exactly four ordinary slots are left.
        let watcher = try daemon.client()
        var open = 0
        for _ in 0..<3_000 {
            open = try watcher.result("system.health")["connections"]?.intValue ?? 0
            if open == 1 { break }
            usleep(10_000)
        }
        #expect(open == 1, "the set-up connection never closed")
        let employee = try hold(TestUsers.employee, 4, on: daemon)
        #expect(employee.outcomes == ["admitted", "admitted", "admitted", "admitted"])
        let colleague = try hold(TestUsers.manager, 1, on: daemon)
        #expect(colleague.outcomes.first?.contains("too many connections (limit 5)") == true, "\(colleague.outcomes)")
        let adminCall = try TestUsers.run(TestUsers.admin, "skillpath", ["--socket", daemon.socketPath, "health", "--json"])
        #expect(adminCall.status == 0, "\(adminCall.stderr)")
        // The reserve is the operators': a service is held to the ordinary slots, so an LMS cannot fill it.
        let serviceCall = try TestUsers.run(TestUsers.service, "skillpath", ["--socket", daemon.socketPath, "health", "--json"])
        #expect(serviceCall.status != 0 && serviceCall.stderr.contains("too many connections (limit 5)"), "\(serviceCall.stderr)")
        #expect(try daemon.client().result("system.health")["status"] == "ok", "root always gets in")
        _ = try employee.probe.finish()
        _ = try colleague.probe.finish()
    }

    /// The repro: a service account opening 600 connections held 576 and locked everyone out. Each
    /// kind of principal now has its own cap per user, and no service can reach the operators' reserve.
    @Test(.enabled(if: TestUsers.canCreate, "creating and switching Unix users needs root"))
    func aServiceHoldsItsOwnCapAndLeavesTheRestForEveryoneElse() throws {
        let daemon = try daemon("max_connections = 12\nmax_connections_per_user = 3\nmax_connections_per_service = 6\nmax_connections_per_admin = 2\n")
        let lms = try hold(TestUsers.service, 20, on: daemon)
        #expect(lms.outcomes.filter { $0 == "admitted" }.count == 6, "\(lms.outcomes)")
        #expect(lms.outcomes.last?.contains("the most one service account may (max_connections_per_service)") == true, "\(lms.outcomes)")
        let employee = try hold(TestUsers.employee, 3, on: daemon)
        #expect(employee.outcomes == ["admitted", "admitted", "admitted"])
        let admin = try hold(TestUsers.admin, 4, on: daemon)
        #expect(admin.outcomes.filter { $0 == "admitted" }.count == 2, "\(admin.outcomes)")
        #expect(admin.outcomes.last?.contains("max_connections_per_admin") == true, "\(admin.outcomes)")
        #expect(try daemon.client().result("system.health")["status"] == "ok", "root is never held to a per-user cap")
        _ = try lms.probe.finish()
        _ = try employee.probe.finish()
        _ = try admin.probe.finish()
    }

    /// Blank lines are no message: a newline a second must not keep a connection open past `idle_timeout`,
    /// while real messages at the same rate do.
    @Test func blankLinesDoNotCountAsActivity() throws {
        let config = TemporaryDirectory()
        config.write(["idle.conf": "idle_timeout = 3\n"])
        let daemon = try DaemonProcess(arguments: ["--config", "\(config.path)/idle.conf"])
        let talker = try RPCClient(socketPath: daemon.socketPath)
        let trickler = try RPCClient(socketPath: daemon.socketPath, timeout: 1)
        let opened = ContinuousClock.now
        var closedAfter: Duration?
        for _ in 0..<120 {
            let closed = (try? trickler.send("")) == nil || Self.wasClosed(trickler)
            #expect(try talker.result("system.health")["status"] == "ok", "a connection sending messages stays open")
            if closed {
                closedAfter = ContinuousClock.now - opened
                break
            }
        }
        let after = try #require(closedAfter, "a newline a second kept the connection open for two minutes")
        #expect(after >= .seconds(3), "closed before the idle timeout: \(after)")
    }

    /// Whether the daemon closed `client`'s connection: a read returns end of file, where on an open one it
    /// times out (after the client's one-second receive timeout).
    static func wasClosed(_ client: RPCClient) -> Bool {
        do {
            return try client.readLine() == nil
        } catch {
            return false
        }
    }

    @Test func aMessageTrickledAByteAtATimeIsCutOffByTheRequestTimeout() throws {
        let config = TemporaryDirectory()
        config.write(["slow.conf": "request_timeout = 2\nidle_timeout = 600\n"])
        let daemon = try DaemonProcess(arguments: ["--config", "\(config.path)/slow.conf"])
        // A byte every 0.5 s would keep an idle timer reset forever; the request timer counts from the first.
        let result = try ProcessRunner.run("skillpath-probe", ["trickle", daemon.socketPath, "0.5"], timeout: 120)
        #expect(result.stdout.contains("did not arrive in full within 2 s of its first byte"), "\(result.stdout)")
        let sent = Int(result.stdout.split(separator: " ").dropFirst().first ?? "") ?? 0
        #expect(sent < 48, "cut off before the whole request went out: \(result.stdout)")
        #expect(try daemon.client().result("system.health")["status"] == "ok")
    }
}
