import Foundation

/// A closed set of names that the service and other clients spell several ways (`User`, `USER`, `VIRTUAL_GROUP`,
/// `virtualGroup`): parsed ignoring case and underscores, always written with the type's own raw value.
package protocol LenientlyNamed: CaseIterable, RawRepresentable where RawValue == String {}

extension LenientlyNamed {
    /// Parses any spelling seen in the wild, ignoring case and underscores.
    package init?(lenient text: String) {
        let folded = Self.folded(text)
        guard let match = Self.allCases.first(where: { Self.folded($0.rawValue) == folded }) else { return nil }
        self = match
    }

    /// Decodes a string in any spelling ``init(lenient:)`` accepts.
    package static func decodeLeniently(from decoder: any Decoder) throws -> Self {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let value = Self(lenient: text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "unknown identity type '\(text)'"))
        }
        return value
    }

    /// Encodes the raw value.
    package func encodeRawValue(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    private static func folded(_ text: String) -> String {
        text.lowercased().replacingOccurrences(of: "_", with: "")
    }
}
