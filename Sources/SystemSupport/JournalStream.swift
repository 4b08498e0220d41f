import Glibc

/// Whether stderr is connected to the systemd journal: systemd sets `JOURNAL_STREAM=DEVICE:INODE` for a
/// service whose output goes there. A child process inherits the variable while its stderr may point
/// elsewhere, so it counts only when stderr's own device and inode match (systemd.exec(5)).
public enum JournalStream {
    public static func isStandardError(environment: [String: String]) -> Bool {
        guard let value = environment["JOURNAL_STREAM"] else { return false }
        let parts = value.split(separator: ":")
        guard parts.count == 2, let device = UInt64(parts[0]), let inode = UInt64(parts[1]) else { return false }
        var status = stat()
        guard fstat(2, &status) == 0 else { return false }
        return UInt64(status.st_dev) == device && UInt64(status.st_ino) == inode
    }
}
