import Foundation
import Glibc

/// With `SKILLPATH_PARENT_PID` set, the daemon exits when that process is gone: test harnesses and scripts
/// that start a daemon for themselves set it, so that a harness that crashes leaves no daemon behind.
/// (systemd needs none of this: it stops what it started.)
enum ParentWatch {
    static func start(environment: [String: String]) {
        guard let text = environment["SKILLPATH_PARENT_PID"], let parent = Int32(text), parent > 1 else { return }
        let thread = Thread {
            while getppid() == parent { sleep(1) }
            // Reparented: the process that started us is gone. Stop like SIGTERM would, quickly.
            kill(getpid(), SIGTERM)
        }
        thread.stackSize = 64 << 10
        thread.start()
    }
}
