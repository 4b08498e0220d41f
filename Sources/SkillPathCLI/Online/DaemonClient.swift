import Foundation
import JSONRPC
import SkillPathJSON
import SkillPathCore
import SkillPathProtocol
import SystemSupport

/// Talks to `skillpathd`: finds its socket, sends requests, turns error replies into `CLIError`s with the
/// documented exit codes.
///
/// The socket is, in order: `--socket`, `$SKILLPATH_SOCKET`, the nearest `.skillpath/skillpathd.sock` in the
/// working folder or above it (where `swift run skillpathd` puts it; looked for upwards, as git looks for
/// `.git`, so a subfolder of the working tree finds it), then the system socket. `--verbose` says which.
final class DaemonClient {
    static let systemSocket = "/run/skillpath/skillpathd.sock"
    static let developmentSocket = ".skillpath/skillpathd.sock"

    let socketPath: String
    /// How the path was chosen, for the "no daemon" message.
    let origin: String
    /// The options the command line gave, to name a parameter the daemon refuses by the flag that carried it.
    let options: [OptionSpec]
    private var socket: UnixSocket?
    private var framer = LineFramer(maximumLineLength: 256 << 20)
    private var nextID = 1

    init(arguments: ParsedArguments, environment: [String: String]) {
        options = arguments.givenOptions
        if let given = arguments.value("socket") {
            (socketPath, origin) = (given, "given with --socket")
        } else if let variable = environment["SKILLPATH_SOCKET"], !variable.isEmpty {
            (socketPath, origin) = (variable, "from $SKILLPATH_SOCKET")
        } else if let local = Self.nearestDevelopmentSocket(from: FileManager.default.currentDirectoryPath) {
            (socketPath, origin) = (local, "the nearest \(Self.developmentSocket) at or above the working folder")
        } else if FileManager.default.fileExists(atPath: Self.systemSocket) {
            (socketPath, origin) = (Self.systemSocket, "the system socket")
        } else {
            (socketPath, origin) = (Self.systemSocket, "no \(Self.developmentSocket) at or above the working folder, and no system socket")
        }
        if arguments.flag("verbose") { FileHandle.standardError.write(Data("skillpath: using the socket \(socketPath) (\(origin))\n".utf8)) }
    }

    /// `folder/.skillpath/skillpathd.sock` for the working folder or the nearest folder above it that has one.
    static func nearestDevelopmentSocket(from folder: String) -> String? {
        var url = URL(fileURLWithPath: folder).standardizedFileURL
        while true {
            let candidate = url.appendingPathComponent(developmentSocket).path
            if FileManager.default.fileExists(atPath: candidate) { return candidate }
            let parent = url.deletingLastPathComponent()
            if parent.path == url.path { return nil }
            url = parent
        }
    }

    /// Calls a method of the protocol with its params, and returns its result.
    func call<Method: RPCMethod>(_ method: Method.Type, _ params: Method.Params) throws(CLIError) -> JSONValue {
        try call(Method.name, params.json)
    }

    /// Calls a method by name (`skillpath rpc`) and returns its result.
    func call(_ method: String, _ params: JSONValue = .object([])) throws(CLIError) -> JSONValue {
        let connection = try connected()
        do {
            try connection.write(requestLine(method, params))
        } catch {
            throw CLIError(.unavailable, "skillpathd on \(socketPath) closed the connection (\(error))")
        }
        return try nextResult()
    }

    /// One request, as the line to send, under the next id.
    func requestLine(_ method: String, _ params: JSONValue) -> [UInt8] {
        defer { nextID += 1 }
        var request = JSONWriter.bytes(.object([("jsonrpc", "2.0"), ("id", .int(nextID)), ("method", .string(method)), ("params", params)]))
        request.append(0x0A)
        return request
    }

    /// The connection, opened on first use: `PipelinedCalls` writes to it from a thread of its own.
    func connectedSocket() throws(CLIError) -> UnixSocket {
        try connected()
    }

