import Foundation
import Testing

@testable import CoveoPush

/// A small deterministic generator (SplitMix64), so random round trips fail the same way every time.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}

@Suite("Percent-encoding of request URLs")
struct RequestEncodingTests {
    /// Characters that break naive encoders, plus BMP and non-BMP text and combining marks.
    static let pool: [Character] = Array(
        "aZ09-._~ &#+=/?%:;@!$'()*,[]{}|\\^`\"<>\t\r\n"
            + "éü日本語\u{301}\u{200B}\u{FEFF}😀🎉𝄞👩‍👩‍👧‍👦🇨🇦\u{10FFFD}")

    static func randomString(using generator: inout SeededGenerator, maxLength: Int = 24) -> String {
        let length = Int.random(in: 0...maxLength, using: &generator)
        return String((0..<length).map { _ in pool[Int.random(in: 0..<pool.count, using: &generator)] })
    }

    /// The query of a URL as decoded (name, value) pairs, split on the raw `&` and `=`.
    static func decodedQuery(_ url: URL) throws -> [(String, String)] {
        let text = url.absoluteString
        let query = try #require(text.split(separator: "?", maxSplits: 1).dropFirst().first)
        return try query.split(separator: "&").map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            return try (
                #require(PercentEncoding.decode(String(parts[0]))),
                #require(PercentEncoding.decode(String(parts[1])))
            )
        }
    }

    @Test("only unreserved characters are left as they are")
    func unreserved() {
        #expect(PercentEncoding.encode("AZaz09-._~") == "AZaz09-._~")
        #expect(PercentEncoding.encode("a b&c=d+e/f?g#h%i") == "a%20b%26c%3Dd%2Be%2Ff%3Fg%23h%25i")
        #expect(PercentEncoding.encode("é😀") == "%C3%A9%F0%9F%98%80")
        #expect(PercentEncoding.encode("") == "")
    }

    @Test("decoding refuses malformed escapes and invalid UTF-8, and never reads + as a space")
    func decoding() {
        #expect(PercentEncoding.decode("a%2Bb+c") == "a+b+c")
        #expect(PercentEncoding.decode("%c3%a9") == "é")
        #expect(PercentEncoding.decode("%") == nil)
        #expect(PercentEncoding.decode("%2") == nil)
        #expect(PercentEncoding.decode("%zz") == nil)
        #expect(PercentEncoding.decode("%FF") == nil)
        #expect(PercentEncoding.decode("%C3") == nil)
    }

    @Test(
        "seeded random strings, non-BMP included, survive encoding and decoding", arguments: [1, 2, 3, 42] as [UInt64])
    func randomRoundTrip(seed: UInt64) throws {
        var generator = SeededGenerator(seed: seed)
        for _ in 0..<300 {
            let text = Self.randomString(using: &generator)
            let encoded = PercentEncoding.encode(text)
            #expect(encoded.utf8.allSatisfy { PercentEncoding.isUnreserved($0) || $0 == UInt8(ascii: "%") })
            #expect(PercentEncoding.decode(encoded) == text)
        }
    }

    @Test(
        "document IDs with reserved and non-ASCII characters round-trip through the built query",
        arguments: [
            "https://example.com/a?b=1&c=2#frag", "file:///share/a+b c%20d.txt", "https://example.com/é/日本/😀",
            "https://x/100%", "https://x/a=b&documentId=evil", "https://x/?q=a+b&r=%2B", "https://x/𝄞🇨🇦",
        ])
    func documentIdRoundTrip(documentId: String) throws {
        let delete = try DeleteDocumentRequest(organizationId: "o", sourceId: "s", documentId: documentId)
        let deleteURL = try Fixtures.build(delete).head.url
        let document = Document(documentId: documentId, permanentId: "p", content: .text("x"))
        let push = try AddOrUpdateDocumentRequest(organizationId: "o", sourceId: "s", document: document)
        let pushURL = try Fixtures.build(push).head.url
        for url in [deleteURL, pushURL] {
            let query = try Self.decodedQuery(url)
            #expect(query.first?.0 == "documentId")
            #expect(query.first?.1 == documentId)
            let components = try #require(URLComponents(url: url, resolvingAgainstBaseURL: false))
            #expect(components.queryItems?.first { $0.name == "documentId" }?.value == documentId)
        }
        #expect(try Self.decodedQuery(deleteURL).map(\.0) == ["documentId", "deleteChildren"])
    }

    @Test("seeded random IDs round-trip through paths and queries", arguments: [7, 99] as [UInt64])
    func randomIDsThroughBuilder(seed: UInt64) throws {
        var generator = SeededGenerator(seed: seed)
        for _ in 0..<100 {
            // Document IDs may not hold control characters (the model refuses them); stream IDs may.
            let documentId = "https://x/" + Self.randomString(using: &generator).filter { !$0.isNewline && $0 != "\t" }
            var streamId = Self.randomString(using: &generator, maxLength: 12)
            if streamId.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { streamId = "s" + streamId }
            let delete = try DeleteDocumentRequest(organizationId: "o", sourceId: "s", documentId: documentId)
            #expect(try Self.decodedQuery(Fixtures.build(delete).head.url).first?.1 == documentId)

            let chunk = try GetStreamChunkRequest(organizationId: "o", sourceId: "s", streamId: streamId)
            let url = try Fixtures.build(chunk).head.url.absoluteString
            let prefix = Fixtures.base + "/organizations/o/sources/s/stream/"
            #expect(url.hasPrefix(prefix) && url.hasSuffix("/chunk"))
            let segment = url.dropFirst(prefix.count).dropLast("/chunk".count)
            #expect(!segment.contains("/"))
            #expect(PercentEncoding.decode(String(segment)) == streamId)
        }
    }
}
