import Foundation
import SkillPathJSON
import SkillPathTestSupport
import Testing

/// Every command against the exit-code table in docs/cli.md: each command is driven into each failure it
/// can meet, with the real CLI and, where it talks to one, a real daemon.
@Suite(.serialized) struct ExitCodeTests {
    let daemon: DaemonProcess

    init() throws {
        daemon = try DaemonProcess()
        _ = try daemon.client().result("employees.upsert", StoreTeam.rows)
    }

    func skillpath(_ arguments: [String], socket: String? = nil) throws -> ProcessOutput {
        try ProcessRunner.run("skillpath", arguments, environment: ["SKILLPATH_SOCKET": socket ?? daemon.socketPath])
    }

    /// A well-formed command line for every command that talks to the daemon (so that what fails is the
    /// daemon, not the arguments), and the offline ones, which never do.
    static let online: [String: [String]] = [
        "path": ["path", "--target", "scientist"], "compare": ["compare", "scientist"], "route": ["route", "--target", "lead"],
        "progress": ["progress", "py1", "--completed"], "assign": ["assign", "a1", "scientist"], "assignments": ["assignments"],
        "team": ["team"], "replan": ["replan", "1"], "employees": ["employees"], "suggest": ["suggest"],
        "candidates": ["candidates", "scientist"], "moves": ["moves"], "moves record": ["moves", "record", "a1", "scientist"],
        "moves end": ["moves", "end", "1", "--return"], "moves feedback": ["moves", "feedback", "1", "--rating", "3"], "opportunities": ["opportunities"], "opportunities open": ["opportunities", "open", "scientist"],
        "opportunities close": ["opportunities", "close", "1", "--external"], "report mobility": ["report", "mobility"],
        "report skills": ["report", "skills"], "report": ["report", "--out", "/dev/null"],
        "catalog search": ["catalog", "search", "python"], "catalog show": ["catalog", "show", "py1"], "skills": ["skills"], "skills set": ["skills", "set", "python=2"], "import": ["import", "employees", "FILE"], "import xapi": ["import", "xapi", "FILE"],
        "reload": ["reload"], "health": ["health"], "rpc": ["rpc", "system.health"], "audit": ["audit"], "preferences": ["preferences", "--employee", "a1"],
        "aspirations": ["aspirations", "--employee", "a1"], "aspirations set": ["aspirations", "set", "--employee", "a1", "--role", "lead"],
        "report aspirations": ["report", "aspirations"], "report succession": ["report", "succession", "--role", "lead"], "report spend": ["report", "spend", "--manager", "m"], "events": ["events", "--employee", "a1"], "apply": ["apply", "1"], "applications": ["applications"],
        "applications move": ["applications", "move", "1", "shortlisted"], "applications withdraw": ["applications", "withdraw", "1"],
        "mentors": ["mentors", "python", "--employee", "a1"], "mentors offer": ["mentors", "offer", "--capacity", "1", "--employee", "a1"],
        "mentoring": ["mentoring", "--employee", "a1"], "mentoring start": ["mentoring", "start", "m", "python", "--learner", "a1"], "mentoring end": ["mentoring", "end", "1"],
        "projects": ["projects"], "projects finish": ["projects", "finish", "1", "--completed"],
    ]
    static let offline: Set<String> = ["catalog check", "catalog import", "plan", "completion", "complete", "manual"]

    /// The command names `skillpath --help` lists.
    func listedCommands() throws -> [String] {
        let help = try skillpath(["--help"]).stdout
        let section = help.components(separatedBy: "commands:\n").dropFirst().first?.components(separatedBy: "\n\n").first ?? ""
        return section.split(separator: "\n").map { line in
            line.trimmingCharacters(in: .whitespaces).components(separatedBy: "  ").first ?? ""
        }
    }

