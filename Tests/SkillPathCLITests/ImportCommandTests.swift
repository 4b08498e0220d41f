import Foundation
import SkillPathJSON
import SkillPathTestSupport
import Testing

/// `skillpath import` against a real daemon: all or nothing by default, every problem by file and line before
/// anything is written, batches in an order the daemon can take, and `--keep-going` for the valid rows.
@Suite(.serialized) struct ImportCommandTests {
    let daemon: DaemonProcess
    let directory = TemporaryDirectory()

    init() throws {
        daemon = try DaemonProcess()
        _ = try daemon.client().result("employees.upsert", StoreTeam.rows)
    }

    func skillpath(_ arguments: String..., stdin: String? = nil) throws -> ProcessOutput {
        try ProcessRunner.run("skillpath", arguments, environment: ["SKILLPATH_SOCKET": daemon.socketPath], stdin: stdin)
    }

    func stored(_ id: String) throws -> JSONValue? {
        let reply = try daemon.client().call("employees.get", .object([("id", .string(id))]))
        return reply["result"]
    }

    func employeeCount() throws -> Int {
        try daemon.client().result("employees.list", .object([("limit", 1)]))["total"]?.intValue ?? -1
    }

    @Test func rowsTheDaemonWouldRejectLeaveEverythingAsItWasAndAreAllNamed() throws {
        var employees = "name,id,role,manager,email\n"
        var expectedProblems: [String] = []
        for number in 1...3000 {
            let line = number + 1
            switch number % 500 {
            case 7:
                employees += "Person \(number),p\(number),astronaut,m,\n"
                expectedProblems.append("employees.csv:\(line), column 'role': unknown role 'astronaut'")
            case 11:
                employees += "Person \(number),p\(number),analyst,ghost,\n"
                expectedProblems.append("employees.csv:\(line), column 'manager': unknown employee 'ghost' (not stored, and not in this batch)")
            default:
                employees += "\"Person, \(number)\",p\(number),analyst,m,p\(number)@example.com\n"
            }
        }
        directory.write(["employees.csv": employees])
        let path = "\(directory.path)/employees.csv"
        let refused = try skillpath("import", "employees", path)
        #expect(refused.status == 65)
        #expect(refused.stdout.hasPrefix("Nothing imported from \(path): the daemon would reject rows (12 problems, found by a dry run; nothing was written)."), "\(refused.stdout)")
        for problem in expectedProblems { #expect(refused.stdout.contains("\(directory.path)/\(problem)")) }
        #expect(try employeeCount() == 4, "nothing was written")

        let keepGoing = try skillpath("import", "employees", path, "--keep-going")
        #expect(keepGoing.status == 65)
        #expect(keepGoing.stdout.hasPrefix("Imported employees from \(path): 2,988 inserted, 0 updated, 0 unchanged, 12 rejected."), "\(keepGoing.stdout)")
        for problem in expectedProblems { #expect(keepGoing.stdout.contains("\(directory.path)/\(problem)")) }
        let again = try JSONParser.parse(try skillpath("import", "employees", path, "--keep-going", "--json").stdout)
        #expect(again["unchanged"] == .number("2988"), "importing twice changes nothing")
        #expect(again["complete"] == .bool(true))
    }

    /// The issue's repro: 2,400 good rows, one with a 2 MB name, 500 more. The row is found before anything
    /// is sent, by file, line and column; nothing is written and the daemon is untouched.
    /// The aspiration columns: lists separated by `;`, a bad one named by file, line and column (a kind in the
    /// file itself, an unknown role by the daemon's dry run), nothing written until the file is right; then
    /// `skillpath aspirations` shows them and `aspirations set` changes them.
    @Test func aspirationColumnsAreImportedAndShown() throws {
        directory.write(["bad-kind.csv": "id,name,role,openTo\na1,Analyst One,analyst,promotion;sabbatical\n"])
        let kind = try skillpath("import", "employees", "\(directory.path)/bad-kind.csv")
        #expect(kind.status == 65)
        #expect(kind.stdout.contains("bad-kind.csv:2, column 'openTo': must list kinds among promotion, lateral, secondment, project, got 'sabbatical'"), "\(kind.stdout)")
        directory.write(["bad-role.csv": "id,name,role,wantsRoles\na1,Analyst One,analyst,scientist;astronaut\n"])
        let role = try skillpath("import", "employees", "\(directory.path)/bad-role.csv")
        #expect(role.status == 65)
        #expect(role.stdout.contains("bad-role.csv:2, column 'wantsRoles': unknown role 'astronaut'"), "\(role.stdout)")
        #expect(try daemon.client().result("employees.aspirations", .object([("employee", "a1")]))["aspirations"]?["roles"] == .strings([]), "nothing written")

        directory.write(["good.csv": "id,name,role,wantsRoles,wantsSkills,openTo,notLooking\na1,Analyst One,analyst,scientist;lead,statistics,promotion;project,no\na2,Analyst Two,analyst,,,,yes\n"])
        let good = try skillpath("import", "employees", "\(directory.path)/good.csv")
        #expect(good.status == 0, "\(good.stdout)\(good.stderr)")
        let stored = try daemon.client().result("employees.aspirations", .object([("employee", "a1")]))["aspirations"]
        #expect(stored == .object([("roles", .strings(["scientist", "lead"])), ("skills", .strings(["statistics"])), ("openTo", .strings(["promotion", "project"])), ("notLooking", false)]))
        #expect(try daemon.client().result("employees.aspirations", .object([("employee", "a2")]))["aspirations"]?["notLooking"] == .bool(true))

        let shown = try skillpath("aspirations", "--employee", "a1")
        #expect(shown.status == 0)
        #expect(shown.stdout.contains("scientist") && shown.stdout.contains("Data Scientist") && shown.stdout.contains("27"), "\(shown.stdout)")
        let set = try skillpath("aspirations", "set", "--employee", "a1", "--role", "lead", "--not-looking")
        #expect(set.status == 0, "\(set.stderr)")
        #expect(set.stdout.contains("Not looking"), "\(set.stdout)")
        #expect(try skillpath("aspirations", "set", "--employee", "a1", "--open-to", "sabbatical").status == 64)
        #expect(try skillpath("aspirations", "set", "--employee", "a1").status == 64, "nothing to set")
        let tooMany = try skillpath("aspirations", "set", "--employee", "a1", "--role", "a,b,c,d,e,f")
        #expect(tooMany.status == 64 && tooMany.stderr.contains("--role lists 6 values; at most 5"), "\(tooMany.stderr)")
        let report = try skillpath("report", "aspirations")
        #expect(report.status == 0)
        #expect(report.stdout.split(separator: "\n").first?.hasPrefix("employee\t") == true || report.stdout.contains("a1\t"), "piped: TSV: \(report.stdout)")
    }

    @Test func aRowTooLargeToSendIsFoundBeforeAnythingIsSent() throws {
        var employees = "id,name,role,manager\n"
        for number in 1...2400 { employees += "p\(number),Person \(number),analyst,m\n" }
        employees += "big,\(String(repeating: "x", count: 2_000_000)),analyst,m\n"
        for number in 2401...2900 { employees += "p\(number),Person \(number),analyst,m\n" }
        directory.write(["employees.csv": employees])
        let path = "\(directory.path)/employees.csv"
        let result = try skillpath("import", "employees", path)
        #expect(result.status == 65)
        #expect(result.stdout.hasPrefix("Nothing imported from \(path): 1 problem in the file, found before anything was sent.\n"), "\(result.stdout)")
        #expect(result.stdout.contains("\(path):2402, column 'name': the row is 2000"), "\(result.stdout)")
        #expect(try employeeCount() == 4)
        #expect(try skillpath("health").status == 0)
    }

    /// Reports listed before their managers, in batches of 7: each manager is sent before the rows under
    /// them, so every row lands, where the file's own order would have named managers not yet stored.
    @Test func managersAreSentBeforeTheirReportsWhateverTheFileOrder() throws {
        var employees = "id,name,role,manager\n"
        for number in (1...60).reversed() { employees += "c\(number),Chain \(number),analyst,\(number == 1 ? "m" : "c\(number - 1)")\n" }
        directory.write(["employees.csv": employees])
        let result = try skillpath("import", "employees", "\(directory.path)/employees.csv", "--batch", "7", "--json")
        #expect(result.status == 0, "\(result.stdout)")
        let summary = try JSONParser.parse(result.stdout)
        #expect(summary["inserted"] == .number("60"))
        #expect(summary["landedLines"] == .array([.array([2, 61])]))
        #expect(try stored("c60")?["manager"] == "c59")
    }

    /// A loop only the write can see: stored, u reports to s; the file moves t under u (line 3) and s under t
    /// (line 2). t is sent first (it is s's manager), and each batch of one row passes the dry run alone; but
    /// once line 3 is written, line 2 closes s → t → u → s and is refused whole. The import stops there; the
    /// batch already sent behind it (line 4) is still answered and lands, and the summary says exactly that,
    /// lines 5–6 never sent.
    @Test func aBatchRefusedWhileWritingStopsTheImportAndTheSummaryNamesEveryLine() throws {
        let stored = JSONValue.object([("employees", .array([
            .object([("id", "s"), ("name", "S"), ("role", "analyst"), ("manager", "m")]),
            .object([("id", "t"), ("name", "T"), ("role", "analyst"), ("manager", "m")]),
            .object([("id", "u"), ("name", "U"), ("role", "analyst"), ("manager", "s")]),
        ]))])
        _ = try daemon.client().result("employees.upsert", stored)
        directory.write(["employees.csv": "id,name,role,manager\ns,S,analyst,t\nt,T,analyst,u\nw1,W1,analyst,m\nw2,W2,analyst,m\nw3,W3,analyst,m\n"])
        let path = "\(directory.path)/employees.csv"
        let result = try skillpath("import", "employees", path, "--batch", "1")
        #expect(result.status == 65, "\(result.stdout)")
        #expect(result.stdout.hasPrefix("""
            Imported part of \(path): the rows on lines 3–4 landed (1 inserted, 1 updated, 0 unchanged).
            The rows on lines 2 were refused whole, and nothing of them was written (the organisation changed since the dry run):
            2 rows after them were not sent.
            """), "\(result.stdout)")
        #expect(result.stdout.contains("\(path):2, column 'manager': the managers would form a cycle: 's' → 't' → 'u' → 's'"))
        #expect(try self.stored("s")?["manager"] == "m", "the refused row changed nothing")
        #expect(try self.stored("t")?["manager"] == "u")
        #expect(try self.stored("w1") != nil)
        #expect(try self.stored("w2") == nil)

        _ = try daemon.client().result("employees.upsert", stored)
        let json = try JSONParser.parse(try skillpath("import", "employees", path, "--batch", "1", "--json").stdout)
        #expect(json["complete"] == .bool(false))
        #expect(json["landedLines"] == .array([.array([3, 4])]), "\(json)")
        #expect(json["stoppedLines"] == .array([.array([2, 2])]), "\(json)")
    }

    /// 6,000 rows, every one with a long id and an unknown role: each dry-run reply (2,000 rejections, about
    /// 600 KB) is larger than the socket's buffer, and arrives while the CLI is sending the next batch. Sent
    /// from the reading thread, each process would wait for the other to read; the import must instead name
    /// every problem and write nothing.
    @Test func repliesLargerThanTheSocketBufferDoNotStallThePipelinedBatches() throws {
        let padding = String(repeating: "x", count: 200)
        var employees = "id,name,role\n"
        for number in 1...6000 { employees += "\(padding)\(number),Person \(number),astronaut\n" }
        directory.write(["employees.csv": employees])
        let result = try skillpath("import", "employees", "\(directory.path)/employees.csv", "--json")
        #expect(result.status == 65)
        let summary = try JSONParser.parse(result.stdout)
        #expect(summary["problems"]?.arrayValue?.count == 6000, "\(result.stdout.prefix(300))")
        #expect(try employeeCount() == 4, "nothing was written")
    }

    @Test func aLoopOfManagersInTheFileIsSpelledOnceAndNothingIsSent() throws {
        directory.write(["employees.csv": "id,name,role,manager\nx,X,analyst,y\nok,OK,analyst,m\ny,Y,analyst,z\nz,Z,analyst,x\n"])
        let path = "\(directory.path)/employees.csv"
        let result = try skillpath("import", "employees", path)
        #expect(result.status == 65)
        #expect(result.stdout.contains("\(path):2, column 'manager': the managers would form a cycle: 'x' → 'y' → 'z' → 'x'"), "\(result.stdout)")
        #expect(result.stdout.contains("\(path):4, column 'manager': is in the cycle of managers spelled out at line 2"))
        #expect(result.stdout.contains("\(path):5, column 'manager': is in the cycle of managers spelled out at line 2"))
        #expect(try stored("ok") == nil, "the good row was not sent either")
    }

    @Test func repeatedIdsLoginsAndSkillsAreFileProblems() throws {
        directory.write([
            "employees.csv": "id,name,role,login\nr1,One,analyst,ada\nr2,Two,analyst,ada\nr1,Again,analyst,\n",
            "skills.csv": "employee,skill,level\na1,sql,2\na2,python,1\na1,sql,3\n",
        ])
        let employees = try skillpath("import", "employees", "\(directory.path)/employees.csv")
        #expect(employees.status == 65)
        #expect(employees.stdout.contains("employees.csv:3, column 'login': login 'ada' is also given to 'r1' on line 2"), "\(employees.stdout)")
        #expect(employees.stdout.contains("employees.csv:4, column 'id': employee 'r1' is listed again (first on line 2)"))
        let skills = try skillpath("import", "skills", "\(directory.path)/skills.csv")
        #expect(skills.status == 65)
        #expect(skills.stdout.contains("skills.csv:4, column 'skill': employee 'a1' has skill 'sql' again (first on line 2)"), "\(skills.stdout)")
        #expect(try stored("a2")?["skills"]?.arrayValue?.contains { $0["skill"] == "python" } == false, "nothing was sent")
    }

    @Test func skillsAreCheckedWholeThenWrittenWhole() throws {
        directory.write(["skills.csv": "employee,skill,level\na2,python,2\na2,cobol,3\na1,sql,9\n"])
        let path = "\(directory.path)/skills.csv"
        let file = try skillpath("import", "skills", path)
        #expect(file.status == 65)
        #expect(file.stdout.contains("skills.csv:4, column 'level': must be a whole number from 0 to 5, got '9'"), "\(file.stdout)")
        directory.write(["skills.csv": "employee,skill,level\na2,python,2\na2,cobol,3\na1,sql,1\n"])
        let daemonSide = try skillpath("import", "skills", path)
        #expect(daemonSide.status == 65)
        #expect(daemonSide.stdout.contains("skills.csv:3, column 'skill': unknown skill 'cobol'"), "\(daemonSide.stdout)")
        #expect(try stored("a2")?["skills"]?.arrayValue?.contains { $0["skill"] == "python" } == false, "the good line was not written")
        let keepGoing = try skillpath("import", "skills", path, "--keep-going")
        #expect(keepGoing.status == 65)
        // a2's two lines are one row: the unknown skill rejects both, and the count says so.
        #expect(keepGoing.stdout.hasPrefix("Imported skills from \(path): 3 rows: 1 set, 0 unchanged, 0 kept, 2 rejected."), "\(keepGoing.stdout)")
        #expect(try stored("a1")?["skills"]?.arrayValue?.first { $0["skill"] == "sql" }?["level"] == .number("1"))
    }

    /// `-` reads standard input, named `stdin` in every problem, and checked before anything is sent.
    @Test func standardInputIsImportedLikeAFile() throws {
        let refused = try skillpath("import", "employees", "-", stdin: "id,name,role,manager\ns1,One,analyst,m\ns2,Two,astronaut,m\n")
        #expect(refused.status == 65)
        #expect(refused.stdout.contains("stdin:3, column 'role': unknown role 'astronaut'"), "\(refused.stdout)")
        #expect(try stored("s1") == nil)
        let imported = try skillpath("import", "employees", "-", stdin: "id,name,role,manager\ns1,One,analyst,m\ns2,Two,analyst,s1\n")
        #expect(imported.status == 0, "\(imported.stdout)\(imported.stderr)")
        #expect(imported.stdout.hasPrefix("Imported employees from stdin: 2 inserted"), "\(imported.stdout)")
        #expect(try stored("s2")?["manager"] == "s1")
    }

    @Test func missingAndMalformedFilesAreNamed() throws {
        let missing = try skillpath("import", "employees", "/nonexistent.csv")
        #expect(missing.status == 66)
        #expect(missing.stderr.hasPrefix("Error: /nonexistent.csv: cannot open the file: No such file or directory"), "\(missing.stderr)")
        directory.write(["bad.csv": "id,name\nx,y\n"])
        let badHeader = try skillpath("import", "employees", "\(directory.path)/bad.csv")
        #expect(badHeader.status == 65)
        #expect(badHeader.stderr == "Error: \(directory.path)/bad.csv:1: missing column 'role' in the header (found: id, name)\n")
        let batch = try skillpath("import", "employees", "\(directory.path)/bad.csv", "--batch", "10000")
        #expect(batch.status == 64)
        #expect(batch.stderr.hasPrefix("Error: --batch must be 1–2000, got '10000'"))
    }

    /// The README's sequence: a completion raises a level, then an HRIS export a week behind is imported.
    /// The import keeps what the course earned, says so row by row, and counts rows, not employees.
    @Test func importingSkillsKeepsWhatACourseEarnedAndCountsRows() throws {
        #expect(try skillpath("progress", "sql1", "--completed", "--employee", "a1").status == 0)
        #expect(try skillpath("progress", "sql2", "--completed", "--employee", "a1").status == 0)
        directory.write(["skills.csv": "employee,skill,level\na1,sql,1\na1,python,2\na1,statistics,1\n"])
        let result = try skillpath("import", "skills", "\(directory.path)/skills.csv", "--no-color")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("Imported skills from \(directory.path)/skills.csv: 3 rows: 2 set, 0 unchanged, 1 kept, 0 rejected.\n"), "\(result.stdout)")
        #expect(result.stdout.contains("skills.csv:2: a1 sql: kept level 2 (course, "), "\(result.stdout)")
        let sql = try daemon.client().result("employees.get", .object([("id", "a1")]))["skills"]?.arrayValue?.first { $0["skill"] == "sql" }
        #expect(sql?["level"] == .number("2"))
        let forced = try skillpath("import", "skills", "\(directory.path)/skills.csv", "--overwrite", "--json")
        let report = try JSONParser.parse(forced.stdout)
        #expect(report["levels"] == .object([("set", 1), ("unchanged", 2), ("kept", 0)]), "\(forced.stdout)")
    }
}
