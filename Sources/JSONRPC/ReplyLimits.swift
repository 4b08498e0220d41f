/// How much one message may ask for and get back: the bounds that keep a single caller from turning a small
/// request into gigabytes of reply (a batch of 10,000 `rpc.discover` calls is 579 KB in and 2 GB out).
public struct ReplyLimits: Sendable {
    /// Requests one batch may hold; a longer batch is refused whole, with nothing run.
    public var maxBatchRequests: Int
    /// Bytes one reply line may carry (a batch's, all its entries together). Once a batch's replies pass
    /// it, the requests left are not run and each gets an error instead; a single reply larger than what
    /// is left is replaced by an error saying how large it was.
    public var maxReplyBytes: Int
    /// The error for each refusal, from the caller's error table (this layer only knows the specification's).
    public var error: @Sendable (ReplyRefusal) -> JSONRPCError

    public init(maxBatchRequests: Int, maxReplyBytes: Int, error: @escaping @Sendable (ReplyRefusal) -> JSONRPCError) {
        self.maxBatchRequests = maxBatchRequests
        self.maxReplyBytes = maxReplyBytes
        self.error = error
    }
}

/// Why a request got an error from the reply's bounds rather than from its method.
public enum ReplyRefusal: Sendable, Equatable {
    /// A batch of `count` requests, over the `limit`: nothing in it ran.
    case batchTooLong(count: Int, limit: Int)
    /// This request ran, but its reply (`size` bytes) is larger than the `remaining` bytes of `limit`.
    case replyTooLarge(size: Int, remaining: Int, limit: Int)
    /// The batch's earlier replies used up the `limit`: this request was not run.
    case notRun(limit: Int)
}