    @Test func everyCommandIsCoveredByThisTable() throws {
        let listed = try listedCommands()
        #expect(listed.count >= 28, "\(listed)")
        for name in listed { #expect(Self.online[name] != nil || Self.offline.contains(name), "\(name) has a row here") }
    }

    /// 64: an unknown option, for every command.
    @Test func everyCommandRefusesAnUnknownOptionWithUsage() throws {
        for name in try listedCommands() {
            let result = try skillpath(name.split(separator: " ").map(String.init) + ["--no-such-option"])
            #expect(result.status == 64, "\(name): \(result.status) \(result.stderr)")
            #expect(result.stderr.hasPrefix("Error: unknown option --no-such-option"), "\(name): \(result.stderr)")
        }
    }

    /// 64 naming what is missing: the required argument, never an optional one before it ("[KIND] ID").
    @Test func aMissingArgumentIsTheRequiredOne() throws {
        for (line, missing) in [(["catalog", "show"], "ID"), (["moves", "record", "a1"], "ROLE")] {
            let result = try skillpath(line)
            #expect(result.status == 64, "\(line): \(result.stderr)")
            #expect(result.stderr.hasPrefix("Error: missing \(missing)\n"), "\(line): \(result.stderr)")
        }
    }

    /// 69: no daemon on the socket, for every command that needs one.
    @Test func everyOnlineCommandSaysWhenNoDaemonAnswers() throws {
        let nowhere = FileManager.default.temporaryDirectory.appendingPathComponent("no-daemon-\(getpid()).sock").path
        var file: String?
        for (name, arguments) in Self.online.sorted(by: { $0.key < $1.key }) {
            var line = arguments
            if name == "import" {
                // A valid file, so that only the daemon is missing.
                let path = FileManager.default.temporaryDirectory.appendingPathComponent("exit-codes-\(getpid()).csv").path
                try "id,name,role\nx1,X,analyst\n".write(toFile: path, atomically: true, encoding: .utf8)
                file = path
                line = ["import", "employees", path]
            }
            if name == "import xapi" {
                let path = FileManager.default.temporaryDirectory.appendingPathComponent("exit-codes-\(getpid()).json").path
                try #"[{"id": "x"}]"#.write(toFile: path, atomically: true, encoding: .utf8)
                line = ["import", "xapi", path]
            }
            let result = try skillpath(line, socket: nowhere)
            #expect(result.status == 69, "\(name): \(result.status) \(result.stderr)")
            #expect(result.stderr.contains(nowhere), "\(name) names the socket it tried: \(result.stderr)")
        }
        if let file { try? FileManager.default.removeItem(atPath: file) }
    }

    /// 3: an employee nobody has, for every command that names one (the caller here is an administrator,
    /// who may know whether anyone exists).
    @Test func everyCommandNamingAnUnknownEmployeeSaysNotFound() throws {
        let lines: [[String]] = [
            ["path", "--employee", "e-999"], ["path", "--employee", "e-999", "--target", "scientist"], ["assignments", "--employee", "e-999"],
            ["team", "--manager", "e-999"], ["suggest", "e-999"], ["compare", "scientist", "--employee", "e-999"],
            ["route", "--target", "lead", "--employee", "e-999"], ["progress", "py1", "--completed", "--employee", "e-999"],
            ["assign", "e-999", "scientist"], ["moves", "--employee", "e-999"], ["moves", "record", "e-999", "scientist"],
            ["candidates", "scientist", "--manager", "e-999"], ["report", "mobility", "--manager", "e-999"],
            ["opportunities", "close", "1", "--filled-by", "e-999"],
        ]
        // An opportunity to fill, so that the last line fails on the employee and nothing else.
        _ = try daemon.client().result("opportunities.create", .object([("role", "scientist")]))
        for line in lines {
            let result = try skillpath(line)
            #expect(result.status == 3, "\(line.joined(separator: " ")): \(result.status) \(result.stderr)")
            #expect(result.stderr.contains("e-999"), "\(line.joined(separator: " ")): \(result.stderr)")
        }
    }

    /// 3: an unknown role, course or assignment.
    @Test func unknownRolesCoursesAndAssignmentsAreNotFound() throws {
        for line in [
            ["path", "--employee", "a1", "--target", "astronaut"], ["candidates", "astronaut"], ["catalog", "show", "astronaut"],
            ["catalog", "show", "role", "astronaut"], ["progress", "no-course", "--completed", "--employee", "a1"], ["replan", "999"],
            ["moves", "end", "999", "--return"], ["opportunities", "close", "999", "--external"],
        ] {
            let result = try skillpath(line)
            #expect(result.status == 3, "\(line.joined(separator: " ")): \(result.status) \(result.stderr)")
        }
    }

    /// 66: an input file or directory that does not exist; 65: one that exists but is malformed.
    @Test func missingInputsAre66AndMalformedOnes65() throws {
        let missing = "/nonexistent-\(getpid())"
        for line in [
            ["catalog", "check", missing], ["catalog", "import", "esco", missing, "--out", "\(missing)-out"],
            ["plan", "--catalog", missing, "--profile", "p.json", "--target", "x"], ["import", "employees", "\(missing).csv"],
            ["catalog", "show", "py1", "--catalog", missing],
        ] {
            let result = try skillpath(line)
            #expect(result.status == 66, "\(line.joined(separator: " ")): \(result.status) \(result.stderr)")
            #expect(result.stderr.contains(missing), "\(line.joined(separator: " ")): \(result.stderr)")
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("exit-codes-\(getpid())").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "{\"skills\": [".write(toFile: "\(folder)/profile.json", atomically: true, encoding: .utf8)
        try "id,name\n\"unterminated\n".write(toFile: "\(folder)/people.csv", atomically: true, encoding: .utf8)
        for line in [
            ["plan", "--catalog", "\(ProcessRunner.packageRoot)/Catalog", "--profile", "\(folder)/profile.json", "--target", "eng-senior"],
            ["import", "employees", "\(folder)/people.csv"],
        ] {
            let result = try skillpath(line)
            #expect(result.status == 65, "\(line.joined(separator: " ")): \(result.status) \(result.stderr)")
        }
    }
}
