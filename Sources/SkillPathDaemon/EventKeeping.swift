import Foundation
import SkillPathAPI
import SkillPathCore
import SkillPathStore
import SystemSupport

/// The event log's housekeeping: the retention, and the assignments' verdicts it tells (`AssignmentWatch`).
///
/// Verdicts change when something happens to a person (a progress event, a new assignment sharing their
/// week, a move) and when days pass (a step planned to end yesterday is now late). So one thread follows
/// the log like a subscriber and checks the verdicts of the people its events concern, and every ten
/// minutes (and at start) it checks everyone's and applies the retention (the count as soon as the log
/// passes it).
struct EventKeeping {
    let store: OrganisationStore
    let configuration: DaemonConfiguration
    let logger: Logger
    let isStopping: @Sendable () -> Bool

    /// What can change someone's verdict.
    static let watched: [EventRecord.Kind] = [.progressRecorded, .assignmentCreated, .assignmentChanged, .moveRecorded, .skillChanged]
    static let sweepSeconds = 600.0

    func run() {
        var cursor = (try? store.eventLogBounds().head) ?? 0
        var lastSweep = ContinuousClock.now - .seconds(Self.sweepSeconds)
        var lastLook = ContinuousClock.now
        while !isStopping() {
            if (ContinuousClock.now - lastSweep).seconds >= Self.sweepSeconds {
                prune()
                check(nil)
                lastSweep = .now
            }
            let seen = store.eventSignal.current
            if let count = configuration.eventRetentionCount, let bounds = try? store.eventLogBounds(), bounds.head - bounds.prunedThrough > Int64(count) {
                prune()
            }
            do {
                let page = try store.events(after: cursor, kinds: Self.watched, employee: nil, reader: .everyone, limit: 1000)
                cursor = page.next
                let people = Set(page.events.compactMap(\.employee)).sorted()
                if !people.isEmpty { check(people) }
                if page.events.count == 1000 { continue }
            } catch DomainError.cursorExpired(_, let oldest) {
                cursor = oldest
                continue
            } catch {
                logger.warning("the assignment watch could not read the event log", [("error", String(describing: error))])
            }
            store.eventSignal.wait(after: seen, timeout: 1)
            // At most one look a second: a verdict told within a second is soon enough, and a busy log must not
            // have this thread compete with the writers for every commit.
            let since = (ContinuousClock.now - lastLook).seconds
            if since < 1 { Thread.sleep(forTimeInterval: 1 - since) }
            lastLook = .now
        }
    }

    /// Tells the verdicts of `people`'s active assignments (everyone's when nil) that changed.
    func check(_ people: [String]?) {
        do {
            // Most events are about people with no active assignment: one query finds the few who have one.
            let active = store.sharingBudget(try store.activeAssignments(of: people))
            guard !active.isEmpty else { return }
            let learners = people.map { _ in Array(Set(active.map(\.employee))).sorted() }
            let changes = AssignmentWatch.changes(active, told: try store.toldVerdicts(of: learners), today: CallContext.localToday())
            if !changes.isEmpty { try store.recordVerdicts(changes) }
        } catch {
            logger.warning("could not check the assignments' verdicts", [("error", String(describing: error))])
        }
    }

    /// Drops what the retention no longer keeps, a batch at a time so writers are never held up long.
    func prune() {
        do {
            var removed = 0
            while true {
                let batch = try store.pruneEvents(olderThanDays: configuration.eventRetentionDays, keepingNewest: configuration.eventRetentionCount)
                removed += batch
                if batch == 0 || isStopping() { break }
            }
            if removed > 0 { logger.info("event log pruned", [("events", String(removed))]) }
        } catch {
            logger.warning("could not prune the event log", [("error", String(describing: error))])
        }
    }
}
