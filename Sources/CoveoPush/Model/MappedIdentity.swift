/// An identity that another identity is an alias of, optionally in a named provider.
public struct MappedIdentity: Sendable, Hashable {
    /// The mapped identity's name.
    public var name: String
    /// The mapped identity's kind.
    public var type: SecurityIdentityType
    /// Extra key/value information.
    public var additionalInfo: [String: String]
    /// The provider holding the mapped identity; needed only when the provider cascades to several providers.
    public var provider: String?

    /// Creates a mapped identity.
    public init(name: String, type: SecurityIdentityType, additionalInfo: [String: String] = [:], provider: String? = nil) {
        self.name = name
        self.type = type
        self.additionalInfo = additionalInfo
        self.provider = provider
    }

    /// Checks the mapped identity before it is sent.
    public func validate() throws(ValidationError) {
        try SecurityIdentity(name: name, type: type).validate()
    }
}

extension MappedIdentity: Codable {
    private enum CodingKeys: String, CodingKey {
        case name, type, additionalInfo, provider
    }

    /// Decodes `{"name", "type", "additionalInfo", "provider"}`; the last two are optional.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        type = try container.decode(SecurityIdentityType.self, forKey: .type)
        additionalInfo = try container.decodeIfPresent([String: String].self, forKey: .additionalInfo) ?? [:]
        provider = try container.decodeIfPresent(String.self, forKey: .provider)
    }
}
