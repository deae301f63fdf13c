import Foundation
import Testing

@testable import CoveoPush

/// Escaped strings of 64 KiB and more are decoded straight into the string's storage; they must read exactly as the
/// short ones, assembled in a scratch buffer, do.
@Suite("JSONTokenizer: long escaped strings")
struct JSONLongStringTests {
    /// A JSON string literal repeating `piece` (JSON text, escapes included) until it is at least `bytes` long.
    static func literal(_ piece: String, bytes: Int) -> String {
        "\"" + String(repeating: piece, count: bytes / piece.utf8.count + 1) + "\""
    }

    static let pieces = [
        #"plain text \"quoted\" a\\b\/c\n\t\r\b\f "#, #"\u00e9\u4E2D\uD83D\uDE00 é中😀 "#, #"\u0000\u001f\u0041 "#,
    ]

    @Test("a long escaped string decodes as the same text repeated short", arguments: pieces)
    func sameAsShort(_ piece: String) throws {
        let short = try #require(try JSONParser().parse("\"" + piece + "\"").stringValue)
        let long = Self.literal(piece, bytes: JSONTokenizer.directDecodingBytes + 1_000)
        let repeats = (long.utf8.count - 2) / piece.utf8.count
        let decoded = try #require(try JSONParser().parse(long).stringValue)
        #expect(decoded == String(repeating: short, count: repeats))
        // Foundation reads it the same way.
        let foundation = try JSONSerialization.jsonObject(with: Data(long.utf8), options: .fragmentsAllowed)
        #expect(foundation as? String == decoded)
        // Inside an item, next to other keys.
        let item = try JSONParser().parse("{\"a\":" + long + ",\"b\":\"\\n\"}")
        #expect(item["a"]?.stringValue == decoded)
        #expect(item["b"]?.stringValue == "\n")
    }

    @Test(
        "a mistake in a long escaped string is the same error as in a short one",
        arguments: [#"\x"#, #"\u12g"#, #"\uD800x"#, #"\uDC00"#, "\u{01}", #"\u00"# + "\"", #"\"#])
    func sameErrors(_ mistake: String) {
        let filler = String(repeating: #"ab\ncd"#, count: JSONTokenizer.directDecodingBytes / 6 + 10)
        let long = "\"" + filler + mistake + filler + "\""
        let shortFiller = #"ab\ncd"#
        let short = "\"" + shortFiller + mistake + shortFiller + "\""
        let longError = Result { () throws(JSONParseError) in try JSONParser().parse(long) }
        let shortError = Result { () throws(JSONParseError) in try JSONParser().parse(short) }
        guard case .failure(let longFailure) = longError, case .failure(let shortFailure) = shortError else {
            Issue.record("both must fail: \(mistake)")
            return
        }
        #expect(longFailure.kind == shortFailure.kind, "\(longFailure) vs \(shortFailure)")
        #expect(longFailure.offset - filler.utf8.count == shortFailure.offset - shortFiller.utf8.count)
    }

    @Test("an unterminated long escaped string is reported as such")
    func unterminated() {
        let long = "\"" + String(repeating: #"ab\ncd"#, count: JSONTokenizer.directDecodingBytes / 6 + 10)
        let result = Result { () throws(JSONParseError) in try JSONParser().parse(long) }
        guard case .failure(let failure) = result else {
            Issue.record("must fail")
            return
        }
        #expect(failure.kind == .unexpectedEnd)
    }
}
