import SkillPathCore
import SkillPathFixtures
import SkillPathJSON
import Testing

/// The assignment watch tells each change of verdict once: on random assignments followed day by day, with
/// steps completed and re-dated on the way, against the rule written out plainly.
@Suite struct AssignmentWatchTests {
    @Test(arguments: 0..<40)
    func eachChangeOfVerdictIsToldOnce(seed: Int) {
        var generator = SeededGenerator(seed: UInt64(seed) &+ 77)
        let start = CalendarDate(iso: "2027-01-04") ?? CalendarDate(daysSinceEpoch: 0)
        var records = (0..<generator.int(in: 1...4)).map { index in
            var end = start
            let steps = (0..<generator.int(in: 1...4)).map { position -> AssignmentRecord.Step in
                let begin = end
                end = end.adding(days: generator.int(in: 1...20))
                return AssignmentRecord.Step(position: position, course: "c\(position)", hours: Quantity(4), plannedStart: begin, plannedEnd: end)
            }
            return AssignmentRecord(
                id: Int64(index + 1), employee: "e\(index % 2)", targetRole: "r", assignedBy: "m", assignedAt: "", startDate: start,
                dueDate: generator.int(in: 0...3) == 0 ? nil : start.adding(days: generator.int(in: 5...70)), status: .active, options: .object([]),
                plan: .object([]), catalogVersion: "v", updatedAt: "", steps: steps)
        }
        var told: [Int64: String] = [:]
        var events: [Int64: [String]] = [:]
        var expected: [Int64: [String]] = [:]
        for day in 0..<80 {
            let today = start.adding(days: day)
            // Now and then a step is done, or the rest of a plan is pushed back (a gig took the week).
            for index in records.indices where generator.int(in: 0...9) == 0 {
                if let open = records[index].steps.firstIndex(where: { $0.completedAt == nil }) { records[index].steps[open].completedAt = "\(today)" }
            }
            for index in records.indices where generator.int(in: 0...14) == 0 {
                let shift = generator.int(in: -10...15)
                for step in records[index].steps.indices where records[index].steps[step].completedAt == nil {
                    records[index].steps[step].plannedEnd = records[index].steps[step].plannedEnd.adding(days: shift)
                }
            }
            for record in records {
                let verdict = record.progress(on: today)
                let before = told[record.id].flatMap(AssignmentRecord.Progress.init(rawValue:))
                if verdict != before, AssignmentWatch.offTrack.contains(verdict) { expected[record.id, default: []].append(verdict.rawValue) }
                if verdict == .onTrack, let before, AssignmentWatch.offTrack.contains(before) { expected[record.id, default: []].append("back-on-track") }
            }
            let changes = AssignmentWatch.changes(records, told: told, today: today)
            for change in changes {
                told[change.assignment] = change.verdict.rawValue
                guard let event = change.event else { continue }
                let said = event.kind == .assignmentAtRisk ? event.data["verdict"]?.stringValue : event.data["change"]?.stringValue
                events[change.assignment, default: []].append(said ?? "?")
                #expect(event.employee == records.first { $0.id == change.assignment }?.employee)
            }
            #expect(AssignmentWatch.changes(records, told: told, today: today).isEmpty, "told once: nothing more to tell the same day")
        }
        #expect(events == expected)
    }
}
