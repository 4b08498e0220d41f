import Foundation
import SkillPathJSON
import SkillPathTestSupport
import Testing

/// The real `skillpath` against a real daemon: human and --json output, exit codes, colour, imports.
@Suite(.serialized) struct OnlineCommandTests {
    let daemon: DaemonProcess

    init() throws {
        daemon = try DaemonProcess()
        _ = try daemon.client().result("employees.upsert", StoreTeam.rows)
    }

    func skillpath(_ arguments: String..., environment: [String: String] = [:], stdin: String? = nil) throws -> ProcessOutput {
        // The people's layout, as on a terminal: these tests read the tables as people do (piped output is
        // tab-separated; `pipedTablesAreTabSeparated` reads that).
        try ProcessRunner.run("skillpath", arguments, environment: ["SKILLPATH_SOCKET": daemon.socketPath, "SKILLPATH_FORCE_TTY": "1"].merging(environment) { $1 }, stdin: stdin)
    }

    @Test func healthReadsWellAndTheSocketComesFromFlagOrEnvironment() throws {
        let health = try skillpath("health")
        #expect(health.status == 0)
        #expect(health.stdout.hasPrefix("skillpathd 1.0.0 · ok · up "))
        #expect(health.stdout.contains("6 skills, 10 courses, 4 roles, 3 transitions"))
        let flag = try ProcessRunner.run("skillpath", ["health", "--json", "--socket", daemon.socketPath])
        #expect(try JSONParser.parse(flag.stdout)["status"] == "ok")
    }

    @Test func employeesListsEveryoneOnceAndEnds() throws {
        // More than one page (the CLI asks for 1,000 at a time), so the cursor is followed and must end.
        let rows = (0..<1_200).map { JSONValue.object([("id", .string("p\($0)")), ("name", .string("Person \($0)")), ("role", "analyst"), ("manager", "m")]) }
        _ = try daemon.client().result("employees.upsert", .object([("employees", .array(rows))]))
        let result = try skillpath("employees", "--json")
        #expect(result.status == 0, "\(result.stderr)")
        let listed = try JSONParser.parse(result.stdout).arrayValue ?? []
        #expect(listed.count == 1_204)
        #expect(Set(listed.compactMap { $0["id"]?.stringValue }).count == 1_204, "nobody twice")
        // A table shows 50 rows and says, on stderr, how many it left out; --all shows them all.
        let table = try skillpath("employees", "--no-color")
        #expect(table.stdout.split(separator: "\n").count == 1 + 50, "a header and 50 rows")
        #expect(table.stderr == "Showing 50 of 1,204 employees; --limit N or --all for more.\n", "\(table.stderr)")
        let all = try skillpath("employees", "--all")
        #expect(all.stdout.split(separator: "\n").count == 1 + 1_204 && all.stdout.contains("Person 1199") && all.stderr.isEmpty)
        let three = try skillpath("employees", "--json", "--limit", "3")
        #expect(try JSONParser.parse(three.stdout).arrayValue?.count == 3)
        #expect(three.stderr.isEmpty, "--json is for programs: no note")
        for (arguments, message) in [(["--limit", "0"], "--limit must be a whole number from 1 to 1,000,000, got '0'"), (["--limit", "5", "--all"], "give --limit N or --all, not both")] {
            let bad = try ProcessRunner.run("skillpath", ["employees"] + arguments, environment: ["SKILLPATH_SOCKET": daemon.socketPath])
            #expect(bad.status == 64 && bad.stderr.hasPrefix("Error: \(message)"), "\(bad.stderr)")
        }
    }

