/// What the Stream API returns when it accepts a close, update, merge or delete-older-than: the request's
/// `orderingId` and `requestId`, to correlate with the Logs API.
///
/// Both fields are optional. The Swagger file types `orderingId` as a string while the service sends a number;
/// both forms are read.
public struct StreamOperationResult: Decodable, Sendable, Hashable {
    /// The orderingId the service gave the operation (milliseconds since 1970), if it sent one.
    public var orderingId: Int64?
    /// The service's ID of the request, if it sent one.
    public var requestId: String?

    /// Creates a result.
    public init(orderingId: Int64? = nil, requestId: String? = nil) {
        self.orderingId = orderingId
        self.requestId = requestId
    }

    private enum CodingKeys: String, CodingKey {
        case orderingId, requestId
    }

    /// Decodes `{"orderingId", "requestId"}`, with `orderingId` as a number or a numeric string. Other keys and a
    /// `null` body are accepted.
    public init(from decoder: any Decoder) throws {
        if let single = try? decoder.singleValueContainer(), single.decodeNil() {
            self.init()
            return
        }
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let requestId = try container.decodeIfPresent(String.self, forKey: .requestId)
        var orderingId: Int64?
        if let number = try? container.decodeIfPresent(Int64.self, forKey: .orderingId) {
            orderingId = number
        } else if let text = try container.decodeIfPresent(String.self, forKey: .orderingId) {
            guard let number = Int64(text) else {
                throw DecodingError.dataCorruptedError(
                    forKey: .orderingId, in: container, debugDescription: "orderingId is not an integer")
            }
            orderingId = number
        }
        self.init(orderingId: orderingId, requestId: requestId)
    }
}

extension StreamOperationResult: DecodableFromEmptyBody {
    static var emptyBodyValue: StreamOperationResult { StreamOperationResult() }
}
