extension OrganisationStore {
    /// Fills the profile cache with every current employee it does not hold (`ProfileCache`), so that the
    /// next whole-organisation read finds them in memory, and drops those who left; how many people it read.
    /// The daemon calls it in the background at start and once a burst of evidence changes has settled.
    @discardableResult
    public func fillProfileCache() throws(StoreError) -> Int {
        let cache = connections.profiles
        let fill = cache.beginFill()
        defer { cache.endFill(fill) }
        let everyone = try read { connection in
            try connection.prepare("SELECT id FROM employees WHERE left_on IS NULL ORDER BY id").rows { $0.text(0) }
        }
        cache.keepOnly(Set(everyone))
        return try cachedEvidence(of: everyone, scope: SubtreeScope(root: nil), fill: fill).read
    }

    /// Keeps the profile cache to at most `pieces` pieces of evidence: the daemon's share of an address-space limit.
    public func limitProfileCache(to pieces: Int) {
        connections.profiles.limit(to: pieces)
    }

    /// How many people and pieces of evidence the profile cache holds (the daemon's log, tests).
    public var profileCacheSize: (people: Int, pieces: Int) { connections.profiles.size }

    /// Each of `employees`' evidence and completions as stored: kept ones from the cache, the rest read (and
    /// kept). When most are missing, one pass over `scope`'s rows (which must cover them all); otherwise each
    /// person through the index. `read`: how many people were read.
    func cachedEvidence(
        of employees: [String], scope: SubtreeScope, fill: ProfileCache.Fill
    ) throws(StoreError) -> (entries: [ProfileCache.Entry], read: Int) {
        let cache = connections.profiles
        var entries = cache.lookup(employees)
        let missing = entries.indices.filter { entries[$0] == nil }
        guard !missing.isEmpty else { return (entries.map { $0 ?? .init() }, 0) }
        let wanted = missing.map { employees[$0] }
        let fetched = try read { connection in
            var reading = EvidenceReading(wanted)
            if missing.count * 4 >= employees.count {
                try reading.readAll(in: scope, on: connection)
            } else {
                try reading.readEach(on: connection)
            }
            return reading.fetched
        }
        let kept = cache.keep(fetched, from: fill)
        for position in missing { entries[position] = kept[employees[position]] }
        return (entries.map { $0 ?? .init() }, missing.count)
    }
}

/// Reads people's evidence and completions as stored into a `ProfileCache.Fetched`, each distinct skill or
/// course id built once (`TextInterner`) and numbered in the order first met.
struct EvidenceReading {
    private(set) var fetched = ProfileCache.Fetched()
    private var interner = TextInterner()

    /// Everyone in `wanted` starts with nothing: a person without evidence is kept as such, not read again.
    init(_ wanted: [String]) {
        for employee in wanted { fetched.entries[employee] = ProfileCache.Entry() }
    }

    /// Every row of `scope`, keeping those of the people wanted.
    mutating func readAll(in scope: SubtreeScope, on connection: SQLiteConnection) throws {
        let evidence = try connection.prepare("""
            \(scope.with) SELECT employee, skill, level, source = 'self', set_at
            FROM skill_evidence WHERE 1 = 1 \(scope.filter("employee")) ORDER BY employee, skill
            """).bind(scope.bind)
        // Rows come grouped by employee: the previous row's person is recognised by comparing bytes.
        var current: (employee: String, wanted: Bool)?
        var pieces: [ProfileCache.Piece] = []
        // Each person's pieces are kept at their exact size: grown by doubling, they would cost up to twice the memory.
        func store() {
            guard let current, current.wanted else { return }
            var exact: [ProfileCache.Piece] = []
            exact.reserveCapacity(pieces.count)
            exact.append(contentsOf: pieces)
            fetched.entries[current.employee]?.pieces = exact
        }
        while try evidence.step() {
            if current.map({ !evidence.text(0, equals: $0.employee) }) ?? true {
                store()
                let employee = evidence.text(0)
                current = (employee, fetched.entries[employee] != nil)
                pieces.removeAll(keepingCapacity: true)
            }
            if current?.wanted == true { pieces.append(piece(evidence, from: 1)) }
        }
        store()
        let completions = try connection.prepare("""
            \(scope.with) SELECT employee, course FROM completions WHERE 1 = 1 \(scope.filter("employee")) ORDER BY employee, course
            """).bind(scope.bind)
        while try completions.step() {
            let employee = completions.text(0)
            guard fetched.entries[employee] != nil else { continue }
            let course = position(completions, 1)
            fetched.entries[employee]?.completed.append(course)
        }
    }

    /// Each wanted person's rows through the index.
    mutating func readEach(on connection: SQLiteConnection) throws {
        for employee in Array(fetched.entries.keys) {
            let evidence = try connection.prepare("SELECT skill, level, source = 'self', set_at FROM skill_evidence WHERE employee = ?1 ORDER BY skill")
                .bind(.text(employee))
            var entry = ProfileCache.Entry()
            while try evidence.step() { entry.pieces.append(piece(evidence, from: 0)) }
            let completions = try connection.prepare("SELECT course FROM completions WHERE employee = ?1 ORDER BY course").bind(.text(employee))
            while try completions.step() { entry.completed.append(position(completions, 0)) }
            fetched.entries[employee] = entry
        }
    }

    /// The piece in columns `first` on: skill, level, whether self-rated, date.
    private mutating func piece(_ statement: SQLiteStatement, from first: Int32) -> ProfileCache.Piece {
        ProfileCache.Piece(
            skill: position(statement, first), level: UInt8(clamping: statement.int(first + 1)), selfRated: statement.int(first + 2) != 0,
            day: Int32(clamping: statement.dayNumber(first + 3) ?? Int(Int32.max)))
    }

    /// The text in `column` as its position in `fetched.texts`, added when first met.
    private mutating func position(_ statement: SQLiteStatement, _ column: Int32) -> Int32 {
        let next = Int32(truncatingIfNeeded: fetched.texts.count)
        var isNew = false
        let (text, number) = statement.text(column, interning: &interner) { _ in
            isNew = true
            return next
        }
        if isNew { fetched.texts.append(text) }
        return number ?? next
    }
}
