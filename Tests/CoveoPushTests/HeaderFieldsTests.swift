import Testing

@testable import CoveoPush

@Suite("HeaderFields")
struct HeaderFieldsTests {
    @Test("lookup ignores case and setting replaces in place")
    func caseInsensitive() {
        var headers: HeaderFields = ["Content-Type": "application/json", "Accept": "application/json"]
        #expect(headers["content-type"] == "application/json")
        headers["CONTENT-TYPE"] = "text/plain"
        #expect(headers.count == 2)
        #expect(headers.map(\.name) == ["CONTENT-TYPE", "Accept"])
        headers["accept"] = nil
        #expect(headers.count == 1)
        #expect(!headers.contains("Accept"))
    }

    @Test("Authorization is never printed")
    func redacted() {
        let headers: HeaderFields = ["Authorization": "Bearer xx-secret-key", "X-Other": "visible"]
        #expect(!headers.description.contains("secret"))
        #expect(!headers.debugDescription.contains("secret"))
        #expect(!String(describing: headers).contains("secret"))
        #expect(!String(reflecting: headers).contains("secret"))
        #expect(headers.description.contains("visible"))
    }
}
