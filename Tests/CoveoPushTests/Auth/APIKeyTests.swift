import Foundation
import Testing

@testable import CoveoPush

@Suite("APIKey")
struct APIKeyTests {
    static let secret = "xx1234abcd-5678-90ef-secret-value"

    @Test("printing, interpolating, reflecting, dumping and mirroring never show the value")
    func redacted() throws {
        let key = try APIKey(Self.secret)
        var dumped = ""
        dump(key, to: &dumped)
        let mirrorText = Mirror(reflecting: key).children.map { "\($0.label ?? ""):\($0.value)" }.joined()
        let shown = [
            String(describing: key), String(reflecting: key), "\(key)", dumped, mirrorText, key.description,
            key.debugDescription, String(describing: [key]), String(describing: Optional(key)),
        ]
        for text in shown {
            #expect(!text.contains(Self.secret))
            #expect(!text.contains("secret"))
        }
        #expect(String(describing: key) == "APIKey(<redacted>)")
        #expect(Mirror(reflecting: key).children.isEmpty)
        #expect(key.revealedValueForAuthorizationHeader == Self.secret)
    }

    @Test(
        "empty or whitespace-only keys are refused as empty identifiers",
        arguments: ["", " ", "\t", "\n", " \r\n "])
    func empty(value: String) {
        let error = #expect(throws: ValidationError.self) { try APIKey(value) }
        #expect(error?.rule == .emptyIdentifier)
    }

    @Test(
        "keys with line breaks, control characters, spaces or non-ASCII are refused without showing the value",
        arguments: [
            "secret\n", "secret\r\nX-Injected: 1", "sec\u{0}ret", "sec\u{7F}ret", "sec ret", "sec\tret", " secret",
            "secrét", "secret\u{2028}",
        ])
    func unsafe(value: String) {
        let error = #expect(throws: ValidationError.self) { try APIKey(value) }
        #expect(error?.rule == .invalidAPIKey)
        #expect(error.map { !$0.description.contains("secret") } == true)
    }

    @Test("literal keys are accepted as written and checked when a request is built")
    func literal() throws {
        let good: APIKey = "xx-literal"
        #expect(good.revealedValueForAuthorizationHeader == "xx-literal")
        let bad: APIKey = "xx-bad\nX-Injected: 1"
        let request = try SetSourceStatusRequest(organizationId: "o", sourceId: "s", status: .idle)
        let builder = RequestBuilder(endpoint: .production)
        #expect(throws: Never.self) { try builder.build(request, token: good) }
        let error = #expect(throws: ValidationError.self) { try builder.build(request, token: bad) }
        #expect(error?.rule == .invalidAPIKey)
        let empty: APIKey = ""
        let emptyError = #expect(throws: ValidationError.self) { try builder.build(request, token: empty) }
        #expect(emptyError?.rule == .emptyIdentifier)
    }

    @Test("keys compare by value")
    func equality() throws {
        let (one, two) = ("a1", "a2")
        #expect(try APIKey(one) == APIKey(one))
        #expect(try APIKey(one) != APIKey(two))
    }
}
