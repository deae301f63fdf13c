import Foundation
import Testing

@testable import CoveoPushCLI

@Suite("HandOff (bounded reader-to-appender hand-off)")
struct InProcessHandOffTests {
    /// Counts completed sends, readable from any task.
    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0
        func increment() { lock.withLock { count += 1 } }
        var value: Int { lock.withLock { count } }
    }

    /// Waits (up to a second) until `condition` holds.
    static func eventually(_ condition: () -> Bool) async throws -> Bool {
        for _ in 0..<1000 {
            if condition() { return true }
            try await Task.sleep(for: .milliseconds(1))
        }
        return condition()
    }

    @Test("elements arrive in order, then nil once the sender closed and everything was received")
    func order() async {
        let handOff = HandOff<Int>(capacity: 3)
        let sender = Task {
            for value in 0..<2_000 {
                guard await handOff.send(value) else { return false }
            }
            await handOff.close()
            return true
        }
        var received: [Int] = []
        while let value = await handOff.receive() {
            received.append(value)
            if value % 97 == 0 { await Task.yield() }
        }
        #expect(await sender.value)
        #expect(received == Array(0..<2_000))
        #expect(await handOff.receive() == nil)
    }

    /// An element whose release can be observed.
    final class Tracked: Sendable {}

    @Test("a received element is no longer referenced by the hand-off, so memory stays bounded by capacity")
    func releasesReceived() async throws {
        let handOff = HandOff<Tracked>(capacity: 8)
        weak var first: Tracked?
        do {
            let element = Tracked()
            first = element
            #expect(await handOff.send(element))
        }
        for _ in 0..<3 { #expect(await handOff.send(Tracked())) }
        #expect(first != nil, "held while not yet received")
        _ = await handOff.receive()
        #expect(first == nil, "released once received, while later elements are still buffered")
    }

    @Test("the sender waits when the buffer is full: it is never more than capacity elements ahead")
    func senderWaits() async throws {
        let capacity = 4
        let handOff = HandOff<Int>(capacity: capacity)
        let sent = Counter()
        let sender = Task {
            for value in 0..<40 {
                guard await handOff.send(value) else { return }
                sent.increment()
            }
            await handOff.close()
        }
        // Nobody receives: exactly `capacity` sends complete, and the next one waits.
        #expect(try await Self.eventually { sent.value == capacity })
        try await Task.sleep(for: .milliseconds(30))
        #expect(sent.value == capacity)

        // Each receive lets exactly one more send through.
        #expect(await handOff.receive() == 0)
        #expect(try await Self.eventually { sent.value == capacity + 1 })
        try await Task.sleep(for: .milliseconds(10))
        #expect(sent.value == capacity + 1)

        var received = 1
        var values = [0]
        while let value = await handOff.receive() {
            received += 1
            values.append(value)
            #expect(sent.value <= received + capacity)
        }
        await sender.value
        #expect(values == Array(0..<40))
    }

    @Test("close by the receiver releases a waiting sender with false; later sends are refused")
    func receiverCloses() async throws {
        let handOff = HandOff<String>(capacity: 1)
        #expect(await handOff.send("first"))
        let finished = Counter()
        let blocked = Task {
            let accepted = await handOff.send("second")
            finished.increment()
            return accepted
        }
        try await Task.sleep(for: .milliseconds(30))
        #expect(finished.value == 0)
        await handOff.close()
        #expect(await blocked.value == false)
        #expect(await handOff.send("third") == false)
        // What was buffered before the close still drains, then nil.
        #expect(await handOff.receive() == "first")
        #expect(await handOff.receive() == nil)
    }

    @Test("a waiting receiver gets an element sent directly, and nil when the sender closes")
    func waitingReceiver() async throws {
        let handOff = HandOff<Int>(capacity: 1)
        let receiver = Task { [handOff] in
            var values: [Int?] = []
            values.append(await handOff.receive())
            values.append(await handOff.receive())
            return values
        }
        try await Task.sleep(for: .milliseconds(20))
        #expect(await handOff.send(7))
        try await Task.sleep(for: .milliseconds(20))
        await handOff.close()
        #expect(await receiver.value == [7, nil])
    }

    @Test("a capacity below 1 still hands over, one element at a time")
    func zeroCapacity() async {
        let handOff = HandOff<Int>(capacity: 0)
        let sender = Task {
            for value in 1...5 { _ = await handOff.send(value) }
            await handOff.close()
        }
        var values: [Int] = []
        while let value = await handOff.receive() { values.append(value) }
        await sender.value
        #expect(values == [1, 2, 3, 4, 5])
    }
}
