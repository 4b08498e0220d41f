/// Which catalog courses a plan may use, from the options and the completed list.
struct CourseFilter: Sendable {
    let index: CatalogIndex
    let done: Set<Int32>
    let excluded: Set<Int32>
    let formats: Set<Int32>?
    let languages: Set<Int32>?
    let providers: Set<Int32>?

    init(index: CatalogIndex, done: Set<Int32> = [], excluded: Set<Int32> = [], formats: Set<Int32>? = nil, languages: Set<Int32>? = nil, providers: Set<Int32>? = nil) {
        self.index = index
        self.done = done
        self.excluded = excluded
        self.formats = formats
        self.languages = languages
        self.providers = providers
    }

    /// Whether anything beyond the completed courses is ruled out. Completed courses need no exclusion of
    /// their own for reach: they are already taken.
    var restricts: Bool {
        !excluded.isEmpty || formats != nil || languages != nil || providers != nil
    }

    func allows(_ course: Int32) -> Bool {
        reasonExcluded(course) == nil
    }

    /// Why a course is not allowed, in words for an unmet skill's detail; nil when it is allowed.
    func reasonExcluded(_ course: Int32) -> String? {
        let c = Int(course)
        if done.contains(course) { return "already completed" }
        if excluded.contains(course) { return "excluded" }
        if let formats, !formats.contains(index.formatOf[c]) { return "format '\(index.formats[Int(index.formatOf[c])])' not allowed" }
        if let languages, !languages.contains(index.languageOf[c]) {
            return "language '\(index.languages[Int(index.languageOf[c])])' not allowed"
        }
        if let providers {
            let provider = index.providerOf[c]
            if provider < 0 || !providers.contains(provider) {
                return provider < 0 ? "no provider named" : "provider '\(index.providers[Int(provider)])' not allowed"
            }
        }
        return nil
    }
}
