import Foundation
import SkillPathAPI
import SkillPathCore
import SkillPathStore
import SystemSupport

/// `skillpathd`'s entry point: configuration, catalog, socket, then serve until told to stop.
public enum DaemonMain {
    /// Exit statuses: 0 after a clean stop, 64 for a bad command line, 78 for a bad configuration, 1 when the
    /// catalog or the socket cannot be set up.
    public static func run(arguments: [String], environment: [String: String]) -> Int32 {
        let options: DaemonOptions
        do {
            options = try DaemonOptions.parse(arguments)
        } catch {
            fail("\(error.message)\n\(DaemonOptions.usage)")
            return 64
        }
        if options.showHelp {
            print(DaemonOptions.usage)
            return 0
        }
        if options.showVersion {
            print("skillpathd \(Daemon.version)")
            return 0
        }
        var configuration = DaemonConfiguration.defaults(workingDirectory: FileManager.default.currentDirectoryPath)
        do {
            if let file = options.configFile { try ConfigurationFile.apply(file: file, to: &configuration) }
            for (key, value) in options.overrides {
                do {
                    try ConfigurationFile.set(key, value, in: &configuration, relativeTo: FileManager.default.currentDirectoryPath)
                } catch {
                    throw ConfigurationFile.Problem(file: "command line", line: 0, message: error.message)
                }
            }
        } catch {
            fail("configuration error: \(error)")
            return 78
        }
        let logger = Logger(level: configuration.logLevel, flushInterval: 0.05)
        defer { logger.flush() }
        ParentWatch.start(environment: environment)
        let notifier = SystemdNotifier(environment: environment)

        let catalog: Catalog
        do {
            catalog = try CatalogLoader.load(directory: configuration.catalogDirectory)
        } catch {
            logger.error("the catalog is invalid; not starting", [("directory", configuration.catalogDirectory), ("errors", String(error.errors.count))])
            for problem in error.errors.prefix(50) { logger.error("catalog error", [("problem", problem.description)]) }
            notifier.send("STATUS=catalog rejected\nERRNO=22")
            return 1
        }
        CatalogWarningLog.log(catalog.warnings, directory: configuration.catalogDirectory, to: logger)

        let store: OrganisationStore
        do {
            store = try OrganisationStore(path: configuration.databasePath)
        } catch {
            logger.error("cannot open the organisation store; not starting", [("database", configuration.databasePath), ("reason", error.message)])
            fail(error.message)
            return 1
        }

        let binding: SocketBinding
        do {
            binding = try SocketBinding.acquire(configuration: configuration, environment: environment, logger: logger)
        } catch {
            logger.error("cannot listen; not starting", [("reason", error.description)])
            fail(error.description)
            return 1
        }
        let daemon = Daemon(
            configuration: configuration, logger: logger, catalog: CatalogSnapshot(catalog: catalog, directory: configuration.catalogDirectory),
            store: store, binding: binding, notifier: notifier)
        return daemon.run()
    }

    static func fail(_ message: String) {
        FileHandle.standardError.write(Data("skillpathd: \(message)\n".utf8))
    }
}
