public import SkillPathCore
public import SkillPathJSON

/// `moves.feedback`: the mover, or the manager they report to, rates how a move went.
public enum MovesFeedback: RPCMethod {
    public static let description = MethodDescription(
        name: "moves.feedback", summary: "Rate a move from 1 to 5, with an optional comment: the mover, or the manager they report to.",
        description: """
        The person who moved rates it as `mover`; the manager they report to now as `manager` (the caller's place decides \
        which). From \(MoveFeedback.opensAfterDays) days after the move; rating again replaces the rating given before \
        (the audit log keeps both). A secondment's return is rated through the secondment. A rating of \
        \(MoveFeedback.failingRating) or lower from either makes the move unsuccessful in `reports.mobility`; comments are \
        shown to administrators only. docs/mobility.md, "Did the moves work?".
        """,
        params: [
            MethodDescription.Parameter("move", Schema.integer(minimum: 1), required: true, "the move's id"),
            MethodDescription.Parameter("rating", Schema.integer(minimum: 1, maximum: 5), required: true, "1 (it went badly) to 5 (it went very well)"),
            MethodDescription.Parameter("comment", Schema.string, "what went well or not (at most \(ApplicationRecord.maximumNote) characters)"),
        ],
        resultName: "feedback", resultSchema: .object([("type", "object")]),
        errors: [.forbidden, .notFound, .conflict],
        example: .init(
            params: .object([("move", 7), ("rating", 4), ("comment", "A steep first month, then it clicked")]),
            result: .object([
                ("move", 7), ("respondent", "mover"), ("employee", "e-005"), ("rating", 4), ("comment", "A steep first month, then it clicked"),
                ("givenAt", "2026-04-15T09:00:00Z"),
            ])),
        access: .scoped)

    public struct Params: RPCParams, Equatable {
        public var move: Int64
        public var rating: Int
        public var comment: String?

        public init(move: Int64, rating: Int, comment: String? = nil) {
            self.move = move
            self.rating = rating
            self.comment = comment
        }

        public init(json params: JSONField) throws {
            move = try params.required("move").positiveID()
            rating = try params.required("rating").int(in: MoveFeedback.ratings)
            comment = try params.note("comment")
        }

        public var json: JSONValue {
            .object([("move", .int(move)), ("rating", .int(rating)), ("comment", comment.map(JSONValue.string))])
        }
    }

    public typealias Result = MoveFeedback
}

extension MoveFeedback: RPCResult {
    public var json: JSONValue {
        .object([
            ("move", .int(move)), ("respondent", .string(respondent.rawValue)), ("employee", .string(employee)), ("rating", .int(rating)),
            ("comment", comment.map(JSONValue.string)), ("givenAt", .string(givenAt)),
        ])
    }
}
