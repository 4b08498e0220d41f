import Foundation
import Glibc
import SkillPathJSON
import SkillPathTestSupport
import Testing

/// docs/access.md, row by row: the real daemon, and the real CLI run as different Unix users.
///
/// Needs root to create the users and to switch to them; skips with a message otherwise.
@Suite(.serialized) struct AccessControlTests {
    static let users = ["sp-employee", "sp-manager", "sp-service", "sp-admin", "sp-stranger"]

    /// Creates the test users (once per machine) and a daemon with an organisation that maps two of them.
    static let setUp: (daemon: DaemonProcess, assignment: JSONValue)? = {
        guard getuid() == 0 else { return nil }
        func run(_ command: String, _ arguments: [String]) { _ = try? ProcessRunner.run(command, arguments) }
        if (try? ProcessRunner.run("/usr/bin/getent", ["group", "sp-admins"]))?.status != 0 { run("/usr/sbin/groupadd", ["sp-admins"]) }
        for user in users where (try? ProcessRunner.run("/usr/bin/id", [user]))?.status != 0 {
            run("/usr/sbin/useradd", ["--no-create-home", "--shell", "/usr/sbin/nologin"] + (user == "sp-admin" ? ["-G", "sp-admins"] : []) + [user])
        }
        let config = TemporaryDirectory()
        config.write(["access.conf": "socket_mode = 0666\nadmins = @sp-admins\nservices = sp-service\n"])
        guard let daemon = try? DaemonProcess(arguments: ["--config", "\(config.path)/access.conf"]),
              let client = try? daemon.client() else { return nil }
        daemon.stopAtExit()
        _ = config
        _ = try? client.result("employees.upsert", .object([("employees", .array([
            .object([("id", "l"), ("name", "Lead"), ("role", "lead")]),
            .object([("id", "m"), ("name", "Manager"), ("login", "sp-manager"), ("role", "scientist"), ("manager", "l")]),
            .object([("id", "a1"), ("name", "Employee"), ("login", "sp-employee"), ("role", "analyst"), ("manager", "m")]),
            .object([("id", "a2"), ("name", "Colleague"), ("role", "analyst"), ("manager", "m")]),
        ]))]))
        guard let assignment = try? client.result("assignments.create", .object([("employee", "a1"), ("targetRole", "lead")])) else { return nil }
        return (daemon, assignment)
    }()

