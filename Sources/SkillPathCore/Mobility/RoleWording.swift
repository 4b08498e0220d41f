import Foundation

/// How alike two roles' words are: their titles and descriptions, as a search engine would compare two
/// documents (docs/mobility.md, "Relatedness"). Roles a catalog describes alike ("analyses data", "develops
/// software") are often next steps for each other even where their skill ratings differ, and a taxonomy's
/// titles say what its ratings cannot: "Software Developers" and "Software Quality Assurance Analysts".
///
/// Each role is a vector over the words the catalog uses: its title three times over (a title is the role in
/// a few words) and its description once, each word weighing (1 + ln count) × ln(roles / roles using it), so a
/// word every role uses weighs nothing and a rare one weighs most; the vector is scaled to length 1, and two
/// roles' wording is the cosine of theirs (0 to 1). Words are runs of letters, lowercased, of three letters or
/// more, a plural's final "s" dropped ("analysts" → "analyst"), common English words left out.
struct RoleWording: Sendable {
    /// Each role's unit vector over the words, and for each word the roles using it.
    let vectors: SparseRows

    /// How often the title counts against the description.
    static let titleRepeats = 3

    init(roles: [Role]) {
        var numbers: [String: Int32] = [:]
        let counts: [[Int32: Int]] = roles.map { role in
            var words = Self.words(in: role.title)
            words = Array(repeating: words, count: Self.titleRepeats).flatMap { $0 }
            if let description = role.description { words += Self.words(in: description) }
            var counts: [Int32: Int] = [:]
            for word in words {
                let number = numbers[word] ?? Int32(numbers.count)
                numbers[word] = number
                counts[number, default: 0] += 1
            }
            return counts
        }
        var users = [Int](repeating: 0, count: numbers.count)
        for role in counts { for word in role.keys { users[Int(word)] += 1 } }
        let roleCount = Double(roles.count)
        let unitVectors = counts.lazy.map { counts in
            var entries = counts.sorted { $0.key < $1.key }.map { word, count in
                SparseRows.Entry(column: word, weight: (1 + log(Double(count))) * log(roleCount / Double(users[Int(word)])))
            }.filter { $0.weight > 0 }
            let length = entries.reduce(0) { $0 + $1.weight * $1.weight }.squareRoot()
            if length > 0 { for position in entries.indices { entries[position].weight /= length } }
            return entries
        }
        vectors = SparseRows(rows: unitVectors, columns: numbers.count)
    }

    /// Every role's wording similarity to `role`, added into `scores` times `scale`: a sparse sum over the
    /// role's own words, so its cost is their postings, not words × roles.
    func add(similarityTo role: Int32, scale: Double, into scores: inout [Double]) {
        vectors.addDots(of: vectors.rows[Int(role)], scale: scale, into: &scores)
    }

    /// The words of a title or description, in order (see the type's comment).
    static func words(in text: String) -> [String] {
        var words: [String] = []
        var word = ""
        func finish() {
            defer { word = "" }
            guard word.count >= 3, !commonWords.contains(word) else { return }
            if word.hasSuffix("s") && !word.hasSuffix("ss") { word.removeLast() }
            words.append(word)
        }
        for scalar in text.unicodeScalars {
            if scalar.properties.isAlphabetic {
                word += scalar.properties.lowercaseMapping
            } else {
                finish()
            }
        }
        finish()
        return words
    }

    /// English words that say nothing about what a role does.
    static let commonWords: Set<String> = [
        "and", "the", "for", "with", "from", "other", "all", "except", "their", "including", "such", "may", "are", "this", "that",
        "these", "those", "use", "using", "used", "into", "onto", "also", "can", "who", "which", "them", "they", "its", "not",
    ]
}
