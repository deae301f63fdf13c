import Foundation
import Testing

@testable import CoveoPush

@Suite("Platform and Logs base URLs")
struct PlatformBaseURLTests {
    struct Row: Sendable, CustomTestStringConvertible {
        var name: String
        var push: String
        var platformURL: String? = nil
        var logsURL: String? = nil
        var platform: String
        var logs: String
        var testDescription: String { name }
    }

    static let rows: [Row] = [
        Row(
            name: "US", push: "https://api.cloud.coveo.com/push/v1", platform: "https://platform.cloud.coveo.com",
            logs: "https://api.cloud.coveo.com/logs/v1"),
        Row(
            name: "CA", push: "https://api-ca.cloud.coveo.com/push/v1", platform: "https://platform-ca.cloud.coveo.com",
            logs: "https://api-ca.cloud.coveo.com/logs/v1"),
        Row(
            name: "EU", push: "https://api-eu.cloud.coveo.com/push/v1", platform: "https://platform-eu.cloud.coveo.com",
            logs: "https://api-eu.cloud.coveo.com/logs/v1"),
        Row(
            name: "AU", push: "https://api-au.cloud.coveo.com/push/v1", platform: "https://platform-au.cloud.coveo.com",
            logs: "https://api-au.cloud.coveo.com/logs/v1"),
        Row(
            name: "HIPAA", push: "https://apihipaa.cloud.coveo.com/push/v1",
            platform: "https://platformhipaa.cloud.coveo.com", logs: "https://apihipaa.cloud.coveo.com/logs/v1"),
        Row(
            name: "development EU", push: "https://apidev-eu.cloud.coveo.com/push/v1",
            platform: "https://platformdev-eu.cloud.coveo.com", logs: "https://apidev-eu.cloud.coveo.com/logs/v1"),
        Row(
            name: "loopback 127.0.0.1", push: "http://127.0.0.1:8123/push/v1", platform: "http://127.0.0.1:8123",
            logs: "http://127.0.0.1:8123/logs/v1"),
        Row(
            name: "loopback localhost", push: "http://localhost:9000/push/v1", platform: "http://localhost:9000",
            logs: "http://localhost:9000/logs/v1"),
        Row(
            name: "loopback IPv6", push: "http://[::1]:9000/push/v1", platform: "http://[::1]:9000",
            logs: "http://[::1]:9000/logs/v1"),
        Row(
            name: "explicit Platform URL wins, Logs derived from the Push endpoint",
            push: "https://api-eu.cloud.coveo.com/push/v1", platformURL: "https://proxy.example.com/platform/",
            platform: "https://proxy.example.com/platform", logs: "https://api-eu.cloud.coveo.com/logs/v1"),
        Row(
            name: "custom Push URL with a Coveo Platform URL: Logs from the Platform URL",
            push: "https://proxy.example.com/push/v1", platformURL: "https://platform-eu.cloud.coveo.com",
            platform: "https://platform-eu.cloud.coveo.com", logs: "https://api-eu.cloud.coveo.com/logs/v1"),
        Row(
            name: "custom Push URL with a loopback Platform URL", push: "https://proxy.example.com/push/v1",
            platformURL: "http://127.0.0.1:7000", platform: "http://127.0.0.1:7000",
            logs: "http://127.0.0.1:7000/logs/v1"),
        Row(
            name: "everything explicit", push: "https://proxy.example.com/push/v1",
            platformURL: "https://proxy.example.com", logsURL: "https://logs.example.com/logs/v1",
            platform: "https://proxy.example.com", logs: "https://logs.example.com/logs/v1"),
    ]

