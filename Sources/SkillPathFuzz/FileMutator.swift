import SkillPathFixtures

/// Deterministic damage to a set of input files (catalog JSON, importer CSV and TSV): truncation, flipped
/// and inserted bytes, lines deleted, repeated or swapped, extreme numbers, invalid UTF-8 and empty fields.
/// Used to check that loaders and importers answer damaged files with an error naming the file, never a crash.
public struct FileMutator {
    private var random: SeededGenerator

    public init(seed: UInt64) {
        random = SeededGenerator(seed: seed)
    }

    /// A damaged copy of `files` (name → contents): one to three changes, each to a random file.
    public mutating func mutate(_ files: [String: [UInt8]]) -> [String: [UInt8]] {
        var result = files
        let names = files.keys.sorted()
        guard !names.isEmpty else { return result }
        for _ in 0..<random.int(in: 1...3) {
            let name = random.pick(names)
            result[name] = mutate(result[name] ?? [])
        }
        return result
    }

    public mutating func mutate(_ bytes: [UInt8]) -> [UInt8] {
        var bytes = bytes
        guard !bytes.isEmpty else { return Array("\u{0}\u{FF}".utf8) }
        let at = random.int(in: 0...(bytes.count - 1))
        switch random.int(in: 0...10) {
        case 0: return Array(bytes.prefix(at))
        case 1: bytes[at] = UInt8(truncatingIfNeeded: random.next())
        case 2: bytes.insert(random.pick([0xFF, 0xC3, 0x00, 0x09, 0x0A, 0x22, 0x2C, 0x5C, 0x7B, 0x5D]), at: at)
        case 3: bytes.insert(contentsOf: Array(random.pick(FuzzMessages.extremeNumbers).utf8), at: at)
        case 4:
            var lines = split(bytes)
            if lines.count > 1 { lines.remove(at: random.int(in: 0...(lines.count - 1))) }
            return join(lines)
        case 5:
            var lines = split(bytes)
            let line = random.int(in: 0...(lines.count - 1))
            lines.insert(contentsOf: Array(repeating: lines[line], count: random.int(in: 1...3)), at: line)
            return join(lines)
        case 6:
            var lines = split(bytes)
            if lines.count > 2 { lines.swapAt(random.int(in: 1...(lines.count - 1)), random.int(in: 1...(lines.count - 1))) }
            return join(lines)
        case 7:
            // An empty field: drop the text between two separators.
            if let start = bytes[at...].firstIndex(where: { $0 == 0x09 || $0 == 0x2C || $0 == 0x3A }),
               let end = bytes[(start + 1)...].firstIndex(where: { $0 == 0x09 || $0 == 0x2C || $0 == 0x0A || $0 == 0x7D }) {
                bytes.removeSubrange((start + 1)..<end)
            }
        case 8:
            // A number anywhere replaced by an extreme one.
            if let start = bytes[at...].firstIndex(where: { $0 >= 0x30 && $0 <= 0x39 }) {
                var end = start
                while end < bytes.count && (bytes[end] >= 0x30 && bytes[end] <= 0x39 || bytes[end] == 0x2E) { end += 1 }
                bytes.replaceSubrange(start..<end, with: Array(random.pick(FuzzMessages.extremeNumbers).utf8))
            }
        case 9: bytes.insert(contentsOf: Array(String(repeating: "[", count: random.int(in: 1...300)).utf8), at: at)
        default: bytes.removeSubrange(at..<min(bytes.count, at + random.int(in: 1...200)))
        }
        return bytes
    }

    private func split(_ bytes: [UInt8]) -> [[UInt8]] {
        bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
    }

    private func join(_ lines: [[UInt8]]) -> [UInt8] {
        Array(lines.joined(separator: [0x0A]))
    }
}
