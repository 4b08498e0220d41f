import Foundation
import SkillPathJSON
import SkillPathTestSupport
import Testing

/// Issue 18's repros where verdicts, moves, openings, replans, routes and preferences meet, on the sample
/// organisation and the shipped catalog, through the RPC and the command line alike.
@Suite struct VerdictTruthTests {
    /// The README's daemon: the shipped catalog with the sample organisation (whose dates follow today).
    func sampleDaemon() throws -> DaemonProcess {
        let config = TemporaryDirectory()
        config.write(["demo.conf": "sample_organisation = yes\n"])
        return try DaemonProcess(catalogFiles: nil, arguments: ["--config", "\(config.path)/demo.conf"])
    }

    func cli(_ daemon: DaemonProcess, _ arguments: [String]) throws -> ProcessOutput {
        try ProcessRunner.run("skillpath", arguments, environment: ["SKILLPATH_SOCKET": daemon.socketPath, "SKILLPATH_FORCE_TTY": "1"])
    }

    /// The daemon's today plus `days`, as the daemon writes dates.
    func date(_ daemon: DaemonProcess, plus days: Int) throws -> String {
        let today = try #require(try daemon.client().result("reports.team", .object([("manager", "e-001")]))["date"]?.stringValue)
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        formatter.timeZone = TimeZone(identifier: "UTC")
        let day = try #require(formatter.date(from: today))
        return formatter.string(from: day.addingTimeInterval(Double(days) * 86_400))
    }

    func assignments(_ daemon: DaemonProcess, of employee: String) throws -> [JSONValue] {
        try daemon.client().result("assignments.list", .object([("employee", .string(employee))]))["assignments"]?.arrayValue ?? []
    }

