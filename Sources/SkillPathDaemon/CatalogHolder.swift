import Locking
import SkillPathAPI
import SkillPathCore
import SystemSupport

/// The catalog being served, swapped whole on reload.
///
/// Thread-safe: `snapshot` is behind a `Locked`; reloads are serialised by `reloading` so two SIGHUPs cannot
/// interleave. Readers take the current snapshot and keep it for their whole request, which is what lets a
/// request started before a reload finish on the old catalog.
final class CatalogHolder: Sendable {
    let directory: String
    private let snapshot: Locked<CatalogSnapshot>
    private let reloading = Locked(())
    private let logger: Logger

    init(directory: String, initial: CatalogSnapshot, logger: Logger) {
        self.directory = directory
        self.snapshot = Locked(initial)
        self.logger = logger
    }

    var current: CatalogSnapshot {
        snapshot.withLock { $0 }
    }

    /// Loads the directory again; swaps it in when valid, keeps the old catalog and logs why when not.
    func reload() -> Result<CatalogSnapshot, CatalogRejection> {
        reloading.withLock { _ in
            let started = ContinuousClock.now
            do throws(CatalogRejection) {
                let catalog = try CatalogLoader.load(directory: directory)
                let next = CatalogSnapshot(catalog: catalog, directory: directory)
                let previous = snapshot.withLock { snapshot in
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
