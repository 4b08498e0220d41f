import CSQLite
import Foundation
import Glibc
import SkillPathJSON
import SkillPathStore
import SkillPathTestSupport
import Testing

/// The organisation store through the real daemon: writes, reads, durability across kill -9.
@Suite struct StoreMethodTests {
    static let team: JSONValue = .object([("employees", .array([
        .object([("id", "l"), ("name", "Lead"), ("role", "lead")]),
        .object([("id", "m"), ("name", "Manager"), ("role", "scientist"), ("manager", "l")]),
        .object([("id", "a1"), ("name", "Analyst One"), ("role", "analyst"), ("manager", "m"),
                 ("skills", .array([.object([("skill", "python"), ("level", 1)])]))]),
        .object([("id", "a2"), ("name", "Analyst Two"), ("role", "analyst"), ("manager", "m")]),
    ]))])

    /// `mode`: a dry run reports what a batch would do and writes nothing; an atomic batch with one bad row
    /// writes nothing either; the default writes the valid rows. A batch over the row limit is refused whole.
    @Test func upsertModesDecideWhatHappensToTheValidRows() throws {
        let daemon = try DaemonProcess()
        let client = try daemon.client()
        let good: JSONValue = .array([.object([("id", "l"), ("name", "Lead"), ("role", "lead")]), .object([("id", "m"), ("name", "M"), ("role", "scientist"), ("manager", "l")])])
        let dryRun = try client.result("employees.upsert", .object([("employees", good), ("mode", "dryRun")]))
        #expect(dryRun["inserted"] == .number("2"))
        #expect(dryRun["written"] == .bool(false))
        #expect(try client.call("employees.get", .object([("id", "l")]))["error"]?["data"]?["code"] == "unknown-employee")

        let mixed: JSONValue = .array((good.arrayValue ?? []) + [.object([("id", "x"), ("name", "X"), ("role", "astronaut")])])
        let atomic = try client.result("employees.upsert", .object([("employees", mixed), ("mode", "atomic")]))
        #expect(atomic["written"] == .bool(false))
        #expect(atomic["rejected"]?.arrayValue?.map { $0["index"] } == [.number("2")])
        #expect(try client.call("employees.get", .object([("id", "l")]))["error"]?["data"]?["code"] == "unknown-employee", "nothing of the batch was written")
        #expect(try client.result("audit.list", .object([("employee", "l")]))["items"] == .array([]), "nor audited")

        let perRow = try client.result("employees.upsert", .object([("employees", mixed)]))
        #expect(perRow["written"] == .bool(true))
        #expect(perRow["inserted"] == .number("2"))
        #expect(try client.result("audit.list", .object([("employee", "l")]))["items"]?.arrayValue?.count == 1)
        let allGood = try client.result("employees.upsert", .object([("employees", good), ("mode", "atomic")]))
        #expect(allGood["written"] == .bool(true) && allGood["unchanged"] == .number("2"))

        let tooMany = JSONValue.array((0...2_000).map { .object([("id", .string("t\($0)"))]) })
        let refused = try client.call("employees.upsert", .object([("employees", tooMany)]))
        #expect(refused["error"]?["code"] == .number("-32602"))
        #expect(refused["error"]?["message"]?.stringValue?.contains("has 2001 rows; send at most 2000 per call") == true, "\(refused)")
        let badMode = try client.call("employees.upsert", .object([("employees", good), ("mode", "maybe")]))
        #expect(badMode["error"]?["code"] == .number("-32602"))
    }

