/// One query parameter of a Push API request, unencoded; the ``RequestBuilder`` percent-encodes it.
public struct QueryItem: Sendable, Hashable, CustomStringConvertible {
    /// The parameter name, such as `documentId`.
    public var name: String
    /// The parameter value, as text.
    public var value: String

    /// Creates a query parameter.
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }

    /// `name=value`, unencoded.
    public var description: String { "\(name)=\(value)" }
}

extension QueryItem {
    /// `[orderingId=…]` when set, else nothing.
    static func orderingId(_ value: Int64?) -> [QueryItem] {
        value.map { [QueryItem(name: "orderingId", value: String($0))] } ?? []
    }

    /// `[queueDelay=…]` when set, else nothing.
    static func queueDelay(_ value: Int?) -> [QueryItem] {
        value.map { [QueryItem(name: "queueDelay", value: String($0))] } ?? []
    }
}
