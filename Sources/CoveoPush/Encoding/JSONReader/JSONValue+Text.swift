extension JSONValue: CustomStringConvertible {
    /// Parses JSON text strictly, as the SDK reads its input (RFC 8259; see the SDK's parser for the rules).
    ///
    /// Object members keep their order and duplicates; arrays and objects may nest at most 512 levels.
    ///
    /// - Throws: an error naming the first mistake and its position when `text` is not exactly one JSON value.
    public init(parsing text: some StringProtocol) throws {
        self = try JSONParser().parse(String(text))
    }

    /// The value as compact JSON text: members in order, numbers in their original text.
    public var jsonText: String {
        String(decoding: jsonBytes, as: UTF8.self)
    }

    /// The compact JSON text (``jsonText``).
    public var description: String { jsonText }
}
