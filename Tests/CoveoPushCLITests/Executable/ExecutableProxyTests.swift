import CoveoPush
import CoveoPushTestSupport
import CoveoPushTesting
import Foundation
import Testing

/// `--proxy` and the proxy variables, with the real executable: a child's environment is exactly the sandbox's
/// (PATH, HOME, TMPDIR) plus what each test sets, so the machine's own proxy settings cannot change the results.
@Suite("coveo-push and proxies (executable)")
struct ExecutableProxyTests {
    static let password = "pr0xy-s3cret"

    /// Three JSON Lines documents.
    static func writeDocuments(_ sandbox: ExecSandbox) throws -> String {
        try sandbox.write(
            "docs.jsonl",
            (1...3).map { ExecFixture.line("https://example.com/p/\($0)", title: "P\($0)", data: "via proxy \($0)") }
                .joined(separator: "\n"))
    }

    @Test("push --proxy to the loopback emulator goes through the proxy, whatever no_proxy and http_proxy say")
    func pushThroughProxy() async throws {
        let sandbox = try ExecSandbox()
        let docs = try Self.writeDocuments(sandbox)
        let proxy = try ForwardingProxy()
        let other = try ForwardingProxy()
        defer {
            proxy.stop()
            other.stop()
        }
        try await ExecEmulator.with { emulator in
            let environment = sandbox.environment([
                "COVEO_API_KEY": "key", "no_proxy": "127.0.0.1,localhost", "NO_PROXY": "*",
                "http_proxy": other.url, "all_proxy": other.url,
            ])
            let result = try await sandbox.run(
                ["push", docs, "--proxy", proxy.url] + emulator.target, environment: environment)
            #expect(result.exited(with: 0), "\(result)")
            #expect(await emulator.documentIds() == (1...3).map { "https://example.com/p/\($0)" })
            let answered = await emulator.service.requestLog.count
            // Status, container, upload, batch, IDLE status: every one of them through the proxy.
            #expect(proxy.forwardedCount >= 4, "\(proxy.received.map(\.target))")
            #expect(proxy.forwardedCount == answered, "\(proxy.received.map(\.target))")
            #expect(proxy.received.allSatisfy { $0.target.hasPrefix("http://127.0.0.1:") })
            #expect(other.received.isEmpty)
        }
    }

    #if canImport(FoundationNetworking)
        @Test("without --proxy, loopback requests bypass the proxy set by http_proxy, all_proxy and https_proxy")
        func loopbackBypassesEnvironmentProxy() async throws {
            let sandbox = try ExecSandbox()
            let docs = try Self.writeDocuments(sandbox)
            let proxy = try ForwardingProxy()
            defer { proxy.stop() }
            try await ExecEmulator.with { emulator in
                let environment = sandbox.environment([
                    "COVEO_API_KEY": "key", "http_proxy": proxy.url, "all_proxy": proxy.url, "ALL_PROXY": proxy.url,
                    "https_proxy": proxy.url, "NO_PROXY": "example.test",
                ])
                let result = try await sandbox.run(["push", docs] + emulator.target, environment: environment)
                #expect(result.exited(with: 0), "\(result)")
                #expect(await emulator.documentIds().count == 3)
                #expect(proxy.received.isEmpty, "\(proxy.received.map(\.target))")
            }
        }

        @Test(
            "without --proxy, an https target follows HTTPS_PROXY as libcurl reads it: the proxy gets CONNECT host:443")
        func httpsTargetFollowsEnvironment() async throws {
            let sandbox = try ExecSandbox()
            let proxy = try ForwardingProxy()
            defer { proxy.stop() }
            let environment = sandbox.environment(["COVEO_API_KEY": "key", "HTTPS_PROXY": proxy.url])
            let result = try await sandbox.run(
                [
                    "status", "idle", "--max-attempts", "1", "--timeout", "20", "--base-url",
                    "https://push.example.test/push/v1",
                    "--organization", "org", "--source", "src",
                ],
                environment: environment)
            #expect(!result.exited(with: 0) && !result.exited(with: 2), "the tunnel is refused: \(result)")
            #expect(proxy.connectAuthorities == ["push.example.test:443"], "\(proxy.received.map(\.target))")
        }
    #endif

    @Test("an https target through --proxy: the proxy gets CONNECT host:443, the push fails, the password stays secret")
    func httpsTargetThroughProxyKeepsCredentials() async throws {
        let sandbox = try ExecSandbox()
        let docs = try Self.writeDocuments(sandbox)
        let proxy = try ForwardingProxy()
        defer { proxy.stop() }
        let logFile = sandbox.root.appendingPathComponent("proxy.log")
        let proxyURL = "http://crawler:\(Self.password)@127.0.0.1:\(proxy.port)"
        let result = try await sandbox.run(
            [
                "push", docs, "--proxy", proxyURL, "--verbose", "--log-file", logFile.path, "--max-attempts", "1",
                "--timeout", "20", "--base-url", "https://push.example.test/push/v1", "--organization", "org",
                "--source", "src",
            ],
            environment: sandbox.environment(["COVEO_API_KEY": "key"]))
        #expect(!result.exited(with: 0) && !result.exited(with: 2), "the tunnel is refused: \(result)")
        #expect(!proxy.connectAuthorities.isEmpty, "\(proxy.received.map(\.target))")
        #expect(proxy.connectAuthorities.allSatisfy { $0 == "push.example.test:443" }, "\(proxy.connectAuthorities)")
        #expect(!result.output.contains(Self.password), "the proxy password leaked: \(result)")
        let log = (try? String(contentsOf: logFile, encoding: .utf8)) ?? ""
        #expect(!log.contains(Self.password), "the proxy password leaked into the log file: \(log)")
        #if canImport(FoundationNetworking)
            // libcurl sends the URL's credentials to the proxy (and only there).
            let expected = "Basic " + Data("crawler:\(Self.password)".utf8).base64EncodedString()
            #expect(proxy.received.first?.proxyAuthorization == expected)
        #endif
    }

    @Test(
        "a malformed --proxy is exit 2 naming the option and the rule, never the password",
        arguments: [
            ("http://crawler:pr0xy-s3cret@127.0.0.1", "port"),
            ("socks5://crawler:pr0xy-s3cret@127.0.0.1:1080", "http://"),
            ("crawler:pr0xy-s3cret@127.0.0.1:3128", "http://"),
            ("", "not a URL"),
        ]
    )
    func malformedProxy(value: String, rule: String) async throws {
        let sandbox = try ExecSandbox()
        let docs = try Self.writeDocuments(sandbox)
        let result = try await sandbox.run(
            [
                "push", docs, "--proxy=\(value)", "--base-url", "https://push.example.test/push/v1", "--organization",
                "org",
                "--source", "src",
            ],
            environment: sandbox.environment(["COVEO_API_KEY": "key"]))
        #expect(result.exited(with: 2), "\(result)")
        #expect(result.stderr.contains("--proxy"), "\(result)")
        #expect(result.stderr.contains(rule), "\(result)")
        #expect(!result.output.contains(Self.password), "\(result)")
    }
}
