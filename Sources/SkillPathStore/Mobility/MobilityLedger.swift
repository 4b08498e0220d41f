import Locking
import SkillPathCore

/// Everyone, every move and every progress event as the mobility report reads them, numbered and kept in
/// memory between reports (`OrganisationStore.mobilityFacts`).
///
/// Why: at a million people, four million moves and two million progress events, reading them again for
/// each report took 20–30 s: the rows lie spread over a 6 GB file, and a plain scan of the moves alone took
/// 8 s with the file in the page cache. Kept numbered they are about 32 bytes a move and 24 a progress
/// event: some 250 MB at that size, read once.
///
/// Kept true by the database itself, not by each write path remembering to say so: the writer's update
/// hook notes the row id of every row of `employees`, `moves` and `progress_events` a commit inserts,
/// updates or deletes (`WrittenRows`), whatever statement or cascade wrote it, and the next report reads
/// exactly those rows again before it counts. A report takes the notes before its read transaction sees
/// anything, so every note it takes names a row its snapshot holds as committed; a note that arrives later
/// is read by the next report; and the writer notes a commit before its caller is answered, so a report
/// asked after a write's reply sees the write. Reports refresh one at a time. When an employee row is
/// deleted (no code path does, the schema allows it), or a quarter of the rows changed, the next report
/// reads everything again.
final class MobilityLedger: Sendable {
    /// Row ids a commit wrote, per table.
    struct Changes: Sendable {
        var employees: [Int64] = []
        var moves: [Int64] = []
        var progress: [Int64] = []
        /// Read everything again: an employee row was deleted, or more rows were noted than are worth keeping
        /// notes of (`maximumNotes`).
        var everything = false

        var count: Int { employees.count + moves.count + progress.count }

        mutating func add(_ other: Changes) {
            employees += other.employees
            moves += other.moves
            progress += other.progress
            everything = everything || other.everything
            if count > MobilityLedger.maximumNotes { self = Changes(everything: true) }
        }
    }

    /// A progress event: its row id, who (a position in `Kept.employees`), the day, and the course completed
    /// (a position in `Kept.courses`; -1 for a start).
    struct Progress: Sendable {
        var id: Int64
        var person: Int32
        var day: Int32
        var course: Int32
    }

    /// What is kept, numbered: people by position (in the order of their rows), roles and courses by number.
    struct Kept: Sendable {
        var employees: [MobilityFacts.Employee] = []
        var positions: [String: Int32] = [:]
        /// In `MobilityRecords.Move.precedes` order.
        var moves: [MobilityRecords.Move] = []
        /// The largest move id kept: moves past it are new, and need no old copy removed.
        var newestMove = Int64.min
        /// By id.
        var progress: [Progress] = []
        var roles: [String: Int32] = [:]
        var courses: [String] = []
        var courseNumbers: [String: Int32] = [:]

        var rowCount: Int { employees.count + moves.count + progress.count }

        mutating func role(_ id: String) -> Int32 {
            if let number = roles[id] { return number }
            let number = Int32(clamping: roles.count)
            roles[id] = number
            return number
        }

        mutating func course(_ id: String) -> Int32 {
            if let number = courseNumbers[id] { return number }
            let number = Int32(clamping: courses.count)
            courses.append(id)
            courseNumbers[id] = number
            return number
        }

        /// The people, their moves and their learning from `from` to `to`, with `courseHours` giving a
        /// completed course's hours (zero for a course the catalog no longer has).
        func records(from: CalendarDate, to: CalendarDate, courseHours: (String) -> Quantity?) -> MobilityRecords {
            let hours = courses.map { courseHours($0) ?? .zero }
            let (first, last) = (Int32(clamping: from.daysSinceEpoch), Int32(clamping: to.daysSinceEpoch))
            let learning = progress.compactMap { event -> MobilityRecords.Learning? in
                guard event.day >= first, event.day <= last else { return nil }
                return MobilityRecords.Learning(person: event.person, day: event.day, completedHours: event.course >= 0 ? hours[Int(event.course)] : nil)
            }
            return MobilityRecords(employees: employees, positions: positions, moves: moves, learning: learning)
        }
    }

    /// Past this many notes waiting for a report (32 MB of row ids: months of progress in an organisation
    /// that never asks), they are dropped, and the next report reads everything again.
    static let maximumNotes = 1 << 22

    private let pending = Locked(Changes())
    /// nil until the first report reads everything; also the lock that makes refreshes one at a time.
    private let kept = Locked<Kept?>(nil)

    /// Notes the rows a commit (or a rolled-back group) wrote: called by the writer before anyone is answered.
    func note(_ changes: Changes) {
        guard changes.count > 0 || changes.everything else { return }
        pending.withLock { $0.add(changes) }
    }

    /// What is kept, brought up to date on `connection` first. Call it before the connection has read
    /// anything in the current transaction: the notes are taken before the first read.
    func current(on connection: SQLiteConnection) throws -> Kept {
        try kept.withLock { kept in
            let changes = pending.withLock { pending in
                defer { pending = Changes() }
                return pending
            }
            do {
                if var current = kept, !changes.everything, changes.count * 4 <= max(current.rowCount, 1_000) {
                    kept = nil
                    try Self.apply(changes, to: &current, on: connection)
                    kept = current
                } else {
                    kept = nil
                    var fresh = Kept()
                    try Self.apply(Changes(), to: &fresh, on: connection, everything: true)
                    kept = fresh
                }
            } catch {
                // Read everything again next time rather than keep half a change.
                kept = nil
                throw error
            }
            return kept ?? Kept()
        }
    }

