import Foundation
import SkillPathJSON
import SkillPathTestSupport
import Testing

/// Every method in `rpc.discover`, called by every kind of caller about employee a1, against the table in
/// docs/access.md.
extension AccessControlTests {
    /// The kinds of caller, each a real Unix user (a service may also act for a1).
    enum CallerKind: CaseIterable, CustomStringConvertible {
        case admin, service, serviceForEmployee, managerInside, managerOutside, employeeSelf, unrelatedEmployee, unknown

        var user: String {
            switch self {
            case .admin: TestUsers.admin
            case .service, .serviceForEmployee: TestUsers.service
            case .managerInside: TestUsers.manager
            case .managerOutside: TestUsers.outsider
            case .employeeSelf: TestUsers.employee
            case .unrelatedEmployee: TestUsers.colleague
            case .unknown: TestUsers.stranger
            }
        }

        var actor: String? { self == .serviceForEmployee ? "a1" : nil }

        /// The table's column for this caller.
        var column: String {
            switch self {
            case .admin: "admin"
            case .service: "service"
            case .serviceForEmployee, .employeeSelf, .unrelatedEmployee: "employee"
            case .managerInside, .managerOutside: "manager"
            case .unknown: "unknown"
            }
        }

        /// Whether the caller is (or acts as) a1, and whether they manage a1.
        var isSubject: Bool { self == .serviceForEmployee || self == .employeeSelf }
        var managesSubject: Bool { self == .managerInside }

        var name: String {
            switch self {
            case .admin: "administrator"
            case .service: "service"
            case .serviceForEmployee: "service acting for a1"
            case .managerInside: "a1's manager"
            case .managerOutside: "manager of another team"
            case .employeeSelf: "a1 themself"
            case .unrelatedEmployee: "a1's colleague"
            case .unknown: "unknown user"
            }
        }

        var description: String { "\(name) (\(user))" }
    }

