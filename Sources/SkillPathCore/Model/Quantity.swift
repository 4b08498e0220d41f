public import SkillPathJSON

/// A non-negative-or-not decimal amount with two decimal places: hours and money.
///
/// Fixed point, so that totals are exact (`0.1 + 0.2` hours is `0.3`, not `0.30000000000000004`) and the
/// planner compares integers: plans stay the same byte for byte on every machine. Inputs with more than two
/// decimals are rounded half away from zero (documented in docs/catalog.md).
public struct Quantity: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var hundredths: Int64

    public init(hundredths: Int64) {
        self.hundredths = hundredths
    }

    public init(_ whole: Int) {
        self.hundredths = Int64(whole) * 100
    }

    public static let zero = Quantity(hundredths: 0)

    public static func + (lhs: Quantity, rhs: Quantity) -> Quantity {
        Quantity(hundredths: lhs.hundredths + rhs.hundredths)
    }

    public static func += (lhs: inout Quantity, rhs: Quantity) {
        lhs.hundredths += rhs.hundredths
    }

    public static func - (lhs: Quantity, rhs: Quantity) -> Quantity {
        Quantity(hundredths: lhs.hundredths - rhs.hundredths)
    }

    public static func < (lhs: Quantity, rhs: Quantity) -> Bool {
        lhs.hundredths < rhs.hundredths
    }

    /// The largest magnitude any quantity may have: 10 billion, in hundredths. Far above any real hours or
    /// price, and far enough below `Int64.max` that sums over a whole catalog cannot overflow.
    public static let limit = Quantity(hundredths: 1_000_000_000_000)

    /// Why text is not a quantity.
    public enum ParseError: Error, Sendable, Equatable {
        case notANumber
        /// A number, but larger in magnitude than `Quantity.limit`.
        case outOfRange
    }

    /// Parses a JSON number literal or a plain decimal such as `12`, `7.25` or `1.5e1`, rounded half away from
    /// zero to two decimals. Never traps, whatever the digits or the exponent: `1e-9223372036854775808` is
    /// 0, `1e400` is out of range.
    public static func parse(_ literal: String) -> Result<Quantity, ParseError> {
        var bytes = literal.utf8[...]
        var negative = false
        if bytes.first == UInt8(ascii: "-") {
            negative = true
            bytes = bytes.dropFirst()
        } else if bytes.first == UInt8(ascii: "+") {
            bytes = bytes.dropFirst()
        }
        // Up to 18 significant digits are kept; beyond that only the magnitude matters.
        var mantissa: Int64 = 0
        var exponent = 0
        var sawDigit = false
        var seenPoint = false
        while let byte = bytes.first, byte != UInt8(ascii: "e"), byte != UInt8(ascii: "E") {
            bytes = bytes.dropFirst()
            if byte == UInt8(ascii: ".") {
                if seenPoint { return .failure(.notANumber) }
                seenPoint = true
                continue
            }
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return .failure(.notANumber) }
            sawDigit = true
            if mantissa < 100_000_000_000_000_000 {
                mantissa = mantissa * 10 + Int64(byte - UInt8(ascii: "0"))
                if seenPoint { exponent -= 1 }
            } else if !seenPoint {
                exponent += 1
            }
        }
        guard sawDigit else { return .failure(.notANumber) }
        if !bytes.isEmpty {
            bytes = bytes.dropFirst()
            var exponentNegative = false
            if bytes.first == UInt8(ascii: "-") || bytes.first == UInt8(ascii: "+") {
                exponentNegative = bytes.first == UInt8(ascii: "-")
                bytes = bytes.dropFirst()
            }
            guard !bytes.isEmpty else { return .failure(.notANumber) }
            // Saturates: an exponent beyond a million says "zero" or "too large" as well as the exact one.
            var written = 0
            for byte in bytes {
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return .failure(.notANumber) }
                written = min(written * 10 + Int(byte - UInt8(ascii: "0")), 1_000_000)
            }
            exponent += exponentNegative ? -written : written
        }
        guard mantissa != 0 else { return .success(.zero) }
        // hundredths = mantissa × 10^(exponent + 2), rounded half away from zero.
        var scale = exponent + 2
        var value = mantissa
        while scale > 0 {
            let (product, overflow) = value.multipliedReportingOverflow(by: 10)
            if overflow || product > limit.hundredths { return .failure(.outOfRange) }
            value = product
            scale -= 1
        }
        // The mantissa has at most 18 digits: past 19 dropped digits nothing is left, not even a half.
        if scale < -19 { return .success(.zero) }
        var firstDropped: Int64 = 0
        while scale < 0 {
            firstDropped = value % 10
            value /= 10
            scale += 1
        }
        if firstDropped >= 5 { value += 1 }
        guard value <= limit.hundredths else { return .failure(.outOfRange) }
        return .success(Quantity(hundredths: negative ? -value : value))
    }

    /// `parse`, as an optional: nil for text that is not a number or is out of range.
    public init?(literal: String) {
        guard case .success(let quantity) = Self.parse(literal) else { return nil }
        self = quantity
    }

    /// `12`, `7.5`, `49.99`, `-3.05`: the shortest decimal that is exact.
    public var description: String {
        let sign = hundredths < 0 ? "-" : ""
        let magnitude = hundredths.magnitude
        let whole = magnitude / 100
        let fraction = magnitude % 100
        if fraction == 0 { return "\(sign)\(whole)" }
        if fraction % 10 == 0 { return "\(sign)\(whole).\(fraction / 10)" }
        return "\(sign)\(whole).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    /// Two decimals always, for money in tables: `1240.00`.
    public var fixedTwoDecimals: String {
        let sign = hundredths < 0 ? "-" : ""
        let magnitude = hundredths.magnitude
        let fraction = magnitude % 100
        return "\(sign)\(magnitude / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    public var json: JSONValue { .number(description) }

    public var doubleValue: Double { Double(hundredths) / 100 }
}
