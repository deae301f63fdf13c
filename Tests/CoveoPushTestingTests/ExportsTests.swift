import CoveoPushTesting
import Testing

@Suite("CoveoPushTesting")
struct ExportsTests {
    @Test("importing CoveoPushTesting makes the CoveoPush types available")
    func reexportsCoveoPush() {
        let response = TransportResponse(statusCode: 202)
        #expect(response.isSuccess)
        #expect(!TransportResponse(statusCode: 429).isSuccess)
    }
}
