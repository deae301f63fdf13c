/// An ordered list of HTTP header fields with case-insensitive lookup.
///
/// Printing a `HeaderFields` value never reveals credentials: the value of `Authorization` is shown as
/// `<redacted>` in `description` and `debugDescription`, so headers can be logged safely.
///
/// ```swift
/// var headers: HeaderFields = ["Content-Type": "application/json"]
/// headers["content-type"]  // "application/json"
/// ```
public struct HeaderFields: Sendable, Hashable, Sequence, ExpressibleByDictionaryLiteral, CustomStringConvertible,
    CustomDebugStringConvertible
{
    /// One header line.
    public struct Field: Sendable, Hashable {
        /// The header name as it was set.
        public var name: String
        /// The header value.
        public var value: String

        /// Creates a header line.
        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    /// The names whose values are never printed.
    static let redactedNames: Set<String> = ["authorization", "proxy-authorization", "x-amz-security-token"]

    private var fields: [Field]

    /// Creates an empty list.
    public init() { fields = [] }

    /// Creates a list from header lines, keeping their order.
    public init(_ fields: [Field]) { self.fields = fields }

    /// Creates a list from a dictionary literal, keeping the literal's order.
    public init(dictionaryLiteral elements: (String, String)...) {
        fields = elements.map { Field(name: $0.0, value: $0.1) }
    }

    /// The value of the first field with this name (compared case-insensitively); setting replaces every field
    /// with that name, and setting `nil` removes them.
    public subscript(name: String) -> String? {
        get {
            let key = name.lowercased()
            return fields.first { $0.name.lowercased() == key }?.value
        }
        set {
            let key = name.lowercased()
            let position = fields.firstIndex { $0.name.lowercased() == key } ?? fields.endIndex
            fields.removeAll { $0.name.lowercased() == key }
            if let newValue {
                fields.insert(Field(name: name, value: newValue), at: position)
            }
        }
    }

    /// Whether a field with this name (compared case-insensitively) is present.
    public func contains(_ name: String) -> Bool { self[name] != nil }

    /// The number of header lines.
    public var count: Int { fields.count }

    /// Iterates over the header lines in order.
    public func makeIterator() -> IndexingIterator<[Field]> { fields.makeIterator() }

    /// The headers as `Name: value` lines, with credentials redacted.
    public var description: String {
        fields.map { field in
            let shown = Self.redactedNames.contains(field.name.lowercased()) ? "<redacted>" : field.value
            return "\(field.name): \(shown)"
        }.joined(separator: ", ")
    }

    /// Same as `description`: credentials are redacted.
    public var debugDescription: String { "HeaderFields(\(description))" }
}
