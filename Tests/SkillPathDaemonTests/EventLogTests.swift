import Foundation
import Glibc
import SkillPathJSON
import SkillPathTestSupport
import SkillPathCore
import Testing

/// The event log (issue 22 §4) through the real daemon: every change logged with its write, who sees what,
/// subscriptions with their backlog and resumption, slow subscribers cut off, retention, kill -9.
@Suite struct EventLogTests {
    /// The events after `cursor` (as an administrator unless `actor`), every page.
    static func events(_ client: RPCClient, after cursor: Int64 = 0, actor: String? = nil, types: [String] = []) throws -> [JSONValue] {
        var all: [JSONValue] = []
        var after = cursor
        while true {
            let page = try client.result("events.list", .object([
                ("after", .int(after)), ("limit", 1000), ("actor", actor.map(JSONValue.string)), ("types", types.isEmpty ? nil : .strings(types)),
            ]))
            all += page["events"]?.arrayValue ?? []
            guard page["hasMore"] == .bool(true), let next = page["next"]?.intValue else { return all }
            after = Int64(next)
        }
    }

    static func ids(_ events: [JSONValue]) -> [Int] { events.compactMap { $0["id"]?.intValue } }

    /// Reads lines from a subscribed connection until `stop` says so; returns the notifications.
    static func notifications(_ connection: RPCClient, until stop: (JSONValue) -> Bool) throws -> [JSONValue] {
        var received: [JSONValue] = []
        while let line = try connection.readLine() {
            let message = try JSONParser.parse(line)
            received.append(message)
            if stop(message) { break }
        }
        return received
    }

