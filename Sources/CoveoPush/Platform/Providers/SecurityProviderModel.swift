/// A security identity provider, as the Security Cache API returns it (the parts a crawler needs).
public struct SecurityProviderModel: Sendable, Hashable, Decodable {
    /// The provider ID: the `providerId` of the Push API's identity routes.
    public var id: String
    /// The name shown in the console, when given.
    public var displayName: String?
    /// The provider type, such as `EXPANDED`, when given.
    public var type: String?
    /// The IDs of the sources that reference the provider (`referencedBy` entries of type `SOURCE`).
    public var sourceIds: [String]
    /// The IDs of the providers it cascades to (such as `Email Security Provider`).
    public var cascadingProviderIds: [String]

    /// Creates a provider model.
    public init(
        id: String, displayName: String? = nil, type: String? = nil, sourceIds: [String] = [],
        cascadingProviderIds: [String] = []
    ) {
        self.id = id
        self.displayName = displayName
        self.type = type
        self.sourceIds = sourceIds
        self.cascadingProviderIds = cascadingProviderIds
    }

    private enum CodingKeys: String, CodingKey {
        case id, name, displayName, type, referencedBy, cascadingSecurityProviders
    }

    private struct Reference: Decodable {
        var id: String?
        var name: String?
        var type: String?
    }

    /// Decodes a `SecurityProviderModel`; unknown keys are ignored. The deprecated `name` stands for a missing `id`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let name = try container.decodeIfPresent(String.self, forKey: .name)
        guard let id = try container.decodeIfPresent(String.self, forKey: .id) ?? name else {
            throw DecodingError.keyNotFound(
                CodingKeys.id, .init(codingPath: container.codingPath, debugDescription: "no id and no name"))
        }
        self.id = id
        displayName = try container.decodeIfPresent(String.self, forKey: .displayName) ?? name
        type = try container.decodeIfPresent(String.self, forKey: .type)
        let references = try container.decodeIfPresent([Reference].self, forKey: .referencedBy) ?? []
        sourceIds = references.filter { ($0.type ?? "SOURCE") == "SOURCE" }.compactMap(\.id)
        let cascading =
            try container.decodeIfPresent([String: Reference].self, forKey: .cascadingSecurityProviders) ?? [:]
        cascadingProviderIds = cascading.sorted { $0.key < $1.key }.compactMap { $0.value.id ?? $0.value.name }
    }
}
