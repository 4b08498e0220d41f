import Foundation
import SkillPathTestSupport
import Testing

/// Completion: what `skillpath complete` offers for a command line, and the bash and zsh scripts run in the
/// real shells, calling the real CLI against a real daemon.
@Suite(.serialized) struct CompletionTests {
    let daemon: DaemonProcess

    init() throws {
        daemon = try DaemonProcess()
    }

    func complete(_ words: String...) throws -> [String] {
        let result = try ProcessRunner.run("skillpath", ["complete", "--"] + words, environment: ["SKILLPATH_SOCKET": daemon.socketPath])
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout.split(separator: "\n").map(String.init)
    }

    @Test func commandsAfterGlobalOptionsGroupsAndSubcommands() throws {
        #expect(try complete("--json", "pat") == ["path"])
        #expect(try complete("--socket", "/x.sock", "--json", "pat") == ["path"], "the socket's value is not a command")
        #expect(try complete("cat") == ["catalog"], "a group completes to its own name, not 'catalog:'")
        #expect(try complete("catalog", "") == ["search", "show", "check", "import"])
        #expect(try complete("moves", "") == ["record", "end", "feedback"])
        #expect(try complete("path", "--tar") == ["--target"])
    }

    @Test func optionValuesAndArguments() throws {
        #expect(try complete("catalog", "import", "") == ["onet", "esco", "metacademy", "princeton", "courses-csv"])
        #expect(try complete("path", "--objective", "c") == ["cost"])
        #expect(try complete("path", "--graph", "") == ["dot", "mermaid"])
        #expect(try complete("report", "mobility", "--group-by", "") == ["month", "quarter"])
        #expect(try complete("plan", "--catalog", "") == ["<directories>"])
        #expect(try complete("plan", "--profile", "") == ["<files>"])
        // Ids from the daemon: the fixture catalog's roles and courses.
        #expect(try complete("path", "--target", "") == ["analyst", "lead", "ml-engineer", "scientist"])
        #expect(try complete("compare", "scientist", "l") == ["lead"])
        #expect(try complete("progress", "py") == ["py1", "py2", "py3", "py3-bootcamp"])
        #expect(try complete("--json", "candidates", "ml") == ["ml-engineer"])
        // `--opt=value` as zsh and fish pass it (one word), and as bash splits it (`--opt`, `=`, `value`).
        #expect(try complete("path", "--target=sc") == ["--target=scientist"])
        #expect(try complete("path", "--objective=") == ["--objective=hours", "--objective=cost"])
        #expect(try complete("path", "--target", "=") == ["analyst", "lead", "ml-engineer", "scientist"])
        #expect(try complete("path", "--target", "=", "sc") == ["scientist"])
        #expect(try complete("plan", "--profile=") == ["<files>"])
        #expect(try complete("completion", "") == ["bash", "zsh", "fish"])
    }

    @Test func withoutADaemonIdsAreLeftOutQuietly() throws {
        let result = try ProcessRunner.run("skillpath", ["complete", "--", "--socket", "/nonexistent.sock", "path", "--target", ""])
        #expect(result.status == 0)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.isEmpty)
    }

