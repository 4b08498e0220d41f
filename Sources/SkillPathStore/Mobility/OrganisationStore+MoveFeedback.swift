public import SkillPathCore
import SkillPathJSON

extension OrganisationStore {
    /// Keeps `feedback` for its move, replacing what the same respondent gave before, and audits it. The
    /// caller has checked who may give it; the move must exist and be one that can be rated by `today`
    /// (not a secondment's return, and `MoveFeedback.opensAfterDays` old).
    public func giveFeedback(_ feedback: MoveFeedback, today: CalendarDate, actor: String) throws -> MoveFeedback {
        try write { connection in
            guard let move = try Self.move(feedback.move, connection: connection) else { throw DomainError.unknownMove(feedback.move) }
            guard move.source != MoveRecord.returnSource else {
                throw DomainError.conflict("move \(move.id) is the return from secondment \(move.ends.map(String.init) ?? "?"), not a move of its own: rate the secondment")
            }
            let opens = MoveFeedback.opens(after: move.date)
            guard opens <= today else {
                throw DomainError.conflict("move \(move.id) on \(move.date) can be rated from \(opens), \(MoveFeedback.opensAfterDays) days after it")
            }
            try connection.prepare("""
                INSERT INTO move_feedback (move, respondent, employee, rating, comment, given_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                ON CONFLICT (move, respondent) DO UPDATE SET employee = excluded.employee, rating = excluded.rating, comment = excluded.comment,
                    given_at = excluded.given_at
                """).bind(
                    .integer(feedback.move), .text(feedback.respondent.rawValue), .text(feedback.employee), .int(feedback.rating),
                    feedback.comment.map(SQLiteValue.text), .text(feedback.givenAt)
                ).run()
            try Self.audit(connection, at: feedback.givenAt, actor: actor, action: "move.feedback", subject: move.employee, detail: .object([
                ("move", .int(Int(feedback.move))), ("respondent", .string(feedback.respondent.rawValue)), ("rating", .int(feedback.rating)),
                ("commented", .bool(feedback.comment != nil)),
            ]))
            return feedback
        }
    }

    /// The feedback given on these moves, by move then respondent.
    public func feedback(onMoves moves: [Int64]) throws(StoreError) -> [MoveFeedback] {
        try read { connection in
            try connection.prepare("""
                SELECT move, respondent, employee, rating, comment, given_at FROM move_feedback
                WHERE move IN (SELECT value FROM json_each(?1)) ORDER BY move, respondent DESC
                """).bind(.text(JSONWriter.string(.array(moves.map { .int(Int($0)) })))).rows(Self.feedback)
        }
    }

    static func feedback(_ row: SQLiteStatement) -> MoveFeedback {
        MoveFeedback(
            move: row.int64(0), respondent: MoveFeedback.Respondent(rawValue: row.text(1)) ?? .mover, employee: row.text(2), rating: row.int(3),
            comment: row.optionalText(4), givenAt: row.text(5))
    }
}