    /// Reads the rows `changes` names (every row when `everything`) and puts them in `kept`: people first, so
    /// that moves and progress find them.
    private static func apply(_ changes: Changes, to kept: inout Kept, on connection: SQLiteConnection, everything: Bool = false) throws {
        let employees = try connection.prepare("SELECT id, manager, left_on FROM employees WHERE rowid BETWEEN ?1 AND ?2 ORDER BY rowid")
        try forEachRun(of: changes.employees, everything: everything) { low, high in
            try employees.bind(.integer(low), .integer(high))
            while try employees.step() {
                let person = MobilityFacts.Employee(
                    id: employees.text(0), manager: employees.optionalText(1), leftOn: employees.dayNumber(2).map(CalendarDate.init(daysSinceEpoch:)))
                if let position = kept.positions[person.id] {
                    kept.employees[Int(position)] = person
                } else {
                    kept.positions[person.id] = Int32(clamping: kept.employees.count)
                    kept.employees.append(person)
                }
            }
            employees.reset()
        }

        var moved: [MobilityRecords.Move] = []
        let moves = try connection.prepare("SELECT id, employee, from_role, to_role, kind, date, source FROM moves WHERE id BETWEEN ?1 AND ?2")
        try forEachRun(of: changes.moves, everything: everything) { low, high in
            try moves.bind(.integer(low), .integer(high))
            while try moves.step() {
                let source = moves.text(6)
                moved.append(MobilityRecords.Move(
                    id: moves.int64(0), person: kept.positions[moves.text(1)] ?? -1, fromRole: kept.role(moves.text(2)), toRole: kept.role(moves.text(3)),
                    day: Int32(clamping: moves.dayNumber(5) ?? 0), kind: Transition.Kind(rawValue: moves.text(4)) ?? .lateral,
                    isReturn: source == MoveRecord.returnSource, isConversion: source == MoveRecord.conversionSource))
            }
            moves.reset()
        }
        moved.sort(by: MobilityRecords.Move.precedes)
        if everything {
            kept.moves = moved
        } else if !changes.moves.isEmpty {
            let replaced = changes.moves.allSatisfy { $0 > kept.newestMove } ? [] : Set(changes.moves)
            kept.moves = merge(replaced.isEmpty ? kept.moves : kept.moves.filter { !replaced.contains($0.id) }, moved)
        }
        kept.newestMove = max(kept.newestMove, moved.reduce(Int64.min) { max($0, $1.id) })

        var learned: [Progress] = []
        let progress = try connection.prepare("SELECT id, employee, course, status, at FROM progress_events WHERE id BETWEEN ?1 AND ?2 ORDER BY id")
        try forEachRun(of: changes.progress, everything: everything) { low, high in
            try progress.bind(.integer(low), .integer(high))
            while try progress.step() {
                guard let person = kept.positions[progress.text(1)] else { continue }
                learned.append(Progress(
                    id: progress.int64(0), person: person, day: Int32(clamping: progress.dayNumber(4) ?? 0),
                    course: progress.text(3) == "completed" ? kept.course(progress.text(2)) : -1))
            }
            progress.reset()
        }
        let newest = kept.progress.last?.id ?? Int64.min
        if everything || changes.progress.allSatisfy({ $0 > newest }) {
            kept.progress += learned
        } else {
            let replaced = Set(changes.progress)
            kept.progress = (kept.progress.filter { !replaced.contains($0.id) } + learned).sorted { $0.id < $1.id }
        }
    }

    /// Calls `body` with each run of consecutive ids in `ids` (one range query each; a bulk insert is one run),
    /// or once with every id when `everything`.
    private static func forEachRun(of ids: [Int64], everything: Bool, _ body: (Int64, Int64) throws -> Void) throws {
        if everything { return try body(Int64.min, Int64.max) }
        let sorted = Array(Set(ids)).sorted()
        var start = 0
        while start < sorted.count {
            var end = start
            while end + 1 < sorted.count, sorted[end + 1] == sorted[end] &+ 1 { end += 1 }
            try body(sorted[start], sorted[end])
            start = end + 1
        }
    }

    /// Two runs of moves in `Move.precedes` order, merged.
    private static func merge(_ old: [MobilityRecords.Move], _ fresh: [MobilityRecords.Move]) -> [MobilityRecords.Move] {
        guard !fresh.isEmpty else { return old }
        var merged: [MobilityRecords.Move] = []
        merged.reserveCapacity(old.count + fresh.count)
        var (left, right) = (0, 0)
        while left < old.count || right < fresh.count {
            if right == fresh.count || (left < old.count && !MobilityRecords.Move.precedes(fresh[right], old[left])) {
                merged.append(old[left])
                left += 1
            } else {
                merged.append(fresh[right])
                right += 1
            }
        }
        return merged
    }
}
