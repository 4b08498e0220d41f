import Foundation

/// Employee ids are compared byte for byte by SQLite and by Unicode canonical equivalence by Swift's `==`:
/// "José" written with é and with e + U+0301 is one id to the daemon's code and two to the database, so a
/// batch or a report could join two people the database keeps apart. Ids are taken only in the composed form
/// (NFC, what keyboards and most systems produce), so that no two stored ids differ only in their encoding.
enum EmployeeIDForm {
    /// Why `id` cannot name an employee, or nil when it is composed.
    static func problem(_ id: String) -> String? {
        // ASCII is always composed: most ids are, and a batch of 100,000 rows checks each one.
        guard !id.utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
        let composed = id.precomposedStringWithCanonicalMapping
        guard !composed.unicodeScalars.elementsEqual(id.unicodeScalars) else { return nil }
        return "'\(escaped(id))' is not in composed Unicode form (NFC): send '\(escaped(composed))', each accented letter as one character"
    }

    /// The text with every non-ASCII character as `\u{…}`, since both forms print alike.
    private static func escaped(_ text: String) -> String {
        text.unicodeScalars.map { $0.isASCII ? String($0) : "\\u{\(String($0.value, radix: 16, uppercase: true))}" }.joined()
    }
}
