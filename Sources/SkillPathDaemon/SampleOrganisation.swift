import Foundation
import JSONRPC
import SkillPathAPI
import SkillPathCore
import SkillPathJSON
import SkillPathProtocol
import SkillPathStore
import SystemSupport

/// Loads the sample organisation shipped in `<catalog>/sample-organisation/` into an empty database, so that
/// the README's examples answer at once on a fresh clone.
///
/// It goes through the same RPC methods a client would (`employees.upsert`, `assignments.create`), as an
/// internal administrator, so the sample is validated exactly like an import. The employee whose login is
/// `$USER` gets the login of the user running the daemon: the developer trying SkillPath is in the sample.
struct SampleOrganisation {
    let daemon: Daemon

    /// Whether to load the sample, and why (for the log). On its own it loads only for `swift run`'s embedded
    /// default, the local `.skillpath/` database: never with a configuration file or under systemd, where
    /// Unix accounts named like the sample's logins would become employees and managers. A configuration
    /// file may still ask for it (`sample_organisation = yes`) for a demonstration host.
    static func decide(
        _ configuration: DaemonConfiguration, configFile: String?, environment: [String: String], workingDirectory: String
    ) -> (load: Bool, reason: String) {
        if let explicit = configuration.sampleOrganisation {
            return (explicit, "sample_organisation = \(explicit ? "yes" : "no") in \(configFile ?? "the configuration")")
        }
        if let configFile { return (false, "the configuration file \(configFile) is in use and does not ask for it") }
        if let variable = ["INVOCATION_ID", "STATE_DIRECTORY", "LISTEN_FDS"].first(where: { environment[$0] != nil }) {
            return (false, "running under systemd (\(variable) is set)")
        }
        let embedded = DaemonConfiguration.defaults(workingDirectory: workingDirectory).databasePath
        guard configuration.databasePath == embedded else {
            return (false, "the database is not the embedded default \(embedded)")
        }
        return (true, "embedded defaults: the local database \(embedded)")
    }

    var directory: String { "\(daemon.configuration.catalogDirectory)/sample-organisation" }

    /// A request as the daemon's own administrator, through the same dispatcher a client reaches.
    private func call<Method: RPCMethod>(_ method: Method.Type, _ params: Method.Params, actor: String? = nil) -> Result<JSONValue, JSONRPCError> {
        var object = params.json.objectValue ?? JSONObject()
        if let actor { object["actor"] = .string(actor) }
        return call(Method.name, .object(object))
    }

    /// A request by method name, as the sample's history file names them.
    private func call(_ method: String, _ params: JSONValue) -> Result<JSONValue, JSONRPCError> {
        let internalAdmin = Caller(uid: 0, userName: "skillpathd", isAdmin: true, isService: false)
        return daemon.dispatcher.handle(JSONRPCRequest(id: .string("sample"), method: method, params: params), context: daemon.context(for: internalAdmin))
    }

    func loadIfEmpty() {
        let store = daemon.store
        let employeesFile = "\(directory)/employees.csv"
        guard FileManager.default.fileExists(atPath: employeesFile) else { return }
        do {
            let existing = try store.employees(visible: .everyone, role: nil, manager: nil, limit: 1, cursor: nil)
            guard existing.total == 0 else { return }
            try load(employeesFile: employeesFile)
        } catch {
            daemon.logger.warning("the sample organisation was not loaded", [("reason", String(describing: error))])
        }
    }

    /// `applications.csv` (`employee, opportunity` (its key in opportunities.csv), `note?, confidential?,
    /// status?`): each applied, then moved on to `status` (shortlisted or offered) by the hiring side. A row the
    /// daemon refuses stops the load with its file, line and reason.
    private func applyFromFile(opportunities: [String: Int64]) throws -> Int {
        let path = "\(directory)/applications.csv"
        guard let data = FileManager.default.contents(atPath: path) else { return 0 }
        let table = try CSVReader.parse([UInt8](data), file: path)
        let columns = try table.columns(required: ["employee", "opportunity"], optional: ["note", "confidential", "status"], file: path)
        func run<Method: RPCMethod>(_ method: Method.Type, _ params: Method.Params, line: Int) throws -> JSONValue {
            switch call(method, params) {
            case .success(let result): return result
            case .failure(let error): throw CSVError(file: path, line: line, column: nil, message: "\(Method.name) refused the row: \(error.message)")
            }
        }
        for record in table.records {
            guard let employee = record.value("employee", in: columns), let key = record.value("opportunity", in: columns), let opportunity = opportunities[key] else {
                throw CSVError(file: path, line: record.line, column: nil, message: "employee and an opportunity key of opportunities.csv are required")
            }
            let applied = try run(OpportunitiesApply.self, .init(
                opportunity: opportunity, employee: employee, note: record.value("note", in: columns),
                confidential: record.value("confidential", in: columns) == "yes"), line: record.line)
            guard let id = applied["id"]?.intValue.map(Int64.init) else { continue }
            let target = record.value("status", in: columns).flatMap(ApplicationRecord.Status.init(rawValue:)) ?? .applied
            for step in [ApplicationRecord.Status.shortlisted, .offered] where (target == .offered || step == target) && target != .applied {
                _ = try run(ApplicationsMove.self, .init(id: id, to: step), line: record.line)
            }
        }
        return table.records.count
    }

