import Foundation
import Glibc
import SystemSupport

/// The folder that holds the database: private to the user running the daemon (and to a configured group),
/// whatever the umask, because the database holds every employee's skills and the audit log.
///
/// A missing folder is created 0700 (0750 with `state_group`); an existing one is used as it is, unless
/// another user could write to it (and so swap the database or plant a WAL file): then the daemon refuses
/// to start. The database files are made 0600 (0640) on every start, which also repairs files an older
/// version left world-readable.
struct StateFolder {
    let path: String
    let group: (name: String, gid: UInt32)?

    var folderMode: mode_t { group == nil ? 0o700 : 0o750 }
    var fileMode: mode_t { group == nil ? 0o600 : 0o640 }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Checks or creates the folder of `databasePath`.
    static func prepare(databasePath: String, groupName: String?) throws(Failure) -> StateFolder {
        var group: (name: String, gid: UInt32)?
        if let groupName {
            guard let gid = ProcessIdentity.gid(groupName: groupName) else {
                throw Failure(description: "state_group '\(groupName)' is not a group on this host")
            }
            group = (groupName, gid)
        }
        let folder = StateFolder(path: (databasePath as NSString).deletingLastPathComponent, group: group)
        var status = stat()
        if stat(folder.path, &status) != 0 {
            try create(folder.path, mode: folder.folderMode, group: group?.gid)
        } else {
            try folder.check(status)
        }
        return folder
    }

    /// Creates `directory` (and missing parents) with exactly `mode`, whatever the umask.
    static func create(_ directory: String, mode: mode_t, group: UInt32?) throws(Failure) {
        var status = stat()
        guard stat(directory, &status) != 0 else { return }
        let parent = (directory as NSString).deletingLastPathComponent
        if !parent.isEmpty, parent != directory, stat(parent, &status) != 0 {
            try create(parent, mode: 0o755, group: nil)
        }
        guard mkdir(directory, mode) == 0 || errno == EEXIST else {
            throw Failure(description: "cannot create the folder \(directory): \(SystemError("mkdir", errno: errno))")
        }
        guard chmod(directory, mode) == 0, group.map({ chown(directory, UInt32.max, $0) == 0 }) ?? true else {
            throw Failure(description: "cannot set the owner or mode of \(directory): \(SystemError("chmod", errno: errno))")
        }
    }

    private func check(_ status: stat) throws(Failure) {
        guard status.st_mode & S_IFMT == S_IFDIR else {
            throw Failure(description: "\(path) holds the database but is not a folder")
        }
        let me = getuid()
        guard status.st_uid == me || status.st_uid == 0 else {
            throw Failure(description: "the state folder \(path) belongs to uid \(status.st_uid), not to the user running skillpathd (uid \(me)) or root; its owner could replace the database")
        }
        let writable = status.st_mode & 0o022
        guard writable == 0 else {
            let mode = String(status.st_mode & 0o7777, radix: 8)
            throw Failure(description: "the state folder \(path) can be written by \(writable & 0o002 != 0 ? "every local user" : "its group") (mode 0\(mode)); run 'chmod go-w \(path)' or choose another database path")
        }
    }

    /// Locks the database for this daemon, so that a second daemon on the same file (through another socket
    /// or config) is refused at start rather than failing its writes with "database is locked".
    func lockDatabase(_ databasePath: String) throws(Failure) -> FileLock {
        do {
            return try FileLock.acquire(path: databasePath + ".lock", holding: "the database \(databasePath)", mode: fileMode)
        } catch {
            throw Failure(description: error.description)
        }
    }

    /// Gives the database and its companions (`-wal`, `-shm`, `-journal`, `.lock`) their private mode.
    func secureFiles(of databasePath: String) throws(Failure) {
        for suffix in ["", "-wal", "-shm", "-journal", ".lock"] {
            let file = databasePath + suffix
            var status = stat()
            guard lstat(file, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { continue }
            let owned = group.map { chown(file, UInt32.max, $0.gid) == 0 } ?? true
            guard owned, chmod(file, fileMode) == 0 else {
                throw Failure(description: "cannot make \(file) private (mode 0\(String(fileMode, radix: 8))): \(SystemError("chmod", errno: errno))")
            }
        }
    }

    /// The umask for everything the daemon creates: nothing for others, and for the group only with
    /// `state_group`. SQLite creates the WAL and SHM files with the database's mode, and this covers the rest.
    static func umaskValue(group: String?) -> mode_t {
        group == nil ? 0o077 : 0o027
    }
}
