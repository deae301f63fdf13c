import Foundation

/// A JSON value as the in-memory Push service received it: metadata values and permissions of stored items.
///
/// Integral numbers that fit in 64 bits are ``integer(_:)``; every other number is ``double(_:)``.
///
/// ```swift
/// let item = try #require(await service.item("https://example.com/a", sourceId: "src"))
/// #expect(item.metadata["views"] == .integer(42))
/// #expect(item.metadata["tags"] == ["swift", "coveo"])
/// ```
public enum EmulatedJSON: Sendable, Hashable {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// An integral number that fits in an `Int64`.
    case integer(Int64)
    /// Any other finite number.
    case double(Double)
    /// A string.
    case string(String)
    /// An array.
    case array([EmulatedJSON])
    /// An object (key order is not kept).
    case object([String: EmulatedJSON])

    /// The string, when the value is a string.
    public var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// The integer, when the value is an integral number.
    public var integerValue: Int64? {
        if case .integer(let value) = self { return value }
        return nil
    }

    /// The number as a double, when the value is a number.
    public var doubleValue: Double? {
        switch self {
        case .integer(let value): return Double(value)
        case .double(let value): return value
        default: return nil
        }
    }

    /// The boolean, when the value is a boolean.
    public var boolValue: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }

    /// The elements, when the value is an array.
    public var arrayValue: [EmulatedJSON]? {
        if case .array(let value) = self { return value }
        return nil
    }

    /// The members, when the value is an object.
    public var objectValue: [String: EmulatedJSON]? {
        if case .object(let value) = self { return value }
        return nil
    }

    /// Whether the value is a string, number, boolean or `null`.
    public var isPrimitive: Bool {
        switch self {
        case .array, .object: return false
        default: return true
        }
    }

    /// The member of an object whose key equals `key` ignoring case (the Push API compares keys that way).
    public func member(_ key: String) -> EmulatedJSON? {
        guard case .object(let members) = self else { return nil }
        if let exact = members[key] { return exact }
        let folded = key.lowercased()
        return members.first { $0.key.lowercased() == folded }?.value
    }

    /// Compact JSON text of the value, with object keys sorted so the text is deterministic.
    public var jsonText: String {
        var writer = JSONWriter()
        write(to: &writer)
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    /// Parses JSON text.
    ///
    /// - Throws: an error when the text is not a single valid JSON value (the emulator's parser is strict:
    ///   duplicate keys, invalid UTF-8, non-finite numbers and nesting deeper than 256 levels are refused).
    public init(parsing text: some StringProtocol) throws {
        self = try EmulatedJSONParser.parse(Data(text.utf8))
    }

    func write(to writer: inout JSONWriter) {
        switch self {
        case .null: writer.null()
        case .bool(let value): writer.bool(value)
        case .integer(let value): writer.integer(value)
        case .double(let value): writer.double(value)
        case .string(let value): writer.string(value)
        case .array(let elements):
            writer.beginArray()
            for element in elements { element.write(to: &writer) }
            writer.endArray()
        case .object(let members):
            writer.beginObject()
            for key in members.keys.sorted() {
                writer.key(key)
                members[key]?.write(to: &writer)
            }
            writer.endObject()
        }
    }
}

extension EmulatedJSON: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral
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
    public init(arrayLiteral elements: EmulatedJSON...) { self = .array(elements) }
    /// An object value (the last of duplicate keys wins).
    public init(dictionaryLiteral elements: (String, EmulatedJSON)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
    /// `null`.
    public init(nilLiteral: ()) { self = .null }
}

extension EmulatedJSON: CustomStringConvertible {
    /// The compact JSON text.
    public var description: String { jsonText }
}
