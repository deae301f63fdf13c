import CoveoPushTestSupport
import Foundation
import Testing

@testable import CoveoPush

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// One loopback server stands for a whole Coveo: the Push API under `/push/v1`, the Platform API at the origin.
@Suite("Platform API over loopback HTTP")
struct PlatformLoopbackTests {
    @Test("a loopback Push endpoint sends Platform requests to the same server's origin, with URLSessionTransport")
    func oneServerServesBoth() async throws {
        let responder = try TinyResponder { received in
            let json = ["Content-Type": "application/json"]
            switch (received.method, received.target) {
            case ("POST", "/rest/organizations/org/sources"):
                return .respond(
                    status: 201, headers: json,
                    body: Data(#"{"id":"abcdefghijklmnopqrstuvwxyz-org","name":"Tickets","sourceType":"PUSH"}"#.utf8))
            case ("POST", "/rest/privilege/evaluate"):
                let denied = String(decoding: received.body, as: UTF8.self).contains(#""targetDomain":"FIELD""#)
                return .respond(status: 200, headers: json, body: Data(#"{"approved":\#(!denied)}"#.utf8))
            case ("POST", "/push/v1/organizations/org/sources/abcdefghijklmnopqrstuvwxyz-org/status?statusType=IDLE"):
                return .respond(status: 201)
            default:
                return .respond(
                    status: 404, headers: json, body: Data(#"{"errorCode":"NOT_FOUND","message":"no"}"#.utf8))
            }
        }
        defer { responder.stop() }
        let endpoint = try PushEndpoint(baseURL: responder.baseURL.appendingPathComponent("push/v1"))
        var configuration = PushClient.Configuration(
            endpoint: endpoint, organizationId: "org", credentials: .apiKey("xx-loopback-key"))
        configuration.requestTimeout = .seconds(10)
        let client = try PushClient(configuration: configuration, transport: URLSessionTransport())

        let source = try await client.createSource(name: "Tickets")
        #expect(source.id == "abcdefghijklmnopqrstuvwxyz-org")
        let missing = try await client.missingPrivileges(for: [.fields])
        #expect(missing.map(\.privilege.name) == ["FIELD:VIEW", "FIELD:CREATE", "FIELD:EDIT"])
        try await client.setStatus(.idle, sourceId: source.id)

        let received = responder.received
        #expect(received.count == 5)
        #expect(received.allSatisfy { $0.headers["authorization"] == "Bearer xx-loopback-key" })
        let create = try #require(received.first)
        #expect(create.headers["content-type"] == "application/json")
        #expect(
            String(decoding: create.body, as: UTF8.self)
                == #"{"sourceType":"PUSH","pushEnabled":true,"name":"Tickets","sourceVisibility":"SECURED"}"#)
    }
}
