/// The request line and header fields of one HTTP/1.x request, as read by ``HTTPRequestParser``.
struct HTTPRequestHead: Sendable, Hashable {
    /// The method token, case preserved (`PUT`).
    var method: String
    /// The request target exactly as sent (`/push/v1/...?x=1`, or an absolute URL).
    var target: String
    /// The minor version of HTTP/1.x (`0` or `1`).
    var minorVersion: Int
    /// The header fields in the order they were sent.
    var headers: HeaderFields

    /// Whether the connection stays open after the response (the HTTP/1.0 and 1.1 defaults and `Connection`).
    var keepAlive: Bool {
        let options = Self.tokens(in: headers, named: "connection")
        if options.contains("close") { return false }
        return minorVersion >= 1 || options.contains("keep-alive")
    }

    /// Whether the client waits for `100 Continue` before sending the body.
    var expectsContinue: Bool {
        minorVersion >= 1 && headers["expect"]?.lowercased().trimmingHTTPWhitespace() == "100-continue"
    }

    /// The target as a path and query (`/a/b?c=d`), or `nil` when it is neither origin- nor absolute-form.
    var pathAndQuery: String? { Self.pathAndQuery(of: target) }

    /// A request target as a path and query, or `nil` when it is neither origin- nor absolute-form.
    static func pathAndQuery(of target: String) -> String? {
        if target.hasPrefix("/") { return target }
        if target == "*" { return "/" }
        let lowered = target.lowercased()
        for scheme in ["http://", "https://"] where lowered.hasPrefix(scheme) {
            let rest = target.dropFirst(scheme.count)
            guard !rest.isEmpty, !rest.hasPrefix("/") else { return nil }
            if let slash = rest.firstIndex(where: { $0 == "/" || $0 == "?" }) {
                let tail = rest[slash...]
                return tail.hasPrefix("/") ? String(tail) : "/" + tail
            }
            return "/"
        }
        return nil
    }

    /// The comma-separated tokens of every field with this name, trimmed and lowercased.
    static func tokens(in headers: HeaderFields, named name: String) -> [String] {
        headers.filter { $0.name.lowercased() == name }
            .flatMap { $0.value.split(separator: ",") }
            .map { String($0).trimmingHTTPWhitespace().lowercased() }
            .filter { !$0.isEmpty }
    }
}
