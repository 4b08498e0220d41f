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

    /// Parses a JSON number literal or a plain decimal such as `12`, `7.25` or `1.5e1`.
    /// Returns nil for text that is not a number or is too large to hold.
    public init?(literal: String) {
        var mantissa: Int64 = 0
        var exponent = 0
        var negative = false
        var sawDigit = false
        var seenPoint = false
        var bytes = literal.utf8[...]
        if bytes.first == UInt8(ascii: "-") {
            negative = true
            bytes = bytes.dropFirst()
        } else if bytes.first == UInt8(ascii: "+") {
            bytes = bytes.dropFirst()
        }
        while let byte = bytes.first, byte != UInt8(ascii: "e"), byte != UInt8(ascii: "E") {
            bytes = bytes.dropFirst()
            if byte == UInt8(ascii: ".") {
                if seenPoint { return nil }
                seenPoint = true
                continue
            }
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            sawDigit = true
            let digit = Int64(byte - UInt8(ascii: "0"))
            if mantissa < 100_000_000_000_000_000 {
                mantissa = mantissa * 10 + digit
                if seenPoint { exponent -= 1 }
            } else {
                // Beyond 18 significant digits only the magnitude matters.
                if !seenPoint { exponent += 1 }
            }
        }
        guard sawDigit else { return nil }
        if let marker = bytes.first, marker == UInt8(ascii: "e") || marker == UInt8(ascii: "E") {
            guard let value = Int(String(decoding: bytes.dropFirst(), as: UTF8.self)), abs(value) < 1000 else { return nil }
            exponent += value
        }
        // hundredths = mantissa × 10^(exponent + 2), rounded half away from zero.
        var scale = exponent + 2
        var value = mantissa
        while scale > 0 {
            let (product, overflow) = value.multipliedReportingOverflow(by: 10)
            if overflow { return nil }
            value = product
            scale -= 1
        }
        // Rounding half away from zero depends only on the most significant dropped digit.
        var firstDropped: Int64 = 0
        while scale < 0 {
            firstDropped = value % 10
            value /= 10
            scale += 1
        }
        if firstDropped >= 5 { value += 1 }
        self.hundredths = negative ? -value : value
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
