import Glibc

/// Looks up Unix users and groups: whose uid is calling, and who belongs to a configured `@group`.
public enum ProcessIdentity {
    /// The user name of a uid, or nil when the system has no such user.
    public static func userName(uid: UInt32) -> String? {
        var entry = passwd()
        var result: UnsafeMutablePointer<passwd>?
        var buffer = [CChar](repeating: 0, count: 4096)
        guard getpwuid_r(uid, &entry, &buffer, buffer.count, &result) == 0, result != nil, let name = entry.pw_name else { return nil }
        return String(cString: name)
    }

    /// The uid of a user name.
    public static func uid(userName: String) -> UInt32? {
        var entry = passwd()
        var result: UnsafeMutablePointer<passwd>?
        var buffer = [CChar](repeating: 0, count: 4096)
        guard getpwnam_r(userName, &entry, &buffer, buffer.count, &result) == 0, result != nil else { return nil }
        return entry.pw_uid
    }

    /// Every group the user is in, primary and supplementary, by name.
    public static func groupNames(userName: String, primaryGroup: UInt32) -> Set<String> {
        var count: Int32 = 64
        var groups = [gid_t](repeating: 0, count: Int(count))
        if getgrouplist(userName, primaryGroup, &groups, &count) < 0 {
            groups = [gid_t](repeating: 0, count: Int(count))
            _ = getgrouplist(userName, primaryGroup, &groups, &count)
        }
        var names = Set<String>()
        for gid in groups.prefix(Int(max(count, 0))) {
            if let name = groupName(gid: gid) { names.insert(name) }
        }
        return names
    }

    public static func groupName(gid: UInt32) -> String? {
        var entry = group()
        var result: UnsafeMutablePointer<group>?
        var buffer = [CChar](repeating: 0, count: 8192)
        guard getgrgid_r(gid, &entry, &buffer, buffer.count, &result) == 0, result != nil, let name = entry.gr_name else { return nil }
        return String(cString: name)
    }

    /// The gid of a group name.
    public static func gid(groupName: String) -> UInt32? {
        var entry = group()
        var result: UnsafeMutablePointer<group>?
        var buffer = [CChar](repeating: 0, count: 8192)
        guard getgrnam_r(groupName, &entry, &buffer, buffer.count, &result) == 0, result != nil else { return nil }
        return entry.gr_gid
    }

    public static var currentUID: UInt32 { getuid() }
    public static var currentPID: Int32 { getpid() }
}
