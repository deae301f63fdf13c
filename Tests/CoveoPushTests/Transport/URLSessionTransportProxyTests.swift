import CoveoPushTestSupport
import Foundation
import Testing

@testable import CoveoPush

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Which proxy settings reach `URLSessionTransport` on this platform. Every row runs in a child process of its own
/// (a Swift Testing exit test): it removes every proxy variable it inherited, sets the row's, and only then starts a
/// test proxy, an origin and the transport, so neither the machine's settings nor other tests can change the result,
/// and the row's `setenv` cannot reach other tests. The table is the one in `Documentation/Proxies.md`.
@Suite("URLSessionTransport and proxies", .serialized)
struct URLSessionTransportProxyTests {
    /// One experiment: the variables set, how the transport is made, the URL requested and the route expected.
    struct Row: Codable, Sendable, CustomTestStringConvertible {
        /// Variables to set; `PROXY` and `OTHER` in a value stand for the two test proxies' `host:port`.
        var variables: [String: String] = [:]
        /// `http`: `http://127.0.0.1:ORIGIN/probe`; `https`: `https://push.example.test/probe` (no TLS server needed:
        /// the proxies answer CONNECT with 502, and a direct attempt cannot resolve the name).
        var scheme = "http"
        /// Give the transport `HTTPProxy(PROXY)` (with `user:p%40ss@` when `credentials`).
        var transportProxy = false
        var credentials = false
        /// Set `connectionProxyDictionary` to PROXY on the configuration.
        var dictionary = false
        /// Send one request first, then set the variables, then send the request observed.
        var setAfterFirstRequest = false
        /// The route observed: `direct`, `proxy`, `other`, `CONNECT via proxy`, `CONNECT via other`, `nowhere`.
        var expected: String
        var note: String

        var testDescription: String { note }
    }

    static let viaProxy = "CONNECT via proxy"