    @Test func upsertReportsRowsAndAssignmentsFollowProgress() throws {
        let daemon = try DaemonProcess()
        let client = try daemon.client()
        let report = try client.result("employees.upsert", .object([("employees", .array([
            .object([("id", "l"), ("name", "Lead"), ("role", "lead")]),
            .object([("id", "bad"), ("name", "Bad"), ("role", "astronaut")]),
            .object([("id", "m"), ("name", "Manager"), ("role", "scientist"), ("manager", "l"), ("email", 7)]),
        ]))]))
        #expect(report["inserted"] == .number("1"))
        #expect(report["rejected"]?.arrayValue?.map { "\($0["index"]!.intValue!):\($0["field"]!.stringValue!)" } == ["1:role", "2:email"])
        _ = try client.result("employees.upsert", Self.team)

        let assignment = try client.result("assignments.create", .object([
            ("employee", "a1"), ("targetRole", "scientist"), ("options", .object([("hoursPerWeek", 10), ("startDate", "2026-01-05")])),
        ]))
        #expect(assignment["steps"]?.arrayValue?.first?["plannedStart"] == "2026-01-05")
        let duplicate = try client.call("assignments.create", .object([("employee", "a1"), ("targetRole", "scientist")]))
        #expect(duplicate["error"]?["data"]?["code"] == "conflict")
        #expect(duplicate["error"]?["data"]?["existing"] == assignment["id"])

        let firstCourse = try #require(assignment["steps"]?.arrayValue?.first?["course"]?.stringValue)
        let progress = try client.result("progress.record", .object([
            ("employee", "a1"), ("course", .string(firstCourse)), ("status", "completed"), ("at", "2026-01-06"), ("eventId", "lms-1"),
        ]))
        #expect(progress["recorded"] == .bool(true))
        #expect(progress["assignments"]?.arrayValue?.first?["hoursDone"] != .number("0"))
        let retry = try client.result("progress.record", .object([
            ("employee", "a1"), ("course", .string(firstCourse)), ("status", "completed"), ("eventId", "lms-1"),
        ]))
        #expect(retry["duplicate"] == .bool(true))
        let badCourse = try client.call("progress.record", .object([("employee", "a1"), ("course", "py4"), ("status", "completed")]))
        #expect(badCourse["error"]?["data"]?["code"] == "unknown-course")
        #expect(badCourse["error"]?["message"] == "unknown course 'py4' (did you mean 'py1'?)")
        let badDate = try client.call("progress.record", .object([("employee", "a1"), ("course", "py1"), ("status", "completed"), ("at", "yesterday")]))
        #expect(badDate["error"]?["data"]?["param"] == "at")

        let team = try client.result("reports.team", .object([("manager", "m")]))
        #expect(team["summary"]?["people"] == .number("2"))
        #expect(team["summary"]?["assignments"] == .number("1"))
        #expect(team["reports"]?.arrayValue?.first?["assignments"]?.arrayValue?.first?["progress"] == "late", "January steps are long past")

        let employee = try client.result("employees.get", .object([("id", "a1")]))
        #expect(employee["completed"]?.arrayValue?.first?["course"] == .string(firstCourse))
        #expect(employee["assignments"]?.arrayValue?.count == 1)

        let plan = try client.result("paths.plan", .object([("employee", "a1"), ("targetRole", "scientist")]))
        #expect(plan["steps"]?.arrayValue?.contains { $0["course"] == .string(firstCourse) } == false, "completed courses are never planned again")

        let replan = try client.result("assignments.replan", .object([("id", assignment["id"]!), ("apply", true)]))
        #expect(replan["applied"] == .bool(true))
        let cancel = try client.result("assignments.cancel", .object([("id", assignment["id"]!)]))
        #expect(cancel["status"] == "cancelled")
        let again = try client.call("assignments.cancel", .object([("id", assignment["id"]!)]))
        #expect(again["error"]?["data"]?["code"] == "conflict")
        let missing = try client.call("assignments.get", .object([("id", 999)]))
        #expect(missing["error"]?["code"] == .number("-32007"))
    }

