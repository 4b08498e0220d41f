import Foundation
import Glibc
import SkillPathJSON
import SkillPathTestSupport
import Testing

/// docs/access.md, row by row: the real daemon, and the real CLI run as different Unix users.
///
/// Needs root to create the users and to switch to them: elsewhere the suite is reported as skipped, and
/// where it runs (CI runs as root) a failing set-up fails every test instead of passing them silently.
@Suite(.serialized, .enabled(if: TestUsers.canCreate, "needs root to create Unix users and switch to them"))
struct AccessControlTests {
    struct Organisation {
        let daemon: DaemonProcess
        /// a1's assignment to `lead`, read and replanned by the tests.
        let assignment: Int
        /// a1's assignment to `scientist`, cancelled by the tests.
        let cancellable: Int
        /// a1's secondment (already over: ending it again is a conflict, so the table test changes nothing).
        let secondment: Int
        /// An opening in m's team, filled from outside by the first caller allowed to.
        let opportunity: Int
        /// Another opening in m's team, for applications.
        let opening: Int
        /// a1's application to `opening` (m is its hiring side and a1's manager).
        let application: Int
        /// o1 (a mentor outside a1's line) mentoring a1 in Python.
        let mentoring: Int
        /// a1's project gig in m's project, already confirmed.
        let project: Int
    }

    /// The organisation: l leads m (sp-manager) and o (sp-outsider); m manages a1 (sp-employee) and a2
    /// (sp-colleague); o manages o1.
    static let organisation: Result<Organisation, any Error> = Result {
        try TestUsers.ensure()
        let config = TemporaryDirectory()
        config.write(["access.conf": "socket_mode = 0666\nadmins = @\(TestUsers.adminGroup)\nservices = \(TestUsers.service)\n"])
        let daemon = try DaemonProcess(arguments: ["--config", "\(config.path)/access.conf"])
        daemon.stopAtExit()
        let client = try daemon.client()
        _ = try client.result("employees.upsert", .object([("employees", .array([
            .object([("id", "l"), ("name", "Lead"), ("role", "lead")]),
            .object([("id", "m"), ("name", "Manager"), ("login", .string(TestUsers.manager)), ("role", "scientist"), ("manager", "l")]),
            .object([("id", "o"), ("name", "Outsider"), ("login", .string(TestUsers.outsider)), ("role", "scientist"), ("manager", "l")]),
            .object([("id", "a1"), ("name", "Employee"), ("login", .string(TestUsers.employee)), ("role", "analyst"), ("manager", "m")]),
            .object([("id", "a2"), ("name", "Colleague"), ("login", .string(TestUsers.colleague)), ("role", "analyst"), ("manager", "m")]),
            .object([("id", "o1"), ("name", "Other"), ("role", "analyst"), ("manager", "o"), ("skills", .array([.object([("skill", "python"), ("level", 3)])]))]),
        ]))]))
        func assign(_ role: String) throws -> Int {
            let created = try client.result("assignments.create", .object([("employee", "a1"), ("targetRole", .string(role))]))
            guard let id = created["id"]?.intValue else { throw RPCClient.ClientError("assignments.create returned no id: \(created)") }
            return id
        }
        let secondment = try client.result("moves.record", .object([
            ("employee", "a1"), ("toRole", "ml-engineer"), ("kind", "secondment"), ("date", "2025-01-06"), ("endDate", "2025-02-03"),
        ]))
        let opportunity = try client.result("opportunities.create", .object([("role", "scientist"), ("manager", "m")]))
        guard let secondmentID = secondment["id"]?.intValue, let opportunityID = opportunity["id"]?.intValue else {
            throw RPCClient.ClientError("no id for the secondment or the opportunity: \(secondment) \(opportunity)")
        }
        let opening = try client.result("opportunities.create", .object([("role", "scientist"), ("manager", "m")]))
        let application = try client.result("opportunities.apply", .object([("employee", "a1"), ("opportunity", opening["id"] ?? .null)]))
        _ = try client.result("mentors.offer", .object([("employee", "o1"), ("capacity", 20)]))
        let mentoring = try client.result("mentoring.start", .object([("mentor", "o1"), ("learner", "a1"), ("skill", "python")]))
        let gig = try client.result("opportunities.create", .object([
            ("role", "analyst"), ("manager", "m"), ("kind", "project"), ("hoursPerWeek", 2), ("durationWeeks", 4),
            ("develops", .array([.object([("skill", "sql"), ("level", 1)])])),
        ]))
        let taken = try client.result("opportunities.close", .object([("id", gig["id"] ?? .null), ("filledBy", "a1")]))
        _ = try client.result("projects.finish", .object([("id", taken["project"]?["id"] ?? .null), ("outcome", "completed")]))
        guard let openingID = opening["id"]?.intValue, let applicationID = application["id"]?.intValue, let mentoringID = mentoring["id"]?.intValue,
              let projectID = taken["project"]?["id"]?.intValue else {
            throw RPCClient.ClientError("no id for the opening, the application or the project: \(opening) \(application) \(taken)")
        }
        return Organisation(
            daemon: daemon, assignment: try assign("lead"), cancellable: try assign("scientist"), secondment: secondmentID, opportunity: opportunityID,
            opening: openingID, application: applicationID, mentoring: mentoringID, project: projectID)
    }

