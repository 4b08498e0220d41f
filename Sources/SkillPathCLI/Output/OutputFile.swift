import Foundation
import Glibc

/// A file the CLI writes whole (`report --out`): written beside its final name and renamed into place, so a
/// failure never leaves half a page where a whole one was; errors say what went wrong in the system's words
/// ("cannot write /proc/x.html: No such file or directory"), not Foundation's. A path that is already
/// something other than a file (`/dev/null`, a pipe) is written as it is, never replaced.
enum OutputFile {
    static func write(_ text: String, to path: String) throws(CLIError) {
        var status = stat()
        if stat(path, &status) == 0 {
            let kind = status.st_mode & S_IFMT
            if kind == S_IFDIR { throw failure(path, EISDIR) }
            if kind != S_IFREG {
                let descriptor = open(path, O_WRONLY | O_TRUNC | O_CLOEXEC)
                guard descriptor >= 0 else { throw failure(path, errno) }
                let failed = write(text, descriptor: descriptor)
                close(descriptor)
                if let failed { throw failure(path, failed) }
                return
            }
        }
        let temporary = "\(path).\(getpid()).partial"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw failure(path, errno) }
        var failed = write(text, descriptor: descriptor)
        if failed == nil && fsync(descriptor) != 0 { failed = errno }
        close(descriptor)
        if failed == nil && rename(temporary, path) != 0 { failed = errno }
        if let failed {
            unlink(temporary)
            throw failure(path, failed)
        }
    }

    /// Writes all of `text`; the errno of a failure, nil when every byte went.
    private static func write(_ text: String, descriptor: Int32) -> Int32? {
        var bytes = Array(text.utf8)
        var offset = 0
        var failed: Int32?
        bytes.withUnsafeMutableBytes { raw in
            while offset < raw.count, let base = raw.baseAddress {
                let written = Glibc.write(descriptor, base + offset, raw.count - offset)
                if written < 0 && errno == EINTR { continue }
                if written <= 0 {
                    failed = written < 0 ? errno : EIO
                    return
                }
                offset += written
            }
        }
        return failed
    }

    static func failure(_ path: String, _ code: Int32) -> CLIError {
        CLIError(.failure, "cannot write \(path): \(String(cString: strerror(code)))")
    }
}
