public import SkillPathCore
public import SkillPathJSON

/// `assignments.create`: a manager sets a target role for a report, with the plan frozen.
public enum AssignmentsCreate: RPCMethod {
    public static let description = MethodDescription(
        name: "assignments.create", summary: "Assign a target role to an employee, freezing the plan (managers and administrators).",
        description: """
        The caller must manage the employee (directly or indirectly) or be an administrator. The plan is computed \
        from the employee's stored skills and completions and frozen, each step dated: at `options.hoursPerWeek` \
        when given, else at the employee's preferred weekly hours, else at the pace that finishes by `dueDate`, \
        else at 4 hours a week, starting today (or `options.startDate`). The reply dates it as every view does: on \
        the weekly budget the employee's active assignments share; `warnings` names each assignment the new one \
        pushes past its due date. A second active assignment for the same target, or one to the role the \
        employee holds, is refused (conflict).
        """,
        params: [
            MethodDescription.Parameter("employee", Schema.string, required: true, "who"),
            MethodDescription.Parameter("targetRole", Schema.string, required: true, "the role to reach"),
            MethodDescription.Parameter("dueDate", Schema.date, "when it should be done"),
            PlanningSubject.options,
        ],
        resultName: "assignment", resultSchema: .object([("type", "object")]),
        errors: [.forbidden, .unknownEmployee, .unknownRole, .conflict],
        example: .init(
            params: .object([("employee", "e-104"), ("targetRole", "data-scientist"), ("dueDate", "2027-06-30")]),
            result: .object([
                ("id", 1), ("employee", "e-104"), ("targetRole", "data-scientist"), ("status", "active"), ("progress", "on-track"),
                ("percentComplete", 0), ("hoursDone", 0), ("hoursTotal", 96), ("dueDate", "2027-06-30"), ("plannedCompletion", "2027-06-29"),
                ("nextCourse", "stats-101"), ("assignedBy", "grace"), ("steps", .array([])), ("plan", .object([])),
            ])),
        access: .scoped)

    public struct Params: RPCParams, Equatable {
        public var employee: String
        public var targetRole: String
        public var dueDate: CalendarDate?
        public var options: PlanOptions?

        public init(employee: String, targetRole: String, dueDate: CalendarDate? = nil, options: PlanOptions? = nil) {
            self.employee = employee
            self.targetRole = targetRole
            self.dueDate = dueDate
            self.options = options
        }

        public init(json params: JSONField) throws {
            employee = try params.required("employee").string()
            targetRole = try params.required("targetRole").string()
            dueDate = try params.optional("dueDate")?.date()
            options = try PlanningSubject.options(params)
        }

        public var json: JSONValue {
            .object([
                ("employee", .string(employee)), ("targetRole", .string(targetRole)), ("dueDate", dueDate.map { .string($0.description) }),
                ("options", options?.json),
            ])
        }
    }

    /// The assignment as created, dated on the employee's shared weekly budget, and what it changed for
    /// their other assignments.
    public struct Result: RPCResult {
        public var detail: AssignmentDetail
        /// One line per assignment this one puts at risk (or, first, this one itself when it is planned to
        /// finish after it is due).
        public var warnings: [String]

        public init(detail: AssignmentDetail, warnings: [String]) {
            self.detail = detail
            self.warnings = warnings
        }

        public var json: JSONValue {
            var object = detail.json.objectValue ?? JSONObject()
            object["warnings"] = .strings(warnings)
            return .object(object)
        }
    }
}

/// The params of the methods that take one assignment by id.
public struct AssignmentID: RPCParams, Equatable {
    public var id: Int64

    public init(_ id: Int64) {
        self.id = id
    }

    public init(json params: JSONField) throws {
        id = try params.required("id").positiveID()
    }

    public var json: JSONValue { .object([("id", .int(id))]) }

    static let parameter = MethodDescription.Parameter("id", Schema.integer(minimum: 1), required: true, "the assignment's id")
}

/// `assignments.cancel`.
public enum AssignmentsCancel: RPCMethod {
    public static let description = MethodDescription(
        name: "assignments.cancel", summary: "Cancel an active assignment (managers and administrators).",
        description: "The assignment keeps its history and stops counting in team reports. Cancelling a completed or cancelled assignment is a conflict.",
        params: [AssignmentID.parameter],
        resultName: "assignment", resultSchema: .object([("type", "object")]), errors: [.notFound, .forbidden, .conflict],
        example: .init(params: .object([("id", 1)]), result: .object([("id", 1), ("employee", "e-104"), ("status", "cancelled"), ("progress", "cancelled")])),
        access: .scoped)

