import CoveoPush
import Foundation
import Testing

@testable import CoveoPushCLI

/// The target rule for the Platform and Logs APIs: `--platform-url` / `COVEO_PLATFORM_URL`, `--logs-url` /
/// `COVEO_LOGS_URL`, otherwise derived by the SDK from the Push endpoint.
@Suite("TargetResolver: the Platform and Logs URLs")
struct InProcessPlatformTargetTests {
    static let key = ["COVEO_API_KEY": "k"]
    static let proxy = ["--base-url", "https://proxy.example.com/push/v1", "--organization", "o"]
    static let euURL = "https://api-eu.cloud.coveo.com/push/v1/organizations/acme/sources/acme-src/documents"

    static func resolve(_ words: [String], _ variables: [String: String] = key, api: CoveoAPI = .platform)
        throws(UsageError) -> ResolvedTarget
    {
        let arguments = try InProcessFixtures.parse(CheckCommand.self, words)
        return try TargetResolver(arguments: arguments, environment: variables).resolve(
            needs: .organizationOnly, api: api)
    }

    static func message(_ words: [String], _ variables: [String: String] = key, api: CoveoAPI = .platform)
        -> String?
    {
        do {
            _ = try resolve(words, variables, api: api)
            return nil
        } catch {
            return error.message
        }
    }

    /// The base URL the client the CLI builds would use for `api`.
    static func baseURL(_ target: ResolvedTarget, _ api: CoveoAPI) throws -> String {
        var configuration = PushClient.Configuration(
            endpoint: target.endpoint, organizationId: target.organizationId, credentials: .apiKey(target.apiKey))
        configuration.platformURL = target.platformURL
        configuration.logsURL = target.logsURL
        return try configuration.baseURL(for: api).absoluteString
    }

    /// A target that resolves, and the Platform and Logs URLs its client uses.
    struct Derived: CustomTestStringConvertible, Sendable {
        var words: [String]
        var variables: [String: String] = InProcessPlatformTargetTests.key
        var platform: String
        var logs: String
        var testDescription: String { words.joined(separator: " ") + " " + variables.keys.sorted().joined() }
    }

    @Test(
        "given or derived: the region, the console's URL, a loopback base URL (one emulated Coveo), explicit URLs",
        arguments: [
            Derived(
                words: ["--organization", "o"], platform: "https://platform.cloud.coveo.com",
                logs: "https://api.cloud.coveo.com/logs/v1"),
            Derived(
                words: ["--organization", "o", "--region", "eu"], platform: "https://platform-eu.cloud.coveo.com",
                logs: "https://api-eu.cloud.coveo.com/logs/v1"),
            Derived(
                words: ["--organization", "o"], variables: ["COVEO_API_KEY": "k", "COVEO_REGION": "au"],
                platform: "https://platform-au.cloud.coveo.com", logs: "https://api-au.cloud.coveo.com/logs/v1"),
            Derived(
                words: ["--organization", "o", "--environment", "hipaa"],
                platform: "https://platformhipaa.cloud.coveo.com", logs: "https://apihipaa.cloud.coveo.com/logs/v1"),
            Derived(
                words: ["--push-api-url", euURL], platform: "https://platform-eu.cloud.coveo.com",
                logs: "https://api-eu.cloud.coveo.com/logs/v1"),
            Derived(
                words: ["--base-url", "http://127.0.0.1:8089/push/v1", "--organization", "o"],
                platform: "http://127.0.0.1:8089", logs: "http://127.0.0.1:8089/logs/v1"),
            Derived(
                words: proxy + ["--platform-url", "https://platform-proxy.example.com"],
                platform: "https://platform-proxy.example.com", logs: "https://platform-proxy.example.com"),
            Derived(
                words: proxy,
                variables: [
                    "COVEO_API_KEY": "k", "COVEO_PLATFORM_URL": "https://p.example.com",
                    "COVEO_LOGS_URL": "https://l.example.com/logs/v1",
                ],
                platform: "https://p.example.com", logs: "https://l.example.com/logs/v1"),
            Derived(
                words: [
                    "--organization", "o", "--region", "eu", "--platform-url", "https://platform-eu.cloud.coveo.com",
                    "--logs-url", "https://api-eu.cloud.coveo.com/logs/v1",
                ],
                platform: "https://platform-eu.cloud.coveo.com", logs: "https://api-eu.cloud.coveo.com/logs/v1"),
        ])
    func derived(_ row: Derived) throws {
        let target = try Self.resolve(row.words, row.variables)
        #expect(try Self.baseURL(target, .platform) == row.platform)
        if row.logs != row.platform {  // a proxy's Platform URL gives no Logs URL
            #expect(try Self.baseURL(target, .logs) == row.logs)
        }
    }

