import Foundation
import Testing

@testable import CoveoPush

@Suite("PushAPIURL")
struct PushAPIURLTests {
    struct Row: Sendable, CustomTestStringConvertible {
        var host: String
        var region: Region
        var environment: PlatformEnvironment
        var testDescription: String { host }
    }

    static let rows: [Row] = [
        Row(host: "api.cloud.coveo.com", region: .us, environment: .production),
        Row(host: "api-ca.cloud.coveo.com", region: .ca, environment: .production),
        Row(host: "api-eu.cloud.coveo.com", region: .eu, environment: .production),
        Row(host: "api-au.cloud.coveo.com", region: .au, environment: .production),
        Row(host: "apihipaa.cloud.coveo.com", region: .us, environment: .hipaa),
        Row(host: "apidev.cloud.coveo.com", region: .us, environment: .development),
        Row(host: "apidev-eu.cloud.coveo.com", region: .eu, environment: .development),
        Row(host: "apistg-au.cloud.coveo.com", region: .au, environment: .staging),
        Row(host: "API-EU.Cloud.Coveo.com", region: .eu, environment: .production),
    ]

    @Test("the console URL of every region gives the IDs, region, environment and endpoint", arguments: rows)
    func parses(row: Row) throws {
        let parsed = try PushAPIURL(
            "https://\(row.host)/push/v1/organizations/acmecorp1x2y3/sources/acmecorp1x2y3-abcdefgh/documents")
        #expect(parsed.organizationId == "acmecorp1x2y3")
        #expect(parsed.sourceId == "acmecorp1x2y3-abcdefgh")
        #expect(parsed.region == row.region)
        #expect(parsed.environment == row.environment)
        #expect(parsed.endpoint == (try PushEndpoint(region: row.region, environment: row.environment)))
        #expect(parsed.endpoint.baseURL.absoluteString == "https://\(row.host.lowercased())/push/v1")
    }

    @Test(
        "query strings, trailing paths and surrounding whitespace are ignored",
        arguments: [
            "https://api-eu.cloud.coveo.com/push/v1/organizations/org/sources/src/documents?documentId=a%26b",
            "https://api-eu.cloud.coveo.com/push/v1/organizations/org/sources/src/documents/batch?fileId=x",
            "https://api-eu.cloud.coveo.com/push/v1/organizations/org/sources/src",
            "https://api-eu.cloud.coveo.com/push/v1/organizations/org/sources/src/",
            "https://api-eu.cloud.coveo.com/push/v1/organizations/org/sources/src/stream/open",
            "  https://api-eu.cloud.coveo.com/push/v1/organizations/org/sources/src/documents\n",
        ])
    func lenient(input: String) throws {
        let parsed = try PushAPIURL(input)
        #expect(parsed.organizationId == "org")
        #expect(parsed.sourceId == "src")
        #expect(parsed.region == .eu)
    }

    @Test("percent-encoded IDs are decoded")
    func decodesIDs() throws {
        let parsed = try PushAPIURL(
            "https://api.cloud.coveo.com/push/v1/organizations/my%20org/sources/a%2Fb/documents")
        #expect(parsed.organizationId == "my org")
        #expect(parsed.sourceId == "a/b")
    }

    @Test(
        "hosts that are not Coveo Push API hosts are refused",
        arguments: [
            "https://example.com/push/v1/organizations/o/sources/s/documents",
            "https://api.cloud.coveo.com.evil.com/push/v1/organizations/o/sources/s/documents",
            "https://platform.cloud.coveo.com/push/v1/organizations/o/sources/s/documents",
            "https://push.cloud.coveo.com/v1/organizations/o/sources/s/documents",
            "https://evilapi.cloud.coveo.com/push/v1/organizations/o/sources/s/documents",
            "https://x.api.cloud.coveo.com/push/v1/organizations/o/sources/s/documents",
            "https://api-.cloud.coveo.com/push/v1/organizations/o/sources/s/documents",
            "https://api-eu-1.cloud.coveo.com/push/v1/organizations/o/sources/s/documents",
            "https://api.cloud.coveo.com:8443/push/v1/organizations/o/sources/s/documents",
        ])
    func foreign(input: String) {
        let error = #expect(throws: ValidationError.self) { try PushAPIURL(input) }
        #expect(error?.rule == .foreignHost)
    }

    @Test(
        "URLs without the organization and source segments are refused",
        arguments: [
            "https://api.cloud.coveo.com/push/v1/organizations/o/documents",
            "https://api.cloud.coveo.com/push/v1/organizations/o/sources",
            "https://api.cloud.coveo.com/push/v1/organizations//sources/s/documents",
            "https://api.cloud.coveo.com/push/v1/organizations/o/sources//documents",
            "https://api.cloud.coveo.com/push/v2/organizations/o/sources/s/documents",
            "https://api.cloud.coveo.com/organizations/o/sources/s/documents",
            "https://api.cloud.coveo.com/push/v1/organizations/o/providers/p/permissions",
            "https://api.cloud.coveo.com",
            "not a url",
            "",
            "ftp://api.cloud.coveo.com/push/v1/organizations/o/sources/s/documents",
        ])
    func wrongShape(input: String) {
        let error = #expect(throws: ValidationError.self) { try PushAPIURL(input) }
        #expect(error?.rule == .invalidURL)
    }

    @Test("http console URLs are refused as insecure and HIPAA with a region is refused")
    func insecureAndHIPAA() {
        let insecure = #expect(throws: ValidationError.self) {
            try PushAPIURL("http://api.cloud.coveo.com/push/v1/organizations/o/sources/s/documents")
        }
        #expect(insecure?.rule == .insecureURL)
        let hipaa = #expect(throws: ValidationError.self) {
            try PushAPIURL("https://apihipaa-eu.cloud.coveo.com/push/v1/organizations/o/sources/s/documents")
        }
        #expect(hipaa?.rule == .hipaaRegion)
    }
}
