import Foundation
import Testing

@testable import CoveoPush

@Suite("JSONParser strictness")
struct JSONParserStrictnessTests {
    static func parse(_ bytes: [UInt8]) -> Result<JSONValue, JSONParseError> {
        Result { () throws(JSONParseError) in try JSONParser().parse(bytes) }
    }

    static func parse(_ text: String) -> Result<JSONValue, JSONParseError> {
        parse(Array(text.utf8))
    }

    @Test(
        "valid JSON is accepted",
        arguments: [
            "null", "true", "false", "0", "-0", "1", "-1", "0.5", "-0.5", "1e5", "1E5", "1e+5", "1e-5", "1.5e-05",
            #""""#, #""a""#, #""\"\\\/\b\f\n\r\t""#, #""\u0041\u00e9\u4E2D""#, #""\uD83D\uDE00""#, #""\u0000""#,
            "[]", "{}", "[1,2,3]", #"{"a":1,"b":[true,false,null]}"#, " \t\r\n[ 1 , 2 ]\n ", "\"é中😀\"",
            #"{"a":{"b":{"c":[[],[{}]]}}}"#, #"{"":""}"#, "[-1.0e-2]",
        ])
    func accepts(_ text: String) throws {
        let value = try Self.parse(text).get()
        // Foundation agrees it is JSON.
        #expect(try JSONSerialization.jsonObject(with: Data(text.utf8), options: .fragmentsAllowed) as Any? != nil)
        _ = value
    }