    @Test func anAssignmentPlannedToFinishAfterItIsDueIsNeverOnTrackAnywhere() throws {
        let daemon = try sampleDaemon()
        let client = try daemon.client()
        // The issue's repro: a second and a third assignment for e-008, sharing one week with the first.
        let second = try cli(daemon, ["assign", "e-008", "data-scientist", "--due", try date(daemon, plus: 299)])
        #expect(second.status == 0, "\(second.stderr)")
        let third = try cli(daemon, ["assign", "e-008", "ml-engineer", "--due", try date(daemon, plus: 390)])
        #expect(third.status == 0, "\(third.stderr)")
        let listed = try assignments(daemon, of: "e-008")
        #expect(listed.count == 3)
        for output in [second, third] {
            let planned = output.stdout.firstMatch(of: /planned to finish (\d{4}-\d\d-\d\d)/).map { String($0.1) }
            let id = output.stdout.firstMatch(of: /assignment (\d+),/).flatMap { Int($0.1) }
            let record = listed.first { $0["id"]?.intValue == id }
            #expect(planned != nil && planned == record?["plannedCompletion"]?.stringValue, "assign says what the list says: \(output.stdout)")
            #expect(output.stdout.contains("warning: assignment \(id ?? 0) ") && output.stdout.contains("after its due date"), "\(output.stdout)")
        }
        // The one rule, in the list: on track only when planned to finish by the due date.
        var verdicts: [String: Int] = [:]
        for record in listed {
            let progress = try #require(record["progress"]?.stringValue)
            verdicts[progress, default: 0] += 1
            if let due = record["dueDate"]?.stringValue, let planned = record["plannedCompletion"]?.stringValue, planned > due {
                #expect(["at-risk", "late", "overdue"].contains(progress), "\(record)")
            }
            if progress == "on-track", let due = record["dueDate"]?.stringValue {
                #expect(try #require(record["plannedCompletion"]?.stringValue) <= due, "\(record)")
            }
        }
        #expect(verdicts["at-risk", default: 0] >= 2, "\(verdicts)")
        // The team report gives each assignment the same date and verdict, and counts the verdicts.
        let team = try client.result("reports.team", .object([("manager", "e-003")]))
        let dana = try #require(team["reports"]?.arrayValue?.first { $0["id"] == "e-008" })
        for record in listed {
            let row = dana["assignments"]?.arrayValue?.first { $0["id"] == record["id"] }
            #expect(row?["progress"] == record["progress"] && row?["plannedCompletion"] == record["plannedCompletion"], "\(String(describing: row)) vs \(record)")
        }
        let everyone = (team["reports"]?.arrayValue ?? []).flatMap { $0["assignments"]?.arrayValue ?? [] }
        #expect(team["summary"]?["atRisk"]?.intValue == everyone.filter { $0["progress"] == "at-risk" }.count)
        #expect(team["summary"]?["onTrack"]?.intValue == everyone.filter { $0["progress"] == "on-track" }.count)
        // The command line and the HTML page show them too.
        let table = try cli(daemon, ["team", "--manager", "e-003"])
        #expect(table.stdout.contains("\(team["summary"]?["atRisk"]?.intValue ?? -1) at risk"), "\(table.stdout)")
        for record in listed {
            let planned = try #require(record["plannedCompletion"]?.stringValue)
            let progress = try #require(record["progress"]?.stringValue)
            #expect(table.stdout.contains(try Regex("\(progress) +\(planned)")), "\(table.stdout)")
        }
        let directory = TemporaryDirectory()
        let page = try cli(daemon, ["report", "--employee", "e-008", "--manager", "e-003", "--out", "\(directory.path)/r.html"])
        #expect(page.status == 0, "\(page.stderr)")
        let html = try String(contentsOfFile: "\(directory.path)/r.html", encoding: .utf8)
        #expect(html.contains("<td class=\"at-risk\">at-risk</td>"))
        for record in listed { #expect(html.contains("<td>\(try #require(record["plannedCompletion"]?.stringValue))</td>")) }
    }

    @Test func assignWarnsWhenItPushesAnotherAssignmentPastItsDueDate() throws {
        let daemon = try sampleDaemon()
        // Sam learns 4 hours a week and has no assignment: the first is due the day his plan ends.
        #expect(try cli(daemon, ["preferences", "--employee", "e-009", "--hours-per-week", "4"]).status == 0)
        let plan = try daemon.client().result("paths.plan", .object([("employee", "e-009"), ("targetRole", "data-engineer-senior")]))
        let finish = try #require(plan["schedule"]?["estimatedCompletion"]?.stringValue)
        let first = try cli(daemon, ["assign", "e-009", "data-engineer-senior", "--due", finish])
        #expect(first.status == 0 && first.stdout.contains("planned to finish \(finish)") && !first.stdout.contains("warning"), "\(first.stdout)\(first.stderr)")
        let firstID = try #require(first.stdout.firstMatch(of: /assignment (\d+),/).map { String($0.1) })
        // One due sooner goes first on his week, and pushes the first past its due date.
        let second = try cli(daemon, ["assign", "e-009", "data-analyst", "--due", try date(daemon, plus: 200)])
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stdout.contains("warning: assignment \(firstID) (data-engineer-senior) is planned to finish ")
                && second.stdout.contains("now that it shares the week with the new one"), "\(second.stdout)")
        let pushed = try assignments(daemon, of: "e-009").first { $0["id"]?.intValue == Int(firstID) }
        #expect(pushed?["progress"] == "at-risk", "\(String(describing: pushed))")
    }

