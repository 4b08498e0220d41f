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

    @Test func roundTripsThroughTheParser() throws {
        let text = #"{"id":"x","n":[1.50,-0,3e-2],"s":"é😀\\/","o":{"k":null}}"#
        let value = try JSONParser.parse(text)
        #expect(try JSONParser.parse(JSONWriter.bytes(value, style: .pretty)) == value)
        #expect(JSONWriter.string(value) == #"{"id":"x","n":[1.50,-0,3e-2],"s":"é😀\\/","o":{"k":null}}"#)
    }
}
