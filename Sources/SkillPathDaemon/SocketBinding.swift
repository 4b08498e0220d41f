import Foundation
import Glibc
import SystemSupport

/// Gets the listening socket: the one systemd passed, or our own, replacing a stale file left by a crashed
/// daemon but never taking over one a live daemon serves.
struct SocketBinding {
    let socket: UnixSocket
    /// The file to remove on exit: only a socket we created. An inherited socket belongs to systemd.
    let ownedPath: String?
    /// Held for the daemon's lifetime so that two daemons starting at once cannot both claim the path.
    let lock: FileLock?

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func acquire(configuration: DaemonConfiguration, environment: [String: String], logger: Logger) throws(Failure) -> SocketBinding {
        let inherited = SocketActivation.inheritedDescriptors(environment: environment)
        if let first = inherited.first {
            let socket = UnixSocket(adopting: first)
            guard socket.isListeningStream else {
                throw Failure(description: "descriptor \(first) from socket activation is not a listening stream socket (check ListenStream= in skillpathd.socket)")
            }
            if inherited.count > 1 { logger.warning("socket activation passed several sockets; serving the first", [("count", String(inherited.count))]) }
            // The unit's socket wins over --socket and the config (docs/protocol.md says why); say so.
            logger.info("using the socket from systemd; the configured socket path is not opened", [("fd", String(first)), ("configured", configuration.socketPath)])
            return SocketBinding(socket: socket, ownedPath: nil, lock: nil)
        }
        let path = configuration.socketPath
        let lock: FileLock?
        if path.hasPrefix("@") {
            lock = nil
        } else {
            let directory = (path as NSString).deletingLastPathComponent
            do {
                // Others reach the socket through this folder; the socket's own mode decides who may connect.
                try StateFolder.create(directory, mode: 0o755, group: nil)
            } catch {
                throw Failure(description: error.description)
            }
            do {
                lock = try FileLock.acquire(path: path + ".lock", holding: "the socket \(path)")
            } catch {
                throw Failure(description: error.description)
            }
            try removeIfStale(path, logger: logger)
        }
        do {
            let socket = try UnixSocket.listen(path: path, mode: configuration.socketMode)
            return SocketBinding(socket: socket, ownedPath: path.hasPrefix("@") ? nil : path, lock: lock)
        } catch {
            if error.errno == EADDRINUSE {
                throw Failure(description: "another skillpathd is already serving on \(path)")
            }
            throw Failure(description: "cannot listen on \(path): \(error)")
        }
    }

    /// A socket file nobody answers on is left over from a crash: remove it. One that answers belongs to a
    /// live daemon: refuse. Anything else at that path is not ours to delete.
    static func removeIfStale(_ path: String, logger: Logger) throws(Failure) {
        var status = stat()
        guard lstat(path, &status) == 0 else { return }
        guard status.st_mode & S_IFMT == S_IFSOCK else {
            throw Failure(description: "\(path) exists and is not a socket; refusing to replace it")
        }
        do {
            _ = try UnixSocket.connect(path: path)
            throw Failure(description: "another skillpathd is already serving on \(path)")
        } catch let failure as Failure {
            throw failure
        } catch let error as SystemError where error.errno == ECONNREFUSED || error.errno == ENOENT {
            unlink(path)
            logger.warning("removed a stale socket left by a previous daemon", [("path", path)])
        } catch {
            throw Failure(description: "cannot check the existing socket \(path): \(error)")
        }
    }

    func remove() {
        if let ownedPath { unlink(ownedPath) }
        if let lock {
            unlink(lock.path)
            lock.release()
        }
    }
}
