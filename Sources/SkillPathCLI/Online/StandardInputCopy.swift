import Foundation
import Glibc
import SkillPathCore

/// Standard input as a file an import can read more than once (it reads its file three times): copied, a
/// block at a time, to an unnamed temporary file that goes away when the import ends.
enum StandardInputCopy {
    static func source() throws(CSVError) -> CSVFileSource {
        var template = Array("\(NSTemporaryDirectory())/skillpath-stdin-XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { buffer in buffer.baseAddress.map { mkstemp($0) } ?? -1 }
        guard descriptor >= 0 else { throw failure("cannot create a temporary copy of standard input") }
        // Unlinked at once: the open descriptor keeps the copy until the import closes it.
        template.withUnsafeBufferPointer { buffer in _ = buffer.baseAddress.map { unlink($0) } }
        let copy = FileHandle(fileDescriptor: descriptor, closeOnDealloc: false)
        do {
            while let block = try FileHandle.standardInput.read(upToCount: 1 << 20), !block.isEmpty { try copy.write(contentsOf: block) }
            try copy.seek(toOffset: 0)
        } catch {
            close(descriptor)
            throw CSVError(file: "stdin", line: 0, column: nil, message: "cannot copy standard input: \(error.localizedDescription)")
        }
        return CSVFileSource(descriptor: descriptor, name: "stdin")
    }

    private static func failure(_ message: String) -> CSVError {
        CSVError(file: "stdin", line: 0, column: nil, message: "\(message): \(String(cString: strerror(errno)))")
    }
}
