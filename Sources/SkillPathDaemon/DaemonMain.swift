import Foundation
import SkillPathAPI
import SkillPathCore
import SkillPathStore
import SystemSupport

/// `skillpathd`'s entry point: configuration, catalog, socket, then serve until told to stop.
public enum DaemonMain {
    /// Exit statuses: 0 after a clean stop, 64 for a bad command line, 78 for a bad configuration, 1 when the
    /// catalog, the state folder, the store or the socket cannot be set up.
    public static func run(arguments: [String], environment: [String: String]) -> Int32 {
        let journal = JournalStream.isStandardError(environment: environment)
        // Each arena reserves 64 MiB of address space: under an address-space limit, two (counted in
        // `AddressSpaceBudget.runtimeShare`); otherwise eight.
        FreeMemory.limitRetention(arenas: AddressSpaceBudget.current() == nil ? 8 : 2)
        do {
            let options = try commandLine(arguments, journal: journal)
            let workingDirectory = FileManager.default.currentDirectoryPath
            var configuration = try configure(options, workingDirectory: workingDirectory, journal: journal)
            let logger = Logger(level: configuration.logLevel, flushInterval: 0.05, priorityPrefixes: journal, timestamps: !journal)
            defer { logger.flush() }
            ParentWatch.start(environment: environment)
            let notifier = SystemdNotifier(environment: environment)
            let catalog = try loadCatalog(configuration, logger: logger, notifier: notifier)
            let (store, lock) = try openStore(configuration, initialise: options.initialiseEmptyDatabase, logger: logger, journal: journal)
            let sample = SampleOrganisation.decide(configuration, configFile: options.configFile, environment: environment, workingDirectory: workingDirectory)
            configuration.sampleOrganisation = sample.load
            logger.notice(sample.load ? "the sample organisation loads into an empty database" : "the sample organisation is off", [("reason", sample.reason)])
            let daemon = try start(configuration, catalog: catalog, store: store, environment: environment, logger: logger, notifier: notifier, journal: journal)
            return withExtendedLifetime(lock) { daemon.run() }
        } catch {
            return error.status
        }
    }

    /// Why `run` stopped before serving, as its exit status; the reason is already in the log or on stderr.
    struct Stop: Error {
        var status: Int32
    }

    /// The command line; `--help`, `--version` and `--manual` print and stop with 0.
    static func commandLine(_ arguments: [String], journal: Bool) throws(Stop) -> DaemonOptions {
        let options: DaemonOptions
        do {
            options = try DaemonOptions.parse(arguments)
        } catch {
            // The usage line and where the rest is, as getopt tools do: the whole help buries the error.
            fail("\(error.message)\nusage: \(DaemonOptions.synopsis)\nsee 'skillpathd --help'", journal: journal)
            throw Stop(status: 64)
        }
        if options.showHelp { print(DaemonOptions.usage) }
        if options.showManual { print(DaemonOptions.manual.render(), terminator: "") }
        if options.showVersion { print("skillpathd \(Daemon.version)") }
        if options.showHelp || options.showManual || options.showVersion { throw Stop(status: 0) }
        return options
    }

    /// The embedded defaults, then the configuration file, then `--set` overrides; exit 78 on a bad one.
    static func configure(_ options: DaemonOptions, workingDirectory: String, journal: Bool) throws(Stop) -> DaemonConfiguration {
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
            throw Stop(status: 78)
        }
        return configuration
    }

    static func loadCatalog(_ configuration: DaemonConfiguration, logger: Logger, notifier: SystemdNotifier) throws(Stop) -> Catalog {
        do {
            let catalog = try CatalogLoader.load(directory: configuration.catalogDirectory)
            CatalogWarningLog.log(catalog.warnings, directory: configuration.catalogDirectory, to: logger)
            return catalog
        } catch {
            logger.error("the catalog is invalid; not starting", [("directory", configuration.catalogDirectory), ("errors", String(error.errors.count))])
            for problem in error.errors.prefix(50) { logger.error("catalog error", [("problem", problem.description)]) }
            notifier.send("STATUS=catalog rejected\nERRNO=22")
            throw Stop(status: 1)
        }
    }

    /// The state folder, the single-daemon lock on the database, and the store.
    static func openStore(_ configuration: DaemonConfiguration, initialise: Bool, logger: Logger, journal: Bool) throws(Stop) -> (OrganisationStore, FileLock) {
        umask(StateFolder.umaskValue(group: configuration.stateGroup))
        let state: StateFolder
        let lock: FileLock
        do {
            state = try StateFolder.prepare(databasePath: configuration.databasePath, groupName: configuration.stateGroup)
            lock = try state.lockDatabase(configuration.databasePath)
        } catch {
            logger.error("cannot use the state folder; not starting", [("database", configuration.databasePath), ("reason", error.description)])
            fail(error.description, journal: journal)
            throw Stop(status: 1)
        }
        do {
            let store = try OrganisationStore(path: configuration.databasePath, initialiseEmptyFile: initialise)
            try state.secureFiles(of: configuration.databasePath)
            return (store, lock)
        } catch {
            let reason = (error as? StoreError)?.message ?? String(describing: error)
            logger.error("cannot open the organisation store; not starting", [("database", configuration.databasePath), ("reason", reason)])
            fail(reason, journal: journal)
            throw Stop(status: 1)
        }
    }

    /// The listening socket (inherited from systemd or bound here) and the daemon on it.
    static func start(
        _ configuration: DaemonConfiguration, catalog: Catalog, store: OrganisationStore, environment: [String: String], logger: Logger,
        notifier: SystemdNotifier, journal: Bool
    ) throws(Stop) -> Daemon {
        do {
            let binding = try SocketBinding.acquire(configuration: configuration, environment: environment, logger: logger)
            return try Daemon(
                configuration: configuration, logger: logger, catalog: CatalogSnapshot(catalog: catalog, directory: configuration.catalogDirectory),
                store: store, binding: binding, notifier: notifier)
        } catch {
            logger.error("cannot listen; not starting", [("reason", String(describing: error))])
            fail(String(describing: error), journal: journal)
            throw Stop(status: 1)
        }
    }

    /// A failure before (or besides) the log: an error line, with journald's error priority when it reads it.
    static func fail(_ message: String, journal: Bool) {
        let lines = message.split(separator: "\n", omittingEmptySubsequences: false).map { (journal ? "<3>" : "") + "skillpathd: \($0)\n" }
        FileHandle.standardError.write(Data(lines.joined().utf8))
    }
}
