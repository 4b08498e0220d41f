public import SkillPathCore

extension OrganisationStore {
    /// Everything the mobility report for `from`…`to` needs, read in one read transaction: everyone, every
    /// move and the period's progress from the mobility ledger (`MobilityLedger`, brought up to date first),
    /// and the fills, due assignments and ratings of the period. `courseHours` gives completed courses'
    /// hours, `coursePrice` their price.
    public func mobilityFacts(
        from: CalendarDate, to: CalendarDate, asOf: CalendarDate, courseHours: (String) -> Quantity?,
        coursePrice: (String) -> (amount: Quantity, currency: String)? = { _ in nil }
    ) throws -> MobilityFacts {
        try readSnapshot { connection in
            let records = try connections.mobility.current(on: connection).records(from: from, to: to, courseHours: courseHours)
            // Ratings of the period's moves: the success and the feedback figures read them. Ratings first: the
            // period can hold millions of moves, of which few are rated.
            let feedback = try connection.prepare("""
                SELECT f.move, f.respondent, f.employee, f.rating, f.comment, f.given_at FROM move_feedback f CROSS JOIN moves m ON m.id = f.move
                WHERE m.date BETWEEN ?1 AND ?2 ORDER BY f.move, f.respondent DESC
                """).bind(.text(from.description), .text(to.description)).rows(Self.feedback)
            // Project seats are not jobs: the fill rate and time to fill are about positions and secondments.
            var fills = try connection.prepare("""
                SELECT f.opportunity, o.manager, o.opens, f.date, f.external, o.role, o.external_cost, o.external_currency, f.employee
                FROM opportunity_fills f JOIN opportunities o ON o.id = f.opportunity
                WHERE f.date BETWEEN ?1 AND ?2 AND o.kind <> 'project'
                """).bind(.text(from.description), .text(to.description)).rows { row in
                var fill = MobilityFacts.Fill(
                    opportunity: row.int64(0), manager: row.optionalText(1), opens: Self.day(row.text(2)), date: Self.day(row.text(3)),
                    isInternal: row.int(4) == 0, role: row.text(5),
                    externalCost: row.isNull(6) ? nil : row.optionalText(7).map { Money(amount: Quantity(hundredths: row.int64(6)), currency: $0) })
                fill.employee = row.optionalText(8)
                return fill
            }
            // What each employee who filled a seat had completed toward its role by then.
            let trained = try connection.prepare("""
                SELECT DISTINCT c.course FROM assignments a JOIN assignment_steps s ON s.assignment = a.id
                JOIN completions c ON c.employee = a.employee AND c.course = s.course
                WHERE a.employee = ?1 AND a.target_role = ?2 AND substr(c.completed_at, 1, 10) <= ?3 ORDER BY c.course
                """)
            for index in fills.indices where fills[index].isInternal {
                guard let employee = fills[index].employee else { continue }
                trained.reset()
                let courses = try trained.bind(.text(employee), .text(fills[index].role), .text(fills[index].date.description)).rows { $0.text(0) }
                for course in courses { fills[index].training.add(coursePrice(course)) }
            }
            // A plan with an empty `unmet` list closed the whole gap; steps tell when the last one was done.
            let assignments = try connection.prepare("""
                SELECT a.employee, a.due_date, a.status, coalesce(json_array_length(a.plan, '$.unmet'), 0),
                       (SELECT count(*) FROM assignment_steps s WHERE s.assignment = a.id AND s.completed_at IS NULL),
                       (SELECT max(completed_at) FROM assignment_steps s WHERE s.assignment = a.id)
                FROM assignments a WHERE a.due_date BETWEEN ?1 AND ?2
                """).bind(.text(from.description), .text(to.description)).rows { row in
                let open = row.int(4)
                let lastDone = row.optionalText(5).map { Self.day(String($0.prefix(10))) }
                let assigned = Self.day(row.text(1))
                return MobilityFacts.Assignment(
                    employee: row.text(0), dueDate: assigned, cancelled: row.text(2) == "cancelled", planComplete: row.int(3) == 0,
                    // A plan with no steps was met the day it was made: count it as done on time.
                    allStepsCompletedOn: open == 0 ? (lastDone ?? assigned) : nil)
            }
            let projects = try connection.prepare("""
                SELECT employee, start_date, finished_on, outcome FROM project_moves
                WHERE start_date BETWEEN ?1 AND ?2 OR finished_on BETWEEN ?1 AND ?2
                """).bind(.text(from.description), .text(to.description)).rows { row in
                MobilityFacts.Project(
                    employee: row.text(0), start: Self.day(row.text(1)), finishedOn: row.optionalText(2).map(Self.day),
                    outcome: row.optionalText(3).flatMap(ProjectMove.Outcome.init(rawValue:)))
            }
            return MobilityFacts(records: records, fills: fills, assignments: assignments, projects: projects, feedback: feedback)
        }
    }

    /// Brings the mobility ledger up to date (reading everything the first time), so that the next report
    /// only counts; how many people, moves and progress events it holds.
    public func fillMobilityLedger() throws(StoreError) -> (people: Int, moves: Int, progress: Int) {
        try readSnapshot { connection in
            let kept = try connections.mobility.current(on: connection)
            return (kept.employees.count, kept.moves.count, kept.progress.count)
        }
    }

    /// A stored date; the epoch for one that does not parse (the store writes them, so it never happens).
    static func day(_ text: String) -> CalendarDate {
        CalendarDate(iso: text) ?? CalendarDate(daysSinceEpoch: 0)
    }
}
