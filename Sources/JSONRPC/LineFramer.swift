/// Newline-delimited framing: one JSON-RPC message per line, in both directions.
///
/// Collects bytes as they arrive and hands out complete lines (without the newline; a trailing `\r` is
/// dropped too). A line longer than `maximumLineLength` is an error: the caller answers it and closes the
/// connection, because the rest of that line cannot be told apart from the next message.
public struct LineFramer: Sendable {
    public let maximumLineLength: Int
    private var buffer: [UInt8] = []
    /// Where the unconsumed bytes start; consumed bytes are dropped in bulk, not line by line.
    private var start = 0
    /// How far past `start` we already know there is no newline.
    private var scanned = 0

    /// The buffer a connection keeps between messages; a larger one is released once emptied.
    static let retainedCapacity = 65_536

    public init(maximumLineLength: Int) {
        self.maximumLineLength = maximumLineLength
    }

    public enum Next: Equatable {
        case line([UInt8])
        case needMoreData
        case tooLong
    }

    public mutating func append(_ bytes: UnsafeRawBufferPointer) {
        compactIfWorthwhile()
        buffer.append(contentsOf: bytes)
    }

    public mutating func append(_ bytes: [UInt8]) {
        compactIfWorthwhile()
        buffer.append(contentsOf: bytes)
    }

    /// The next complete line, if one has arrived.
    public mutating func next() -> Next {
        if let newline = buffer[(start + scanned)...].firstIndex(of: 0x0A) {
            var end = newline
            if end > start && buffer[end - 1] == 0x0D { end -= 1 }
            guard end - start <= maximumLineLength else { return .tooLong }
            let line = Array(buffer[start..<end])
            start = newline + 1
            scanned = 0
            // A large message's bytes are given back as soon as it is taken out, rather than kept as capacity
            // by a connection that may now idle for minutes: the line handed out is the only copy.
            if start == buffer.count && buffer.capacity > Self.retainedCapacity {
                buffer = []
                start = 0
            }
            return .line(line)
        }
        scanned = buffer.count - start
        // A trailing `\r` may be the first half of a `\r\n` still in flight: it does not count yet, so a
        // line exactly at the limit is accepted whether its `\r` and `\n` arrive together or apart.
        let pending = scanned > 0 && buffer[buffer.count - 1] == 0x0D ? scanned - 1 : scanned
        return pending > maximumLineLength ? .tooLong : .needMoreData
    }

    /// Whether bytes of an unfinished line are waiting.
    public var hasPartialLine: Bool { start < buffer.count }

    private mutating func compactIfWorthwhile() {
        guard start > 0 else { return }
        if start == buffer.count {
            buffer.removeAll(keepingCapacity: true)
        } else if start > 65_536 || start > buffer.count / 2 {
            buffer.removeSubrange(0..<start)
        } else {
            return
        }
        start = 0
    }
}