    /// The result of the next reply on the connection (replies come in request order); an error reply is
    /// thrown.
    func nextResult() throws(CLIError) -> JSONValue {
        let line = try readLine(try connected())
        let reply: JSONValue
        do {
            reply = try JSONParser.parse(line)
        } catch {
            throw CLIError(.failure, "skillpathd sent a reply that is not JSON: \(error.message)")
        }
        if let error = reply["error"] { throw Self.failure(from: error, options: options) }
        guard let result = reply["result"] else { throw CLIError(.failure, "skillpathd sent a reply with neither result nor error") }
        return result
    }

    /// After `events.subscribe`: hands each notification to `handle` as it arrives, until `handle` returns
    /// false or the daemon closes the connection. Waits as long as it takes between events.
    func notifications(_ handle: (JSONValue) -> Bool) throws(CLIError) {
        let connection = try connected()
        while true {
            let line = try readLine(connection, waitingForever: true)
            guard let message = try? JSONParser.parse(line) else { throw CLIError(.failure, "skillpathd sent a line that is not JSON") }
            if !handle(message) { return }
        }
    }

    private func connected() throws(CLIError) -> UnixSocket {
        if let socket { return socket }
        do {
            let opened = try UnixSocket.connect(path: socketPath)
            try? opened.setReceiveTimeout(seconds: 600)
            socket = opened
            return opened
        } catch {
            // One line each (docs/cli.md): a daemon that refuses you needs a group, not a start.
            let reason = error.errno == EACCES
                ? "permission denied; ask an administrator to add you to the skillpath group"
                : "no skillpathd answers there; start one ('swift run skillpathd', or 'systemctl start skillpathd.socket') or name its socket with --socket PATH or SKILLPATH_SOCKET"
            throw CLIError(.unavailable, "cannot reach skillpathd on \(socketPath) (\(origin)): \(reason)")
        }
    }

    /// The next line; `waitingForever` (a subscription) reads on past the receive timeout.
    private func readLine(_ connection: UnixSocket, waitingForever: Bool = false) throws(CLIError) -> [UInt8] {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 65_536, alignment: 1)
        defer { buffer.deallocate() }
        while true {
            switch framer.next() {
            case .line(let line): return line
            case .tooLong: throw CLIError(.failure, "the reply is too large")
            case .needMoreData: break
            }
            let count: Int
            do {
                count = try connection.read(into: buffer)
            } catch {
                if waitingForever, error.errno == EAGAIN || error.errno == EWOULDBLOCK { continue }
                throw CLIError(.unavailable, "reading from skillpathd failed: \(error)")
            }
            if count == 0 { throw CLIError(.unavailable, "skillpathd closed the connection before answering") }
            framer.append(UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
        }
    }

    /// A JSON-RPC error as a CLI error, with the exit code `ExitCode(rpcCode:)` gives its code; except that a
    /// parameter the daemon refuses which one of the command's flags carried is an invalid option value, as
    /// when the CLI finds it: exit 64, named by the flag ("--limit must be between 1 and 100, got 500").
    static func failure(from error: JSONValue, options: [OptionSpec] = []) -> CLIError {
        let code = error["code"]?.intValue ?? JSONRPCError.internalErrorCode
        if code == JSONRPCError.invalidParamsCode, let parameter = error["data"]?["param"]?.stringValue,
           let reason = error["data"]?["reason"]?.stringValue, let flag = OptionSpec.flag(for: parameter, among: options) {
            return CLIError(.usage, "--\(flag) \(reason)")
        }
        let message = error["message"]?.stringValue ?? "unknown error"
        var details: [String] = []
        for problem in error["data"]?["errors"]?.arrayValue ?? [] {
            if let text = problem.stringValue { details.append("  \(text)") }
        }
        return CLIError(ExitCode(rpcCode: code), message, details: details)
    }
}
