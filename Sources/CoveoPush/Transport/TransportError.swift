/// A connectivity failure: the exchange did not complete, so there is no HTTP status to look at.
///
/// Transports throw this (or `CancellationError`) and nothing else; every HTTP status, including errors,
/// is returned as a ``TransportResponse``.
public struct TransportError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of failure happened.
    public struct Kind: RawRepresentable, Sendable, Hashable {
        /// A short identifier of the kind.
        public let rawValue: String
        /// Creates a kind from its identifier.
        public init(rawValue: String) { self.rawValue = rawValue }

        /// The request did not complete within its timeout.
        public static let timedOut = Kind(rawValue: "timedOut")
        /// The host could not be reached or refused the connection.
        public static let cannotConnect = Kind(rawValue: "cannotConnect")
        /// The connection was lost while the request or response was in flight.
        public static let connectionLost = Kind(rawValue: "connectionLost")
        /// The response could not be read (malformed HTTP, bad TLS, and the like).
        public static let badResponse = Kind(rawValue: "badResponse")
        /// A local body file could not be read.
        public static let bodyUnreadable = Kind(rawValue: "bodyUnreadable")
        /// Any other failure.
        public static let other = Kind(rawValue: "other")
    }

    /// What kind of failure happened.
    public var kind: Kind
    /// A one-line explanation, free of credentials.
    public var message: String

    /// Creates a connectivity failure.
    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    /// `transport error (kind): message`.
    public var description: String { "transport error (\(kind.rawValue)): \(message)" }
}