    /// The bash script, sourced in real bash, with the shell's completion variables set as bash sets them.
    @Test func theBashScriptCompletesInBash() throws {
        let directory = TemporaryDirectory()
        directory.write(["c.bash": try ProcessRunner.run("skillpath", ["completion", "bash"]).stdout])
        // A copy installed as ~/bin/skillpath, typed that way (bash leaves the ~ in the word).
        let home = TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: "\(home.path)/bin", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: "\(home.path)/bin/skillpath", withDestinationPath: "\(ProcessRunner.buildDirectory)/skillpath")
        func bash(_ line: String, command: String = "skillpath") throws -> [String] {
            let words = line.split(separator: " ", omittingEmptySubsequences: false).map { "'\($0)'" }.joined(separator: " ")
            let script = """
            source \(directory.path)/c.bash
            COMP_WORDS=('\(command)' \(words)); COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
            _skillpath
            printf '%s\\n' "${COMPREPLY[@]}"
            """
            let environment = ["PATH": "\(ProcessRunner.buildDirectory):/usr/bin:/bin", "SKILLPATH_SOCKET": daemon.socketPath, "HOME": home.path]
            let result = try ProcessRunner.run("/bin/bash", ["-c", script], environment: environment)
            #expect(result.status == 0, "\(result.stderr)")
            return result.stdout.split(separator: "\n").map(String.init)
        }
        #expect(try bash("--json pat") == ["path"])
        #expect(try bash("cat") == ["catalog"])
        #expect(try bash("cat", command: "~/bin/skillpath") == ["catalog"], "a command typed with ~ is found")
        #expect(try bash("path --target sc") == ["scientist"])
        #expect(try bash("completion ") == ["bash", "zsh", "fish"])
        #expect(try bash("path --target = sc") == ["scientist"], "bash's own split of --target=sc")
        #expect(try bash("plan --catalog \(directory.path)/") == [], "an empty folder has no entries to offer")
    }

    /// The zsh script in real zsh. The completion builtins only run inside the line editor, so the test
    /// stands in for `_describe` and `_files` and checks what the script hands them. zsh is installed by
    /// .ci/run; on a machine without it this test is skipped (and says so).
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/zsh"), "zsh is not installed"))
    func theZshScriptCompletesInZsh() throws {
        let directory = TemporaryDirectory()
        directory.write(["_skillpath": try ProcessRunner.run("skillpath", ["completion", "zsh"]).stdout])
        let home = TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: "\(home.path)/bin", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: "\(home.path)/bin/skillpath", withDestinationPath: "\(ProcessRunner.buildDirectory)/skillpath")
        func zsh(_ line: String, command: String = "skillpath") throws -> String {
            let words = line.split(separator: " ", omittingEmptySubsequences: false).map { "'\($0)'" }.joined(separator: " ")
            let script = """
            _describe() { shift 3; print -l -- "${(@P)1}"; }
            _files() { print -- "files $*"; }
            source <(sed '$d' \(directory.path)/_skillpath)
            words=('\(command)' \(words)); CURRENT=${#words}
            _skillpath
            """
            let environment = ["PATH": "\(ProcessRunner.buildDirectory):/usr/bin:/bin", "SKILLPATH_SOCKET": daemon.socketPath, "HOME": home.path]
            let result = try ProcessRunner.run("/usr/bin/zsh", ["-f", "-c", script], environment: environment)
            #expect(result.status == 0, "\(result.stderr)")
            return result.stdout
        }
        #expect(try zsh("--json pat") == "path:your learning path to a role, or a report's (from your stored skills)\n")
        #expect(try zsh("cat").hasPrefix("catalog:"), "the group, described, never 'catalog\\:check'")
        #expect(try zsh("path --target sc") == "scientist\n")
        #expect(try zsh("path --target sc", command: "~/bin/skillpath") == "scientist\n", "a command typed with ~ is found")
        #expect(try zsh("plan --profile ") == "files \n")
    }

    /// The fish script in real fish: `complete -C` asks fish itself what it would offer for a command line.
    /// .ci/run installs fish; on a machine without it this test is skipped (and says so).
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/fish"), "fish is not installed"))
    func theFishScriptCompletesInFish() throws {
        let directory = TemporaryDirectory()
        directory.write(["skillpath.fish": try ProcessRunner.run("skillpath", ["completion", "fish"]).stdout])
        func fish(_ line: String) throws -> [String] {
            let script = "source \(directory.path)/skillpath.fish; complete -C '\(line)'"
            let environment = ["PATH": "\(ProcessRunner.buildDirectory):/usr/bin:/bin", "SKILLPATH_SOCKET": daemon.socketPath, "HOME": directory.path]
            let result = try ProcessRunner.run("/usr/bin/fish", ["--no-config", "-c", script], environment: environment)
            #expect(result.status == 0, "\(result.stderr)")
            return result.stdout.split(separator: "\n").map(String.init)
        }
        #expect(try fish("skillpath --json pat") == ["path\tyour learning path to a role, or a report's (from your stored skills)"])
        #expect(try fish("skillpath path --target sc") == ["scientist"])
        #expect(try fish("skillpath path --target=sc") == ["--target=scientist"])
        #expect(try fish("skillpath completion f") == ["fish"])
    }
}
