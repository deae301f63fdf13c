import CoveoPush
import CoveoPushEmulator
import Foundation
import Testing

/// The emulator reads JSON with its own parser on purpose: a reference must not share the code it judges. These
/// tests hold the two readers to the same verdicts, so a change to either one that the other does not share
/// shows up here.
@Suite("The emulator's JSON reader agrees with the SDK's")
struct EmulatorParserAgreementTests {
    /// Valid texts with every kind of value, escapes, numbers at the edges and nesting.
    static let validJSON = [
        "null", "true", "false", "0", "-0", "1.0", "-1.5e3", "0.1e1", "1E+2", "9223372036854775807",
        "-9223372036854775808", "9223372036854775808", "12345678901234567890", "1e308", "2.5e-3", "\"\"",
        #""é\n\u00e9\ud83d\ude00\/\"\\\b\f\r\t""#, "[]", "{}", " [1, \"x\", {\"a\": [true, null]}] ",
        #"{"documentId": "file://a", "title": "T", "views": 42, "tags": ["a", "b"], "attrs": {"k": "v"}}"#,
        #"{"A": 1, "a": 2}"#, "\"\u{00E9}x\"", "\"\u{1F600}\"", "[" + String(repeating: "1,", count: 200) + "1]",
        String(repeating: "[", count: 256) + String(repeating: "]", count: 256),
    ]

    /// Texts the SDK accepts and the emulator refuses, as the service does: duplicate keys.
    static let duplicateKeys = [#"{"a": 1, "a": 2}"#, #"[{"x": {"b": 1, "b": 1}}]"#]

    /// The corpus: valid texts, the texts the emulator must refuse, and the emulator's fuzz inputs (random bytes,
    /// deep nesting, invalid UTF-8, and JSON pieces glued at random, bare and inside batch files).
    static func corpus() -> [Data] {
        var texts = (validJSON + duplicateKeys + EmulatorFuzzTests.refusedJSON).map { Data($0.utf8) }
        var random = EmulatorFuzzTests.Generator(state: 20_261_203)
        for index in 0..<2_000 {
            if index.isMultiple(of: 4) {
                let entries = (0..<random.below(6)).map { _ in
                    "{" + (0..<random.below(6)).map { _ in random.pick(EmulatorFuzzTests.jsonPieces) }.joined() + "}"
                }
                texts.append(Data(("{\"addOrUpdate\": [" + entries.joined(separator: ",") + "]}").utf8))
            } else {
                texts.append(EmulatorFuzzTests.body(&random))
            }
        }
        return texts
    }

    @Test("same accept or refuse and same values on valid, invalid and fuzzed input")
    func agreement() {
        let sdk = JSONParser(maxDepth: EmulatedJSONParser.maxDepth)
        var accepted = 0
        var refused = 0
        for data in Self.corpus() {
            let text = String(decoding: data, as: UTF8.self)
            let sdkValue = try? sdk.parse(data)
            let emulatorValue = try? EmulatedJSONParser.parse(data)
            switch (sdkValue, emulatorValue) {
            case (let sdkValue?, let emulatorValue?):
                accepted += 1
                #expect(Self.agree(sdkValue, emulatorValue), "\(text)")
            case (let sdkValue?, nil):
                #expect(Self.hasDuplicateKeys(sdkValue), "only the SDK accepts \(text)")
            case (nil, _?):
                Issue.record("only the emulator accepts \(text)")
            case (nil, nil):
                refused += 1
            }
        }
        #expect(accepted >= Self.validJSON.count)
        #expect(refused >= EmulatorFuzzTests.refusedJSON.count)
    }

    @Test("both readers refuse what the emulator answers 400 INVALID_JSON", arguments: EmulatorFuzzTests.refusedJSON)
    func refusals(text: String) {
        #expect(throws: JSONParseError.self) { try JSONParser(maxDepth: EmulatedJSONParser.maxDepth).parse(text) }
        #expect(throws: EmulatedJSONError.self) { try EmulatedJSONParser.parse(Data(text.utf8)) }
    }

    @Test("duplicate keys are kept by the SDK's reader and refused by the emulator's", arguments: duplicateKeys)
    func duplicates(text: String) throws {
        #expect(Self.hasDuplicateKeys(try JSONParser().parse(text)))
        #expect(throws: EmulatedJSONError.self) { try EmulatedJSONParser.parse(Data(text.utf8)) }
    }

    /// Whether two readings hold the same values: numbers read to the same double, and integer literals to the
    /// same `Int64` (the emulator keeps a number's value, not its text).
    static func agree(_ sdk: JSONValue, _ emulator: JSONValue) -> Bool {
        switch (sdk, emulator) {
        case (.number(let left), .number(let right)):
            if left.isIntegerLiteral { return left.int64Value == right.int64Value }
            return left.doubleValue == right.doubleValue
        case (.array(let left), .array(let right)):
            return left.count == right.count && zip(left, right).allSatisfy { agree($0, $1) }
        case (.object(let left), .object(let right)):
            return left.keys == right.keys && zip(left, right).allSatisfy { agree($0.value, $1.value) }
        default:
            return sdk == emulator
        }
    }

    /// Whether some object in the value has a key more than once.
    static func hasDuplicateKeys(_ value: JSONValue) -> Bool {
        switch value {
        case .array(let elements): return elements.contains(where: hasDuplicateKeys)
        case .object(let object):
            return Set(object.keys).count < object.count || object.contains { hasDuplicateKeys($0.value) }
        default: return false
        }
    }
}
