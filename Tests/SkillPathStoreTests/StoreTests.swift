import CSQLite
import Foundation
import SkillPathCore
import SkillPathJSON
@testable import SkillPathStore
import SkillPathTestSupport
import Testing

@Suite struct StoreTests {
    @Test func migrationsCreateTheSchemaAndRecordItsVersion() throws {
        let fixture = try StoreFixture()
        #expect(fixture.store.schemaVersion == OrganisationStore.latestSchemaVersion)
        #expect(OrganisationStore.latestSchemaVersion == 14)
        try fixture.seedTeam()
        // A second store on the same file, while the first is open, is a second daemon: refused.
        #expect(throws: StoreError.self) { try OrganisationStore(path: fixture.store.path) }
    }

    /// Opening again, once the first store is closed, runs nothing new and keeps the data.
    @Test func reopeningRunsNoMigrationAndKeepsTheData() throws {
        let directory = TemporaryDirectory()
        let path = "\(directory.path)/again.db"
        do {
            let store = try OrganisationStore(path: path)
            let report = try store.upsert([EmployeeInput(id: "a1", name: "Analyst One", role: "analyst")], catalog: try Fixtures.catalog(), actor: "test")
            #expect(report.inserted == 1)
        }
        let again = try OrganisationStore(path: path)
        #expect(again.schemaVersion == OrganisationStore.latestSchemaVersion)
        #expect(try again.employee("a1")?.employee.name == "Analyst One")
    }

    @Test func aVersionOneDatabaseIsMigratedWithItsDataKept() throws {
        let directory = TemporaryDirectory()
        let path = "\(directory.path)/v1.db"
        var handle: OpaquePointer?
        sqlite3_open(path, &handle)
        let v1 = Migrations.version1 + """
            PRAGMA user_version = 1;
            INSERT INTO employees (id, name, role, created_at, updated_at)
                VALUES ('old-1', 'Kept Employee', 'data-analyst', '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z');
            INSERT INTO skill_levels (employee, skill, level, source, set_at) VALUES ('old-1', 'sql', 3, 'course', '2024-02-01T00:00:00Z');
            """
        #expect(sqlite3_exec(handle, v1, nil, nil, nil) == SQLITE_OK)
        sqlite3_close(handle)

        let store = try OrganisationStore(path: path)
        #expect(store.schemaVersion == OrganisationStore.latestSchemaVersion)
        #expect(try store.employee("old-1")?.employee.name == "Kept Employee")
        // Version 3 rebuilt the skill table: the level and its evidence are kept.
        #expect(try store.employee("old-1")?.skills == [StoredSkill(skill: "sql", level: 3, source: .course, setAt: "2024-02-01T00:00:00Z")])
        #expect(try store.employee("old-1")?.employee.role == "data-analyst")
        // The new tables exist and are empty: nobody moved before history was kept.
        #expect(try store.moves(visible: .everyone, employee: nil, manager: nil, from: nil, to: nil, limit: 10, after: nil).total == 0)
    }

