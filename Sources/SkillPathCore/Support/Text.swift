/// Small text helpers shared by messages.
public enum Text {

    /// Byte-wise ordering: fast, locale-free and the same everywhere, which is what ids need.
    public static func precedes(_ lhs: String, _ rhs: String) -> Bool {
        lhs.utf8.lexicographicallyPrecedes(rhs.utf8)
    }

    /// The candidate closest to `word` by edit distance, when it is close enough to be a likely typo.
    static func suggestion(for word: String, among candidates: some Sequence<String>) -> String? {
        let target = Array(word.lowercased().utf8)
        let limit = max(1, target.count / 3)
        var best: (distance: Int, candidate: String)?
        for candidate in candidates {
            let bytes = Array(candidate.lowercased().utf8)
            if abs(bytes.count - target.count) > limit { continue }
            let distance = editDistance(target, bytes, limit: limit)
            guard distance <= limit else { continue }
            if let current = best, current.distance < distance || (current.distance == distance && !precedes(candidate, current.candidate)) {
                continue
            }
            best = (distance, candidate)
        }
        return best?.candidate
    }

    /// Edit distance counting a swap of two neighbouring letters as one edit ("plna" is one edit from
    /// "plan"), giving up (returning `limit + 1`) once every path exceeds `limit`.
    static func editDistance(_ a: [UInt8], _ b: [UInt8], limit: Int) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var beforePrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = current[0]
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(substitution, previous[j] + 1, current[j - 1] + 1)
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], beforePrevious[j - 2] + 1)
                }
                rowMinimum = min(rowMinimum, current[j])
            }
            if rowMinimum > limit { return limit + 1 }
            (beforePrevious, previous, current) = (previous, current, beforePrevious)
        }
        return previous[b.count]
    }

    /// "a", "a and b", "a, b and c" (or "a, b or c").
    static func list(_ items: [String], conjunction: String = "and") -> String {
        switch items.count {
        case 0: return ""
        case 1: return items[0]
        default: return items.dropLast().joined(separator: ", ") + " \(conjunction) " + items[items.count - 1]
        }
    }

    static func quoted(_ id: String) -> String { "'\(id)'" }

    /// Input echoed in an error, cut to a readable length: a crafted 100,000-digit number stays one line.
    public static func abbreviated(_ text: String, limit: Int = 40) -> String {
        text.count <= limit ? text : String(text.prefix(limit)) + "… (\(thousands(text.utf8.count)) bytes)"
    }

    /// 20000 → "20,000": counts a reader takes in at a glance.
    static func thousands(_ count: Int) -> String {
        let digits = String(count.magnitude)
        var result = ""
        for (position, digit) in digits.enumerated() {
            if position > 0 && (digits.count - position) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return (count < 0 ? "-" : "") + result
    }
}
