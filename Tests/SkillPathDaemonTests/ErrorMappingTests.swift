import Foundation
import JSONRPC
import SkillPathAPI
import SkillPathCore
import SkillPathJSON
import SkillPathStore
import SkillPathTestSupport
import SystemSupport
import Testing

/// The one mapping from domain errors to JSON-RPC errors, through the dispatcher's own catch: what a client
/// is sent, and what the operator's log says, for errors a handler throws.
@Suite struct ErrorMappingTests {
    struct Unexpected: Error {}

    /// A dispatcher whose log lines go to a file this test reads.
    func dispatcher(log: String) throws -> (Dispatcher, Logger) {
        let descriptor = open(log, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        try #require(descriptor >= 0)
        let logger = Logger(level: .info, descriptor: descriptor)
        return (Dispatcher(methods: MethodRegistry.all(version: "test"), logger: logger), logger)
    }

    @Test func anErrorNoRequestShouldCauseIsAnInternalErrorAndIsLogged() throws {
        let directory = TemporaryDirectory()
        let (dispatcher, _) = try dispatcher(log: "\(directory.path)/log")
        let error = dispatcher.failure(for: Unexpected(), method: "paths.plan")
        #expect(error.code == JSONRPCError.internalErrorCode)
        #expect(error.message == "Internal error: the server could not complete paths.plan; the error is logged")
        let log = try String(contentsOfFile: "\(directory.path)/log", encoding: .utf8)
        #expect(log.contains("error handler failed method=paths.plan error=Unexpected()"), "\(log)")
    }

    @Test func aStoreFailureIsLoggedWithItsDetailsAndTheClientGetsAStableMessage() throws {
        let directory = TemporaryDirectory()
        let (dispatcher, _) = try dispatcher(log: "\(directory.path)/log")
        let failure = StoreError(.database, "UNIQUE constraint failed: employees.login (in: INSERT INTO employees …)")
        let error = dispatcher.failure(for: failure, method: "employees.upsert")
        #expect(error.code == -32013)
        #expect(error.data?["code"] == "store-unavailable")
        #expect(!error.message.contains("UNIQUE") && !error.message.contains("INSERT"), "no SQL reaches the client: \(error.message)")
        let log = try String(contentsOfFile: "\(directory.path)/log", encoding: .utf8)
        #expect(log.contains("UNIQUE constraint failed") && log.contains("method=employees.upsert"), "the operator sees it: \(log)")
    }

    @Test func domainErrorsMapToStableCodesAndData() throws {
        let directory = TemporaryDirectory()
        let (dispatcher, _) = try dispatcher(log: "\(directory.path)/log")
        let role = dispatcher.failure(for: PlanningError(.unknownRole, field: "targetRole", id: "r", "unknown role 'r'"), method: "paths.plan")
        #expect(role.code == -32002)
        #expect(role.data?["code"] == "unknown-role")
        let option = dispatcher.failure(for: PlanningError(.invalidOption, field: "options.deadline", "needs hoursPerWeek"), method: "paths.plan")
        #expect(option.code == -32602)
        #expect(option.data?["param"] == "options.deadline")
        let field = dispatcher.failure(for: JSONFieldError(path: "limit", message: "must be between 1 and 1000, got 0"), method: "catalog.skills")
        #expect(field.message == "Invalid params: limit must be between 1 and 1000, got 0")
        #expect(dispatcher.failure(for: CatalogRejection(errors: [], warnings: []), method: "catalog.reload").code == -32004)
        // One error, one form: an unknown skill carries its field and id, and the closest id in the message.
        let skill = dispatcher.failure(for: DomainError.unknownSkill("pyhton", field: "skills[0].skill", suggestion: "python"), method: "employees.setSkills")
        #expect(skill.code == -32005)
        #expect(skill.message == "unknown skill 'pyhton' (did you mean 'python'?)")
        #expect(skill.data?["field"] == "skills[0].skill" && skill.data?["id"] == "pyhton")
        let closed = dispatcher.failure(for: DomainError.assignmentClosed(7, status: "completed"), method: "assignments.replan")
        #expect(closed.code == -32008)
        #expect(closed.data?["id"] == .number("7") && closed.data?["status"] == "completed")
        let hidden = dispatcher.failure(for: DomainError.notVisible(kind: "move", id: 9), method: "moves.end")
        #expect(hidden.code == -32007)
        #expect(hidden.message == "no move 9 that you may see")
        let log = try String(contentsOfFile: "\(directory.path)/log", encoding: .utf8)
        #expect(log.isEmpty, "a mapped error is the client's business, not the operator's: \(log)")
    }
}
