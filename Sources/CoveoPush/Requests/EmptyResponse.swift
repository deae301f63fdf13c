/// The response of an operation whose success body carries nothing useful (`201`/`202` with no body, `null` or
/// `{}`).
///
/// It decodes from any JSON value. `JSONDecoder` cannot decode an empty body, so
/// ``PushRequest/decodeResponse(from:)`` special-cases it: empty and whitespace-only bodies give an
/// `EmptyResponse` without decoding.
public struct EmptyResponse: Decodable, Sendable, Hashable {
    /// Creates an empty response.
    public init() {}

    /// Accepts any JSON value (`null`, `{}`, or anything else) and ignores it.
    public init(from decoder: any Decoder) throws {}
}

extension EmptyResponse: DecodableFromEmptyBody {
    static var emptyBodyValue: EmptyResponse { EmptyResponse() }
}
