/// A bounded hand-off between the task that reads and parses the inputs and the task that encodes and appends
/// them: the reader runs ahead by at most `capacity` chunks, so a slow service never makes memory grow.
actor HandOff<Element: Sendable> {
    private let capacity: Int
    /// The elements not yet received; at most `capacity`, so removing from the front costs nothing worth a ring.
    private var buffer: [Element] = []
    private var closed = false
    private var waitingReceiver: CheckedContinuation<Element?, Never>?
    private var waitingSenders: [CheckedContinuation<Bool, Never>] = []

    init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    /// Hands over an element, waiting while the buffer is full.
    ///
    /// - Returns: `false` when the receiving side closed the hand-off (the element was dropped).
    func send(_ element: Element) async -> Bool {
        while !closed && buffer.count >= capacity {
            let accepted = await withCheckedContinuation { waitingSenders.append($0) }
            if !accepted { return false }
        }
        guard !closed else { return false }
        if let receiver = waitingReceiver {
            waitingReceiver = nil
            receiver.resume(returning: element)
        } else {
            buffer.append(element)
        }
        return true
    }

    /// The next element, or `nil` once the sender finished and everything was received.
    func receive() async -> Element? {
        if !buffer.isEmpty {
            // Removed, not just passed over: a received element must not stay referenced here.
            let element = buffer.removeFirst()
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
    }
}
