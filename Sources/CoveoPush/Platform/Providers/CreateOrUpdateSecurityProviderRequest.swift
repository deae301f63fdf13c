import Foundation

/// Creates or updates an `EXPANDED` security identity provider for a source:
/// `PUT {platform}/rest/organizations/{organizationId}/securityproviders/{providerId}` with
///
/// ```json
/// {"id":"<providerId>","displayName":"<name>","nodeRequired":false,"type":"EXPANDED",
///  "referencedBy":[{"id":"<sourceId>","type":"SOURCE"}],
///  "cascadingSecurityProviders":{"EmailSecurityProvider":{"id":"Email Security Provider","type":"EMAIL"}}}
/// ```
///
/// The provider holds the identities the crawler pushes (Push API `…/providers/{providerId}/permissions`) and
/// cascades to Coveo's built-in Email Security Provider, so that users are matched by e-mail address. Success is
/// `200` with the ``SecurityProviderModel``. Safe to repeat: the body is a full replacement.
public struct CreateOrUpdateSecurityProviderRequest: PushRequest, Hashable {
    /// The provider as stored.
    public typealias Response = SecurityProviderModel

    /// The organization ID.
    public let organizationId: String
    /// The provider ID.
    public let providerId: String
    /// The source whose items the provider secures.
    public let sourceId: String
    /// The name shown in the console.
    public let displayName: String

    /// Creates the request.
    ///
    /// - Parameters:
    ///   - organizationId: The organization ID.
    ///   - providerId: The provider ID.
    ///   - sourceId: The source the provider is for (a provider without a source is refused).
    ///   - displayName: The name shown in the console; the provider ID by default.
    /// - Throws: ``ValidationError`` with rule ``ValidationError/Rule/emptyIdentifier`` for an empty ID.
    public init(organizationId: String, providerId: String, sourceId: String, displayName: String? = nil)
        throws(ValidationError)
    {
        try RequestValidation.identifier(organizationId, "organizationId")
        try RequestValidation.identifier(providerId, "providerId")
        try RequestValidation.identifier(sourceId, "sourceId")
        self.organizationId = organizationId
        self.providerId = providerId
        self.sourceId = sourceId
        let name = displayName?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        self.displayName = name.isEmpty ? providerId : name
    }

    /// ``PushOperation/createOrUpdateSecurityProvider``.
    public var operation: PushOperation { .createOrUpdateSecurityProvider }
    /// ``CoveoAPI/platform``.
    public var api: CoveoAPI { .platform }
    /// `PUT`.
    public var method: HTTPMethod { .put }
    /// `rest/organizations/{organizationId}/securityproviders/{providerId}`.
    public var pathComponents: [String] { ["rest", "organizations", organizationId, "securityproviders", providerId] }
    /// The body above.
    public func makeBody() throws(ValidationError) -> RequestBody? {
        let body: JSONValue = .object([
            "id": .string(providerId),
            "displayName": .string(displayName),
            "nodeRequired": false,
            "type": "EXPANDED",
            "referencedBy": [.object(["id": .string(sourceId), "type": "SOURCE"])],
            "cascadingSecurityProviders": [
                "EmailSecurityProvider": ["id": "Email Security Provider", "type": "EMAIL"]
            ],
        ])
        return PlatformJSON.body(body)
    }
}
