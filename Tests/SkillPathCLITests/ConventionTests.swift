import Foundation
import SkillPathTestSupport
import Testing

/// The command line's conventions (clig.dev): --version, help in every spelling, NO_COLOR as no-color.org
/// defines it, a manual page that is the help, and docs/cli.md's exit-code table as the code has it.
@Suite struct ConventionTests {
    @Test func versionMatchesTheDaemons() throws {
        let cli = try ProcessRunner.run("skillpath", ["--version"])
        let daemon = try ProcessRunner.run("skillpathd", ["--version"])
        #expect(cli.status == 0)
        #expect(cli.stdout.hasPrefix("skillpath "))
        let version = cli.stdout.dropFirst("skillpath ".count)
        #expect(!version.isEmpty)
        #expect(daemon.stdout == "skillpathd \(version)")
    }

    @Test func helpWorksForGroupsAndThroughTheHelpCommand() throws {
        let group = try ProcessRunner.run("skillpath", ["catalog", "--help"])
        #expect(group.status == 0, "\(group.stderr)")
        for member in ["catalog check", "catalog import", "catalog search", "catalog show"] { #expect(group.stdout.contains(member)) }
        let viaHelp = try ProcessRunner.run("skillpath", ["help", "path"])
        let viaFlag = try ProcessRunner.run("skillpath", ["path", "--help"])
        #expect(viaHelp.status == 0)
        #expect(viaHelp.stdout == viaFlag.stdout)
        #expect(viaHelp.stdout.hasPrefix("usage: skillpath path"))
        #expect(try ProcessRunner.run("skillpath", ["help", "catalog"]).stdout == group.stdout)
        let overview = try ProcessRunner.run("skillpath", ["help"])
        #expect(overview.status == 0)
        #expect(overview.stdout.contains("commands:"))
        let unknown = try ProcessRunner.run("skillpath", ["help", "nosuch"])
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("unknown command 'nosuch'"))
    }

    /// Colour needs a terminal: `script` gives the command one.
    @Test func anEmptyNoColorDoesNotTurnColourOff() throws {
        func colored(_ environment: String) throws -> Bool {
            let command = "\(environment) \(ProcessRunner.executable("skillpath")) catalog check \(ProcessRunner.packageRoot)/Catalog"
            let result = try ProcessRunner.run("/usr/bin/script", ["-q", "-e", "-c", command, "/dev/null"], environment: ["TERM": "xterm"])
            #expect(result.status == 0, "\(result.stdout) \(result.stderr)")
            return result.stdout.contains("\u{1B}[")
        }
        #expect(try colored("env -u NO_COLOR"), "colour on a terminal")
        #expect(try colored("NO_COLOR="), "an empty NO_COLOR leaves colour on")
        #expect(try !colored("NO_COLOR=1"), "a non-empty NO_COLOR turns it off")
    }

    /// A long import says what it is doing on a terminal (stderr), and nothing extra into a pipe.
    @Test func catalogImportShowsItsStagesOnATerminalOnly() throws {
        let out = TemporaryDirectory()
        let input = "\(ProcessRunner.packageRoot)/docs/examples/lms-courses.csv"
        let command = "\(ProcessRunner.executable("skillpath")) catalog import courses-csv \(input) --out \(out.path)/tty"
        let terminal = try ProcessRunner.run("/usr/bin/script", ["-q", "-e", "-c", command, "/dev/null"], environment: ["TERM": "xterm"])
        #expect(terminal.status == 0, "\(terminal.stdout)")
        #expect(terminal.stdout.contains("Reading courses-csv from \(input)…"), "\(terminal.stdout)")
        #expect(terminal.stdout.contains("Checking the imported catalog…"))
        let piped = try ProcessRunner.run("skillpath", ["catalog", "import", "courses-csv", input, "--out", "\(out.path)/pipe"])
        #expect(piped.status == 0)
        #expect(!piped.stderr.contains("Reading"), "\(piped.stderr)")
    }

    /// skillpath(1) is generated from the command specs; the copy in docs/man is that output, and groff
    /// reads it without a warning.
    @Test func theManualPageIsTheHelpAndTheCommittedCopyIsCurrent() throws {
        let manual = try ProcessRunner.run("skillpath", ["manual"])
        #expect(manual.status == 0)
        let overview = try ProcessRunner.run("skillpath", ["--help"]).stdout
        let commands = overview.components(separatedBy: "commands:\n")[1].components(separatedBy: "\n\n")[0]
        for line in commands.split(separator: "\n") {
            let name = line.trimmingCharacters(in: .whitespaces).components(separatedBy: "  ")[0]
            #expect(manual.stdout.contains("skillpath \(name.replacingOccurrences(of: "-", with: "\\-"))"), "\(name) is in the page")
        }
        // Markdown code in the help (`catalog check`) is set in bold, never printed as backticks.
        #expect(!manual.stdout.contains("`"), "no literal backticks")
        #expect(manual.stdout.contains("(\\fBcatalog check\\fR found errors"))
        let committed = try String(contentsOfFile: "\(ProcessRunner.packageRoot)/docs/man/skillpath.1", encoding: .utf8)
        #expect(committed == manual.stdout, "docs/man/skillpath.1 is stale: run swift run skillpath manual > docs/man/skillpath.1")
        for page in ["skillpath.1", "skillpathd.8"] {
            let groff = try ProcessRunner.run("/usr/bin/groff", ["-man", "-Tutf8", "-ww", "-z", "\(ProcessRunner.packageRoot)/docs/man/\(page)"])
            #expect(groff.status == 0 && groff.stderr.isEmpty, "\(page): \(groff.stderr)")
        }
    }

    /// docs/cli.md's exit-code table says what skillpath(1) says, code for code.
    @Test func theExitCodeTableInTheDocsIsTheCodes() throws {
        let docs = try String(contentsOfFile: "\(ProcessRunner.packageRoot)/docs/cli.md", encoding: .utf8)
        let table = docs.components(separatedBy: "## Exit codes")[1].components(separatedBy: "\n\n")[1]
        let documented = table.split(separator: "\n").dropFirst(2).map { row in
            row.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
        }
        let manual = try ProcessRunner.run("skillpath", ["manual"]).stdout
        let status = manual.components(separatedBy: ".SH EXIT STATUS\n")[1].components(separatedBy: ".SH")[0]
        let items = status.components(separatedBy: ".TP\n").dropFirst().map { item in
            item.split(separator: "\n").map(String.init)
        }
        #expect(documented.count == items.count, "\(documented) vs \(items)")
        for (row, item) in zip(documented, items) {
            #expect(item.first == "\\fB\(row[0])\\fR")
            // The page sets the docs' `code` in bold.
            let text = item.dropFirst().joined(separator: " ").replacingOccurrences(of: "\\-", with: "-")
            #expect(text.replacingOccurrences(of: "\\fB", with: "`").replacingOccurrences(of: "\\fR", with: "`") == row[1])
        }
    }
}