    /// `--json=FIELD,…`: only those fields, in that order, for each item of a list or of an object; a field the
    /// output lacks is a usage error that lists the fields it has.
    @Test func jsonFieldsSelectWhatIsPrinted() throws {
        let listed = try JSONParser.parse(try skillpath("employees", "--json=id,role").stdout).arrayValue ?? []
        #expect(!listed.isEmpty && listed.allSatisfy { $0.objectValue?.keys == ["id", "role"] }, "\(listed.prefix(2))")
        let whole = try JSONParser.parse(try skillpath("employees", "--json").stdout).arrayValue ?? []
        #expect(listed.map { $0["id"] } == whole.map { $0["id"] } && listed.map { $0["role"] } == whole.map { $0["role"] })
        let health = try JSONParser.parse(try skillpath("health", "--json=version,status").stdout)
        #expect(health.objectValue?.keys == ["version", "status"])
        let unknown = try skillpath("employees", "--json=id,salary")
        #expect(unknown.status == 64 && unknown.stdout.isEmpty, "\(unknown.stdout)")
        #expect(unknown.stderr.hasPrefix("Error: --json: no field 'salary' in this output; its fields: createdAt,"), "\(unknown.stderr)")
        #expect(try skillpath("employees", "--no-color", "--json=id").status == 0)
        let flag = try skillpath("employees", "--all=yes")
        #expect(flag.status == 64 && flag.stderr.hasPrefix("Error: --all takes no value"), "other flags still take none")
    }

    /// Into a pipe, a table is for programs: one header line, then a row a line, cells separated by tabs and
    /// never cut; no title; `--no-headers` drops the header. Read here as TSV against the JSON.
    @Test func pipedTablesAreTabSeparated() throws {
        let environment = ["SKILLPATH_SOCKET": daemon.socketPath]
        let piped = try ProcessRunner.run("skillpath", ["employees"], environment: environment)
        let lines = piped.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        #expect(lines.first == ["ID", "Name", "Login", "Role", "Manager"])
        let json = try JSONParser.parse(try skillpath("employees", "--json").stdout).arrayValue ?? []
        #expect(lines.dropFirst().map { $0.first ?? "" } == json.map { $0["id"]?.stringValue ?? "" })
        #expect(lines.dropFirst().allSatisfy { $0.count == 5 })
        #expect(lines.dropFirst().map { $0[1] } == json.map { $0["name"]?.stringValue ?? "" }, "names in full")
        let bare = try ProcessRunner.run("skillpath", ["employees", "--no-headers"], environment: environment)
        #expect(bare.stdout.split(separator: "\n").first.map(String.init) == lines.dropFirst().first?.joined(separator: "\t"))
        // A titled table drops its title into a pipe: only rows.
        let skills = try ProcessRunner.run("skillpath", ["skills", "--employee", "a1"], environment: environment)
        #expect(skills.stdout.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false).count } == [6, 6], "\(skills.stdout)")
    }

