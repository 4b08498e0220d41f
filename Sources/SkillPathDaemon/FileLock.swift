import Foundation
import Glibc
import SystemSupport

/// An exclusive advisory lock (flock) on a file, held for the daemon's lifetime and released by the kernel
/// when the process exits, however it exits. The holder writes its pid into the file, so the daemon that is
/// refused can say which process holds it.
///
/// Sendable: the descriptor and the path never change.
final class FileLock: Sendable {
    private let descriptor: Int32
    let path: String

    private init(descriptor: Int32, path: String) {
        self.descriptor = descriptor
        self.path = path
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Takes the lock or explains who has it; `subject` says what the lock protects, for the message.
    static func acquire(path: String, holding subject: String, mode: mode_t = 0o600) throws(Failure) -> FileLock {
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, mode)
        guard descriptor >= 0 else {
            throw Failure(description: "cannot open the lock file \(path): \(SystemError("open", errno: errno))")
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let holder = holderPID(descriptor).map { " (pid \($0))" } ?? ""
            close(descriptor)
            throw Failure(description: "another skillpathd\(holder) is using \(subject); it holds \(path)")
        }
        let pid = Array("\(getpid())\n".utf8)
        _ = ftruncate(descriptor, 0)
        _ = pid.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
        return FileLock(descriptor: descriptor, path: path)
    }

    /// The pid the current holder wrote, when it wrote one.
    private static func holderPID(_ descriptor: Int32) -> Int32? {
        var bytes = [UInt8](repeating: 0, count: 16)
        let count = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return nil }
        return Int32(String(decoding: bytes.prefix(count), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }

    func release() {
        close(descriptor)
    }
}
