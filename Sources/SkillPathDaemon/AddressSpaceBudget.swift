import Glibc

/// What the daemon may take on under an address-space limit (`prlimit --as`, `ulimit -v`, systemd's
/// `LimitAS=`), where an allocation past the limit does not fail politely: Swift stops the process.
///
/// So the daemon stays inside the limit by construction. An eighth of what is left after the runtime's share
/// goes to the profile cache (`OrganisationStore.limitProfileCache`); of the rest, half goes to connection
/// threads (each reserves its stack), half to messages being answered (a message of 1 MiB can take tens of
/// MiB while it is parsed and answered); past either, a connection is refused with -32012 or a message waits
/// its turn. Without a limit, nothing changes.
struct AddressSpaceBudget: Equatable {
    /// Connections (threads) at once.
    var connections: Int
    /// Messages answered at once, across all users.
    var messages: Int
    /// Pieces of evidence the profile cache may keep.
    var profilePieces: Int

    /// The runtime's own share: the binary, its libraries, the allocator's two arenas (64 MiB of address
    /// space each) and Dispatch's threads.
    static let runtimeShare = 320 << 20
    /// What one connection reserves: its stack and its read buffer.
    static let perConnection = Daemon.connectionStackSize + (1 << 20)
    /// What one message may take while it is answered, at the default message limit.
    static let perMessage = 48 << 20
    /// What one cached piece of evidence takes, with its share of the person's entry and of the allocator's slack.
    static let perCachedPiece = 32

    /// The budget under the process's current limit, or nil when it has none.
    static func current() -> AddressSpaceBudget? {
        var limit = rlimit()
        guard getrlimit(__rlimit_resource_t(RLIMIT_AS.rawValue), &limit) == 0, limit.rlim_cur != rlim_t.max else { return nil }
        return AddressSpaceBudget(limit: Int(clamping: limit.rlim_cur))
    }

    init(limit: Int) {
        let spare = max(0, limit - Self.runtimeShare)
        let cache = spare / 8
        profilePieces = cache / Self.perCachedPiece
        connections = max(2, (spare - cache) / 2 / Self.perConnection)
        messages = max(1, (spare - cache) / 2 / Self.perMessage)
    }
}
