import CoveoPush
import Foundation
import Testing

@Suite("JSONValue, JSONNumber and JSONObject (the public JSON value)")
struct JSONValueTests {
    @Test("objects are equal with their members in any order, and hash alike; order is kept for reading")
    func objectEquality() throws {
        let forward: JSONObject = ["a": 1, "b": ["x", true], "c": .null]
        let backward: JSONObject = ["c": .null, "b": ["x", true], "a": 1]
        #expect(forward == backward)
        #expect(forward.hashValue == backward.hashValue)
        #expect(Set([JSONValue.object(forward), .object(backward)]).count == 1)
        #expect(forward.keys == ["a", "b", "c"])
        #expect(backward.keys == ["c", "b", "a"])
        #expect(forward != ["a": 1, "b": ["x", true]])
        #expect(forward != ["a": 2, "b": ["x", true], "c": .null])
        let repeated = try JSONValue(parsing: #"{"k": 1, "k": 2}"#)
        #expect(repeated == .object(JSONObject([(key: "k", value: 1), (key: "k", value: 2)])))
        #expect(repeated != .object(JSONObject([(key: "k", value: 2), (key: "k", value: 1)])))
        #expect(repeated["k"] == 1)
    }

    @Test("numbers tell integers from other numbers and keep their text; equality is by value")
    func numbers() throws {
        let value = try JSONValue(parsing: #"[7, 7.0, 1.10, 12345678901234567890, -0]"#)
        let elements = try #require(value.arrayValue)
        let numbers = elements.compactMap { $0.numberValue }
        #expect(numbers.map(\.isIntegerLiteral) == [true, false, false, false, false])
        #expect(numbers.map(\.text) == ["7", "7.0", "1.10", "12345678901234567890", "-0"])
        #expect(numbers[0] == numbers[1])
        #expect(value.arrayValue?[0] == .integer(7))
        #expect(value.arrayValue?[2] == .double(1.1))
        #expect(value.jsonText == "[7,7.0,1.10,12345678901234567890,-0]")
        #expect(JSONValue.double(.nan) == .null)
        #expect(JSONValue.double(.infinity) == .null)
    }

    @Test("parsing is strict; the text of a value reads back as the same value")
    func parsingAndText() throws {
        #expect(throws: (any Error).self) { try JSONValue(parsing: "{\"a\": 1,}") }
        #expect(throws: (any Error).self) { try JSONValue(parsing: "[1] [2]") }
        let value: JSONValue = ["id": "https://example.com/a", "tags": ["a", "b"], "views": 3, "ratio": 0.5]
        #expect(value.description == #"{"id":"https://example.com/a","tags":["a","b"],"views":3,"ratio":0.5}"#)
        #expect(try JSONValue(parsing: value.jsonText) == value)
        #expect(value["views"]?.int64Value == 3)
        #expect(value["tags"]?.arrayValue?.compactMap { $0.stringValue } == ["a", "b"])
        #expect(value["missing"] == nil)
    }
}
