/// An answer that ends a request early (a 4xx found while reading it), thrown so checks read top to bottom.
struct EmulatorRefusal: Error, Sendable {
    var answer: EmulatorAnswer

    init(_ answer: EmulatorAnswer) {
        self.answer = answer
    }
}
