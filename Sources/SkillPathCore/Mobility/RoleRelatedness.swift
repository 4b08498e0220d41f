/// How alike two roles are, from the catalog alone (docs/mobility.md, "Relatedness"): a plausible next step
/// asks for much the same skills at much the same levels, in the same family, a grade or so away.
///
/// Each role is a vector over the catalog's skills: its `weights` where the catalog gives them (the source's
/// own rating of each skill, required or not: O*NET's importance), else its requirements, each weighing its
/// level, times 1 when essential and ½ when optional; any other skill weighs 0. Two roles' relatedness is the
/// cosine of their vectors once each is centred on its own mean over every skill of the catalog (so that the
/// many skills neither needs count as agreement and the few both need count most), plus half the similarity of
/// their titles and descriptions (`RoleWording`), plus 0.05 when they share a family, less 0.1 when their grades
/// ("L3", "4") are two or more apart. Nothing the catalog says about moves (transitions) enters it.
/// Computed from sparse sums (`SparseRows`), so a question costs the postings of the skills asked about, not
/// skills × roles.
struct RoleRelatedness: Sendable {
    /// A (skill, weight) entry of a role's vector.
    typealias Entry = SparseRows.Entry

    /// Each role's vector over the skills, and for each skill the roles weighing it.
    let vectors: SparseRows
    /// Per role: the sum of its weights and of their squares.
    let sums: [Double]
    let squares: [Double]
    /// Per role: its family interned (-1 for none), and the number in its grade ("L3" → 3), if any.
    let families: [Int32]
    let grades: [Int?]
    /// The number of skills: the vectors' length.
    let dimensions: Double
    /// How alike the roles' titles and descriptions are.
    let wording: RoleWording

    static let wordingWeight = 0.5
    static let familyBonus = 0.05
    static let gradeGapPenalty = 0.1

    init(roles: [Role], skillNumbers: [String: Int32]) {
        vectors = SparseRows(rows: roles.lazy.map { role in Self.vector(of: role, skillNumbers: skillNumbers) }, columns: skillNumbers.count)
        var sums = [Double](repeating: 0, count: roles.count)
        var squares = [Double](repeating: 0, count: roles.count)
        for number in roles.indices {
            for entry in vectors.rows[number] {
                sums[number] += entry.weight
                squares[number] += entry.weight * entry.weight
            }
        }
        self.sums = sums
        self.squares = squares
        var familyNumbers: [String: Int32] = [:]
        families = roles.map { role in
            guard let family = role.family else { return -1 }
            if let known = familyNumbers[family] { return known }
            let next = Int32(familyNumbers.count)
            familyNumbers[family] = next
            return next
        }
        grades = roles.map { $0.grade.flatMap(Self.gradeNumber) }
        dimensions = Double(max(skillNumbers.count, 1))
        wording = RoleWording(roles: roles)
    }

    static func weight(level: Int, essential: Bool) -> Double {
        Double(level) * (essential ? 1 : 0.5)
    }

    /// The number in a grade: "3" → 3, "L4" → 4, "IC-5" → 5 (letters, an optional dash, one or two digits);
    /// nil for anything else, such as ESCO's dotted occupation codes ("2654.1.7"), which are not grades.
    static func gradeNumber(_ grade: String) -> Int? {
        let letters = grade.prefix { $0.isASCII && $0.isLetter }
        var rest = grade.dropFirst(letters.count)
        if rest.first == "-" { rest = rest.dropFirst() }
        guard (1...2).contains(rest.count), rest.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(rest)
    }

    /// Every role's relatedness to a vector of (skill, weight) entries, each skill once; `role` (the vector's
    /// own role, when it is one) supplies wording, family and grade.
    func relatedness(to vector: some Sequence<Entry>, role: Int32?) -> [Double] {
        var dots = [Double](repeating: 0, count: sums.count)
        vectors.addDots(of: vector, into: &dots)
        var sum = 0.0
        var square = 0.0
        for entry in vector {
            sum += entry.weight
            square += entry.weight * entry.weight
        }
        let n = dimensions
        let ownNorm = (square - sum * sum / n).squareRoot()
        var words = [Double](repeating: 0, count: sums.count)
        if let role { wording.add(similarityTo: role, scale: Self.wordingWeight, into: &words) }
        return dots.indices.map { other in
            let otherNorm = (squares[other] - sums[other] * sums[other] / n).squareRoot()
            let centred = dots[other] - sum * sums[other] / n
            var score = (ownNorm > 0 && otherNorm > 0 ? centred / (ownNorm * otherNorm) : 0) + words[other]
            if let role {
                let (mine, theirs) = (Int(role), other)
                if families[mine] >= 0 && families[mine] == families[theirs] { score += Self.familyBonus }
                if let a = grades[mine], let b = grades[theirs], abs(a - b) >= 2 { score -= Self.gradeGapPenalty }
            }
            return score
        }
    }

    /// A role's vector: its weights where it has them, else its requirements; skills the catalog lacks left out.
    static func vector(of role: Role, skillNumbers: [String: Int32]) -> [Entry] {
        if !role.weights.isEmpty {
            return role.weights.compactMap { entry in
                skillNumbers[entry.skill].map { Entry(column: $0, weight: Double(entry.weight.hundredths) / 100) }
            }
        }
        return role.requires.compactMap { requirement in
            skillNumbers[requirement.skill].map { Entry(column: $0, weight: weight(level: requirement.level, essential: requirement.importance == .essential)) }
        }
    }
}
