/// Union-find over a question's targets: which of them the relevance walk found to share a course or a skill.
struct TargetUnion {
    private var parent: [Int]

    init(count: Int) {
        parent = Array(0..<count)
    }

    mutating func root(_ target: Int) -> Int {
        var node = target
        while parent[node] != node {
            parent[node] = parent[parent[node]]
            node = parent[node]
        }
        return node
    }

    /// Joins two targets' sets; the smaller root leads, so groups follow their first target.
    mutating func join(_ a: Int, _ b: Int) {
        let (x, y) = (root(a), root(b))
        if x != y { parent[max(x, y)] = min(x, y) }
    }
}