    @Test func aMoveOrAFilledOpeningClosesTheAssignmentsToThatRole() throws {
        let daemon = try sampleDaemon()
        let client = try daemon.client()
        let ada = try #require(try assignments(daemon, of: "e-005").first { $0["targetRole"] == "eng-senior" && $0["status"] == "active" })
        let moved = try cli(daemon, ["moves", "record", "e-005", "eng-senior"])
        #expect(moved.status == 0, "\(moved.stderr)")
        let closed = try #require(try assignments(daemon, of: "e-005").first { $0["id"] == ada["id"] })
        #expect(closed["status"] == "completed" && closed["progress"] == "role-reached" && closed["closedReason"] == "role-reached", "\(closed)")
        #expect(closed["nextCourse"] == .null || closed["nextCourse"] == nil, "a closed assignment has nothing next: \(closed)")
        let audit = try client.result("audit.list", .object([("employee", "e-005"), ("kind", "assignment.close")]))["items"]?.arrayValue ?? []
        #expect(audit.count == 1 && audit.first?["detail"]?["assignment"] == ada["id"], "\(audit)")
        // Nothing to assign to a role the person holds.
        let again = try cli(daemon, ["assign", "e-005", "eng-senior"])
        #expect(again.status == 65 && again.stderr.contains("already holds role 'eng-senior'"), "\(again.stderr)")

        // Filling an opening moves the person, and closes their assignment to its role the same way.
        let opening = try #require(try client.result("opportunities.list")["items"]?.arrayValue?.first { $0["role"] == "data-engineer" })
        let assigned = try client.result("assignments.create", .object([("employee", "e-008"), ("targetRole", "data-engineer")]))
        let openingID: JSONValue = try #require(opening["id"]?.intValue.map(JSONValue.int))
        _ = try client.result("opportunities.close", .object([("id", openingID), ("filledBy", "e-008")]))
        let filled = try #require(try assignments(daemon, of: "e-008").first { $0["id"] == assigned["id"] })
        #expect(filled["progress"] == "role-reached", "\(filled)")
    }

    @Test func bulkAssignSkipsWhoHoldsOrHasTheRoleAndSucceedsWithASummary() throws {
        let daemon = try sampleDaemon()
        // Alan's team: Linus holds eng-senior, Ada has it assigned, Ken and Margaret need it.
        let bulk = try cli(daemon, ["assign", "--team", "eng-senior", "--manager", "e-002", "--due", try date(daemon, plus: 500)])
        #expect(bulk.status == 0, "a partial success is a success with a summary: \(bulk.stderr)")
        #expect(bulk.stdout.contains("Skipped e-004: already holds eng-senior"), "\(bulk.stdout)")
        #expect(bulk.stdout.contains("Skipped e-005: already assigned eng-senior (assignment "), "\(bulk.stdout)")
        #expect(bulk.stdout.contains("Assigned eng-senior to e-006") && bulk.stdout.contains("Assigned eng-senior to e-007"), "\(bulk.stdout)")
        #expect(bulk.stdout.contains("2 assigned, 2 skipped, 0 not assigned."), "\(bulk.stdout)")
        // Again: nobody needs it any more, which is not a failure either.
        let rerun = try cli(daemon, ["assign", "--team", "eng-senior", "--manager", "e-002"])
        #expect(rerun.status == 0 && rerun.stdout.contains("0 assigned, 4 skipped, 0 not assigned."), "\(rerun.stdout)")
    }

    @Test func anOpeningsHiringManagerIsNeverItsCandidate() throws {
        let daemon = try sampleDaemon()
        let client = try daemon.client()
        let opening = try #require(try client.result("opportunities.list")["items"]?.arrayValue?.first { $0["role"] == "eng-senior" })
        let manager = try #require(opening["manager"]?.stringValue)
        let openingID: JSONValue = try #require(opening["id"]?.intValue.map(JSONValue.int))
        let ranked = try client.result("candidates.rank", .object([("opportunity", openingID), ("limit", 50)]))
        let ids = (ranked["candidates"]?.arrayValue ?? []).compactMap { $0["employee"]?.stringValue }
        #expect(ids.count >= 5 && !ids.contains(manager), "\(ids)")
        let shown = try cli(daemon, ["candidates", "--opportunity", "\(try #require(opening["id"]?.intValue))", "--limit", "50"])
        #expect(shown.status == 0 && !shown.stdout.contains(" \(manager) "), "\(shown.stdout)")
        let suggested = try client.result("roles.suggest", .object([("employee", .string(manager)), ("limit", 100)]))["suggestions"]?.arrayValue ?? []
        #expect(!suggested.contains { $0["opportunity"]?["id"] == opening["id"] }, "nobody is offered their own opening")
    }