    /// On a terminal of 80 and of 200 columns (a pty through script(1)), every table fits, titles wrap, and no
    /// id is cut: each id the JSON lists appears whole.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script"), "script(1) is not installed"))
    func tablesFitTheTerminal() throws {
        _ = try daemon.client().result("assignments.create", .object([("employee", "a1"), ("targetRole", "scientist")]))
        _ = try daemon.client().result("moves.record", .object([("employee", "a2"), ("toRole", "ml-engineer"), ("date", "2025-02-01")]))
        _ = try daemon.client().result("opportunities.create", .object([("role", "lead"), ("title", "A lead for the new data platform team, Berlin office"), ("kind", "secondment"), ("durationWeeks", 12)]))
        let gig = try daemon.client().result("opportunities.create", .object([
            ("role", "analyst"), ("title", "Migrate the quarterly churn dashboards to the new warehouse"), ("kind", "project"), ("hoursPerWeek", 3),
            ("durationWeeks", 8), ("develops", .array([.object([("skill", "python"), ("level", 2)]), .object([("skill", "data-viz"), ("level", 2)])])),
        ]))
        _ = try daemon.client().result("opportunities.close", .object([("id", gig["id"] ?? .null), ("filledBy", "a2")]))
        let commands: [[String]] = [
            ["employees"], ["moves"], ["opportunities"], ["assignments"], ["team"], ["suggest", "a1"], ["candidates", "lead"],
            ["candidates", "--opportunity", "2"], ["projects"], ["audit"], ["skills", "--employee", "a1"], ["report", "mobility"], ["report", "skills"],
            ["report", "spend"],
        ]
        for columns in [80, 200] {
            for command in commands {
                let line = "stty cols \(columns) rows 500; \(ProcessRunner.executable("skillpath")) \(command.joined(separator: " ")) --no-color --no-pager"
                let result = try ProcessRunner.run("/usr/bin/script", ["-qec", line, "/dev/null"], environment: ["SKILLPATH_SOCKET": daemon.socketPath])
                let lines = result.stdout.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n").map(String.init)
                #expect(result.status == 0 && lines.count > 1, "\(command): \(result.stdout)")
                let widest = lines.max { $0.count < $1.count } ?? ""
                #expect(widest.count <= columns, "\(command) at \(columns) columns: \(widest.count) wide: \(widest)")
            }
        }
        let narrow = try ProcessRunner.run("/usr/bin/script", ["-qec", "stty cols 80 rows 500; \(ProcessRunner.executable("skillpath")) assignments --no-color", "/dev/null"], environment: ["SKILLPATH_SOCKET": daemon.socketPath])
        let listed = try JSONParser.parse(try skillpath("assignments", "--json").stdout)["assignments"]?.arrayValue ?? []
        for assignment in listed {
            #expect(narrow.stdout.contains(assignment["targetRole"]?.stringValue ?? "?") && narrow.stdout.contains(assignment["employee"]?.stringValue ?? "?"), "ids whole at 80 columns")
        }
        // The heat map names teams in full where there is room: at 200 columns, and into a pipe.
        let heat = try ProcessRunner.run("/usr/bin/script", ["-qec", "stty cols 200 rows 500; \(ProcessRunner.executable("skillpath")) report skills --no-color", "/dev/null"], environment: ["SKILLPATH_SOCKET": daemon.socketPath])
        #expect(heat.stdout.contains("Lead Person"), "cut to 8 before: \(heat.stdout)")
        #expect(try skillpath("report", "skills", "--no-color").stdout.contains("Lead Person"))
        // --wide: every column in full, whatever the width.
        let wide = try ProcessRunner.run("/usr/bin/script", ["-qec", "stty cols 80 rows 500; \(ProcessRunner.executable("skillpath")) opportunities --no-color --wide", "/dev/null"], environment: ["SKILLPATH_SOCKET": daemon.socketPath])
        #expect(wide.stdout.contains("A lead for the new data platform team, Berlin office") && wide.stdout.contains("Manager"), "\(wide.stdout)")
    }

