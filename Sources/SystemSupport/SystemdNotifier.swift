import Glibc

/// sd_notify(3) without libsystemd: one datagram per state change to `$NOTIFY_SOCKET`.
///
/// A no-op when the variable is unset (not run by systemd with `Type=notify`). A leading `@` in the socket
/// name means the abstract namespace.
public struct SystemdNotifier: Sendable {
    public let socketPath: String?
    /// Half of `WATCHDOG_USEC`, when systemd expects keep-alives from this process.
    public let watchdogInterval: Double?

    public init(environment: [String: String], pid: Int32 = ProcessIdentity.currentPID) {
        socketPath = environment["NOTIFY_SOCKET"].flatMap { $0.isEmpty ? nil : $0 }
        let watchdogFor = environment["WATCHDOG_PID"].flatMap(Int32.init)
        if let micros = environment["WATCHDOG_USEC"].flatMap(Double.init), micros > 0, watchdogFor == nil || watchdogFor == pid {
            watchdogInterval = micros / 2 / 1_000_000
        } else {
            watchdogInterval = nil
        }
    }

    public var isEnabled: Bool { socketPath != nil }

    public func ready(status: String? = nil) { send("READY=1" + (status.map { "\nSTATUS=\($0)" } ?? "")) }
    public func stopping() { send("STOPPING=1") }
    public func reloading() { send("RELOADING=1") }
    public func watchdog() { send("WATCHDOG=1") }
    public func status(_ text: String) { send("STATUS=\(text)") }

    /// Sends one datagram. Failures are ignored: notification is advisory, and a daemon must not stop
    /// serving because systemd is not listening.
    public func send(_ message: String) {
        guard let socketPath, let address = try? UnixSocketAddress(path: socketPath) else { return }
        let descriptor = Glibc.socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else { return }
        defer { Glibc.close(descriptor) }
        let bytes = Array(message.utf8)
        address.withSockaddr { pointer, length in
            _ = bytes.withUnsafeBytes { raw in
                sendto(descriptor, raw.baseAddress, raw.count, Int32(MSG_NOSIGNAL), pointer, length)
            }
        }
    }
}
