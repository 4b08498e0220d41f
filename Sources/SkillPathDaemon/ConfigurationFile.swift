import Foundation
import SkillPathCore
import SystemSupport

/// Reads `key = value` configuration files (`Config/skillpathd.conf` is the commented sample).
///
/// Strict on purpose: an unknown key, a bad value or a repeated key is an error naming the file and line,
/// and the daemon refuses to start rather than run half-configured.
public enum ConfigurationFile {
    public struct Problem: Error, Sendable, Equatable, CustomStringConvertible {
        public var file: String
        public var line: Int
        public var message: String

        public var description: String { line > 0 ? "\(file):\(line): \(message)" : "\(file): \(message)" }
    }

    /// The keys a file may set, for messages and suggestions.
    public static let keys = [
        "socket", "socket_mode", "catalog", "database", "log_level", "max_connections", "max_connections_per_user",
        "max_connections_per_stranger", "max_connections_per_service", "max_connections_per_admin", "max_message_bytes",
        "max_batch_requests", "max_reply_bytes", "max_concurrent_messages_per_user", "idle_timeout", "request_timeout", "drain_timeout", "admins", "services",
        "sample_organisation", "state_group", "skill_policy", "self_rating_cap", "skill_half_life_days", "external_hire_cost",
        "external_days_to_fill", "event_retention_days", "event_retention_count", "event_subscriber_max_lag", "event_subscriber_stall_seconds",
    ]

    /// Keys that may also be set for one role or category: `KEY.ID = VALUE`.
    static let perIDKeys = ["skill_half_life_days", "external_hire_cost", "external_days_to_fill"]

    /// `skill_half_life_days.CATEGORY = DAYS`: a half-life for the skills of one catalog category.
    static let categoryHalfLife = "skill_half_life_days."

    public static func apply(file path: String, to configuration: inout DaemonConfiguration) throws(Problem) {
        guard FileManager.default.fileExists(atPath: path) else {
            throw Problem(file: path, line: 0, message: "no such configuration file")
        }
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw Problem(file: path, line: 0, message: "cannot read the configuration file (is it UTF-8 text?)")
        }
        let directory = (path as NSString).deletingLastPathComponent
        var seen: [String: Int] = [:]
        for (offset, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = offset + 1
            var line = Substring(rawLine)
            if let hash = line.firstIndex(of: "#") { line = line[..<hash] }
            let content = line.trimmingCharacters(in: .whitespaces)
            if content.isEmpty { continue }
            guard let equals = content.firstIndex(of: "=") else {
                throw Problem(file: path, line: number, message: "expected 'key = value', got '\(content)'")
            }
            let key = content[..<equals].trimmingCharacters(in: .whitespaces)
            let value = content[content.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            guard keys.contains(key) || perIDKeys.contains(where: { key.hasPrefix($0 + ".") && key.count > $0.count + 1 }) else {
                let hint = closest(key).map { " (did you mean '\($0)'?)" } ?? "; known keys: \(keys.joined(separator: ", "))"
                throw Problem(file: path, line: number, message: "unknown key '\(key)'\(hint)")
            }
            if let first = seen[key] {
                throw Problem(file: path, line: number, message: "'\(key)' is set twice (first on line \(first))")
            }
            seen[key] = number
            do {
                try set(key, value, in: &configuration, relativeTo: directory)
            } catch {
                throw Problem(file: path, line: number, message: error.message)
            }
        }
    }

    struct BadValue: Error {
        var message: String
    }

