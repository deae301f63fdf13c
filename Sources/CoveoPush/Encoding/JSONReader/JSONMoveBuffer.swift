/// A growable stack that hands back its top elements as an array by moving them (no copy, retain or release):
/// where ``JSONByteParser`` keeps the elements and members of the containers it is building.
///
/// A plain struct over manually allocated memory, so creating one costs nothing until the first push; its owner
/// must call ``release()`` exactly once when done (``JSONByteParser`` does so in a `defer`).
struct JSONMoveBuffer<Element> {
    private var base: UnsafeMutablePointer<Element>?
    private var capacity = 0
    private(set) var count = 0

    @inline(__always)
    mutating func push(_ element: consuming Element) {
        if count == capacity { grow() }
        guard let base else { return }
        (base + count).initialize(to: element)
        count += 1
    }

    private mutating func grow() {
        let newCapacity = max(32, capacity * 2)
        let newBase = UnsafeMutablePointer<Element>.allocate(capacity: newCapacity)
        if let base {
            newBase.moveInitialize(from: base, count: count)
            base.deallocate()
        }
        base = newBase
        capacity = newCapacity
    }

    /// The top element, or `nil` when empty.
    var last: Element? {
        guard count > 0, let base else { return nil }
        return base[count - 1]
    }

    /// Removes the top element and returns it (moved out), or `nil` when empty.
    @inline(__always)
    mutating func popLast() -> Element? {
        guard count > 0, let base else { return nil }
        count -= 1
        return (base + count).move()
    }

    /// Removes the elements from `start` to the top and returns them, in order.
    mutating func popArray(from start: Int) -> [Element] {
        let length = count - start
        guard length > 0, let base else { return [] }
        var result: [Element] = []
        result.reserveCapacity(length)
        for offset in start..<count {
            result.append((base + offset).move())
        }
        count = start
        return result
    }

    /// Destroys the elements left and frees the memory.
    mutating func release() {
        if let base {
            base.deinitialize(count: count)
            base.deallocate()
        }
        base = nil
        capacity = 0
        count = 0
    }
}