    #if canImport(FoundationNetworking)
        static let rows: [Row] = [
            Row(expected: "direct", note: "no variable: direct"),
            Row(variables: ["http_proxy": "PROXY"], expected: "proxy", note: "http_proxy is read"),
            Row(variables: ["HTTP_PROXY": "PROXY"], expected: "direct", note: "HTTP_PROXY (uppercase) is ignored"),
            Row(variables: ["all_proxy": "PROXY"], expected: "proxy", note: "all_proxy is read"),
            Row(variables: ["ALL_PROXY": "PROXY"], expected: "proxy", note: "ALL_PROXY is read"),
            Row(
                variables: ["all_proxy": "PROXY", "ALL_PROXY": "OTHER"], expected: "proxy",
                note: "all_proxy wins over ALL_PROXY"),
            Row(
                variables: ["http_proxy": "PROXY", "all_proxy": "OTHER"], expected: "proxy",
                note: "http_proxy wins over all_proxy"),
            Row(
                variables: ["http_proxy": "PROXY", "no_proxy": "127.0.0.1"], expected: "direct",
                note: "no_proxy lists an address"),
            Row(
                variables: ["http_proxy": "PROXY", "NO_PROXY": "127.0.0.1"], expected: "direct",
                note: "NO_PROXY is read"),
            Row(
                variables: ["http_proxy": "PROXY", "no_proxy": "localhost"], expected: "proxy",
                note: "no_proxy localhost does not cover 127.0.0.1"),
            Row(
                variables: ["http_proxy": "PROXY", "no_proxy": "127.0.0.0/8"], expected: "direct",
                note: "no_proxy CIDR block"),
            Row(
                variables: ["http_proxy": "PROXY", "no_proxy": "*"], expected: "direct",
                note: "no_proxy * matches every host"),
            Row(
                variables: ["http_proxy": "PROXY", "no_proxy": "example.test", "NO_PROXY": "127.0.0.1"],
                expected: "proxy",
                note: "no_proxy wins over NO_PROXY"),
            Row(
                variables: ["http_proxy": "PROXY", "no_proxy": "", "NO_PROXY": "127.0.0.1"], expected: "direct",
                note: "an empty no_proxy counts as unset"),
            Row(dictionary: true, expected: "direct", note: "connectionProxyDictionary is ignored (http)"),
            Row(
                variables: ["http_proxy": "PROXY"], setAfterFirstRequest: true, expected: "proxy",
                note: "a variable set after the session's first request applies to the next one"),
            Row(transportProxy: true, expected: "proxy", note: "URLSessionTransport(proxy:) routes http"),
            Row(
                variables: ["no_proxy": "127.0.0.1"], transportProxy: true, expected: "direct",
                note: "URLSessionTransport(proxy:) still honours no_proxy"),
            Row(variables: ["https_proxy": "PROXY"], scheme: "https", expected: viaProxy, note: "https_proxy is read"),
            Row(variables: ["HTTPS_PROXY": "PROXY"], scheme: "https", expected: viaProxy, note: "HTTPS_PROXY is read"),
            Row(
                variables: ["https_proxy": "PROXY", "HTTPS_PROXY": "OTHER"], scheme: "https", expected: viaProxy,
                note: "https_proxy wins over HTTPS_PROXY"),
            Row(
                variables: ["HTTPS_PROXY": "OTHER", "all_proxy": "PROXY"], scheme: "https",
                expected: "CONNECT via other", note: "HTTPS_PROXY wins over all_proxy"),
            Row(
                variables: ["http_proxy": "PROXY"], scheme: "https", expected: "nowhere",
                note: "http_proxy is not used for https"),
            Row(
                variables: ["https_proxy": "PROXY", "no_proxy": "example.test"], scheme: "https", expected: "nowhere",
                note: "no_proxy example.test covers push.example.test"),
            Row(
                variables: ["https_proxy": "PROXY", "no_proxy": ".example.test"], scheme: "https", expected: "nowhere",
                note: "no_proxy .example.test covers push.example.test"),
            Row(
                variables: ["https_proxy": "PROXY", "no_proxy": "ample.test"], scheme: "https", expected: viaProxy,
                note: "no_proxy matches whole labels only"),
            Row(
                variables: ["https_proxy": "PROXY", "no_proxy": "*.example.test"], scheme: "https", expected: viaProxy,
                note: "no_proxy has no wildcards but a lone *"),
            Row(
                variables: ["https_proxy": "PROXY", "no_proxy": "push.example.test:443"], scheme: "https",
                expected: viaProxy, note: "no_proxy entries with a port match nothing"),
            Row(
                variables: ["https_proxy": "PROXY", "no_proxy": "other.test, PUSH.EXAMPLE.TEST"], scheme: "https",
                expected: "nowhere", note: "no_proxy is case-insensitive and allows spaces after commas"),
            Row(
                scheme: "https", dictionary: true, expected: "nowhere",
                note: "connectionProxyDictionary is ignored (https)"),
            Row(
                scheme: "https", transportProxy: true, credentials: true, expected: viaProxy,
                note: "URLSessionTransport(proxy:) tunnels https, with Basic credentials"),
        ]
    #else
        // Apple's URLSession reads no environment variable and honours connectionProxyDictionary (not verified by
        // the authors on macOS; the Linux rows are).
        static let rows: [Row] = [
            Row(
                variables: ["https_proxy": "PROXY"], scheme: "https", expected: "nowhere",
                note: "https_proxy is ignored"),
            Row(scheme: "https", dictionary: true, expected: viaProxy, note: "connectionProxyDictionary is honoured"),
            Row(
                scheme: "https", transportProxy: true, expected: viaProxy,
                note: "URLSessionTransport(proxy:) tunnels https"),
        ]
    #endif

