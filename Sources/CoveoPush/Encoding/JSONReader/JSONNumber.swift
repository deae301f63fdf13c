/// A JSON number: an exact 64-bit integer when the text is an integer literal that fits, otherwise a finite
/// double, with its original text.
///
/// Two numbers are equal when they denote the same value: `1`, `1.0` and `10e-1` are equal (all integral), as
/// are `0.5` and `5e-1`. The original text is kept for callers that need it (``text``) but does not take part
/// in equality.
///
/// ```swift
/// let number = JSONNumber(text: "1.5e3")
/// number?.int64Value   // 1500
/// number?.doubleValue  // 1500.0
/// number?.text         // "1.5e3"
/// ```
public struct JSONNumber: Sendable, Hashable, CustomStringConvertible {
    enum Storage: Sendable {
        /// An integer literal that fits in `Int64`; its text is its decimal form.
        case integer(Int64)
        /// Anything else: a fraction, an exponent, `-0`, or an integer beyond `Int64`.
        case decimal(text: String, value: Double)
    }

    let storage: Storage

    /// An exact integer.
    public init(_ value: Int64) {
        storage = .integer(value)
    }

    /// A double; `nil` for NaN and infinity, which JSON cannot represent. The text is the shortest form that
    /// reads back as the same double (`5.0`, `0.1`, `1e+20`).
    public init?(_ value: Double) {
        guard value.isFinite else { return nil }
        storage = .decimal(text: value.description, value: value)
    }

    /// Parses the text of one JSON number, strictly (RFC 8259 grammar, finite value); `nil` otherwise.
    public init?(text: String) {
        guard case .number(let number)? = try? JSONParser().parse(text) else { return nil }
        self = number
    }

    init(storage: Storage) {
        self.storage = storage
    }

    /// Whether the text was an integer literal within `Int64` (no fraction, no exponent, not `-0`).
    public var isIntegerLiteral: Bool {
        if case .integer = storage { return true }
        return false
    }

    /// The exact integer value when the number is integral and within `Int64` (`7`, `7.0`, `70e-1`), else `nil`.
    ///
    /// Decided from the number's text, not from its double, so `9223372036854775809` (which rounds to a double
    /// equal to 2⁶³) or `1e-400` (which rounds to zero) give `nil`.
    public var int64Value: Int64? {
        switch storage {
        case .integer(let value):
            return value
        case .decimal(let text, _):
            return Self.exactInteger(text)
        }
    }

    /// The integer a JSON number's text denotes exactly, if it is one within `Int64`.
    static func exactInteger(_ text: String) -> Int64? {
        var digits: [UInt8] = []
        var fractionDigits = 0
        var exponent = 0
        var negative = false
        var inFraction = false
        var exponentSign = 1
        var inExponent = false
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "-") where !inExponent:
                negative = true
            case UInt8(ascii: "-"):
                exponentSign = -1
            case UInt8(ascii: "+"):
                break
            case UInt8(ascii: "."):
                inFraction = true
            case UInt8(ascii: "e"), UInt8(ascii: "E"):
                inExponent = true
            case UInt8(ascii: "0")...UInt8(ascii: "9") where inExponent:
                // Saturate: anything this large is far outside Int64 either way.
                exponent = min(exponent * 10 + Int(byte - UInt8(ascii: "0")), 1_000_000)
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if !(digits.isEmpty && byte == UInt8(ascii: "0")) { digits.append(byte - UInt8(ascii: "0")) }
                if inFraction {
                    fractionDigits += 1
                }
            default:
                return nil
            }
        }
        if digits.isEmpty { return 0 }
        var scale = exponentSign * exponent - fractionDigits
        while scale < 0, let last = digits.last, last == 0 {
            digits.removeLast()
            scale += 1
        }
        guard scale >= 0, digits.count + scale <= 19 else { return nil }
        var magnitude: UInt64 = 0
        for digit in digits { magnitude = magnitude * 10 + UInt64(digit) }
        for _ in 0..<scale {
            let (product, overflow) = magnitude.multipliedReportingOverflow(by: 10)
            guard !overflow else { return nil }
            magnitude = product
        }
        if negative {
            return magnitude <= UInt64(Int64.max) + 1 ? Int64(bitPattern: 0 &- magnitude) : nil
        }
        return magnitude <= UInt64(Int64.max) ? Int64(magnitude) : nil
    }

    /// The value as a double (rounded to the nearest double for integers beyond 2⁵³).
    public var doubleValue: Double {
        switch storage {
        case .integer(let value): return Double(value)
        case .decimal(_, let value): return value
        }
    }

    /// The number's JSON text: the original text when it was parsed, otherwise its shortest form.
    public var text: String {
        switch storage {
        case .integer(let value): return String(value)
        case .decimal(let text, _): return text
        }
    }

    /// The number's JSON text.
    public var description: String { text }

    /// Whether two numbers denote the same value.
    public static func == (lhs: JSONNumber, rhs: JSONNumber) -> Bool {
        switch (lhs.int64Value, rhs.int64Value) {
        case (let left?, let right?): return left == right
        case (nil, nil): return lhs.doubleValue == rhs.doubleValue
        default: return false
        }
    }

    /// Hashes the value, consistently with `==`.
    public func hash(into hasher: inout Hasher) {
        if let integer = int64Value {
            hasher.combine(0 as UInt8)
            hasher.combine(integer)
        } else {
            hasher.combine(1 as UInt8)
            hasher.combine(doubleValue)
        }
    }
}