    @Test(
        "invalid JSON is refused with the right kind of error",
        arguments: [
            ("", JSONParseError.Kind.unexpectedEnd),
            ("   ", .unexpectedEnd),
            ("[1,]", .trailingComma),
            (#"{"a":1,}"#, .trailingComma),
            ("[1,,2]", .unexpectedCharacter),
            ("[,1]", .unexpectedCharacter),
            ("01", .leadingZero),
            ("-01", .leadingZero),
            ("00", .leadingZero),
            ("-", .invalidNumber),
            ("1.", .invalidNumber),
            (".5", .invalidNumber),
            ("1e", .invalidNumber),
            ("1e+", .invalidNumber),
            ("+1", .invalidNumber),
            ("NaN", .invalidNumber),
            ("Infinity", .invalidNumber),
            ("-Infinity", .invalidNumber),
            ("[NaN]", .invalidNumber),
            ("1e400", .numberOutOfRange),
            ("-1e400", .numberOutOfRange),
            ("// c\n1", .unexpectedCharacter),
            ("[1 /* c */]", .unexpectedCharacter),
            ("'a'", .unexpectedCharacter),
            (#"{a:1}"#, .unexpectedCharacter),
            (#"{"a" 1}"#, .unexpectedCharacter),
            (#"{"a":1 "b":2}"#, .unexpectedCharacter),
            ("[1 2]", .unexpectedCharacter),
            ("tru", .unexpectedEnd),
            ("trUe", .unexpectedCharacter),
            ("nul", .unexpectedEnd),
            ("True", .unexpectedCharacter),
            ("1 2", .trailingData),
            ("{} x", .trailingData),
            ("[1]]", .trailingData),
            ("[", .unexpectedEnd),
            ("[1", .unexpectedEnd),
            (#"{"a""#, .unexpectedEnd),
            (#"{"a":"#, .unexpectedEnd),
            (#""abc"#, .unexpectedEnd),
            (#""\"#, .unexpectedEnd),
            (#""\x""#, .invalidEscape),
            (#""\u12""#, .invalidEscape),
            (#""\u12G4""#, .invalidEscape),
            (#""\U0041""#, .invalidEscape),
            (#""\uD800""#, .loneSurrogate),
            (#""\uDC00""#, .loneSurrogate),
            (#""\uD800x""#, .loneSurrogate),
            (#""\uD800\n""#, .loneSurrogate),
            (#""\uD800\u0041""#, .loneSurrogate),
            (#""\uD800\uD800""#, .loneSurrogate),
            ("\"a\tb\"", .controlCharacter),
            ("\"a\nb\"", .controlCharacter),
            ("\"\u{0}\"", .controlCharacter),
            ("\"\u{1F}\"", .controlCharacter),
            ("\u{FEFF}1", .unexpectedCharacter),
            ("\u{A0}1", .unexpectedCharacter),
        ])
    func refuses(_ text: String, kind: JSONParseError.Kind) {
        switch Self.parse(text) {
        case .success(let value):
            Issue.record("\(text.debugDescription) was accepted as \(value)")
        case .failure(let error):
            #expect(error.kind == kind, "\(text.debugDescription): \(error)")
        }
    }

    @Test(
        "invalid UTF-8 is refused: overlong forms, encoded surrogates, beyond U+10FFFF, stray and truncated bytes",
        arguments: [
            [0xC0, 0x80], [0xC1, 0xBF], [0xE0, 0x80, 0x80], [0xE0, 0x9F, 0xBF], [0xF0, 0x80, 0x80, 0x80],
            [0xF0, 0x8F, 0xBF, 0xBF], [0xED, 0xA0, 0x80], [0xED, 0xBF, 0xBF], [0xF4, 0x90, 0x80, 0x80],
            [0xF5, 0x80, 0x80, 0x80], [0xFF], [0xFE], [0x80], [0xBF], [0xC3], [0xE4, 0xB8], [0xF0, 0x9F, 0x98],
            [0xC3, 0x41], [0xE4, 0x41, 0x80], [0xF0, 0x9F, 0x41, 0x80],
        ] as [[UInt8]])
    func refusesInvalidUTF8(_ sequence: [UInt8]) {
        let inString = [0x22] + sequence + [0x22]
        let atEnd = [0x22] + sequence
        for bytes in [inString, atEnd] {
            switch Self.parse(bytes) {
            case .success:
                Issue.record("\(sequence) was accepted")
            case .failure(let error):
                #expect(error.kind == .invalidUTF8 || (bytes == atEnd && error.kind == .unexpectedEnd), "\(error)")
                #expect(error.offset == 1, "\(error)")
            }
        }
    }

    @Test(
        "valid UTF-8 at the edges of each range is accepted",
        arguments: [
            [0xC2, 0x80], [0xDF, 0xBF], [0xE0, 0xA0, 0x80], [0xED, 0x9F, 0xBF], [0xEE, 0x80, 0x80],
            [0xEF, 0xBF, 0xBF], [0xF0, 0x90, 0x80, 0x80], [0xF4, 0x8F, 0xBF, 0xBF], [0x7F],
        ] as [[UInt8]])
    func acceptsValidUTF8(_ sequence: [UInt8]) throws {
        let value = try Self.parse([0x22] + sequence + [0x22]).get()
        #expect(value == .string(String(decoding: sequence, as: UTF8.self)))
    }

    @Test("escapes decode, surrogate pairs combine, and unescaped runs around them are kept")
    func escapesDecode() throws {
        let text = #""a\"b\\c\/d\be\ff\ng\rh\ti\u0041\u00E9\u4e2d\uD83D\uDE00z""#
        #expect(try Self.parse(text).get() == .string("a\"b\\c/d\u{8}e\u{C}f\ng\rh\tiAé中😀z"))
        #expect(try Self.parse(#""\u0000""#).get() == .string("\u{0}"))
        // A long escaped string crosses the word-at-a-time fast path many times.
        let long = String(repeating: "abcdefgh\\n", count: 100)
        #expect(try Self.parse("\"\(long)\"").get() == .string(String(repeating: "abcdefgh\n", count: 100)))
    }

    @Test("duplicate keys are preserved in order, so callers can refuse them")
    func duplicateKeys() throws {
        let value = try Self.parse(#"{"a":1,"b":2,"a":3}"#).get()
        let object = try #require(value.objectValue)
        #expect(object.keys == ["a", "b", "a"])
        #expect(object.hasDuplicateKeys)
        #expect(object.duplicateKeys == ["a"])
        #expect(object["a"] == 1)
        let unique = try #require(try Self.parse(#"{"a":1,"b":2}"#).get().objectValue)
        #expect(!unique.hasDuplicateKeys)
        #expect(unique.duplicateKeys.isEmpty)
        let many = (0..<20).map { "\"k\($0)\":\($0)" }.joined(separator: ",")
        #expect(try #require(try Self.parse("{\(many),\"k7\":0}").get().objectValue).hasDuplicateKeys)
        #expect(try !#require(try Self.parse("{\(many)}").get().objectValue).hasDuplicateKeys)
    }

    @Test("errors carry the byte offset, line and column of the mistake, and a readable description")
    func positions() {
        guard case .failure(let error) = Self.parse("{\n  \"a\": [1, 2,]\n}") else {
            Issue.record("accepted")
            return
        }
        #expect(error.kind == .trailingComma)
        #expect(error.offset == 15)
        #expect(error.line == 2)
        #expect(error.column == 14)
        #expect(error.description.hasPrefix("line 2, column 14: trailingComma: "))
        let relocated = error.relocated(line: 10, column: 5, offset: 100)
        #expect(relocated.line == 11 && relocated.column == 14 && relocated.offset == 115)
        guard case .failure(let firstLine) = Self.parse("[1,]") else { return }
        let moved = firstLine.relocated(line: 3, column: 7)
        #expect(moved.line == 3 && moved.column == firstLine.column + 6)
    }

    @Test("the nesting limit is enforced without recursion: 10,000 brackets give an error, never a crash")
    func deepNesting() throws {
        for (open, close) in [("[", "]"), ("{\"a\":", "}")] {
            let deep = String(repeating: open, count: 10_000) + "1" + String(repeating: close, count: 10_000)
            guard case .failure(let error) = Self.parse(deep) else {
                Issue.record("10,000 levels accepted")
                continue
            }
            #expect(error.kind == .tooDeep)
            let unclosed = String(repeating: open, count: 100_000)
            guard case .failure(let unclosedError) = Self.parse(unclosed) else {
                Issue.record("unclosed accepted")
                continue
            }
            #expect(unclosedError.kind == .tooDeep)
        }
        let atLimit = String(repeating: "[", count: 512) + String(repeating: "]", count: 512)
        #expect(throws: Never.self) { try JSONParser().parse(atLimit) }
        let overLimit = String(repeating: "[", count: 513) + String(repeating: "]", count: 513)
        #expect(throws: JSONParseError.self) { try JSONParser().parse(overLimit) }
        let shallow = JSONParser(maxDepth: 2)
        #expect(throws: Never.self) { try shallow.parse("[[1]]") }
        #expect(throws: JSONParseError.self) { try shallow.parse("[[[1]]]") }
        #expect(throws: JSONParseError.self) { try JSONParser(maxDepth: 0).parse("[]") }
        #expect(try JSONParser(maxDepth: 0).parse("1") == 1)
        // A raised limit still parses iteratively.
        let raised = String(repeating: "[", count: 5_000) + String(repeating: "]", count: 5_000)
        #expect(throws: Never.self) { try JSONParser(maxDepth: 5_000).parse(raised) }
    }

    @Test("every entry point parses the same bytes the same way")
    func entryPoints() throws {
        let text = #"{"a":[1,"x",null]}"#
        let expected: JSONValue = ["a": [1, "x", nil]]
        #expect(try JSONParser().parse(text) == expected)
        #expect(try JSONParser().parse(Array(text.utf8)) == expected)
        #expect(try JSONParser().parse(Data(text.utf8)) == expected)
        let viaPointer = try Array(text.utf8).withUnsafeBytes { buffer in try JSONParser().parse(buffer) }
        #expect(viaPointer == expected)
    }
}