    @Test func everyChangeIsLoggedInOrderWithItsWrite() throws {
        let daemon = try DaemonProcess()
        let client = try daemon.client()
        _ = try client.result("employees.upsert", StoreMethodTests.team)
        let assignment = try client.result("assignments.create", .object([("employee", "a2"), ("targetRole", "scientist")]))
        let progress = try client.result("progress.record", .object([("employee", "a2"), ("course", "py1"), ("status", "completed")]))
        _ = try client.result("employees.setSkills", .object([("employee", "a1"), ("skills", .array([.object([("skill", "sql"), ("level", 2)])]))]))
        let opening = try client.result("opportunities.create", .object([("role", "ml-engineer"), ("manager", "l")]))
        let application = try client.result("opportunities.apply", .object([("actor", "a1"), ("opportunity", opening["id"] ?? .null), ("confidential", true)]))
        _ = try client.result("applications.move", .object([("actor", "l"), ("id", application["id"] ?? .null), ("to", "shortlisted")]))
        _ = try client.result("opportunities.close", .object([("id", opening["id"] ?? .null), ("filledBy", "a1")]))
        _ = try client.result("assignments.cancel", .object([("id", assignment["id"] ?? .null)]))
        _ = try client.result("catalog.reload")

        let events = try Self.events(client)
        let types = events.compactMap { $0["type"]?.stringValue }
        #expect(types == [
            "skill.changed", // a1's Python 1, from the import
            "assignment.created", "progress.recorded", "skill.changed", // a2 completes py1: Python 0 → 1
            "skill.changed", // a1's SQL 2, set
            "opportunity.opened", "application.moved", "application.moved",
            "move.recorded", "application.moved", "opportunity.filled", // the fill: a1 moves, the application is accepted
            "assignment.changed", "catalog.reloaded",
        ], "\(types)")
        #expect(Self.ids(events) == Array(1...events.count), "a cursor that only grows, with no gaps")
        #expect(events[2]["data"]?["course"] == "py1" && events[2]["data"]?["assignments"] == .array((progress["assignments"]?.arrayValue ?? []).map { $0["id"] ?? .null }))
        #expect(events[3]["data"]?["skills"]?.arrayValue?.first?["skill"] == "python" && events[3]["data"]?["cause"] == "progress")
        #expect(events[6]["data"]?["status"] == "applied" && events[7]["data"]?["status"] == "shortlisted" && events[9]["data"]?["status"] == "accepted")
        #expect(events[8]["data"]?["to"] == "ml-engineer" && events[8]["employee"] == "a1")
        #expect(events[11]["data"]?["change"] == "cancelled")
        // The assignment watch runs beside: no assignment here is due, so none is at risk.
        #expect(!types.contains("assignment.atRisk"))
    }

    /// Waits (up to 30 s) until the log holds an event of `type` about `employee`, as the background watch
    /// writes it; returns those events.
    static func eventually(_ daemon: DaemonProcess, _ type: String, count: Int) throws -> [JSONValue] {
        let client = try daemon.client()
        let deadline = Date().addingTimeInterval(30)
        var found: [JSONValue] = []
        while Date() < deadline {
            // The head before the look: whatever is appended after it wakes the wait below.
            let seen = try client.result("events.list", .object([("limit", 1)]))["head"]?.intValue ?? 0
            found = try events(client, types: [type])
            if found.count >= count { return found }
            // Wait for the log to move (the watch appends as it finds), not for a fixed time.
            let waiter = try daemon.client()
            _ = try waiter.result("events.subscribe", .object([("after", .int(Int64(seen)))]))
            _ = try notifications(waiter) { _ in true }
        }
        return found
    }

    /// a2 is assigned *scientist*, due in 8 weeks, dated to end on the due date. A second assignment, *lead*,
    /// due the same day, is dated after the first on the week they share: past its due date, so the watch
    /// tells `assignment.atRisk` for it. With the first cancelled, the second has the week and is back on track.
    @Test func anAssignmentPushedPastItsDueDateIsToldAtRiskThenBackOnTrack() throws {
        let daemon = try DaemonProcess()
        let client = try daemon.client()
        _ = try client.result("employees.upsert", StoreMethodTests.team)
        let today = try client.result("reports.spend")["to"]?.stringValue ?? ""
        let due = String(describing: (CalendarDate(iso: today) ?? CalendarDate(daysSinceEpoch: 0)).adding(days: 56))
        let first = try client.result("assignments.create", .object([("employee", "a2"), ("targetRole", "scientist"), ("dueDate", .string(due))]))
        let second = try client.result("assignments.create", .object([("employee", "a2"), ("targetRole", "lead"), ("dueDate", .string(due))]))
        let atRisk = try Self.eventually(daemon, "assignment.atRisk", count: 1)
        #expect(atRisk.first?["employee"] == "a2" && atRisk.first?["data"]?["assignment"] == second["id"], "\(atRisk)")
        #expect(atRisk.first?["data"]?["verdict"] == "at-risk" && atRisk.first?["data"]?["dueDate"] == .string(due))
        _ = try client.result("assignments.cancel", .object([("id", first["id"] ?? .null)]))
        let changed = try Self.eventually(daemon, "assignment.changed", count: 2)
        #expect(changed.first?["data"]?["change"] == "cancelled" && changed.first?["data"]?["assignment"] == first["id"], "\(changed)")
        #expect(changed.last?["data"]?["change"] == "back-on-track" && changed.last?["data"]?["assignment"] == second["id"], "\(changed)")
        #expect(try Self.events(client, types: ["assignment.atRisk"]).count == 1, "told once")
    }

    /// a1 and a2 report to m, m to l. An employee sees their own events, their subtree's (a confidential
    /// application only once shortlisted), the openings they hire for, and what concerns nobody in particular.
    @Test func eachPersonSeesTheirOwnTheirSubtreeAndTheOpenMarket() throws {
        let daemon = try DaemonProcess()
        let client = try daemon.client()
        _ = try client.result("employees.upsert", StoreMethodTests.team)
        let opening = try client.result("opportunities.create", .object([("role", "ml-engineer"), ("manager", "l")]))
        let application = try client.result("opportunities.apply", .object([("actor", "a1"), ("opportunity", opening["id"] ?? .null), ("confidential", true)]))
        _ = try client.result("progress.record", .object([("employee", "a1"), ("course", "py2"), ("status", "started")]))

        func seen(_ actor: String) throws -> [String] {
            try Self.events(client, actor: actor).map { "\($0["type"]?.stringValue ?? "?") \($0["employee"]?.stringValue ?? "-")" }
        }
        #expect(try seen("a2") == ["opportunity.opened -"], "a peer sees the market, nothing of a1")
        #expect(try seen("a1") == ["skill.changed a1", "opportunity.opened -", "application.moved a1", "progress.recorded a1"])
        #expect(try seen("m") == ["skill.changed a1", "opportunity.opened -", "progress.recorded a1"], "m does not see a1's confidential application")
        #expect(try seen("l") == ["skill.changed a1", "opportunity.opened -", "application.moved a1", "progress.recorded a1"], "l hires for the opening")
        _ = try client.result("applications.move", .object([("actor", "l"), ("id", application["id"] ?? .null), ("to", "shortlisted")]))
        #expect(try seen("m").suffix(1) == ["application.moved a1"], "shortlisted: a1's manager sees it from now on")
        #expect(try Self.events(client, actor: "m", types: ["application.moved"]).count == 1, "but not the application itself, earlier")
        // A filter by employee narrows what the caller may see, never widens it.
        let filtered = try client.result("events.list", .object([("actor", "a2"), ("employee", "a1")]))
        #expect(filtered["events"] == .array([]))
    }

    @Test func aSubscriberGetsTheBacklogThenEachEventAsItCommitsAndResumesFromItsCursor() throws {
        let daemon = try DaemonProcess()
        let client = try daemon.client()
        _ = try client.result("employees.upsert", StoreMethodTests.team)
        for course in ["py1", "sql1"] {
            _ = try client.result("progress.record", .object([("employee", "a2"), ("course", .string(course)), ("status", "started")]))
        }
        let head = try client.result("events.list")["head"]?.intValue ?? 0

        let subscriber = try daemon.client()
        let reply = try subscriber.result("events.subscribe", .object([("after", 0)]))
        #expect(reply["after"] == .int(0) && reply["head"] == .int(head))
        var received = try Self.notifications(subscriber) { $0["params"]?["id"]?.intValue == head }
        #expect(received.allSatisfy { $0["method"] == "events.event" && $0["id"] == nil }, "notifications, with no id")
        // New events arrive as they commit, on the same connection, which still answers requests.
        _ = try client.result("progress.record", .object([("employee", "a1"), ("course", "py2"), ("status", "started")]))
        received += try Self.notifications(subscriber) { $0["params"]?["type"] == "progress.recorded" && $0["params"]?["employee"] == "a1" }
        let health = try subscriber.call("system.health")
        #expect(health["result"]?["status"] == "ok" || health["method"] == "events.event", "\(health)")
        subscriber.shutdownWriting()
        let last = received.compactMap { $0["params"]?["id"]?.intValue }.max() ?? 0

        // Gone: what happens meanwhile is read on from the last id received, on a new connection.
        _ = try client.result("progress.record", .object([("employee", "a2"), ("course", "py2"), ("status", "started")]))
        let resumed = try daemon.client()
        _ = try resumed.result("events.subscribe", .object([("after", .int(last))]))
        let newest = try client.result("events.list")["head"]?.intValue ?? 0
        received += try Self.notifications(resumed) { $0["params"]?["id"]?.intValue == newest }
        let delivered = received.compactMap { $0["params"]?["id"]?.intValue }
        #expect(Set(delivered) == Set(Self.ids(try Self.events(client))), "every event, once the duplicates are dropped by id")
        #expect(delivered == delivered.sorted(), "in order")

        // A filtered subscription from now: only a1's progress, whatever else happens.
        let filtered = try daemon.client()
        _ = try filtered.result("events.subscribe", .object([("types", .strings(["progress.recorded"])), ("employee", "a1")]))
        _ = try client.result("employees.setSkills", .object([("employee", "a1"), ("skills", .array([.object([("skill", "sql"), ("level", 2)])]))]))
        _ = try client.result("progress.record", .object([("employee", "a2"), ("course", "sql2"), ("status", "started")]))
        _ = try client.result("progress.record", .object([("employee", "a1"), ("course", "sql2"), ("status", "started")]))
        let only = try Self.notifications(filtered) { _ in true }
        #expect(only.first?["params"]?["type"] == "progress.recorded" && only.first?["params"]?["employee"] == "a1" && only.first?["params"]?["data"]?["course"] == "sql2")
        let second = try filtered.call("events.subscribe")
        #expect(second["error"]?["code"] == .int(-32008), "one subscription per connection: \(second)")
    }

    /// A subscriber that stops reading is cut off once its socket stays full, with the cursor to resume
    /// from; the writers' replies never wait for it; and resuming from that cursor loses nothing.
    @Test func aSlowSubscriberIsCutOffWithItsCursorAndLosesNothing() throws {
        let config = TemporaryDirectory()
        config.write(["slow.conf": "sample_organisation = no\nevent_subscriber_stall_seconds = 0.5\n"])
        let daemon = try DaemonProcess(arguments: ["--config", "\(config.path)/slow.conf"])
        let client = try daemon.client()
        _ = try client.result("employees.upsert", StoreMethodTests.team)
        let stalled = try daemon.client()
        let start = try stalled.result("events.subscribe")["after"]?.intValue ?? 0
        // 3,000 events of about 200 bytes: far more than the two socket buffers between us hold.
        for batch in 0..<6 {
            let requests = (0..<500).map { index in
                JSONValue.object([
                    ("jsonrpc", "2.0"), ("id", .int(batch * 500 + index)), ("method", "progress.record"),
                    ("params", .object([("employee", "a1"), ("course", "py1"), ("status", "started"), ("eventId", .string("slow-\(batch)-\(index)"))])),
                ])
            }
            let replies = try client.exchange(JSONWriter.string(.array(requests)))
            #expect(replies.arrayValue?.allSatisfy { $0["result"]?["recorded"] == .bool(true) } == true, "every write acknowledged while the subscriber sleeps")
        }
        #expect(daemon.logEventually(contains: "event subscriber cut off"), "\(daemon.log)")
        let received = try Self.notifications(stalled) { $0["method"] == "events.cutOff" }
        let notice = try #require(received.last)
        #expect(notice["method"] == "events.cutOff" && notice["params"]?["code"] == .int(-32016), "\(notice)")
        #expect(notice["params"]?["reason"]?.stringValue?.hasPrefix("stopped reading") == true)
        let delivered = received.compactMap { $0["params"]?["type"] != nil ? $0["params"]?["id"]?.intValue : nil }
        #expect(notice["params"]?["cursor"]?.intValue == (delivered.last ?? start), "the cursor is the last event delivered")
        // Resume on the same connection from the cursor: the rest, and nothing lost.
        _ = try stalled.result("events.subscribe", .object([("after", notice["params"]?["cursor"] ?? .null)]))
        let head = try client.result("events.list")["head"]?.intValue ?? 0
        let rest = try Self.notifications(stalled) { $0["params"]?["id"]?.intValue == head }
        let all = delivered + rest.compactMap { $0["params"]?["id"]?.intValue }
        #expect(all == Array((start + 1)...head), "every event after the start, once each")
    }

    @Test func aSubscriberTooFarBehindIsCutOffAtOnce() throws {
        let config = TemporaryDirectory()
        config.write(["lag.conf": "sample_organisation = no\nevent_subscriber_max_lag = 3\n"])
        let daemon = try DaemonProcess(arguments: ["--config", "\(config.path)/lag.conf"])
        let client = try daemon.client()
        _ = try client.result("employees.upsert", StoreMethodTests.team)
        for course in ["py1", "py2", "sql1", "sql2"] {
            _ = try client.result("progress.record", .object([("employee", "a2"), ("course", .string(course)), ("status", "started")]))
        }
        let subscriber = try daemon.client()
        _ = try subscriber.result("events.subscribe", .object([("after", 0)]))
        let notice = try Self.notifications(subscriber) { _ in true }.first
        #expect(notice?["method"] == "events.cutOff" && notice?["params"]?["cursor"] == .int(0), "\(String(describing: notice))")
        #expect(notice?["params"]?["reason"]?.stringValue?.contains("events behind the log (at most 3)") == true)
    }

    @Test func aCursorOlderThanTheRetentionIsRefusedSayingSo() throws {
        let config = TemporaryDirectory()
        config.write(["keep.conf": "sample_organisation = no\nevent_retention_count = 10\n"])
        let daemon = try DaemonProcess(arguments: ["--config", "\(config.path)/keep.conf"])
        let client = try daemon.client()
        _ = try client.result("employees.upsert", StoreMethodTests.team)
        for index in 0..<30 {
            _ = try client.result("progress.record", .object([("employee", "a2"), ("course", "py1"), ("status", "started"), ("eventId", .string("keep-\(index)"))]))
        }
        // 31 events (a1's skill, then 30 of progress). The housekeeping prunes, in the background, whenever the
        // log holds more than 10: wait until it has caught up with the last write, up to 30 s.
        var refusal: JSONValue?
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            let reply = try client.call("events.list", .object([("after", 0)]))
            refusal = reply["error"]
            if refusal?["data"]?["oldest"] == .int(21) { break }
            _ = daemon.logEventually(contains: "event log pruned", timeout: 0.2)
        }
        let error = try #require(refusal)
        #expect(error["code"] == .int(-32015) && error["data"]?["cursor"] == .int(0), "\(error)")
        let oldest = try #require(error["data"]?["oldest"]?.intValue)
        #expect(oldest == 21, "the newest 10 of 31 are kept")
        #expect(error["message"]?.stringValue?.contains("follow from cursor \(oldest)") == true)
        let kept = try client.result("events.list", .object([("after", .int(oldest))]))
        #expect(kept["events"]?.arrayValue?.first?["id"] == .int(oldest + 1))
        #expect(try client.call("events.subscribe", .object([("after", 1)]))["error"]?["code"] == .int(-32015))
    }

    @Test func acknowledgedEventsSurviveKillNine() throws {
        let directory = TemporaryDirectory()
        let database = "\(directory.path)/events.db"
        let daemon = try DaemonProcess(arguments: ["--database", database])
        let client = try daemon.client()
        _ = try client.result("employees.upsert", StoreMethodTests.team)
        var acknowledged: Set<String> = []
        for number in 0..<40 {
            let reply = try client.result("progress.record", .object([("employee", "a1"), ("course", "py1"), ("status", "started"), ("eventId", .string("k-\(number)"))]))
            if reply["recorded"] == .bool(true) { acknowledged.insert("k-\(number)") }
        }
        daemon.signal(SIGKILL)
        #expect(daemon.waitForExit() == 128 + SIGKILL)
        let restarted = try DaemonProcess(arguments: ["--database", database])
        let logged = try Self.events(try restarted.client(), types: ["progress.recorded"]).compactMap { $0["data"]?["eventId"]?.stringValue }
        #expect(Set(logged) == acknowledged && acknowledged.count == 40)
    }

    @Test func badEventRequestsAreRefusedNamingTheProblem() throws {
        let daemon = try DaemonProcess()
        let client = try daemon.client()
        _ = try client.result("employees.upsert", StoreMethodTests.team)
        func refusal(_ method: String, _ params: JSONValue) throws -> (code: Int?, message: String) {
            let error = try client.call(method, params)["error"]
            return (error?["code"]?.intValue, error?["message"]?.stringValue ?? "")
        }
        for params: JSONValue in [
            .object([("after", -1)]), .object([("after", "5")]), .object([("types", .array([]))]), .object([("types", .strings(["progress.done"]))]),
            .object([("limit", 0)]), .object([("limit", 1001)]), .object([("employee", 7)]), .object([("unexpected", true)]),
        ] {
            #expect(try refusal("events.list", params).code == -32602, "\(params)")
            #expect(try refusal("events.subscribe", params).code == -32602 || params["limit"] != nil, "\(params)")
        }
        let future = try refusal("events.list", .object([("after", 1000)]))
        #expect(future.code == -32602 && future.message.contains("after is 1000, beyond the newest event (1)"), "\(future)")
        #expect(try refusal("events.list", .object([("employee", "nobody")])).code == -32003)
        #expect(try refusal("events.subscribe", .object([("after", 1000)])).code == -32602)
    }

    /// Delivery runs behind the requests: with a subscriber following the log, the daemon's delivery and
    /// fan-out threads sit at nice 10 (what `ps -L -o nice,comm` shows an operator), while the threads
    /// answering requests stay at 0, so sixteen subscribers do not slow the writers.
    @Test func eventDeliveryRunsAtALowerPriorityThanTheRequests() throws {
        let daemon = try DaemonProcess()
        let client = try daemon.client()
        _ = try client.result("employees.upsert", StoreMethodTests.team)
        let subscriber = try daemon.client()
        _ = try subscriber.result("events.subscribe", .object([("after", 0)]))
        _ = try Self.notifications(subscriber) { _ in true }
        _ = try client.result("progress.record", .object([("employee", "a2"), ("course", "py1"), ("status", "started")]))
        // Each thread's name and nice value, from /proc.
        func threads(named name: String) -> [Int] {
            let tasks = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(daemon.pid)/task")) ?? []
            return tasks.compactMap { task in
                guard let stat = try? String(contentsOfFile: "/proc/\(daemon.pid)/task/\(task)/stat", encoding: .utf8),
                      let open = stat.firstIndex(of: "("), let close = stat.lastIndex(of: ")"),
                      stat[stat.index(after: open)..<close] == name else { return nil }
                // After the name: the state is field 3, the nice value field 19.
                let fields = stat[stat.index(after: close)...].split(separator: " ")
                return fields.count > 16 ? Int(fields[16]) : nil
            }
        }
        // The delivery thread names and lowers itself as it starts: wait for that, not for a fixed time.
        let deadline = ContinuousClock.now + .seconds(30)
        while threads(named: "skillpathd-feed") != [10] || threads(named: "skillpathd-fan") != [10], ContinuousClock.now < deadline {
            Thread.sleep(forTimeInterval: 0.02)
        }
        #expect(threads(named: "skillpathd-feed") == [10], "one delivery thread, at nice 10")
        #expect(threads(named: "skillpathd-fan") == [10], "the fan-out thread, at nice 10")
        #expect(threads(named: "skillpathd-conn") == [0, 0], "the two connections' threads, at full priority")
    }

    @Test func theCommandLineListsAndFollows() throws {
        let daemon = try DaemonProcess()
        let client = try daemon.client()
        _ = try client.result("employees.upsert", StoreMethodTests.team)
        _ = try client.result("progress.record", .object([("employee", "a2"), ("course", "py1"), ("status", "completed")]))
        let environment = ["SKILLPATH_SOCKET": daemon.socketPath]
        let listed = try ProcessRunner.run("skillpath", ["events", "--type", "progress.recorded", "--no-color"], environment: environment)
        #expect(listed.status == 0 && listed.stdout.contains("progress.recorded\ta2\tcompleted py1"), "\(listed.stdout)")
        let bad = try ProcessRunner.run("skillpath", ["events", "--type", "progress.done"], environment: environment)
        #expect(bad.status == 64 && bad.stderr.contains("--type must be one of"))
        #expect(try ProcessRunner.run("skillpath", ["events", "--follow", "--limit", "3"], environment: environment).status == 64)
        let expired = try ProcessRunner.run("skillpath", ["events", "--after", "999"], environment: environment)
        #expect(expired.status != 0 && expired.stderr.contains("beyond the newest event"), "\(expired.stderr)")
    }
}
