import Foundation
import Glibc

/// The Unix users the access and fairness tests run as. Creating them needs root; CI runs as root, so
/// there these tests run, and anywhere else they are reported as skipped (`TestUsers.canCreate`).
public enum TestUsers {
    public static let employee = "sp-employee"
    public static let manager = "sp-manager"
    public static let service = "sp-service"
    public static let admin = "sp-admin"
    public static let stranger = "sp-stranger"
    /// An employee with no relation to `employee` (same manager, no reports).
    public static let colleague = "sp-colleague"
    /// A manager of another team, outside `employee`'s line.
    public static let outsider = "sp-outsider"
    public static let all = [employee, manager, service, admin, stranger, colleague, outsider]
    /// The group whose members the test daemons treat as administrators.
    public static let adminGroup = "sp-admins"

    public static var canCreate: Bool { getuid() == 0 }

    /// Creates the users and the admin group if missing; throws, naming the command, when that fails.
    public static func ensure() throws {
        if try ProcessRunner.run("/usr/bin/getent", ["group", adminGroup]).status != 0 {
            let result = try ProcessRunner.run("/usr/sbin/groupadd", [adminGroup])
            guard result.status == 0 || result.status == 9 else { throw ChildProcess.Failure(description: "groupadd \(adminGroup): \(result.stderr)") }
        }
        for user in all where try ProcessRunner.run("/usr/bin/id", [user]).status != 0 {
            let result = try ProcessRunner.run("/usr/sbin/useradd", ["--no-create-home", "--shell", "/usr/sbin/nologin"] + (user == admin ? ["-G", adminGroup] : []) + [user])
            // 9: created meanwhile by a test running in parallel.
            guard result.status == 0 || result.status == 9 else { throw ChildProcess.Failure(description: "useradd \(user): \(result.stderr)") }
        }
    }

    /// Runs one of the product's executables as `user`.
    public static func run(_ user: String, _ program: String, _ arguments: [String], stdin: String? = nil, timeout: Double = 120) throws -> ProcessOutput {
        try ProcessRunner.run("/usr/sbin/runuser", ["-u", user, "--", ProcessRunner.executable(program)] + arguments, stdin: stdin, timeout: timeout)
    }

    /// Starts one of the product's executables as `user`, in the background.
    public static func start(_ user: String, _ program: String, _ arguments: [String]) throws -> ChildProcess {
        try ProcessRunner.start("/usr/sbin/runuser", ["-u", user, "--", ProcessRunner.executable(program)] + arguments)
    }
}
