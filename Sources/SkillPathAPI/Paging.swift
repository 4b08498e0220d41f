import SkillPathJSON

/// Cursor paging over id-sorted lists: `{limit?, cursor?}` in, `{items, total, nextCursor}` out.
///
/// The cursor is the last id of the previous page, so paging stays correct when a catalog reload adds or
/// removes items between pages (nothing is skipped or repeated that was there all along).
enum Paging {
    static let defaultLimit = 50
    static let maximumLimit = 1000

    static let parameters = [
        MethodDefinition.Parameter("limit", Schema.integer(minimum: 1, maximum: maximumLimit), "items per page (default \(defaultLimit))"),
        MethodDefinition.Parameter("cursor", Schema.string, "the nextCursor of the previous page"),
    ]

    struct Request {
        var limit: Int
        var cursor: String?
    }

    static func read(_ params: JSONField) throws -> Request {
        Request(
            limit: try params.optional("limit")?.int(in: 1...maximumLimit) ?? defaultLimit,
            cursor: try params.optional("cursor")?.string())
    }

    /// One page of `items` (already filtered and sorted by id).
    static func page<Item>(_ items: [Item], request: Request, id: (Item) -> String, json: (Item) -> JSONValue) -> JSONValue {
        var start = 0
        if let cursor = request.cursor {
            // First item whose id sorts after the cursor (binary search: ids are in byte order).
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
        let end = min(start + request.limit, items.count)
        let slice = items[start..<end]
        return .object([
            ("items", .array(slice.map(json))),
            ("total", .int(items.count)),
            ("nextCursor", end < items.count ? .string(id(items[end - 1])) : .null),
        ])
    }
}
