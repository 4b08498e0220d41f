/// Why the daemon answers a connection or a message with an error and no work: refusals of the transport,
/// before any method runs.
public enum ConnectionRefusal: Error, Sendable, Equatable {
    /// A limit on connections was reached; the reason names it.
    case overloaded(String)
    /// The daemon is draining: the request was not started and may be sent again to the next daemon.
    case stopping
    /// A message longer than the configured limit, in bytes.
    case messageTooLarge(Int)
    /// A message that did not arrive in full within the request timeout, in seconds.
    case slowMessage(Int)
}
