import Glibc

/// Hands out one shared String per distinct text read in a scan: a read of 50,000 people's skills meets
/// the same few thousand skill ids 1.75 million times, and building a String for each row allocates for
/// every id longer than 15 bytes (most real ones: `reading-comprehension`, ESCO's UUID URIs). Shared
/// Strings cost no allocation, no freeing, and stay in cache for the hashing that follows.
///
/// Each text can carry a number worked out once, on first sight (`entry(_:numbering:)`): a skill id's number in
/// the catalog, so that a scan resolves each distinct id once instead of hashing it again for every row.
///
/// Open addressing on a word-at-a-time hash of the bytes. The hashes sit in an array of their own, so that a
/// probe reads eight bytes, and compares bytes only when the hash matches, against a copy of each text's bytes
/// in one arena: at ESCO's 14,000 skill ids the table outgrows the cache, and probing through the Strings
/// themselves cost a retain and a miss per step. Past `capacityLimit` distinct texts (data unlike a skill
/// column) it stops remembering and builds each String as usual.
public struct TextInterner {
    /// Each slot's hash (0: empty), text and number once asked (`numbered`; nil inside: the text has none).
    private var hashes: [UInt64]
    private var texts: [String]
    private var numbers: [Int32??]
    /// Where each slot's bytes sit in `arena`: a probe whose hash matches compares them there, never
    /// touching the String (a retain and a release per row, and a cache miss, at half a million rows).
    private var spans: [(start: Int, count: Int)]
    private var arena: [UInt8] = []
    private var count = 0
    private let capacityLimit: Int

    public init(capacityLimit: Int = 1 << 17) {
        hashes = Array(repeating: 0, count: 256)
        texts = Array(repeating: "", count: 256)
        numbers = Array(repeating: nil, count: 256)
        spans = Array(repeating: (0, 0), count: 256)
        self.capacityLimit = capacityLimit
    }

    /// The String for `bytes` (UTF-8; invalid sequences repaired as `String(decoding:)` does).
    public mutating func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        let hash = Self.hash(bytes)
        let position = slot(bytes, hash: hash)
        return hashes[position] != 0 ? texts[position] : remember(bytes, hash: hash, at: position).text
    }

    /// The String for `bytes` and its number: `numbering` of the text, asked once per distinct text.
    public mutating func numbered(_ bytes: UnsafeBufferPointer<UInt8>, numbering: (String) -> Int32?) -> (text: String, number: Int32?) {
        let hash = Self.hash(bytes)
        let found = slot(bytes, hash: hash)
        if hashes[found] != 0, let number = numbers[found] { return (texts[found], number) }
        let (text, position) = hashes[found] != 0 ? (texts[found], found) : remember(bytes, hash: hash, at: found)
        let number = numbering(text)
        if let position { numbers[position] = .some(number) }
        return (text, number)
    }

    /// The slot holding `bytes`, or the empty slot where they would go.
    private func slot(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int {
        let mask = hashes.count - 1
        var position = Int(truncatingIfNeeded: hash) & mask
        while hashes[position] != 0 {
            if hashes[position] == hash, holds(position, bytes) { return position }
            position = (position + 1) & mask
        }
        return position
    }

    /// Whether the slot at `position` holds exactly `bytes`.
    private func holds(_ position: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let span = spans[position]
        guard span.count == bytes.count else { return false }
        return arena.withUnsafeBufferPointer { own in
            guard span.start >= 0, span.start + span.count <= own.count else { return false }
            return Self.same(UnsafeBufferPointer(rebasing: own[span.start..<span.start + span.count]), bytes)
        }
    }

    /// Builds the String and keeps it in the empty slot at `position`, unless past the limit; where it is kept.
    private mutating func remember(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt64, at position: Int) -> (text: String, position: Int?) {
        let text = String(decoding: bytes, as: UTF8.self)
        guard count < capacityLimit else { return (text, nil) }
        (hashes[position], texts[position], spans[position]) = (hash, text, (arena.count, bytes.count))
        arena.append(contentsOf: bytes)
        count += 1
        guard count * 2 > hashes.count else { return (text, position) }
        grow()
        return (text, slot(bytes, hash: hash))
    }

    /// The bytes eight at a time (a multiply and a rotate per word, the last word padded with zeros and the
    /// length mixed in), then mixed so that the low bits the table uses depend on every bit; never 0. Byte by
    /// byte, as FNV-1a goes, a 50-byte ESCO URI was a chain of 50 dependent multiplies, and hashing was half
    /// of reading 600,000 skill rows. Any hash serves: a slot is taken only after a byte-for-byte compare.
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(truncatingIfNeeded: bytes.count)
        guard let base = bytes.baseAddress else { return hash }
        let raw = UnsafeRawPointer(base)
        var offset = 0
        while offset + 8 <= bytes.count {
            let word = raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            hash = mix(hash, word)
            offset += 8
        }
        if offset < bytes.count {
            var word: UInt64 = 0
            for index in offset..<bytes.count { word |= UInt64(base[index]) << UInt64((index - offset) * 8) }
            hash = mix(hash, word)
        }
        hash ^= hash >> 33
        hash = hash &* 0xC4CE_B9FE_1A85_EC53
        hash ^= hash >> 33
        return hash == 0 ? 1 : hash
    }

    /// One word into the hash: a multiply, then a rotate so that the high bits it made reach the low ones.
    private static func mix(_ hash: UInt64, _ word: UInt64) -> UInt64 {
        let product = (hash ^ word) &* 0xFF51_AFD7_ED55_8CCD
        return product << 29 | product >> 35
    }

    /// Whether `text` is exactly `bytes` in UTF-8: one `memcmp` on the String's own storage (the UTF-8
    /// view compared element by element cost more than the hash; a copy to reach it, a retain per row).
    static func text(_ text: String, equals bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if let answer = text.utf8.withContiguousStorageIfAvailable({ same($0, bytes) }) { return answer }
        var copy = text
        return copy.withUTF8 { same($0, bytes) }
    }

    /// Whether two byte buffers hold the same bytes: one `memcmp`.
    private static func same(_ left: UnsafeBufferPointer<UInt8>, _ right: UnsafeBufferPointer<UInt8>) -> Bool {
        guard left.count == right.count else { return false }
        guard let first = left.baseAddress, let second = right.baseAddress else { return true }
        return memcmp(first, second, left.count) == 0
    }

    private mutating func grow() {
        let old = (hashes: hashes, texts: texts, numbers: numbers, spans: spans)
        hashes = Array(repeating: 0, count: old.hashes.count * 2)
        texts = Array(repeating: "", count: old.hashes.count * 2)
        numbers = Array(repeating: nil, count: old.hashes.count * 2)
        spans = Array(repeating: (0, 0), count: old.hashes.count * 2)
        let mask = hashes.count - 1
        for from in old.hashes.indices where old.hashes[from] != 0 {
            var position = Int(truncatingIfNeeded: old.hashes[from]) & mask
            while hashes[position] != 0 { position = (position + 1) & mask }
            (hashes[position], texts[position], numbers[position], spans[position]) = (old.hashes[from], old.texts[from], old.numbers[from], old.spans[from])
        }
    }
}
