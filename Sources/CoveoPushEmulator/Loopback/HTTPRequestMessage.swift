/// One complete HTTP request: its head and its decoded body (chunked framing removed).
struct HTTPRequestMessage: Sendable, Hashable {
    /// The request line and headers.
    var head: HTTPRequestHead
    /// The body bytes; empty when the request had none.
    var body: [UInt8]
}
