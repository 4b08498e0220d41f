/// The two deadlines of a connection: `idleTimeout` between messages, counted from the last message
/// answered (not the last byte: blank lines and other bytes that are no message do not keep it open), and
/// `requestTimeout` for a message to arrive, counted from its first byte (a client trickling a byte a
/// second is dropped all the same).
struct ConnectionClock {
    /// How closely the deadlines are kept, in seconds.
    static let resolution = 0.05
    let idleTimeout: Double
    let requestTimeout: Double
    private var lastMessage = ContinuousClock.now
    private var messageStarted: ContinuousClock.Instant?

    init(idleTimeout: Double, requestTimeout: Double) {
        self.idleTimeout = idleTimeout
        self.requestTimeout = requestTimeout
    }

    enum Wait: Equatable {
        /// Read, for at most this many seconds.
        case read(seconds: Double)
        /// No message for `idleTimeout`: close quietly.
        case idle
        /// A message started `requestTimeout` ago and is still not complete: refuse it and close.
        case slow
    }

    /// A message was answered: the idle time starts again, and so does the next message's.
    mutating func answered() {
        lastMessage = .now
        messageStarted = nil
    }

    /// What to do before the next read, given whether part of a message has arrived.
    mutating func wait(partialMessage: Bool) -> Wait {
        let now = ContinuousClock.now
        if partialMessage {
            let started = messageStarted ?? now
            messageStarted = started
            let left = requestTimeout - (now - started).seconds
            return left > 0 ? .read(seconds: left) : .slow
        }
        messageStarted = nil
        let left = idleTimeout - (now - lastMessage).seconds
        return left > 0 ? .read(seconds: left) : .idle
    }
}