    @Test("which proxy settings take effect", arguments: rows)
    func proxySetting(row: Row) async throws {
        let result = await #expect(processExitsWith: .success, observing: [\.standardOutputContent]) {
            [row = row as Row] in
            let observed = try await URLSessionTransportProxyTests.observe(row)
            print("route: \(observed)")
        }
        let output = String(decoding: result?.standardOutputContent ?? [], as: UTF8.self)
        #expect(output.contains("route: \(row.expected)\n"), "\(row.note): \(output)")
    }

    @Test("ProxyEnvironment: exempt extends the no_proxy libcurl reads, once; route and removeExemptions (in a child)")
    func environmentChanges() async {
        await #expect(processExitsWith: .success) {
            for name in ["http_proxy", "https_proxy", "no_proxy", "NO_PROXY"] { unsetenv(name) }
            func value(_ name: String) -> String? { getenv(name).map { String(cString: $0) } }
            setenv("NO_PROXY", "corp.example, LOCALHOST", 1)
            ProxyEnvironment.exempt(ProxyEnvironment.loopbackHosts)
            ProxyEnvironment.exempt(ProxyEnvironment.loopbackHosts)
            guard value("no_proxy") == "corp.example, LOCALHOST,127.0.0.1,::1,127.0.0.0/8" else { exit(1) }
            guard let proxy = try? HTTPProxy("http://u:p%40ss@10.1.2.3:3128") else { exit(2) }
            ProxyEnvironment.route(through: proxy)
            guard value("http_proxy") == "http://u:p%40ss@10.1.2.3:3128", value("https_proxy") == value("http_proxy")
            else { exit(3) }
            ProxyEnvironment.removeExemptions()
            guard value("no_proxy") == nil, value("NO_PROXY") == nil, ProxyEnvironment.exemptions.isEmpty else {
                exit(4)
            }
        }
    }

    /// Runs one row (in the child process) and describes where its request went.
    static func observe(_ row: Row) async throws -> String {
        for name in [
            "http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY", "no_proxy", "NO_PROXY",
        ] {
            unsetenv(name)
        }
        let proxy = try ForwardingProxy()
        let other = try ForwardingProxy()
        let origin = try TinyResponder { _ in .respond(status: 200, body: Data("origin".utf8)) }
        defer {
            proxy.stop()
            other.stop()
            origin.stop()
        }
        func setVariables() {
            for (name, value) in row.variables {
                let resolved = value.replacingOccurrences(of: "PROXY", with: proxy.url)
                    .replacingOccurrences(of: "OTHER", with: other.url)
                setenv(name, resolved, 1)
            }
        }
        if !row.setAfterFirstRequest { setVariables() }
        let configuration = URLSessionConfiguration.ephemeral
        if row.dictionary {
            configuration.connectionProxyDictionary = try HTTPProxy(proxy.url).connectionProxyDictionary
        }
        let transportProxy =
            try row.transportProxy
            ? HTTPProxy(row.credentials ? "http://user:p%40ss@127.0.0.1:\(proxy.port)" : proxy.url) : nil
        let transport = URLSessionTransport(configuration: configuration, proxy: transportProxy)
        let text = row.scheme == "https" ? "https://push.example.test/probe" : "http://127.0.0.1:\(origin.port)/probe"
        guard let url = URL(string: text) else { return "bad URL \(text)" }
        let request = TransportRequest(method: .get, url: url, headers: HeaderFields(), timeout: .seconds(20))
        if row.setAfterFirstRequest {
            _ = try await transport.send(request, body: nil)
            guard proxy.received.isEmpty, origin.received.count == 1 else { return "first request not direct" }
            setVariables()
        }
        _ = try? await transport.send(request, body: nil)
        if row.credentials {
            // "user:p@ss", as libcurl decodes the URL's user and password.
            let expected = "Basic " + Data("user:p@ss".utf8).base64EncodedString()
            guard proxy.received.first?.proxyAuthorization == expected else { return "no Basic credentials" }
        }
        let firstDirect = row.setAfterFirstRequest ? 1 : 0
        if let authority = proxy.connectAuthorities.first {
            return authority == "push.example.test:443" ? "CONNECT via proxy" : "CONNECT via proxy to \(authority)"
        }
        if let authority = other.connectAuthorities.first {
            return authority == "push.example.test:443" ? "CONNECT via other" : "CONNECT via other to \(authority)"
        }
        if proxy.forwardedCount > 0 { return origin.received.count > firstDirect ? "proxy" : "proxy, origin missed" }
        if other.forwardedCount > 0 { return "other" }
        return origin.received.count > firstDirect ? "direct" : "nowhere"
    }
}