    /// Version 10 rebuilds `opportunities` (a CHECK cannot change in place) while fills, applications and
    /// moves refer to it: every row and every id is kept, no reference is left dangling, and foreign keys are
    /// enforced again afterwards.
    @Test func aVersionNineDatabaseKeepsItsOpportunitiesThroughTheRebuild() throws {
        let directory = TemporaryDirectory()
        let path = "\(directory.path)/v9.db"
        var handle: OpaquePointer?
        sqlite3_open(path, &handle)
        let upToNine = Migrations.all.filter { $0.version <= 9 }.map(\.sql).joined(separator: "\n")
        let v9 = "PRAGMA foreign_keys = ON;\n" + upToNine + """
            PRAGMA user_version = 9;
            INSERT INTO employees (id, name, role, created_at, updated_at) VALUES
                ('l', 'Lead', 'lead', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
                ('a1', 'Analyst', 'scientist', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
            INSERT INTO opportunities (id, role, title, manager, kind, headcount, opens, duration_weeks, status, created_by, created_at)
                VALUES (7, 'scientist', 'Scientist', 'l', 'secondment', 2, '2026-02-01', 12, 'open', 'l', '2026-02-01T00:00:00Z');
            INSERT INTO moves (id, employee, from_role, to_role, kind, kind_from, date, end_date, opportunity, source, recorded_by, recorded_at)
                VALUES (3, 'a1', 'analyst', 'scientist', 'secondment', 'given', '2026-03-01', '2026-05-24', 7, 'opportunity', 'l', '2026-03-01T00:00:00Z');
            INSERT INTO opportunity_fills (opportunity, seat, employee, external, date, move) VALUES (7, 1, 'a1', 0, '2026-03-01', 3);
            INSERT INTO applications (id, opportunity, employee, status, confidential) VALUES (5, 7, 'a1', 'accepted', 0);
            """
        #expect(sqlite3_exec(handle, v9, nil, nil, nil) == SQLITE_OK, "\(String(cString: sqlite3_errmsg(handle)))")
        sqlite3_close(handle)

        let store = try OrganisationStore(path: path)
        #expect(store.schemaVersion == OrganisationStore.latestSchemaVersion)
        let opportunity = try store.opportunity(7)
        #expect(opportunity?.kind == .secondment && opportunity?.durationWeeks == 12 && opportunity?.headcount == 2)
        #expect(opportunity?.fills == [OpportunityRecord.Fill(seat: 1, employee: "a1", external: false, date: CalendarDate(iso: "2026-03-01") ?? CalendarDate(daysSinceEpoch: 0), move: 3)])
        #expect(try store.application(5)?.opportunity == 7)
        #expect(try store.move(3)?.opportunity == 7)
        #expect(Self.rows(path, "PRAGMA foreign_key_check") == 0, "no reference dangles")
        // Enforcement is back: an application to an opportunity that does not exist is refused by the database.
        #expect(throws: (any Error).self) {
            try store.write { connection in
                try connection.execute("INSERT INTO applications (opportunity, employee, status) VALUES (99, 'a1', 'applied')")
            }
        }
    }

    /// How many rows a statement gives, on a read-only connection of its own.
    static func rows(_ path: String, _ query: String) -> Int {
        var handle: OpaquePointer?
        guard sqlite3_open_v2(path, &handle, SQLITE_OPEN_READONLY, nil) == SQLITE_OK else { return -1 }
        defer { sqlite3_close(handle) }
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(handle, query, -1, &statement, nil) == SQLITE_OK else { return -1 }
        defer { sqlite3_finalize(statement) }
        var count = 0
        while sqlite3_step(statement) == SQLITE_ROW { count += 1 }
        return count
    }

    /// The whole organisation's evidence is read from one covering index, in order, never row by row from
    /// the table (version 6): SQLite's own plan for the query says so.
    @Test func theOrganisationsEvidenceIsReadFromTheIndexAlone() throws {
        let fixture = try StoreFixture()
        let plan = Self.queryPlan(fixture.store.path, "SELECT employee, skill, level, source = 'self', set_at FROM skill_evidence WHERE 1 = 1 ORDER BY employee, skill")
        #expect(plan == ["SCAN skill_evidence USING COVERING INDEX skill_evidence_profile"], "\(plan)")
    }

    /// A mentor search reads each mentor's evidence in the skills searched by seek, never the organisation's
    /// evidence whole (which SQLite chose before the join order was fixed: 66 ms a search at 50,000 people).
    @Test func aMentorSearchSeeksEachMentorsSkillsInTheIndex() throws {
        let fixture = try StoreFixture()
        let plan = Self.queryPlan(fixture.store.path, OrganisationStore.mentorEvidenceBySkill)
        #expect(plan.last?.hasPrefix("SEARCH e USING INDEX skill_evidence_profile (employee=? AND skill=?") == true, "\(plan)")
        #expect(!plan.contains { $0.hasPrefix("SCAN e") }, "\(plan)")
        // Past a few skills, each mentor's evidence is one range of the index, with the skills listed once.
        let many = Self.queryPlan(fixture.store.path, OrganisationStore.mentorEvidenceByMentor)
        #expect(many.contains("SEARCH e USING INDEX skill_evidence_profile (employee=?)"), "\(many)")
        #expect(many.contains("LIST SUBQUERY 2") && !many.contains { $0.hasPrefix("SCAN e") }, "\(many)")
    }

    /// The two ways a mentor search reads evidence (a seek per skill for a few skills, a range per mentor for
    /// many) find the same evidence, each skill at its own minimum.
    @Test func aMentorSearchFindsTheSameEvidenceEitherWay() throws {
        let fixture = try StoreFixture()
        try fixture.seedTeam()
        _ = try fixture.store.upsert([
            EmployeeInput(id: "l", name: "Lead", login: .set("lead"), role: "lead", skills: [
                SkillLevel(skill: "python", level: 3), SkillLevel(skill: "sql", level: 2), SkillLevel(skill: "statistics", level: 2),
            ]),
            EmployeeInput(id: "m", name: "Manager", login: .set("manager"), role: "scientist", manager: .set("l"), skills: [
                SkillLevel(skill: "python", level: 2), SkillLevel(skill: "sql", level: 1),
            ]),
        ], catalog: fixture.catalog, actor: "test")
        _ = try fixture.store.setMentorOffer(of: "l", skills: ["python", "sql"], capacity: 2, actor: "test")
        _ = try fixture.store.setMentorOffer(of: "m", skills: [], capacity: 2, actor: "test")
        let few = [(skill: "python", minimum: 3), (skill: "sql", minimum: 1), (skill: "statistics", minimum: 2)]
        let many = few + (0..<OrganisationStore.seekingSkills).map { (skill: "unheld-\($0)", minimum: 1) }
        func found(_ needs: [(skill: String, minimum: Int)]) throws -> [String: [String]] {
            Dictionary(uniqueKeysWithValues: try fixture.store.mentorCandidates(skills: needs).map { ($0.offer.employee, $0.evidence.map(\.skill).sorted()) })
        }
        let seeking = try found(few)
        // l offers Python and SQL only (statistics is not offered); m's Python 2 is below the minimum of 3.
        #expect(seeking == ["l": ["python", "sql"], "m": ["sql"]], "\(seeking)")
        #expect(try found(many) == seeking)
    }

    /// SQLite's own plan for `query` on the database at `path`, a line per step.
    static func queryPlan(_ path: String, _ query: String) -> [String] {
        var handle: OpaquePointer?
        guard sqlite3_open_v2(path, &handle, SQLITE_OPEN_READONLY, nil) == SQLITE_OK else { return ["cannot open \(path)"] }
        defer { sqlite3_close(handle) }
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(handle, "EXPLAIN QUERY PLAN " + query, -1, &statement, nil) == SQLITE_OK else {
            return ["cannot prepare: " + String(cString: sqlite3_errmsg(handle))]
        }
        defer { sqlite3_finalize(statement) }
        var plan: [String] = []
        while sqlite3_step(statement) == SQLITE_ROW { plan.append(String(cString: sqlite3_column_text(statement, 3))) }
        return plan
    }

    @Test func profilesForRankingsKeepEachPersonsOwnSkillsWhateverTheIds() throws {
        let fixture = try StoreFixture()
        // Ids in an order that is not the insertion order (capitals, digits, letters beyond ASCII), each with
        // skills of its own, and a leaver who is left out.
        // Long ids differing only in their last byte, read row by row as bytes, must not run together.
        let ids = ["zoe", "Zoe", "\u{E9}mile", "emile", "10", "9", "\u{E4}", "\u{1F600}", "employee-with-a-long-identifier-1", "employee-with-a-long-identifier-2"]
        func skills(_ number: Int) -> [SkillLevel] {
            [SkillLevel(skill: "sql", level: 1 + number % 5)] + (number % 3 == 0 ? [SkillLevel(skill: "statistics", level: 2)] : [])
        }
        let report = try fixture.store.upsert(ids.enumerated().map { number, id in
            EmployeeInput(id: id, name: "Person \(number)", role: "analyst", skills: skills(number), completed: number % 2 == 0 ? ["py1"] : nil)
        } + [EmployeeInput(id: "gone", name: "Gone", role: "analyst", skills: [SkillLevel(skill: "sql", level: 5)], leftOn: .set(CalendarDate(iso: "2025-01-01") ?? Timestamps.today()))],
            catalog: fixture.catalog, actor: "test")
        #expect(report.rejected.isEmpty, "\(report.rejected)")
        let profiles = try fixture.store.currentProfiles(inSubtreeOf: nil)
        #expect(profiles.count == ids.count, "the leaver is not a candidate")
        for (number, id) in ids.enumerated() {
            let person = profiles.first { $0.id.utf8.elementsEqual(id.utf8) }
            // A completed course listed in the row is evidence of what it teaches (py1: python 1), as an import.
            let expected = (skills(number) + (number % 2 == 0 ? [SkillLevel(skill: "python", level: 1)] : [])).sorted { $0.skill < $1.skill }
            #expect(person?.profile.skills == expected, "\(id)")
            #expect(person?.profile.completed == (number % 2 == 0 ? ["py1"] : []), "\(id)")
            #expect(person?.name == "Person \(number)")
        }
    }

    /// The interner behind profile reads: the same bytes give the same text, through growth and past its limit,
    /// and invalid UTF-8 reads as `String(decoding:)` reads it.
    @Test func theInternerGivesEachTextBackAsItsOwnBytes() {
        var interner = TextInterner(capacityLimit: 700)
        func read(_ bytes: [UInt8]) -> String { bytes.withUnsafeBufferPointer { interner.string($0) } }
        // Around the hash's eight-byte words: lengths 7 to 17, and texts that differ only by trailing NULs
        // (the last word is padded with zeros) or only in their last byte.
        let edges = (7...17).map { String(repeating: "x", count: $0) } + ["a", "a\u{0}", "a\u{0}\u{0}", "12345678", "12345678\u{0}", "1234567y", "1234567z"]
        let texts = (0..<1_000).map { "skill-with-a-long-identifier-\($0)" } + ["", "\u{E9}", "\u{1F600}"] + edges
        for _ in 0..<3 {
            for text in texts { #expect(read(Array(text.utf8)) == text) }
        }
        let invalid: [UInt8] = [0x61, 0xFF, 0x62, 0xC3]
        #expect(read(invalid) == String(decoding: invalid, as: UTF8.self))
        #expect(read(invalid) == "a\u{FFFD}b\u{FFFD}")
    }

    /// A numbered read asks for each distinct text's number once, through growth, and hands back the same
    /// number for the same bytes; past the limit it still numbers every text (asking again).
    @Test func theInternerNumbersEachTextOnce() {
        var interner = TextInterner(capacityLimit: 700)
        var asked: [String: Int] = [:]
        func read(_ text: String) -> (text: String, number: Int32?) {
            Array(text.utf8).withUnsafeBufferPointer { bytes in
                interner.numbered(bytes) { text in
                    asked[text, default: 0] += 1
                    return text.hasSuffix("7") ? nil : Int32(text.utf8.count * 1_000 + Int(text.utf8.last ?? 0))
                }
            }
        }
        let texts = (0..<1_000).map { "skill-with-a-long-identifier-\($0)" }
        for round in 0..<3 {
            for text in texts {
                let (read, number) = read(text)
                #expect(read == text)
                #expect(number == (text.hasSuffix("7") ? nil : Int32(text.utf8.count * 1_000 + Int(text.utf8.last ?? 0))))
            }
            // The first 700 are remembered with their numbers; the rest are asked on every read.
            #expect(asked[texts[0]] == 1 && asked[texts[699]] == 1, "round \(round)")
            #expect(asked[texts[999]] == round + 1)
        }
        // Plain reads and numbered reads share the table.
        #expect(Array(texts[3].utf8).withUnsafeBufferPointer { interner.string($0) } == texts[3])
    }

    /// A read numbered by the catalog resolves each person exactly as resolving their profile would, skills
    /// a catalog change removed included (stored under a catalog that had `retired`, read under one without).
    @Test func numberedProfilesAreTheProfilesOwnNumbers() throws {
        let fixture = try StoreFixture()
        var files = Fixtures.files
        files["skills.json"] = files["skills.json"]?.replacingOccurrences(of: "{\"skills\": [", with: "{\"skills\": [{\"id\": \"retired\", \"name\": \"Retired\"},")
        let directory = TemporaryDirectory()
        let before = try CatalogLoader.load(directory: directory.write(files))
        let skills = before.skills.map(\.id)
        #expect(skills.contains("retired") && fixture.catalog.skill("retired") == nil)
        let report = try fixture.store.upsert((0..<40).map { number in
            EmployeeInput(
                id: "p\(number)", name: "Person \(number)", role: "analyst",
                skills: skills.enumerated().filter { ($0.offset + number) % 3 == 0 }.map { SkillLevel(skill: $0.element, level: ($0.offset + number) % 6) },
                completed: number % 4 == 0 ? ["py1"] : nil)
        }, catalog: before, actor: "test")
        #expect(report.rejected.isEmpty, "\(report.rejected)")
        let evidence = OrganisationStore.evidence(fixture.catalog)
        let numbered = try fixture.store.currentProfiles(inSubtreeOf: nil, evidence: evidence, numberedBy: fixture.catalog)
        let plain = try fixture.store.currentProfiles(inSubtreeOf: nil, evidence: evidence)
        #expect(numbered.count == 40)
        #expect(numbered.map(\.profile) == plain.map(\.profile))
        #expect(plain.allSatisfy { $0.numbers == nil })
        for person in numbered {
            #expect(person.numbers != nil && person.numbers == ProfileNumbers(person.profile, catalog: fixture.catalog), "\(person.id)")
        }
    }

    @Test func aDatabaseFromANewerVersionIsRefusedAndLeftUntouched() throws {
        let directory = TemporaryDirectory()
        let path = "\(directory.path)/future.db"
        var handle: OpaquePointer?
        sqlite3_open(path, &handle)
        // A newer SkillPath marks its databases with our application id (0x536B5074).
        sqlite3_exec(handle, "CREATE TABLE future (x); PRAGMA user_version = 99; PRAGMA application_id = 1399541876;", nil, nil, nil)
        sqlite3_close(handle)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(throws: StoreError.self) { try OrganisationStore(path: path) }
        do {
            _ = try OrganisationStore(path: path)
        } catch {
            #expect(error.kind == .newerSchema)
            #expect(error.message.contains("has schema version 99, newer than this skillpathd supports (\(OrganisationStore.latestSchemaVersion)); it was left untouched"))
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
    }

    @Test func upsertIsIdempotentAndReportsEachBadRowByIndex() throws {
        let fixture = try StoreFixture()
        try fixture.seedTeam()
        let batch = [
            EmployeeInput(id: "a3", name: "New", role: "analyst", manager: .set("m"), skills: [SkillLevel(skill: "sql", level: 2)]),
            EmployeeInput(id: "x1", name: "Bad role", role: "scientst"),
            EmployeeInput(id: "x2", name: "Bad skill", role: "analyst", skills: [SkillLevel(skill: "pyhton", level: 2)]),
            EmployeeInput(id: "x3", name: "Bad level", role: "analyst", skills: [SkillLevel(skill: "sql", level: 7)]),
            EmployeeInput(id: "x4", name: "No boss", role: "analyst", manager: .set("ghost")),
            EmployeeInput(id: "x5", name: "Taken login", login: .set("one"), role: "analyst"),
            EmployeeInput(id: "a3", name: "Twice", role: "analyst"),
            EmployeeInput(id: "x6", name: "Bad course", role: "analyst", completed: ["nope"]),
            EmployeeInput(id: "x7", name: nil, role: nil),
        ]
        let first = try fixture.store.upsert(batch, catalog: fixture.catalog, actor: "test")
        #expect(first.inserted == 1)
        #expect(first.rejected.map { "\($0.index):\($0.field)" } == ["1:role", "2:skills[0].skill", "3:skills[0].level", "4:manager", "5:login", "6:id", "7:completed[0]", "8:name"])
        #expect(first.rejected[0].reason == "unknown role 'scientst' (did you mean 'scientist'?)")
        #expect(first.rejected[3].reason == "unknown employee 'ghost' (not stored, and not in this batch)")
        #expect(first.rejected[4].reason == "login 'one' belongs to employee 'a1'")
        #expect(first.rejected[7].reason == "is required for a new employee")
        let second = try fixture.store.upsert(Array(batch.prefix(1)), catalog: fixture.catalog, actor: "test")
        #expect(second.inserted == 0 && second.updated == 0 && second.unchanged == 1)
    }

    @Test func managerCyclesAreRefusedEvenAcrossABatch() throws {
        let fixture = try StoreFixture()
        try fixture.seedTeam()
        // l -> m -> a1 would close the loop l ← m ← a1 ← l.
        let report = try fixture.store.upsert([EmployeeInput(id: "l", name: "Lead", role: "lead", manager: .set("a1"))], catalog: fixture.catalog, actor: "test")
        #expect(report.rejected.first?.field == "manager")
        #expect(report.rejected.first?.reason == "the managers would form a cycle: 'l' → 'a1' → 'm' → 'l'")
        let pair = try fixture.store.upsert([
            EmployeeInput(id: "p", name: "P", role: "analyst", manager: .set("q")),
            EmployeeInput(id: "q", name: "Q", role: "analyst", manager: .set("p")),
        ], catalog: fixture.catalog, actor: "test")
        // Two new employees managing each other: neither can exist without the other's loop.
        #expect(pair.inserted == 0)
        #expect(pair.rejected.map(\.field) == ["manager", "manager"])
    }

    /// "José" with é and with e + U+0301 are one id to Swift and two to SQLite: only the composed form is
    /// taken, so that the store never holds two ids that differ only in their encoding.
    @Test func anIdOrManagerInDecomposedUnicodeIsRefusedByName() throws {
        let fixture = try StoreFixture()
        let composed = "jos\u{E9}"
        let decomposed = "jose\u{301}"
        let report = try fixture.store.upsert([
            EmployeeInput(id: composed, name: "José", role: "analyst"),
            EmployeeInput(id: decomposed, name: "José again", role: "analyst"),
            EmployeeInput(id: "report", name: "Report", role: "analyst", manager: .set(decomposed)),
        ], catalog: fixture.catalog, actor: "test")
        #expect(report.inserted == 1)
        #expect(report.rejected.map(\.index) == [1, 2])
        #expect(report.rejected.map(\.field) == ["id", "manager"])
        #expect(report.rejected.first?.reason == "'jose\\u{301}' is not in composed Unicode form (NFC): send 'jos\\u{E9}', each accented letter as one character")
        #expect(try fixture.store.employee(composed)?.employee.name == "José", "the composed row is kept as sent")
        #expect(try fixture.store.currentProfiles(inSubtreeOf: nil).map(\.id) == [composed])
    }

    /// Text is bound by its byte length: ids that differ only after a U+0000 stay two rows, and a name with
    /// one comes back whole. (Requests refuse control characters; the store must not rely on it.)
    @Test func textWithANULIsStoredWholeNotCutAtIt() throws {
        let fixture = try StoreFixture()
        let report = try fixture.store.upsert([
            EmployeeInput(id: "g-0", name: "Grace", role: "analyst"),
            EmployeeInput(id: "g-0\u{0}zzz", name: "Mal\u{0}lory", role: "analyst"),
        ], catalog: fixture.catalog, actor: "test")
        #expect(report.inserted == 2)
        #expect(try fixture.store.employee("g-0")?.employee.name == "Grace")
        #expect(try fixture.store.employee("g-0\u{0}zzz")?.employee.name == "Mal\u{0}lory")
        #expect(try fixture.store.employee("")?.employee == nil)
    }

    @Test func aCycleOfThreeRowsRejectsThoseRowsAndKeepsTheRest() throws {
        let fixture = try StoreFixture()
        let report = try fixture.store.upsert([
            EmployeeInput(id: "x", name: "X", role: "analyst", manager: .set("y")),
            EmployeeInput(id: "boss", name: "Boss", role: "lead"),
            EmployeeInput(id: "y", name: "Y", role: "analyst", manager: .set("z")),
            EmployeeInput(id: "z", name: "Z", role: "analyst", manager: .set("x")),
            EmployeeInput(id: "w", name: "W", role: "analyst", manager: .set("boss")),
        ], catalog: fixture.catalog, actor: "test")
        #expect(report.inserted == 2)
        #expect(report.rejected.map(\.index) == [0, 2, 3])
        #expect(report.rejected.first?.reason == "the managers would form a cycle: 'x' → 'y' → 'z' → 'x'")
        #expect(try fixture.store.employee("w")?.employee.manager == "boss")
        #expect(try fixture.store.employee("x") == nil)
    }

    @Test func aTenThousandRowCycleIsFoundInOnePassAndRejectedRowByRow() throws {
        let fixture = try StoreFixture()
        let count = 10_000
        var rows = (0..<count).map { EmployeeInput(id: "c\($0)", name: "C\($0)", role: "analyst", manager: .set("c\(($0 + 1) % count)")) }
        rows.append(EmployeeInput(id: "free", name: "Free", role: "analyst"))
        let report = try fixture.store.upsert(rows, catalog: fixture.catalog, actor: "test")
        #expect(report.inserted == 1)
        #expect(report.rejected.count == count)
        #expect(report.rejected.allSatisfy { $0.field == "manager" })
        // The cycle is spelled once, shortened, and the other 9,999 rows refer to it: the reply stays small
        // (spelled in full on every row it was 1.9 GB).
        #expect(report.rejected.first?.reason == "the managers would form a cycle: 'c0' → 'c1' → 'c2' → 'c3' → 'c4' → 'c5' → 'c6' → 'c7' → 'c8' → 'c9' → … → 'c0' (10000 people)")
        #expect(report.rejected.dropFirst().allSatisfy { $0.reason == "the managers would form a cycle of 10000 (spelled out at row 0)" })
        #expect(report.rejected.map(\.reason.utf8.count).reduce(0, +) < 1_000_000)
    }

    @Test func theOrderOfRowsInABatchNeverMatters() throws {
        // A report before its new manager, a manager rejected for its role, and two employees swapping logins.
        func batch(reversed: Bool) -> [EmployeeInput] {
            let rows = [
                EmployeeInput(id: "x", name: "X", role: "analyst", manager: .set("boss")),
                EmployeeInput(id: "boss", name: "Boss", role: "lead"),
                EmployeeInput(id: "r", name: "R", role: "analyst", manager: .set("bad")),
                EmployeeInput(id: "bad", name: "Bad", role: "astronaut"),
                EmployeeInput(id: "a1", name: "Analyst One", login: .set("two"), role: "analyst"),
                EmployeeInput(id: "a2", name: "Analyst Two", login: .set("one"), role: "analyst"),
            ]
            return reversed ? rows.reversed() : rows
        }
        var outcomes: [[String]] = []
        for reversed in [false, true] {
            let fixture = try StoreFixture()
            try fixture.seedTeam()
            _ = try fixture.store.upsert([EmployeeInput(id: "a2", name: "Analyst Two", login: .set("two"), role: "analyst", manager: .set("m"))], catalog: fixture.catalog, actor: "test")
            let report = try fixture.store.upsert(batch(reversed: reversed), catalog: fixture.catalog, actor: "test")
            let state = try ["x", "boss", "r", "bad", "a1", "a2"].map { id in
                try fixture.store.employee(id).map { "\(id):\($0.employee.manager ?? "-"):\($0.employee.login ?? "-")" } ?? "\(id):absent"
            }
            outcomes.append(state + report.rejected.map { "rejected \($0.id ?? "?") \($0.field)" }.sorted())
        }
        #expect(outcomes[0] == outcomes[1])
        #expect(outcomes[0].contains("x:boss:-"))
        #expect(outcomes[0].contains("a1:m:two") && outcomes[0].contains("a2:m:one"), "logins swapped: \(outcomes[0])")
        #expect(outcomes[0].contains("rejected r manager") && outcomes[0].contains("rejected bad role"))
    }

    @Test func partialRowsUpdateOnlyWhatTheyGive() throws {
        let fixture = try StoreFixture()
        try fixture.seedTeam()
        let report = try fixture.store.upsert([EmployeeInput(id: "a1", name: nil, role: nil, skills: [SkillLevel(skill: "sql", level: 3)])], catalog: fixture.catalog, actor: "hr")
        #expect(report.updated == 1)
        let a1 = try #require(try fixture.store.employee("a1"))
        #expect(a1.employee.login == "one" && a1.employee.manager == "m" && a1.employee.role == "analyst")
        #expect(a1.skills.map { "\($0.skill)=\($0.level)/\($0.source.rawValue)" } == ["python=1/manager", "sql=3/manager"])
        let cleared = try fixture.store.upsert([EmployeeInput(id: "a1", name: nil, login: .set(nil), role: nil)], catalog: fixture.catalog, actor: "hr")
        #expect(cleared.updated == 1)
        #expect(try fixture.store.employee("a1")?.employee.login == nil)
    }

    @Test func subtreesAndVisibility() throws {
        let fixture = try StoreFixture()
        try fixture.seedTeam()
        #expect(try fixture.store.manages("l", "a2"))
        #expect(try fixture.store.manages("m", "a1"))
        #expect(try !fixture.store.manages("a1", "m"))
        #expect(try !fixture.store.manages("m", "m"))
        #expect(try fixture.store.reports(of: "l", wholeSubtree: true).map(\.id) == ["a1", "a2", "m"])
        #expect(try fixture.store.reports(of: "l", wholeSubtree: false).map(\.id) == ["m"])
        let page = try fixture.store.employees(visible: .subtree(of: "m"), role: nil, manager: nil, limit: 2, cursor: nil)
        #expect(page.items.map(\.id) == ["a1", "a2"] && page.total == 3 && page.hasMore)
        let rest = try fixture.store.employees(visible: .subtree(of: "m"), role: nil, manager: nil, limit: 2, cursor: "a2")
        #expect(rest.items.map(\.id) == ["m"] && !rest.hasMore)
        #expect(try fixture.store.employeeID(login: "manager") == "m")
    }

    @Test func assignmentsFreezeThePlanRefuseDuplicatesAndCancel() throws {
        let fixture = try StoreFixture()
        try fixture.seedTeam()
        let plan = try fixture.plan(for: "a1", target: "scientist")
        let new = NewAssignment(employee: "a1", targetRole: "scientist", assignedBy: "manager", startDate: CalendarDate(iso: "2026-01-05")!, dueDate: nil, options: .object([]), plan: plan)
        let record = try fixture.store.createAssignment(new)
        #expect(record.steps.map(\.course) == plan.steps.map(\.course))
        #expect(record.status == .active)
        #expect(throws: DomainError.duplicateAssignment(existing: record.id)) { try fixture.store.createAssignment(new) }
        let cancelled = try fixture.store.cancelAssignment(record.id, actor: "manager")
        #expect(cancelled.status == .cancelled)
        #expect(throws: DomainError.assignmentClosed(record.id, status: "cancelled")) { try fixture.store.cancelAssignment(record.id, actor: "manager") }
        // Once cancelled, the same target can be assigned again.
        #expect(try fixture.store.createAssignment(new).id != record.id)
        let audit = try fixture.store.auditLog(subject: "a1", limit: 10).map(\.action)
        #expect(Array(audit.prefix(3)) == ["assignment.create", "assignment.cancel", "assignment.create"])
    }

    @Test func completingACourseRaisesSkillsAndAdvancesAssignmentsOnce() throws {
        let fixture = try StoreFixture()
        try fixture.seedTeam()
        let plan = try fixture.plan(for: "a1", target: "scientist")
        let record = try fixture.store.createAssignment(NewAssignment(
            employee: "a1", targetRole: "scientist", assignedBy: "manager", startDate: CalendarDate(iso: "2026-01-05")!, dueDate: nil, options: .object([]), plan: plan))
        let first = record.steps[0].course
        let course = try #require(fixture.catalog.course(first))
        let outcome = try fixture.store.recordProgress(employee: "a1", course: course, status: .completed, at: "2026-01-06T10:00:00Z", eventID: "e1", source: "lms", catalog: fixture.catalog)
        #expect(!outcome.duplicate)
        #expect(outcome.skillsRaised.map { "\($0.skill):\($0.from)->\($0.to)" } == course.teaches.map { "\($0.skill):\(($0.skill == "python" ? 1 : 0))->\($0.level)" })
        #expect(outcome.assignments.first?.steps.first?.completedAt == "2026-01-06T10:00:00Z")
        let again = try fixture.store.recordProgress(employee: "a1", course: course, status: .completed, at: "2026-01-06T10:00:00Z", eventID: "e1", source: "lms", catalog: fixture.catalog)
        #expect(again.duplicate && again.at == "2026-01-06T10:00:00Z", "a retry of the same event changes nothing")
        #expect(throws: DomainError.self, "the same id for another moment is another event: refused") {
            try fixture.store.recordProgress(employee: "a1", course: course, status: .completed, at: "2026-01-07T10:00:00Z", eventID: "e1", source: "lms", catalog: fixture.catalog)
        }
        let elsewhere = try fixture.store.recordProgress(employee: "a2", course: course, status: .started, at: "2026-01-07T10:00:00Z", eventID: "e1", source: "other-lms", catalog: fixture.catalog)
        #expect(!elsewhere.duplicate, "another sender's ids are its own")
        let a1 = try #require(try fixture.store.employee("a1"))
        #expect(a1.completions.map(\.course) == [first])
        let taught = a1.skills.filter { $0.skill == course.teaches[0].skill }
        #expect(OrganisationStore.evidence(fixture.catalog).standing(taught)?.piece.source == .course, "\(taught)")
        // Completing every step completes the assignment.
        for step in record.steps.dropFirst() {
            _ = try fixture.store.recordProgress(employee: "a1", course: fixture.catalog.course(step.course)!, status: .completed, at: "2026-02-01T00:00:00Z", eventID: nil, source: "lms", catalog: fixture.catalog)
        }
        let done = try #require(try fixture.store.assignment(record.id))
        #expect(done.status == .completed)
        #expect(done.percentComplete == 100)
    }

    @Test func teamReportsSayWhoIsOnTrackLateOrOverdue() throws {
        let fixture = try StoreFixture()
        try fixture.seedTeam()
        // a1 started in January 2026 at 10 h/week: by a March date every early step should be done.
        let plan = try fixture.plan(for: "a1", target: "scientist")
        let late = try fixture.store.createAssignment(NewAssignment(
            employee: "a1", targetRole: "scientist", assignedBy: "manager", startDate: CalendarDate(iso: "2026-01-05")!,
            dueDate: CalendarDate(iso: "2026-12-31"), options: .object([]), plan: plan))
        let overduePlan = try fixture.plan(for: "a2", target: "scientist")
        let overdue = try fixture.store.createAssignment(NewAssignment(
            employee: "a2", targetRole: "scientist", assignedBy: "manager", startDate: CalendarDate(iso: "2026-01-05")!,
            dueDate: CalendarDate(iso: "2026-02-01"), options: .object([]), plan: overduePlan))
        let team = try fixture.store.team(of: "m", wholeSubtree: false)
        #expect(team.map(\.employee.id) == ["a1", "a2"])
        let today = CalendarDate(iso: "2026-03-15")!
        #expect(team[0].assignments.first?.id == late.id)
        #expect(team[0].assignments.first?.progress(on: today) == .late)
        #expect(team[1].assignments.first?.id == overdue.id)
        #expect(team[1].assignments.first?.progress(on: today) == .overdue)
        #expect(team[0].assignments.first?.progress(on: CalendarDate(iso: "2026-01-05")!) == .onTrack)
        #expect(try fixture.store.team(of: "l", wholeSubtree: true).count == 3)
    }

    @Test func replanKeepsCompletedStepsAndReplacesTheRest() throws {
        let fixture = try StoreFixture()
        try fixture.seedTeam()
        let plan = try fixture.plan(for: "a1", target: "scientist")
        let record = try fixture.store.createAssignment(NewAssignment(
            employee: "a1", targetRole: "scientist", assignedBy: "manager", startDate: CalendarDate(iso: "2026-01-05")!, dueDate: nil, options: .object([]), plan: plan))
        _ = try fixture.store.recordProgress(employee: "a1", course: fixture.catalog.course(record.steps[0].course)!, status: .completed, at: "2026-01-06T00:00:00Z", eventID: nil, source: "x", catalog: fixture.catalog)
        let fresh = try fixture.plan(for: "a1", target: "scientist", start: "2026-02-01")
        let replanned = try fixture.store.replacePlan(of: record.id, with: fresh, actor: "manager")
        #expect(replanned.steps.first?.course == record.steps[0].course)
        #expect(replanned.steps.first?.completedAt != nil)
        #expect(Array(replanned.steps.dropFirst().map(\.course)) == fresh.steps.map(\.course))
        #expect(replanned.steps.map(\.position) == Array(0..<replanned.steps.count))
    }

    @Test func concurrentWritesAreAllCommittedInSharedGroups() throws {
        let fixture = try StoreFixture()
        try fixture.seedTeam()
        let course = try #require(fixture.catalog.course("py1"))
        let store = fixture.store
        let failures = SharedCounter()
        let group = DispatchGroup()
        for writer in 0..<16 {
            group.enter()
            Thread {
                for number in 0..<25 {
                    do {
                        _ = try store.recordProgress(employee: "a2", course: course, status: .started, at: "2026-01-01T00:00:00Z", eventID: "event-\(writer)-\(number)", source: "load", catalog: fixture.catalog)
                    } catch {
                        failures.add()
                    }
                }
                group.leave()
            }.start()
        }
        group.wait()
        #expect(failures.value == 0)
        let events = try store.auditLog(subject: "a2", limit: 1000).filter { $0.action == "progress.started" }
        #expect(events.count == 400)
    }
}
