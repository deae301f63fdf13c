import Foundation

/// A metadata value of an item: the types the Push API accepts for metadata.
///
/// Strings, integers, doubles, booleans and dates are primitives. An array holds primitives (multi-value fields);
/// a dictionary maps strings to primitives (dictionary fields of catalog sources). Nested arrays or objects,
/// NaN and infinity are refused by ``Document/validate()``.
///
/// Literals make metadata easy to write:
///
/// ```swift
/// document.metadata["tags"] = ["swift", "coveo"]
/// document.metadata["views"] = 42
/// document.metadata["published"] = .date(Date())
/// ```
public enum MetadataValue: Sendable, Hashable {
    /// A string.
    case string(String)
    /// A 64-bit integer.
    case integer(Int64)
    /// A finite double.
    case double(Double)
    /// A boolean (best mapped to a string field in the index).
    case bool(Bool)
    /// A date, sent as UTC ISO 8601 with milliseconds.
    case date(Date)
    /// An array of primitives.
    case array([MetadataValue])
    /// A flat dictionary of string keys to primitives.
    case dictionary([String: MetadataValue])

    /// An array of strings (a multi-value field).
    public static func strings(_ values: [String]) -> MetadataValue {
        .array(values.map(MetadataValue.string))
    }

    /// Whether the value is a primitive (not an array or dictionary).
    public var isPrimitive: Bool {
        switch self {
        case .array, .dictionary: return false
        default: return true
        }
    }

    /// Why the service would refuse this value, or `nil` when it is acceptable.
    func unsupportedReason() -> String? {
        switch self {
        case .double(let value) where !value.isFinite:
            return "\(value) is not a finite number"
        case .date(let date) where !ISO8601Timestamp.canRepresent(date):
            return "the date is outside the years 0001–9999"
        case .array(let elements):
            for element in elements {
                if !element.isPrimitive { return "an array may only hold strings, numbers, booleans and dates" }
                if let reason = element.unsupportedReason() { return reason }
            }
            return nil
        case .dictionary(let entries):
            for (_, element) in entries {
                if !element.isPrimitive { return "a dictionary may only hold strings, numbers, booleans and dates" }
                if let reason = element.unsupportedReason() { return reason }
            }
            return nil
        default:
            return nil
        }
    }
}

extension MetadataValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
    /// A string value.
    public init(stringLiteral value: String) { self = .string(value) }
    /// An integer value.
    public init(integerLiteral value: Int64) { self = .integer(value) }
    /// A double value.
    public init(floatLiteral value: Double) { self = .double(value) }
    /// A boolean value.
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    /// An array value.
    public init(arrayLiteral elements: MetadataValue...) { self = .array(elements) }
    /// A dictionary value.
    public init(dictionaryLiteral elements: (String, MetadataValue)...) {
        self = .dictionary(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
}

extension MetadataValue: Codable {
    /// Decodes any JSON value: strings, integral numbers as integers, other numbers as doubles, booleans,
    /// arrays and objects. Dates arrive as strings (JSON has no date type). A decoder cannot show a number's text,
    /// so `10.0` decodes as the integer 10 here; the CLI's reader (`Document(json:)`) keeps it a double.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int64.self) {
            self = .integer(value)
        } else if let value = try? container.decode(Double.self) {
            self = .double(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([MetadataValue].self) {
            self = .array(value)
        } else if let value = try? container.decode([String: MetadataValue].self) {
            self = .dictionary(value)
        } else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "null is not a metadata value"))
        }
    }

    /// Encodes the value as JSON; dates as UTC ISO 8601 strings with milliseconds.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .string(let value): try container.encode(value)
        case .integer(let value): try container.encode(value)
        case .double(let value): try container.encode(value)
        case .bool(let value): try container.encode(value)
        case .date(let value): try container.encode(ISO8601Timestamp.string(from: value))
        case .array(let value): try container.encode(value)
        case .dictionary(let value): try container.encode(value)
        }
    }
}
