/// How the client authenticates: a fixed API key, or a provider of short-lived access tokens.
///
/// ```swift
/// let fixed = Credentials.apiKey(try APIKey(ProcessInfo.processInfo.environment["COVEO_API_KEY"] ?? ""))
/// let oauth = Credentials.tokenProvider { forceRefresh in
///     try await tokenCache.accessToken(refreshing: forceRefresh)
/// }
/// ```
public enum Credentials: Sendable {
    /// Asked for a token before the first request, and again with `forceRefresh: true` once after a 401.
    public typealias TokenProvider = @Sendable (_ forceRefresh: Bool) async throws -> APIKey

    /// A Coveo API key (or any fixed bearer token).
    case apiKey(APIKey)
    /// A closure that returns an access token, for OAuth tokens that expire.
    case tokenProvider(TokenProvider)
}
