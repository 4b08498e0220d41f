/// Text search over skill names and aliases, course titles and tags, and role titles.
///
/// Built once per catalog: every searchable text lower-cased and kept with its item, so a query is one pass
/// of substring checks over memory (a few milliseconds on a 100,000-course catalog) with no allocation per
/// item. Results are ranked, then sorted by kind and id, so the same query always answers the same way.
public final class CatalogSearchIndex: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case skill, role, course

        /// Skills first, then roles, then courses: the order a person scanning results expects.
        var rank: Int {
            switch self {
            case .skill: 0
            case .role: 1
            case .course: 2
            }
        }
    }

    public struct Hit: Sendable, Equatable {
        public var kind: Kind
        public var id: String
        public var title: String
        /// Higher is better: 100 for an exact id or name, then prefix, word-prefix and substring matches.
        public var score: Int
        /// Which field matched: `id`, `name`, `title`, `alias` or `tag`.
        public var field: String
    }

    struct Entry: Sendable {
        var kind: Kind
        var position: Int32
        var field: String
        var text: [UInt8]
    }

    private let entries: [Entry]
    private let catalog: Catalog

    public init(catalog: Catalog) {
        self.catalog = catalog
        var entries: [Entry] = []
        func add(_ kind: Kind, _ position: Int, _ field: String, _ text: String) {
            entries.append(Entry(kind: kind, position: Int32(position), field: field, text: Array(text.lowercased().utf8)))
        }
        for (position, skill) in catalog.skills.enumerated() {
            add(.skill, position, "id", skill.id)
            add(.skill, position, "name", skill.name)
            for alias in skill.aliases { add(.skill, position, "alias", alias) }
        }
        for (position, course) in catalog.courses.enumerated() {
            add(.course, position, "id", course.id)
            add(.course, position, "title", course.title)
            for tag in course.tags { add(.course, position, "tag", tag) }
        }
        for (position, role) in catalog.roles.enumerated() {
            add(.role, position, "id", role.id)
            add(.role, position, "title", role.title)
        }
        self.entries = entries
    }

    /// The best `limit` matches of `query` (case-insensitive) among `kinds`.
    public func search(_ query: String, kinds: Set<Kind> = Set(Kind.allCases), limit: Int) -> [Hit] {
        let needle = Array(query.lowercased().utf8)
        guard !needle.isEmpty else { return [] }
        var best: [String: Hit] = [:]
        for entry in entries where kinds.contains(entry.kind) {
            guard let score = Self.score(needle, in: entry.text) else { continue }
            let hit = makeHit(entry, score: score)
            let key = "\(entry.kind.rawValue)\u{0}\(hit.id)"
            if let existing = best[key], existing.score >= score { continue }
            best[key] = hit
        }
        return best.values.sorted { lhs, rhs in
            if lhs.score != rhs.score { return lhs.score > rhs.score }
            if lhs.kind != rhs.kind { return lhs.kind.rank < rhs.kind.rank }
            return Text.precedes(lhs.id, rhs.id)
        }.prefix(limit).map { $0 }
    }

    func makeHit(_ entry: Entry, score: Int) -> Hit {
        let position = Int(entry.position)
        switch entry.kind {
        case .skill: return Hit(kind: .skill, id: catalog.skills[position].id, title: catalog.skills[position].name, score: score, field: entry.field)
        case .course: return Hit(kind: .course, id: catalog.courses[position].id, title: catalog.courses[position].title, score: score, field: entry.field)
        case .role: return Hit(kind: .role, id: catalog.roles[position].id, title: catalog.roles[position].title, score: score, field: entry.field)
        }
    }

    /// 100 exact, 80 prefix, 60 prefix of a later word, 40 anywhere; nil when absent.
    static func score(_ needle: [UInt8], in text: [UInt8]) -> Int? {
        guard needle.count <= text.count else { return nil }
        if needle == text { return 100 }
        var best: Int?
        let last = text.count - needle.count
        var start = 0
        while start <= last {
            if text[start] == needle[0] && text[start..<start + needle.count].elementsEqual(needle) {
                let score = start == 0 ? 80 : Self.isWordBoundary(text[start - 1]) ? 60 : 40
                best = max(best ?? 0, score)
                if score >= 60 { break }
            }
            start += 1
        }
        return best
    }

    static func isWordBoundary(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "/") || byte == UInt8(ascii: "(")
    }
}
