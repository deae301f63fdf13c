/// Why a ``LoopbackPushServer`` could not start.
public struct LoopbackServerError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of failure happened.
    public struct Code: RawRepresentable, Sendable, Hashable {
        /// A short identifier of the kind.
        public let rawValue: String
        /// Creates a kind from its identifier.
        public init(rawValue: String) { self.rawValue = rawValue }

        /// Another socket already listens on the requested port of 127.0.0.1.
        public static let portInUse = Code(rawValue: "portInUse")
        /// The process may not bind the requested port (privileged ports, sandboxing).
        public static let permissionDenied = Code(rawValue: "permissionDenied")
        /// A limit or timeout given to the initializer is out of range.
        public static let invalidConfiguration = Code(rawValue: "invalidConfiguration")
        /// Any other failure of a socket, pipe or thread call.
        public static let socketFailure = Code(rawValue: "socketFailure")
    }

    /// What kind of failure happened.
    public var code: Code
    /// The port that was requested (`0` for "any free port").
    public var port: UInt16
    /// The system error number, or `0` when the failure did not come from a system call.
    public var systemErrorNumber: Int32
    /// A one-line explanation.
    public var message: String

    /// Creates an error.
    public init(code: Code, port: UInt16, systemErrorNumber: Int32 = 0, message: String) {
        self.code = code
        self.port = port
        self.systemErrorNumber = systemErrorNumber
        self.message = message
    }

    /// `loopback server error (code): message`.
    public var description: String { "loopback server error (\(code.rawValue)): \(message)" }

    /// An error describing a failed system call.
    static func system(_ code: Code, operation: String, code errorNumber: Int32, port: UInt16) -> Self {
        let target = port == 0 ? "127.0.0.1 (any port)" : "127.0.0.1:\(port)"
        let reason = code == .portInUse ? "the port is already in use" : SocketAPI.message(for: errorNumber)
        return Self(
            code: code, port: port, systemErrorNumber: errorNumber,
            message: "\(operation) failed for \(target): \(reason) (errno \(errorNumber))")
    }
}
