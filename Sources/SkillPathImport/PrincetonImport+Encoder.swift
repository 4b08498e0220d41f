import SkillPathCore

extension PrincetonImport {
    /// Turns expressions into requirement skills, creating "any of" skills and credit courses as needed.
    struct Encoder {
        let listings: [String: Listing]
        let equivalents: [String: String]
        let byDepartment: [String: [Listing]]
        var orSkills: [String: (id: String, name: String)] = [:]
        var credits: [String: (id: String, title: String, teaches: String, requires: [String])] = [:]
        var extraTeaching: [String: Set<String>] = [:]
        var unresolved: [String: Int] = [:]
        var selfLoops = Set<String>()
        var concurrent = 0

        /// The course keys an atom stands for.
        mutating func resolve(_ atom: String, excluding own: String) -> [String] {
            var text = atom.uppercased()
            if text.hasPrefix("$") {
                concurrent += 1
                text.removeFirst()
            }
            var atLeast = false
            if text.hasPrefix("<") {
                atLeast = true
                text.removeFirst()
            }
            let department = String(text.prefix { $0.isLetter })
            let rest = String(text.dropFirst(department.count))
            var keys: [String]
            if atLeast, let number = Int(rest.prefix { $0.isNumber }) {
                keys = (byDepartment[department] ?? []).filter { $0.number >= number }.map(\.key)
            } else if rest.isEmpty || rest.contains("*") {
                let pattern = Array(rest)
                keys = (byDepartment[department] ?? []).filter { listing in
                    let digits = Array(String(listing.number))
                    return rest.isEmpty || (digits.count == pattern.count && zip(digits, pattern).allSatisfy { $1 == "*" || $0 == $1 })
                }.map(\.key)
            } else if let key = listings[text] != nil ? text : equivalents[text] {
                keys = [key]
            } else {
                keys = []
            }
            // A course never requires itself: the exact self-references are the data's self-loops; a wildcard
            // or range that happens to include the course just leaves it out.
            if keys == [own] { selfLoops.insert(own) }
            let matched = !keys.isEmpty
            keys.removeAll { $0 == own }
            if !matched { unresolved[atom, default: 0] += 1 }
            return keys.sorted()
        }

        mutating func encode(_ expression: PrerequisiteExpression, excluding own: String) -> [String] {
            switch expression {
            case .atom(let atom):
                let keys = resolve(atom, excluding: own)
                if keys.count <= 1 { return keys.map(PrincetonImport.passed) }
                return [orSkill(keys.map { .course($0) }, own: own)]
            case .all(let terms):
                return terms.flatMap { encode($0, excluding: own) }
            case .any(let alternatives):
                var options: [Option] = []
                for alternative in alternatives { options += self.options(alternative, own: own) }
                options = Array(Set(options)).sorted()
                switch options.count {
                case 0: return []
                case 1:
                    if case .course(let key) = options[0] { return [PrincetonImport.passed(key)] }
                    if case .group(let members) = options[0] { return members }
                    return []
                default: return [orSkill(options, own: own)]
                }
            }
        }

        enum Option: Hashable, Comparable {
            case course(String)
            /// An AND group: its requirement skills.
            case group([String])

            static func < (lhs: Option, rhs: Option) -> Bool { lhs.signature < rhs.signature }

            var signature: String {
                switch self {
                case .course(let key): key
                case .group(let members): "(" + members.joined(separator: "&") + ")"
                }
            }
        }

        mutating func options(_ expression: PrerequisiteExpression, own: String) -> [Option] {
            switch expression {
            case .atom(let atom): return resolve(atom, excluding: own).map { .course($0) }
            case .any(let alternatives): return alternatives.flatMap { options($0, own: own) }
            case .all:
                let members = PrincetonImport.unique(encode(expression, excluding: own))
                return members.isEmpty ? [] : [.group(members)]
            }
        }

        /// The skill "any of these", taught by each alternative course and by a credit course per group.
        mutating func orSkill(_ options: [Option], own: String) -> String {
            let signature = options.map(\.signature).joined(separator: "|")
            if let existing = orSkills[signature] { return existing.id }
            let id = "any-" + Self.hash(signature)
            let names = options.map { option -> String in
                switch option {
                case .course(let key): listings[key]?.code ?? key
                case .group(let members): "(" + members.map { $0.replacingOccurrences(of: "passed-", with: "") }.joined(separator: " & ") + ")"
                }
            }
            orSkills[signature] = (id, "Any of " + (names.count > 6 ? names.prefix(6).joined(separator: ", ") + " and \(names.count - 6) more" : names.joined(separator: ", ")))
            for option in options {
                switch option {
                case .course(let key):
                    extraTeaching[key, default: []].insert(id)
                case .group(let members):
                    let creditID = "credit-" + Self.hash(signature + "#" + option.signature)
                    credits[creditID] = (creditID, "Credit: \(members.map { $0.replacingOccurrences(of: "passed-", with: "") }.joined(separator: " & ")) counts towards \(id)", id, members)
                }
            }
            return id
        }

        /// 12 hex digits of FNV-1a: short, stable ids for generated skills and courses.
        static func hash(_ text: String) -> String {
            var value: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in text.utf8 {
                value ^= UInt64(byte)
                value = value &* 0x100_0000_01b3
            }
            let hex = String(value, radix: 16)
            return String((String(repeating: "0", count: 16 - hex.count) + hex).prefix(12))
        }
    }
}