    /// `projects.csv` (`employee, opportunity` (a project's key in opportunities.csv), `startDaysAgo,
    /// finishedDaysAgo?, outcome?, note?`): each seat taken through opportunities.close, and ended through
    /// projects.finish when it says so.
    private func projectsFromFile(opportunities: [String: Int64], today: CalendarDate) throws -> Int {
        let path = "\(directory)/projects.csv"
        guard let data = FileManager.default.contents(atPath: path) else { return 0 }
        let table = try CSVReader.parse([UInt8](data), file: path)
        let columns = try table.columns(required: ["employee", "opportunity", "startDaysAgo"], optional: ["finishedDaysAgo", "outcome", "note"], file: path)
        for record in table.records {
            let value = { (column: String) in record.value(column, in: columns) }
            guard let employee = value("employee"), let key = value("opportunity"), let opportunity = opportunities[key], let started = value("startDaysAgo").flatMap(Int.init) else {
                throw CSVError(file: path, line: record.line, column: nil, message: "employee, a project key of opportunities.csv and startDaysAgo are required")
            }
            let taken = call(OpportunitiesClose.self, .init(id: opportunity, closing: .filledBy(employee), date: today.adding(days: -started)))
            var outcome = taken.map { $0["project"]?["id"]?.intValue }
            if case .success(let id?) = outcome, let days = value("finishedDaysAgo").flatMap(Int.init) {
                let finish = ProjectsFinish.Params(
                    id: Int64(id), outcome: value("outcome").flatMap(ProjectMove.Outcome.init(rawValue:)) ?? .completed, date: today.adding(days: -days),
                    note: value("note"))
                outcome = call(ProjectsFinish.self, finish).map { _ in id }
            }
            if case .failure(let error) = outcome {
                throw CSVError(file: path, line: record.line, column: nil, message: "the daemon refused the row: \(error.message)")
            }
        }
        return table.records.count
    }

    /// `mentors.csv` (`employee, skills` (`;`-separated, empty for all)`, capacity`) and `mentorings.csv`
    /// (`mentor, learner, skill, startedDaysAgo`), through mentors.offer and mentoring.start.
    private func mentorFromFiles(today: CalendarDate) throws -> (mentors: Int, mentorings: Int) {
        var counts = (mentors: 0, mentorings: 0)
        for (name, required) in [("mentors.csv", ["employee", "capacity"]), ("mentorings.csv", ["mentor", "learner", "skill", "startedDaysAgo"])] {
            let path = "\(directory)/\(name)"
            guard let data = FileManager.default.contents(atPath: path) else { continue }
            let table = try CSVReader.parse([UInt8](data), file: path)
            let columns = try table.columns(required: required, optional: ["skills"], file: path)
            for record in table.records {
                let value = { (column: String) in record.value(column, in: columns) ?? "" }
                let outcome = name == "mentors.csv"
                    ? call(MentorsOffer.self, .init(
                        employee: value("employee"), skills: value("skills").split(separator: ";").map(String.init), capacity: Int(value("capacity")) ?? 0))
                    : call(MentoringStart.self, .init(
                        mentor: value("mentor"), learner: value("learner"), skill: value("skill"), date: today.adding(days: -(Int(value("startedDaysAgo")) ?? 0))))
                if case .failure(let error) = outcome {
                    throw CSVError(file: path, line: record.line, column: nil, message: "the daemon refused the row: \(error.message)")
                }
                if name == "mentors.csv" { counts.mentors += 1 } else { counts.mentorings += 1 }
            }
        }
        return counts
    }

