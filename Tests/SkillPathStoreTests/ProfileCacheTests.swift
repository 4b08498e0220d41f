import Foundation
import SkillPathCore
@testable import SkillPathStore
import SkillPathTestSupport
import Testing

/// The profile cache (`ProfileCache`) against the database it stands for: whatever writes happen, and
/// however reads overlap them, a whole-organisation read gives what the rows say.
@Suite struct ProfileCacheTests {
    /// Random upserts (with and without leaving), ratings from every source, completions, and atomic batches
    /// that roll back, while another thread reads all along: after every step the read matches a brute-force
    /// answer from SQL, and at the end a store opened afresh on a copy (nothing cached) reads the same people
    /// under the evidence policy.
    @Test(arguments: [1, 2, 3] as [UInt64])
    func readsAgreeWithTheRowsThroughRandomWrites(seed: UInt64) throws {
        let fixture = try StoreFixture()
        let (store, catalog) = (fixture.store, fixture.catalog)
        var random = SplitMix(seed: seed)
        let overlapping = OverlappingReads { _ = try? store.currentProfiles(inSubtreeOf: nil) }
        overlapping.start()
        for step in 0..<120 {
            let person = "p\(random.next(10))"
            // A step the store refuses (rating someone not yet hired, a leaver's course) is part of the sequence too.
            do {
            switch random.next(5) {
            case 0: try upsertSomeone(person, &random, store: store, catalog: catalog)
            case 1: _ = try store.setSkills(
                randomSkills(&random, catalog: catalog), of: person, source: [.selfRated, .manager, .assessment][random.next(3)],
                overwrite: random.next(2) == 0, actor: "test", evidence: OrganisationStore.evidence(catalog))
            case 2: try complete(person, &random, store: store, catalog: catalog)
            case 3: try upsertSomeone(person, &random, store: store, catalog: catalog, thenFail: true)
            default: try upsertSomeone(person, &random, store: store, catalog: catalog, leaving: true)
            }
            } catch is DomainError {}
            #expect(try Self.plainProfiles(store) == Self.bruteForce(store.path), "seed \(seed), step \(step)")
        }
        overlapping.stop()
        #expect(overlapping.reads > 0)
        #expect(try Self.plainProfiles(store) == Self.bruteForce(store.path), "seed \(seed), after the overlapping reads")
        let copy = "\(fixture.directory.path)/copy.db"
        try SQLiteConnection(path: store.path, mode: .readOnly).execute("VACUUM INTO '\(copy)'")
        let fresh = try OrganisationStore(path: copy)
        let evidence = OrganisationStore.evidence(catalog)
        let cached = try store.currentProfiles(inSubtreeOf: nil, evidence: evidence, numberedBy: catalog)
        let uncached = try fresh.currentProfiles(inSubtreeOf: nil, evidence: evidence, numberedBy: catalog)
        #expect(cached.map(\.profile) == uncached.map(\.profile))
        #expect(cached.map(\.numbers) == uncached.map(\.numbers))
    }

    /// A write forgets exactly the people it touched; a rolled-back batch forgets nothing that is then
    /// read wrong, and the next read keeps everyone again.
    @Test func aWriteForgetsThePeopleItTouched() throws {
        let fixture = try StoreFixture()
        try fixture.seedTeam()
        _ = try fixture.store.currentProfiles(inSubtreeOf: nil)
        #expect(fixture.store.profileCacheSize.people == 4)
        _ = try fixture.store.setSkills(
            [SkillLevel(skill: "sql", level: 3)], of: "a2", source: .manager, actor: "test", evidence: OrganisationStore.evidence(fixture.catalog))
        #expect(fixture.store.profileCacheSize.people == 3, "a2's entry is forgotten")
        let a2 = try fixture.store.currentProfiles(inSubtreeOf: nil).first { $0.id == "a2" }
        #expect(a2?.profile.skills == [SkillLevel(skill: "sql", level: 3)])
        #expect(fixture.store.profileCacheSize.people == 4)
        #expect(try fixture.store.fillProfileCache() == 0, "nothing left to read")
        _ = try fixture.store.upsert(
            [EmployeeInput(id: "a1", name: nil, role: nil, leftOn: .set(CalendarDate(iso: "2026-01-01")))], catalog: fixture.catalog, actor: "test")
        #expect(try fixture.store.fillProfileCache() == 0)
        #expect(fixture.store.profileCacheSize.people == 3, "the leaver is dropped")
    }

