import CoveoPush
import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// How the command's `URLSessionTransport` reaches the network: through the `--proxy` option, or as the platform's
/// settings say with loopback hosts always reached directly.
///
/// On Linux both work through the variables libcurl reads (``ProxyEnvironment``), changed in this process only and
/// before its first session exists: `--proxy` sets `http_proxy` and `https_proxy` and removes `no_proxy` and
/// `NO_PROXY`, so every request goes through it; without it, the loopback hosts are added to `no_proxy`. On Apple
/// platforms the session's `connectionProxyDictionary` carries the proxy, or is emptied for a loopback target.
enum ProxySetup {
    /// The `--proxy` option, checked.
    ///
    /// - Throws: ``UsageError`` naming `--proxy` and the rule broken, never the value (it may hold a password).
    static func proxy(from arguments: ParsedArguments) throws(UsageError) -> HTTPProxy? {
        guard let text = arguments.string(ClientOptions.proxy) else { return nil }
        do {
            return try HTTPProxy(text)
        } catch {
            throw UsageError("\(ClientOptions.proxy): \(error.message)")
        }
    }

    /// The transport for a real target: through `proxy`, or with loopback hosts reached directly.
    static func makeTransport(
        proxy: HTTPProxy?, endpoint: PushEndpoint, maximumConnectionsPerHost: Int
    ) -> URLSessionTransport {
        if let proxy {
            #if canImport(FoundationNetworking)
                ProxyEnvironment.removeExemptions()
            #endif
            return URLSessionTransport(maximumConnectionsPerHost: maximumConnectionsPerHost, proxy: proxy)
        }
        let configuration = URLSessionConfiguration.ephemeral
        #if canImport(FoundationNetworking)
            ProxyEnvironment.exempt(ProxyEnvironment.loopbackHosts)
        #else
            if PushEndpoint.isLoopback(host: endpoint.baseURL.host ?? "") {
                configuration.connectionProxyDictionary = [:]
            }
        #endif
        return URLSessionTransport(configuration: configuration, maximumConnectionsPerHost: maximumConnectionsPerHost)
    }
}
