import Foundation

/// Standard input, read whole.
enum FileHandleInput {
    static func readAll() -> [UInt8] {
        [UInt8](FileHandle.standardInput.readDataToEndOfFile())
    }
}