    /// The call a row makes about a1, by method and variant; nil for a method the test does not know,
    /// which fails the test (a new method needs a row and a request here).
    static func params(_ method: String, _ variant: AccessTable.Variant, organisation: Organisation) -> JSONValue? {
        let subject: JSONValue = "a1"
        switch (method, variant) {
        case ("system.health", _), ("rpc.discover", _), ("catalog.skills", _), ("catalog.courses", _), ("catalog.roles", _), ("catalog.reload", _):
            return .object([])
        case ("catalog.get", _): return .object([("kind", "role"), ("id", "lead")])
        case ("catalog.search", _): return .object([("query", "python")])
        case ("paths.plan", .withProfile): return .object([("profile", .object([("skills", .array([]))])), ("targetRole", "analyst")])
        case ("paths.plan", .withEmployee): return .object([("employee", subject), ("targetRole", "scientist")])
        case ("paths.compare", .withProfile): return .object([("profile", .object([("skills", .array([]))])), ("targetRoles", .array(["analyst", "lead"]))])
        case ("paths.compare", .withEmployee): return .object([("employee", subject), ("targetRoles", .array(["scientist", "lead"]))])
        case ("roles.route", .withProfile): return .object([("profile", .object([("role", "analyst"), ("skills", .array([]))])), ("targetRole", "lead")])
        case ("roles.route", .withEmployee): return .object([("employee", subject), ("targetRole", "lead")])
        case ("employees.upsert", _): return .object([("employees", .array([]))])
        case ("employees.get", _): return .object([("id", subject)])
        case ("employees.list", _): return .object([])
        case ("employees.setSkills", _): return .object([("employee", subject), ("skills", .array([.object([("skill", "sql"), ("level", 1)])]))])
        case ("assignments.create", _): return .object([("employee", subject), ("targetRole", "scientist")])
        case ("assignments.list", _): return .object([("employee", subject)])
        case ("assignments.get", _): return .object([("id", .int(Int64(organisation.assignment)))])
        case ("assignments.cancel", _): return .object([("id", .int(Int64(organisation.cancellable)))])
        case ("assignments.replan", .plain): return .object([("id", .int(Int64(organisation.assignment)))])
        case ("assignments.replan", .withApply): return .object([("id", .int(Int64(organisation.assignment))), ("apply", true)])
        case ("progress.record", _): return .object([("employee", subject), ("course", "py1"), ("status", "started")])
        case ("reports.team", _): return .object([("manager", subject)])
        // a1 holds analyst already, so an allowed call is a conflict and nothing changes.
        case ("moves.record", _): return .object([("employee", subject), ("toRole", "analyst")])
        case ("moves.end", _): return .object([("move", .int(Int64(organisation.secondment))), ("outcome", "return")])
        case ("moves.feedback", _): return .object([("move", .int(Int64(organisation.secondment))), ("rating", 4)])
        case ("moves.list", _): return .object([("employee", subject)])
        case ("projects.list", _): return .object([("employee", subject)])
        // a1's gig is already confirmed: an allowed call is a conflict and nothing changes.
        case ("projects.finish", _): return .object([("id", .int(Int64(organisation.project))), ("outcome", "stopped")])
        case ("opportunities.create", _): return .object([("role", "lead"), ("manager", "m")])
        case ("opportunities.list", _): return .object([])
        case ("opportunities.close", _): return .object([("id", .int(Int64(organisation.opportunity))), ("external", true)])
        case ("roles.suggest", _): return .object([("employee", subject), ("limit", 3)])
        case ("candidates.rank", _): return .object([("role", "lead"), ("manager", "m")])
        case ("reports.mobility", _): return .object([("from", "2025-01-01"), ("to", "2025-12-31"), ("manager", "m")])
        case ("audit.list", _): return .object([("limit", 1)])
        case ("reports.skills", _): return .object([("manager", "m")])
        case ("employees.setPreferences", _): return .object([("employee", subject), ("hoursPerWeek", 3)])
        case ("employees.setAspirations", _): return .object([("employee", subject), ("roles", .array(["lead"]))])
        case ("employees.aspirations", _): return .object([("employee", subject)])
        case ("reports.aspirations", _): return .object([("manager", "m")])
        case ("reports.succession", _): return .object([("manager", "m"), ("roles", .strings(["lead"]))])
        case ("reports.spend", _): return .object([("manager", "m")])
        case ("events.list", _): return .object([("employee", subject)])
        // A filter nothing in this organisation matches (the catalog's events concern nobody): no notification
        // may follow the reply on the probe's connection, which reads one reply per request.
        case ("events.subscribe", _): return .object([("types", .strings(["catalog.reloaded"])), ("employee", subject)])
        case ("roles.critical", _): return .object([])
        case ("roles.setCritical", _): return .object([("role", "lead"), ("critical", true)])
        case ("opportunities.apply", _): return .object([("employee", subject), ("opportunity", .int(Int64(organisation.opening)))])
        case ("applications.list", _): return .object([("employee", subject)])
        case ("applications.withdraw", _): return .object([("id", .int(Int64(organisation.application)))])
        case ("mentors.offer", _): return .object([("employee", subject), ("capacity", 1)])
        case ("mentors.find", _): return .object([("employee", subject), ("skill", "python")])
        case ("mentoring.list", _): return .object([("employee", subject)])
        case ("mentoring.start", _): return .object([("mentor", "o1"), ("learner", subject), ("skill", "sql")])
        case ("mentoring.end", _): return .object([("id", .int(Int64(organisation.mentoring)))])
        case ("applications.move", _): return .object([("id", .int(Int64(organisation.application))), ("to", "declined")])
        case ("progress.xapi", _): return .object([("statements", .array([.object([("id", "access-check")])]))])
        default: return nil
        }
    }

