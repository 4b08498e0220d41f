/// Writes one reply line as its parts are produced, so that a batch's replies never sit in memory together:
/// a connection holds at most one entry's reply and a small buffer, however long the batch.
///
/// Counts the bytes it was given against the reply limit; the opening `[`, the commas and the closing `]\n`
/// are framing and not counted.
struct ReplyStream {
    private let limit: Int
    private let write: ([UInt8]) throws -> Void
    private var buffer: [UInt8] = []
    private var opened = false
    /// Bytes of replies written so far in this line.
    private(set) var used = 0
    /// Whether a reply was refused for size: the batch's remaining requests are not run.
    private(set) var isSpent = false

    /// Flushed to the socket once this full: big enough that writes are few, small enough not to matter.
    private static let flushSize = 65_536

    init(limit: Int, write: @escaping ([UInt8]) throws -> Void) {
        self.limit = limit
        self.write = write
    }

    var remaining: Int { max(0, limit - used) }

    /// Adds one entry of the batch.
    mutating func append(_ entry: [UInt8]) throws {
        buffer.append(opened ? UInt8(ascii: ",") : UInt8(ascii: "["))
        opened = true
        buffer.append(contentsOf: entry)
        used += entry.count
        if buffer.count >= Self.flushSize { try flush() }
    }

    /// From now on, the batch's requests are answered without being run.
    mutating func markSpent() { isSpent = true }

    /// Closes the line; writes nothing when no entry was added (a batch of notifications gets no reply).
    mutating func finish() throws {
        guard opened else { return }
        buffer.append(contentsOf: [UInt8(ascii: "]"), 0x0A])
        try flush()
    }

    private mutating func flush() throws {
        try write(buffer)
        buffer.removeAll(keepingCapacity: true)
    }
}
