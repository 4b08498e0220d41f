/// Rows of sparse weights — a role's skills, a role's words — kept with their columns inverted, so that one
/// vector's dot product with every row costs the postings of the vector's own columns, not rows × columns.
/// `RoleRelatedness` and `RoleWording` both compare roles this way.
struct SparseRows: Sendable {
    struct Entry: Sendable {
        var column: Int32
        var weight: Double
    }

    struct Posting: Sendable {
        var row: Int32
        var weight: Double
    }

    /// Each row, as (column, weight) entries.
    let rows: CompactLists<Entry>
    /// For each column, the rows that have it and its weight in each.
    let postings: CompactLists<Posting>

    init(rows: some Sequence<[Entry]>, columns: Int) {
        self.rows = CompactLists(rows)
        var pairs: [(list: Int32, element: Posting)] = []
        for row in 0..<self.rows.count {
            for entry in self.rows[row] { pairs.append((entry.column, Posting(row: Int32(row), weight: entry.weight))) }
        }
        postings = CompactLists(count: columns, pairs: pairs)
    }

    var count: Int { rows.count }

    /// Adds `scale` × (vector · row) to `dots[row]` for every row.
    func addDots(of vector: some Sequence<Entry>, scale: Double = 1, into dots: inout [Double]) {
        for entry in vector {
            for posting in postings[Int(entry.column)] { dots[Int(posting.row)] += scale * entry.weight * posting.weight }
        }
    }
}
