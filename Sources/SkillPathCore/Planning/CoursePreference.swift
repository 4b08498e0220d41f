/// The formats and languages a learner prefers, in catalog numbers. Unlike `CourseFilter`'s they rule no
/// course out: the search weighs every hour outside them above any difference in the objective, so a plan
/// spends as few hours outside the preferences as the catalog allows, then minimises the objective as usual
/// (docs/planning.md#preferences).
struct CoursePreference: Sendable {
    let index: CatalogIndex
    /// nil: any format (or language) is preferred.
    let formats: Set<Int32>?
    let languages: Set<Int32>?

    /// Values no course has are dropped; a list left with none prefers nothing (every course would be
    /// outside it, which would only make the search count hours twice).
    init(index: CatalogIndex, formats: Set<String>?, languages: Set<String>?) {
        self.index = index
        func numbers(_ values: Set<String>?, known: [String]) -> Set<Int32>? {
            guard let values else { return nil }
            let numbers = Set(values.compactMap { value in known.firstIndex(of: value).map(Int32.init) })
            return numbers.isEmpty ? nil : numbers
        }
        self.formats = numbers(formats, known: index.formats)
        self.languages = numbers(languages, known: index.languages)
    }

    var isEmpty: Bool { formats == nil && languages == nil }

    func prefers(_ course: Int32) -> Bool {
        let c = Int(course)
        if let formats, !formats.contains(index.formatOf[c]) { return false }
        if let languages, !languages.contains(index.languageOf[c]) { return false }
        return true
    }

    /// What about the course is outside the preferences ("format 'workshop'"), or nil when nothing is.
    func outside(_ course: Int32) -> String? {
        let c = Int(course)
        var parts: [String] = []
        if let formats, !formats.contains(index.formatOf[c]) { parts.append("format '\(index.formats[Int(index.formatOf[c])])'") }
        if let languages, !languages.contains(index.languageOf[c]) { parts.append("language '\(index.languages[Int(index.languageOf[c])])'") }
        return parts.isEmpty ? nil : parts.joined(separator: ", ")
    }

    /// "video or reading course in en": the preferred courses, for a sentence.
    var courseWords: String {
        let formatWords = formats.map { numbers in Text.list(numbers.map { index.formats[Int($0)] }.sorted(by: Text.precedes), conjunction: "or") + " " } ?? ""
        let languageWords = languages.map { numbers in " in " + Text.list(numbers.map { index.languages[Int($0)] }.sorted(by: Text.precedes), conjunction: "or") } ?? ""
        return formatWords + "course" + languageWords
    }

    /// Whether some preferred course teaches the skill to at least `level`.
    func taught(_ skill: Int32, to level: UInt8) -> Bool {
        index.teachers[Int(skill)].contains { $0.level >= level && prefers($0.course) }
    }

    /// Each course's weight for the search: its objective, plus, outside the preferences, its hours times a
    /// factor above the sum of every objective in the graph, so an hour outside outweighs any saving inside.
    /// The factor is capped where the products would overflow (figures no real catalog has); there an hour
    /// outside still weighs far more than any inside.
    func penalised(_ primary: [Int64], hours: [Int64], courses: [Int32]) -> [Int64] {
        let outsideHours = courses.indices.reduce(Int64(0)) { total, position in
            prefers(courses[position]) ? total : total.addingClamped(hours[position])
        }
        guard outsideHours > 0 else { return primary }
        let sum = primary.reduce(Int64(0)) { $0.addingClamped($1) }
        let cap = Int64.max / 4 / (outsideHours + 1)
        let factor = max(1, min(sum.addingClamped(1), cap))
        return courses.indices.map { position in
            prefers(courses[position]) ? primary[position] : primary[position].addingClamped(hours[position].multipliedClamped(by: factor))
        }
    }
}
