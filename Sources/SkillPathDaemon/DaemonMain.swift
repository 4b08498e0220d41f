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
        let journal = JournalStream.isStandardError(environment: environment)
        let options: DaemonOptions
        do {
            options = try DaemonOptions.parse(arguments)
        } catch {
            fail("\(error.message)\n\(DaemonOptions.usage)", journal: journal)
            return 64
        }
        if options.showHelp {
            print(DaemonOptions.usage)
            return 0
        }
        if options.showManual {
            print(DaemonOptions.manual.render(), terminator: "")
            return 0
        }
        if options.showVersion {
            print("skillpathd \(Daemon.version)")
            return 0
        }
        let workingDirectory = FileManager.default.currentDirectoryPath
        var configuration = DaemonConfiguration.defaults(workingDirectory: workingDirectory)
        do {
            if let file = options.configFile { try ConfigurationFile.apply(file: file, to: &configuration) }
            for (key, value) in options.overrides {
                do {
                    try ConfigurationFile.set(key, value, in: &configuration, relativeTo: workingDirectory)
                } catch {
                    throw ConfigurationFile.Problem(file: "command line", line: 0, message: error.message)
                }
            }
        } catch {
            fail("configuration error: \(error)", journal: journal)
            return 78
        }
        let logger = Logger(level: configuration.logLevel, flushInterval: 0.05, priorityPrefixes: journal)
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

        umask(StateFolder.umaskValue(group: configuration.stateGroup))
        let state: StateFolder
        let databaseLock: FileLock
        do {
            state = try StateFolder.prepare(databasePath: configuration.databasePath, groupName: configuration.stateGroup)
            databaseLock = try state.lockDatabase(configuration.databasePath)
        } catch {
            logger.error("cannot use the state folder; not starting", [("database", configuration.databasePath), ("reason", error.description)])
            fail(error.description, journal: journal)
            return 1
        }
        let store: OrganisationStore
        do {
            store = try OrganisationStore(path: configuration.databasePath)
            try state.secureFiles(of: configuration.databasePath)
        } catch {
            let reason = (error as? StoreError)?.message ?? String(describing: error)
            logger.error("cannot open the organisation store; not starting", [("database", configuration.databasePath), ("reason", reason)])
            fail(reason, journal: journal)
            return 1
        }
        let sample = SampleOrganisation.decide(configuration, configFile: options.configFile, environment: environment, workingDirectory: workingDirectory)
        configuration.sampleOrganisation = sample.load
        logger.notice(sample.load ? "the sample organisation loads into an empty database" : "the sample organisation is off", [("reason", sample.reason)])

        let binding: SocketBinding
        do {
            binding = try SocketBinding.acquire(configuration: configuration, environment: environment, logger: logger)
        } catch {
            logger.error("cannot listen; not starting", [("reason", error.description)])
            fail(error.description, journal: journal)
            return 1
        }
        let daemon: Daemon
        do {
            daemon = try Daemon(
                configuration: configuration, logger: logger, catalog: CatalogSnapshot(catalog: catalog, directory: configuration.catalogDirectory),
                store: store, binding: binding, notifier: notifier)
        } catch {
            logger.error("cannot start; not serving", [("reason", error.description)])
            fail(error.description, journal: journal)
            return 1
        }
        return withExtendedLifetime(databaseLock) { daemon.run() }
    }

    /// A failure before (or besides) the log: an error line, with journald's error priority when it reads it.
    static func fail(_ message: String, journal: Bool) {
        let lines = message.split(separator: "\n", omittingEmptySubsequences: false).map { (journal ? "<3>" : "") + "skillpathd: \($0)\n" }
        FileHandle.standardError.write(Data(lines.joined().utf8))
    }
}
