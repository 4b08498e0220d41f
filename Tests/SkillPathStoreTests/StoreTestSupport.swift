import Foundation
import SkillPathCore
@testable import SkillPathStore
import SkillPathTestSupport

/// A fresh store in a temp folder, on the fixture catalog.
struct StoreFixture {
    let directory = TemporaryDirectory()
    let store: OrganisationStore
    let catalog: Catalog

    init() throws {
        catalog = try Fixtures.catalog()
        store = try OrganisationStore(path: "\(directory.path)/test.db")
    }

    /// A lead (l), a manager (m) reporting to the lead, and two analysts (a1, a2) reporting to the manager.
    func seedTeam() throws {
        let report = try store.upsert([
            EmployeeInput(id: "l", name: "Lead", login: .set("lead"), role: "lead"),
            EmployeeInput(id: "m", name: "Manager", login: .set("manager"), role: "scientist", manager: .set("l")),
            EmployeeInput(id: "a1", name: "Analyst One", login: .set("one"), role: "analyst", manager: .set("m"),
                          skills: [SkillLevel(skill: "python", level: 1)]),
            EmployeeInput(id: "a2", name: "Analyst Two", role: "analyst", manager: .set("m")),
        ], catalog: catalog, actor: "test")
        precondition(report.rejected.isEmpty, "\(report.rejected)")
    }

    /// `seedTeam`, then `pieces` pieces of evidence written straight to the table, each for one of the team,
    /// a skill of the catalog or one it does not know, a level 0–5, any source and one of three dates (so
    /// that some fade to nothing), and a2 gone: what the whole-organisation reads are checked on.
    func seedTeamWithScatteredEvidence(pieces: Int, random: inout SplitMix) throws {
        try seedTeam()
        let people = ["l", "m", "a1", "a2"]
        let skills = catalog.skills.map(\.id) + ["not-in-the-catalog"]
        let sources = ["self", "manager", "course", "assessment", "import"]
        let days = ["2026-01-05", "2019-06-01", "2012-03-10"]
        var rows: [[SQLiteValue?]] = []
        for _ in 0..<pieces {
            rows.append([
                .text(people[random.next(people.count)]), .text(skills[random.next(skills.count)]), .int(random.next(6)),
                .text(sources[random.next(sources.count)]), .text("\(days[random.next(days.count)])T09:00:00Z"),
            ])
        }
        try store.write { [rows] connection in
            for row in rows {
                try connection.prepare("INSERT INTO skill_evidence (employee, skill, level, source, set_at) VALUES (?1, ?2, ?3, ?4, ?5)").bind(row).run()
            }
            try connection.execute("UPDATE employees SET left_on = '2026-02-01' WHERE id = 'a2'")
        }
    }

    /// A scheduled plan for an employee, as assignments.create makes one.
    func plan(for employee: String, target: String, start: String = "2026-01-05", hoursPerWeek: Int = 10) throws -> Plan {
        let profile = try store.employee(employee)!.profile
        return try Planner(catalog: catalog).plan(profile: profile, targetRole: target, strict: false)
            .scheduled(pace: Quantity(hoursPerWeek), start: CalendarDate(iso: start)!, deadline: nil)
    }
}

extension OrganisationStore {
    /// How the store tests read levels: the default skill policy, today.
    static func evidence(_ catalog: Catalog) -> SkillEvidence {
        SkillEvidence(policy: SkillPolicy(), catalog: catalog, today: Timestamps.today())
    }

    /// An upsert as an administrator's import of `catalog`'s ids, read by the default policy.
    func upsert(_ inputs: [EmployeeInput], catalog: Catalog, actor: String, skillSource: SkillSource = .manager, overwrite: Bool = false) throws -> UpsertReport {
        try upsert(inputs, evidence: Self.evidence(catalog), actor: actor, skillSource: skillSource, overwrite: overwrite)
    }

    /// A progress event as the LMS (a trusted sender whose scope is `source`) reports it, with the moment given.
    func recordProgress(
        employee: String, course: Course, status: ProgressStatus, at: String, eventID: String?, source: String, catalog: Catalog
    ) throws -> ProgressOutcome {
        try recordProgress(
            ProgressEvent(employee: employee, course: course, status: status, at: at, givenAt: at, eventID: eventID),
            from: ProgressSender(scope: source, actor: source, trust: .course), evidence: Self.evidence(catalog))
    }
}