    /// `feedback.csv` (`employee, toRole, respondent` (mover or manager)`, rating, comment?`): the rating of that
    /// employee's move into that role, through moves.feedback as the mover or the manager they report to.
    private func feedbackFromFile(managers: [String: String]) throws -> Int {
        let path = "\(directory)/feedback.csv"
        guard let data = FileManager.default.contents(atPath: path) else { return 0 }
        let table = try CSVReader.parse([UInt8](data), file: path)
        let columns = try table.columns(required: ["employee", "toRole", "respondent", "rating"], optional: ["comment"], file: path)
        for record in table.records {
            let value = { (column: String) in record.value(column, in: columns) }
            let moves = call(MovesList.self, .init(employee: value("employee"))).map { $0["items"]?.arrayValue ?? [] }
            guard let employee = value("employee"), let respondent = value("respondent").flatMap(MoveFeedback.Respondent.init(rawValue:)),
                  let rating = value("rating").flatMap(Int.init), case .success(let items) = moves,
                  let move = items.first(where: { $0["toRole"]?.stringValue == value("toRole") && $0["source"] != "secondment-return" })?["id"]?.intValue else {
                throw CSVError(file: path, line: record.line, column: nil, message: "an employee's move into toRole, a respondent (mover or manager) and a rating are required")
            }
            let actor = respondent == .mover ? employee : managers[employee]
            if case .failure(let error) = call(MovesFeedback.self, .init(move: Int64(move), rating: rating, comment: value("comment")), actor: actor) {
                throw CSVError(file: path, line: record.line, column: nil, message: "the daemon refused the row: \(error.message)")
            }
        }
        return table.records.count
    }

    private func load(employeesFile: String) throws {
        let read = { (path: String) -> (bytes: [UInt8], file: String)? in
            FileManager.default.contents(atPath: path).map { ([UInt8]($0), path) }
        }
        let export = try HRISExport.read(employees: read(employeesFile), skills: read("\(directory)/skills.csv"))
        let you = ProcessIdentity.userName(uid: ProcessIdentity.currentUID)
        let today = CallContext.localToday()
        let history = try SampleHistory.read(directory: directory, today: today)
        let rows: [EmployeeInput] = export.rows.map { row in
            var input = row.input
            if input.login == .set("$USER") { input.login = .set(you) }
            // Everyone starts in the role their history starts from; replaying the moves brings them to today's.
            if let first = history.firstRole[input.id] { input.role = first }
            return input
        }
        let upsert = try call(EmployeesUpsert.self, EmployeesUpsert.Params(employees: rows)).get()
        let replayed = try history.replay(call)
        let applications = try applyFromFile(opportunities: replayed.opportunities)
        let mentoring = try mentorFromFiles(today: today)
        // Before the assignments: their shared schedule is laid out around the gigs' hours.
        let projects = try projectsFromFile(opportunities: replayed.opportunities, today: today)
        let feedback = try feedbackFromFile(managers: Dictionary(rows.compactMap { row in row.manager.applied(to: nil).map { (row.id, $0) } }, uniquingKeysWith: { first, _ in first }))
        var assignments = 0
        if let bytes = read("\(directory)/assignments.csv") {
            let table = try CSVReader.parse(bytes.bytes, file: bytes.file)
            let columns = try table.columns(required: ["employee", "targetRole", "dueInDays"], optional: ["assignedBy", "stepsDone"], file: bytes.file)
            for record in table.records {
                guard let employee = record.value("employee", in: columns), let target = record.value("targetRole", in: columns),
                      let days = record.value("dueInDays", in: columns).flatMap(Int.init) else { continue }
                let params = AssignmentsCreate.Params(employee: employee, targetRole: target, dueDate: today.adding(days: days))
                guard case .success(let assignment) = call(AssignmentsCreate.self, params, actor: record.value("assignedBy", in: columns)) else { continue }
                assignments += 1
                // The first `stepsDone` courses were completed over the past months, a month apart, so team
                // reports and the mobility report's engagement have progress to show.
                let done = min(record.value("stepsDone", in: columns).flatMap(Int.init) ?? 0, 20)
                for (index, step) in (assignment["steps"]?.arrayValue ?? []).prefix(max(done, 0)).enumerated() {
                    guard let course = step["course"]?.stringValue else { continue }
                    _ = call(ProgressRecord.self, ProgressRecord.Params(
                        employee: employee, course: course, status: .completed, at: Timestamps.parse(today.adding(days: -30 * (done - index)).description),
                        eventID: "sample-\(employee)-\(index)"))
                }
            }
        }
        daemon.logger.notice("loaded the sample organisation", [
            ("employees", String(upsert["inserted"]?.intValue ?? 0)), ("assignments", String(assignments)),
            ("moves", String(replayed.moves)), ("opportunities", String(replayed.opportunities.count)), ("applications", String(applications)),
            ("mentors", String(mentoring.mentors)), ("mentorings", String(mentoring.mentorings)), ("project gigs", String(projects)), ("move ratings", String(feedback)),
            ("you", you.map { "\($0) is employee e-010" } ?? "-"),
        ])
    }
}
