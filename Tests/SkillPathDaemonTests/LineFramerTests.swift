import JSONRPC
import Testing

/// Framing must not depend on how the bytes happen to be split into reads: every split of the same stream
/// gives the same messages, and a line exactly at the limit is accepted however its `\r\n` arrives.
@Suite struct LineFramerTests {
    static let limit = 16

    /// What the framer makes of `stream` fed in pieces cut at `cuts`: the lines, then "too long" if it
    /// refused one (the connection closes there), then whether a partial line is left.
    func frames(_ stream: [UInt8], cuts: [Int]) -> [String] {
        var framer = LineFramer(maximumLineLength: Self.limit)
        var results: [String] = []
        var from = 0
        for end in cuts + [stream.count] where end >= from {
            framer.append(Array(stream[from..<end]))
            from = end
            draining: while true {
                switch framer.next() {
                case .line(let line): results.append(String(decoding: line, as: UTF8.self))
                case .tooLong: return results + ["too long"]
                case .needMoreData: break draining
                }
            }
        }
        return results + (framer.hasPartialLine ? ["partial"] : [])
    }

    func stream(_ lengths: [Int], ending: String) -> [UInt8] {
        lengths.enumerated().flatMap { index, length in
            Array(String(repeating: Character(UnicodeScalar(UInt8(97 + index % 26))), count: length).utf8) + Array(ending.utf8)
        }
    }

    @Test(arguments: ["\n", "\r\n"])
    func everySplitOfAStreamGivesTheSameMessages(ending: String) {
        for lengths in [[Self.limit], [Self.limit - 1, Self.limit], [Self.limit, 3], [Self.limit + 1], [2, Self.limit + 1, 4], [0, Self.limit]] {
            let bytes = stream(lengths, ending: ending)
            let whole = frames(bytes, cuts: [])
            let expected = lengths.prefix { $0 <= Self.limit }.enumerated().map { index, length in
                String(repeating: Character(UnicodeScalar(UInt8(97 + index % 26))), count: length)
            } + (lengths.contains { $0 > Self.limit } ? ["too long"] : [])
            #expect(whole == expected, "\(lengths) \(ending.debugDescription)")
            #expect(frames(bytes, cuts: Array(1..<bytes.count)) == whole, "byte by byte: \(lengths) \(ending.debugDescription)")
            for cut in 1..<bytes.count {
                #expect(frames(bytes, cuts: [cut]) == whole, "cut at \(cut): \(lengths) \(ending.debugDescription)")
            }
            for first in stride(from: 1, to: bytes.count, by: 3) {
                for second in first..<bytes.count {
                    #expect(frames(bytes, cuts: [first, second]) == whole, "cuts at \(first), \(second): \(lengths) \(ending.debugDescription)")
                }
            }
        }
    }

    @Test func aLineAtTheLimitWaitsForItsNewlineAfterACarriageReturn() {
        var framer = LineFramer(maximumLineLength: Self.limit)
        framer.append(Array(String(repeating: "x", count: Self.limit).utf8) + [0x0D])
        #expect(framer.next() == .needMoreData, "the \\r may be the first half of \\r\\n")
        framer.append([0x0A])
        #expect(framer.next() == .line(Array(String(repeating: "x", count: Self.limit).utf8)))
        #expect(!framer.hasPartialLine)
    }

    @Test func aCarriageReturnNotFollowedByANewlineCountsAsContent() {
        var framer = LineFramer(maximumLineLength: Self.limit)
        framer.append(Array(String(repeating: "x", count: Self.limit).utf8) + [0x0D])
        #expect(framer.next() == .needMoreData)
        framer.append([0x79])
        #expect(framer.next() == .tooLong, "\\r inside a line is a byte of that line")
        var short = LineFramer(maximumLineLength: Self.limit)
        short.append(Array("a\rb\n".utf8))
        #expect(short.next() == .line(Array("a\rb".utf8)))
    }
}
