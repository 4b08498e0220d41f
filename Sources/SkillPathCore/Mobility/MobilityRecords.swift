/// The people of a mobility report with their moves and learning, numbered: people by position in
/// `employees`, roles by number, days as integers. What `MobilityTally` walks.
///
/// Why numbers: at a million people and four million moves, strings per move and a dictionary per call
/// were most of a report's time. The store keeps these records in memory and current (`MobilityLedger`),
/// and hands the same arrays to every report without copying them.
public struct MobilityRecords: Sendable {
    /// A move of `person` (a position in `employees`, or -1 for someone the employees table does not hold).
    public struct Move: Sendable, Equatable {
        public var id: Int64
        public var person: Int32
        /// The roles, by numbers that are equal exactly when the role ids are.
        public var fromRole: Int32
        public var toRole: Int32
        /// Days since 1970.
        public var day: Int32
        public var kind: Transition.Kind
        /// The end of a secondment (a return home): not a move of its own.
        public var isReturn: Bool
        /// A secondment turned permanent.
        public var isConversion: Bool

        public init(id: Int64, person: Int32, fromRole: Int32, toRole: Int32, day: Int32, kind: Transition.Kind, isReturn: Bool, isConversion: Bool) {
            self.id = id
            self.person = person
            self.fromRole = fromRole
            self.toRole = toRole
            self.day = day
            self.kind = kind
            self.isReturn = isReturn
            self.isConversion = isConversion
        }

        public var date: CalendarDate { CalendarDate(daysSinceEpoch: Int(day)) }

        /// The order the tally walks moves in: by person (unknown people last), then day, then id.
        public static func precedes(_ left: Move, _ right: Move) -> Bool {
            (UInt32(bitPattern: left.person), left.day, left.id) < (UInt32(bitPattern: right.person), right.day, right.id)
        }
    }

    /// A progress event of `person` (as for moves): a course started, or completed with its hours.
    public struct Learning: Sendable, Equatable {
        public var person: Int32
        public var day: Int32
        public var completedHours: Quantity?

        public init(person: Int32, day: Int32, completedHours: Quantity?) {
            self.person = person
            self.day = day
            self.completedHours = completedHours
        }

        public var date: CalendarDate { CalendarDate(daysSinceEpoch: Int(day)) }
    }

    public let employees: [MobilityFacts.Employee]
    /// Each employee's position by id: the first, should an id repeat.
    public let positions: [String: Int32]
    /// In `Move.precedes` order.
    public let moves: [Move]
    public let learning: [Learning]
    /// Where each person's moves start in `moves`: `employees.count + 2` entries; the run from
    /// `offsets[employees.count]` holds the moves of people the employees table does not hold.
    let offsets: [Int]
    /// Whether `employees` names someone twice (only hand-made facts can): then only the first counts.
    let hasRepeatedIDs: Bool

    /// Numbers `moves` and `learning` by `employees` and `positions` (as the store keeps them); sorts the moves
    /// when they are not in `Move.precedes` order already.
    public init(employees: [MobilityFacts.Employee], positions: [String: Int32], moves: [Move], learning: [Learning]) {
        self.employees = employees
        self.positions = positions
        self.learning = learning
        hasRepeatedIDs = positions.count != employees.count
        let sorted = zip(moves, moves.dropFirst()).allSatisfy { !Move.precedes($1, $0) } ? moves : moves.sorted(by: Move.precedes)
        self.moves = sorted
        var offsets = [Int](repeating: 0, count: employees.count + 2)
        for move in sorted {
            let person = move.person >= 0 && Int(move.person) < employees.count ? Int(move.person) : employees.count
            offsets[person + 1] += 1
        }
        for person in 0...employees.count { offsets[person + 1] += offsets[person] }
        self.offsets = offsets
    }

    /// Hand-written facts, numbered: ids become positions, role ids numbers.
    public init(employees: [MobilityFacts.Employee], moves: [MobilityFacts.Move], learning: [MobilityFacts.Learning]) {
        var positions: [String: Int32] = [:]
        for (position, employee) in employees.enumerated() where positions[employee.id] == nil { positions[employee.id] = Int32(clamping: position) }
        var roles: [String: Int32] = [:]
        func role(_ id: String) -> Int32 {
            if let number = roles[id] { return number }
            let number = Int32(clamping: roles.count)
            roles[id] = number
            return number
        }
        let numbered = moves.map { move in
            Move(
                id: move.id, person: positions[move.employee] ?? -1, fromRole: role(move.fromRole), toRole: role(move.toRole),
                day: Int32(clamping: move.date.daysSinceEpoch), kind: move.kind, isReturn: move.isReturn, isConversion: move.isConversion)
        }
        let events = learning.map { event in
            Learning(person: positions[event.employee] ?? -1, day: Int32(clamping: event.date.daysSinceEpoch), completedHours: event.completedHours)
        }
        self.init(employees: employees, positions: positions, moves: numbered, learning: events)
    }

    /// Whether `position` is the one its id is known by (always, unless an id repeats).
    func isCounted(_ position: Int) -> Bool {
        !hasRepeatedIDs || positions[employees[position].id].map(Int.init) == position
    }
}