    /// However a write reaches the rows (plain SQL through the store's writer: a completion with no evidence,
    /// a level updated in place, evidence deleted, an employee deleted with everything cascading, a savepoint
    /// rolled back), the next read gives what the rows say.
    @Test func everyKindOfRowChangeIsSeen() throws {
        let fixture = try StoreFixture()
        try fixture.seedTeam()
        let store = fixture.store
        let changes = [
            "INSERT INTO completions (employee, course, completed_at, source) VALUES ('a2', 'not-in-the-catalog', '2026-01-01T00:00:00Z', 'import')",
            "UPDATE skill_evidence SET level = 4 WHERE employee = 'a1'",
            "UPDATE completions SET course = 'renamed' WHERE employee = 'a2'",
            "INSERT INTO skill_evidence (employee, skill, level, source, set_at) VALUES ('m', 'sql', 2, 'manager', '2026-01-01T00:00:00Z')",
            "DELETE FROM skill_evidence WHERE employee = 'a1'",
            "DELETE FROM completions WHERE employee = 'a2'",
            "INSERT INTO skill_evidence (employee, skill, level, source, set_at) VALUES ('a2', 'python', 3, 'manager', '2026-01-01T00:00:00Z')",
            "DELETE FROM employees WHERE id = 'a2'",
        ]
        for sql in changes {
            #expect(try Self.plainProfiles(store) == Self.bruteForce(store.path))
            try store.write { connection in try connection.execute(sql) }
            #expect(try Self.plainProfiles(store) == Self.bruteForce(store.path), "after \(sql)")
        }
        // A write that fails after changing rows is rolled back with its notes: nothing changed, nothing read wrong.
        _ = try? store.write { connection in
            try connection.execute("INSERT INTO skill_evidence (employee, skill, level, source, set_at) VALUES ('l', 'sql', 5, 'manager', '2026-01-01T00:00:00Z')")
            try connection.execute("INSERT INTO completions (employee, course, completed_at, source) VALUES ('l', 'c', 'x', 'not-a-source-kind')")
            try connection.execute("INSERT INTO no_such_table VALUES (1)")
        }
        #expect(try Self.plainProfiles(store) == Self.bruteForce(store.path), "after a rolled-back write")
        #expect(try Self.plainProfiles(store).first { $0.id == "l" }?.skills == [])
    }

    /// A fill that began before a commit may have read the rows the commit replaced: it does not keep the
    /// people the commit forgot (it still hands back what it read, for its own answer), keeps the others, and
    /// a fill begun after the commit keeps everyone.
    @Test func aFillOlderThanACommitKeepsNothingTheCommitForgot() {
        let cache = ProfileCache()
        var fetched = ProfileCache.Fetched(texts: ["sql", "py1"])
        let entry = ProfileCache.Entry(pieces: [.init(skill: 0, level: 3, selfRated: false, day: 20_000)], completed: [1])
        fetched.entries = ["x": entry, "y": entry]
        let older = cache.beginFill()
        cache.forget(["x"])
        let handed = cache.keep(fetched, from: older)
        cache.endFill(older)
        #expect(handed["x"]?.pieces.count == 1 && handed["y"] != nil)
        #expect(cache.lookup(["x", "y"]).map { $0 == nil } == [true, false])
        let newer = cache.beginFill()
        _ = cache.keep(fetched, from: newer)
        cache.endFill(newer)
        #expect(cache.lookup(["x", "y"]).allSatisfy { $0 != nil })
        #expect(cache.texts == ["sql", "py1"], "the same texts are numbered once")
        #expect(cache.size == (people: 2, pieces: 2))
    }

    // MARK: - Steps

