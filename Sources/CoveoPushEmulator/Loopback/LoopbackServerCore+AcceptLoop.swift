extension LoopbackServerCore {
    /// Accepts connections until the server stops, starting one thread per connection; closes the listener.
    func runAcceptLoop(listener: Int32) {
        defer { SocketAPI.close(listener) }
        let requests = [(fd: listener, events: SocketAPI.readable), (fd: stopDescriptor, events: SocketAPI.readable)]
        while !isStopping {
            guard let revents = SocketAPI.poll(requests, timeoutMilliseconds: -1) else { continue }
            if revents[1] != 0 { return }
            guard let descriptor = SocketAPI.accept(listener) else {
                if SocketAPI.isResourceExhaustion(SocketAPI.lastError) {
                    // Out of descriptors or memory: give open connections a moment to finish instead of spinning.
                    _ = SocketAPI.poll([(fd: stopDescriptor, events: SocketAPI.readable)], timeoutMilliseconds: 50)
                }
                continue
            }
            guard SocketAPI.configureConnection(descriptor) else {
                SocketAPI.close(descriptor)
                continue
            }
            let call = HandlerCall()
            let started = spawn(name: "LoopbackPushServer connection", call: call) { [self] in
                let connection = SocketConnection(
                    descriptor: descriptor, stopDescriptor: stopDescriptor,
                    timeoutMilliseconds: configuration.idleTimeoutMilliseconds)
                ConnectionWorker(core: self, connection: connection, call: call).run()
            }
            if !started { SocketAPI.close(descriptor) }
        }
    }
}
