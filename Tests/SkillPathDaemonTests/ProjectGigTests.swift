import Foundation
import SkillPathCore
import SkillPathJSON
import SkillPathTestSupport
import Testing

/// Project gigs through the real daemon: opened, ranked, applied to and taken without a change of role,
/// confirmed by their owner into evidence, counted in the mobility report; their hours taken from the weekly
/// budget the assignments share; every refusal with nothing written; leaving stops them.
@Suite struct ProjectGigTests {
    struct Running {
        let daemon: DaemonProcess
        let client: RPCClient
        let project: JSONValue
    }

    static let develops: JSONValue = .array([.object([("skill", "python"), ("level", 2)]), .object([("skill", "sql"), ("level", 2)])])

    /// The store tests' team (l leads m, who manages a1 and a2) and a3, with a project m owns: 3 h a week
    /// for 6 weeks, growing Python and SQL to 2.
    func started(headcount: Int = 2) throws -> Running {
        let daemon = try DaemonProcess()
        let client = try daemon.client()
        _ = try client.result("employees.upsert", StoreMethodTests.team)
        _ = try client.result("employees.upsert", .object([("employees", .array([
            .object([("id", "a3"), ("name", "Analyst Three"), ("role", "analyst"), ("manager", "m"),
                     ("skills", .array([.object([("skill", "python"), ("level", 3)]), .object([("skill", "sql"), ("level", 2)])]))]),
        ]))]))
        let project = try client.result("opportunities.create", .object([
            ("actor", "m"), ("role", "analyst"), ("kind", "project"), ("title", "Churn model"), ("hoursPerWeek", 3), ("durationWeeks", 6),
            ("develops", Self.develops), ("headcount", .int(headcount)),
        ]))
        return Running(daemon: daemon, client: client, project: project)
    }

    func code(_ response: JSONValue) -> JSONValue? { response["error"]?["code"] }

