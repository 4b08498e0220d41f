import Glibc

/// systemd socket activation without libsystemd: the listening sockets a `.socket` unit passed us.
///
/// Honoured only when `LISTEN_PID` is our own pid (the variables are inherited by children, which must not
/// take them); descriptors start at 3. The variables are removed after reading, as sd_listen_fds(3) does.
public enum SocketActivation {
    public static let firstDescriptor: Int32 = 3

    /// The inherited listening descriptors, or an empty list when not socket-activated.
    public static func inheritedDescriptors(environment: [String: String], pid: Int32 = ProcessIdentity.currentPID) -> [Int32] {
        defer {
            unsetenv("LISTEN_PID")
            unsetenv("LISTEN_FDS")
            unsetenv("LISTEN_FDNAMES")
        }
        guard let listenPID = environment["LISTEN_PID"].flatMap(Int32.init), listenPID == pid,
              let count = environment["LISTEN_FDS"].flatMap(Int32.init), count > 0
        else { return [] }
        return (0..<count).map { firstDescriptor + $0 }.map { descriptor in
            // Inherited descriptors must not leak into processes we start.
            _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
            return descriptor
        }
    }
}
