// swift-tools-version:6.0
import PackageDescription

/// Every Swift target gets the same language mode and upcoming features (one settings loop, as swift-log does).
let strictSettings: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "SkillPath",
    products: [
        .executable(name: "skillpathd", targets: ["skillpathd"]),
        .executable(name: "skillpath", targets: ["skillpath"]),
        .library(name: "SkillPathCore", targets: ["SkillPathCore"]),
    ],
    dependencies: [],
    targets: [
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        // libm: Double rounding in the standard library calls it, and nothing here imports Foundation.
        .target(name: "SkillPathJSON", linkerSettings: [.linkedLibrary("m")]),
        .target(name: "Locking"),
        .target(name: "SkillPathCore", dependencies: ["Locking", "SkillPathJSON"]),
        .target(name: "SkillPathProtocol", dependencies: ["JSONRPC", "SkillPathCore", "SkillPathJSON"]),
        .target(name: "SkillPathFixtures", dependencies: ["SkillPathCore", "SkillPathJSON"]),
        .target(name: "SystemSupport", dependencies: ["Locking"]),
        .target(name: "JSONRPC", dependencies: ["SkillPathJSON"]),
        .target(name: "SkillPathStore", dependencies: ["CSQLite", "Locking", "SkillPathCore", "SkillPathJSON", "SkillPathProtocol"]),
        .target(name: "SkillPathAPI", dependencies: ["JSONRPC", "SkillPathCore", "SkillPathJSON", "SkillPathProtocol", "SkillPathStore", "SystemSupport"]),
        .target(name: "SkillPathDaemon", dependencies: ["JSONRPC", "Locking", "SkillPathAPI", "SkillPathCore", "SkillPathJSON", "SkillPathProtocol", "SkillPathStore", "SystemSupport"]),
        .executableTarget(name: "skillpathd", dependencies: ["SkillPathDaemon"]),
        .target(name: "SkillPathImport", dependencies: ["SkillPathCore", "SkillPathJSON"]),
        .target(name: "SkillPathCLI", dependencies: ["JSONRPC", "SkillPathCore", "SkillPathImport", "SkillPathJSON", "SkillPathProtocol", "SystemSupport"]),
        .executableTarget(name: "skillpath", dependencies: ["SkillPathCLI"]),
        .target(name: "SkillPathFuzz", dependencies: ["SkillPathCore", "SkillPathFixtures", "SkillPathJSON", "SystemSupport"]),
        .executableTarget(name: "skillpath-bench", dependencies: ["Locking", "SkillPathCore", "SkillPathFixtures", "SkillPathImport", "SkillPathFuzz", "SkillPathJSON", "SkillPathProtocol", "JSONRPC", "SystemSupport", "CSQLite"]),
        .executableTarget(name: "skillpath-probe", path: "Tests/SkillPathProbe"),
        .target(name: "SkillPathTestSupport", dependencies: ["SkillPathCore", "SkillPathJSON"], path: "Tests/SkillPathTestSupport"),
        .testTarget(name: "SkillPathJSONTests", dependencies: ["SkillPathJSON"]),
        .testTarget(name: "SkillPathSourceTests", dependencies: ["SkillPathTestSupport"]),
        .testTarget(name: "SkillPathCoreTests", dependencies: ["SkillPathCore", "SkillPathFixtures", "SkillPathFuzz", "SkillPathJSON", "SkillPathTestSupport", "SkillPathProtocol"]),
        .testTarget(name: "SkillPathCLITests", dependencies: ["skillpath", "skillpathd", "SkillPathJSON", "SkillPathTestSupport", "SkillPathCore"]),
        .testTarget(name: "SkillPathStoreTests", dependencies: ["SkillPathStore", "SkillPathCore", "SkillPathJSON", "SkillPathTestSupport", "CSQLite"]),
        .testTarget(name: "SkillPathImportTests", dependencies: ["SkillPathImport", "SkillPathCore", "SkillPathFixtures", "SkillPathFuzz", "SkillPathJSON", "SkillPathTestSupport", "skillpath", "skillpathd", "SkillPathProtocol"]),
        .testTarget(name: "SkillPathDaemonTests", dependencies: ["Locking", "SkillPathFixtures", "skillpathd", "skillpath", "skillpath-probe", "SkillPathAPI", "SkillPathFuzz", "JSONRPC", "SkillPathJSON", "SkillPathTestSupport", "SystemSupport", "CSQLite", "SkillPathCore", "SkillPathStore", "SkillPathDaemon", "SkillPathProtocol"]),
    ]
)

for target in package.targets where target.type != .system {
    target.swiftSettings = (target.swiftSettings ?? []) + strictSettings
}
