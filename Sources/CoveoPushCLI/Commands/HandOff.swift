/// A bounded hand-off between the task that reads and parses the inputs and the task that encodes and appends
/// them, bounded twice, so a slow service or large records never make memory grow:
///
/// - in elements: the reader runs ahead by at most `capacity` elements (``send(_:bytes:)`` waits);
/// - in bytes: the sender reserves each record's size (``reserve(_:)``) before it parses it, and the bytes stay
///   held until the receiver is done with the element that carried them, which is when it asks for the next one
///   (``receive()``). Reserving waits while the held bytes plus the new ones would pass `byteLimit`; a record
///   larger than `byteLimit` on its own is admitted only when nothing else is held, so it is then the only one
///   between reading and applying.
actor HandOff<Element: Sendable> {
    private let capacity: Int
    /// The most bytes held at once, unless a single reservation is larger (it then waits until none are held).
    let byteLimit: Int
    /// The elements not yet received, with the bytes each carries; at most `capacity`, so removing from the front
    /// costs nothing worth a ring.
    private var buffer: [(element: Element, bytes: Int)] = []
    private var closed = false
    private var waitingReceiver: CheckedContinuation<Element?, Never>?
    private var waitingSenders: [CheckedContinuation<Bool, Never>] = []
    /// Bytes reserved and not yet released: records being assembled by the sender, buffered here, or held by the
    /// receiver.
    private(set) var heldBytes = 0
    /// The bytes of the element the receiver holds, released when it asks for the next one.
    private var receivedBytes = 0
    /// The sender waiting for bytes to be released, with the bytes it wants.
    private var waitingReservation: (bytes: Int, continuation: CheckedContinuation<Bool, Never>)?
    /// The most bytes ever held at once (for tests of the bound).
    private(set) var mostHeldBytes = 0

    init(capacity: Int, byteLimit: Int = .max) {
        self.capacity = max(1, capacity)
        self.byteLimit = max(1, byteLimit)
    }

    /// Whether reserving `bytes` now would wait for the receiver to release some.
    func wouldWait(toReserve bytes: Int) -> Bool {
        heldBytes > 0 && heldBytes + bytes > byteLimit
    }

    /// Reserves `bytes` for a record about to be parsed and sent, waiting while they do not fit.
    ///
    /// A sender that holds reserved bytes in an element it has not sent yet must send it before waiting
    /// (``wouldWait(toReserve:)`` says when), or it would wait for itself.
    ///
    /// - Returns: `false` when the hand-off was closed (nothing was reserved).
    func reserve(_ bytes: Int) async -> Bool {
        while !closed && wouldWait(toReserve: bytes) {
            let released = await withCheckedContinuation { waitingReservation = (bytes, $0) }
            if !released { return false }
        }
        guard !closed else { return false }
        heldBytes += bytes
        mostHeldBytes = max(mostHeldBytes, heldBytes)
        return true
    }

    /// Hands over an element carrying `bytes` reserved bytes, waiting while `capacity` elements are buffered.
    ///
    /// - Returns: `false` when the receiving side closed the hand-off (the element was dropped).
    func send(_ element: Element, bytes: Int = 0) async -> Bool {
        while !closed && buffer.count >= capacity {
            let accepted = await withCheckedContinuation { waitingSenders.append($0) }
            if !accepted { return false }
        }
        guard !closed else { return false }
        if let receiver = waitingReceiver {
            waitingReceiver = nil
            receivedBytes = bytes
            receiver.resume(returning: element)
        } else {
            buffer.append((element, bytes))
        }
        return true
    }

    /// The next element, or `nil` once the sender finished and everything was received. Asking for it releases
    /// the bytes of the element received before: the receiver is done with it.
    func receive() async -> Element? {
        release(receivedBytes)
        receivedBytes = 0
        if !buffer.isEmpty {
            // Removed, not just passed over: a received element must not stay referenced here.
            let (element, bytes) = buffer.removeFirst()
            receivedBytes = bytes
            if !waitingSenders.isEmpty { waitingSenders.removeFirst().resume(returning: true) }
            return element
        }
        if closed { return nil }
        return await withCheckedContinuation { waitingReceiver = $0 }
    }

    /// Ends the hand-off from either side: the receiver then drains what is buffered and gets `nil`; waiting
    /// senders are released.
    func close() {
        closed = true
        waitingReceiver?.resume(returning: nil)
        waitingReceiver = nil
        for sender in waitingSenders { sender.resume(returning: false) }
        waitingSenders = []
        waitingReservation?.continuation.resume(returning: false)
        waitingReservation = nil
    }

    private func release(_ bytes: Int) {
        guard bytes > 0 else { return }
        heldBytes -= bytes
        if let waiting = waitingReservation, !wouldWait(toReserve: waiting.bytes) {
            waitingReservation = nil
            waiting.continuation.resume(returning: true)
        }
    }
}