    /// On a terminal (a pty, through script(1)), output taller than the screen goes through $PAGER; never
    /// with --no-pager, never when it fits, never into a pipe.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script"), "script(1) is not installed"))
    func longOutputPagesOnATerminalOnly() throws {
        let rows = (0..<40).map { JSONValue.object([("id", .string("q\($0)")), ("name", .string("Paged \($0)")), ("role", "analyst"), ("manager", "m")]) }
        _ = try daemon.client().result("employees.upsert", .object([("employees", .array(rows))]))
        func onATerminal(_ line: String) throws -> [String] {
            let environment = ["SKILLPATH_SOCKET": daemon.socketPath, "LINES": "20", "PAGER": "sed 's/^/paged: /'"]
            let result = try ProcessRunner.run("/usr/bin/script", ["-qec", "\(ProcessRunner.executable("skillpath")) \(line)", "/dev/null"], environment: environment)
            #expect(result.status == 0, "\(result.stderr)")
            // A pty ends lines in CR LF, one Character to Swift.
            return result.stdout.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        let paged = try onATerminal("employees --no-color")
        #expect(paged.count > 20 && paged.filter { $0.hasPrefix("Showing") == false }.allSatisfy { $0.hasPrefix("paged: ") }, "\(paged)")
        #expect(try onATerminal("employees --no-color --no-pager").allSatisfy { !$0.hasPrefix("paged: ") })
        #expect(try onATerminal("employees --no-color --limit 5").allSatisfy { !$0.hasPrefix("paged: ") }, "it fits")
        let piped = try ProcessRunner.run("skillpath", ["employees"], environment: ["SKILLPATH_SOCKET": daemon.socketPath, "PAGER": "sed 's/^/paged: /'"])
        #expect(!piped.stdout.contains("paged: "))
    }

    @Test func withoutADaemonItSaysWhatItTriedAndHowToStartOne() throws {
        let directory = TemporaryDirectory()
        let result = try ProcessRunner.run("skillpath", ["health"], directory: directory.path)
        #expect(result.status == 69)
        #expect(result.stdout.isEmpty)
        // One line: what was tried, and both ways to name another socket.
        #expect(result.stderr == """
            Error: cannot reach skillpathd on /run/skillpath/skillpathd.sock (no .skillpath/skillpathd.sock at or above the working folder, and no system socket): \
            no skillpathd answers there; start one ('swift run skillpathd', or 'systemctl start skillpathd.socket') or name its socket with --socket PATH or SKILLPATH_SOCKET

            """)
        let environment = try ProcessRunner.run("skillpath", ["health"], environment: ["SKILLPATH_SOCKET": "/nonexistent.sock"])
        #expect(environment.stderr.hasPrefix("Error: cannot reach skillpathd on /nonexistent.sock (from $SKILLPATH_SOCKET)"))
    }

    /// A socket that refuses the caller gets one line that says so and what to ask for, and nothing about
    /// starting a daemon: the CLI runs as `nobody` (setpriv) against the daemon's root-owned socket.
    @Test(.enabled(if: getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv"), "needs root and setpriv(1) to run as another user"))
    func aSocketThatRefusesTheCallerSaysWhatToAskFor() throws {
        let result = try ProcessRunner.run(
            "/usr/bin/setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", ProcessRunner.executable("skillpath"), "health", "--socket", daemon.socketPath])
        #expect(result.status == 69, "\(result.stderr)")
        #expect(result.stderr == "Error: cannot reach skillpathd on \(daemon.socketPath) (given with --socket): permission denied; ask an administrator to add you to the skillpath group\n")
    }

    /// Run from a subfolder of the working tree, the CLI finds `.skillpath/skillpathd.sock` above it, as git
    /// finds `.git`; `-v` says which socket it used and why.
    @Test func theDevelopmentSocketIsFoundFromASubfolder() throws {
        let root = TemporaryDirectory()
        for folder in [".skillpath", "src/deep"] { try FileManager.default.createDirectory(atPath: "\(root.path)/\(folder)", withIntermediateDirectories: true) }
        let nearby = try DaemonProcess(socket: "\(root.path)/.skillpath/skillpathd.sock")
        let result = try ProcessRunner.run("skillpath", ["health", "-v"], directory: "\(root.path)/src/deep")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr == "skillpath: using the socket \(nearby.socketPath) (the nearest .skillpath/skillpathd.sock at or above the working folder)\n")
        let quiet = try ProcessRunner.run("skillpath", ["health"], directory: "\(root.path)/src")
        #expect(quiet.status == 0 && quiet.stderr.isEmpty, "\(quiet.stderr)")
    }

    /// `skills`: each skill's stated level, source, date and the level that counts, with why it is lower;
    /// `skills set` records levels and refuses a malformed one before asking the daemon.
    @Test func skillsShowsWhatCountsAndSkillsSetRatesThem() throws {
        _ = try daemon.client().result("employees.setSkills", .object([
            ("employee", "a2"), ("skills", .array([.object([("skill", "sql"), ("level", 4)])])), ("source", "self"),
        ]))
        let shown = try skillpath("skills", "--employee", "a2", "--no-color")
        #expect(shown.status == 0, "\(shown.stderr)")
        let lines = shown.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "Skills of Analyst Two (a2): 1 skill")
        let sql = try #require(lines.first { $0.hasPrefix("sql ") })
        let cells = sql.split(separator: " ", omittingEmptySubsequences: true)
        #expect(cells.prefix(3) == ["sql", "4", "self"], "\(sql)")
        #expect(sql.contains("self-rated, not confirmed"), "the reason it counts for less: \(sql)")

        // As administrator (the tests run as root), the level is an assessment and replaces the self-rating.
        let set = try skillpath("skills", "set", "sql=3", "python=2", "--employee", "a2")
        #expect(set.status == 0, "\(set.stderr)")
        #expect(set.stdout == "Set for a2 (assessment): sql 3, python 2.\n", "\(set.stdout)")
        let json = try JSONParser.parse(try skillpath("skills", "--employee", "a2", "--json").stdout).arrayValue ?? []
        #expect(json.map { $0["skill"]?.stringValue ?? "" } == ["python", "sql"])
        #expect(json.allSatisfy { $0["source"] == "assessment" && $0["effectiveLevel"] == $0["level"] }, "\(json)")

        for (argument, message) in [("sql=9", "'sql=9' must be SKILL=LEVEL with a level from 0 to 5"), ("sql", "'sql' must be SKILL=LEVEL"), ("=2", "'=2' must be SKILL=LEVEL")] {
            let bad = try skillpath("skills", "set", argument, "--employee", "a2")
            #expect(bad.status == 64 && bad.stderr.hasPrefix("Error: \(message)"), "\(argument): \(bad.stderr)")
        }
        let unknown = try skillpath("skills", "set", "cobol=2", "--employee", "a2")
        #expect(unknown.status == 3 && unknown.stderr.contains("unknown skill 'cobol'"), "\(unknown.stderr)")
        let nobody = try skillpath("skills", "--employee", "ghost")
        #expect(nobody.status == 3 && nobody.stderr.contains("ghost"), "\(nobody.stderr)")
    }

    @Test func pathPlansForYouOrAReportAndPrintsTheDaemonsPlanAsJSON() throws {
        let mine = try skillpath("path", "--target", "lead")
        #expect(mine.status == 0, "\(mine.stderr)")
        #expect(mine.stdout.hasPrefix("Path to Data Lead (lead)"))
        let json = try skillpath("path", "--employee", "a1", "--target", "scientist", "--json")
        let plan = try JSONParser.parse(json.stdout)
        #expect(plan["gap"]?.arrayValue?.first?["have"] == .number("1"))
        let direct = try daemon.client().result("paths.plan", .object([("employee", "a1"), ("targetRole", "scientist")]))
        #expect(plan == direct)
        let graph = try skillpath("path", "--employee", "a1", "--target", "scientist", "--graph", "dot")
        #expect(graph.stdout.hasPrefix("digraph path {"))
    }

    @Test func managersAssignTrackAndReplan() throws {
        let assign = try skillpath("assign", "a1", "scientist", "--due", "2030-01-31")
        #expect(assign.status == 0, "\(assign.stderr)")
        #expect(assign.stdout.hasPrefix("Assigned scientist to a1: assignment "))
        #expect(assign.stdout.contains("(due 2030-01-31)"))
        let again = try skillpath("assign", "a1", "scientist")
        #expect(again.status == 65)
        #expect(again.stderr.hasPrefix("Error: the employee already has an active assignment for this role"))

        let team = try skillpath("assign", "--team", "lead", "--due", "2031-06-30", "--json")
        let created = try JSONParser.parse(team.stdout)["created"]?.arrayValue ?? []
        #expect(Set(created.compactMap { $0["employee"]?.stringValue }) == ["a1", "a2"])

        let progress = try skillpath("progress", "py2", "--completed", "--employee", "a1", "--event-id", "cli-1")
        #expect(progress.status == 0, "\(progress.stderr)")
        #expect(progress.stdout.contains("↑ python 1 → 2"))
        let duplicate = try skillpath("progress", "py2", "--completed", "--employee", "a1", "--event-id", "cli-1")
        #expect(duplicate.stdout == "Already recorded (event cli-1); nothing changed.\n")

        let path = try skillpath("path", "--employee", "a1")
        #expect(path.stdout.contains("✓"))
        #expect(path.stdout.contains("Assignment "))

        let list = try skillpath("assignments", "--employee", "a1")
        #expect(list.stdout.hasPrefix("ID  Employee  Target"))
        let report = try skillpath("team")
        #expect(report.status == 0, "\(report.stderr)")
        #expect(report.stdout.hasPrefix("Team of m on "))
        #expect(report.stdout.contains("a1  Analyst One  analyst    1  scientist"), "each assignment with its id: \(report.stdout)")

        let id = created.first { $0["employee"] == "a2" }!["id"]!.intValue!
        let replan = try skillpath("replan", String(id))
        #expect(replan.stdout.hasPrefix("Assignment \(id): frozen plan"))
        let missing = try skillpath("replan", "9999")
        #expect(missing.status == 3)
        #expect(missing.stderr == "Error: no assignment 9999 that you may see\n")
        let usage = try skillpath("replan", "twelve")
        #expect(usage.status == 64)
    }

    @Test func colourOnlyOnATerminalAndNeverWithNoColour() throws {
        let command = "\(ProcessRunner.executable("skillpath")) health"
        let tty = try ProcessRunner.run("/usr/bin/script", ["-qec", command, "/dev/null"], environment: ["SKILLPATH_SOCKET": daemon.socketPath, "TERM": "xterm"])
        #expect(tty.stdout.contains("\u{1B}[1m"), "a terminal gets colour")
        let noColor = try ProcessRunner.run("/usr/bin/script", ["-qec", command, "/dev/null"], environment: ["SKILLPATH_SOCKET": daemon.socketPath, "TERM": "xterm", "NO_COLOR": "1"])
        #expect(!noColor.stdout.contains("\u{1B}["))
        let flag = try ProcessRunner.run("/usr/bin/script", ["-qec", command + " --no-color", "/dev/null"], environment: ["SKILLPATH_SOCKET": daemon.socketPath, "TERM": "xterm"])
        #expect(!flag.stdout.contains("\u{1B}["))
        #expect(!(try skillpath("health")).stdout.contains("\u{1B}["), "a pipe gets none")
    }

    @Test func catalogSearchAndShowAskTheDaemon() throws {
        let search = try skillpath("catalog", "search", "pyth", "--limit", "3")
        #expect(search.stdout.hasPrefix("Kind    ID      Name\nskill   python  Python\n"))
        let show = try skillpath("catalog", "show", "course", "sql2")
        #expect(show.stdout.contains("requires: sql 1"))
        #expect(show.stdout.contains("after: sql1"))
        let missing = try skillpath("catalog", "show", "role", "astronaut")
        #expect(missing.status == 3)
    }

    @Test func rpcCallsAnyMethod() throws {
        let result = try skillpath("rpc", "catalog.get", #"{"kind": "skill", "id": "sql"}"#)
        #expect(try JSONParser.parse(result.stdout)["item"]?["name"] == "SQL")
        let stdin = try skillpath("rpc", "catalog.search", "-", stdin: #"{"query": "sql", "limit": 1}"#)
        #expect(try JSONParser.parse(stdin.stdout)["results"]?.arrayValue?.count == 1)
        let bad = try skillpath("rpc", "paths.plan", #"{"targetRole": 5}"#)
        #expect(bad.status == 65)
        #expect(bad.stderr == "Error: Invalid params: targetRole expected a string, got a number\n")
    }

    @Test func everyCommandHasHelpWithExamples() throws {
        let overview = try skillpath("--help")
        let names = overview.stdout.split(separator: "\n").filter { $0.hasPrefix("  ") && !$0.hasPrefix("  --") }.map { line in
            line.dropFirst(2).split(separator: " ", omittingEmptySubsequences: true).prefix(2).joined(separator: " ")
        }
        #expect(names.count >= 18)
        for line in overview.stdout.split(separator: "\n") where line.hasPrefix("  ") && !line.hasPrefix("  --") {
            // The name is the left column, up to the gap before the summary: one word or two.
            let command = (String(line.dropFirst(2)).components(separatedBy: "  ").first ?? "").split(separator: " ").map(String.init)
            let help = try ProcessRunner.run("skillpath", command + ["--help"])
            #expect(help.status == 0, "\(command)")
            #expect(help.stdout.contains("examples:"), "\(command) has examples")
        }
    }
}
