/// A fixed-size set of small integers, one bit each: the search copies and hashes these per node, so they
/// must be cheap (a 640-course graph is ten words).
struct BitSet: Hashable, Sendable {
    private(set) var words: [UInt64]

    init(count: Int) {
        words = [UInt64](repeating: 0, count: (count + 63) / 64)
    }

    func contains(_ member: Int) -> Bool {
        words[member >> 6] & (1 << UInt64(member & 63)) != 0
    }

    mutating func insert(_ member: Int) {
        words[member >> 6] |= 1 << UInt64(member & 63)
    }

    mutating func remove(_ member: Int) {
        words[member >> 6] &= ~(1 << UInt64(member & 63))
    }

    /// Members in ascending order.
    var members: [Int32] {
        var result: [Int32] = []
        for (index, word) in words.enumerated() {
            var remaining = word
            while remaining != 0 {
                let bit = remaining.trailingZeroBitCount
                result.append(Int32(index * 64 + bit))
                remaining &= remaining - 1
            }
        }
        return result
    }
}