    /// Whether a reply shows the call was allowed: a result (for `employees.list`, one that lists a1), or an
    /// error that only comes after the access check (a conflict). Refusals are `forbidden`, or `not-found`
    /// for an assignment or a move the caller may not see. Anything else is reported as unexpected.
    static func allowed(_ reply: JSONValue, method: String) -> Bool? {
        if let result = reply["result"] {
            switch method {
            case "employees.list": return result["items"]?.arrayValue?.contains { $0["id"] == "a1" } ?? false
            // A list anyone known may ask for: allowed when it shows a1's application.
            case "applications.list": return result["applications"]?.arrayValue?.contains { $0["employee"] == "a1" } ?? false
            // The log anyone known may read: allowed when it shows a1's events.
            case "events.list": return result["events"]?.arrayValue?.contains { $0["employee"] == "a1" } ?? false
            default: return true
            }
        }
        switch reply["error"]?["code"]?.intValue {
        case -32001: return false
        case -32007 where reply["error"]?["message"]?.stringValue?.hasSuffix("that you may see") == true: return false
        case -32008: return true
        default: return nil
        }
    }

    @Test func everyMethodAndKindOfCallerMatchesTheTableInDocs() throws {
        let organisation = try Self.organisation.get()
        let table = try AccessTable(file: "\(ProcessRunner.packageRoot)/docs/access.md")
        let discovered = try organisation.daemon.client().result("rpc.discover")["methods"]?.arrayValue?.compactMap { $0["name"]?.stringValue } ?? []
        #expect(discovered.count == 56, "rpc.discover lists \(discovered.count) methods")
        let documented = Set(table.rows.flatMap(\.methods))
        for method in discovered {
            #expect(documented.contains(method), "\(method) is in rpc.discover but has no row in docs/access.md")
        }
        var requests: [(row: AccessTable.Row, method: String, params: JSONValue)] = []
        for row in table.rows {
            for method in row.methods {
                #expect(discovered.contains(method), "docs/access.md row '\(row.label)' names \(method), which rpc.discover does not list")
                guard let params = Self.params(method, row.variant, organisation: organisation) else {
                    Issue.record("no request for \(method) (\(row.variant)) in this test: add one for docs/access.md row '\(row.label)'")
                    continue
                }
                requests.append((row, method, params))
            }
        }
        var checked = 0
        for caller in CallerKind.allCases {
            let lines = requests.enumerated().map { index, request in
                var params = request.params
                if let actor = caller.actor, var object = params.objectValue {
                    object["actor"] = .string(actor)
                    params = .object(object)
                }
                return JSONWriter.string(.object([("jsonrpc", "2.0"), ("id", .int(Int64(index))), ("method", .string(request.method)), ("params", params)]))
            }
            let run = try TestUsers.run(caller.user, "skillpath-probe", ["calls", organisation.daemon.socketPath, "-"], stdin: lines.joined(separator: "\n") + "\n")
            let replies = run.stdout.split(separator: "\n").map { try? JSONParser.parse(String($0)) }
            #expect(replies.count == requests.count, "\(caller): \(replies.count) replies to \(requests.count) requests; \(run.stderr)")
            for (request, reply) in zip(requests, replies) {
                guard let cell = request.row.cells[caller.column] else {
                    Issue.record("docs/access.md has no '\(caller.column)' column")
                    return
                }
                let expected = AccessTable.allows(cell, isSubject: caller.isSubject, manages: caller.managesSubject)
                guard let reply, let observed = Self.allowed(reply, method: request.method) else {
                    Issue.record("\(caller) \(request.method): unexpected reply \(reply.map { JSONWriter.string($0) } ?? "(not JSON)")")
                    continue
                }
                #expect(observed == expected, "\(caller) \(request.method) \(JSONWriter.string(request.params)): docs/access.md says '\(cell)' (\(expected ? "allowed" : "refused")), the daemon \(observed ? "allowed it" : "refused")")
                checked += 1
            }
        }
        #expect(checked == requests.count * CallerKind.allCases.count)
    }
}
