import Foundation
import Testing

@testable import CoveoPush

@Suite("HTTPProxy")
struct HTTPProxyTests {
    @Test("a proxy URL gives host and port; credentials are kept for libcurl and never printed")
    func parsesAndRedacts() throws {
        let proxy = try HTTPProxy("http://user:s3cret%40pw@proxy.example.com:3128/")
        #expect(proxy.host == "proxy.example.com")
        #expect(proxy.port == 3128)
        #expect(proxy.hasCredentials)
        #expect(proxy.revealedURLForEnvironment == "http://user:s3cret%40pw@proxy.example.com:3128")
        for text in [
            "\(proxy)", String(reflecting: proxy),
            {
                var out = ""
                dump(proxy, to: &out)
                return out
            }(),
        ] {
            #expect(!text.contains("s3cret"), "\(text)")
            #expect(!text.contains("user"), "\(text)")
            #expect(text.contains("proxy.example.com:3128"), "\(text)")
        }
        #expect(proxy.description == "http://<redacted>@proxy.example.com:3128")
    }

    @Test("without credentials, an IPv6 host, an upper-case scheme")
    func otherForms() throws {
        let plain = try HTTPProxy("HTTP://10.0.0.1:8080")
        #expect(plain.description == "http://10.0.0.1:8080")
        #expect(!plain.hasCredentials)
        let ipv6 = try HTTPProxy("http://[::1]:3128")
        #expect(ipv6.host == "::1")
        #expect(ipv6.revealedURLForEnvironment == "http://[::1]:3128")
        let dictionary = plain.connectionProxyDictionary
        #expect(dictionary["HTTPSProxy"] as? String == "10.0.0.1")
        #expect(dictionary["HTTPSPort"] as? Int == 8080)
        #expect(dictionary["HTTPProxy"] as? String == "10.0.0.1")
        #expect(dictionary["HTTPEnable"] as? Int == 1)
    }

    @Test(
        "malformed proxy URLs are refused with invalidURL, naming the rule and never the text",
        arguments: [
            ("", "not a URL"),
            ("proxy.example.com:3128", "http://"),
            ("https://u:s3cret@proxy.example.com:443", "http://"),
            ("socks5://u:s3cret@proxy.example.com:1080", "http://"),
            ("http://u:s3cret@proxy.example.com", "port"),
            ("http://u:s3cret@proxy.example.com:0", "port"),
            ("http://u:s3cret@proxy.example.com:70000", "port"),
            ("http://u:s3cret@:3128", "no host"),
            ("http://u:s3cret@proxy.example.com:3128/path", "path"),
            ("http://u:s3cret@proxy.example.com:3128?q=1", "query"),
            ("http://u:s3cret@proxy example.com:3128", "not a URL"),
            ("http://:s3cret@proxy.example.com:3128", "password but no user"),
        ]
    )
    func refusesMalformed(text: String, fragment: String) {
        #expect {
            _ = try HTTPProxy(text)
        } throws: { error in
            guard let error = error as? ValidationError else { return false }
            return error.rule == .invalidURL && error.subject == .configuration("proxy")
                && error.message.contains(fragment) && !error.description.contains("s3cret")
        }
    }
}
