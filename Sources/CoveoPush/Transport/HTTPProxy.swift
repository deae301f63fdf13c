import Foundation

/// An HTTP proxy for ``URLSessionTransport``: `http://[user[:password]@]host:port`.
///
/// Plain `http` requests go to the proxy with their absolute URL; `https` requests open a tunnel with `CONNECT
/// host:443`, so TLS still runs end to end between the SDK and Coveo. How the proxy reaches URLSession differs by
/// platform; see ``URLSessionTransport/init(configuration:maximumConnectionsPerHost:proxy:)`` and
/// `Documentation/Proxies.md`.
///
/// Credentials never show up when the proxy is printed, interpolated, dumped or inspected with a `Mirror`: the user
/// and password read `<redacted>`. Errors never quote the text given, since it may hold the password.
///
/// ```swift
/// let proxy = try HTTPProxy("http://proxy.example.com:3128")
/// let transport = URLSessionTransport(proxy: proxy)
/// ```
public struct HTTPProxy: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    /// The proxy's host name or IP address (an IPv6 address without brackets).
    public let host: String
    /// The proxy's port.
    public let port: Int
    /// The user and password as written in the URL (percent-encoded), when given.
    private let percentEncodedUser: String?
    private let percentEncodedPassword: String?

    /// Reads a proxy URL.
    ///
    /// - Parameter text: `http://host:port`, optionally with `user:password@` before the host (percent-encode `@`,
    ///   `:` and `%` in them). The port is required (libcurl would otherwise assume its own default, 1080). Only
    ///   `http` proxies are supported (no `https://` or SOCKS proxy URL).
    /// - Throws: ``ValidationError`` with rule ``ValidationError/Rule/invalidURL`` for anything else: another
    ///   scheme, no host, no port or a port out of range, a path, query or fragment, or characters that cannot be
    ///   part of a host. The error names the rule, never the text.
    public init(_ text: String) throws(ValidationError) {
        let subject = ValidationError.Subject.configuration("proxy")
        func invalid(_ message: String) -> ValidationError { ValidationError(.invalidURL, subject, message) }
        guard !text.isEmpty, !text.unicodeScalars.contains(where: { $0.properties.isWhitespace || $0.value < 0x21 }),
            let components = URLComponents(string: text), let scheme = components.scheme
        else {
            throw invalid("the proxy is not a URL of the form http://host:port")
        }
        guard scheme.lowercased() == "http" else {
            throw invalid("the proxy URL must start with http:// (only HTTP proxies are supported)")
        }
        guard var host = components.host, !host.isEmpty else {
            throw invalid("the proxy URL has no host")
        }
        if host.hasPrefix("[") && host.hasSuffix("]") && host.count > 2 { host = String(host.dropFirst().dropLast()) }
        guard host.unicodeScalars.allSatisfy({ Self.isHostCharacter($0) }) else {
            throw invalid("the proxy URL's host has characters a host name cannot have")
        }
        guard let port = components.port else {
            throw invalid("the proxy URL must name a port (http://host:port)")
        }
        guard (1...65_535).contains(port) else {
            throw invalid("the proxy URL's port must be between 1 and 65535")
        }
        guard components.percentEncodedPath.isEmpty || components.percentEncodedPath == "/",
            components.percentEncodedQuery == nil, components.percentEncodedFragment == nil
        else {
            throw invalid("the proxy URL may not have a path, a query or a fragment")
        }
        let user = components.percentEncodedUser.flatMap { $0.isEmpty ? nil : $0 }
        if user == nil && !(components.percentEncodedPassword ?? "").isEmpty {
            throw invalid("the proxy URL has a password but no user")
        }
        self.host = host
        self.port = port
        percentEncodedUser = user
        percentEncodedPassword = user == nil ? nil : components.percentEncodedPassword
    }

    /// Whether the URL carried a user (and maybe a password) for the proxy.
    public var hasCredentials: Bool { percentEncodedUser != nil }

    /// `http://host:port`, or `http://<redacted>@host:port` when the URL carried credentials.
    public var description: String {
        "http://" + (hasCredentials ? "<redacted>@" : "") + hostAndPort
    }

    /// The same as ``description``.
    public var debugDescription: String { "HTTPProxy(\(description))" }

    /// A mirror showing the host and port only.
    public var customMirror: Mirror {
        Mirror(self, children: ["host": host, "port": port, "hasCredentials": hasCredentials], displayStyle: .struct)
    }

    /// `host:port`, an IPv6 host in brackets.
    var hostAndPort: String {
        (host.contains(":") ? "[\(host)]" : host) + ":\(port)"
    }

    /// The URL with its credentials, as libcurl reads it from `http_proxy` and `https_proxy` (it percent-decodes the
    /// user and password and sends them as `Proxy-Authorization: Basic`). Never print it.
    package var revealedURLForEnvironment: String {
        var credentials = ""
        if let percentEncodedUser {
            credentials = percentEncodedUser + (percentEncodedPassword.map { ":" + $0 } ?? "") + "@"
        }
        return "http://" + credentials + hostAndPort
    }

    /// The `URLSessionConfiguration.connectionProxyDictionary` that sends `http` and `https` requests through this
    /// proxy on Apple platforms (the keys of `kCFNetworkProxiesHTTP*` and `kCFNetworkProxiesHTTPS*`). It carries no
    /// credentials. swift-corelibs-foundation ignores it.
    package var connectionProxyDictionary: [AnyHashable: Any] {
        [
            "HTTPEnable": 1, "HTTPProxy": host, "HTTPPort": port,
            "HTTPSEnable": 1, "HTTPSProxy": host, "HTTPSPort": port,
        ]
    }

    /// Letters, digits, `.`, `-`, `_`, and `:` for IPv6 addresses (URLComponents has removed the brackets).
    private static func isHostCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: return true
        case 0x2E, 0x2D, 0x5F, 0x3A: return true
        default: return false
        }
    }
}
