@testable import SkillPathCore
import Testing

@Suite struct ValueTypeTests {
    @Test(arguments: [
        ("12", 1200), ("7.5", 750), ("49.99", 4999), ("0.125", 13), ("0.124", 12), ("1.5e1", 1500), ("-3.05", -305),
        ("2E-2", 2), ("100000000000000000000", nil), ("abc", nil), ("1.2.3", nil),
        // Extreme exponents and digit runs never trap: tiny values round to 0, huge ones are out of range.
        ("1e-9223372036854775808", 0), ("-1e-9223372036854775808", 0), ("1e9223372036854775807", nil), ("1e400", nil),
        ("9223372036854775807", nil), ("92233720368547758.07", nil), ("0.005", 1), ("0.0049999999999999999999", 0),
        ("0." + String(repeating: "0", count: 5000) + "1", 0), ("1" + String(repeating: "0", count: 5000), nil),
        ("1e", nil), ("1e+", nil), ("-", nil), ("", nil), ("1e5x", nil), ("10000000000", 1_000_000_000_000), ("10000000000.01", nil),
    ] as [(String, Int64?)])
    func quantitiesParseExactlyAndRoundHalfAwayFromZero(literal: String, hundredths: Int64?) {
        #expect(Quantity(literal: literal)?.hundredths == hundredths)
    }

    @Test func outOfRangeIsToldApartFromNotANumber() {
        #expect(Quantity.parse("1e400") == .failure(.outOfRange))
        #expect(Quantity.parse("1e-400") == .success(.zero))
        #expect(Quantity.parse("1e4x") == .failure(.notANumber))
    }

    @Test func quantitiesPrintTheShortestExactDecimal() {
        #expect(Quantity(hundredths: 1200).description == "12")
        #expect(Quantity(hundredths: 750).description == "7.5")
        #expect(Quantity(hundredths: 705).description == "7.05")
        #expect(Quantity(hundredths: -305).description == "-3.05")
        #expect(Quantity(hundredths: 124_000).fixedTwoDecimals == "1240.00")
        #expect((Quantity(hundredths: 10) + Quantity(hundredths: 20)).description == "0.3")
    }

    @Test func calendarDatesParseFormatAndCount() {
        #expect(CalendarDate(iso: "2024-02-29")?.adding(days: 1).description == "2024-03-01")
        #expect(CalendarDate(iso: "2023-02-29") == nil)
        #expect(CalendarDate(iso: "2027-1-04") == nil)
        #expect(CalendarDate(iso: "1970-01-01")?.daysSinceEpoch == 0)
        #expect(CalendarDate(iso: "2000-03-01")!.daysSinceEpoch - CalendarDate(iso: "2000-02-28")!.daysSinceEpoch == 2)
        #expect(CalendarDate(daysSinceEpoch: 20_000).description == "2024-10-04")
    }

    @Test func sha256MatchesTheStandardVectors() {
        #expect(SHA256.hex([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
            == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        var streamed = SHA256()
        for _ in 0..<1000 { streamed.update(Array(repeating: UInt8(ascii: "a"), count: 1000)) }
        #expect(streamed.finalize() == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test func suggestionsFindLikelyTypos() {
        #expect(Text.suggestion(for: "pyhton", among: ["python", "sql"]) == "python")
        #expect(Text.suggestion(for: "kubernetes", among: ["python", "sql"]) == nil)
    }
}
