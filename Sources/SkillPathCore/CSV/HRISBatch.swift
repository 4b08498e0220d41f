/// The upsert rows gathered for one message: at most `maximumRows` rows and `byteBudget` bytes (a single
/// larger row goes alone). skills.csv lines of one employee within the batch share a row.
struct HRISBatch {
    let byteBudget: Int
    let maximumRows: Int
    private var rows: [HRISExport.Row] = []
    private var rowOf: [String: Int] = [:]
    private var bytes = 0

    init(byteBudget: Int, maximumRows: Int) {
        self.byteBudget = byteBudget
        self.maximumRows = maximumRows
    }

    var isEmpty: Bool { rows.isEmpty }

    func holds(_ employee: String) -> Bool { rowOf[employee] != nil }

    /// Whether adding `size` more bytes (or another row) would overflow a batch that already has rows.
    func isFull(adding size: Int) -> Bool {
        !rows.isEmpty && (size > byteBudget - bytes || rows.count >= maximumRows)
    }

    mutating func add(_ row: HRISExport.Row, bytes size: Int) {
        rows.append(row)
        bytes += size
    }

    /// A skills.csv line: added to its employee's row in this batch, or to a new one.
    mutating func add(_ level: SkillLevel, of employee: String, line: Int, bytes size: Int) {
        let index = rowOf[employee] ?? rows.count
        if index == rows.count {
            rowOf[employee] = index
            rows.append(HRISExport.Row(input: EmployeeInput(id: employee, name: nil, role: nil), line: nil, skillLines: []))
        }
        if rows[index].input.skills == nil { rows[index].input.skills = [] }
        rows[index].input.skills?.append(level)
        rows[index].skillLines.append(line)
        bytes += size
    }

    /// The rows, leaving the batch empty.
    mutating func take() -> [HRISExport.Row] {
        defer {
            rows = []
            rowOf = [:]
            bytes = 0
        }
        return rows
    }
}
