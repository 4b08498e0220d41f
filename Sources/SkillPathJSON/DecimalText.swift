/// Integers as decimal text, written straight into the string's storage.
///
/// `String(Int)` goes through the standard library's general radix conversion, which showed up at 6% of the
/// daemon's time on `system.health` (every count in a reply is an integer). This is the plain digit loop.
enum DecimalText {
    static func string(_ value: Int) -> String {
        if value >= 0, value < 10 { return String(UnicodeScalar(UInt8(48 + value))) }
        // 20 digits hold any Int64 magnitude, plus one for the sign.
        return String(unsafeUninitializedCapacity: 21) { buffer in
            var magnitude = value.magnitude
            var end = 21
            var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
            return withUnsafeMutableBytes(of: &digits) { scratch in
                repeat {
                    end -= 1
                    scratch[end] = UInt8(48 + magnitude % 10)
                    magnitude /= 10
                } while magnitude > 0
                if value < 0 {
                    end -= 1
                    scratch[end] = UInt8(ascii: "-")
                }
                let count = 21 - end
                for index in 0..<count { buffer[index] = scratch[end + index] }
                return count
            }
        }
    }
}
