/// The Field API's rule for a field name, `^[a-z][a-z0-9_]{0,254}$`, checked byte by byte (no regular expression).
package enum FieldName {
    /// The longest name the Field API accepts.
    package static let maximumLength = 255

    /// Why no field can have this name, or `nil` when the name follows the rule.
    package static func problem(_ name: String) -> UnmappableMetadataKey.Reason? {
        var count = 0
        for byte in name.utf8 {
            let isLower = (0x61...0x7A).contains(byte)
            if count == 0 {
                guard isLower else { return .invalidName }
            } else if !(isLower || (0x30...0x39).contains(byte) || byte == UInt8(ascii: "_")) {
                return .invalidName
            }
            count += 1
        }
        if count == 0 { return .invalidName }
        return count > maximumLength ? .tooLong : nil
    }

    /// Whether the name follows the rule.
    package static func isValid(_ name: String) -> Bool { problem(name) == nil }

    /// The key with ASCII `A`–`Z` folded to `a`–`z`, as the service matches metadata to fields; other characters
    /// are kept, so a key with any other letter stays an invalid name. Returns the key itself (no copy) when it
    /// has no uppercase ASCII letter.
    package static func folded(_ key: String) -> String {
        guard key.utf8.contains(where: { (0x41...0x5A).contains($0) }) else { return key }
        return String(decoding: key.utf8.map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }, as: UTF8.self)
    }
}
