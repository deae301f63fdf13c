/// A bearer token for the Push API: an API key or an OAuth access token.
///
/// The value never shows up when the key is printed, interpolated, dumped or inspected with a `Mirror`: all of them
/// read `APIKey(<redacted>)`. The raw value is reachable only through
/// ``revealedValueForAuthorizationHeader``, which the ``RequestBuilder`` uses to write the `Authorization` header.
///
/// ```swift
/// let key = try APIKey(environment["COVEO_API_KEY"] ?? "")
/// print(key)  // APIKey(<redacted>)
/// ```
///
/// A key from a string literal (including `APIKey("…")` written with a literal, which Swift treats as a literal) is
/// checked when a request is built, since a literal cannot throw.
public struct APIKey: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable,
    ExpressibleByStringLiteral
{
    private let value: String

    /// Creates a key, checking that it can travel in an HTTP header.
    ///
    /// - Parameter value: The API key or access token, without the `Bearer ` prefix.
    /// - Throws: ``ValidationError`` with rule ``ValidationError/Rule/emptyIdentifier`` when the value is empty or
    ///   only whitespace, or ``ValidationError/Rule/invalidAPIKey`` when it contains whitespace, a line break, a
    ///   control character or non-ASCII text (which could inject headers or would be mangled on the wire). The
    ///   error never contains the value.
    public init(_ value: String) throws(ValidationError) {
        try Self.check(value)
        self.value = value
    }

    /// Creates a key from a literal; it is checked when a request is built.
    public init(stringLiteral value: String) {
        self.value = value
    }

    /// The raw token, for the `Authorization: Bearer` header and nothing else. Never log it.
    public var revealedValueForAuthorizationHeader: String { value }

    /// `APIKey(<redacted>)`.
    public var description: String { "APIKey(<redacted>)" }

    /// `APIKey(<redacted>)`.
    public var debugDescription: String { description }

    /// A mirror with no children, so `dump` and debuggers show nothing of the value.
    public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }

    /// Checks this key again (used for keys made from literals).
    func validate() throws(ValidationError) {
        try Self.check(value)
    }

    private static func check(_ value: String) throws(ValidationError) {
        let subject = ValidationError.Subject.configuration("apiKey")
        if value.unicodeScalars.allSatisfy({ $0.properties.isWhitespace }) {
            throw ValidationError(.emptyIdentifier, subject, "the API key is empty")
        }
        // A bearer token is printable ASCII without spaces; anything else is a copy-paste or injection problem.
        if let bad = value.unicodeScalars.first(where: { !(0x21...0x7E).contains($0.value) }) {
            let what: String
            switch bad.value {
            case 0x0A, 0x0D: what = "a line break (a trailing newline from a file? trim it)"
            case 0x20, 0x09: what = "whitespace"
            case 0x00..<0x20, 0x7F: what = "a control character"
            default: what = "a non-ASCII character"
            }
            throw ValidationError(.invalidAPIKey, subject, "the API key contains \(what)")
        }
    }
}