    @Test func aGigGoesFromOpeningToConfirmedEvidenceWithoutAChangeOfRole() throws {
        let running = try started()
        let client = running.client
        let id = running.project["id"] ?? .null
        #expect(running.project["kind"] == "project")
        #expect(running.project["hoursPerWeek"] == .number("3"))
        #expect(running.project["develops"] == Self.develops)
        #expect(try client.result("opportunities.list", .object([("kind", "project")]))["total"] == .number("1"))

        // l ranks everyone below them: a1 (Python 1) grows both skills by 3 levels in all; a2 and l by 4;
        // a3 already holds both and m owns the project: neither is a candidate.
        let ranked = try client.result("candidates.rank", .object([("actor", "l"), ("opportunity", id)]))
        #expect(ranked["kind"] == "project")
        let candidates = ranked["candidates"]?.arrayValue ?? []
        #expect(candidates.compactMap { $0["employee"]?.stringValue } == ["a1", "a2", "l"], "\(ranked)")
        #expect(candidates.first?["grows"] == .array([
            .object([("skill", "python"), ("have", 1), ("to", 2)]), .object([("skill", "sql"), ("have", 0), ("to", 2)]),
        ]))
        #expect(candidates.first?["gain"] == .number("3"))
        #expect(candidates.first?["room"] == .bool(true), "3 h fit the default 4 h week")

        // a1 holds the project's role, which is no bar: a gig changes no role. The owner takes them on.
        let applied = try client.result("opportunities.apply", .object([("actor", "a1"), ("opportunity", id)]))
        #expect(applied["grows"]?.arrayValue?.count == 2, "readiness for a gig is what it grows: \(applied)")
        for step in ["shortlisted", "offered"] {
            _ = try client.result("applications.move", .object([("actor", "m"), ("id", applied["id"] ?? .null), ("to", .string(step))]))
        }
        let accepted = try client.result("applications.move", .object([("actor", "m"), ("id", applied["id"] ?? .null), ("to", "accepted")]))
        #expect(accepted["move"] == nil)
        let gig = accepted["project"] ?? .null
        #expect(gig["employee"] == "a1")
        #expect(gig["status"] == "running")
        #expect(gig["role"] == "analyst")
        #expect(try client.result("employees.get", .object([("id", "a1")]))["role"] == "analyst")
        #expect(try client.result("moves.list")["total"] == .number("0"), "no move of role")
        let opening = try client.result("opportunities.list", .object([("kind", "project")]))["items"]?.arrayValue?.first
        #expect(opening?["fills"]?.arrayValue?.first?["project"] == gig["id"])
        #expect(opening?["seatsLeft"] == .number("1"))
        #expect(code(try client.call("opportunities.apply", .object([("actor", "a1"), ("opportunity", id)]))) == -32008, "taken once")

        // a1 sees their own; a2, a peer, sees nothing; the owner sees who is on their project.
        #expect(try client.result("projects.list", .object([("actor", "a1")]))["total"] == .number("1"))
        #expect(try client.result("projects.list", .object([("actor", "a2")]))["total"] == .number("0"))
        #expect(try client.result("projects.list", .object([("actor", "m"), ("opportunity", id)]))["total"] == .number("1"))

        // Nobody confirms their own gig; a peer cannot tell it exists; the owner confirms it.
        #expect(code(try client.call("projects.finish", .object([("actor", "a1"), ("id", gig["id"] ?? .null), ("outcome", "completed")]))) == -32001)
        #expect(code(try client.call("projects.finish", .object([("actor", "a2"), ("id", gig["id"] ?? .null), ("outcome", "completed")]))) == -32007)
        let finished = try client.result("projects.finish", .object([
            ("actor", "m"), ("id", gig["id"] ?? .null), ("outcome", "completed"), ("note", "shipped the model"),
        ]))
        #expect(finished["status"] == "completed")
        #expect(finished["confirmedBy"] == "m")
        #expect(code(try client.call("projects.finish", .object([("id", gig["id"] ?? .null), ("outcome", "stopped")]))) == -32008, "ends once")

        // The evidence is the manager's word, a piece per skill at the project's level, and it counts.
        let a1 = try client.result("employees.get", .object([("id", "a1")]))
        let levels = Dictionary((a1["skills"]?.arrayValue ?? []).compactMap { skill in
            skill["skill"]?.stringValue.map { ($0, skill["level"]?.intValue ?? -1) }
        }, uniquingKeysWith: max)
        #expect(levels["python"] == 2 && levels["sql"] == 2, "\(a1)")
        let evidence = (a1["skills"]?.arrayValue ?? []).flatMap { $0["pieces"]?.arrayValue ?? [] }
            .filter { $0["note"]?.stringValue?.contains("(Churn model), confirmed by m") == true }
        #expect(evidence.count == 2, "\(a1)")
        #expect(evidence.allSatisfy { $0["source"] == "manager" && $0["level"] == .number("2") })

        // The mobility report counts a project move, not a move of role.
        let report = try client.result("reports.mobility", .object([("from", .string(CalendarDateText.inDays(-30))), ("to", .string(CalendarDateText.inDays(1)))]))
        #expect(report["figures"]?["moves"]?["project"] == .number("1"))
        #expect(report["figures"]?["moves"]?["total"] == .number("0"))
        #expect(report["figures"]?["projectsEnded"]?["completed"] == .number("1"))
        #expect(report["figures"]?["internalFillRate"]?["of"] == .number("0"), "a gig's seat is not a job filled")
        let trail = try client.result("audit.list", .object([("limit", 50)]))["items"]?.arrayValue?.compactMap { $0["action"]?.stringValue } ?? []
        #expect(trail.contains("project.start") && trail.contains("project.finish"), "\(trail)")
    }

    @Test func badProjectsAreRefusedAndNothingIsWritten() throws {
        let running = try started()
        let client = running.client
        let base: [(String, JSONValue)] = [("role", "analyst"), ("kind", "project"), ("hoursPerWeek", 3), ("durationWeeks", 6), ("develops", Self.develops)]
        func without(_ key: String) -> JSONValue { .object(base.filter { $0.0 != key }) }
        func with(_ key: String, _ value: JSONValue) -> JSONValue { .object(base.filter { $0.0 != key } + [(key, value)]) }
        let cases: [(JSONValue, String, String)] = [
            (without("hoursPerWeek"), "hoursPerWeek", "is required for a project"),
            (without("durationWeeks"), "durationWeeks", "is required for a project"),
            (without("develops"), "develops", "is required for a project"),
            (with("hoursPerWeek", 41), "hoursPerWeek", "at most 40"),
            (with("hoursPerWeek", 0), "hoursPerWeek", "greater than 0"),
            (with("develops", .array([])), "develops", "1 to 10 skills"),
            (with("develops", .array([.object([("skill", "sql"), ("level", 2)]), .object([("skill", "sql"), ("level", 3)])])), "develops[1]", "a second time"),
            (with("develops", .array([.object([("skill", "sql"), ("level", 6)])])), "develops[0].level", "between 1 and 5"),
            (with("kind", "position"), "durationWeeks", "secondments and projects only"),
            (.object([("role", "analyst"), ("hoursPerWeek", 3)]), "hoursPerWeek", "projects only"),
        ]
        for (params, field, message) in cases {
            let error = try client.call("opportunities.create", params)["error"]
            #expect(error?["code"] == -32602, "\(params): \(String(describing: error))")
            #expect(error?["data"]?["param"]?.stringValue == field, "\(params): \(String(describing: error))")
            #expect(error?["message"]?.stringValue?.contains(message) == true, "\(params): \(String(describing: error?["message"]))")
        }
        let unknown = try client.call("opportunities.create", with("develops", .array([.object([("skill", "sql"), ("level", 2)]), .object([("skill", "pyhton"), ("level", 2)])])))
        #expect(unknown["error"]?["code"] == -32005)
        #expect(unknown["error"]?["data"]?["field"] == "develops[1].skill", "\(unknown)")
        #expect(try client.result("opportunities.list", .object([("status", "all")]))["total"] == .number("1"), "only the fixture's project")

        // Finishing: an unknown id, a bad outcome, a date before the start or in the future; nothing changes.
        let gig = try client.result("opportunities.close", .object([("id", running.project["id"] ?? .null), ("filledBy", "a2")]))["project"] ?? .null
        #expect(code(try client.call("projects.finish", .object([("id", 999), ("outcome", "completed")]))) == -32007)
        #expect(code(try client.call("projects.finish", .object([("id", gig["id"] ?? .null), ("outcome", "done")]))) == -32602)
        #expect(code(try client.call("projects.finish", .object([("id", gig["id"] ?? .null), ("outcome", "completed"), ("date", "2000-01-01")]))) == -32602)
        #expect(code(try client.call("projects.finish", .object([("id", gig["id"] ?? .null), ("outcome", "completed"), ("date", "2999-01-01")]))) == -32602)
        let after = try client.result("projects.list")["items"]?.arrayValue?.first
        #expect(after?["status"] == "running")
        #expect(try client.result("employees.get", .object([("id", "a2")]))["skills"] == .array([]), "no evidence written")
        // A second seat for the same person, and a seat for someone who left, are refused.
        #expect(code(try client.call("opportunities.close", .object([("id", running.project["id"] ?? .null), ("filledBy", "a2")]))) == -32008)
    }

    /// A gig's hours come out of the week the assignments share: 4 h a week, a 3 h gig for 10 weeks leaves
    /// 1 h a week, and the plan finishes later by exactly that; the verdict tells the truth about the due date.
    @Test func gigHoursComeOutOfTheWeeklyBudget() throws {
        let daemon = try DaemonProcess()
        let client = try daemon.client()
        _ = try client.result("employees.upsert", StoreMethodTests.team)
        _ = try client.result("employees.setPreferences", .object([("employee", "a2"), ("hoursPerWeek", 4)]))
        let plain = try client.result("assignments.create", .object([("actor", "m"), ("employee", "a2"), ("targetRole", "scientist")]))
        let start = CalendarDate(iso: plain["startDate"]?.stringValue ?? "") ?? CalendarDate(daysSinceEpoch: 0)
        let hours = Quantity(literal: JSONWriter.string(plain["hoursTotal"] ?? .null))?.hundredths ?? 0
        #expect(hours > 1000, "the plan is longer than the 10 h the gig leaves: \(plain)")
        // Alone: 4 h a week from the start. With the gig: 1 h a week for 70 days (10 h), then 4 h a week.
        let aloneDays: Int64 = (hours * 7 + 399) / 400 - 1
        let sharedDays: Int64 = 70 + ((hours - 1000) * 7 + 399) / 400 - 1
        let alone = start.adding(days: Int(aloneDays))
        let shared = start.adding(days: Int(sharedDays))
        #expect(plain["plannedCompletion"]?.stringValue == alone.description)
        _ = try client.result("assignments.cancel", .object([("id", plain["id"] ?? .null)]))
        let due = alone.adding(days: 5)
        let assignment = try client.result("assignments.create", .object([
            ("actor", "m"), ("employee", "a2"), ("targetRole", "scientist"), ("dueDate", .string(due.description)),
        ]))
        #expect(assignment["progress"] == "on-track")
        let project = try client.result("opportunities.create", .object([
            ("actor", "l"), ("role", "lead"), ("kind", "project"), ("hoursPerWeek", 3), ("durationWeeks", 10), ("develops", Self.develops),
        ]))
        _ = try client.result("opportunities.close", .object([("id", project["id"] ?? .null), ("filledBy", "a2"), ("date", .string(start.description))]))
        let after = try client.result("assignments.get", .object([("id", assignment["id"] ?? .null)]))
        #expect(after["plannedCompletion"]?.stringValue == shared.description, "\(after)")
        #expect(after["progress"] == "at-risk", "planned past its due date \(due): \(after)")
        let team = try client.result("reports.team", .object([("manager", "m")]))
        let listed = team["reports"]?.arrayValue?.first { $0["id"] == "a2" }?["assignments"]?.arrayValue?.first
        #expect(listed?["progress"] == "at-risk", "the team view reads the same dates: \(team)")
    }

    @Test func suggestionsOfferGigsAndLeavingStopsThem() throws {
        let running = try started()
        let client = running.client
        let id = running.project["id"] ?? .null
        _ = try client.result("employees.setAspirations", .object([("employee", "a2"), ("skills", .strings(["sql"])), ("openTo", .strings(["project"]))]))
        let suggested = try client.result("roles.suggest", .object([("employee", "a2")]))
        let project = suggested["projects"]?.arrayValue?.first
        #expect(project?["opportunity"] == id)
        #expect(project?["wantsSkills"] == .strings(["sql"]))
        #expect(project?["reason"]?.stringValue?.contains("you want to grow SQL") == true, "\(String(describing: project))")
        #expect(try client.result("roles.suggest", .object([("employee", "a2"), ("kinds", .strings(["promotion"]))]))["projects"] == nil)
        let only = try client.result("roles.suggest", .object([("employee", "a2"), ("kinds", .strings(["project"]))]))
        #expect(only["suggestions"] == .array([]) && only["projects"]?.arrayValue?.count == 1)
        #expect(try client.result("roles.suggest", .object([("employee", "m")]))["projects"] == .array([]), "not to its owner")
        #expect(try client.result("roles.suggest", .object([("employee", "a3")]))["projects"] == .array([]), "it grows nothing of a3's")
        let wanting = try client.result("candidates.rank", .object([("opportunity", id), ("wanting", true)]))
        #expect(wanting["candidates"]?.arrayValue?.compactMap { $0["employee"]?.stringValue } == ["a2"])

        _ = try client.result("opportunities.close", .object([("id", id), ("filledBy", "a2")]))
        #expect(try client.result("roles.suggest", .object([("employee", "a2")]))["projects"] == .array([]), "taken: not suggested again")
        _ = try client.result("employees.upsert", .object([("employees", .array([
            .object([("id", "a2"), ("name", "Analyst Two"), ("role", "analyst"), ("manager", "m"), ("leftOn", .string(CalendarDateText.inDays(0)))]),
        ]))]))
        let stopped = try client.result("projects.list", .object([("employee", "a2")]))["items"]?.arrayValue?.first
        #expect(stopped?["status"] == "stopped")
        #expect(stopped?["note"]?.stringValue?.hasPrefix("the employee left on") == true, "\(String(describing: stopped))")
    }
}
