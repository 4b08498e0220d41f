import JSONRPC
import SkillPathAPI
import SkillPathCore
import SkillPathJSON
import Testing

/// The one mapping from domain errors to JSON-RPC errors, and the internal-error path no client can trigger
/// on purpose.
@Suite struct ErrorMappingTests {
    struct Unexpected: Error {}

    @Test func unexpectedErrorsAreNotMappedSoTheDispatcherReportsAnInternalError() {
        #expect(APIError.rpcError(for: Unexpected()) == nil)
        let reply = JSONRPCProcessor.reply(to: Array(#"{"jsonrpc":"2.0","id":"x","method":"m"}"#.utf8)) { _ in
            .failure(.internalError("the server could not complete m; the error is logged"))
        }
        let response = try? JSONParser.parse(reply ?? [])
        #expect(response?["error"]?["code"] == .number("-32603"))
        #expect(response?["id"] == "x")
    }

    @Test func domainErrorsMapToStableCodes() {
        let role = APIError.rpcError(for: PlanningError(.unknownRole, field: "targetRole", id: "r", "unknown role 'r'"))
        #expect(role?.code == -32002)
        #expect(role?.data?["code"] == "unknown-role")
        let option = APIError.rpcError(for: PlanningError(.invalidOption, field: "options.deadline", "needs hoursPerWeek"))
        #expect(option?.code == -32602)
        #expect(option?.data?["param"] == "options.deadline")
        let field = APIError.rpcError(for: JSONFieldError(path: "limit", message: "must be between 1 and 1000, got 0"))
        #expect(field?.message == "Invalid params: limit must be between 1 and 1000, got 0")
        let rejected = APIError.rpcError(for: CatalogRejection(errors: [], warnings: []))
        #expect(rejected?.code == -32004)
    }
}
