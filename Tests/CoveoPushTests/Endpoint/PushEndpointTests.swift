import Foundation
import Testing

@testable import CoveoPush

@Suite("PushEndpoint")
struct PushEndpointTests {
    struct Row: Sendable, CustomTestStringConvertible {
        var region: Region
        var environment: PlatformEnvironment
        var expected: String
        var testDescription: String { "\(region) × \(environment)" }
    }

    static let rows: [Row] = [
        Row(region: .us, environment: .production, expected: "https://api.cloud.coveo.com/push/v1"),
        Row(region: .ca, environment: .production, expected: "https://api-ca.cloud.coveo.com/push/v1"),
        Row(region: .eu, environment: .production, expected: "https://api-eu.cloud.coveo.com/push/v1"),
        Row(region: .au, environment: .production, expected: "https://api-au.cloud.coveo.com/push/v1"),
        Row(region: .us, environment: .hipaa, expected: "https://apihipaa.cloud.coveo.com/push/v1"),
        Row(region: .us, environment: .development, expected: "https://apidev.cloud.coveo.com/push/v1"),
        Row(region: .ca, environment: .development, expected: "https://apidev-ca.cloud.coveo.com/push/v1"),
        Row(region: .eu, environment: .development, expected: "https://apidev-eu.cloud.coveo.com/push/v1"),
        Row(region: .au, environment: .development, expected: "https://apidev-au.cloud.coveo.com/push/v1"),
        Row(region: .us, environment: .staging, expected: "https://apistg.cloud.coveo.com/push/v1"),
        Row(region: .ca, environment: .staging, expected: "https://apistg-ca.cloud.coveo.com/push/v1"),
        Row(region: .eu, environment: .staging, expected: "https://apistg-eu.cloud.coveo.com/push/v1"),
        Row(region: .au, environment: .staging, expected: "https://apistg-au.cloud.coveo.com/push/v1"),
    ]

    @Test("every region and environment resolves to its documented base URL", arguments: rows)
    func resolves(row: Row) throws {
        let endpoint = try PushEndpoint(region: row.region, environment: row.environment)
        #expect(endpoint.baseURL.absoluteString == row.expected)
        #expect(endpoint.description == row.expected)
    }

    @Test("the defaults and the static production endpoint are US production")
    func defaults() throws {
        #expect(try PushEndpoint() == PushEndpoint.production)
        #expect(PushEndpoint.production.baseURL.absoluteString == "https://api.cloud.coveo.com/push/v1")
    }

    @Test("HIPAA outside the US region is refused", arguments: [Region.ca, .eu, .au, Region(rawValue: "jp")])
    func hipaaOutsideUS(region: Region) {
        let error = #expect(throws: ValidationError.self) {
            try PushEndpoint(region: region, environment: .hipaa)
        }
        #expect(error?.rule == .hipaaRegion)
    }

    @Test("region and environment identifiers are lowercased and checked")
    func identifiers() throws {
        #expect(Region(rawValue: "EU") == .eu)
        #expect(PlatformEnvironment(rawValue: "HIPAA") == .hipaa)
        let other = try PushEndpoint(region: Region(rawValue: "jp"))
        #expect(other.baseURL.absoluteString == "https://api-jp.cloud.coveo.com/push/v1")
        for bad in ["", "e u", "eu.evil.com", "eu/x", "é"] {
            let error = #expect(throws: ValidationError.self) { try PushEndpoint(region: Region(rawValue: bad)) }
            #expect(error?.rule == .invalidURL)
        }
        let error = #expect(throws: ValidationError.self) {
            try PushEndpoint(environment: PlatformEnvironment(rawValue: "x.evil.com/"))
        }
        #expect(error?.rule == .invalidURL)
    }

    @Test("Region and PlatformEnvironment encode as their identifiers")
    func codable() throws {
        let data = try JSONEncoder().encode([Region.eu])
        #expect(String(decoding: data, as: UTF8.self) == #"["eu"]"#)
        #expect(try JSONDecoder().decode([Region].self, from: Data(#"["AU"]"#.utf8)) == [.au])
        let environment = try JSONEncoder().encode([PlatformEnvironment.hipaa])
        #expect(String(decoding: environment, as: UTF8.self) == #"["hipaa"]"#)
    }

    @Test(
        "custom https and loopback http base URLs are accepted and a trailing slash is removed",
        arguments: [
            ("https://proxy.example.com/push/v1", "https://proxy.example.com/push/v1"),
            ("https://proxy.example.com/push/v1/", "https://proxy.example.com/push/v1"),
            ("https://proxy.example.com:8443", "https://proxy.example.com:8443"),
            ("http://127.0.0.1:8080/push/v1", "http://127.0.0.1:8080/push/v1"),
            ("http://127.1.2.3/push/v1//", "http://127.1.2.3/push/v1"),
            ("http://localhost:1/x", "http://localhost:1/x"),
            ("http://LOCALHOST:1/x", "http://LOCALHOST:1/x"),
            ("http://[::1]:9/", "http://[::1]:9"),
            ("HTTP://127.0.0.1/", "HTTP://127.0.0.1"),
        ])
    func customAccepted(input: String, expected: String) throws {
        let url = try #require(URL(string: input))
        let endpoint = try PushEndpoint(baseURL: url)
        #expect(endpoint.baseURL.absoluteString == expected)
    }

    @Test(
        "plain http to a host that is not loopback is refused as insecure",
        arguments: [
            "http://example.com/push/v1", "http://api.cloud.coveo.com/push/v1", "http://10.0.0.1:8080/",
            "http://128.0.0.1/", "http://127.0.0.1.example.com/", "http://localhost.example.com/",
            "http://[::2]/", "http://1270.0.0.1/",
        ])
    func insecure(input: String) throws {
        let url = try #require(URL(string: input))
        let error = #expect(throws: ValidationError.self) { try PushEndpoint(baseURL: url) }
        #expect(error?.rule == .insecureURL)
    }

    @Test(
        "other schemes, missing hosts, queries, fragments and credentials are refused as invalid",
        arguments: [
            "ftp://example.com/push/v1", "file:///tmp/push", "ws://127.0.0.1/", "/push/v1", "https:///push/v1",
            "https://example.com/push/v1?x=1", "https://example.com/push/v1#top", "https://user:pw@example.com/",
        ])
    func invalid(input: String) throws {
        let url = try #require(URL(string: input))
        let error = #expect(throws: ValidationError.self) { try PushEndpoint(baseURL: url) }
        #expect(error?.rule == .invalidURL)
    }

    @Test("loopback detection covers 127.0.0.0/8, localhost and ::1 only")
    func loopback() {
        for host in ["127.0.0.1", "127.255.255.255", "localhost", "LocalHost", "localhost.", "::1", "[::1]"] {
            #expect(PushEndpoint.isLoopback(host: host), "\(host)")
        }
        for host in ["127.0.0.256", "127.0.0", "127.0.0.1.1", "0.0.0.0", "::", "example.com", "127.0.0.x", ""] {
            #expect(!PushEndpoint.isLoopback(host: host), "\(host)")
        }
    }
}