    /// A target refused with exit status 2, and the words its message must hold.
    struct Refused: CustomTestStringConvertible, Sendable {
        var words: [String]
        var variables: [String: String] = InProcessPlatformTargetTests.key
        var api: CoveoAPI = .platform
        var mentions: [String]
        var testDescription: String { words.joined(separator: " ") + " " + variables.keys.sorted().joined() }
    }

    @Test(
        "refused, naming the options: no derivable Platform URL, a disagreeing region, a platform URL alone, http",
        arguments: [
            // A non-loopback base URL and no platform URL: platform commands refuse, naming --platform-url.
            Refused(
                words: proxy,
                mentions: ["needs the Platform API", "--base-url", "--platform-url", "COVEO_PLATFORM_URL"]),
            Refused(
                words: ["--organization", "o"],
                variables: ["COVEO_API_KEY": "k", "COVEO_PUSH_BASE_URL": "https://p.example.com/push/v1"],
                mentions: ["COVEO_PUSH_BASE_URL 'https://p.example.com/push/v1'", "--platform-url"]),
            Refused(words: proxy, api: .logs, mentions: ["needs the Logs API", "--logs-url", "COVEO_LOGS_URL"]),
            // An explicit region that disagrees with a given URL, naming both.
            Refused(
                words: ["--organization", "o", "--region", "eu", "--platform-url", "https://platform.cloud.coveo.com"],
                mentions: ["--platform-url 'https://platform.cloud.coveo.com'", "--region 'eu'"]),
            Refused(
                words: ["--organization", "o", "--platform-url", "https://platform-eu.cloud.coveo.com"],
                variables: ["COVEO_API_KEY": "k", "COVEO_REGION": "ca"],
                mentions: ["--platform-url", "COVEO_REGION 'ca'"]),
            Refused(
                words: ["--push-api-url", euURL, "--logs-url", "https://api.cloud.coveo.com/logs/v1"],
                mentions: ["--logs-url", "--push-api-url"]),
            Refused(
                words: ["--organization", "o"],
                variables: ["COVEO_API_KEY": "k", "COVEO_PLATFORM_URL": "https://platformhipaa.cloud.coveo.com"],
                mentions: ["COVEO_PLATFORM_URL", "the default region us"]),
            // A platform URL alone is an incomplete target, from an option or the environment.
            Refused(
                words: ["--platform-url", "https://platform.cloud.coveo.com"], variables: [:],
                mentions: ["incomplete target", "the organization", "the API key"]),
            Refused(
                words: [], variables: ["COVEO_PLATFORM_URL": "http://127.0.0.1:8089"],
                mentions: ["incomplete target", "the organization", "the API key"]),
            // http only to loopback; a URL that is not one.
            Refused(
                words: ["--organization", "o", "--platform-url", "http://platform.example.com"],
                mentions: ["--platform-url:", "http"]),
            Refused(
                words: ["--organization", "o", "--logs-url", "http://logs.example.com/logs/v1"], api: .push,
                mentions: ["--logs-url:"]),
            Refused(
                words: ["--organization", "o", "--platform-url", "platform"],
                mentions: ["--platform-url is not an absolute URL"]),
        ])
    func refused(_ row: Refused) throws {
        let message = try #require(Self.message(row.words, row.variables, api: row.api))
        for mention in row.mentions { #expect(message.contains(mention), "\(message)") }
        #expect(!message.contains("platformURL '"), "the SDK's setting name leaked alone: \(message)")
    }

    @Test("a non-loopback base URL still pushes: only the commands that need the Platform API refuse")
    func pushNeedsNoPlatformURL() throws {
        let target = try Self.resolve(Self.proxy, api: .push)
        #expect(target.platformURL == nil)
        #expect(throws: ValidationError.self) { _ = try Self.baseURL(target, .platform) }
    }

    @Test("a platform URL is a target option: it turns the built-in emulator off, as COVEO_PLATFORM_URL does")
    func notTheEmulator() async {
        let run = await InProcessFixtures.run(["check", "--platform-url", "http://127.0.0.1:1"], variables: [:])
        #expect(run.status == .usage)
        #expect(run.err.contains("incomplete target"), "\(run.err)")
        let logs = await InProcessFixtures.run(["check"], variables: ["COVEO_LOGS_URL": "http://127.0.0.1:1/logs/v1"])
        #expect(logs.status == .usage)
        #expect(logs.err.contains("incomplete target"), "\(logs.err)")
    }
}