    static func configuration(_ row: Row) throws -> PushClient.Configuration {
        var configuration = PushClient.Configuration(
            endpoint: try PushEndpoint(baseURL: try #require(URL(string: row.push))), organizationId: "org",
            credentials: .apiKey("xx-key"))
        configuration.platformURL = row.platformURL.flatMap(URL.init(string:))
        configuration.logsURL = row.logsURL.flatMap(URL.init(string:))
        return configuration
    }

    @Test("each row gives its Platform and Logs base URLs", arguments: rows)
    func resolves(_ row: Row) throws {
        let configuration = try Self.configuration(row)
        try configuration.validate()
        #expect(try configuration.baseURL(for: .push).absoluteString == row.push)
        #expect(try configuration.baseURL(for: .platform).absoluteString == row.platform)
        #expect(try configuration.baseURL(for: .logs).absoluteString == row.logs)
    }

    @Test("the known endpoints derive their Platform and Logs URLs")
    func knownEndpoints() {
        #expect(PushEndpoint.eu.derivedPlatformBaseURL?.absoluteString == "https://platform-eu.cloud.coveo.com")
        #expect(PushEndpoint.hipaa.derivedPlatformBaseURL?.absoluteString == "https://platformhipaa.cloud.coveo.com")
        #expect(PushEndpoint.au.derivedLogsBaseURL?.absoluteString == "https://api-au.cloud.coveo.com/logs/v1")
    }

    @Test("a custom, non-loopback Push URL without a Platform URL: Platform requests fail naming platformURL")
    func customHostNeedsPlatformURL() throws {
        let configuration = try Self.configuration(
            Row(name: "", push: "https://proxy.example.com/push/v1", platform: "", logs: ""))
        try configuration.validate()  // the Push API still works
        let error = #expect(throws: ValidationError.self) { try configuration.baseURL(for: .platform) }
        #expect(error?.rule == .missingSetting)
        #expect(error?.subject == .configuration("platformURL"))
        #expect(error?.description.contains("set platformURL") == true)
        let logsError = #expect(throws: ValidationError.self) { try configuration.baseURL(for: .logs) }
        #expect(logsError?.subject == .configuration("logsURL"))
    }

    @Test("a Platform request of such a client fails with a typed error and sends nothing")
    func platformRequestFailsBeforeSending() async throws {
        let configuration = try Self.configuration(
            Row(name: "", push: "https://proxy.example.com/push/v1", platform: "", logs: ""))
        let counter = RequestCount()
        let client = try PushClient(
            configuration: configuration,
            transport: MockTransportCounting(counter: counter))
        let error = await #expect(throws: PushError.self) { try await client.listFields() }
        #expect(error?.code == .invalidInput)
        #expect(error?.validation?.rule == .missingSetting)
        #expect(error?.message.contains("platformURL") == true)
        #expect(await counter.value == 0)
    }

    struct Refusal: Sendable, CustomTestStringConvertible {
        var name: String
        var push: String
        var platformURL: String?
        var logsURL: String?
        var rule: ValidationError.Rule
        var setting: String
        var testDescription: String { name }
    }

    static let refusals: [Refusal] = [
        Refusal(
            name: "http Platform URL to a non-loopback host", push: "https://api.cloud.coveo.com/push/v1",
            platformURL: "http://platform.example.com", rule: .insecureURL, setting: "platformURL"),
        Refusal(
            name: "http Logs URL to a non-loopback host", push: "https://api.cloud.coveo.com/push/v1",
            logsURL: "http://logs.example.com/logs/v1", rule: .insecureURL, setting: "logsURL"),
        Refusal(
            name: "Platform URL with credentials", push: "https://api.cloud.coveo.com/push/v1",
            platformURL: "https://user:pw@platform.example.com", rule: .invalidURL, setting: "platformURL"),
        Refusal(
            name: "Platform URL of another region", push: "https://api-eu.cloud.coveo.com/push/v1",
            platformURL: "https://platform-au.cloud.coveo.com", rule: .conflictingSettings, setting: "platformURL"),
        Refusal(
            name: "Logs URL of another environment", push: "https://api.cloud.coveo.com/push/v1",
            logsURL: "https://apihipaa.cloud.coveo.com/logs/v1", rule: .conflictingSettings, setting: "logsURL"),
    ]

    @Test("unacceptable explicit URLs are refused by the configuration, naming the setting", arguments: refusals)
    func refused(_ refusal: Refusal) throws {
        var configuration = PushClient.Configuration(
            endpoint: try PushEndpoint(baseURL: try #require(URL(string: refusal.push))), organizationId: "org",
            credentials: .apiKey("xx-key"))
        configuration.platformURL = refusal.platformURL.flatMap(URL.init(string:))
        configuration.logsURL = refusal.logsURL.flatMap(URL.init(string:))
        let error = #expect(throws: ValidationError.self) { try configuration.validate() }
        #expect(error?.rule == refusal.rule)
        #expect(error?.subject == .configuration(refusal.setting))
        #expect(throws: ValidationError.self) { try PushClient(configuration: configuration) }
    }
}

/// Counts the requests a transport receives.
actor RequestCount {
    private(set) var value = 0
    func increment() { value += 1 }
}

/// A transport that only counts requests and answers 200 `{}`.
struct MockTransportCounting: Transport {
    let counter: RequestCount
    func send(_ request: TransportRequest, body: RequestBody?) async throws -> TransportResponse {
        await counter.increment()
        return TransportResponse(statusCode: 200, body: Data("{}".utf8))
    }
}
