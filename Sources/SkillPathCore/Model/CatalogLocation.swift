/// Where an item was defined: the catalog file (relative to the catalog directory) and the line its object
/// starts on. Every catalog message points here so an author can jump to the spot.
public struct CatalogLocation: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int

    public init(file: String, line: Int) {
        self.file = file
        self.line = line
    }

    public var description: String { line > 0 ? "\(file):\(line)" : file }
}
