import SkillPathJSON
import SkillPathProtocol

extension CommandContext {
    /// A client for the daemon this command talks to.
    func daemon() -> DaemonClient {
        DaemonClient(arguments: arguments, environment: environment)
    }

    /// Prints `value` as JSON when `--json` was given; returns whether it did.
    func printedJSON(_ value: JSONValue) -> Bool {
        guard wantsJSON else { return false }
        console.json(value)
        return true
    }
}

extension DaemonClient {
    /// The caller's own employee id (the daemon maps the Unix user to an employee by login).
    func ownEmployeeID() throws(CLIError) -> String {
        let me: JSONValue
        do {
            me = try call(EmployeesGet.self, EmployeesGet.Params())
        } catch {
            guard error.exitCode == .forbidden || error.exitCode == .dataError else { throw error }
            throw CLIError(.forbidden, "you are not an employee SkillPath knows (your login is no employee's); give --employee ID")
        }
        guard let id = me["id"]?.stringValue else { throw CLIError(.failure, "the daemon did not say who you are") }
        return id
    }
}

extension DaemonClient {
    /// Every page of a paged method, following `nextCursor` until it is null. A cursor seen twice would ask
    /// for a page already read: the listing stops with an error rather than looping.
    func allPages<Method: RPCMethod>(_ method: Method.Type, noun: String, _ params: (PageRequest) -> Method.Params) throws(CLIError) -> [JSONValue] {
        try pages(method, noun: noun, limit: nil, params).items
    }

    /// The list's first `limit` items (every one for nil), page by page, with its total where the daemon
    /// counts it and whether more remain.
    func pages<Method: RPCMethod>(
        _ method: Method.Type, noun: String, limit: Int?, _ params: (PageRequest) -> Method.Params
    ) throws(CLIError) -> Listing {
        var listing = Listing(items: [], total: nil, more: false)
        var cursor: String?
        var seen = Set<String>()
        repeat {
            let wanted = limit.map { min(PageRequest.maximumLimit, $0 - listing.items.count) } ?? PageRequest.maximumLimit
            let page = try call(method, params(PageRequest(limit: wanted, cursor: cursor)))
            listing.items += page["items"]?.arrayValue ?? []
            listing.total = page["total"]?.intValue ?? listing.total
            cursor = page["nextCursor"]?.stringValue
            if let next = cursor, !seen.insert(next).inserted {
                throw CLIError(.failure, "skillpathd returned the cursor '\(next)' twice; stopping the listing after \(listing.items.count) \(noun)")
            }
            if let limit, listing.items.count >= limit {
                listing.more = cursor != nil
                break
            }
        } while cursor != nil
        return listing
    }
}

/// `given`, or else the caller's own employee id. (Not `given ?? …`: `??`'s throwing autoclosure would lose
/// the error's type.)
func ownID(_ daemon: DaemonClient, unless given: String?) throws(CLIError) -> String {
    if let given { return given }
    return try daemon.ownEmployeeID()
}
