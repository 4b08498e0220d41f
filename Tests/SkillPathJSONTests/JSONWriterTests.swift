import Testing
import SkillPathJSON

@Suite struct JSONWriterTests {
    @Test func writesCompactOneLineJSONWithEscapes() {
        let value: JSONValue = .object([("b", .string("line\nbreak \"q\" \u{1}")), ("a", .array([1, true, nil]))])
        #expect(JSONWriter.string(value) == #"{"b":"line\nbreak \"q\" \u0001","a":[1,true,null]}"#)
    }

    @Test func writesPrettyOutputWithTwoSpaceIndent() {
        let value: JSONValue = .object([("a", .array([1, 2])), ("e", .array([])), ("o", .object([]))])
        #expect(JSONWriter.string(value, style: .pretty) == "{\n  \"a\": [\n    1,\n    2\n  ],\n  \"e\": [],\n  \"o\": {}\n}")
    }

    @Test func integersAreWrittenAsSwiftSpellsThem() {
        var generator = SystemRandomNumberGenerator()
        let edges = [0, 1, 9, 10, 11, 99, 100, -1, -9, -10, -100, Int.max, Int.min, Int.max - 1, Int.min + 1]
        let random = (0..<2_000).map { _ in Int.random(in: Int.min...Int.max, using: &generator) >> Int.random(in: 0..<64, using: &generator) }
        for value in edges + random {
            #expect(JSONValue.int(value) == .number(String(value)), "\(value)")
        }
        #expect(JSONValue.int(UInt64.max) == .number("18446744073709551615"))
        #expect(JSONValue.int(Int8(-128)) == .number("-128"))
    }

    @Test func aRepeatedKeyIsFoundInSmallAndLargeObjects() {
        for size in [2, 5, 12, 13, 40] {
            let keys = (0..<size).map { "k\($0)" }
            let unique = JSONValue.object(keys.map { ($0, JSONValue.int(1)) })
            #expect(unique.firstDuplicateKey == nil, "\(size) members")
            for repeated in [1, size - 1] {
                var members = keys.map { ($0, JSONValue?.some(.int(1))) }
                members.append((keys[repeated], .int(2)))
                members.append((keys[0], .int(3)))
                let value = JSONValue.object([("outer", .object(members))])
                #expect(value.firstDuplicateKey?.key == keys[repeated], "\(size) members, key \(repeated) twice")
                #expect(value.firstDuplicateKey?.path == "outer")
            }
        }
    }

    @Test func roundTripsThroughTheParser() throws {
        let text = #"{"id":"x","n":[1.50,-0,3e-2],"s":"é😀\\/","o":{"k":null}}"#
        let value = try JSONParser.parse(text)
        #expect(try JSONParser.parse(JSONWriter.bytes(value, style: .pretty)) == value)
        #expect(JSONWriter.string(value) == #"{"id":"x","n":[1.50,-0,3e-2],"s":"é😀\\/","o":{"k":null}}"#)
    }
}