    @Test func finishingEveryCourseOfAnIncompletePlanIsNotMeetingTheRole() throws {
        let daemon = try DaemonProcess()
        let client = try daemon.client()
        _ = try client.result("employees.upsert", Self.team)
        // ml-engineer needs Kubernetes, which no course teaches, and ML 3, which only a course needing
        // Kubernetes teaches: the plan can close Python alone.
        let assignment = try client.result("assignments.create", .object([("employee", "a1"), ("targetRole", "ml-engineer")]))
        #expect(assignment["plan"]?["complete"] == .bool(false))
        #expect(assignment["unmet"]?.arrayValue?.compactMap { $0["skill"]?.stringValue } == ["ml", "kubernetes"])
        #expect(assignment["requirementsMet"] == .bool(false))
        for step in assignment["steps"]?.arrayValue ?? [] {
            _ = try client.result("progress.record", .object([("employee", "a1"), ("course", step["course"]!), ("status", "completed")]))
        }
        let done = try client.result("assignments.get", .object([("id", assignment["id"]!)]))
        #expect(done["percentComplete"] == .number("100"))
        #expect(done["coursesDone"] == .bool(true))
        #expect(done["requirementsMet"] == .bool(false))
        #expect(done["progress"] == "courses-done", "every course done, but the role is not met")
        let team = try client.result("reports.team", .object([("manager", "m")]))
        #expect(team["summary"]?["coursesDone"] == .number("1"))
        #expect(team["summary"]?["completed"] == .number("0"))
        let line = team["reports"]?.arrayValue?.first { $0["id"] == "a1" }?["assignments"]?.arrayValue?.first
        #expect(line?["unmet"]?.arrayValue?.count == 2)

        let environment = ["SKILLPATH_SOCKET": daemon.socketPath, "COLUMNS": "200"]
        let cli = try ProcessRunner.run("skillpath", ["team", "--manager", "m", "--no-color"], environment: environment)
        #expect(cli.stdout.contains("Kubernetes 0→1"), "\(cli.stdout)")
        let listed = try ProcessRunner.run("skillpath", ["assignments", "--employee", "a1", "--no-color"], environment: environment)
        #expect(listed.stdout.contains("courses-done"), "\(listed.stdout)")
        #expect(listed.stdout.contains("Machine learning 0→3, Kubernetes 0→1"), "\(listed.stdout)")
        let shown = try ProcessRunner.run("skillpath", ["path", "--employee", "a1", "--no-color"], environment: environment)
        #expect(shown.stdout.contains("Every planned course is done, but the role's requirements are not met: 2 skills"), "\(shown.stdout)")
    }

    @Test func anAcknowledgedWriteSurvivesKillNine() throws {
        let directory = TemporaryDirectory()
        let database = "\(directory.path)/durable.db"
        let daemon = try DaemonProcess(arguments: ["--database", database])
        let client = try daemon.client()
        _ = try client.result("employees.upsert", Self.team)
        var acknowledged: [String] = []
        for number in 0..<30 {
            let reply = try client.result("progress.record", .object([
                ("employee", "a1"), ("course", "py1"), ("status", "started"), ("eventId", .string("event-\(number)")),
            ]))
            if reply["recorded"] == .bool(true) { acknowledged.append("event-\(number)") }
        }
        let setSkills = try client.result("employees.setSkills", .object([("employee", "a2"), ("skills", .array([.object([("skill", "sql"), ("level", 2)])]))]))
        #expect(setSkills["changed"]?.arrayValue?.count == 1)
        // No shutdown, no flush: the process dies the moment after the last reply.
        daemon.signal(SIGKILL)
        #expect(daemon.waitForExit() == 128 + SIGKILL)

        let restarted = try DaemonProcess(arguments: ["--database", database])
        let after = try restarted.client()
        for event in acknowledged {
            let replay = try after.result("progress.record", .object([
                ("employee", "a1"), ("course", "py1"), ("status", "started"), ("eventId", .string(event)),
            ]))
            #expect(replay["duplicate"] == .bool(true), "\(event) was acknowledged, so it must have survived")
        }
        let a2 = try after.result("employees.get", .object([("id", "a2")]))
        #expect(a2["skills"]?.arrayValue?.first?["level"] == .number("2"))
        #expect(acknowledged.count == 30)
    }

    @Test func aDatabaseFromTheFutureStopsTheDaemon() throws {
        let directory = TemporaryDirectory()
        let database = "\(directory.path)/future.db"
        var handle: OpaquePointer?
        sqlite3_open(database, &handle)
        // A newer SkillPath marks its database with our application id (0x536B5074).
        sqlite3_exec(handle, "CREATE TABLE t (x); PRAGMA user_version = 42; PRAGMA application_id = 1399541876;", nil, nil, nil)
        sqlite3_close(handle)
        let daemon = try DaemonProcess(arguments: ["--database", database], waitForSocket: false)
        #expect(daemon.waitForExit() == 1)
        #expect(daemon.log.contains("has schema version 42, newer than this skillpathd supports (\(OrganisationStore.latestSchemaVersion)); it was left untouched"))
    }
}
