import Foundation

/// Where a `CSVRecordReader` gets its bytes: a buffer already in memory, or a file read a block at a time,
/// so that a 100 MB HRIS export is never held whole.
public protocol CSVByteSource {
    /// The next bytes, at most `limit` of them; empty at the end.
    mutating func read(_ limit: Int) throws(CSVError) -> ArraySlice<UInt8>
    /// Continues reading at `offset` bytes from the start.
    mutating func seek(to offset: Int) throws(CSVError)
}

/// Bytes in memory.
public struct CSVMemorySource: CSVByteSource {
    private let bytes: [UInt8]
    private var position = 0

    public init(_ bytes: [UInt8]) { self.bytes = bytes }

    public mutating func read(_ limit: Int) -> ArraySlice<UInt8> {
        let end = min(bytes.count, position + limit)
        defer { position = end }
        return bytes[position..<end]
    }

    public mutating func seek(to offset: Int) { position = min(max(0, offset), bytes.count) }
}

/// A file, read in blocks of 256 KiB.
public final class CSVFileSource: CSVByteSource {
    public let path: String
    private let handle: FileHandle

    /// Opens `path`; a missing or unreadable file is an error naming it and the system's reason.
    public init(path: String) throws(CSVError) {
        self.path = path
        guard let handle = FileHandle(forReadingAtPath: path) else {
            let reason = String(cString: strerror(errno))
            throw CSVError(file: path, line: 0, column: nil, message: "cannot open the file: \(reason)")
        }
        self.handle = handle
    }

    /// Reads an open file (a copy of standard input, say) under the name `path`, from its start, and closes
    /// it when done.
    public init(descriptor: Int32, name path: String) {
        self.path = path
        self.handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
    }

    deinit { try? handle.close() }

    public func read(_ limit: Int) throws(CSVError) -> ArraySlice<UInt8> {
        do {
            return ArraySlice(try handle.read(upToCount: max(limit, 262_144)) ?? Data())
        } catch {
            throw CSVError(file: path, line: 0, column: nil, message: "cannot read the file: \(error.localizedDescription)")
        }
    }

    public func seek(to offset: Int) throws(CSVError) {
        do {
            try handle.seek(toOffset: UInt64(max(0, offset)))
        } catch {
            throw CSVError(file: path, line: 0, column: nil, message: "cannot seek in the file: \(error.localizedDescription)")
        }
    }
}