    /// Applies one setting; also used for command-line flags, so both accept exactly the same values.
    static func set(_ key: String, _ value: String, in configuration: inout DaemonConfiguration, relativeTo directory: String) throws(BadValue) {
        func path() throws(BadValue) -> String {
            guard !value.isEmpty else { throw BadValue(message: "'\(key)' needs a path") }
            return value.hasPrefix("/") || value.hasPrefix("@") ? value : "\(directory)/\(value)"
        }
        func number(_ range: ClosedRange<Double>) throws(BadValue) -> Double {
            guard let parsed = Double(value), range.contains(parsed) else {
                throw BadValue(message: "'\(key)' must be a number from \(format(range.lowerBound)) to \(format(range.upperBound)), got '\(value)'")
            }
            return parsed
        }
        func whole(_ range: ClosedRange<Int>) throws(BadValue) -> Int {
            guard let parsed = Int(value), range.contains(parsed) else {
                throw BadValue(message: "'\(key)' must be a whole number from \(range.lowerBound) to \(range.upperBound), got '\(value)'")
            }
            return parsed
        }
        switch key {
        case "socket": configuration.socketPath = try path()
        case "catalog": configuration.catalogDirectory = try path()
        case "database": configuration.databasePath = try path()
        case "socket_mode":
            guard let mode = UInt32(value, radix: 8), mode <= 0o777 else {
                throw BadValue(message: "'socket_mode' must be an octal mode such as 0660, got '\(value)'")
            }
            configuration.socketMode = mode
        case "log_level":
            guard let level = Logger.Level(name: value) else {
                throw BadValue(message: "'log_level' must be debug, info, notice, warning or error, got '\(value)'")
            }
            configuration.logLevel = level
        case "max_connections": configuration.maxConnections = Int(try number(1...100_000))
        case "max_connections_per_user": configuration.maxConnectionsPerUser = Int(try number(1...100_000))
        case "max_connections_per_stranger": configuration.maxConnectionsPerStranger = Int(try number(0...100_000))
        case "request_timeout": configuration.requestTimeout = try number(0.1...86_400)
        case "max_connections_per_service": configuration.maxConnectionsPerService = Int(try number(1...100_000))
        case "max_connections_per_admin": configuration.maxConnectionsPerAdmin = Int(try number(1...100_000))
        case "max_message_bytes": configuration.maxMessageBytes = Int(try number(1024...1_073_741_824))
        case "max_concurrent_messages_per_user": configuration.maxConcurrentMessagesPerUser = Int(try number(1...1_000))
        case "max_batch_requests": configuration.maxBatchRequests = Int(try number(1...1_000_000))
        case "max_reply_bytes": configuration.maxReplyBytes = Int(try number(65_536...1_073_741_824))
        case "idle_timeout": configuration.idleTimeout = try number(0.1...86_400)
        case "drain_timeout": configuration.drainTimeout = try number(0...3600)
        case "admins": configuration.admins = try principals(value, key: key)
        case "services": configuration.services = try principals(value, key: key)
        case "sample_organisation":
            switch value.lowercased() {
            case "yes", "true", "on", "1": configuration.sampleOrganisation = true
            case "no", "false", "off", "0": configuration.sampleOrganisation = false
            default: throw BadValue(message: "'sample_organisation' must be yes or no, got '\(value)'")
            }
        case "skill_policy":
            switch value.lowercased() {
            case "on", "yes", "true", "1": configuration.skillPolicy.enabled = true
            case "off", "no", "false", "0": configuration.skillPolicy.enabled = false
            default: throw BadValue(message: "'skill_policy' must be on or off, got '\(value)'")
            }
        case "self_rating_cap": configuration.skillPolicy.selfRatingCap = try whole(1...5)
        case "skill_half_life_days":
            let days = try whole(0...36_500)
            configuration.skillPolicy.halfLifeDays = days == 0 ? nil : days
        case _ where key.hasPrefix(categoryHalfLife):
            let days = try whole(0...36_500)
            configuration.skillPolicy.halfLifeByCategory[String(key.dropFirst(categoryHalfLife.count))] = .some(days == 0 ? nil : days)
        case _ where key.hasPrefix("external_"): try setExternalHire(key, value, in: &configuration.externalHire)
        case _ where key.hasPrefix("event_"): try setEventLog(key, value, in: &configuration)
        case "state_group":
            guard ProcessIdentity.gid(groupName: value) != nil else {
                throw BadValue(message: "'state_group' must name a group on this host, got '\(value)'")
            }
            configuration.stateGroup = value
        default:
            throw BadValue(message: "unknown key '\(key)'")
        }
    }

    /// `external_hire_cost[.ROLE] = 45000 USD` and `external_days_to_fill[.ROLE] = 60`: what hiring from outside
    /// costs and takes, for all roles or one.
    static func setExternalHire(_ key: String, _ value: String, in hire: inout ExternalHire) throws(BadValue) {
        let (name, role) = key.firstIndex(of: ".").map { (String(key[..<$0]), String(key[key.index(after: $0)...])) } ?? (key, nil)
        switch name {
        case "external_hire_cost":
            guard let money = Money(text: value) else {
                throw BadValue(message: "'\(key)' must be an amount from 0 to \(Money.maximum) and a currency code, such as '45000 USD', got '\(value)'")
            }
            if let role { hire.costByRole[role] = money } else { hire.defaultCost = money }
        case "external_days_to_fill":
            guard let days = Int(value), (1...ExternalHire.maximumDaysToFill).contains(days) else {
                throw BadValue(message: "'\(key)' must be a whole number from 1 to \(ExternalHire.maximumDaysToFill), got '\(value)'")
            }
            if let role { hire.daysToFillByRole[role] = days } else { hire.defaultDaysToFill = days }
        default:
            throw BadValue(message: "unknown key '\(key)'")
        }
    }

    /// The event log's retention and its subscribers' limits (`event_…`).
    static func setEventLog(_ key: String, _ value: String, in configuration: inout DaemonConfiguration) throws(BadValue) {
        func whole(_ range: ClosedRange<Int>) throws(BadValue) -> Int {
            guard let parsed = Int(value), range.contains(parsed) else {
                throw BadValue(message: "'\(key)' must be a whole number from \(range.lowerBound) to \(range.upperBound), got '\(value)'")
            }
            return parsed
        }
        switch key {
        case "event_retention_days":
            let days = try whole(0...36_500)
            configuration.eventRetentionDays = days == 0 ? nil : days
        case "event_retention_count":
            let count = try whole(0...1_000_000_000)
            configuration.eventRetentionCount = count == 0 ? nil : count
        case "event_subscriber_max_lag": configuration.eventSubscriberMaxLag = try whole(1...100_000_000)
        case "event_subscriber_stall_seconds":
            guard let seconds = Double(value), (0.1...3_600).contains(seconds) else {
                throw BadValue(message: "'\(key)' must be a number from 0.1 to 3600, got '\(value)'")
            }
            configuration.eventSubscriberStallSeconds = seconds
        default: throw BadValue(message: "unknown key '\(key)'")
        }
    }

    /// A comma-separated list of user names and `@group` names.
    static func principals(_ value: String, key: String) throws(BadValue) -> [String] {
        let names = value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        for name in names {
            let bare = name.hasPrefix("@") ? String(name.dropFirst()) : name
            guard !bare.isEmpty, bare.allSatisfy({ $0.isLetter || $0.isNumber || "-_.$".contains($0) }) else {
                throw BadValue(message: "'\(key)' lists '\(name)', which is not a user name or @group")
            }
        }
        return names
    }

    static func closest(_ key: String) -> String? {
        Spelling.closest(to: key.replacingOccurrences(of: "-", with: "_"), among: keys)
    }

    static func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
