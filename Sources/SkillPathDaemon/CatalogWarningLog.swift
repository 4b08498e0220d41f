import SkillPathCore
import SystemSupport

/// Logs a catalog's warnings as an operator wants them: one summary line per kind with its count and the
/// first few examples, so that 20,000 "takeable only with experience" warnings do not flood the journal.
enum CatalogWarningLog {
    static let examplesPerKind = 3

    static func log(_ warnings: [CatalogDiagnostic], directory: String, to logger: Logger) {
        let groups = WarningGroup.groups(warnings)
        for group in groups {
            logger.warning("catalog warnings", [("kind", group.code.rawValue), ("count", String(group.warnings.count)), ("summary", group.summary)])
            for warning in group.warnings.prefix(examplesPerKind) { logger.warning("catalog warning", [("problem", warning.description)]) }
        }
        if groups.contains(where: { $0.warnings.count > examplesPerKind }) {
            logger.info("more catalog warnings not logged", [("hint", "skillpath catalog check --verbose \(directory) lists them all")])
        }
    }
}
