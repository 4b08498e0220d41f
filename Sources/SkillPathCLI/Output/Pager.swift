import Foundation
import Glibc
import SystemSupport

/// A pager for output taller than the terminal, as git and gh use one: `$PAGER` (run by the shell), else
/// `less -FRX` (quit if it fits, keep colours, leave the text on the screen). `PAGER=` (empty) or
/// `--no-pager` turns it off; it never runs when stdout is not a terminal.
public struct Pager: Sendable {
    let command: String
    /// Lines that fit on the screen; output of this many lines or more is paged.
    let screenLines: Int

    public init?(environment: [String: String]) {
        if let given = environment["PAGER"] {
            guard !given.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
            command = given
        } else {
            guard FileManager.default.isExecutableFile(atPath: "/usr/bin/less") else { return nil }
            command = "less -FRX"
        }
        screenLines = Terminal.height(environment: environment)
    }

    /// Hands `bytes` to the pager and waits for it; false when the pager could not be started (the caller
    /// then writes the text itself). A reader who quits early closes the pipe: the rest is dropped quietly.
    func show(_ bytes: [UInt8]) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        let pipe = Pipe()
        process.standardInput = pipe
        signal(SIGPIPE, SIG_IGN)
        do {
            try process.run()
        } catch {
            return false
        }
        try? pipe.fileHandleForWriting.write(contentsOf: Data(bytes))
        try? pipe.fileHandleForWriting.close()
        process.waitUntilExit()
        return true
    }
}