    private func upsertSomeone(
        _ person: String, _ random: inout SplitMix, store: OrganisationStore, catalog: Catalog, leaving: Bool = false, thenFail: Bool = false
    ) throws {
        let courses = catalog.courses.map(\.id)
        var rows = [EmployeeInput(
            id: person, name: "Person \(person)", role: catalog.roles[random.next(catalog.roles.count)].id,
            skills: random.next(3) == 0 ? nil : randomSkills(&random, catalog: catalog),
            completed: random.next(2) == 0 ? nil : [courses[random.next(courses.count)]],
            leftOn: leaving ? .set(random.next(2) == 0 ? CalendarDate(iso: "2026-01-01") : nil) : .keep)]
        if thenFail { rows.append(EmployeeInput(id: "bad", name: "Bad", role: "no-such-role")) }
        let sources: [SkillSource] = [.selfRated, .manager, .imported]
        _ = try store.upsert(
            rows, evidence: OrganisationStore.evidence(catalog), actor: "test", skillSource: sources[random.next(sources.count)],
            overwrite: random.next(2) == 0, mode: thenFail ? .atomic : .perRow)
    }

    private func complete(_ person: String, _ random: inout SplitMix, store: OrganisationStore, catalog: Catalog) throws {
        guard try store.employee(person) != nil else { return }
        let course = catalog.courses[random.next(catalog.courses.count)]
        _ = try store.recordProgress(
            employee: person, course: course, status: .completed, at: "2026-03-0\(1 + random.next(9))T10:00:00Z", eventID: nil, source: "lms", catalog: catalog)
    }

    private func randomSkills(_ random: inout SplitMix, catalog: Catalog) -> [SkillLevel] {
        var chosen: [String: Int] = [:]
        for _ in 0...random.next(3) { chosen[catalog.skills[random.next(catalog.skills.count)].id] = 1 + random.next(5) }
        return chosen.map { SkillLevel(skill: $0.key, level: $0.value) }.sorted { $0.skill < $1.skill }
    }

    // MARK: - Answers

    /// One person as the comparison sees them.
    struct Seen: Equatable, CustomStringConvertible {
        var id: String
        var skills: [SkillLevel]
        var completed: [String]
        var description: String { "\(id): \(skills.map { "\($0.skill)=\($0.level)" }) \(completed)" }
    }

    /// The store's read with stored levels as they are.
    static func plainProfiles(_ store: OrganisationStore) throws -> [Seen] {
        try store.currentProfiles(inSubtreeOf: nil).map { Seen(id: $0.id, skills: $0.profile.skills, completed: $0.profile.completed) }
    }

    /// The same from SQL alone: each current employee's best stored level per skill, and their courses.
    static func bruteForce(_ path: String) throws -> [Seen] {
        let connection = try SQLiteConnection(path: path, mode: .readOnly)
        let ids = try connection.prepare("SELECT id FROM employees WHERE left_on IS NULL ORDER BY id").rows { $0.text(0) }
        return try ids.map { id in
            let skills = try connection.prepare("SELECT skill, max(level) FROM skill_evidence WHERE employee = ?1 GROUP BY skill ORDER BY skill")
                .bind(.text(id)).rows { SkillLevel(skill: $0.text(0), level: $0.int(1)) }
            let courses = try connection.prepare("SELECT course FROM completions WHERE employee = ?1 ORDER BY course").bind(.text(id)).rows { $0.text(0) }
            return Seen(id: id, skills: skills, completed: courses)
        }
    }
}

/// A read repeated on a thread of its own for as long as the writes of a test go on: reads that overlap
/// commits (the profile cache's fills, the mobility ledger's refreshes).
final class OverlappingReads: @unchecked Sendable {
    private let read: @Sendable () -> Void
    private let state = NSLock()
    private var stopping = false
    private var count = 0
    private let done = DispatchSemaphore(value: 0)

    init(_ read: @escaping @Sendable () -> Void) { self.read = read }

    var reads: Int { state.withLock { count } }

    func start() {
        Thread { [self] in
            while !state.withLock({ stopping }) {
                read()
                state.withLock { count += 1 }
            }
            done.signal()
        }.start()
    }

    func stop() {
        state.withLock { stopping = true }
        done.wait()
    }
}

/// A small seeded generator, so that a failing sequence can be run again.
struct SplitMix {
    private var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next(_ bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((mixed ^ (mixed >> 31)) % UInt64(max(bound, 1)))
    }
}