    /// Runs `skillpath rpc` as `user`; returns the exit status and the result (or the error line).
    func call(_ user: String, _ method: String, _ params: String = "{}") throws -> (status: Int32, output: String) {
        guard let setUp = Self.setUp else { return (-1, "") }
        let result = try ProcessRunner.run("/usr/sbin/runuser", [
            "-u", user, "--", ProcessRunner.executable("skillpath"), "--socket", setUp.daemon.socketPath, "rpc", method, params,
        ])
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

    @Test func theTestUsersExist() throws {
        guard Self.setUp != nil else {
            print("AccessControlTests skipped: they need root to create Unix users and switch to them")
            return
        }
        for user in Self.users { #expect(try ProcessRunner.run("/usr/bin/id", [user]).status == 0) }
    }

    @Test func healthAndDiscoveryAreForEveryone() throws {
        guard Self.setUp != nil else { return }
        for user in Self.users {
            try expect(user, "system.health", allowed: true)
            try expect(user, "rpc.discover", allowed: true)
        }
    }

    @Test func unknownCallersAreRefusedEverythingElse() throws {
        guard Self.setUp != nil else { return }
        try expect("sp-stranger", "catalog.search", #"{"query": "python"}"#, allowed: false, containing: "is not an employee, a service or an administrator")
        try expect("sp-stranger", "paths.plan", #"{"profile": {}, "targetRole": "analyst"}"#, allowed: false)
        try expect("sp-stranger", "employees.list", allowed: false)
        try expect("sp-stranger", "reports.team", #"{"manager": "m"}"#, allowed: false)
    }

    @Test func catalogReadsAndPlanningForAnyKnownCaller() throws {
        guard Self.setUp != nil else { return }
        for user in ["sp-employee", "sp-manager", "sp-service", "sp-admin"] {
            try expect(user, "catalog.search", #"{"query": "python"}"#, allowed: true)
            try expect(user, "catalog.get", #"{"kind": "role", "id": "lead"}"#, allowed: true)
            try expect(user, "paths.plan", #"{"profile": {"skills": []}, "targetRole": "analyst"}"#, allowed: true)
        }
    }

    @Test func administrationIsForAdministrators() throws {
        guard Self.setUp != nil else { return }
        for user in ["sp-employee", "sp-manager", "sp-service"] {
            try expect(user, "catalog.reload", allowed: false, containing: "administrators only")
            try expect(user, "employees.upsert", #"{"employees": []}"#, allowed: false)
        }
        try expect("sp-admin", "catalog.reload", allowed: true)
        try expect("sp-admin", "employees.upsert", #"{"employees": []}"#, allowed: true)
    }

    @Test func employeesSeeThemselvesManagersTheirSubtree() throws {
        guard Self.setUp != nil else { return }
        try expect("sp-employee", "employees.get", allowed: true, containing: #""id": "a1""#)
        try expect("sp-employee", "employees.get", #"{"id": "a2"}"#, allowed: false, containing: "only the employee, their managers")
        try expect("sp-employee", "employees.get", #"{"id": "nobody"}"#, allowed: false)
        try expect("sp-manager", "employees.get", #"{"id": "a2"}"#, allowed: true)
        try expect("sp-manager", "employees.get", #"{"id": "l"}"#, allowed: false)
        try expect("sp-service", "employees.get", #"{"id": "a2"}"#, allowed: true)
        try expect("sp-admin", "employees.get", #"{"id": "l"}"#, allowed: true)
        #expect(try call("sp-employee", "employees.list").output.contains(#""total": 1"#))
        #expect(try call("sp-manager", "employees.list").output.contains(#""total": 3"#))
        #expect(try call("sp-service", "employees.list").output.contains(#""total": 4"#))
        try expect("sp-employee", "paths.plan", #"{"targetRole": "scientist"}"#, allowed: true)
        try expect("sp-employee", "paths.plan", #"{"employee": "a2", "targetRole": "scientist"}"#, allowed: false)
        try expect("sp-manager", "paths.plan", #"{"employee": "a2", "targetRole": "scientist"}"#, allowed: true)
    }

    @Test func skillsAreSetByTheEmployeeTheirManagersAndAdministrators() throws {
        guard Self.setUp != nil else { return }
        let skills = #"{"employee": "a1", "skills": [{"skill": "sql", "level": 1}]}"#
        try expect("sp-employee", "employees.setSkills", skills, allowed: true, containing: #""source": "self""#)
        try expect("sp-manager", "employees.setSkills", skills.replacingOccurrences(of: "1}", with: "2}"), allowed: true, containing: #""source": "manager""#)
        try expect("sp-service", "employees.setSkills", skills, allowed: false)
        try expect("sp-admin", "employees.setSkills", skills.replacingOccurrences(of: "1}", with: "3}"), allowed: true, containing: #""source": "assessment""#)
        try expect("sp-employee", "employees.setSkills", #"{"employee": "a2", "skills": []}"#, allowed: false)
        try expect("sp-employee", "employees.setSkills", skills.replacingOccurrences(of: "}]}", with: "}], \"source\": \"assessment\"}"), allowed: false, containing: "only administrators choose the source")
    }

    @Test func onlyManagersAndAdministratorsAssignCancelAndApplyReplans() throws {
        guard let setUp = Self.setUp else { return }
        let id = JSONWriter.string(setUp.assignment["id"]!)
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
    }

    @Test func progressIsRecordedByTheEmployeeServicesAndAdministrators() throws {
        guard Self.setUp != nil else { return }
        let event = #"{"employee": "a1", "course": "py1", "status": "started"}"#
        try expect("sp-employee", "progress.record", event, allowed: true)
        try expect("sp-service", "progress.record", event, allowed: true)
        try expect("sp-admin", "progress.record", event, allowed: true)
        try expect("sp-manager", "progress.record", event, allowed: false, containing: "employees record only their own progress")
        try expect("sp-employee", "progress.record", event.replacingOccurrences(of: "a1", with: "a2"), allowed: false)
    }

    @Test func teamReportsFollowTheHierarchy() throws {
        guard Self.setUp != nil else { return }
        try expect("sp-manager", "reports.team", allowed: true, containing: #""people": 2"#)
        try expect("sp-employee", "reports.team", allowed: true, containing: #""people": 0"#)
        try expect("sp-employee", "reports.team", #"{"manager": "m"}"#, allowed: false, containing: "own subtree")
        try expect("sp-service", "reports.team", #"{"manager": "m"}"#, allowed: true)
        try expect("sp-admin", "reports.team", #"{"manager": "l", "subtree": true}"#, allowed: true, containing: #""people": 3"#)
    }

    @Test func servicesActForEmployeesAndAreJudgedAsThem() throws {
        guard Self.setUp != nil else { return }
        try expect("sp-service", "employees.get", #"{"id": "a1", "actor": "a1"}"#, allowed: true)
        try expect("sp-service", "employees.get", #"{"id": "a2", "actor": "a1"}"#, allowed: false, containing: "only the employee, their managers")
        try expect("sp-service", "paths.plan", #"{"targetRole": "scientist", "actor": "a1"}"#, allowed: true)
        try expect("sp-employee", "employees.get", #"{"actor": "a2"}"#, allowed: false, containing: "only services may act on behalf of an employee")
        let unknownActor = try call("sp-service", "employees.get", #"{"actor": "ghost"}"#)
        #expect(unknownActor.status == 3)
    }
}
