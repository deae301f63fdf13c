/// The type of a Coveo field, as the Field API names it (`LONG`, `LONG_64`, `DOUBLE`, `DATE`, `STRING`, `VECTOR`).
///
/// An open set: a field listing may return a type this SDK does not know yet; it decodes as is rather than failing.
/// Compare with the static members (`field.type == .string`). Encoded as its name (the standard library's coding of
/// a `String`-backed `RawRepresentable`).
public struct FieldType: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible {
    /// The name the Field API uses, such as `LONG_64`.
    public let rawValue: String

    /// Creates a type from its Field API name.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// The name.
    public var description: String { rawValue }

    /// A 32-bit signed integer.
    public static let long = FieldType(rawValue: "LONG")
    /// A 64-bit signed integer.
    public static let long64 = FieldType(rawValue: "LONG_64")
    /// A floating-point number ("Decimal" in the console).
    public static let double = FieldType(rawValue: "DOUBLE")
    /// A date.
    public static let date = FieldType(rawValue: "DATE")
    /// Text.
    public static let string = FieldType(rawValue: "STRING")
    /// A vector of numbers, for semantic search; never inferred from metadata.
    public static let vector = FieldType(rawValue: "VECTOR")
}
