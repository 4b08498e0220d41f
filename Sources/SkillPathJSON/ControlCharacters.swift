/// The control characters no stored text may hold.
///
/// SQLite, C APIs and terminals all treat U+0000 as the end of a string, and the other C0 controls (U+0001 to
/// U+001F) rewrite what a log line or a table shows: an id `"g-0\u0000zzz"` must not be taken for `g-0`, nor a
/// name with an escape sequence repaint someone's terminal. Tab is allowed, since spreadsheets paste it, and
/// prose (a catalog description) may also break lines.
public enum ControlCharacters {
    /// The first forbidden character of `text` and its position (1-based, in characters), or nil when clean.
    public static func first(in text: String, allowingLineBreaks: Bool = false) -> (scalar: Unicode.Scalar, position: Int)? {
        func forbidden(_ byte: UInt8) -> Bool {
            isForbidden(byte) && !(allowingLineBreaks && (byte == 0x0A || byte == 0x0D))
        }
        // The common case, clean text, is one pass over the bytes with no String indexing.
        guard text.utf8.contains(where: forbidden) else { return nil }
        for (offset, character) in text.enumerated() {
            if let scalar = character.unicodeScalars.first(where: { $0.value < 0x80 && forbidden(UInt8($0.value)) }) {
                return (scalar, offset + 1)
            }
        }
        return nil
    }

    /// Why `text` cannot be stored, e.g. `must not contain control characters (U+0000 at character 4)`; nil
    /// when it can.
    public static func complaint(about text: String, allowingLineBreaks: Bool = false) -> String? {
        guard let found = first(in: text, allowingLineBreaks: allowingLineBreaks) else { return nil }
        return "must not contain control characters (\(name(found.scalar)) at character \(found.position))"
    }

    /// `U+0000`: the way the error messages name a character.
    public static func name(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// A C0 control other than tab.
    public static func isForbidden(_ byte: UInt8) -> Bool {
        byte < 0x20 && byte != 0x09
    }
}