    @Test func afterAReplanStepsNumberFromOneWithTitlesAndDoneDates() throws {
        let daemon = try sampleDaemon()
        let started = try #require(try assignments(daemon, of: "e-008").first { ($0["percentComplete"]?.doubleValue ?? 0) > 0 })
        let id = try #require(started["id"]?.intValue)
        let replan = try cli(daemon, ["replan", "\(id)", "--apply"])
        #expect(replan.status == 0, "\(replan.stderr)")
        let detail = try daemon.client().result("assignments.get", .object([("id", .int(id))]))
        let steps = detail["steps"]?.arrayValue ?? []
        #expect(steps.map { $0["position"]?.intValue } == Array(1...steps.count).map { $0 }, "\(steps)")
        #expect(steps.allSatisfy { $0["title"]?.stringValue != $0["course"]?.stringValue }, "every step has its title")
        let view = try cli(daemon, ["path", "--employee", "e-008"]).stdout
        let numbers = view.matches(of: #/\n [✓▸·] +(\d+)\. /#).compactMap { Int($0.1) }
        #expect(numbers == Array(1...steps.count), "\(view)")
        let done = try #require(steps.first { $0["completedAt"] != nil && $0["completedAt"] != .null })
        let doneOn = String(try #require(done["completedAt"]?.stringValue).prefix(10))
        #expect(view.contains("✓  1. \(try #require(done["title"]?.stringValue)) (\(try #require(done["course"]?.stringValue))) · ") && view.contains("done \(doneOn)"), "\(view)")
    }

    @Test func routeReasonsPointAtTheirStepsAndSuggestCountsItsRows() throws {
        let daemon = try sampleDaemon()
        let route = try daemon.client().result("roles.route", .object([("employee", "e-006"), ("targetRole", "eng-staff")]))
        let hops = route["hops"]?.arrayValue ?? []
        #expect(hops.count >= 2)
        let steps = hops.flatMap { $0["steps"]?.arrayValue ?? [] }
        let firstHop = hops.first?["steps"]?.arrayValue?.count ?? 0
        var cited = 0
        for (index, step) in steps.enumerated() {
            for match in (step["reason"]?.stringValue ?? "").matches(of: /Prerequisite for step (\d+), "([^"]+)"/) {
                let number = try #require(Int(match.1))
                #expect(number > index + 1 && number <= steps.count, "step \(index + 1) cites step \(number)")
                #expect(steps[number - 1]["title"]?.stringValue == String(match.2), "step \(index + 1) cites step \(number) as \(match.2)")
                if index >= firstHop { cited += 1 }
            }
        }
        #expect(cited > 0, "a later hop cites its own steps")
        let text = try cli(daemon, ["route", "--employee", "e-006", "--target", "eng-staff"]).stdout
        for match in text.matches(of: /Prerequisite for step (\d+), "([^"]+)"/) {
            #expect(text.contains(" \(match.1). \(match.2) ("), "the CLI's step \(match.1) is \(match.2)")
        }

        let suggest = try cli(daemon, ["suggest", "e-008", "--kinds", "promotion,lateral,secondment"]).stdout
        let header = try #require(suggest.firstMatch(of: /· (\d+) roles? and (\d+) openings? shown/))
        let rows = suggest.split(separator: "\n").dropFirst(2)
        #expect(rows.count == (Int(header.1) ?? 0) + (Int(header.2) ?? 0), "\(suggest)")
        #expect(rows.filter { $0.contains("opening ") }.count == Int(header.2), "\(suggest)")
    }

    @Test func aStoredPreferencePrefersAndNeverCutsWhileACallsFilterCuts() throws {
        let daemon = try sampleDaemon()
        let client = try daemon.client()
        // The person running the daemon is e-010 in the sample.
        let set = try cli(daemon, ["preferences", "--format", "video,reading"])
        #expect(set.status == 0, "\(set.stderr)")
        let plan = try client.result("paths.plan", .object([("employee", "e-010"), ("targetRole", "data-engineer")]))
        #expect(plan["unmet"]?.arrayValue?.isEmpty == true, "the catalog closes every gap skill: \(String(describing: plan["unmet"]))")
        let steps = plan["steps"]?.arrayValue ?? []
        #expect(steps.contains { $0["outsidePreferences"]?.stringValue != nil }, "some skills only other formats teach")
        for step in steps {
            let inside = ["video", "reading"].contains(step["format"]?.stringValue ?? "")
            #expect((step["outsidePreferences"]?.stringValue == nil) == inside, "\(step)")
        }
        let text = try cli(daemon, ["path", "--target", "data-engineer"]).stdout
        #expect(!text.contains("Incomplete") && text.contains("is outside the preferences (reading or video course in en)"), "\(text)")
        let filtered = try cli(daemon, ["path", "--target", "data-engineer", "--format", "video,reading"]).stdout
        #expect(filtered.contains("Incomplete: this path closes"), "a call's own filter is hard: \(filtered)")
    }

    @Test func everyViewDatesAtTheSamePaceAndADeadlineNeedsNoPace() throws {
        let daemon = try sampleDaemon()
        let client = try daemon.client()
        #expect(try client.result("employees.get", .object([("id", "e-009")]))["preferences"]?["hoursPerWeek"] == .null)
        let target = "data-engineer-senior"
        let plan = try client.result("paths.plan", .object([("employee", "e-009"), ("targetRole", .string(target))]))
        #expect(plan["schedule"]?["hoursPerWeek"] == .number("4"), "\(String(describing: plan["schedule"]))")
        let finish = try #require(plan["schedule"]?["estimatedCompletion"]?.stringValue)
        let suggested = try client.result("roles.suggest", .object([("employee", "e-009"), ("limit", 60)]))["suggestions"]?.arrayValue ?? []
        #expect(suggested.first { $0["role"] == .string(target) && $0["type"] != "opportunity" }?["readyBy"]?.stringValue == finish)
        let ranked = try client.result("candidates.rank", .object([("role", .string(target)), ("limit", 50)]))["candidates"]?.arrayValue ?? []
        #expect(ranked.first { $0["employee"] == "e-009" }?["readyBy"]?.stringValue == finish)
        let assigned = try client.result("assignments.create", .object([("employee", "e-009"), ("targetRole", .string(target))]))
        #expect(assigned["plannedCompletion"]?.stringValue == finish)
        let directory = TemporaryDirectory()
        let page = try cli(daemon, ["report", "--employee", "e-009", "--target", target, "--out", "\(directory.path)/p.html"])
        #expect(page.status == 0, "\(page.stderr)")
        #expect(try String(contentsOfFile: "\(directory.path)/p.html", encoding: .utf8).contains("Dated at 4 h a week"))

        // A deadline alone dates the path at the stored pace (e-010's is 5), else the default.
        let deadline = try date(daemon, plus: 60)
        let own = try cli(daemon, ["path", "--target", "data-engineer", "--deadline", deadline])
        #expect(own.status == 0 && own.stdout.contains("at 5 h/week (misses the \(deadline) deadline)"), "\(own.stdout)\(own.stderr)")
        let report = try cli(daemon, ["path", "--employee", "e-009", "--target", target, "--deadline", deadline])
        #expect(report.status == 0 && report.stdout.contains("done by \(finish) at 4 h/week"), "\(report.stdout)\(report.stderr)")
    }
}
