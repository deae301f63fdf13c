/// A JSON value: what the SDK reads from JSON, and what the emulator and the recording transport hand to tests
/// (an emulated item's metadata and permissions, the entries of a recorded batch).
///
/// Numbers are ``JSONNumber``s: they tell integers from other numbers (``JSONNumber/isIntegerLiteral``,
/// ``int64Value``) and keep their original text. Objects are ``JSONObject``s: members in document order,
/// duplicates kept, compared without regard to order. Literals make values easy to write in tests:
///
/// ```swift
/// let value: JSONValue = ["documentId": "https://example.com/a", "tags": ["a", "b"], "views": 3]
/// value["views"]?.int64Value  // 3
/// value["views"] == .integer(3)  // true
/// ```
public enum JSONValue: Sendable, Hashable {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// A number.
    case number(JSONNumber)
    /// A string.
    case string(String)
    /// An array.
    case array([JSONValue])
    /// An object, members in order.
    case object(JSONObject)

    /// An integer number.
    public static func integer(_ value: Int64) -> JSONValue { .number(JSONNumber(value)) }

    /// A number from a double; `null` for NaN and infinity, which JSON cannot represent.
    public static func double(_ value: Double) -> JSONValue { JSONNumber(value).map(JSONValue.number) ?? .null }

    /// Whether the value is `null`.
    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// The boolean, or `nil` for any other kind of value.
    public var boolValue: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }

    /// The string, or `nil` for any other kind of value.
    public var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// The number, or `nil` for any other kind of value.
    public var numberValue: JSONNumber? {
        if case .number(let value) = self { return value }
        return nil
    }

    /// The exact integer of an integral number within `Int64`, or `nil`.
    public var int64Value: Int64? { numberValue?.int64Value }

    /// The number as a double, or `nil` for any other kind of value.
    public var doubleValue: Double? { numberValue?.doubleValue }

    /// The elements of an array, or `nil` for any other kind of value.
    public var arrayValue: [JSONValue]? {
        if case .array(let value) = self { return value }
        return nil
    }

    /// The object, or `nil` for any other kind of value.
    public var objectValue: JSONObject? {
        if case .object(let value) = self { return value }
        return nil
    }

    /// The value of the first member with this key when the value is an object, else `nil`.
    public subscript(key: String) -> JSONValue? {
        objectValue?[key]
    }

    /// The kind of value with its article, for messages: `null`, `a boolean`, `a number`, `a string`,
    /// `an array`, `an object`.
    package var kindDescription: String {
        switch self {
        case .null: return "null"
        case .bool: return "a boolean"
        case .number: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }
}

extension JSONValue: ExpressibleByNilLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByFloatLiteral, ExpressibleByStringLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
    /// `null`.
    public init(nilLiteral: ()) { self = .null }
    /// A boolean.
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    /// An integer.
    public init(integerLiteral value: Int64) { self = .number(JSONNumber(value)) }
    /// A double; a non-finite literal becomes `null`, which is what JSON writers emit for it.
    public init(floatLiteral value: Double) { self = JSONNumber(value).map(JSONValue.number) ?? .null }
    /// A string.
    public init(stringLiteral value: String) { self = .string(value) }
    /// An array.
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    /// An object, keeping the literal's order.
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(JSONObject(elements.map { (key: $0.0, value: $0.1) }))
    }
}
