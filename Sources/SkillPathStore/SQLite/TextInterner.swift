import Glibc

/// Hands out one shared String per distinct text read in a scan: a read of 50,000 people's skills meets
/// the same few thousand skill ids 1.75 million times, and building a String for each row allocates for
/// every id longer than 15 bytes (most real ones: `reading-comprehension`, ESCO's UUID URIs). Shared
/// Strings cost no allocation, no freeing, and stay in cache for the hashing that follows.
///
/// Open addressing on an FNV-1a hash of the bytes, compared byte for byte on a hit. Past `capacityLimit`
/// distinct texts (data unlike a skill column) it stops remembering and builds each String as usual.
public struct TextInterner {
    private var slots: [(hash: UInt64, text: String)?]
    private var count = 0
    private let capacityLimit: Int

    public init(capacityLimit: Int = 1 << 17) {
        slots = Array(repeating: nil, count: 256)
        self.capacityLimit = capacityLimit
    }

    /// The String for `bytes` (UTF-8; invalid sequences repaired as `String(decoding:)` does).
    public mutating func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        let mask = slots.count - 1
        var position = Int(truncatingIfNeeded: hash) & mask
        while let slot = slots[position] {
            if slot.hash == hash, Self.text(slot.text, equals: bytes) { return slot.text }
            position = (position + 1) & mask
        }
        let text = String(decoding: bytes, as: UTF8.self)
        guard count < capacityLimit else { return text }
        slots[position] = (hash, text)
        count += 1
        if count * 2 > slots.count { grow() }
        return text
    }

    /// Whether `text` is exactly `bytes` in UTF-8: one `memcmp` (the UTF-8 view compared element by
    /// element cost more than the hash).
    static func text(_ text: String, equals bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var text = text
        return text.withUTF8 { own in
            guard own.count == bytes.count else { return false }
            guard let left = own.baseAddress, let right = bytes.baseAddress else { return true }
            return memcmp(left, right, own.count) == 0
        }
    }

    private mutating func grow() {
        let old = slots
        slots = Array(repeating: nil, count: old.count * 2)
        let mask = slots.count - 1
        for case let slot? in old {
            var position = Int(truncatingIfNeeded: slot.hash) & mask
            while slots[position] != nil { position = (position + 1) & mask }
            slots[position] = slot
        }
    }
}
