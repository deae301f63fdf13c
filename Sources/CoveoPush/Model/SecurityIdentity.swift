import Foundation

/// A security identity of a security provider: a user, group, virtual group or unknown identity.
///
/// ```swift
/// let bob = SecurityIdentity(name: "bjones@example.com", type: .user)
/// ```
public struct SecurityIdentity: Sendable, Hashable {
    /// The identity's name, unique within its provider.
    public var name: String
    /// The identity's kind.
    public var type: SecurityIdentityType
    /// Extra key/value information the provider keeps about the identity.
    public var additionalInfo: [String: String]

    /// Creates a security identity.
    public init(name: String, type: SecurityIdentityType, additionalInfo: [String: String] = [:]) {
        self.name = name
        self.type = type
        self.additionalInfo = additionalInfo
    }

    /// Checks the identity before it is sent.
    ///
    /// - Throws: ``ValidationError`` with rule ``ValidationError/Rule/emptyIdentifier`` when the name is empty.
    public func validate() throws(ValidationError) {
        if name.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw ValidationError(.emptyIdentifier, .identity(name), "an identity needs a non-empty name")
        }
    }
}

extension SecurityIdentity: Codable {
    private enum CodingKeys: String, CodingKey {
        case name, type, additionalInfo
    }

    /// Decodes `{"name", "type", "additionalInfo"}`; `additionalInfo` is optional.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        type = try container.decode(SecurityIdentityType.self, forKey: .type)
        additionalInfo = try container.decodeIfPresent([String: String].self, forKey: .additionalInfo) ?? [:]
    }

    /// Encodes `{"name", "type", "additionalInfo"}`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(type, forKey: .type)
        try container.encode(additionalInfo, forKey: .additionalInfo)
    }
}

