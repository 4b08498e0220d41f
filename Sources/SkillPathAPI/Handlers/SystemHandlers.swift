import SkillPathCore
import SkillPathProtocol

extension SystemHealth: HandledMethod {
    static func handle(_ params: NoParams, in context: CallContext) throws -> Result {
        let service = context.service
        return Result(
            draining: service.isDraining, version: service.version, uptimeSeconds: service.uptimeSeconds, connections: service.openConnections, busy: service.busyConnections,
            schemaVersion: context.store.schemaVersion, commits: context.store.commitStatistics, catalog: context.snapshot.healthSummary,
            storeProblem: context.store.file.recentProblem)
    }
}