    public typealias Params = AssignmentID
    public typealias Result = AssignmentDetail
}

/// `assignments.replan`: compare the frozen plan with a fresh one, and apply it on request.
public enum AssignmentsReplan: RPCMethod {
    public static let description = MethodDescription(
        name: "assignments.replan", summary: "Show how a fresh plan differs from an assignment's frozen plan; apply it on request.",
        description: """
        After a catalog change or new skills, plans the assignment's target again from the employee's current \
        skills with the frozen options, and lists the courses added, removed and kept (completed steps are history \
        and stay). With `apply: true` (managers and administrators) the remaining steps are replaced, dated from today.
        """,
        params: [
            AssignmentID.parameter,
            MethodDescription.Parameter("apply", Schema.boolean, "replace the remaining steps (default false: only compare)"),
        ],
        resultName: "replan",
        resultSchema: Schema.object([
            ("id", Schema.integer()), ("applied", Schema.boolean), ("added", Schema.array(Schema.string)), ("removed", Schema.array(Schema.string)),
            ("kept", Schema.array(Schema.string)), ("current", .object([("type", "object")])), ("proposed", .object([("type", "object")])),
        ], additional: true),
        errors: [.notFound, .forbidden, .conflict],
        example: .init(
            params: .object([("id", 1)]),
            result: .object([
                ("id", 1), ("applied", false), ("added", .strings(["ml-201"])), ("removed", .strings(["ml-201-b"])), ("kept", .strings(["stats-101"])),
                ("current", .object([("catalogVersion", "sha256:1111"), ("hours", 96)])), ("proposed", .object([("catalogVersion", "sha256:2222"), ("hours", 90)])),
            ])),
        access: .scoped)

    public struct Params: RPCParams, Equatable {
        public var id: Int64
        public var apply: Bool

        public init(id: Int64, apply: Bool = false) {
            self.id = id
            self.apply = apply
        }

        public init(json params: JSONField) throws {
            id = try AssignmentID(json: params).id
            apply = try params.optional("apply")?.bool() ?? false
        }

        public var json: JSONValue { .object([("id", .int(id)), ("apply", apply ? .bool(true) : nil)]) }
    }

    public struct Result: RPCResult {
        /// The assignment as it stands (before an apply).
        public var record: AssignmentRecord
        public var proposed: Plan
        /// The assignment after the apply, when applied.
        public var applied: AssignmentDetail?

        public init(record: AssignmentRecord, proposed: Plan, applied: AssignmentDetail?) {
            self.record = record
            self.proposed = proposed
            self.applied = applied
        }

        public var remaining: [String] { record.steps.filter { $0.completedAt == nil }.map(\.course) }
        public var added: [String] { proposed.steps.map(\.course).filter { !remaining.contains($0) } }
        public var removed: [String] {
            let fresh = Set(proposed.steps.map(\.course))
            return remaining.filter { !fresh.contains($0) }
        }
        public var kept: [String] {
            let fresh = Set(proposed.steps.map(\.course))
            return remaining.filter { fresh.contains($0) }
        }

        public var json: JSONValue {
            .object([
                ("id", .int(record.id)), ("applied", .bool(applied != nil)), ("added", .strings(added)), ("removed", .strings(removed)), ("kept", .strings(kept)),
                ("current", .object([
                    ("catalogVersion", .string(record.catalogVersion)), ("courses", .strings(remaining)),
                    ("hours", record.steps.filter { $0.completedAt == nil }.reduce(Quantity.zero) { $0 + $1.hours }.json),
                ])),
                ("proposed", .object([
                    ("catalogVersion", .string(proposed.catalogVersion)), ("courses", .strings(proposed.steps.map(\.course))), ("hours", proposed.totals.hours.json),
                    ("cost", proposed.totals.cost.json), ("unmet", .array(proposed.unmet.map(\.json))),
                    ("plannedCompletion", proposed.schedule.map { .string($0.estimatedCompletion.description) }),
                ])),
                ("assignment", applied?.json),
            ])
        }
    }
}
