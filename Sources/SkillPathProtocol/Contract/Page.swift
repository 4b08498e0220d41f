public import SkillPathCore
public import SkillPathJSON

/// `{limit?, cursor?}`: the paging parameters every list takes.
///
/// The cursor is what the previous page's `nextCursor` said (the last id of that page, for id-sorted
/// lists), so paging stays correct when items are added or removed between pages: nothing that was there
/// all along is skipped or repeated.
public struct PageRequest: Sendable, Equatable {
    public static let defaultLimit = 50
    public static let maximumLimit = 1000

    public static let parameters = [
        MethodDescription.Parameter("limit", Schema.integer(minimum: 1, maximum: maximumLimit), "items per page (default \(defaultLimit))"),
        MethodDescription.Parameter("cursor", Schema.string, "the nextCursor of the previous page"),
    ]

    /// Items per page; nil for the default.
    public var limit: Int?
    public var cursor: String?

    public init(limit: Int? = nil, cursor: String? = nil) {
        self.limit = limit
        self.cursor = cursor
    }

    public init(json params: JSONField) throws(JSONFieldError) {
        limit = try params.optional("limit")?.int(in: 1...Self.maximumLimit)
        cursor = try params.optional("cursor")?.string()
    }

    public var resolvedLimit: Int { limit ?? Self.defaultLimit }

    /// The members to add to a list's params object.
    public var members: [(String, JSONValue?)] {
        [("limit", limit.map(JSONValue.int)), ("cursor", cursor.map(JSONValue.string))]
    }

    /// The cursor read as a positive number (an entry id): lists ordered by number say so in their cursors.
    public func numericCursor() throws(JSONFieldError) -> Int64? {
        guard let cursor else { return nil }
        guard let id = Int64(cursor), id > 0 else {
            throw JSONFieldError(path: "cursor", message: "is not a cursor this method gave (a positive id), got \"\(cursor)\"")
        }
        return id
    }
}

extension PageRequest {
    /// A `DATE:ID` cursor (the last item of the previous page of a list by date, then id), or nil for none.
    public func dateCursor() throws(JSONFieldError) -> MoveCursor? {
        guard let cursor else { return nil }
        guard let parsed = MoveCursor(cursor) else {
            throw JSONFieldError(path: "cursor", message: "is not a cursor this method gave (expected DATE:ID), got \"\(cursor)\"")
        }
        return parsed
    }
}

/// `{items, total?, nextCursor}`: one page of a list; `nextCursor` is null on the last page.
public struct Page<Item: RPCResult>: RPCResult {
    public var items: [Item]
    /// How many items the whole list holds, where the list counts them.
    public var total: Int?
    public var nextCursor: String?

    public init(items: [Item], total: Int?, nextCursor: String?) {
        self.items = items
        self.total = total
        self.nextCursor = nextCursor
    }

    /// The page of `items` (already filtered and sorted by id, in byte order) after `request.cursor`.
    public init(slicing items: [Item], request: PageRequest, id: (Item) -> String) {
        var start = 0
        if let cursor = request.cursor {
            // The first item whose id sorts after the cursor (a binary search: the ids are in byte order).
            var low = 0
            var high = items.count
            while low < high {
                let middle = (low + high) / 2
                if id(items[middle]).utf8.lexicographicallyPrecedes(cursor.utf8) || id(items[middle]) == cursor {
                    low = middle + 1
                } else {
                    high = middle
                }
            }
            start = low
        }
        let end = min(start + request.resolvedLimit, items.count)
        self.init(items: Array(items[start..<end]), total: items.count, nextCursor: end < items.count ? id(items[end - 1]) : nil)
    }

    public var json: JSONValue {
        .object([
            ("items", .array(items.map(\.json))), ("total", total.map(JSONValue.int)),
            ("nextCursor", nextCursor.map(JSONValue.string) ?? .null),
        ])
    }
}