    /// Runs `skillpath rpc` as `user`; returns the exit status and the result (or the error line).
    func call(_ user: String, _ method: String, _ params: String = "{}") throws -> (status: Int32, output: String) {
        let organisation = try Self.organisation.get()
        let result = try TestUsers.run(user, "skillpath", ["--socket", organisation.daemon.socketPath, "rpc", method, params])
        return (result.status, result.status == 0 ? result.stdout : result.stderr)
    }

    func expect(_ user: String, _ method: String, _ params: String = "{}", allowed: Bool, containing text: String? = nil,
                sourceLocation: SourceLocation = #_sourceLocation) throws {
        let outcome = try call(user, method, params)
        if allowed {
            #expect(outcome.status == 0, "\(user) \(method) \(params) should be allowed: \(outcome.output)", sourceLocation: sourceLocation)
        } else {
            #expect(outcome.status == 77, "\(user) \(method) \(params) should be forbidden: \(outcome.status) \(outcome.output)", sourceLocation: sourceLocation)
            #expect(outcome.output.hasPrefix("Error: forbidden: "), sourceLocation: sourceLocation)
        }
        if let text { #expect(outcome.output.contains(text), "\(outcome.output)", sourceLocation: sourceLocation) }
    }

    @Test func healthAndDiscoveryAreForEveryone() throws {
        for user in TestUsers.all {
            try expect(user, "system.health", allowed: true)
            try expect(user, "rpc.discover", allowed: true)
        }
    }

    @Test func unknownCallersAreRefusedEverythingElse() throws {
        try expect("sp-stranger", "catalog.search", #"{"query": "python"}"#, allowed: false, containing: "is not an employee, a service or an administrator")
        try expect("sp-stranger", "paths.plan", #"{"profile": {}, "targetRole": "analyst"}"#, allowed: false)
        try expect("sp-stranger", "employees.list", allowed: false)
        try expect("sp-stranger", "reports.team", #"{"manager": "m"}"#, allowed: false)
    }

    /// An employee cannot tell someone else's assignment from one that does not exist: access is checked
    /// before existence, and both get the same not-found answer.
    @Test func assignmentIdsCannotBeProbed() throws {
        let organisation = try Self.organisation.get()
        let missing = 999_999
        var lines: [String] = []
        for method in ["assignments.get", "assignments.replan", "assignments.cancel"] {
            for id in [organisation.assignment, missing] {
                lines.append(#"{"jsonrpc":"2.0","id":"probe","method":"\#(method)","params":{"id":\#(id)}}"#)
            }
        }
        let run = try TestUsers.run(TestUsers.colleague, "skillpath-probe", ["calls", organisation.daemon.socketPath, "-"], stdin: lines.joined(separator: "\n") + "\n")
        let replies = run.stdout.split(separator: "\n").map(String.init)
        #expect(replies.count == 6, "\(run.stdout)\(run.stderr)")
        /// The reply with the asked id written as N, so that two replies can be compared whole.
        func masked(_ reply: String, _ id: Int) -> String {
            reply.replacingOccurrences(of: "assignment \(id) ", with: "assignment N ").replacingOccurrences(of: #""id":\#(id)}"#, with: #""id":N}"#)
        }
        for pair in stride(from: 0, to: replies.count - 1, by: 2) {
            let someoneElses = masked(replies[pair], organisation.assignment)
            let nonexistent = masked(replies[pair + 1], missing)
            #expect(someoneElses == nonexistent, "\(lines[pair])")
            #expect(someoneElses.contains("-32007") && someoneElses.contains("no assignment N that you may see"), "\(someoneElses)")
        }
    }

    /// Who may call is checked before the parameters, so a caller without rights learns nothing from
    /// validation messages.
    @Test func callersWithoutRightsAreRefusedBeforeTheirParametersAreRead() throws {
        try expect("sp-stranger", "employees.get", #"{"id": 5}"#, allowed: false, containing: "is not an employee, a service or an administrator")
        try expect("sp-employee", "catalog.reload", #"{"unexpected": true}"#, allowed: false, containing: "administrators only")
    }

    @Test func catalogReadsAndPlanningForAnyKnownCaller() throws {
        for user in ["sp-employee", "sp-manager", "sp-service", "sp-admin"] {
            try expect(user, "catalog.search", #"{"query": "python"}"#, allowed: true)
            try expect(user, "catalog.get", #"{"kind": "role", "id": "lead"}"#, allowed: true)
            try expect(user, "paths.plan", #"{"profile": {"skills": []}, "targetRole": "analyst"}"#, allowed: true)
        }
    }

    @Test func administrationIsForAdministrators() throws {
        for user in ["sp-employee", "sp-manager", "sp-service"] {
            try expect(user, "catalog.reload", allowed: false, containing: "administrators only")
            try expect(user, "employees.upsert", #"{"employees": []}"#, allowed: false)
        }
        try expect("sp-admin", "catalog.reload", allowed: true)
        try expect("sp-admin", "employees.upsert", #"{"employees": []}"#, allowed: true)
    }

    @Test func employeesSeeThemselvesManagersTheirSubtree() throws {
        try expect("sp-employee", "employees.get", allowed: true, containing: #""id": "a1""#)
        try expect("sp-employee", "employees.get", #"{"id": "a2"}"#, allowed: false, containing: "only the employee, their managers")
        try expect("sp-employee", "employees.get", #"{"id": "nobody"}"#, allowed: false)
        try expect("sp-manager", "employees.get", #"{"id": "a2"}"#, allowed: true)
        try expect("sp-manager", "employees.get", #"{"id": "l"}"#, allowed: false)
        try expect("sp-service", "employees.get", #"{"id": "a2"}"#, allowed: true)
        try expect("sp-admin", "employees.get", #"{"id": "l"}"#, allowed: true)
        #expect(try call("sp-employee", "employees.list").output.contains(#""total": 1"#))
        #expect(try call("sp-manager", "employees.list").output.contains(#""total": 3"#))
        #expect(try call("sp-service", "employees.list").output.contains(#""total": 6"#))
        try expect("sp-employee", "paths.plan", #"{"targetRole": "scientist"}"#, allowed: true)
        try expect("sp-employee", "paths.plan", #"{"employee": "a2", "targetRole": "scientist"}"#, allowed: false)
        try expect("sp-manager", "paths.plan", #"{"employee": "a2", "targetRole": "scientist"}"#, allowed: true)
    }

    @Test func skillsAreSetByTheEmployeeTheirManagersAndAdministrators() throws {
        let skills = #"{"employee": "a1", "skills": [{"skill": "sql", "level": 1}]}"#
        try expect("sp-employee", "employees.setSkills", skills, allowed: true, containing: #""source": "self""#)
        try expect("sp-manager", "employees.setSkills", skills.replacingOccurrences(of: "1}", with: "2}"), allowed: true, containing: #""source": "manager""#)
        try expect("sp-service", "employees.setSkills", skills, allowed: false)
        try expect("sp-admin", "employees.setSkills", skills.replacingOccurrences(of: "1}", with: "3}"), allowed: true, containing: #""source": "assessment""#)
        try expect("sp-employee", "employees.setSkills", #"{"employee": "a2", "skills": []}"#, allowed: false)
        try expect("sp-employee", "employees.setSkills", skills.replacingOccurrences(of: "}]}", with: "}], \"source\": \"assessment\"}"), allowed: false, containing: "only administrators choose the source")
    }

    @Test func onlyManagersAndAdministratorsAssignCancelAndApplyReplans() throws {
        let id = try Self.organisation.get().assignment
        try expect("sp-employee", "assignments.create", #"{"employee": "a1", "targetRole": "scientist"}"#, allowed: false, containing: "only a manager of employee 'a1'")
        try expect("sp-service", "assignments.create", #"{"employee": "a2", "targetRole": "scientist"}"#, allowed: false)
        try expect("sp-manager", "assignments.create", #"{"employee": "a2", "targetRole": "scientist"}"#, allowed: true)
        try expect("sp-manager", "assignments.create", #"{"employee": "l", "targetRole": "scientist"}"#, allowed: false)
        for user in ["sp-employee", "sp-manager", "sp-service", "sp-admin"] {
            try expect(user, "assignments.get", "{\"id\": \(id)}", allowed: true)
            try expect(user, "assignments.list", #"{"employee": "a1"}"#, allowed: true)
            try expect(user, "assignments.replan", "{\"id\": \(id)}", allowed: true)
        }
        try expect("sp-employee", "assignments.list", #"{"employee": "a2"}"#, allowed: false)
        try expect("sp-employee", "assignments.replan", "{\"id\": \(id), \"apply\": true}", allowed: false)
        try expect("sp-employee", "assignments.cancel", "{\"id\": \(id)}", allowed: false)
        try expect("sp-service", "assignments.cancel", "{\"id\": \(id)}", allowed: false)
        try expect("sp-manager", "assignments.replan", "{\"id\": \(id), \"apply\": true}", allowed: true)
        let other = try Self.organisation.get().cancellable
        try expect("sp-manager", "assignments.cancel", "{\"id\": \(other)}", allowed: true)
    }

    @Test func progressIsRecordedByTheEmployeeServicesAndAdministrators() throws {
        let event = #"{"employee": "a1", "course": "py1", "status": "started"}"#
        try expect("sp-employee", "progress.record", event, allowed: true)
        try expect("sp-service", "progress.record", event, allowed: true)
        try expect("sp-admin", "progress.record", event, allowed: true)
        try expect("sp-manager", "progress.record", event, allowed: false, containing: "employees record only their own progress")
        try expect("sp-employee", "progress.record", event.replacingOccurrences(of: "a1", with: "a2"), allowed: false)
    }

    @Test func teamReportsFollowTheHierarchy() throws {
        try expect("sp-manager", "reports.team", allowed: true, containing: #""people": 2"#)
        try expect("sp-employee", "reports.team", allowed: true, containing: #""people": 0"#)
        try expect("sp-employee", "reports.team", #"{"manager": "m"}"#, allowed: false, containing: "own subtree")
        try expect("sp-service", "reports.team", #"{"manager": "m"}"#, allowed: true)
        try expect("sp-admin", "reports.team", #"{"manager": "l", "subtree": true}"#, allowed: true, containing: #""people": 5"#)
    }

    @Test func servicesActForEmployeesAndAreJudgedAsThem() throws {
        try expect("sp-service", "employees.get", #"{"id": "a1", "actor": "a1"}"#, allowed: true)
        try expect("sp-service", "employees.get", #"{"id": "a2", "actor": "a1"}"#, allowed: false, containing: "only the employee, their managers")
        try expect("sp-service", "paths.plan", #"{"targetRole": "scientist", "actor": "a1"}"#, allowed: true)
        try expect("sp-employee", "employees.get", #"{"actor": "a2"}"#, allowed: false, containing: "only services may act on behalf of an employee")
        let unknownActor = try call("sp-service", "employees.get", #"{"actor": "ghost"}"#)
        #expect(unknownActor.status == 3)
    }
}
