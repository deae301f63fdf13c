/// A source of a Coveo organization, as the Source API returns it (the parts a crawler needs of its `SourceModel`).
///
/// ```swift
/// let source = try await client.createSource(name: "Tickets")
/// print(source.id)  // rp5rxzbdz753uhndklv2ztkfgy-acme
/// ```
public struct SourceModel: Sendable, Hashable, Decodable {
    /// The source ID (`<26 lowercase letters and digits>-<organization ID>` for sources the service creates).
    public var id: String
    /// The source name, unique in the organization.
    public var name: String
    /// The source type.
    public var sourceType: SourceType
    /// Who may see the source's items.
    public var sourceVisibility: SourceVisibility?
    /// Whether the Push API may feed it.
    public var pushEnabled: Bool?
    /// Whether the Stream API may feed it.
    public var streamEnabled: Bool?
    /// The source's state (`CREATING`, `IDLE`, `PUSH_READY`, …) from `information.sourceStatus.type`, when given.
    public var status: String?
    /// The number of items, from `information.numberOfDocuments` (deprecated by Coveo, still sent), when given.
    public var numberOfDocuments: Int64?

    /// Creates a source model.
    public init(
        id: String, name: String, sourceType: SourceType, sourceVisibility: SourceVisibility? = nil,
        pushEnabled: Bool? = nil, streamEnabled: Bool? = nil, status: String? = nil, numberOfDocuments: Int64? = nil
    ) {
        self.id = id
        self.name = name
        self.sourceType = sourceType
        self.sourceVisibility = sourceVisibility
        self.pushEnabled = pushEnabled
        self.streamEnabled = streamEnabled
        self.status = status
        self.numberOfDocuments = numberOfDocuments
    }

    private enum CodingKeys: String, CodingKey {
        case id, name, sourceType, sourceVisibility, pushEnabled, streamEnabled, information
    }

    private struct Information: Decodable {
        struct Status: Decodable { var type: String? }
        var sourceStatus: Status?
        var numberOfDocuments: Int64?
    }

    /// Decodes a `SourceModel`; unknown keys are ignored, and only `id` is required (a create answer may be `{id}`).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        name = try container.decodeIfPresent(String.self, forKey: .name) ?? ""
        sourceType = try container.decodeIfPresent(SourceType.self, forKey: .sourceType) ?? SourceType(rawValue: "")
        sourceVisibility = try container.decodeIfPresent(SourceVisibility.self, forKey: .sourceVisibility)
        pushEnabled = try container.decodeIfPresent(Bool.self, forKey: .pushEnabled)
        streamEnabled = try container.decodeIfPresent(Bool.self, forKey: .streamEnabled)
        let information = try container.decodeIfPresent(Information.self, forKey: .information)
        status = information?.sourceStatus?.type
        numberOfDocuments = information?.numberOfDocuments
    }
}
