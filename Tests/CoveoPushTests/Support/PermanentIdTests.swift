import Testing

@testable import CoveoPush

@Suite("PermanentId")
struct PermanentIdTests {
    @Test("matches the official clients' value for a known URI")
    func knownValue() {
        let expected = "aa2e0510b66edff7f05e2b30d4f1b3a4b5481c06b69f41751c54675c5afb"
        #expect(PermanentId.make(for: "https://foo.com") == expected)
    }

    @Test("is 30 hex digits of MD5 then 30 of SHA-1 of the UTF-8 bytes")
    func composition() {
        let id = "https://exämple.com/ü"
        let permanentId = PermanentId.make(for: id)
        #expect(permanentId.count == PermanentId.length)
        #expect(permanentId.hasPrefix("290d072c914a85350c56c70490ef62"))
        #expect(permanentId.hasSuffix(String(Hex.lowercase(SHA1.hash(Array(id.utf8))).prefix(30))))
        #expect(permanentId.allSatisfy { "0123456789abcdef".contains($0) })
    }

    @Test("differs for IDs that differ only in case")
    func caseSensitive() {
        #expect(PermanentId.make(for: "https://foo.com/A") != PermanentId.make(for: "https://foo.com/a"))
    }
}
