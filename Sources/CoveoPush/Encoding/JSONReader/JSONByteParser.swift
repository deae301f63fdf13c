/// The engine of ``JSONParser``: builds values from the tokens of a ``JSONTokenizer`` over a byte buffer that lives
/// for one call.
///
/// Containers being built are kept on an explicit stack, so nesting never recurses; the tokenizer reads keys,
/// strings, numbers and literals.
struct JSONByteParser {
    private var tokens: JSONTokenizer
    private let maxDepth: Int

    /// Elements of the arrays under construction, innermost last.
    private var pendingElements = JSONMoveBuffer<JSONValue>()
    /// Members of the objects under construction, innermost last.
    private var pendingMembers = JSONMoveBuffer<(key: String, value: JSONValue)>()

    init(_ raw: UnsafeRawBufferPointer, maxDepth: Int) {
        self.tokens = JSONTokenizer(raw)
        self.maxDepth = maxDepth
    }

    /// Parses the single value that makes up the whole input.
    mutating func parseDocument() throws(JSONParseError) -> JSONValue {
        defer {
            pendingElements.release()
            pendingMembers.release()
        }
        tokens.skipWhitespace()
        guard tokens.hasByte else {
            throw tokens.failure(.unexpectedEnd, "the input holds no JSON value", at: tokens.index)
        }
        let value = try parseValue()
        tokens.skipWhitespace()
        if tokens.hasByte {
            let extra = tokens.describe(tokens.currentByteOrZero)
            throw tokens.failure(.trailingData, "\(extra) after the end of the JSON value", at: tokens.index)
        }
        return value
    }

    // MARK: - Values and containers

    private mutating func parseValue() throws(JSONParseError) -> JSONValue {
        // One entry per open container: where its elements or members start on the shared stack, shifted left
        // once, with the low bit set for objects. An object's member whose value is being read sits on the
        // member stack with a placeholder value.
        var frames = JSONMoveBuffer<Int>()
        defer { frames.release() }
        var value: JSONValue
        nextValue: while true {
            // A value starts here; whitespace before it has been skipped.
            guard tokens.hasByte else {
                throw tokens.failure(.unexpectedEnd, "the input ends where a value is expected", at: tokens.index)
            }
            switch tokens.bytes[tokens.index] {
            case UInt8(ascii: "{"):
                guard frames.count < maxDepth else { throw tooDeep() }
                tokens.index += 1
                tokens.skipWhitespace()
                if tokens.isAt(UInt8(ascii: "}")) {
                    tokens.index += 1
                    value = .object(JSONObject())
                } else {
                    frames.push(pendingMembers.count << 1 | 1)
                    pendingMembers.push((key: try tokens.memberKey(afterComma: false), value: .null))
                    continue nextValue
                }
            case UInt8(ascii: "["):
                guard frames.count < maxDepth else { throw tooDeep() }
                tokens.index += 1
                tokens.skipWhitespace()
                if tokens.isAt(UInt8(ascii: "]")) {
                    tokens.index += 1
                    value = .array([])
                } else {
                    frames.push(pendingElements.count << 1)
                    continue nextValue
                }
            case UInt8(ascii: "\""):
                tokens.index += 1
                value = .string(try tokens.string())
            case UInt8(ascii: "t"):
                try tokens.expectLiteral("true")
                value = .bool(true)
            case UInt8(ascii: "f"):
                try tokens.expectLiteral("false")
                value = .bool(false)
            case UInt8(ascii: "n"):
                try tokens.expectLiteral("null")
                value = .null
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                value = .number(try tokens.number())
            case let other:
                throw tokens.unexpected(other, expecting: "a value")
            }

            // A value is complete: add it to its container, closing containers as they end.
            while true {
                guard let frame = frames.last else { return value }
                tokens.skipWhitespace()
                let next = tokens.currentByteOrZero
                if frame & 1 == 1 {
                    if let placeholder = pendingMembers.popLast() {
                        pendingMembers.push((key: placeholder.key, value: value))
                    }
                    if next == UInt8(ascii: ",") {
                        tokens.index += 1
                        tokens.skipWhitespace()
                        pendingMembers.push((key: try tokens.memberKey(afterComma: true), value: .null))
                        continue nextValue
                    } else if next == UInt8(ascii: "}") {
                        tokens.index += 1
                        _ = frames.popLast()
                        value = .object(JSONObject(pendingMembers.popArray(from: frame >> 1)))
                    } else {
                        throw tokens.hasByte
                            ? tokens.unexpected(next, expecting: "',' or '}'")
                            : tokens.failure(.unexpectedEnd, "the input ends inside an object", at: tokens.index)
                    }
                } else {
                    pendingElements.push(value)
                    if next == UInt8(ascii: ",") {
                        tokens.index += 1
                        tokens.skipWhitespace()
                        if tokens.isAt(UInt8(ascii: "]")) {
                            throw tokens.failure(
                                .trailingComma, "a ',' must be followed by a value, not ']'", at: tokens.index)
                        }
                        continue nextValue
                    } else if next == UInt8(ascii: "]") {
                        tokens.index += 1
                        _ = frames.popLast()
                        value = .array(pendingElements.popArray(from: frame >> 1))
                    } else {
                        throw tokens.hasByte
                            ? tokens.unexpected(next, expecting: "',' or ']'")
                            : tokens.failure(.unexpectedEnd, "the input ends inside an array", at: tokens.index)
                    }
                }
            }
        }
    }

    private func tooDeep() -> JSONParseError {
        tokens.failure(.tooDeep, "arrays and objects are nested deeper than \(maxDepth) levels", at: tokens.index)
    }
}
