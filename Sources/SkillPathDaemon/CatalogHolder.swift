import Foundation
import SkillPathAPI
import SkillPathCore
import SystemSupport

/// The catalog being served, swapped whole on reload.
///
/// `@unchecked Sendable`: `snapshot` is read and written only under `lock`; reloads are serialised by
/// `reloadLock` so two SIGHUPs cannot interleave. Readers take the current snapshot and keep it for their
/// whole request, which is what lets a request started before a reload finish on the old catalog.
final class CatalogHolder: @unchecked Sendable {
    let directory: String
    private let lock = NSLock()
    private let reloadLock = NSLock()
    private var snapshot: CatalogSnapshot
    private let logger: Logger

    init(directory: String, initial: CatalogSnapshot, logger: Logger) {
        self.directory = directory
        self.snapshot = initial
        self.logger = logger
    }

    var current: CatalogSnapshot {
        lock.withLock { snapshot }
    }

    /// Loads the directory again; swaps it in when valid, keeps the old catalog and logs why when not.
    func reload() -> Result<CatalogSnapshot, CatalogRejection> {
        reloadLock.withLock {
            let started = ContinuousClock.now
            do throws(CatalogRejection) {
                let catalog = try CatalogLoader.load(directory: directory)
                let next = CatalogSnapshot(catalog: catalog, directory: directory)
                let previous = lock.withLock {
                    defer { snapshot = next }
                    return snapshot.catalog.version
                }
                logger.notice("catalog reloaded", [
                    ("version", catalog.version), ("previous", previous), ("courses", String(catalog.courses.count)),
                    ("warnings", String(catalog.warnings.count)), ("ms", String((ContinuousClock.now - started).milliseconds)),
                ])
                CatalogWarningLog.log(catalog.warnings, directory: directory, to: logger)
                return .success(next)
            } catch {
                logger.error("catalog reload refused; the previous catalog keeps serving", [("errors", String(error.errors.count)), ("directory", directory)])
                for problem in error.errors.prefix(50) { logger.error("catalog error", [("problem", problem.description)]) }
                return .failure(error)
            }
        }
    }
}

extension Duration {
    var milliseconds: Int64 {
        components.seconds * 1000 + components.attoseconds / 1_000_000_000_000_000
    }

    var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
