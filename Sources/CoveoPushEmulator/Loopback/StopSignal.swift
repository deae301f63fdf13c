/// A pipe that becomes readable, for good, when the server stops.
///
/// Every blocking wait of the server polls its read end beside the socket it waits on, so one `signal()` wakes
/// the accept loop and every connection at once, on Linux and Darwin alike. The descriptors are closed when
/// the last owner releases it, after every thread that polls it has finished.
final class StopSignal: @unchecked Sendable {
    /// The end to poll for `POLLIN`.
    let readDescriptor: Int32
    private let writeDescriptor: Int32

    /// Creates the pipe, or returns `nil` when the process is out of descriptors.
    init?() {
        guard let pipe = SocketAPI.makePipe() else { return nil }
        readDescriptor = pipe.read
        writeDescriptor = pipe.write
    }

    /// Makes the read end readable. The byte is never consumed, so every later poll sees it too.
    func signal() {
        SocketAPI.writeByte(writeDescriptor)
    }

    deinit {
        SocketAPI.close(readDescriptor)
        SocketAPI.close(writeDescriptor)
    }
}
