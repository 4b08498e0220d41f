import Dispatch
import SkillPathJSON

/// Calls sent ahead of their replies (pipelining: docs/protocol.md, replies come back in request order), so
/// that the CLI reads and encodes the next batch of an import while the daemon works on the one before,
/// instead of the two processes taking turns.
///
/// At most `ahead` calls wait behind the oldest unanswered one. The requests are written by a thread of their
/// own: a request larger than the socket's buffer must never wait on the daemon while the daemon waits to
/// write a large reply to a CLI that is not reading (each would wait for the other for ever). A write that
/// fails shuts the connection, so the read waiting for its reply ends with an error instead of a timeout.
final class PipelinedCalls<Tag> {
    private let client: DaemonClient
    private let ahead: Int
    private let writer = DispatchQueue(label: "skillpath.pipelined-requests")
    /// What each call sent and not yet answered was sent with, oldest first.
    private(set) var unanswered: [Tag] = []

    init(_ client: DaemonClient, ahead: Int) {
        self.client = client
        self.ahead = max(0, ahead)
    }

    /// Sends a call; when more than `ahead` calls are then waiting, reads the oldest one's reply and returns
    /// it with its tag.
    func send(_ method: String, _ params: JSONValue, tag: Tag) throws(CLIError) -> (result: JSONValue, tag: Tag)? {
        let socket = try client.connectedSocket()
        let line = client.requestLine(method, params)
        writer.async {
            do { try socket.write(line) } catch { socket.shutdownBoth() }
        }
        unanswered.append(tag)
        return unanswered.count > ahead ? try next() : nil
    }

    /// The oldest unanswered call's result and tag, or nil when every call is answered. An error reply is
    /// thrown, and its call stays in `unanswered`.
    func next() throws(CLIError) -> (result: JSONValue, tag: Tag)? {
        guard let tag = unanswered.first else { return nil }
        let result = try client.nextResult()
        unanswered.removeFirst()
        return (result, tag)
    }
}
